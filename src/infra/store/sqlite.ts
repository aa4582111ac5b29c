// Embedded store: one SQLite file (or memory) holds claims, context, counters, bursts, maps — and the
// embedded queue's jobs (queue/embedded.ts shares the handle). better-sqlite3 is synchronous, so writes
// are gathered per event-loop tick into one short transaction (group commit); BEGIN IMMEDIATE keeps it
// atomic across processes sharing the file. Checkpoints run on a timer in their own thread (file-worker.ts).
//
// Deleted means gone from the file: secure_delete zeroes what a delete or an update frees, and purge()
// (after a person's data is erased) checkpoints the WAL into the database and truncates it, so no old page
// survives in either file. The file is 0600 and its folder 0700 (private-files.ts).
//
// Longer than 300 lines: one class with a method per Store operation, all on one handle and one group commit.
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile, tightenIfPresent } from '../private-files.ts';
import { FileWorker } from './file-worker.ts';
import { type Store, StoreError } from './store.ts';

/** Expired rows are invisible at once and removed by a sweep this often, a chunk at a time. */
const SWEEP_INTERVAL_MS = 60_000;
const SWEEP_CHUNK_ROWS = 2_000;
/**
 * How long a write waits for another process's write lock (a web and a worker process sharing the file hold
 * it for milliseconds). better-sqlite3 waits synchronously, holding the event loop, so the wait is short:
 * past it the write fails, the webhook answers 503 and /readyz says so, rather than the process freezing.
 */
const BUSY_TIMEOUT_MS = 500;
/** Writes gathered in one tick share a commit; past this many the batch is cut, so no commit grows long. */
export const MAX_GROUP_COMMIT_OPS = 256;
/** Page cache per connection (negative = KiB): keeps the claim index in memory up to millions of events. */
const CACHE_KIB = 64 * 1024;
/**
 * Reads through a memory map rather than a read() per page: with millions of stored events the claim index
 * no longer fits the page cache, and a syscall per page would make every insert slower as the table grows.
 * Address space only; the OS page cache holds the pages. https://www.sqlite.org/mmap.html
 */
const MMAP_BYTES = 2 ** 30;
const READY_PROBE_KEY = 'ready:probe';
const READY_PROBE_TTL_MS = 60_000;
/**
 * PRAGMA user_version of a file whose free pages were rebuilt away. Versions before secure_delete left deleted
 * rows (raw job payloads among them) in free pages: such a file is vacuumed once when it is opened, about a
 * second per 150 MB (README, "What is stored").
 */
const SCRUBBED_USER_VERSION = 1;
/** A purge finds the WAL in use (another process reading) this many times before it reports failure. */
const PURGE_ATTEMPTS = 5;
const PURGE_RETRY_MS = 100;

interface PendingWrite {
  fn: () => unknown;
  savepoint: boolean;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests and one-off commands. */
  file: string;
  now?: () => number;
  /** Checkpoint the WAL this often in a background thread (files only). */
  checkpointIntervalMs?: number;
  /** Truncate the WAL to zero bytes this often (default WAL_TRUNCATE_INTERVAL_MS, file-worker.ts). */
  walTruncateIntervalMs?: number;
}

/** A key's value, unless it has expired (expired rows wait for the sweep). */
const LIVE_VALUE_SQL = 'SELECT value FROM kv WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)';

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  readonly file: string;
  readonly #now: () => number;
  readonly #sweep: NodeJS.Timeout;
  readonly #fileWorker: FileWorker | undefined;
  #closed = false;

  constructor(opts: SqliteStoreOptions) {
    if (opts.file !== ':memory:') {
      // 0600 before SQLite opens it: the -wal and -shm it makes take the database file's permissions.
      const full = path.resolve(opts.file);
      ensurePrivateFile(full, path.dirname(full));
      for (const suffix of ['-wal', '-shm']) tightenIfPresent(`${full}${suffix}`);
    }
    this.file = opts.file;
    this.db = new Database(opts.file);
    this.#now = opts.now ?? Date.now;
    this.db.pragma('journal_mode = WAL');
    // Freed cells and pages are overwritten with zeros (https://www.sqlite.org/pragma.html#pragma_secure_delete).
    this.db.pragma('secure_delete = ON');
    // WAL + NORMAL: commits survive a process crash (SIGKILL); only a power cut can lose the last few.
    // FULL would put an fsync on every commit (https://www.sqlite.org/pragma.html#pragma_synchronous).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.db.pragma(`cache_size = -${CACHE_KIB}`);
    this.db.pragma(`mmap_size = ${MMAP_BYTES}`);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER);
      CREATE TABLE IF NOT EXISTS lists (key TEXT NOT NULL, seq INTEGER NOT NULL, value TEXT NOT NULL,
        expires_at INTEGER NOT NULL, PRIMARY KEY (key, seq));
      CREATE TABLE IF NOT EXISTS maps (key TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (key, field));
      CREATE INDEX IF NOT EXISTS kv_expiry ON kv (expires_at) WHERE expires_at IS NOT NULL;
      CREATE INDEX IF NOT EXISTS lists_expiry ON lists (expires_at);
    `);
    if (opts.file !== ':memory:') {
      this.#scrubOnce();
      // No checkpoint inside a commit: the background thread does them (file-worker.ts).
      this.db.pragma('wal_autocheckpoint = 0');
      this.db.pragma('journal_size_limit = 67108864');
      this.#fileWorker = new FileWorker(
        opts.file,
        opts.checkpointIntervalMs,
        () => {
          // Without the thread, SQLite's own checkpoint after each commit keeps the WAL from growing without end.
          if (!this.#closed) this.db.pragma('wal_autocheckpoint = 1000');
        },
        opts.walTruncateIntervalMs,
      );
    }
    this.#sweep = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.#sweep.unref();
  }

  /** Rebuilds a file an older version wrote, so no deleted row survives in its free pages. */
  #scrubOnce(): void {
    if ((this.db.pragma('user_version', { simple: true }) as number) >= SCRUBBED_USER_VERSION) return;
    try {
      this.db.exec('VACUUM');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.pragma(`user_version = ${SCRUBBED_USER_VERSION}`);
    } catch (err) {
      // Another process holds the file (a web and a worker starting together): the next start does it.
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw err;
    }
  }

  /** Deletes expired rows now, a chunk per statement; more chunks follow on later turns of the event loop. */
  sweep(): void {
    if (this.#closed) return;
    const now = this.#now();
    const kv = this.#q(
      'DELETE FROM kv WHERE rowid IN (SELECT rowid FROM kv WHERE expires_at IS NOT NULL AND expires_at <= ? LIMIT ?)',
    );
    const lists = this.#q('DELETE FROM lists WHERE rowid IN (SELECT rowid FROM lists WHERE expires_at <= ? LIMIT ?)');
    let more = false;
    for (const st of [kv, lists]) if (st.run(now, SWEEP_CHUNK_ROWS).changes === SWEEP_CHUNK_ROWS) more = true;
    if (more) setImmediate(() => this.sweep());
  }

  readonly #statements = new Map<string, Database.Statement>();

  /** Prepared once per SQL text: preparing costs more than running these small statements. */
  #q(sql: string): Database.Statement {
    let st = this.#statements.get(sql);
    if (st === undefined) {
      st = this.db.prepare(sql);
      this.#statements.set(sql, st);
    }
    return st;
  }

  #pending: PendingWrite[] = [];
  #flushScheduled = false;

  /**
   * Runs `fn` atomically, in one write transaction with every other write queued in the same tick (group
   * commit): under load, many webhooks share one commit instead of paying one each. Each fn runs in its own
   * savepoint, so one that throws leaves no partial writes and does not affect the others. The promise
   * settles once the commit is done: what it wrote survives a crash of this process from then on.
   */
  write<T>(fn: () => T): Promise<T> {
    return this.#enqueue(fn, true);
  }

  /**
   * The same for a `fn` that runs exactly one statement: a statement is atomic by itself in SQLite, so it
   * needs no savepoint of its own (the hot path: a webhook's one insert).
   */
  writeOne<T>(fn: () => T): Promise<T> {
    return this.#enqueue(fn, false);
  }

  #enqueue<T>(fn: () => T, savepoint: boolean): Promise<T> {
    if (this.#closed) return Promise.reject(new StoreError('the SQLite store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ fn, savepoint, resolve: resolve as (v: unknown) => void, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#flushScheduled = false;
    while (this.#pending.length > 0) this.#commit(this.#pending.splice(0, MAX_GROUP_COMMIT_OPS));
  }

  #commit(batch: PendingWrite[]): void {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.#q('BEGIN IMMEDIATE').run();
      try {
        for (const op of batch) {
          if (!op.savepoint) {
            try {
              outcomes.push({ ok: true, value: op.fn() });
            } catch (error) {
              // Some errors (disk full, I/O) roll the whole transaction back: then nothing of it counts.
              if (!this.db.inTransaction) throw error;
              outcomes.push({ ok: false, error });
            }
            continue;
          }
          // A savepoint per op: a statement object is far cheaper than a nested db.transaction() wrapper.
          this.#q('SAVEPOINT op').run();
          try {
            outcomes.push({ ok: true, value: op.fn() });
            this.#q('RELEASE op').run();
          } catch (error) {
            if (!this.db.inTransaction) throw error;
            this.#q('ROLLBACK TO op').run();
            this.#q('RELEASE op').run();
            outcomes.push({ ok: false, error });
          }
        }
        this.#q('COMMIT').run();
      } catch (error) {
        if (this.db.inTransaction) this.#q('ROLLBACK').run();
        throw error;
      }
    } catch (error) {
      for (const op of batch) op.reject(error);
      return;
    }
    batch.forEach((op, i) => {
      const o = outcomes[i]!;
      if (o.ok) op.resolve(o.value);
      else op.reject(o.error);
    });
  }

  #tx<T>(fn: () => T): Promise<T> {
    return this.write(fn);
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = this.#now();
    return this.#tx(() => {
      this.#q('DELETE FROM kv WHERE key = ? AND expires_at IS NOT NULL AND expires_at <= ?').run(key, now);
      const r = this.#q('INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING').run(
        key,
        '1',
        now + ttlMs,
      );
      return r.changes === 1;
    });
  }

  /** The key's value row, unless it has expired. */
  #live(key: string, now: number): { value: string } | undefined {
    return this.#q(LIVE_VALUE_SQL).get(key, now) as { value: string } | undefined;
  }

  async get(key: string): Promise<string | null> {
    return this.#live(key, this.#now())?.value ?? null;
  }

  async set(key: string, value: string, ttlMs: number | null): Promise<void> {
    const expires = ttlMs === null ? null : this.#now() + ttlMs;
    await this.#tx(() =>
      this.#q(
        'INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ' +
          'ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
      ).run(key, value, expires),
    );
  }

  async del(...keys: string[]): Promise<void> {
    await this.#tx(() => {
      for (const key of keys) {
        this.#q('DELETE FROM kv WHERE key = ?').run(key);
        this.#q('DELETE FROM lists WHERE key = ?').run(key);
      }
    });
  }

  async incr(key: string, windowMs: number): Promise<number> {
    const now = this.#now();
    return this.#tx(() => {
      const row = this.#live(key, now);
      if (row === undefined) {
        this.#q(
          'INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ' +
            'ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
        ).run(key, '1', now + windowMs);
        return 1;
      }
      const next = Number(row.value) + 1;
      this.#q('UPDATE kv SET value = ? WHERE key = ?').run(String(next), key);
      return next;
    });
  }

  #liveLength(key: string, now: number): number {
    const row = this.#q('SELECT COUNT(*) AS n FROM lists WHERE key = ? AND expires_at > ?').get(key, now) as {
      n: number;
    };
    return row.n;
  }

  /** Appends inside a write transaction; returns the list's live length. */
  #push(key: string, value: string, ttlMs: number, now: number): number {
    this.#q('DELETE FROM lists WHERE key = ? AND expires_at <= ?').run(key, now);
    const row = this.#q('SELECT MAX(seq) AS m FROM lists WHERE key = ?').get(key) as { m: number | null };
    const expires = now + ttlMs;
    this.#q('INSERT INTO lists (key, seq, value, expires_at) VALUES (?, ?, ?, ?)').run(
      key,
      (row.m ?? 0) + 1,
      value,
      expires,
    );
    this.#q('UPDATE lists SET expires_at = ? WHERE key = ?').run(expires, key);
    return this.#liveLength(key, now);
  }

  #liveValues(key: string, now: number): string[] {
    const rows = this.#q('SELECT value FROM lists WHERE key = ? AND expires_at > ? ORDER BY seq').all(key, now) as {
      value: string;
    }[];
    return rows.map((r) => r.value);
  }

  async listPush(key: string, value: string, ttlMs: number): Promise<number> {
    const now = this.#now();
    return this.#tx(() => this.#push(key, value, ttlMs, now));
  }

  async listJoin(
    key: string,
    marker: string,
    value: string,
    ttlMs: number,
  ): Promise<{ joined: boolean; position: number; values: string[] }> {
    const now = this.#now();
    return this.#tx(() => {
      const seen = this.#live(marker, now);
      let position = seen === undefined ? 0 : Number(seen.value);
      if (seen === undefined) {
        position = this.#push(key, value, ttlMs, now);
        this.#q(
          'INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ' +
            'ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
        ).run(marker, String(position), now + ttlMs);
      }
      return { joined: seen === undefined, position, values: this.#liveValues(key, now) };
    });
  }

  async listRange(key: string): Promise<string[]> {
    return this.#liveValues(key, this.#now());
  }

  async listTakeIfLength(
    key: string,
    length: number,
    keepAs?: { key: string; ttlMs: number },
  ): Promise<string[] | null> {
    const now = this.#now();
    return this.#tx(() => {
      if (this.#liveLength(key, now) !== length) return null;
      const values = this.#liveValues(key, now);
      if (keepAs === undefined) {
        this.#q('DELETE FROM lists WHERE key = ?').run(key);
      } else {
        this.#q('DELETE FROM lists WHERE key = ?').run(keepAs.key);
        this.#q('DELETE FROM lists WHERE key = ? AND expires_at <= ?').run(key, now);
        this.#q('UPDATE lists SET key = ?, expires_at = ? WHERE key = ?').run(keepAs.key, now + keepAs.ttlMs, key);
      }
      return values;
    });
  }

  async mapSet(key: string, field: string, value: string): Promise<void> {
    await this.#tx(() =>
      this.#q(
        'INSERT INTO maps (key, field, value) VALUES (?, ?, ?) ON CONFLICT(key, field) DO UPDATE SET value = excluded.value',
      ).run(key, field, value),
    );
  }

  async mapGet(key: string, field: string): Promise<string | null> {
    const row = this.#q('SELECT value FROM maps WHERE key = ? AND field = ?').get(key, field) as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  }

  async mapDelete(key: string, field: string): Promise<void> {
    await this.#tx(() => this.#q('DELETE FROM maps WHERE key = ? AND field = ?').run(key, field));
  }

  async mapEntries(key: string): Promise<Record<string, string>> {
    const rows = this.#q('SELECT field, value FROM maps WHERE key = ? ORDER BY field').all(key) as {
      field: string;
      value: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.field, r.value]));
  }

  async mapIncr(key: string, field: string, by: number): Promise<number> {
    return this.#tx(() => {
      const row = this.#q(
        // Bound as an integer: a JS number would go in as a REAL and come back as "3.0".
        'INSERT INTO maps (key, field, value) VALUES (?, ?, CAST(? AS INTEGER)) ' +
          'ON CONFLICT(key, field) DO UPDATE SET value = CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER) ' +
          'RETURNING value',
      ).get(key, field, by) as { value: string | number };
      return Number(row.value);
    });
  }

  // The cursor is the last field returned ('f' + field), so a walk is an index range scan and never repeats.
  async mapScan(key: string, cursor: string, count: number): Promise<{ cursor: string; entries: [string, string][] }> {
    const after = cursor === '0' ? null : cursor.slice(1);
    const limit = Math.max(1, count);
    const rows = (
      after === null
        ? this.#q('SELECT field, value FROM maps WHERE key = ? ORDER BY field LIMIT ?').all(key, limit)
        : this.#q('SELECT field, value FROM maps WHERE key = ? AND field > ? ORDER BY field LIMIT ?').all(
            key,
            after,
            limit,
          )
    ) as { field: string; value: string }[];
    const last = rows.at(-1);
    return {
      cursor: rows.length < limit || last === undefined ? '0' : `f${last.field}`,
      entries: rows.map((r) => [r.field, r.value]),
    };
  }

  async getMany(keys: string[]): Promise<(string | null)[]> {
    const now = this.#now();
    const st = this.#q(LIVE_VALUE_SQL);
    return keys.map((k) => (st.get(k, now) as { value: string } | undefined)?.value ?? null);
  }

  async setMany(entries: [string, string][], ttlMs: number): Promise<void> {
    const expires = this.#now() + ttlMs;
    await this.#tx(() => {
      const st = this.#q(
        'INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ' +
          'ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
      );
      for (const [k, v] of entries) st.run(k, v, expires);
    });
  }

  async lease(key: string, owner: string, ttlMs: number, takeFrom?: string): Promise<boolean> {
    const now = this.#now();
    return this.#tx(() => {
      const row = this.#live(key, now);
      if (row !== undefined && row.value !== owner && (takeFrom === undefined || row.value !== takeFrom)) return false;
      this.#q(
        'INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ' +
          'ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
      ).run(key, owner, now + ttlMs);
      return true;
    });
  }

  async releaseLease(key: string, owner: string): Promise<void> {
    await this.#tx(() => this.#q('DELETE FROM kv WHERE key = ? AND value = ?').run(key, owner));
  }

  /**
   * A real write: fails when the file cannot be written (locked by another process, disk full). A file is
   * probed from the background thread, which may wait for a lock without holding the event loop.
   */
  async ping(): Promise<void> {
    if (this.#closed) throw new StoreError('the SQLite store is closed');
    if (this.#fileWorker !== undefined && !this.#fileWorker.failed) {
      const r = await this.#fileWorker.probe();
      if (!r.ok) throw new StoreError(`the SQLite file cannot be written: ${r.error ?? 'unknown error'}`);
      return;
    }
    const now = this.#now();
    await this.#tx(() =>
      this.#q(
        'INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ' +
          'ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
      ).run(READY_PROBE_KEY, String(now), now + READY_PROBE_TTL_MS),
    );
  }

  #purges = 0;

  /** How many purges were asked for so far: the embedded queue purges again after a job that overlapped one. */
  get purges(): number {
    return this.#purges;
  }

  /**
   * Makes what was deleted unrecoverable from the files: the WAL (whose old frames still hold pages from
   * before the delete) is checkpointed into the database, where secure_delete zeroed the deleted content,
   * and truncated to zero bytes. Runs in the background thread; a WAL another process keeps reading is
   * tried again a few times, then StoreError (the caller's job is retried).
   */
  async purge(): Promise<void> {
    if (this.#closed) throw new StoreError('the SQLite store is closed');
    this.#purges += 1;
    await this.truncateWal();
  }

  /**
   * What purge() does to the files, without counting as a purge: the embedded queue's follow-up after a job
   * that overlapped one (counting it would have every job overlapping the follow-up purge again, and so on).
   */
  async truncateWal(): Promise<void> {
    if (this.#closed) throw new StoreError('the SQLite store is closed');
    if (this.file === ':memory:') return;
    let error = '';
    for (let attempt = 0; attempt < PURGE_ATTEMPTS; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, PURGE_RETRY_MS));
      if (this.#fileWorker !== undefined && !this.#fileWorker.failed) {
        const r = await this.#fileWorker.truncateWal();
        if (r.ok) return;
        error = r.error ?? 'unknown error';
      } else {
        const [row] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        if (row?.busy === 0) return;
        error = 'the WAL is in use';
      }
    }
    throw new StoreError(`the SQLite WAL could not be truncated: ${error}`);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#flush();
    this.#closed = true;
    clearInterval(this.#sweep);
    await this.#fileWorker?.stop();
    // The last connection to close checkpoints the WAL into the file.
    this.db.close();
  }
}
