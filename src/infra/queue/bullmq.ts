// BullMQ on Redis: any number of web processes add jobs, any number of workers take them.
//
// The claim: one add, one Lua script. Its deduplication key (`de:<event id>`, kept CLAIM_TTL_MS even after
// the job is removed) is set in the same script that stores the job, so an accepted event always has its
// job and a redelivery never gets a second one. The job id carries a per-add suffix only so that the script's
// answer tells a first delivery (our id comes back) from a redelivery (the first job's id comes back).
// https://docs.bullmq.io/guide/jobs/deduplication
//
// A worker that dies mid-job stops renewing its lock; LOCK_MS later the lock is gone and the next stalled
// check (every STALLED_INTERVAL_MS, any worker) moves the job back to wait: re-run within about 15 s.
// https://docs.bullmq.io/guide/workers/stalled-jobs
// bullmq 6 talks to node-redis through createNodeRedisClient, one client per Queue / Worker (STACK.md).
import { randomUUID } from 'node:crypto';
import { DelayedError, type Job, Queue, WaitingError, Worker } from 'bullmq';
import { CLAIM_TTL_MS } from '../store/keys.ts';
import {
  type AddOptions,
  BACKLOG_REFRESH_MS,
  CLOSE_GRACE_MS,
  JOB_ATTEMPTS,
  JOB_BACKOFF_BASE_MS,
  type JobHandler,
  type JobQueue,
  type ProcessOptions,
  type QueueCounts,
  type QueueErrorReporter,
} from './queue.ts';
import { OwnedRedisConnection } from './redis-connection.ts';

const DEFAULT_CONCURRENCY = 4;
const JOB_NAME = 'consult';
/** A worker renews its locks every LOCK_MS / 2; one that stops for LOCK_MS is taken to be dead. */
export const LOCK_MS = 10_000;
export const STALLED_INTERVAL_MS = 5_000;
/** A job whose worker died this many times is failed; below it, being killed is not held against the job. */
export const MAX_STALLED_COUNT = 5;
/** A webhook waits no longer than this for Redis before answering 503. */
export const ADD_TIMEOUT_MS = 1_000;

export interface BullQueueOptions {
  url: string;
  /** BullMQ key prefix (namespaces the queue's keys in Redis). */
  prefix: string;
  queueName?: string;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  closeGraceMs?: number;
  claimTtlMs?: number;
  onError?: QueueErrorReporter;
}

export class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
}

function withTimeout<R>(p: Promise<R>, ms: number, what: string): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError(`${what}: Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export class BullQueue<T> implements JobQueue<T> {
  readonly kind = 'bullmq' as const;
  readonly #opts: BullQueueOptions;
  readonly #queue: Queue;
  readonly #connections: OwnedRedisConnection[] = [];
  readonly #active = new Map<string, { job: Job; token: string; abort: AbortController }>();
  #worker: Worker | undefined;
  #backlog = 0;
  #backlogAt = Number.NEGATIVE_INFINITY;
  #refreshing = false;

  constructor(opts: BullQueueOptions) {
    this.#opts = opts;
    // Adds fail fast while Redis is down: the webhook answers 503 and the platform delivers again.
    const producer = new OwnedRedisConnection(opts.url, { failFast: true });
    this.#connections.push(producer);
    this.#queue = new Queue(opts.queueName ?? 'anshin', {
      connection: producer.connection,
      prefix: opts.prefix,
      defaultJobOptions: {
        attempts: opts.maxAttempts ?? JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: opts.backoffBaseMs ?? JOB_BACKOFF_BASE_MS },
        // Payloads carry the message and a reply address: they go as soon as the job is done, either way.
        // The claim outlives them (the deduplication key).
        removeOnComplete: true,
        removeOnFail: true,
      },
    });
    this.#queue.on('error', (err) => opts.onError?.('queue connection', err));
  }

  async add(eventId: string, data: T, opts: AddOptions = {}): Promise<string | null> {
    const jobId = `${eventId}-${randomUUID().slice(0, 8)}`;
    const job = await withTimeout(
      this.#queue.add(JOB_NAME, data, {
        jobId,
        deduplication: { id: eventId, ttl: this.#opts.claimTtlMs ?? CLAIM_TTL_MS },
        ...(opts.delayMs ? { delay: opts.delayMs } : {}),
        ...(opts.priority ? { priority: opts.priority } : {}),
      }),
      ADD_TIMEOUT_MS,
      'queueing the job',
    );
    if (job.id !== jobId) return null;
    this.#backlog += 1;
    return jobId;
  }

  async process(handler: JobHandler<T>, opts: ProcessOptions = {}): Promise<void> {
    const maxAttempts = this.#opts.maxAttempts ?? JOB_ATTEMPTS;
    const consumer = new OwnedRedisConnection(this.#opts.url);
    this.#connections.push(consumer);
    this.#worker = new Worker(
      this.#opts.queueName ?? 'anshin',
      async (job: Job, token?: string) => {
        const abort = new AbortController();
        const id = job.id ?? '';
        this.#active.set(id, { job, token: token ?? '', abort });
        try {
          const later = await handler({
            id,
            data: job.data as T,
            attempt: job.attemptsMade + 1,
            maxAttempts: job.opts.attempts ?? maxAttempts,
            signal: abort.signal,
          });
          if (abort.signal.aborted) throw new WaitingError();
          if (later) {
            // Waiting out a burst window is not an attempt (moveToDelayed keeps attemptsMade).
            await job.moveToDelayed(later.runAt, token);
            throw new DelayedError();
          }
        } catch (err) {
          if (abort.signal.aborted) throw new WaitingError();
          throw err;
        } finally {
          this.#active.delete(id);
        }
      },
      {
        connection: consumer.connection,
        prefix: this.#opts.prefix,
        concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY,
        lockDuration: this.#opts.lockDurationMs ?? LOCK_MS,
        stalledInterval: this.#opts.stalledIntervalMs ?? STALLED_INTERVAL_MS,
        maxStalledCount: MAX_STALLED_COUNT,
      },
    );
    this.#worker.on('error', (err) => this.#opts.onError?.('worker', err));
    await this.#worker.waitUntilReady();
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.#queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
    return { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0 };
  }

  backlog(): number {
    const now = Date.now();
    if (!this.#refreshing && now - this.#backlogAt >= BACKLOG_REFRESH_MS) {
      this.#backlogAt = now;
      this.#refreshing = true;
      this.counts()
        .then((c) => {
          this.#backlog = c.waiting + c.active;
        })
        .catch((err) => this.#opts.onError?.('counting the backlog', err))
        .finally(() => {
          this.#refreshing = false;
        });
    }
    return this.#backlog;
  }

  async ping(): Promise<void> {
    // One small read (the queue's meta hash) over the queue's own connection.
    await withTimeout(this.#queue.getVersion(), ADD_TIMEOUT_MS, 'reading the queue');
  }

  /** Removes every key of this queue (tests). */
  async obliterate(): Promise<void> {
    await this.#queue.obliterate({ force: true });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    if (worker !== undefined) {
      // Stop fetching; let running jobs finish within the grace period, then hand the rest back to wait so
      // another worker starts them at once (not after their locks run out).
      await worker.pause(true);
      const grace = this.#opts.closeGraceMs ?? CLOSE_GRACE_MS;
      const deadline = Date.now() + grace;
      while (this.#active.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const { job, token, abort } of this.#active.values()) {
        abort.abort();
        await job.moveToWait(token).catch(() => {});
      }
      await worker.close(true).catch(() => {});
    }
    await this.#queue.close();
    for (const c of this.#connections) await c.close();
  }
}
