// The embedded queue: jobs live in the SQLite store's file, so work accepted before a restart is done
// after it. A running job holds a lease; a process that dies leaves the lease to run out and another
// (or the restarted) process takes the job again.
import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import type { SqliteStore } from '../store/sqlite.ts';
import {
  type AddOptions,
  backoffMs,
  JOB_ATTEMPTS,
  type JobHandler,
  type JobQueue,
  type ProcessOptions,
  type QueuedJob,
} from './queue.ts';

const POLL_INTERVAL_MS = 100;
/** Longer than a slow consultation (LLM timeout plus retries); renewed while the job runs. */
const LEASE_MS = 60_000;
const LEASE_RENEW_MS = 15_000;
const DEFAULT_CONCURRENCY = 4;
/** How long close() waits for running jobs before handing them back. */
const CLOSE_GRACE_MS = 10_000;

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
}

export class EmbeddedQueue<T> implements JobQueue<T> {
  readonly kind = 'embedded' as const;
  readonly #db: Database.Database;
  readonly #store: SqliteStore;
  readonly #opts: Required<Omit<EmbeddedQueueOptions, 'now'>>;
  readonly #now: () => number;
  readonly #wake = new EventEmitter();
  readonly #running = new Map<string, Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #handler: JobHandler<T> | undefined;
  #concurrency = DEFAULT_CONCURRENCY;
  #closing = false;

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
    this.#opts = {
      maxAttempts: opts.maxAttempts ?? JOB_ATTEMPTS,
      backoff: opts.backoff ?? backoffMs,
      closeGraceMs: opts.closeGraceMs ?? CLOSE_GRACE_MS,
    };
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, data TEXT NOT NULL, run_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, max_attempts INTEGER NOT NULL, lease_until INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX IF NOT EXISTS jobs_due ON jobs (run_at);
    `);
  }

  async add(id: string, data: T, opts: AddOptions = {}): Promise<void> {
    const runAt = this.#now() + (opts.delayMs ?? 0);
    await this.#store.write(() =>
      this.#q('INSERT INTO jobs (id, data, run_at, max_attempts) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING').run(
        id,
        JSON.stringify(data),
        runAt,
        this.#opts.maxAttempts,
      ),
    );
    this.#wake.emit('job', opts.delayMs ?? 0);
  }

  async process(handler: JobHandler<T>, opts: ProcessOptions = {}): Promise<void> {
    this.#handler = handler;
    this.#concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
    this.#wake.on('job', (delayMs: number) => this.#schedule(delayMs));
    this.#schedule(0);
  }

  #schedule(delayMs: number): void {
    if (this.#closing || this.#handler === undefined) return;
    const wait = Math.min(Math.max(delayMs, 0), POLL_INTERVAL_MS);
    if (this.#timer !== undefined && wait > 0) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#poll();
    }, wait);
  }

  /** Leases due jobs up to the free slots; one statement, so two processes cannot lease the same job. */
  #lease(limit: number): JobRow[] {
    const now = this.#now();
    return this.#db.transaction(() => {
      const rows = this.#q(
        'SELECT id, data, attempts, max_attempts FROM jobs WHERE run_at <= ? AND lease_until <= ? LIMIT ?',
      ).all(now, now, limit) as JobRow[];
      const take = this.#q('UPDATE jobs SET lease_until = ?, attempts = attempts + 1 WHERE id = ?');
      for (const r of rows) take.run(now + LEASE_MS, r.id);
      return rows;
    })();
  }

  #poll(): void {
    if (this.#closing) return;
    const free = this.#concurrency - this.#running.size;
    const rows = free > 0 ? this.#lease(free) : [];
    for (const row of rows) {
      const run = this.#run(row).finally(() => {
        this.#running.delete(row.id);
        this.#schedule(0);
      });
      this.#running.set(row.id, run);
    }
    this.#schedule(POLL_INTERVAL_MS);
  }

  async #run(row: JobRow): Promise<void> {
    const job: QueuedJob<T> = {
      id: row.id,
      data: JSON.parse(row.data) as T,
      attempt: row.attempts + 1,
      maxAttempts: row.max_attempts,
    };
    const renew = setInterval(() => {
      this.#q('UPDATE jobs SET lease_until = ? WHERE id = ?').run(this.#now() + LEASE_MS, row.id);
    }, LEASE_RENEW_MS);
    try {
      await this.#handler!(job);
      this.#q('DELETE FROM jobs WHERE id = ?').run(row.id);
    } catch {
      if (job.attempt >= job.maxAttempts) {
        // The handler has already told the person (it knows the last attempt); the payload goes now.
        this.#q('DELETE FROM jobs WHERE id = ?').run(row.id);
      } else {
        this.#q('UPDATE jobs SET run_at = ?, lease_until = 0 WHERE id = ?').run(
          this.#now() + this.#opts.backoff(job.attempt),
          row.id,
        );
      }
    } finally {
      clearInterval(renew);
    }
  }

  async counts(): Promise<{ waiting: number; active: number; delayed: number }> {
    const now = this.#now();
    const row = this.#q(
      `SELECT SUM(CASE WHEN lease_until > ? THEN 1 ELSE 0 END) AS active,
                SUM(CASE WHEN lease_until <= ? AND run_at <= ? THEN 1 ELSE 0 END) AS waiting,
                SUM(CASE WHEN lease_until <= ? AND run_at > ? THEN 1 ELSE 0 END) AS delayed FROM jobs`,
    ).get(now, now, now, now, now) as { active: number | null; waiting: number | null; delayed: number | null };
    return { waiting: row.waiting ?? 0, active: row.active ?? 0, delayed: row.delayed ?? 0 };
  }

  async close(): Promise<void> {
    this.#closing = true;
    clearTimeout(this.#timer);
    this.#wake.removeAllListeners();
    const running = [...this.#running.entries()];
    if (running.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((r) => {
      timer = setTimeout(() => r('timeout'), this.#opts.closeGraceMs);
    });
    const done = await Promise.race([Promise.all(running.map(([, p]) => p)).then(() => 'done' as const), grace]);
    clearTimeout(timer);
    if (done === 'timeout') {
      // Hand unfinished jobs back: the next process takes them at once instead of after the lease.
      const back = this.#q('UPDATE jobs SET lease_until = 0, attempts = MAX(attempts - 1, 0) WHERE id = ?');
      for (const [id] of this.#running) back.run(id);
    }
  }
}
