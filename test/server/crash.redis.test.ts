// Exactly one answer through any crash, Redis mode (Redis store, BullMQ), on a private redis-server that this
// file may stop and restart: `anshin serve` killed with SIGKILL at random moments during bursts; a worker
// process killed mid-job while a web process goes on (its jobs re-run within 30 s, with the default
// stalled-job settings); and Redis itself restarted during a burst. After each, every event is delivered
// again, as LINE and Twilio do; every event must be answered once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLine } from '../channels/line/fake-line.ts';
import { FakeTwilio, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../channels/twilio/fake-twilio.ts';
import { LINE_SECRET, PUBLIC_BASE_URL } from '../conversation/harness.ts';
import { PrivateRedis, ServerProcess, sleep, until } from './processes.ts';
import {
  answered,
  burstOfEvents,
  deliver,
  deliverAll,
  redeliverUntilAcked,
  type TrafficEvent,
  tally,
} from './traffic.ts';

const ROUNDS = 2;
const EVENTS_PER_BURST = 60;
const KILL_WINDOW_MS = 900;
const PLATFORM_LATENCY_MS = 30;
/** The promise for a killed worker: its jobs run again within this. */
const WORKER_RECOVERY_LIMIT_MS = 30_000;

let redis: PrivateRedis;
let line: FakeLine;
let twilio: FakeTwilio;
let dataDir: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  redis = new PrivateRedis();
  await redis.start();
  line = await new FakeLine().start();
  twilio = await new FakeTwilio().start();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-crash-redis-'));
});
afterAll(async () => {
  for (const s of servers) await s.kill();
  await redis.dispose();
  await line.stop();
  await twilio.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function server(role: 'all' | 'web' | 'worker'): ServerProcess {
  const s = new ServerProcess(
    {
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      REDIS_URL: redis.url,
      ID_HASH_KEY: 'crash-test-id-hash-key-0123456789',
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
    },
    ['serve', '--port', '0', '--role', role],
  );
  servers.push(s);
  return s;
}

function summary(what: string, t: ReturnType<typeof tally>, extra: string): string {
  return (
    `crash test (Redis, ${what}): ${t.events} events, ${extra}, ${t.once} answered exactly once, ` +
    `${t.twice.length} more than once, ${t.never.length} never`
  );
}

describe('crash: Redis mode', () => {
  it('answers every event exactly once through SIGKILLs at random points during bursts', async () => {
    line.latencyMs = PLATFORM_LATENCY_MS;
    twilio.latencyMs = PLATFORM_LATENCY_MS;
    const s = server('all');
    let address = await s.start();
    const all: TrafficEvent[] = [];
    let kills = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const burst = burstOfEvents(`r${round}`, EVENTS_PER_BURST);
      all.push(...burst);
      const delivering = deliverAll(address, burst);
      await sleep(Math.floor(Math.random() * KILL_WINDOW_MS));
      await s.kill();
      kills += 1;
      await delivering;
      address = await s.start();
      await deliverAll(address, burst, { redelivery: true });
      // Jobs the killed process was running come back once their locks run out (BullMQ's stalled check).
      await until(() => answered(burst, line, twilio), `every event of burst ${round} answered`, 60_000);
    }
    await deliverAll(address, all, { redelivery: true });
    await sleep(1_500);
    const t = tally(all, line, twilio);
    console.info(summary('SIGKILL during bursts', t, `${kills} SIGKILLs`));
    expect(t.twice).toEqual([]);
    expect(t.never).toEqual([]);
    await s.stop();
  }, 240_000);

  it('re-runs the jobs of a worker killed mid-job within 30 s, and answers each once', async () => {
    // Slow platform calls: the worker is killed with answers in flight.
    line.latencyMs = 400;
    twilio.latencyMs = 400;
    const web = server('web');
    const doomed = server('worker');
    // A second worker runs from the start: the killed one's jobs come back to it once their locks run out.
    const other = server('worker');
    const [address] = await Promise.all([web.start(), doomed.start(), other.start()]);
    const burst = burstOfEvents('wk', 30);
    const answersBefore = line.answers().length + twilio.sent.length;
    expect(await deliverAll(address!, burst)).toBe(burst.length);
    await until(() => line.answers().length + twilio.sent.length > answersBefore + 3, 'the first answers to go out');
    await doomed.kill();
    const killedAt = Date.now();
    await until(() => answered(burst, line, twilio), 'every event answered after the kill', 60_000);
    const recoveredMs = Date.now() - killedAt;
    await deliverAll(address!, burst, { redelivery: true });
    await sleep(1_500);
    const t = tally(burst, line, twilio);
    console.info(summary('worker killed mid-job', t, `all answered ${recoveredMs} ms after the kill`));
    expect(t.twice).toEqual([]);
    expect(t.never).toEqual([]);
    expect(recoveredMs).toBeLessThan(WORKER_RECOVERY_LIMIT_MS);
    await other.stop();
    await web.stop();
  }, 180_000);

  it('answers every event exactly once when Redis restarts during a burst', async () => {
    line.latencyMs = PLATFORM_LATENCY_MS;
    twilio.latencyMs = PLATFORM_LATENCY_MS;
    const s = server('all');
    const address = await s.start();
    const burst = burstOfEvents('rr', EVENTS_PER_BURST);
    // Spread over about 1.5 s, so that Redis goes down with webhooks arriving and jobs running.
    const delivering = (async () => {
      let n = 0;
      for (const ev of burst) {
        if (await deliver(address, ev)) n += 1;
        await sleep(25);
      }
      return n;
    })();
    await sleep(300 + Math.floor(Math.random() * 400));
    await redis.stop();
    await sleep(1_000);
    await redis.start();
    const acked = await delivering;
    // Events that came while Redis was down were refused (503), not acknowledged and lost.
    expect(acked).toBeLessThan(burst.length);
    // Redelivered until acknowledged, as LINE does: the first tries may still find Redis reconnecting (503).
    expect(await redeliverUntilAcked(address, burst)).toBe(0);
    await until(() => answered(burst, line, twilio), 'every event answered after the Redis restart', 60_000);
    await deliverAll(address, burst, { redelivery: true });
    await sleep(1_500);
    const t = tally(burst, line, twilio);
    console.info(summary('Redis restarted', t, `${burst.length - acked} refused with 503 while Redis was down`));
    expect(t.twice).toEqual([]);
    expect(t.never).toEqual([]);
    await s.stop();
  }, 180_000);
});
