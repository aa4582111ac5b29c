// BullMQ on Redis: any number of web processes add jobs, any number of workers take them. A worker that
// dies mid-job loses its lock; after lockDuration another worker's stalled check moves the job back to wait.
// bullmq 6 talks to node-redis through createNodeRedisClient, one client per Queue / Worker (STACK.md).
import { createNodeRedisClient, type Job, Queue, Worker } from 'bullmq';
import { createClient } from 'redis';
import {
  type AddOptions,
  JOB_ATTEMPTS,
  JOB_BACKOFF_BASE_MS,
  type JobHandler,
  type JobQueue,
  type ProcessOptions,
} from './queue.ts';

const DEFAULT_CONCURRENCY = 4;
const JOB_NAME = 'consult';

export interface BullQueueOptions {
  url: string;
  /** BullMQ key prefix (namespaces the queue's keys in Redis). */
  prefix: string;
  queueName?: string;
  /** A worker that stops renewing its lock for this long is taken to be dead. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
}

function nodeRedis(url: string) {
  const raw = createClient({ url });
  raw.on('error', () => {});
  return createNodeRedisClient(raw);
}

export class BullQueue<T> implements JobQueue<T> {
  readonly kind = 'bullmq' as const;
  readonly #opts: BullQueueOptions;
  readonly #queue: Queue;
  #worker: Worker | undefined;

  constructor(opts: BullQueueOptions) {
    this.#opts = opts;
    this.#queue = new Queue(opts.queueName ?? 'anshin', {
      connection: nodeRedis(opts.url),
      prefix: opts.prefix,
      defaultJobOptions: {
        attempts: opts.maxAttempts ?? JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: opts.backoffBaseMs ?? JOB_BACKOFF_BASE_MS },
        // Payloads carry a reply address: they go as soon as the job is done, either way.
        removeOnComplete: true,
        removeOnFail: true,
      },
    });
    this.#queue.on('error', () => {});
  }

  async add(id: string, data: T, opts: AddOptions = {}): Promise<void> {
    await this.#queue.add(JOB_NAME, data, { jobId: id, delay: opts.delayMs });
  }

  async process(handler: JobHandler<T>, opts: ProcessOptions = {}): Promise<void> {
    const maxAttempts = this.#opts.maxAttempts ?? JOB_ATTEMPTS;
    this.#worker = new Worker(
      this.#opts.queueName ?? 'anshin',
      async (job: Job) => {
        await handler({
          id: job.id ?? '',
          data: job.data as T,
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? maxAttempts,
        });
      },
      {
        connection: nodeRedis(this.#opts.url),
        prefix: this.#opts.prefix,
        concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY,
        // Left out unless set: BullMQ reads an explicit undefined as 0.
        ...(this.#opts.lockDurationMs !== undefined ? { lockDuration: this.#opts.lockDurationMs } : {}),
        ...(this.#opts.stalledIntervalMs !== undefined ? { stalledInterval: this.#opts.stalledIntervalMs } : {}),
      },
    );
    this.#worker.on('error', () => {});
    await this.#worker.waitUntilReady();
  }

  async counts(): Promise<{ waiting: number; active: number; delayed: number }> {
    const c = await this.#queue.getJobCounts('waiting', 'active', 'delayed');
    return { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0 };
  }

  /** Removes every key of this queue (tests). */
  async obliterate(): Promise<void> {
    await this.#queue.obliterate({ force: true });
  }

  async close(): Promise<void> {
    // Worker.close() waits for running jobs; jobs it never started stay in Redis for the next worker.
    await this.#worker?.close();
    await this.#queue.close();
  }
}
