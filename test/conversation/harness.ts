// Whole conversations: the real app and worker (real store and queue, real consultant by default) between
// signed webhook requests and fake LINE / Twilio servers that record every outgoing call.
import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import twilio from 'twilio';
import { buildApp } from '../../src/app.ts';
import { createOutboxes } from '../../src/channels/clients.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Consultant } from '../../src/consult/api.ts';
import { createConsultant, type LocalConsultant } from '../../src/consult/consultant.ts';
import { startWorker } from '../../src/conversation/runner.ts';
import type { ChannelJob } from '../../src/conversation/types.ts';
import { silentLog } from '../../src/infra/log.ts';
import type { BullQueue } from '../../src/infra/queue/bullmq.ts';
import type { SealedPayload, SealedQueue } from '../../src/infra/queue/sealed.ts';
import { openRuntime, type Runtime, type RuntimeOptions, SQLITE_FILE } from '../../src/infra/runtime.ts';
import type { RedisStore } from '../../src/infra/store/redis.ts';
import type { Offer } from '../../src/offers/offers.ts';
import { FakeLine } from '../channels/line/fake-line.ts';
import { FakeTwilio, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../channels/twilio/fake-twilio.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../infra/redis-env.ts';

export const LINE_SECRET = 'test-line-channel-secret';
export const PUBLIC_BASE_URL = 'https://anshin.example.com';
export const OUR_NUMBER = '+15005550006';

let sharedConsultant: Promise<LocalConsultant> | undefined;
/** The real consultation engine (local judge, no LLM key), built once per test file. */
export function realConsultant(): Promise<LocalConsultant> {
  sharedConsultant ??= createConsultant({
    config: loadConfig({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-consult-')) }),
  });
  return sharedConsultant;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  redis?: boolean;
  consultant?: Consultant;
  offers?: Offer[];
  now?: () => Date;
  burstWindowMs?: number;
  runtime?: RuntimeOptions;
  worker?: boolean;
  /** Keep the embedded store in DATA_DIR/anshin.sqlite, as a deployment does (default: in memory). */
  fileStore?: boolean;
}

export interface Harness {
  app: FastifyInstance;
  runtime: Runtime<ChannelJob>;
  config: Config;
  line: FakeLine;
  twilio: FakeTwilio;
  dataDir: string;
  prefixes: { redis: string; bull: string };
  postLine(events: object[], opts?: { signature?: string | null; secret?: string }): Promise<{ status: number }>;
  postTwilio(
    form: Record<string, string>,
    opts?: { signature?: string | null },
  ): Promise<{ status: number; body: string }>;
  /** Waits until the queue is empty and stays so (every job done). */
  settle(): Promise<void>;
  until(check: () => boolean, what: string): Promise<void>;
  /** A clean shutdown (app, queue, store, fake servers), keeping DATA_DIR for inspection. */
  shutdown(): Promise<void>;
  /** shutdown(), then DATA_DIR is removed. */
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export function lineSignature(body: string, secret = LINE_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

export function twilioSignature(url: string, form: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, url, form);
}

let eventCounter = 0;
export function lineTextEvent(userId: string, text: string, extra: Record<string, unknown> = {}) {
  eventCounter += 1;
  return {
    type: 'message',
    mode: 'active',
    timestamp: Date.now(),
    source: { type: 'user', userId },
    webhookEventId: `01TEST${randomUUID().replace(/-/g, '').slice(0, 20).toUpperCase()}`,
    deliveryContext: { isRedelivery: false },
    replyToken: `rt-${eventCounter}-${randomUUID()}`,
    message: { id: String(100000 + eventCounter), type: 'text', quoteToken: 'q', text },
    ...extra,
  };
}

export function lineImageEvent(userId: string, messageId: string) {
  const base = lineTextEvent(userId, '');
  return { ...base, message: { id: messageId, type: 'image', quoteToken: 'q', contentProvider: { type: 'line' } } };
}

export function linePostbackEvent(userId: string, data: string) {
  const base = lineTextEvent(userId, '');
  const { message: _m, ...rest } = base;
  return { ...rest, type: 'postback', postback: { data } };
}

let smsCounter = 0;
export function twilioForm(from: string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  smsCounter += 1;
  return {
    MessageSid: `SM${randomUUID().replace(/-/g, '')}`,
    SmsSid: `SM${smsCounter}`,
    AccountSid: TEST_ACCOUNT_SID,
    From: from,
    To: from.startsWith('whatsapp:') ? `whatsapp:${OUR_NUMBER}` : OUR_NUMBER,
    Body: body,
    NumMedia: '0',
    ...extra,
  };
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const line = await new FakeLine().start();
  const fakeTwilio = await new FakeTwilio().start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-harness-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PUBLIC_BASE_URL,
    LINE_CHANNEL_SECRET: LINE_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: 'test-access-token',
    LINE_API_BASE_URL: line.url,
    LINE_DATA_API_BASE_URL: line.url,
    TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
    TWILIO_API_BASE_URL: fakeTwilio.url,
    ...(opts.redis ? { REDIS_URL: TEST_REDIS_URL } : {}),
    ...opts.env,
  });
  const redisPrefix = uniquePrefix('conv');
  const bullPrefix = uniquePrefix('bull').slice(0, -1);
  const runtime = await openRuntime<ChannelJob>(config, {
    sqliteFile: opts.fileStore ? path.join(dataDir, SQLITE_FILE) : ':memory:',
    redisPrefix,
    bullPrefix,
    embedded: { backoff: () => 50 },
    bull: { backoffBaseMs: 50 },
    ...opts.runtime,
  });
  const consultant = opts.consultant ?? (await realConsultant());
  const app = await buildApp({ config, consultant, runtime });
  const windowMs = opts.burstWindowMs ?? 150;
  if (opts.worker !== false) {
    await startWorker({
      runtime,
      consultant,
      outboxes: createOutboxes(config, runtime),
      log: silentLog,
      contextTtlMs: config.CONTEXT_TTL_MIN * 60_000,
      rateLimitPerHour: config.RATE_LIMIT_PER_HOUR,
      burstWindows: { textMs: windowMs, imageMs: windowMs },
      offers: opts.offers ?? [],
      ...(opts.now ? { now: opts.now } : {}),
    });
  }

  let shutDown = false;
  const h: Harness = {
    app,
    runtime,
    config,
    line,
    twilio: fakeTwilio,
    dataDir,
    prefixes: { redis: redisPrefix, bull: bullPrefix },
    async postLine(events, o = {}) {
      const body = JSON.stringify({ destination: 'Uoperator', events });
      const sig = o.signature === undefined ? lineSignature(body, o.secret) : o.signature;
      const res = await app.inject({
        method: 'POST',
        url: '/webhooks/line',
        headers: { 'content-type': 'application/json', ...(sig !== null ? { 'x-line-signature': sig } : {}) },
        payload: body,
      });
      return { status: res.statusCode };
    },
    async postTwilio(form, o = {}) {
      const sig = o.signature === undefined ? twilioSignature(`${PUBLIC_BASE_URL}/webhooks/twilio`, form) : o.signature;
      const res = await app.inject({
        method: 'POST',
        url: '/webhooks/twilio',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(sig !== null ? { 'x-twilio-signature': sig } : {}),
        },
        payload: new URLSearchParams(form).toString(),
      });
      return { status: res.statusCode, body: res.body };
    },
    async settle() {
      let quiet = 0;
      const start = Date.now();
      while (quiet < 3) {
        if (Date.now() - start > 20_000) throw new Error('queue did not settle');
        const c = await runtime.queue.counts();
        quiet = c.waiting + c.active + c.delayed === 0 ? quiet + 1 : 0;
        await sleep(100);
      }
    },
    until,
    async shutdown() {
      if (shutDown) return;
      shutDown = true;
      await app.close();
      if (opts.redis) {
        await (runtime.store as RedisStore).deleteAllWithPrefix();
        await ((runtime.queue as SealedQueue<ChannelJob>).inner as BullQueue<SealedPayload>)
          .obliterate()
          .catch(() => {});
      }
      await runtime.close();
      await line.stop();
      await fakeTwilio.stop();
    },
    async close() {
      await h.shutdown();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}

export const SAGAWA_SMS =
  '【佐川急便】お荷物をお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください。 http://sagawa-xx.top/';
