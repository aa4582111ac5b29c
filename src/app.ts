// Builds the Fastify application from configuration and its dependencies; never listens (see server.ts).
// Routes: POST /v1/check, POST /webhooks/line, POST /webhooks/twilio, GET /a/:token, GET /healthz,
// GET /readyz, GET /metrics (METRICS_TOKEN), GET|POST / (try page), /console (with CONSOLE_TOKEN). A channel whose
// credentials are missing is off: its webhook answers 404.
import underPressure from '@fastify/under-pressure';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { pino } from 'pino';
import { articlePages } from './articles/pages.ts';
import { apiLimits, apiRoutes } from './channels/api/route.ts';
import { channelStatus } from './channels/clients.ts';
import { lineWebhook } from './channels/line/route.ts';
import { answerPages } from './channels/twilio/answer-page.ts';
import { twilioWebhook } from './channels/twilio/route.ts';
import type { Config } from './config.ts';
import type { Consultant } from './consult/api.ts';
import type { ChannelJob } from './conversation/types.ts';
import type { Verdict } from './domain.ts';
import { checkAccess, refuseAccess } from './infra/access.ts';
import type { Runtime } from './infra/runtime.ts';
import { type Article, loadArticles } from './knowledge/articles.ts';
import type { Offer } from './offers/offers.ts';
import { recordConsultation } from './stats/trends.ts';
import { webPages } from './web/pages.ts';

export interface AppDeps {
  config: Config;
  consultant: Consultant;
  /** Awareness articles for GET /articles; loaded from knowledge/ when not given. */
  articles?: readonly Article[];
  /** Store, queue, id hashing and metrics. Without it only /v1/check and the health routes are served. */
  runtime?: Runtime<ChannelJob>;
  /** The process logger; by default Fastify makes one from LOG_LEVEL. */
  logger?: pino.Logger;
  /** 'worker' serves only /healthz, /readyz and /metrics. */
  role?: Role;
  /** Shed requests when the event loop lags this much (ms); default MAX_EVENT_LOOP_DELAY_MS. */
  maxEventLoopDelayMs?: number;
  /** Partner offers (OFFERS_FILE), for the console's list. */
  offers?: readonly Offer[];
  /** Set `draining` when shutdown starts: /readyz answers 503 from that moment (server.ts). */
  lifecycle?: Lifecycle;
}

export interface Lifecycle {
  draining: boolean;
}

export type Role = 'web' | 'worker' | 'all';

/** Largest body of any route that sets no limit of its own (POST /v1/check sets API_MAX_BODY_MB). */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;
/** Shed load (503 + Retry-After) rather than miss the platforms' ack deadline for everyone. */
export const MAX_EVENT_LOOP_DELAY_MS = 1_000;
/** /readyz answers within this, whatever the store does (a load balancer's probe times out at about 1 s). */
export const READY_TIMEOUT_MS = 800;
const MB = 1024 * 1024;

class NotReadyError extends Error {
  override name = 'NotReadyError';
}

async function readiness(runtime: Runtime<ChannelJob>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NotReadyError(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.all([runtime.store.ping(), runtime.queue.ping()]), late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, runtime } = deps;
  const role = deps.role ?? 'all';
  const app = Fastify({
    ...(deps.logger
      ? { loggerInstance: deps.logger as FastifyBaseLogger }
      : { logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL } }),
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    // Request bodies are message content, and webhook URLs carry no use in logs: no per-request lines.
    logController: new Fastify.LogController({ disableRequestLogging: true }),
    // Behind a proxy or platform front end: req.ip follows X-Forwarded-For (per-client rate limits). Who may
    // call the closed routes is decided on the socket instead (infra/access.ts).
    trustProxy: true,
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err: { name: err.name, message: err.message } }, 'request failed');
    const tooLarge = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    reply.code(status).send({
      error:
        status >= 500
          ? 'Internal error. Please try again later.'
          : tooLarge
            ? `Request body is too large: at most ${req.routeOptions.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES} bytes.`
            : err.message,
    });
  });

  const lifecycle = deps.lifecycle ?? { draining: false };
  app.addHook('preClose', async () => {
    lifecycle.draining = true;
  });

  // Memory too: a burst of large requests (each up to API_MAX_BODY_MB, plus the pictures decoded from it) is
  // shed with 503 + Retry-After before the process is killed for it.
  await app.register(underPressure, {
    maxEventLoopDelay: deps.maxEventLoopDelayMs ?? MAX_EVENT_LOOP_DELAY_MS,
    maxHeapUsedBytes: config.MAX_HEAP_USED_MB * MB,
    maxRssBytes: config.MAX_RSS_MB * MB,
    retryAfter: 5,
    exposeStatusRoute: false,
  });

  app.get('/healthz', async () => ({ ok: true }));
  // Ready = not shutting down, and the store and queue can be written now (a write probe, not a read).
  app.get('/readyz', async (req, reply) => {
    if (lifecycle.draining) return reply.code(503).send({ ok: false, reason: 'shutting down' });
    if (runtime === undefined) return { ok: true };
    try {
      await readiness(runtime);
      return { ok: true, store: runtime.store.kind, queue: runtime.queue.kind };
    } catch (err) {
      req.log.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'not ready');
      return reply.code(503).send({ ok: false, reason: 'store or queue cannot be written' });
    }
  });
  // Same port, own token (METRICS_TOKEN; none: this machine only): one listener to run and expose, and
  // Prometheus sends a bearer token as it is (scrape_config authorization).
  const metricsKeys = config.METRICS_TOKEN ? [config.METRICS_TOKEN] : [];
  app.get('/metrics', async (req, reply) => {
    const access = checkAccess(req, metricsKeys, 'GET /metrics', 'METRICS_TOKEN');
    if (!access.ok) return refuseAccess(reply, access);
    const text = runtime ? await runtime.metrics.render() : '';
    return reply.type('text/plain; version=0.0.4').send(text);
  });

  if (role === 'worker') return app;

  const store = runtime?.store;
  await app.register(apiRoutes, {
    consultant: deps.consultant,
    keys: config.API_KEYS,
    ratePerMin: config.API_RATE_PER_MIN,
    limits: apiLimits(config.API_MAX_BODY_MB),
    ...(store
      ? { onVerdict: (v: Verdict) => recordConsultation(store, { ...v, channel: 'api' }, new Date(), config.TZ) }
      : {}),
  });
  const articles = deps.articles ?? loadArticles();
  await app.register(articlePages, { articles });
  if (runtime !== undefined) {
    const status = channelStatus(config);
    const ingestDeps = { queue: runtime.queue, metrics: runtime.metrics, maxBacklog: config.QUEUE_MAX_DEPTH };
    if (status.line.on) {
      await app.register(lineWebhook, {
        channelSecret: config.LINE_CHANNEL_SECRET!,
        ids: runtime.ids,
        ingest: ingestDeps,
      });
    }
    if (status.twilio.on) {
      await app.register(twilioWebhook, {
        authToken: config.TWILIO_AUTH_TOKEN!,
        publicBaseUrl: config.PUBLIC_BASE_URL!,
        ids: runtime.ids,
        ingest: ingestDeps,
      });
    }
    await app.register(answerPages, { store: runtime.store, ids: runtime.ids, metrics: runtime.metrics });
    await app.register(webPages, {
      config,
      consultant: deps.consultant,
      runtime,
      channels: status,
      articles,
      offers: deps.offers ?? [],
    });
  }
  return app;
}
