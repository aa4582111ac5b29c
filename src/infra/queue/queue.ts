// The job queue contract: BullMQ on Redis (queue/bullmq.ts) or the embedded queue in the SQLite store
// (queue/embedded.ts). At-least-once: a handler may run again for one job (retry, stalled worker), so
// handlers guard their side effects (the delivered marker in conversation/worker.ts).

export interface QueuedJob<T> {
  /** The claim key of the event (job id = event id). */
  id: string;
  data: T;
  /** 1 for the first run. */
  attempt: number;
  maxAttempts: number;
}

export type JobHandler<T> = (job: QueuedJob<T>) => Promise<void>;

export interface AddOptions {
  /** Wait this long before the job may run (the burst window). */
  delayMs?: number;
}

export interface ProcessOptions {
  concurrency?: number;
}

export interface JobQueue<T> {
  readonly kind: 'embedded' | 'bullmq';
  /** Adds a job; adding an id that is already queued does nothing. */
  add(id: string, data: T, opts?: AddOptions): Promise<void>;
  /** Starts taking jobs in this process (worker role). */
  process(handler: JobHandler<T>, opts?: ProcessOptions): Promise<void>;
  counts(): Promise<{ waiting: number; active: number; delayed: number }>;
  /** Stops taking jobs, lets running ones finish (up to the grace period) and hands back the rest. */
  close(): Promise<void>;
}

/** Retries after 1 s, 2 s, 4 s: a platform hiccup passes, and a person is not kept waiting long. */
export const JOB_ATTEMPTS = 4;
export const JOB_BACKOFF_BASE_MS = 1_000;

export function backoffMs(attemptsMade: number): number {
  return JOB_BACKOFF_BASE_MS * 2 ** Math.max(0, attemptsMade - 1);
}
