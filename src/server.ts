// `anshin serve [--role web|worker|all] [--port N]`: web takes webhooks and queues work, worker answers,
// all does both in one process (the default). Closes cleanly on SIGINT/SIGTERM: stop accepting requests,
// let running jobs finish (or hand them back to the queue), close the stores.
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { buildApp, channelStatusLines, createOutboxes, type Role } from './app.ts';
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
  const runtime = await openRuntime<ChannelJob>(config);
  const consultant = await createConsultant({ config, judgeStats: storeJudgeStats(runtime.store) });

  const lines = [
    `anshin ${role}: state in ${runtime.store.kind === 'redis' ? 'Redis (REDIS_URL), queue BullMQ' : `SQLite in ${config.DATA_DIR}, embedded queue`}`,
    ...channelStatusLines(config),
    ...(offers.length > 0 ? [`offers: ${offers.length} from ${config.OFFERS_FILE}`] : []),
  ];
  for (const l of lines) io.stderr.write(`${l}\n`);

  let app: FastifyInstance | undefined;
  let tips: TipsScheduler | undefined;
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
        offers,
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
    });
    const address = await app.listen({ port, host: config.HOST });
    io.stderr.write(`anshin ${role} listening on ${address}\n`);
    opts.onListening?.(address);
    await stopped(opts.signal);
  } finally {
    // Order matters: no new requests, then no new jobs (running ones finish or go back), then the stores.
    await app?.close();
    await tips?.close();
    await runtime.close();
    consultant.close();
  }
  return 0;
}

function stopped(signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal) {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
