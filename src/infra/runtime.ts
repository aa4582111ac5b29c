// The stateful parts of one process, chosen by configuration: Redis + BullMQ when REDIS_URL is set,
// else the embedded SQLite store and its queue (one file in DATA_DIR).
import path from 'node:path';
import type { Config } from '../config.ts';
import { loadIdHashKey, PersonIds } from './ids.ts';
import type { Log } from './log.ts';
import { Metrics } from './metrics.ts';
import type { BullQueueOptions } from './queue/bullmq.ts';
import { EmbeddedQueue } from './queue/embedded.ts';
import type { JobQueue, QueueErrorReporter } from './queue/queue.ts';
import { type PayloadReporter, type SealedPayload, SealedQueue } from './queue/sealed.ts';
import { SqliteStore } from './store/sqlite.ts';
import type { Store } from './store/store.ts';

export const SQLITE_FILE = 'anshin.sqlite';
export const REDIS_KEY_PREFIX = 'anshin:';
export const BULLMQ_PREFIX = 'anshin-bull';

export interface Runtime<T> {
  store: Store;
  queue: JobQueue<T>;
  ids: PersonIds;
  metrics: Metrics;
  /** Closes the queue (letting running jobs finish), then the store. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Override the key prefixes (tests use one per run). */
  redisPrefix?: string;
  bullPrefix?: string;
  /** ':memory:' or a path; default DATA_DIR/anshin.sqlite. */
  sqliteFile?: string;
  bull?: Pick<BullQueueOptions, 'lockDurationMs' | 'stalledIntervalMs' | 'maxAttempts' | 'backoffBaseMs'>;
  embedded?: ConstructorParameters<typeof EmbeddedQueue>[1];
  /** Where background queue failures are reported (at most once per QUEUE_ERROR_LOG_MS for each kind). */
  log?: Log;
}

/** A Redis outage makes errors on every reconnection attempt: one line per kind this often is enough. */
const QUEUE_ERROR_LOG_MS = 30_000;

function throttledReporter(log: Log | undefined): QueueErrorReporter {
  const last = new Map<string, number>();
  return (where, err) => {
    if (log === undefined) return;
    const now = Date.now();
    if (now - (last.get(where) ?? Number.NEGATIVE_INFINITY) < QUEUE_ERROR_LOG_MS) return;
    last.set(where, now);
    log.warn(
      { err: { name: (err as Error).name, message: (err as Error).message }, where },
      'queue: background work failed',
    );
  };
}

function payloadReporter(log: Log | undefined): PayloadReporter {
  return (job, reason) => {
    if (reason === 'unsealed') log?.info({ job }, 'queue: ran a job queued by an older version (payload not sealed)');
    else log?.warn({ job }, 'queue: dropped a job sealed under another key (was ID_HASH_KEY changed?)');
  };
}

export async function openRuntime<T>(
  config: Pick<Config, 'REDIS_URL' | 'DATA_DIR' | 'ID_HASH_KEY'>,
  opts: RuntimeOptions = {},
): Promise<Runtime<T>> {
  const ids = new PersonIds(loadIdHashKey(config));
  const metrics = new Metrics();
  let store: Store;
  let queue: JobQueue<SealedPayload>;
  const onError = throttledReporter(opts.log);
  if (config.REDIS_URL !== undefined) {
    // Loaded only here: the default setup (embedded store) never pays for node-redis and BullMQ.
    const [{ RedisStore }, { BullQueue }] = await Promise.all([
      import('./store/redis.ts'),
      import('./queue/bullmq.ts'),
    ]);
    store = await RedisStore.connect({ url: config.REDIS_URL, prefix: opts.redisPrefix ?? REDIS_KEY_PREFIX });
    queue = new BullQueue<SealedPayload>({
      url: config.REDIS_URL,
      prefix: opts.bullPrefix ?? BULLMQ_PREFIX,
      onError,
      ...opts.bull,
    });
  } else {
    const sqlite = new SqliteStore({ file: opts.sqliteFile ?? path.join(config.DATA_DIR, SQLITE_FILE) });
    store = sqlite;
    queue = new EmbeddedQueue<SealedPayload>(sqlite, { onError, ...opts.embedded });
  }
  metrics.gauge('anshin_queue_jobs', 'Jobs in the queue by state.', async () => ({ ...(await queue.counts()) }));
  return {
    store,
    // Payloads are sealed before they reach the SQLite file or Redis (queue/sealed.ts).
    queue: new SealedQueue<T>(queue, ids, payloadReporter(opts.log)),
    ids,
    metrics,
    async close() {
      await queue.close();
      await store.close();
    },
  };
}
