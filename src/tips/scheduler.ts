// Runs the weekly send on TIPS_CRON (default Monday 10:00) in TZ (default Asia/Tokyo).
// - Redis mode: a BullMQ job scheduler. Every worker process upserts the same scheduler id, so there is one
//   scheduler and one job per firing however many processes run (STACK.md: upsertJobScheduler with tz).
//   https://docs.bullmq.io/guide/job-schedulers
// - Embedded mode: a timer in each worker process. A process that starts after this week's firing time (it
//   was down on Monday morning) sends the week's tip then. Several processes on one SQLite file are safe:
//   the week's lease and done marker (deliver.ts) let one of them send, once.
// Either way the send's own guarantees hold (at most one tip per person and week); the scheduler only
// decides when to try. close() stops a running send between two batches; the next run resumes it.
import type { Job } from 'bullmq';
import type { Config } from '../config.ts';
import { type CronPattern, nextFire, parseCron, previousFire } from '../infra/cron.ts';
import type { Log } from '../infra/log.ts';
import { BULLMQ_PREFIX } from '../infra/runtime.ts';
import { isoWeekOf } from '../stats/week.ts';

export const TIPS_QUEUE = 'anshin-tips';
export const TIPS_SCHEDULER_ID = 'weekly-tips';
/** setTimeout cannot wait longer than about 24.8 days; re-arming daily keeps clear of that. */
const MAX_TIMER_MS = 24 * 60 * 60 * 1000;
/** After a failed send (platform down), try again this much later while the week lasts. */
export const RETRY_AFTER_FAILURE_MS = 10 * 60 * 1000;
const CATCH_UP_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const BULL_ATTEMPTS = 5;
const BULL_BACKOFF_MS = 60_000;

export type WeeklyRun = (week: string, signal: AbortSignal) => Promise<unknown>;

export interface TipsScheduler {
  readonly kind: 'embedded' | 'bullmq';
  /** The next firing (embedded only; BullMQ keeps its own). */
  next(): Date | null;
  close(): Promise<void>;
}

export interface TipsSchedulerOptions {
  config: Pick<Config, 'TIPS_CRON' | 'TZ' | 'REDIS_URL'>;
  run: WeeklyRun;
  log: Log;
  now?: () => Date;
  /** BullMQ key prefix (tests use one per run). */
  bullPrefix?: string;
}

export async function startTipsScheduler(opts: TipsSchedulerOptions): Promise<TipsScheduler> {
  const cron = parseCron(opts.config.TIPS_CRON);
  return opts.config.REDIS_URL !== undefined
    ? startBullScheduler(opts, opts.config.REDIS_URL)
    : startEmbeddedScheduler(opts, cron);
}

function errInfo(err: unknown) {
  return { name: (err as Error).name, message: (err as Error).message };
}

export function startEmbeddedScheduler(opts: TipsSchedulerOptions, cron: CronPattern): TipsScheduler {
  const now = opts.now ?? (() => new Date());
  const tz = opts.config.TZ;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let nextAt: Date | null = null;
  let running: Promise<void> | null = null;

  const arm = (at: Date) => {
    if (controller.signal.aborted) return;
    nextAt = at;
    clearTimeout(timer);
    const wait = Math.min(Math.max(0, at.getTime() - now().getTime()), MAX_TIMER_MS);
    timer = setTimeout(() => {
      if (now().getTime() < at.getTime()) arm(at);
      else fire(isoWeekOf(at, tz));
    }, wait);
    timer.unref();
  };

  const fire = (week: string) => {
    if (running !== null || controller.signal.aborted) return;
    running = opts
      .run(week, controller.signal)
      .then(
        () => arm(nextFire(cron, now(), tz)),
        (err) => {
          if (controller.signal.aborted) return;
          opts.log.error({ err: errInfo(err), week }, 'tips: weekly send failed; will try again');
          const retryAt = new Date(now().getTime() + RETRY_AFTER_FAILURE_MS);
          const next = nextFire(cron, now(), tz);
          // Retry while the week lasts and before the next firing; the next firing takes over after that.
          arm(isoWeekOf(retryAt, tz) === week && retryAt < next ? retryAt : next);
        },
      )
      .finally(() => {
        running = null;
      });
  };

  // Down at this week's firing time? Send now (the done marker makes this a no-op when it already went).
  const last = previousFire(cron, now(), tz, CATCH_UP_WINDOW_MS);
  if (last !== null && isoWeekOf(last, tz) === isoWeekOf(now(), tz)) fire(isoWeekOf(now(), tz));
  else arm(nextFire(cron, now(), tz));

  return {
    kind: 'embedded',
    next: () => nextAt,
    async close() {
      controller.abort(new Error('tips scheduler closing'));
      clearTimeout(timer);
      await (running as Promise<void> | null)?.catch(() => {});
    },
  };
}

async function startBullScheduler(opts: TipsSchedulerOptions, url: string): Promise<TipsScheduler> {
  // Loaded only in Redis mode: the default setup never pays for BullMQ and node-redis.
  const [{ Queue, Worker }, { OwnedRedisConnection }] = await Promise.all([
    import('bullmq'),
    import('../infra/queue/redis-connection.ts'),
  ]);
  const prefix = opts.bullPrefix ?? BULLMQ_PREFIX;
  const connections = [new OwnedRedisConnection(url), new OwnedRedisConnection(url)] as const;
  const queue = new Queue(TIPS_QUEUE, { connection: connections[0].connection, prefix });
  queue.on('error', () => {});
  await queue.upsertJobScheduler(
    TIPS_SCHEDULER_ID,
    { pattern: opts.config.TIPS_CRON, tz: opts.config.TZ },
    {
      name: TIPS_SCHEDULER_ID,
      data: {},
      opts: {
        attempts: BULL_ATTEMPTS,
        backoff: { type: 'exponential', delay: BULL_BACKOFF_MS },
        removeOnComplete: true,
        removeOnFail: 50,
      },
    },
  );
  const controller = new AbortController();
  const now = opts.now ?? (() => new Date());
  const worker = new Worker(
    TIPS_QUEUE,
    async (job: Job) => {
      const week = isoWeekOf(now(), opts.config.TZ);
      try {
        await opts.run(week, controller.signal);
      } catch (err) {
        opts.log.error({ err: errInfo(err), week, attempt: job.attemptsMade + 1 }, 'tips: weekly send failed');
        throw err;
      }
    },
    // One send at a time per process; the week's lease keeps it to one across processes.
    { connection: connections[1].connection, prefix, concurrency: 1 },
  );
  worker.on('error', () => {});
  await worker.waitUntilReady();
  return {
    kind: 'bullmq',
    next: () => null,
    async close() {
      controller.abort(new Error('tips scheduler closing'));
      await worker.close();
      await queue.close();
      for (const c of connections) await c.close();
    },
  };
}
