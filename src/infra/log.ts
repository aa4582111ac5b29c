// The process logger (pino, the logger Fastify itself uses). Message text is never logged; person ids only
// as keyed hashes. The redaction below is a second line of defence for fields that must never appear.
import { pino } from 'pino';
import type { Config } from '../config.ts';

export type Log = Pick<pino.Logger, 'info' | 'warn' | 'error' | 'debug' | 'child'>;

const REDACT_PATHS = [
  'text',
  'body',
  '*.text',
  '*.body',
  'userId',
  '*.userId',
  'replyToken',
  '*.replyToken',
  'to',
  '*.to',
  'req.headers.authorization',
  'req.headers["x-line-signature"]',
  'req.headers["x-twilio-signature"]',
];

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): pino.Logger {
  return pino({ level: config.LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}

export const silentLog: Log = pino({ level: 'silent' });
