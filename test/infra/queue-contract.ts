// One suite, run against both queues (queue.embedded.test.ts, queue.bullmq.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobQueue, QueuedJob } from '../../src/infra/queue/queue.ts';

interface Payload {
  n: number;
}

async function until(check: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function queueContract(name: string, open: () => Promise<JobQueue<Payload>>, cleanup: () => Promise<void>) {
  describe(`JobQueue contract: ${name}`, () => {
    let queue: JobQueue<Payload>;
    beforeEach(async () => {
      queue = await open();
    });
    afterEach(async () => {
      await queue.close();
      await cleanup();
    });

    it('runs a job with its data once, even when its event is added twice while queued', async () => {
      const seen: QueuedJob<Payload>[] = [];
      const id = await queue.add('job-a', { n: 1 });
      expect(id).toMatch(/^job-a/);
      expect(await queue.add('job-a', { n: 2 })).toBeNull();
      await queue.process(async (job) => {
        seen.push(job);
      });
      await until(() => seen.length >= 1, 'the job');
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ id, data: { n: 1 }, attempt: 1 });
    });

    it('keeps the event claimed after its job is done, so a redelivery is refused', async () => {
      const seen: number[] = [];
      await queue.process(async (job) => {
        seen.push(job.data.n);
      });
      expect(await queue.add('once', { n: 1 })).not.toBeNull();
      await until(() => seen.length === 1, 'the job');
      await until(() => queue.backlog() === 0, 'the backlog to empty');
      const concurrent = await Promise.all(Array.from({ length: 5 }, () => queue.add('once', { n: 2 })));
      expect(concurrent).toEqual([null, null, null, null, null]);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual([1]);
    });

    it('lets exactly one of many concurrent adds of one event win', async () => {
      const ids = await Promise.all(Array.from({ length: 10 }, (_, n) => queue.add('race', { n })));
      expect(ids.filter((i) => i !== null)).toHaveLength(1);
    });

    it('runs a job again at the time its handler asks for, without counting an attempt', async () => {
      const runs: { attempt: number; at: number }[] = [];
      let runAt = 0;
      await queue.process(async (job) => {
        runs.push({ attempt: job.attempt, at: Date.now() });
        if (runs.length === 1) {
          runAt = Date.now() + 300;
          return { runAt };
        }
      });
      await queue.add('later', { n: 1 });
      await until(() => runs.length === 2, 'the second run');
      expect(runs.map((r) => r.attempt)).toEqual([1, 1]);
      expect(runs[1]!.at).toBeGreaterThanOrEqual(runAt - 5);
    });

    it('runs due jobs lowest priority number first', async () => {
      const order: number[] = [];
      await queue.add('p3', { n: 3 }, { priority: 30 });
      await queue.add('p1', { n: 1 }, { priority: 10 });
      await queue.add('p2', { n: 2 }, { priority: 20 });
      await queue.process(
        async (job) => {
          order.push(job.data.n);
        },
        { concurrency: 1 },
      );
      await until(() => order.length === 3, 'all three');
      expect(order).toEqual([1, 2, 3]);
    });

    it('counts its backlog of waiting and running jobs', async () => {
      await queue.add('b1', { n: 1 });
      await queue.add('b2', { n: 2 });
      await until(() => queue.backlog() === 2, 'a backlog of two');
      await queue.process(async () => {});
      await until(() => queue.backlog() === 0, 'an empty backlog');
      await queue.ping();
    });

    it('runs a delayed job after an undelayed one added later, no earlier than its delay', async () => {
      const order: number[] = [];
      const at: number[] = [];
      await queue.process(async (job) => {
        order.push(job.data.n);
        at.push(Date.now());
      });
      const added = Date.now();
      await queue.add('late', { n: 2 }, { delayMs: 600 });
      await queue.add('early', { n: 1 });
      await until(() => order.length === 2, 'both jobs');
      expect(order).toEqual([1, 2]);
      expect(at[1]! - added).toBeGreaterThanOrEqual(590);
    });

    it('retries a failing job and tells the handler which attempt is the last', async () => {
      const attempts: [number, number][] = [];
      await queue.process(async (job) => {
        attempts.push([job.attempt, job.maxAttempts]);
        if (job.attempt < 3) throw new Error('platform hiccup');
      });
      await queue.add('flaky', { n: 1 });
      await until(() => attempts.length === 3, 'three attempts');
      expect(attempts.map(([a]) => a)).toEqual([1, 2, 3]);
      expect(attempts[0]![1]).toBe(3);
    });

    it('gives up after the last attempt', async () => {
      const attempts: number[] = [];
      await queue.process(async (job) => {
        attempts.push(job.attempt);
        throw new Error('always');
      });
      await queue.add('doomed', { n: 1 });
      await until(() => attempts.length === 3, 'three attempts');
      await new Promise((r) => setTimeout(r, 500));
      expect(attempts).toEqual([1, 2, 3]);
      await until(() => true, 'settle');
      const c = await queue.counts();
      expect(c.waiting + c.active + c.delayed).toBe(0);
    });

    it('finishes a running job before close() returns', async () => {
      let finished = false;
      let started = false;
      await queue.process(async () => {
        started = true;
        await new Promise((r) => setTimeout(r, 300));
        finished = true;
      });
      await queue.add('slow', { n: 1 });
      await until(() => started, 'the job to start');
      await queue.close();
      expect(finished).toBe(true);
    });
  });
}
