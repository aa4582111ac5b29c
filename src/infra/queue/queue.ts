// The job queue contract: BullMQ on Redis (queue/bullmq.ts) or the embedded queue in the SQLite store
// (queue/embedded.ts). Adding a job is the claim of its event: one atomic write that both records the
// event id (so a redelivery is refused for CLAIM_TTL_MS) and queues the work. At-least-once: a handler may
// run again for one job (retry, a process killed mid-job), so handlers make their side effects idempotent
// (conversation/delivery.ts).

export interface QueuedJob<T> {
  /** Unique per accepted event (derived from the platform's event id). */
  id: string;
  data: T;
  /** 1 for the first run. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the queue closes and gives the job back: stop before the next side effect. */
  signal: AbortSignal;
}

/** What a handler may ask for instead of finishing: run this job again at `runAt` (ms), not as a retry. */
export interface RunLater {
  runAt: number;
}

// biome-ignore lint/suspicious/noConfusingVoidType: a handler that finishes returns nothing at all.
export type JobHandler<T> = (job: QueuedJob<T>) => Promise<void | RunLater>;

export interface AddOptions {
  /** Wait this long before the job may run. */
  delayMs?: number;
  /** Lower runs first among due jobs (see freshestFirst). */
  priority?: number;
}

export interface ProcessOptions {
  concurrency?: number;
}

export interface QueueCounts {
  /** Due and not yet running. */
  waiting: number;
  active: number;
  /** Not due yet (burst windows, retry backoff). */
  delayed: number;
}

export interface JobQueue<T> {
  readonly kind: 'embedded' | 'bullmq';
  /**
   * Claims `eventId` and queues its job, atomically. Resolves to the job id when this call queued it, or
   * null when the event was already claimed (a redelivery).
   */
  add(eventId: string, data: T, opts?: AddOptions): Promise<string | null>;
  /** Starts taking jobs in this process (worker role). */
  process(handler: JobHandler<T>, opts?: ProcessOptions): Promise<void>;
  counts(): Promise<QueueCounts>;
  /**
   * Jobs waiting and running, as last counted (refreshed in the background every BACKLOG_REFRESH_MS, and
   * raised at once by this process's adds): cheap enough for every webhook request to read.
   */
  backlog(): number;
  /** Throws when the queue's storage cannot be reached. */
  ping(): Promise<void>;
  /** Stops taking jobs, lets running ones finish (up to the grace period) and hands back the rest. */
  close(): Promise<void>;
}

/**
 * Where background queue work failed (taking jobs, recording an outcome, renewing a lease, Redis dropping):
 * nothing is lost by it (the work is retried or re-run), but an operator should see it.
 */
export type QueueErrorReporter = (where: string, err: unknown) => void;

/** Retries after 1 s, 2 s, 4 s: a platform hiccup passes, and a person is not kept waiting long. */
export const JOB_ATTEMPTS = 4;
export const JOB_BACKOFF_BASE_MS = 1_000;
/**
 * How long close() waits for running jobs before handing them back. With SHUTDOWN_DRAIN_MS (2 s) this stays
 * inside Docker's 10 s between SIGTERM and SIGKILL.
 */
export const CLOSE_GRACE_MS = 5_000;
export const BACKLOG_REFRESH_MS = 500;

export function backoffMs(attemptsMade: number): number {
  return JOB_BACKOFF_BASE_MS * 2 ** Math.max(0, attemptsMade - 1);
}

/** BullMQ's priorities run from 1 (first) to 2^21 (last). */
export const PRIORITY_RANGE = 2 ** 21 - 1;

/**
 * A priority that puts the newest moment first, in seconds. It wraps every PRIORITY_RANGE seconds
 * (about 24 days); only jobs queued across that instant are ordered the wrong way round, once.
 */
export function freshestFirst(atMs: number): number {
  return PRIORITY_RANGE - (Math.floor(atMs / 1000) % PRIORITY_RANGE);
}

/** Job ids allow letters, digits, - and _ only (BullMQ refuses ':' in custom ids). */
export function safeJobId(eventId: string): string {
  return eventId.replace(/[^A-Za-z0-9_-]/g, '_');
}
