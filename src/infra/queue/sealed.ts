// Job payloads carry a person's platform id (to reply), the reply token and what they sent: they are sealed
// (AES-256-GCM, infra/ids.ts) before they leave the process, so neither the SQLite file nor Redis (and its
// AOF / RDB) ever holds them in the clear. Either queue adapter is wrapped the same way (infra/runtime.ts).
//
// An error thrown by a handler is replaced by one that names it without its message: BullMQ keeps a failed
// attempt's message and stack in Redis until the job ends, and a platform's message may quote the person's
// number ("The 'To' number +81… is not valid").
import type { PersonIds } from '../ids.ts';
import type { AddOptions, JobHandler, JobQueue, ProcessOptions, QueueCounts, QueuedJob } from './queue.ts';

/** What the queue holds for one job. */
export interface SealedPayload {
  sealed: string;
}

/** A job a wrapped queue could not run as it was stored: `reason` says what became of it. */
export type PayloadReporter = (jobId: string, reason: 'unsealed' | 'unreadable') => void;

/** A handler's failure as the queue records it: the error's name and platform status, never its message. */
export class JobAttemptError extends Error {
  override name = 'JobAttemptError';
}

function isSealed(data: unknown): data is SealedPayload {
  return typeof data === 'object' && data !== null && typeof (data as SealedPayload).sealed === 'string';
}

function describe(err: unknown): string {
  const name = err instanceof Error ? err.name : typeof err;
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? `${name} (status ${status})` : name;
}

export class SealedQueue<T> implements JobQueue<T> {
  readonly inner: JobQueue<SealedPayload>;
  readonly #ids: PersonIds;
  readonly #report: PayloadReporter;

  constructor(inner: JobQueue<SealedPayload>, ids: PersonIds, report: PayloadReporter = () => {}) {
    this.inner = inner;
    this.#ids = ids;
    this.#report = report;
  }

  get kind(): JobQueue<T>['kind'] {
    return this.inner.kind;
  }

  add(eventId: string, data: T, opts?: AddOptions): Promise<string | null> {
    return this.inner.add(eventId, { sealed: this.#ids.sealJson(data) }, opts);
  }

  process(handler: JobHandler<T>, opts?: ProcessOptions): Promise<void> {
    return this.inner.process(async (job) => {
      let data: T;
      const stored: unknown = job.data;
      if (isSealed(stored)) {
        try {
          data = this.#ids.openJson<T>(stored.sealed);
        } catch {
          // Sealed under another key (ID_HASH_KEY changed): nobody can read it, so it is dropped, not retried.
          this.#report(job.id, 'unreadable');
          return;
        }
      } else {
        // Queued by a version before sealing: it still runs (the person gets their answer), and its payload
        // goes when it ends, as before.
        this.#report(job.id, 'unsealed');
        data = stored as T;
      }
      const opened: QueuedJob<T> = { ...job, data };
      try {
        return await handler(opened);
      } catch (err) {
        throw new JobAttemptError(`the job failed: ${describe(err)}`);
      }
    }, opts);
  }

  counts(): Promise<QueueCounts> {
    return this.inner.counts();
  }

  backlog(): number {
    return this.inner.backlog();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
