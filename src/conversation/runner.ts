// The worker role: takes jobs from the queue and answers through the channels' outboxes.
import type { Consultant } from '../consult/api.ts';
import type { Log } from '../infra/log.ts';
import type { Runtime } from '../infra/runtime.ts';
import type { Offer } from '../offers/offers.ts';
import type { BurstWindows } from './burst.ts';
import type { Outboxes } from './outbox.ts';
import type { ChannelJob } from './types.ts';
import { createJobHandler, newConsultId } from './worker.ts';

export interface WorkerOptions {
  runtime: Runtime<ChannelJob>;
  consultant: Consultant;
  outboxes: Outboxes;
  log: Log;
  contextTtlMs: number;
  /** RATE_LIMIT_PER_HOUR. */
  rateLimitPerHour: number;
  offers?: readonly Offer[];
  /** WORKER_CONCURRENCY. */
  concurrency?: number;
  burstWindows?: BurstWindows;
  /** TZ: the time zone the weekly trends count consultations in (Asia/Tokyo unless set). */
  tz?: string;
  now?: () => Date;
}

export async function startWorker(opts: WorkerOptions): Promise<void> {
  const handler = createJobHandler({
    store: opts.runtime.store,
    ids: opts.runtime.ids,
    metrics: opts.runtime.metrics,
    outboxes: opts.outboxes,
    contextTtlMs: opts.contextTtlMs,
    rateLimitPerHour: opts.rateLimitPerHour,
    ...(opts.burstWindows ? { burstWindows: opts.burstWindows } : {}),
    ...(opts.tz ? { tz: opts.tz } : {}),
    log: opts.log,
    consultant: opts.consultant,
    offers: opts.offers ?? [],
    now: opts.now ?? (() => new Date()),
    newConsultId,
  });
  await opts.runtime.queue.process(handler, { concurrency: opts.concurrency });
}
