// LINE multicast (POST /v2/bot/message/multicast, at most 500 user ids per call) with an X-Line-Retry-Key on
// every call: a retry with the same key is executed at most once, and LINE answers 409 when the key was
// already accepted — so a batch whose answer we never saw (timeout, crash) can be sent again safely.
// 429 (rate limit) is waited out, honouring Retry-After when LINE sends one; 5xx and network failures are
// retried with backoff; the monthly-quota 429 and any other 4xx stop the run.
// https://developers.line.biz/en/reference/messaging-api/#send-multicast-message
// https://developers.line.biz/en/docs/messaging-api/retrying-api-request/
import { PlatformError } from '../../conversation/outbox.ts';
import { abortableSleep } from '../../infra/sleep.ts';

export const MULTICAST_MAX_RECIPIENTS = 500;
/** LINE keeps a retry key for 24 hours; after that a resend could be delivered twice. */
export const RETRY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_ATTEMPTS = 6;
const MAX_RATE_LIMITED_WAITS = 10;
const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;

export class LineQuotaError extends Error {
  override name = 'LineQuotaError';
}

export interface LineMulticastOptions {
  channelAccessToken: string;
  apiBaseUrl: string;
  /** Waits between attempts (tests pass one that records the waits). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type MulticastOutcome = 'accepted' | 'already_accepted';

export interface MulticastStats {
  requests: number;
  rateLimited: number;
  retried: number;
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const backoff = (n: number) => Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, n - 1));

export class LineMulticaster {
  readonly #opts: LineMulticastOptions;
  readonly #url: string;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly stats: MulticastStats = { requests: 0, rateLimited: 0, retried: 0 };

  constructor(opts: LineMulticastOptions) {
    this.#opts = opts;
    this.#url = `${opts.apiBaseUrl.replace(/\/$/, '')}/v2/bot/message/multicast`;
    this.#sleep = opts.sleep ?? abortableSleep;
  }

  async multicast(to: string[], messages: object[], retryKey: string, signal?: AbortSignal): Promise<MulticastOutcome> {
    if (to.length === 0 || to.length > MULTICAST_MAX_RECIPIENTS) {
      throw new RangeError(`a multicast takes 1 to ${MULTICAST_MAX_RECIPIENTS} recipients, not ${to.length}`);
    }
    const body = JSON.stringify({ to, messages });
    let failures = 0;
    let waits = 0;
    for (;;) {
      signal?.throwIfAborted();
      this.stats.requests += 1;
      let res: Response;
      try {
        res = await fetch(this.#url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${this.#opts.channelAccessToken}`,
            'content-type': 'application/json',
            'x-line-retry-key': retryKey,
          },
          body,
          signal: signal
            ? AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)])
            : AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (err) {
        signal?.throwIfAborted();
        failures += 1;
        if (failures >= MAX_ATTEMPTS) throw err;
        this.stats.retried += 1;
        await this.#sleep(backoff(failures), signal);
        continue;
      }
      const text = await res.text().catch(() => '');
      if (res.ok) return 'accepted';
      if (res.status === 409) return 'already_accepted';
      if (res.status === 429) {
        if (/monthly limit/i.test(text)) throw new LineQuotaError('LINE: the monthly message quota is used up');
        waits += 1;
        this.stats.rateLimited += 1;
        if (waits > MAX_RATE_LIMITED_WAITS) throw new PlatformError('line', 'multicast', 429, 'still rate limited');
        await this.#sleep(retryAfterMs(res.headers.get('retry-after')) ?? backoff(waits), signal);
        continue;
      }
      if (res.status >= 500) {
        failures += 1;
        if (failures >= MAX_ATTEMPTS) throw new PlatformError('line', 'multicast', res.status, res.statusText);
        this.stats.retried += 1;
        await this.#sleep(backoff(failures), signal);
        continue;
      }
      throw new PlatformError('line', 'multicast', res.status, messageOf(text) ?? res.statusText);
    }
  }
}

function messageOf(body: string): string | undefined {
  try {
    const m = (JSON.parse(body) as { message?: unknown }).message;
    return typeof m === 'string' ? m.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
