// Tips over SMS / WhatsApp: one Messages API call per recipient, spaced to a set rate (a long code sends about
// one SMS a second). Twilio has no idempotency key for messages, so a failure whose outcome we cannot know
// (network error, 5xx) is not retried: a person gets at most one tip. 429 means "not taken": wait and retry.
// https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
import { PlatformError } from '../../conversation/outbox.ts';
import { abortableSleep } from '../../infra/sleep.ts';
import { createTwilioClient } from './client.ts';

export const DEFAULT_TWILIO_PER_SECOND = 1;
const MAX_RATE_LIMITED_WAITS = 5;
const RATE_LIMITED_WAIT_MS = 2_000;

export type TwilioSendOutcome = 'sent' | 'refused' | 'uncertain';

export interface TwilioTipSenderOptions {
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
  /** Used when the subscription does not say which of our numbers the person wrote to. */
  defaultFrom?: string;
  perSecond?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class TwilioTipSender {
  readonly #client: ReturnType<typeof createTwilioClient>;
  readonly #opts: TwilioTipSenderOptions;
  readonly #intervalMs: number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  #next = 0;

  constructor(opts: TwilioTipSenderOptions) {
    this.#opts = opts;
    this.#client = createTwilioClient(opts.accountSid, opts.authToken, opts.apiBaseUrl);
    this.#intervalMs = 1000 / Math.max(0.001, opts.perSecond ?? DEFAULT_TWILIO_PER_SECOND);
    this.#sleep = opts.sleep ?? abortableSleep;
  }

  /** refused: Twilio said no for this recipient (unsubscribed number, invalid address): do not try again. */
  async send(to: string, from: string, body: string, signal?: AbortSignal): Promise<TwilioSendOutcome> {
    const sender = from || this.#opts.defaultFrom;
    if (!sender) return 'refused';
    for (let waits = 0; ; waits++) {
      const wait = this.#next - Date.now();
      if (wait > 0) await this.#sleep(wait, signal);
      signal?.throwIfAborted();
      this.#next = Date.now() + this.#intervalMs;
      try {
        await this.#client.messages.create({ from: sender, to, body });
        return 'sent';
      } catch (err) {
        const status = (err as { status?: unknown }).status;
        if (status === 429) {
          // Not taken: safe to try again; still refused after the waits, the run stops and resumes later.
          if (waits >= MAX_RATE_LIMITED_WAITS) throw new PlatformError('twilio', 'messages', 429, 'still rate limited');
          await this.#sleep(RATE_LIMITED_WAIT_MS * 2 ** waits, signal);
          continue;
        }
        if (typeof status === 'number' && status >= 400 && status < 500) return 'refused';
        return 'uncertain';
      }
    }
  }
}
