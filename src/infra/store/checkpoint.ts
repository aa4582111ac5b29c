// WAL checkpoints on a timer, in a worker thread with its own connection, so that copying the WAL back
// into the database file (and its fsync) never runs inside a request. The request path only appends to
// the WAL; the main connection's automatic checkpoint is switched off (sqlite.ts).
// https://www.sqlite.org/wal.html#checkpointing
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Often enough that the WAL stays small (a few MB at thousands of events a second). */
export const CHECKPOINT_INTERVAL_MS = 1_000;

// Plain CommonJS evaluated in the thread: no TypeScript loader needed there.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const run = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message) });
  }
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

export class Checkpointer {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;
  lastError: string | undefined;

  constructor(file: string, intervalMs = CHECKPOINT_INTERVAL_MS) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
    this.#worker.on('message', (m: { error?: string }) => {
      this.lastError = m.error;
    });
    // A failed thread only means checkpoints wait for close(); the database itself is unaffected.
    this.#worker.on('error', (err) => {
      this.lastError = err.message;
    });
    this.#worker.unref();
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
  }

  async stop(): Promise<void> {
    this.#worker.postMessage('stop');
    const timer = setTimeout(() => void this.#worker.terminate(), 2_000);
    await this.#exited;
    clearTimeout(timer);
  }
}
