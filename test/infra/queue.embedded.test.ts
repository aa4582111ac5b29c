import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedQueue } from '../../src/infra/queue/embedded.ts';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';
import { queueContract } from './queue-contract.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-queue-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let store: SqliteStore | undefined;
queueContract(
  'embedded',
  async () => {
    store = new SqliteStore({ file: ':memory:' });
    return new EmbeddedQueue(store, { maxAttempts: 3, backoff: () => 50 });
  },
  async () => {
    await store?.close();
  },
);

describe('EmbeddedQueue', () => {
  it('resumes accepted work after a restart', async () => {
    const file = path.join(dir, 'restart.sqlite');
    const s1 = new SqliteStore({ file });
    const q1 = new EmbeddedQueue<{ n: number }>(s1);
    await q1.add('accepted', { n: 7 });
    await q1.close();
    await s1.close();

    const s2 = new SqliteStore({ file });
    const q2 = new EmbeddedQueue<{ n: number }>(s2);
    const seen: number[] = [];
    await q2.process(async (job) => {
      seen.push(job.data.n);
    });
    for (let i = 0; i < 200 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await q2.close();
    await s2.close();
    expect(seen).toEqual([7]);
  });

  it('hands back a job that does not finish within the grace period', async () => {
    const file = path.join(dir, 'handback.sqlite');
    const s1 = new SqliteStore({ file });
    const q1 = new EmbeddedQueue<{ n: number }>(s1, { closeGraceMs: 50 });
    let started = false;
    await q1.process(async () => {
      started = true;
      await new Promise(() => {});
    });
    await q1.add('stuck', { n: 1 });
    for (let i = 0; i < 200 && !started; i++) await new Promise((r) => setTimeout(r, 20));
    await q1.close();
    await s1.close();

    const s2 = new SqliteStore({ file });
    const q2 = new EmbeddedQueue<{ n: number }>(s2);
    const attempts: number[] = [];
    await q2.process(async (job) => {
      attempts.push(job.attempt);
    });
    for (let i = 0; i < 200 && attempts.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await q2.close();
    await s2.close();
    expect(attempts).toEqual([1]);
  });
});
