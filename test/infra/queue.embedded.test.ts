import { spawn } from 'node:child_process';
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

  it('takes back at once, on start, the job a killed process was running', async () => {
    const file = path.join(dir, 'killed.sqlite');
    const s0 = new SqliteStore({ file });
    const q0 = new EmbeddedQueue<{ n: number }>(s0);
    await q0.add('in-flight', { n: 1 });
    await q0.close();
    await s0.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/infra/fixtures/hanging-embedded-worker.ts', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Listened for from the start: a child that has already exited emits no second 'exit'.
    const exited = new Promise((r) => child.once('exit', r));
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    for (let i = 0; i < 1500 && !out.includes('job-started'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(out).toContain('job-started');
    child.kill('SIGKILL');
    await exited;

    const s1 = new SqliteStore({ file });
    const q1 = new EmbeddedQueue<{ n: number }>(s1);
    const started = Date.now();
    const attempts: number[] = [];
    await q1.process(async (job) => {
      attempts.push(job.attempt);
    });
    for (let i = 0; i < 250 && attempts.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const tookMs = Date.now() - started;
    await q1.close();
    await s1.close();
    // The killed run counts as an attempt; nothing waits for a per-job lease to run out.
    expect(attempts).toEqual([2]);
    expect(tookMs).toBeLessThan(3_000);
  }, 30_000);

  it('runs one worker per file: a second one waits until the first lets go', async () => {
    const file = path.join(dir, 'two-workers.sqlite');
    const s1 = new SqliteStore({ file });
    const s2 = new SqliteStore({ file });
    const q1 = new EmbeddedQueue<{ n: number }>(s1, { workerLeaseMs: 600 });
    const q2 = new EmbeddedQueue<{ n: number }>(s2, { workerLeaseMs: 600 });
    const ran: string[] = [];
    await q1.process(async () => {
      ran.push('first');
    });
    const second = q2.process(async () => {
      ran.push('second');
    });
    await q1.add('a', { n: 1 });
    for (let i = 0; i < 100 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await q1.close();
    await second;
    await q2.add('b', { n: 2 });
    for (let i = 0; i < 100 && ran.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    await q2.close();
    await s1.close();
    await s2.close();
    expect(ran).toEqual(['first', 'second']);
  });

  it('empties a finished job but keeps its row as the claim until the claim expires', async () => {
    let now = 1_000_000;
    const store = new SqliteStore({ file: ':memory:', now: () => now });
    const q = new EmbeddedQueue<{ text: string }>(store, { now: () => now, claimTtlMs: 10_000 });
    await q.process(async () => {});
    await q.add('e1', { text: 'a message' });
    for (let i = 0; i < 100 && q.backlog() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    const row = store.db.prepare('SELECT data, kept_until FROM jobs WHERE id = ?').get('e1') as {
      data: string;
      kept_until: number;
    };
    expect(row).toEqual({ data: '', kept_until: now + 10_000 });
    expect(await q.add('e1', { text: 'again' })).toBeNull();
    now += 10_001;
    q.sweep();
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM jobs').get()).toEqual({ n: 0 });
    expect(await q.add('e1', { text: 'much later' })).toBe('e1');
    await q.close();
    await store.close();
  });
});

describe('EmbeddedQueue after a deletion', () => {
  it('truncates the WAL again once each job that overlapped a purge has emptied its payload, and only then', async () => {
    const s = new SqliteStore({ file: path.join(dir, 'purge.sqlite') });
    const q = new EmbeddedQueue<{ n: number }>(s);
    let truncations = 0;
    const truncate = s.truncateWal.bind(s);
    s.truncateWal = () => {
      truncations += 1;
      return truncate();
    };
    let release: () => void = () => {};
    const otherMayEnd = new Promise<void>((r) => {
      release = r;
    });
    const done: number[] = [];
    await q.process(
      async (job) => {
        if (job.data.n === 1) await s.purge(); // the deletion
        if (job.data.n === 2) await otherMayEnd; // running while it happens
        done.push(job.data.n);
      },
      { concurrency: 4 },
    );
    await q.add('other', { n: 2 });
    await new Promise((r) => setTimeout(r, 50));
    await q.add('erase', { n: 1 });
    for (let i = 0; i < 200 && !done.includes(1); i++) await new Promise((r) => setTimeout(r, 10));
    release();
    for (let i = 0; i < 200 && done.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    // The purge itself, then one after each of the two jobs.
    expect(truncations).toBe(3);
    for (let n = 3; n < 6; n++) await q.add(`later-${n}`, { n });
    for (let i = 0; i < 200 && done.length < 5; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    expect(truncations).toBe(3);
    await q.close();
    await s.close();
  });
});
