// `anshin serve [--role web|worker|all] [--port N]`: web takes webhooks and queues work, worker answers,
// all does both in one process (the default). On SIGTERM / SIGINT it drains: /readyz answers 503 from that
// very moment, requests are still served for SHUTDOWN_DRAIN_MS (so a load balancer can stop sending; a
// second signal cuts this short), then the listener closes, running jobs finish or are handed back to the
// queue, and the stores close.
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Lifecycle, type Role } from './app.ts';
import { channelStatusLines, createOutboxes } from './channels/clients.ts';
import { UsageError } from './cli/errors.ts';
import type { CommandIo } from './cli/io.ts';
import { loadConfig } from './config.ts';
import { createConsultant } from './consult/consultant.ts';
import { storeJudgeStats } from './consult/judge-stats.ts';
import { startWorker } from './conversation/runner.ts';
import type { ChannelJob } from './conversation/types.ts';
import { createLogger } from './infra/log.ts';
import { openRuntime } from './infra/runtime.ts';
import { loadOffers } from './offers/offers.ts';
import { startTipsScheduler, type TipsScheduler } from './tips/scheduler.ts';
import { createTipsService } from './tips/service.ts';

const ROLES: readonly Role[] = ['web', 'worker', 'all'];

export interface ServeOptions {
  /** Stops the server when aborted (tests); by default SIGINT / SIGTERM do. */
  signal?: AbortSignal;
  /** Called once the server listens, with its address. */
  onListening?: (address: string) => void;
}

export async function serveCommand(argv: string[], io: CommandIo, opts: ServeOptions = {}): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, role: { type: 'string', default: 'all' } },
    strict: true,
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role must be web, worker or all (got "${values.role}")`);
  const config = loadConfig(io.env);
  const port = values.port !== undefined ? Number(values.port) : config.PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a port number');

  const log = createLogger(config);
  const offers = config.OFFERS_FILE ? loadOffers(config.OFFERS_FILE) : [];
  const runtime = await openRuntime<ChannelJob>(config, { log });
  const consultant = await createConsultant({
    config,
    judgeStats: storeJudgeStats(runtime.store, () => new Date(), config.TZ),
    log,
    metrics: runtime.metrics,
  });

  const lines = [
    `anshin ${role}: state in ${runtime.store.kind === 'redis' ? 'Redis (REDIS_URL), queue BullMQ' : `SQLite in ${config.DATA_DIR}, embedded queue`}`,
    ...channelStatusLines(config),
    ...(offers.length > 0 ? [`offers: ${offers.length} from ${config.OFFERS_FILE}`] : []),
  ];
  for (const l of lines) io.stderr.write(`${l}\n`);

  let app: FastifyInstance | undefined;
  let tips: TipsScheduler | undefined;
  const lifecycle: Lifecycle = { draining: false };
  const shutdown = shutdownSignals(lifecycle, opts.signal);
  try {
    if (role !== 'web') {
      const { store, ids } = runtime;
      const articles = consultant.articleIndex.articles;
      const service = createTipsService({ config, store, ids, log, offers, articles });
      tips = await startTipsScheduler({ config, log, run: (week, signal) => service.sendWeek(week, signal) });
      await startWorker({
        runtime,
        consultant,
        outboxes: createOutboxes(config, runtime),
        log,
        contextTtlMs: config.CONTEXT_TTL_MIN * 60_000,
        rateLimitPerHour: config.RATE_LIMIT_PER_HOUR,
        concurrency: config.WORKER_CONCURRENCY,
        offers,
        tz: config.TZ,
      });
    }
    // A worker still listens, for /healthz, /readyz and /metrics only.
    app = await buildApp({
      config,
      consultant,
      articles: consultant.articleIndex.articles,
      runtime,
      logger: log,
      role,
      offers,
      lifecycle,
    });
    const address = await app.listen({ port, host: config.HOST });
    io.stderr.write(`anshin ${role} listening on ${address}\n`);
    opts.onListening?.(address);
    await shutdown.first;
    io.stderr.write(`anshin ${role}: shutting down (not ready; closing in ${config.SHUTDOWN_DRAIN_MS} ms)\n`);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((r) => (timer = setTimeout(r, config.SHUTDOWN_DRAIN_MS))), shutdown.second]);
    clearTimeout(timer);
  } finally {
    lifecycle.draining = true;
    // Order matters: no new requests, then no new jobs (running ones finish or go back), then the stores.
    await app?.close();
    await tips?.close();
    await runtime.close();
    consultant.close();
    shutdown.dispose();
  }
  return 0;
}

/**
 * The first SIGINT / SIGTERM (or the abort) marks the process as draining at that instant, before anything
 * else runs; `second` is a further signal, which skips the rest of the drain.
 */
function shutdownSignals(lifecycle: Lifecycle, signal?: AbortSignal) {
  let resolveFirst: () => void = () => {};
  let resolveSecond: () => void = () => {};
  const first = new Promise<void>((r) => {
    resolveFirst = r;
  });
  const second = new Promise<void>((r) => {
    resolveSecond = r;
  });
  const onSignal = () => {
    if (lifecycle.draining) {
      resolveSecond();
      return;
    }
    lifecycle.draining = true;
    resolveFirst();
  };
  if (signal) {
    if (signal.aborted) onSignal();
    else signal.addEventListener('abort', onSignal, { once: true });
  } else {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  return {
    first,
    second,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      signal?.removeEventListener('abort', onSignal);
    },
  };
}
