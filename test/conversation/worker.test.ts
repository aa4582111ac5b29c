// The job handler with a recording outbox: bursts join in the worker, re-runs do not answer twice, an answer
// is decided once and resumed where it stopped, and the last failing attempt apologises.
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Outbox } from '../../src/conversation/outbox.ts';
import type { BurstPart, ChannelJob, LineTarget, Reply } from '../../src/conversation/types.ts';
import { createJobHandler, type WorkerDeps } from '../../src/conversation/worker.ts';
import { PersonIds } from '../../src/infra/ids.ts';
import { silentLog } from '../../src/infra/log.ts';
import { Metrics } from '../../src/infra/metrics.ts';
import type { QueuedJob, RunLater } from '../../src/infra/queue/queue.ts';
import { keys } from '../../src/infra/store/keys.ts';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';
import { verdict } from './fixtures.ts';

interface Sent {
  part: number;
  replies: Reply[];
}

/** Sends one part per reply, recording intent and success as a real outbox does; can fail on demand. */
function recordingOutbox(sent: Sent[], failAt: { part: number; times: number } = { part: -1, times: 0 }) {
  const outbox: Outbox<LineTarget> = {
    startWork: async () => {},
    async send(_t, replies, ctx) {
      for (let part = ctx.progress.sent; part < replies.length; part++) {
        await ctx.progress.begin(part, 'push');
        if (failAt.part === part && failAt.times > 0) {
          failAt.times -= 1;
          throw new Error('network down');
        }
        sent.push({ part, replies: [replies[part]!] });
        await ctx.progress.confirm(part);
      }
    },
    fetchImage: async () => ({ bytes: Buffer.alloc(1) }),
  };
  return outbox;
}

const ids = new PersonIds(Buffer.from('test-key-0123456789'));

function setup(
  consult: () => Promise<ReturnType<typeof verdict>>,
  over: Partial<WorkerDeps> = {},
  outbox?: Outbox<LineTarget>,
) {
  const store = new SqliteStore({ file: ':memory:' });
  const sent: Sent[] = [];
  let consultIds = 0;
  const handler = createJobHandler({
    store,
    ids,
    outboxes: { line: outbox ?? recordingOutbox(sent) },
    contextTtlMs: 60_000,
    rateLimitPerHour: 30,
    burstWindows: { textMs: 0, imageMs: 0 },
    log: silentLog,
    metrics: new Metrics(),
    consultant: { consult },
    offers: [],
    now: () => new Date(),
    newConsultId: () => `c${++consultIds}`,
    ...over,
  });
  return { store, sent, handler };
}

const target: LineTarget = { channel: 'line', userId: 'U1', replyToken: 'rt', sentAt: Date.now() };
const turn = (person: string, parts: BurstPart[], at = Date.now()): ChannelJob => ({
  kind: 'turn',
  parts,
  seq: 0,
  person,
  lang: 'ja',
  target,
  acceptedAt: at,
});
const job = (id: string, data: ChannelJob, attempt = 1, maxAttempts = 4): QueuedJob<ChannelJob> => ({
  id,
  data,
  attempt,
  maxAttempts,
  signal: new AbortController().signal,
});

describe('job handler', () => {
  it('answers a job once even when it runs again (a killed worker, a retry)', async () => {
    const { store, sent, handler } = setup(async () => verdict('danger'));
    const data = turn('p1', [{ text: '至急 http://sagawa-xx.top/' }]);
    await handler(job('line-e1', data));
    await handler(job('line-e1', data, 2));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.replies[0]).toMatchObject({ kind: 'verdict', consultId: 'c1' });
    await store.close();
  });

  it('waits out the burst window, then judges the burst once, with the reply of its last message', async () => {
    const texts: string[] = [];
    const { store, sent, handler } = setup(async () => verdict('danger'), {
      burstWindows: { textMs: 300, imageMs: 1_000 },
      consultant: {
        async consult(req) {
          texts.push(req.text);
          return verdict('danger');
        },
      },
    });
    const now = Date.now();
    const first = turn('p2', [{ text: '荷物のお知らせ http://sagawa-xx.top/' }], now);
    const second = turn('p2', [{ text: 'これ詐欺？' }], now + 10);
    const w1 = (await handler(job('line-a', first))) as RunLater;
    const w2 = (await handler(job('line-b', second))) as RunLater;
    expect(w1.runAt).toBe(now + 300);
    expect(w2.runAt).toBe(now + 10 + 300);
    await new Promise((r) => setTimeout(r, 330));
    expect(await handler(job('line-a', first))).toBeUndefined();
    expect(sent).toEqual([]);
    expect(await handler(job('line-b', second))).toBeUndefined();
    expect(texts).toEqual(['荷物のお知らせ http://sagawa-xx.top/\nこれ詐欺？']);
    expect(sent).toHaveLength(1);
    // A late re-run of the superseded job finds its message taken: still one answer.
    await handler(job('line-a', first, 2));
    expect(sent).toHaveLength(1);
    await store.close();
  });

  it('waits longer once a picture is in the burst', async () => {
    const { store, handler } = setup(async () => verdict('danger'), { burstWindows: { textMs: 200, imageMs: 1_500 } });
    const now = Date.now();
    const shot = turn('p3', [{ image: { source: 'line', messageId: 'm1' } }], now);
    expect(await handler(job('line-img', shot))).toEqual({ runAt: now + 1_500 });
    const text = turn('p3', [{ text: 'これ詐欺？' }], now + 100);
    expect(await handler(job('line-txt', text))).toEqual({ runAt: now + 100 + 1_500 });
    await store.close();
  });

  it('sends the recorded answer on a re-run, resuming at the first part not sent', async () => {
    const sent: Sent[] = [];
    const failAt = { part: 1, times: 1 };
    let consulted = 0;
    const { store, handler } = setup(
      async () => {
        consulted += 1;
        return verdict('danger');
      },
      {},
      recordingOutbox(sent, failAt),
    );
    // Two replies, two parts: "subscribed" answers a postback with two messages in this test's outbox.
    const data: ChannelJob = {
      kind: 'postback',
      topic: 'subscribe',
      consultId: 'c0',
      person: 'p4',
      lang: 'ja',
      target,
      acceptedAt: Date.now(),
    };
    const delivery = keys.delivery('line-pb', 'answer');
    await store.set(
      delivery,
      JSON.stringify({
        replies: [
          { kind: 'notice', notice: 'subscribed', lang: 'ja' },
          { kind: 'notice', notice: 'help', lang: 'ja' },
        ],
        sent: 0,
      }),
      60_000,
    );
    await expect(handler(job('line-pb', data))).rejects.toThrow('network down');
    expect(sent.map((s) => s.part)).toEqual([0]);
    await handler(job('line-pb', data, 2));
    expect(sent.map((s) => s.part)).toEqual([0, 1]);
    expect(consulted).toBe(0);
    expect(ids.openJson((await store.get(delivery))!)).toMatchObject({ sent: 2, done: true });
    await store.close();
  });

  it('answers a job whose delivery record is damaged, and counts the record', async () => {
    const metrics = new Metrics();
    const { store, sent, handler } = setup(async () => verdict('danger'), { metrics });
    await store.set(keys.delivery('line-bad', 'answer'), '{"replies": [{"kind": "verd', 60_000);
    await handler(job('line-bad', turn('p7', [{ text: '至急 http://sagawa-xx.top/' }])));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.replies[0]).toMatchObject({ kind: 'verdict' });
    expect(metrics.storedUnreadable.get({ what: 'answer delivery record' })).toBe(1);
    await store.close();
  });

  it('decides the answer once: a re-run after a failed send sends the same consultation', async () => {
    const sent: Sent[] = [];
    const { store, handler } = setup(async () => verdict('danger'), {}, recordingOutbox(sent, { part: 0, times: 1 }));
    const data = turn('p5', [{ text: '至急 http://sagawa-xx.top/' }]);
    await expect(handler(job('line-e5', data))).rejects.toThrow('network down');
    await handler(job('line-e5', data, 2));
    expect(sent).toHaveLength(1);
    // The consultation id in the buttons is the one remembered for follow-ups, not a second one.
    expect(sent[0]!.replies[0]).toMatchObject({ consultId: 'c1' });
    expect(ids.openJson<{ consultId: string }>((await store.get(keys.context('p5')))!).consultId).toBe('c1');
    await store.close();
  });

  it('keeps the taken burst for a retry, and apologises when the last attempt fails', async () => {
    let calls = 0;
    const { store, sent, handler } = setup(async () => {
      calls += 1;
      throw new Error('judge down');
    });
    const data = turn('p6', [{ text: '至急 http://sagawa-xx.top/' }]);
    await expect(handler(job('line-e6', data, 1, 2))).rejects.toThrow('judge down');
    expect(sent).toEqual([]);
    await expect(handler(job('line-e6', data, 2, 2))).rejects.toThrow('judge down');
    expect(calls).toBe(2);
    expect(sent.map((s) => s.replies)).toEqual([[{ kind: 'notice', notice: 'apology', lang: 'ja' }]]);
    expect(await store.listRange(keys.takenBurst('line-e6'))).toEqual([]);
    await store.close();
  });

  it('counts consultations per person in the worker and answers the first one over the limit', async () => {
    const { store, sent, handler } = setup(async () => verdict('danger'), { rateLimitPerHour: 1 });
    await handler(job('line-r1', turn('p7', [{ text: 'one http://sagawa-xx.top/' }])));
    await handler(job('line-r2', turn('p7', [{ text: 'two http://sagawa-xx.top/' }])));
    await handler(job('line-r3', turn('p7', [{ text: 'three http://sagawa-xx.top/' }])));
    expect(sent.map((s) => s.replies[0]!.kind)).toEqual(['verdict', 'notice']);
    expect(sent[1]!.replies[0]).toMatchObject({ notice: 'rate_limited' });
    await store.close();
  });

  it("logs a platform's error without the person's address it quotes", async () => {
    const lines: string[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const userId = 'U0123456789abcdef0123456789abcdef';
    const quoting: Outbox<LineTarget> = {
      ...recordingOutbox([]),
      async send() {
        throw Object.assign(new Error(`The user ${userId} cannot be reached`), { name: 'PlatformError' });
      },
    };
    const { store, handler } = setup(async () => verdict('danger'), { log }, quoting);
    const data: ChannelJob = { ...turn('p9', [{ text: 'x' }]), target: { ...target, userId } };
    await expect(handler(job('line-log', data, 4, 4))).rejects.toThrow(userId);
    const logged = lines.join('');
    expect(logged).toContain('cannot be reached');
    expect(logged).toContain('[person]');
    expect(logged).not.toContain(userId);
    await store.close();
  });

  it('counts the answered consultation in the week of the time zone it was given (TZ)', async () => {
    // Monday 30 November 2026, 00:30 in Auckland; still Sunday (week 48) in Tokyo.
    const at = new Date('2026-11-29T11:30:00Z');
    const { store, handler } = setup(async () => verdict('danger'), { tz: 'Pacific/Auckland', now: () => at });
    await handler(job('line-tz', turn('p10', [{ text: '至急 http://sagawa-xx.top/' }])));
    expect(await store.mapEntries(keys.trends('2026-W49', 'people'))).toMatchObject({ total: '1' });
    expect(await store.mapEntries(keys.trends('2026-W48', 'people'))).toEqual({});
    await store.close();
  });
});
