// The embedded queue: jobs live in the SQLite store's file, so work accepted before a crash is done after
// it. A job's row is also its event's claim: the insert that queues it is the one write a webhook makes
// (ON CONFLICT DO NOTHING refuses a redelivery), and a finished job keeps its row, emptied, until the
// claim expires.
//
// One worker process owns the queue at a time (a lease in the store, renewed while it lives). A process
// that starts after its predecessor died takes the lease over at once and re-runs what the dead one had
// started; there is no lease per job to wait out. Jobs run when due, to the millisecond: the timer is armed
// at the next due time, and this process's own adds re-arm it (a web process sharing the file is seen
// within EXTERNAL_POLL_MS).
//
// Longer than 300 lines: one class, whose lease, timer, runs and sweep share the same state and handle.
import type Database from 'better-sqlite3';
import { isDeadLocalOwner, processOwnerId } from '../owner.ts';
import { CLAIM_TTL_MS } from '../store/keys.ts';
import type { SqliteStore } from '../store/sqlite.ts';
import {
  type AddOptions,
  BACKLOG_REFRESH_MS,
  backoffMs,
  CLOSE_GRACE_MS,
  JOB_ATTEMPTS,
  type JobHandler,
  type JobQueue,
  type ProcessOptions,
  type QueueCounts,
  type QueuedJob,
  type QueueErrorReporter,
} from './queue.ts';

const DEFAULT_CONCURRENCY = 4;
/** Jobs added by another process on the same file (a separate web role) are noticed this quickly. */
const EXTERNAL_POLL_MS = 500;
const WORKER_LEASE_KEY = 'queue:worker';
/** The worker lease: renewed every third of this; a holder on another host is waited out. */
const WORKER_LEASE_MS = 15_000;
const SWEEP_INTERVAL_MS = 60_000;
const SWEEP_CHUNK_ROWS = 2_000;

interface JobRow {
  id: string;
  data: string;
  attempts: number;
  max_attempts: number;
}

export interface EmbeddedQueueOptions {
  maxAttempts?: number;
  backoff?: (attemptsMade: number) => number;
  closeGraceMs?: number;
  now?: () => number;
  /** How long a finished job's row keeps its event claimed (redeliveries refused). */
  claimTtlMs?: number;
  workerLeaseMs?: number;
  onError?: QueueErrorReporter;
}

export class EmbeddedQueue<T> implements JobQueue<T> {
  readonly kind = 'embedded' as const;
  readonly #db: Database.Database;
  readonly #store: SqliteStore;
  readonly #opts: Required<Omit<EmbeddedQueueOptions, 'now' | 'onError'>>;
  readonly #report: QueueErrorReporter;
  readonly #now: () => number;
  readonly #owner = processOwnerId();
  readonly #running = new Map<string, { done: Promise<void>; abort: AbortController }>();
  readonly #sweepTimer: NodeJS.Timeout;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Number.POSITIVE_INFINITY;
  #pollTimer: NodeJS.Timeout | undefined;
  #renewTimer: NodeJS.Timeout | undefined;
  #handler: JobHandler<T> | undefined;
  #concurrency = DEFAULT_CONCURRENCY;
  #closing = false;
  #polling = false;
  #pollAgain = false;
  #backlog = 0;
  #backlogAt = Number.NEGATIVE_INFINITY;

  readonly #statements = new Map<string, Database.Statement>();

  #q(sql: string): Database.Statement {
    let st = this.#statements.get(sql);
    if (st === undefined) {
      st = this.#db.prepare(sql);
      this.#statements.set(sql, st);
    }
    return st;
  }

  constructor(store: SqliteStore, opts: EmbeddedQueueOptions = {}) {
    this.#db = store.db;
    this.#store = store;
    this.#now = opts.now ?? Date.now;
    this.#report = (where, err) => {
      if (!this.#closing) opts.onError?.(where, err);
    };
    this.#opts = {
      maxAttempts: opts.maxAttempts ?? JOB_ATTEMPTS,
      backoff: opts.backoff ?? backoffMs,
      closeGraceMs: opts.closeGraceMs ?? CLOSE_GRACE_MS,
      claimTtlMs: opts.claimTtlMs ?? CLAIM_TTL_MS,
      workerLeaseMs: opts.workerLeaseMs ?? WORKER_LEASE_MS,
    };
    this.#migrate();
    this.#sweepTimer = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.#sweepTimer.unref();
  }

  #migrate(): void {
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, data TEXT NOT NULL, run_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, max_attempts INTEGER NOT NULL, priority INTEGER NOT NULL DEFAULT 0,
        owner TEXT, kept_until INTEGER);
    `);
    // Files written before the job became the claim: add the new columns, drop the old full index.
    const columns = new Set((this.#db.pragma('table_info(jobs)') as { name: string }[]).map((c) => c.name));
    if (!columns.has('priority')) this.#db.exec('ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0');
    if (!columns.has('owner')) this.#db.exec('ALTER TABLE jobs ADD COLUMN owner TEXT');
    if (!columns.has('kept_until')) this.#db.exec('ALTER TABLE jobs ADD COLUMN kept_until INTEGER');
    // Partial indexes: finished rows (up to CLAIM_TTL_MS of events) stay out of the due-job index.
    this.#db.exec(`
      DROP INDEX IF EXISTS jobs_due;
      CREATE INDEX IF NOT EXISTS jobs_queued ON jobs (run_at) WHERE kept_until IS NULL;
      CREATE INDEX IF NOT EXISTS jobs_kept ON jobs (kept_until) WHERE kept_until IS NOT NULL;
    `);
  }

  async add(eventId: string, data: T, opts: AddOptions = {}): Promise<string | null> {
    const runAt = this.#now() + (opts.delayMs ?? 0);
    const json = JSON.stringify(data);
    const added = await this.#store.writeOne(
      () =>
        this.#q(
          'INSERT INTO jobs (id, data, run_at, max_attempts, priority) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
        ).run(eventId, json, runAt, this.#opts.maxAttempts, opts.priority ?? 0).changes === 1,
    );
    if (!added) return null;
    this.#backlog += 1;
    this.#armAt(runAt);
    return eventId;
  }

  async process(handler: JobHandler<T>, opts: ProcessOptions = {}): Promise<void> {
    this.#handler = handler;
    this.#concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
    await this.#takeOwnership();
    if (this.#closing) return;
    this.#pollTimer = setInterval(() => this.#armAt(this.#now()), EXTERNAL_POLL_MS);
    this.#pollTimer.unref();
    this.#armAt(this.#now());
  }

  /**
   * Holds the worker lease, then takes back every job an earlier owner had started: that owner is dead
   * (its lease was free, expired, or held by a process of this host that no longer exists).
   */
  async #takeOwnership(): Promise<void> {
    const ttl = this.#opts.workerLeaseMs;
    while (!this.#closing) {
      if (await this.#store.lease(WORKER_LEASE_KEY, this.#owner, ttl)) break;
      const holder = await this.#store.get(WORKER_LEASE_KEY);
      if (
        holder !== null &&
        isDeadLocalOwner(holder) &&
        (await this.#store.lease(WORKER_LEASE_KEY, this.#owner, ttl, holder))
      )
        break;
      await new Promise((r) => setTimeout(r, ttl / 3));
    }
    if (this.#closing) return;
    await this.#store.write(() =>
      this.#q('UPDATE jobs SET owner = NULL WHERE owner IS NOT NULL AND owner != ? AND kept_until IS NULL').run(
        this.#owner,
      ),
    );
    this.#renewTimer = setInterval(() => {
      this.#store
        .lease(WORKER_LEASE_KEY, this.#owner, ttl)
        .then((held) => {
          if (!held) this.#report('renewing the worker lease', new Error('another process holds the embedded queue'));
        })
        .catch((err) => this.#report('renewing the worker lease', err));
    }, ttl / 3);
    this.#renewTimer.unref();
  }

  /** Arms the timer for `at` unless it is already armed sooner. */
  #armAt(at: number): void {
    if (this.#closing || this.#handler === undefined || at >= this.#timerAt) return;
    clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Number.POSITIVE_INFINITY;
        void this.#poll();
      },
      Math.max(0, at - this.#now()),
    );
  }

  /** Leases due jobs up to the free slots (freshest priority first), then arms the timer for the next one. */
  async #poll(): Promise<void> {
    if (this.#closing) return;
    if (this.#polling) {
      this.#pollAgain = true;
      return;
    }
    this.#polling = true;
    try {
      const free = this.#concurrency - this.#running.size;
      if (free > 0) {
        const now = this.#now();
        // A read first (no lock in WAL mode): an idle poll never waits for another process's write lock.
        const due = this.#q(
          'SELECT id FROM jobs WHERE kept_until IS NULL AND owner IS NULL AND run_at <= ? ORDER BY priority, run_at LIMIT ?',
        ).all(now, free) as { id: string }[];
        const rows =
          due.length === 0
            ? []
            : await this.#store.write(() => {
                const take = this.#q(
                  'UPDATE jobs SET owner = ?, attempts = attempts + 1 WHERE id = ? AND owner IS NULL AND kept_until IS NULL ' +
                    'RETURNING id, data, attempts - 1 AS attempts, max_attempts',
                );
                return due.map((d) => take.get(this.#owner, d.id) as JobRow | undefined).filter((r) => r !== undefined);
              });
        for (const row of rows) this.#start(row);
        if (this.#running.size < this.#concurrency) {
          const next = this.#q(
            'SELECT MIN(run_at) AS t FROM jobs WHERE kept_until IS NULL AND owner IS NULL',
          ).get() as { t: number | null };
          if (next.t !== null) this.#armAt(next.t);
        }
      }
    } catch (err) {
      // The store cannot be written now: the external poll tries again.
      this.#report('taking due jobs', err);
    } finally {
      this.#polling = false;
      if (this.#pollAgain) {
        this.#pollAgain = false;
        this.#armAt(this.#now());
      }
    }
  }

  #start(row: JobRow): void {
    const abort = new AbortController();
    const done = this.#run(row, abort.signal)
      // A write that fails here leaves the row to the next owner, which re-runs it (the delivery record keeps
      // that from answering twice).
      .catch((err) => this.#report("recording a job's outcome", err))
      .finally(() => {
        this.#running.delete(row.id);
        this.#armAt(this.#now());
      });
    this.#running.set(row.id, { done, abort });
  }

  async #run(row: JobRow, signal: AbortSignal): Promise<void> {
    const job: QueuedJob<T> = {
      id: row.id,
      data: JSON.parse(row.data) as T,
      attempt: row.attempts + 1,
      maxAttempts: row.max_attempts,
      signal,
    };
    const purgesBefore = this.#store.purges;
    const mine = (sql: string, ...args: unknown[]) =>
      this.#store.write(() => this.#q(`${sql} WHERE id = ? AND owner = ?`).run(...args, row.id, this.#owner));
    try {
      const later = await this.#handler!(job);
      if (signal.aborted) return;
      if (later) {
        // Not an attempt: the handler only waits (a burst window).
        await mine('UPDATE jobs SET run_at = ?, owner = NULL, attempts = MAX(attempts - 1, 0)', later.runAt);
        this.#armAt(later.runAt);
      } else {
        await this.#finish(row.id);
        // The job erased someone's data (データ削除): its own payload, just emptied, goes from the WAL too.
        if (this.#store.purges !== purgesBefore) {
          await this.#store.truncateWal().catch((err) => this.#report('purging after a deletion', err));
        }
      }
    } catch {
      if (signal.aborted) return;
      if (job.attempt >= job.maxAttempts) {
        // The handler has already told the person (it knows the last attempt); the payload goes now.
        await this.#finish(row.id).catch((err) => this.#report("recording a job's outcome", err));
      } else {
        const runAt = this.#now() + this.#opts.backoff(job.attempt);
        await mine('UPDATE jobs SET run_at = ?, owner = NULL', runAt).catch((err) =>
          this.#report('scheduling a retry', err),
        );
        this.#armAt(runAt);
      }
    }
  }

  /** The payload goes; the row stays as the event's claim until the claim expires. */
  async #finish(id: string): Promise<void> {
    const keptUntil = this.#now() + this.#opts.claimTtlMs;
    await this.#store.write(() =>
      this.#q("UPDATE jobs SET data = '', owner = NULL, kept_until = ? WHERE id = ? AND owner = ?").run(
        keptUntil,
        id,
        this.#owner,
      ),
    );
    this.#backlog = Math.max(0, this.#backlog - 1);
  }

  /** Deletes claims that have expired, a chunk at a time. */
  sweep(): void {
    if (this.#closing) return;
    try {
      const n = this.#q(
        'DELETE FROM jobs WHERE rowid IN (SELECT rowid FROM jobs WHERE kept_until IS NOT NULL AND kept_until <= ? LIMIT ?)',
      ).run(this.#now(), SWEEP_CHUNK_ROWS).changes;
      if (n === SWEEP_CHUNK_ROWS) setImmediate(() => this.sweep());
    } catch (err) {
      this.#report('sweeping expired claims', err);
    }
  }

  backlog(): number {
    const now = this.#now();
    if (now - this.#backlogAt >= BACKLOG_REFRESH_MS) {
      this.#backlogAt = now;
      try {
        this.#backlog = (this.#q('SELECT COUNT(*) AS n FROM jobs WHERE kept_until IS NULL').get() as { n: number }).n;
      } catch (err) {
        // Keep the last count; readiness reports a store that cannot answer.
        this.#report('counting the backlog', err);
      }
    }
    return this.#backlog;
  }

  async counts(): Promise<QueueCounts> {
    const now = this.#now();
    const row = this.#q(
      `SELECT SUM(CASE WHEN owner IS NOT NULL THEN 1 ELSE 0 END) AS active,
              SUM(CASE WHEN owner IS NULL AND run_at <= ? THEN 1 ELSE 0 END) AS waiting,
              SUM(CASE WHEN owner IS NULL AND run_at > ? THEN 1 ELSE 0 END) AS delayed
         FROM jobs WHERE kept_until IS NULL`,
    ).get(now, now) as { active: number | null; waiting: number | null; delayed: number | null };
    return { waiting: row.waiting ?? 0, active: row.active ?? 0, delayed: row.delayed ?? 0 };
  }

  async ping(): Promise<void> {
    this.#q('SELECT 1 FROM jobs LIMIT 1').get();
  }

  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    clearTimeout(this.#timer);
    clearInterval(this.#pollTimer);
    clearInterval(this.#renewTimer);
    clearInterval(this.#sweepTimer);
    const running = [...this.#running.entries()];
    if (running.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<'timeout'>((r) => {
        timer = setTimeout(() => r('timeout'), this.#opts.closeGraceMs);
      });
      const done = await Promise.race([Promise.all(running.map(([, r]) => r.done)).then(() => 'done' as const), grace]);
      clearTimeout(timer);
      if (done === 'timeout') {
        // Hand unfinished jobs back: the next owner runs them at once; this attempt does not count.
        const back = this.#q(
          'UPDATE jobs SET owner = NULL, attempts = MAX(attempts - 1, 0) WHERE id = ? AND owner = ?',
        );
        for (const [id, r] of this.#running) {
          r.abort.abort();
          back.run(id, this.#owner);
        }
      }
    }
    if (this.#handler !== undefined) await this.#store.releaseLease(WORKER_LEASE_KEY, this.#owner).catch(() => {});
  }
}
