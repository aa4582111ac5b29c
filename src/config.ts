// Environment → typed configuration, checked once at start with messages that say what to set.
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { z } from 'zod';
import { CronError, parseCron } from './infra/cron.ts';

/**
 * Jobs run at once per worker process. A job mostly waits on platform APIs (hundreds of ms each) while
 * judging takes milliseconds, so many run per core; screenshots queue for the OCR pool on their own.
 */
export const DEFAULT_WORKER_CONCURRENCY = Math.min(128, Math.max(8, os.availableParallelism() * 16));
/**
 * Each worker slot answers at least about one job a second (two platform calls), and a reply token lasts
 * REPLY_TOKEN_BUDGET_MS (45 s): a backlog beyond concurrency × 45 jobs could no longer reply to anyone.
 */
export const BACKLOG_JOBS_PER_SLOT = 45;
/** Memory defaults leave this share of the limit as room: shedding starts before V8 or the kernel kills us. */
const MEMORY_SHARE_BEFORE_SHEDDING = 0.9;
const MB = 1024 * 1024;

/** 90% of V8's heap limit (--max-old-space-size, else what V8 chose for this machine), in MB. */
export function defaultMaxHeapUsedMb(): number {
  return Math.floor((v8.getHeapStatistics().heap_size_limit * MEMORY_SHARE_BEFORE_SHEDDING) / MB);
}

/** 90% of the memory this process may use: its cgroup limit (a container) when there is one, else the machine's. */
export function defaultMaxRssMb(): number {
  const total = os.totalmem();
  const constrained = process.constrainedMemory?.() ?? 0;
  const limit = constrained > 0 && constrained < total ? constrained : total;
  return Math.floor((limit * MEMORY_SHARE_BEFORE_SHEDDING) / MB);
}

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();
const optionalUrl = (name: string) =>
  optionalString.refine((s) => s === undefined || (/^https?:\/\/[^\s]+$/.test(s) && URL.canParse(s)), {
    message: `${name} must be an http(s) URL such as https://example.com`,
  });
const int = (name: string, dflt: number, min: number, max: number) =>
  optionalString
    // Digits only: Number() would also read "0x1F", "1e3" and "3000.0", which nobody means for a count.
    .transform((s) => (s === undefined ? dflt : /^-?\d+$/.test(s) ? Number(s) : Number.NaN))
    .refine((n) => Number.isInteger(n) && n >= min && n <= max, {
      message: `${name} must be a whole number from ${min} to ${max}`,
    });
const TRUE_RE = /^(1|true|yes|on)$/i;
const FALSE_RE = /^(0|false|no|off)$/i;
/** On or off; a value that is neither ("ture", "enabled") is refused rather than read as the default. */
const flag = (name: string, dflt: boolean) =>
  optionalString
    .refine((s) => s === undefined || TRUE_RE.test(s) || FALSE_RE.test(s), {
      message: `${name} must be true or false (or 1/0, yes/no, on/off)`,
    })
    .transform((s) => (s === undefined ? dflt : TRUE_RE.test(s)));
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
/** Why TIPS_CRON cannot be read, or null when it can (the scheduler would otherwise fail only at start of tips). */
const cronProblem = (s: string) => {
  try {
    parseCron(s);
    return null;
  } catch (err) {
    if (err instanceof CronError) return err.message;
    throw err;
  }
};
/** A price in USD per 1,000 tokens (the model's price list divided by 1,000 when it is per million). */
const price = (name: string) =>
  optionalString
    .transform((s) => (s === undefined ? undefined : Number(s)))
    .refine((n) => n === undefined || (Number.isFinite(n) && n >= 0 && n <= 1000), {
      message: `${name} must be a price in USD per 1,000 tokens, such as 0.00015`,
    });

/** A secret someone could guess or read over a shoulder is not one: at least this long. */
const MIN_SECRET_CHARS = 16;
const secret = (name: string) =>
  optionalString.refine((s) => s === undefined || (s.length >= MIN_SECRET_CHARS && /^[\x21-\x7e]+$/.test(s)), {
    message: `${name} must be at least ${MIN_SECRET_CHARS} printable characters without spaces (e.g. openssl rand -hex 24)`,
  });
/** API_KEYS: one or more bearer keys separated by commas. */
const secretList = (name: string) =>
  optionalString
    .transform((s) =>
      s === undefined
        ? []
        : s
            .split(',')
            .map((k) => k.trim())
            .filter((k) => k !== ''),
    )
    .refine((list) => list.every((k) => k.length >= MIN_SECRET_CHARS && /^[\x21-\x7e]+$/.test(k)), {
      message: `${name} must be keys of at least ${MIN_SECRET_CHARS} printable characters, separated by commas (e.g. openssl rand -hex 24)`,
    });

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  PORT: int('PORT', 3000, 0, 65535),
  HOST: optionalString.transform((s) => s ?? '0.0.0.0'),
  PUBLIC_BASE_URL: optionalUrl('PUBLIC_BASE_URL'),
  DATA_DIR: optionalString.transform((s) => path.resolve(s ?? 'data')),
  REDIS_URL: optionalString.refine((s) => s === undefined || /^rediss?:\/\//.test(s), {
    message: 'REDIS_URL must look like redis://host:6379',
  }),
  LINE_CHANNEL_SECRET: optionalString,
  LINE_CHANNEL_ACCESS_TOKEN: optionalString,
  LINE_API_BASE_URL: optionalUrl('LINE_API_BASE_URL').transform((s) => s ?? 'https://api.line.me'),
  LINE_DATA_API_BASE_URL: optionalUrl('LINE_DATA_API_BASE_URL').transform((s) => s ?? 'https://api-data.line.me'),
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  TWILIO_API_BASE_URL: optionalUrl('TWILIO_API_BASE_URL').transform((s) => s ?? 'https://api.twilio.com'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl('OPENAI_BASE_URL'),
  LLM_MODEL: optionalString.transform((s) => s ?? 'gpt-4o-mini'),
  LLM_TIMEOUT_MS: int('LLM_TIMEOUT_MS', 20_000, 100, 600_000),
  LLM_MAX_RETRIES: int('LLM_MAX_RETRIES', 1, 0, 5),
  LLM_VISION: flag('LLM_VISION', false),
  OFFERS_FILE: optionalString,
  /** The local judge's model file; default knowledge/model/judge-model.json (an operator may retrain their own). */
  JUDGE_MODEL_FILE: optionalString,
  TIPS_CRON: optionalString
    .transform((s) => s ?? '0 10 * * 1')
    .superRefine((s, ctx) => {
      const problem = cronProblem(s);
      if (problem !== null) {
        ctx.addIssue({
          code: 'custom',
          message: `TIPS_CRON must be a five-field cron pattern such as "0 10 * * 1": ${problem}`,
        });
      }
    }),
  /** Weekly tips sent per second over SMS / WhatsApp (a long code sends about one SMS a second). */
  TIPS_TWILIO_PER_SECOND: optionalString
    .transform((s) => (s === undefined ? 1 : Number(s)))
    .refine((n) => Number.isFinite(n) && n >= 0.01 && n <= 1000, {
      message: 'TIPS_TWILIO_PER_SECOND must be a number of messages per second from 0.01 to 1000',
    }),
  TZ: optionalString
    .transform((s) => s ?? 'Asia/Tokyo')
    .refine(isTimeZone, { message: 'TZ must be an IANA time zone name such as Asia/Tokyo or UTC' }),
  /** Key for hashing person ids. Without one, a random key is made and kept in DATA_DIR. */
  ID_HASH_KEY: optionalString,
  RATE_LIMIT_PER_HOUR: int('RATE_LIMIT_PER_HOUR', 30, 1, 100_000),
  WORKER_CONCURRENCY: int('WORKER_CONCURRENCY', DEFAULT_WORKER_CONCURRENCY, 1, 1024),
  /** Unset: WORKER_CONCURRENCY × BACKLOG_JOBS_PER_SLOT. */
  QUEUE_MAX_DEPTH: int('QUEUE_MAX_DEPTH', 0, 0, 10_000_000),
  /** After SIGTERM, /readyz answers 503 at once; requests are still served this long, then the listener closes. */
  SHUTDOWN_DRAIN_MS: int('SHUTDOWN_DRAIN_MS', 2_000, 0, 120_000),
  CONTEXT_TTL_MIN: int('CONTEXT_TTL_MIN', 30, 1, 24 * 60),
  /** GET / — the try-it page; on unless turned off. */
  TRY_PAGE: flag('TRY_PAGE', true),
  /** Count try-page consultations in the weekly trends (channel "web"); off, so visitors testing do not skew them. */
  TRY_PAGE_IN_TRENDS: flag('TRY_PAGE_IN_TRENDS', false),
  /** Consultations one client (IP address) may ask on the try page per hour. */
  TRY_PAGE_PER_HOUR: int('TRY_PAGE_PER_HOUR', 20, 1, 100_000),
  /** Bearer keys for POST /v1/check. None: only this machine (loopback, not through a proxy) may call it. */
  API_KEYS: secretList('API_KEYS'),
  /** POST /v1/check calls per key (per client address when there are no keys) per minute, in each process. */
  API_RATE_PER_MIN: int('API_RATE_PER_MIN', 60, 1, 1_000_000),
  /** Largest POST /v1/check request, in MB: the body on the wire, and text plus decoded images. */
  API_MAX_BODY_MB: int('API_MAX_BODY_MB', 8, 1, 128),
  /** Bearer token for GET /metrics. None: only this machine may read it. */
  METRICS_TOKEN: secret('METRICS_TOKEN'),
  /** The tip's trends also count /v1/check consultations (off: they are counted apart and only shown). */
  TIPS_COUNT_API: flag('TIPS_COUNT_API', false),
  /** The tip's trends also count try-page consultations (counted at all only with TRY_PAGE_IN_TRENDS). */
  TIPS_COUNT_WEB: flag('TIPS_COUNT_WEB', false),
  /** Shed requests (503) above this V8 heap use, in MB. Unset: 90% of the heap limit. */
  MAX_HEAP_USED_MB: int('MAX_HEAP_USED_MB', 0, 0, 1_048_576),
  /** Shed requests (503) above this resident memory, in MB. Unset: 90% of the memory the process may use. */
  MAX_RSS_MB: int('MAX_RSS_MB', 0, 0, 1_048_576),
  /** GET /console: the operator's console, served only when this is set (at least 16 characters). */
  CONSOLE_TOKEN: optionalString.refine((s) => s === undefined || s.length >= 16, {
    message: 'CONSOLE_TOKEN must be at least 16 characters (e.g. openssl rand -hex 24)',
  }),
  /** For the console's cost estimate of the LLM judge. */
  LLM_PRICE_PER_1K_INPUT_TOKENS: price('LLM_PRICE_PER_1K_INPUT_TOKENS'),
  LLM_PRICE_PER_1K_OUTPUT_TOKENS: price('LLM_PRICE_PER_1K_OUTPUT_TOKENS'),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
    .optional()
    .transform((s) => s ?? 'info'),
});

const ConfigSchema = EnvSchema.transform((c) => ({
  ...c,
  QUEUE_MAX_DEPTH: c.QUEUE_MAX_DEPTH > 0 ? c.QUEUE_MAX_DEPTH : c.WORKER_CONCURRENCY * BACKLOG_JOBS_PER_SLOT,
  MAX_HEAP_USED_MB: c.MAX_HEAP_USED_MB > 0 ? c.MAX_HEAP_USED_MB : defaultMaxHeapUsedMb(),
  MAX_RSS_MB: c.MAX_RSS_MB > 0 ? c.MAX_RSS_MB : defaultMaxRssMb(),
}));

export type Config = z.output<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from an environment (process.env by default). Throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configuration is not valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Every variable loadConfig reads: a child process that must not inherit the caller's setup drops these. */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.shape) as readonly (keyof Config)[];
