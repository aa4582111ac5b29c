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

    it('runs a job with its data once, even when added twice while queued', async () => {
      const seen: QueuedJob<Payload>[] = [];
      await queue.add('job-a', { n: 1 });
      await queue.add('job-a', { n: 2 });
      await queue.process(async (job) => {
        seen.push(job);
      });
      await until(() => seen.length >= 1, 'the job');
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ id: 'job-a', data: { n: 1 }, attempt: 1 });
    });

    it('runs a delayed job after an undelayed one added later', async () => {
      const order: number[] = [];
      await queue.process(async (job) => {
        order.push(job.data.n);
      });
      await queue.add('late', { n: 2 }, { delayMs: 600 });
      await queue.add('early', { n: 1 });
      await until(() => order.length === 2, 'both jobs');
      expect(order).toEqual([1, 2]);
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
