// A background thread with its own connection to the SQLite file, for the work that must not run on the
// event loop: WAL checkpoints on a timer (copying the WAL back into the database file, with its fsync), so
// none runs inside a request (the main connection's automatic checkpoint is off, sqlite.ts); and the
// readiness probe, a real write that may wait for another process's lock without holding the event loop.
// https://www.sqlite.org/wal.html#checkpointing
//
// A PASSIVE checkpoint copies pages back but leaves the WAL's old frames in the file. Those frames can hold
// the sealed values of finished jobs and, until truncated, the pages of a deletion from before secure_delete
// zeroed them; so the WAL is also truncated to zero bytes every WAL_TRUNCATE_INTERVAL_MS, and at once when
// asked (after a person's data is erased, and after the job that erased it: sqlite.ts purge(), embedded.ts).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Often enough that the WAL stays small (a few MB at thousands of events a second). */
export const CHECKPOINT_INTERVAL_MS = 1_000;
/** Below the request thread, but not so far that checkpoints starve under a long burst. */
const CHECKPOINT_NICE = 10;
/** The probe waits this long for the write lock, then reports the file as not writable. */
const PROBE_BUSY_MS = 300;
/**
 * How long a finished job's sealed payload may linger in the WAL's old frames. A TRUNCATE checkpoint after the
 * PASSIVE ones has little left to copy: 8 to 20 ms in this thread on a 15 to 150 MB file (measured, issue 11).
 */
export const WAL_TRUNCATE_INTERVAL_MS = 60_000;

// Plain CommonJS evaluated in the thread: no TypeScript loader needed there.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// Linux keeps a nice value per thread (man 2 setpriority): lowered here, checkpoints yield the CPU to the
// request thread when both want it. Elsewhere it would lower the whole process, so it is left alone.
if (process.platform === 'linux') {
  try {
    require('node:os').setPriority(${CHECKPOINT_NICE});
  } catch {}
}
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = ${PROBE_BUSY_MS}');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ checkpointError: String(err && err.message) });
  }
};
// busy = 1: a reader or writer of another connection held on for the whole busy timeout; nothing is lost,
// the WAL is truncated next time.
const truncate = () => {
  const row = db.pragma('wal_checkpoint(TRUNCATE)')[0];
  return row.busy === 0;
};
let lastTruncate = Date.now();
const tick = () => {
  if (Date.now() - lastTruncate < workerData.truncateMs) return checkpoint();
  try {
    if (truncate()) lastTruncate = Date.now();
  } catch (err) {
    parentPort.postMessage({ checkpointError: String(err && err.message) });
  }
};
const probe = db.prepare("INSERT INTO kv (key, value, expires_at) VALUES ('ready:probe', ?, ?) " +
  'ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at');
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
    return;
  }
  try {
    if (m.truncate) {
      const done = truncate();
      if (done) lastTruncate = Date.now();
      parentPort.postMessage({ probe: m.probe, ok: done, ...(done ? {} : { error: 'the WAL is in use' }) });
      return;
    }
    const now = Date.now();
    db.transaction(() => probe.run(String(now), now + 60000)).immediate();
    parentPort.postMessage({ probe: m.probe, ok: true });
  } catch (err) {
    parentPort.postMessage({ probe: m.probe, ok: false, error: String(err && err.message) });
  }
});
`;

export class FileWorker {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;
  readonly #probes = new Map<number, (r: { ok: boolean; error?: string }) => void>();
  #nextProbe = 0;
  lastCheckpointError: string | undefined;
  failed = false;

  /**
   * The kv table must exist in the file (sqlite.ts creates it before starting this thread). `onFailure` runs
   * if the thread dies: the caller then checkpoints by itself again.
   */
  constructor(
    file: string,
    intervalMs = CHECKPOINT_INTERVAL_MS,
    onFailure: () => void = () => {},
    truncateMs = WAL_TRUNCATE_INTERVAL_MS,
  ) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { file, driver, intervalMs, truncateMs } });
    this.#worker.on('message', (m: { checkpointError?: string; probe?: number; ok?: boolean; error?: string }) => {
      if (m.checkpointError !== undefined) this.lastCheckpointError = m.checkpointError;
      if (m.probe !== undefined) {
        this.#probes.get(m.probe)?.({ ok: m.ok === true, ...(m.error ? { error: m.error } : {}) });
        this.#probes.delete(m.probe);
        if (this.#probes.size === 0) this.#worker.unref();
      }
    });
    // A failed thread leaves the database as it is; checkpoints go back to the main connection (onFailure).
    this.#worker.on('error', (err) => {
      this.lastCheckpointError = err.message;
      this.failed = true;
      for (const resolve of this.#probes.values()) resolve({ ok: false, error: err.message });
      this.#probes.clear();
      onFailure();
    });
    this.#worker.unref();
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
  }

  /** Writes a probe row from the thread; resolves with whether the file could be written. */
  probe(): Promise<{ ok: boolean; error?: string }> {
    return this.#ask(false);
  }

  /** Checkpoints the whole WAL into the database and truncates it to zero bytes. */
  truncateWal(): Promise<{ ok: boolean; error?: string }> {
    return this.#ask(true);
  }

  #ask(truncate: boolean): Promise<{ ok: boolean; error?: string }> {
    const id = this.#nextProbe++;
    return new Promise((resolve) => {
      this.#probes.set(id, resolve);
      // Held while a caller waits for the answer (a short-lived command has nothing else keeping it alive).
      this.#worker.ref();
      this.#worker.postMessage({ probe: id, truncate });
    });
  }

  async stop(): Promise<void> {
    this.#worker.postMessage('stop');
    const timer = setTimeout(() => void this.#worker.terminate(), 2_000);
    await this.#exited;
    clearTimeout(timer);
  }
}
