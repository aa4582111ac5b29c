// Exactly one answer through any crash, embedded mode (SQLite store and queue): `anshin serve` in a child
// process is killed with SIGKILL at random moments during bursts of webhooks, started again on the same
// data, and every event is delivered again, as LINE and Twilio do after an error or a timeout. Every event
// must be answered once: none lost, none doubled. Then the worst moments on purpose: killed after the
// platform accepted the answer and before the process could record it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLine } from '../channels/line/fake-line.ts';
import { FakeTwilio, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../channels/twilio/fake-twilio.ts';
import { LINE_SECRET, PUBLIC_BASE_URL } from '../conversation/harness.ts';
import { ServerProcess, sleep, until } from './processes.ts';
import { answered, burstOfEvents, deliverAll, type TrafficEvent, tally } from './traffic.ts';

const ROUNDS = 3;
const EVENTS_PER_BURST = 60;
/** Kills land anywhere from the first request to the last answers (ingest, burst window, judging, sending). */
const KILL_WINDOW_MS = 900;
/** Platform calls take this long, so kills also land while calls are in flight. */
const PLATFORM_LATENCY_MS = 30;

let line: FakeLine;
let twilio: FakeTwilio;
let dataDir: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  line = await new FakeLine().start();
  twilio = await new FakeTwilio().start();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-crash-'));
});
afterAll(async () => {
  for (const s of servers) await s.kill();
  await line.stop();
  await twilio.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function server(sub: string): ServerProcess {
  const s = new ServerProcess({
    DATA_DIR: path.join(dataDir, sub),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    PUBLIC_BASE_URL,
    LINE_CHANNEL_SECRET: LINE_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: 'test-access-token',
    LINE_API_BASE_URL: line.url,
    LINE_DATA_API_BASE_URL: line.url,
    TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
    TWILIO_API_BASE_URL: twilio.url,
    RATE_LIMIT_PER_HOUR: '100000',
    SHUTDOWN_DRAIN_MS: '0',
  });
  servers.push(s);
  return s;
}

describe('crash: embedded mode', () => {
  it('answers every event exactly once through SIGKILLs at random points during bursts', async () => {
    line.latencyMs = PLATFORM_LATENCY_MS;
    twilio.latencyMs = PLATFORM_LATENCY_MS;
    const s = server('random');
    let address = await s.start();
    const all: TrafficEvent[] = [];
    let kills = 0;
    let ackedBeforeKill = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const burst = burstOfEvents(`e${round}`, EVENTS_PER_BURST);
      all.push(...burst);
      const delivering = deliverAll(address, burst);
      await sleep(Math.floor(Math.random() * KILL_WINDOW_MS));
      await s.kill();
      kills += 1;
      ackedBeforeKill += await delivering;
      address = await s.start();
      // Everything again: what failed is retried by the platform, what was acknowledged must be refused.
      await deliverAll(address, burst, { redelivery: true });
      await until(() => answered(burst, line, twilio), `every event of burst ${round} answered`, 60_000);
    }
    // Much later the platforms deliver everything once more (LINE redelivery, Twilio retries).
    await deliverAll(address, all, { redelivery: true });
    await sleep(1_500);
    const t = tally(all, line, twilio);
    console.info(
      `crash test (embedded): ${t.events} events, ${kills} SIGKILLs (${ackedBeforeKill} acknowledged before them), ` +
        `${t.once} answered exactly once, ${t.twice.length} more than once, ${t.never.length} never`,
    );
    expect(t.twice).toEqual([]);
    expect(t.never).toEqual([]);
    expect(t.once).toBe(ROUNDS * EVENTS_PER_BURST);
    await s.stop();
  }, 240_000);

  it('sends no second answer when killed after the platform accepted it and before it was recorded', async () => {
    line.latencyMs = 0;
    twilio.latencyMs = 0;
    const s = server('worst-moment');
    let address = await s.start();
    const [byReply, byPush, bySms] = [
      ...burstOfEvents('wr', 1),
      // Older than the reply-token budget: answered by push.
      ...burstOfEvents('wp', 1, () => Date.now() - 50_000),
      ...burstOfEvents('ws', 5).slice(4),
    ] as [TrafficEvent, TrafficEvent, TrafficEvent];
    const events = [byReply, byPush, bySms];
    const accepted = new Set<string>();
    line.hang = (p, body) => {
      const hit =
        (p.endsWith('/reply') && body.replyToken === byReply.line!.replyToken) ||
        (p.endsWith('/push') && body.to === byPush.who);
      if (hit) accepted.add(p);
      return hit;
    };
    twilio.hang = (form) => {
      const hit = form.To === bySms.who;
      if (hit) accepted.add('sms');
      return hit;
    };
    await deliverAll(address, events);
    await until(() => accepted.size === 3, 'the three answers to reach the platforms');
    await s.kill();
    line.hang = () => false;
    twilio.hang = () => false;
    const restarted = Date.now();
    address = await s.start();
    await deliverAll(address, events, { redelivery: true });
    // The resolution on restart: the reply token is tried again (400: spent), the push is sent again with the
    // same retry key (409), the SMS is looked up (found).
    await until(
      () =>
        line.calls.some(
          (c) => c.path.endsWith('/reply') && c.status === 400 && c.body.replyToken === byReply.line!.replyToken,
        ) &&
        line.calls.some((c) => c.path.endsWith('/push') && c.status === 409 && c.body.to === byPush.who) &&
        twilio.lookups().some((c) => c.form.To === bySms.who),
      'the three unconfirmed sends to be resolved',
    );
    const resolvedInMs = Date.now() - restarted;
    await sleep(1_000);
    const t = tally(events, line, twilio);
    expect(t.twice).toEqual([]);
    expect(t.never).toEqual([]);
    expect(twilio.sent.filter((m) => m.to === bySms.who)).toHaveLength(1);
    console.info(`crash test (embedded, worst moment): resolved ${resolvedInMs} ms after the restart began`);
    await s.stop();
  }, 120_000);
});
