// What a webhook does with one event: one queued job that is also the claim, the freshest reply token first,
// and a clear refusal once the backlog is full.
import { describe, expect, it } from 'vitest';
import { BacklogFullError, checkBacklog, type IngestDeps, ingest } from '../../src/conversation/ingest.ts';
import type { ChannelJob } from '../../src/conversation/types.ts';
import { Metrics } from '../../src/infra/metrics.ts';
import { EmbeddedQueue } from '../../src/infra/queue/embedded.ts';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';

function setup(maxBacklog = 100) {
  const store = new SqliteStore({ file: ':memory:' });
  const queue = new EmbeddedQueue<ChannelJob>(store);
  const metrics = new Metrics();
  const deps: IngestDeps = { queue, metrics, maxBacklog };
  return { store, queue, metrics, deps };
}

const lineEvent = (eventId: string, sentAt: number) => ({
  channel: 'line' as const,
  eventId,
  person: 'p1',
  lang: 'ja' as const,
  target: { channel: 'line' as const, userId: 'U1', replyToken: `rt-${eventId}`, sentAt },
  action: { kind: 'message' as const, parts: [{ text: 'これ詐欺？' }] },
});

describe('ingest', () => {
  it('queues one job per event, refuses the redelivery, and writes nothing else', async () => {
    const { store, deps, metrics } = setup();
    expect(await ingest(deps, lineEvent('01EV1', Date.now()))).toBe('accepted');
    expect(await ingest(deps, lineEvent('01EV1', Date.now()))).toBe('duplicate');
    const tables = store.db
      .prepare(
        'SELECT (SELECT COUNT(*) FROM kv) AS kv, (SELECT COUNT(*) FROM lists) AS lists, (SELECT COUNT(*) FROM jobs) AS jobs',
      )
      .get();
    expect(tables).toEqual({ kv: 0, lists: 0, jobs: 1 });
    expect(metrics.webhookEvents.get({ channel: 'line', outcome: 'accepted' })).toBe(1);
    expect(metrics.webhookEvents.get({ channel: 'line', outcome: 'duplicate' })).toBe(1);
    await store.close();
  });

  it('carries the language the route read on the text part, so the turn does not read it again', async () => {
    const { store, queue, deps } = setup();
    await ingest(deps, { ...lineEvent('01LANG', Date.now()), lang: 'en' });
    const seen: ChannelJob[] = [];
    await queue.process(async (job) => {
      seen.push(job.data);
    });
    for (let i = 0; i < 200 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await queue.close();
    expect(seen[0]).toMatchObject({ kind: 'turn', lang: 'en', parts: [{ text: 'これ詐欺？', lang: 'en' }] });
    await store.close();
  });

  it('puts the freshest reply token first', async () => {
    const { store, deps } = setup();
    const now = Date.now();
    await ingest(deps, lineEvent('01OLD', now - 40_000));
    await ingest(deps, lineEvent('01NEW', now));
    const order = store.db.prepare('SELECT id FROM jobs ORDER BY priority').all() as { id: string }[];
    expect(order.map((r) => r.id)).toEqual(['line-01NEW', 'line-01OLD']);
    await store.close();
  });

  it('refuses new events once the backlog is full, with a time to come back', async () => {
    const { store, deps, metrics } = setup(2);
    await ingest(deps, lineEvent('01A', Date.now()));
    await ingest(deps, lineEvent('01B', Date.now()));
    expect(() => checkBacklog(deps, 'line')).toThrow(BacklogFullError);
    try {
      checkBacklog(deps, 'line');
    } catch (err) {
      expect((err as BacklogFullError).retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(metrics.webhookRejected.get({ channel: 'line', reason: 'backlog' })).toBe(2);
    await store.close();
  });
});
