// The job handler with a recording outbox: re-runs do not answer twice; the last failing attempt apologises.
import { describe, expect, it } from 'vitest';
import { appendToBurst } from '../../src/conversation/burst.ts';
import type { Outbox } from '../../src/conversation/outbox.ts';
import type { ChannelJob, LineTarget, Reply } from '../../src/conversation/types.ts';
import { createJobHandler } from '../../src/conversation/worker.ts';
import { PersonIds } from '../../src/infra/ids.ts';
import { silentLog } from '../../src/infra/log.ts';
import { Metrics } from '../../src/infra/metrics.ts';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';
import { verdict } from './fixtures.ts';

function setup(consult: () => Promise<ReturnType<typeof verdict>>) {
  const store = new SqliteStore({ file: ':memory:' });
  const sent: Reply[][] = [];
  const outbox: Outbox<LineTarget> = {
    startWork: async () => {},
    send: async (_t, replies) => {
      sent.push(replies);
    },
    fetchImage: async () => ({ bytes: Buffer.alloc(1) }),
  };
  const handler = createJobHandler({
    store,
    ids: new PersonIds(Buffer.from('test-key-0123456789')),
    outboxes: { line: outbox },
    contextTtlMs: 60_000,
    log: silentLog,
    metrics: new Metrics(),
    consultant: { consult },
    offers: [],
    now: () => new Date(),
    newConsultId: () => 'c1',
  });
  return { store, sent, handler };
}

const target: LineTarget = { channel: 'line', userId: 'U1', replyToken: 'rt', sentAt: Date.now(), retryKey: 'k' };

describe('job handler', () => {
  it('answers a job once even when it runs again (stalled worker, retry)', async () => {
    const { store, sent, handler } = setup(async () => verdict('danger'));
    const seq = await appendToBurst(store, 'p1', { text: '至急 http://sagawa-xx.top/' });
    const data: ChannelJob = { kind: 'turn', seq, person: 'p1', lang: 'ja', target, acceptedAt: Date.now() };
    await handler({ id: 'line-e1', data, attempt: 1, maxAttempts: 4 });
    await handler({ id: 'line-e1', data, attempt: 2, maxAttempts: 4 });
    expect(sent).toHaveLength(1);
    expect(sent[0]![0]).toMatchObject({ kind: 'verdict', consultId: 'c1' });
    await store.close();
  });

  it('keeps the taken burst for a retry, and apologises when the last attempt fails', async () => {
    let calls = 0;
    const { store, sent, handler } = setup(async () => {
      calls += 1;
      throw new Error('judge down');
    });
    const seq = await appendToBurst(store, 'p2', { text: '至急 http://sagawa-xx.top/' });
    const data: ChannelJob = { kind: 'turn', seq, person: 'p2', lang: 'ja', target, acceptedAt: Date.now() };
    await expect(handler({ id: 'line-e2', data, attempt: 1, maxAttempts: 2 })).rejects.toThrow('judge down');
    expect(sent).toEqual([]);
    await expect(handler({ id: 'line-e2', data, attempt: 2, maxAttempts: 2 })).rejects.toThrow('judge down');
    expect(calls).toBe(2);
    expect(sent).toEqual([[{ kind: 'notice', notice: 'apology', lang: 'ja' }]]);
    expect(await store.get('taken:line-e2')).toBeNull();
    await store.close();
  });
});
