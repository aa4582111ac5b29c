// Sends replies on LINE: the reply token while it is fresh, else a push with the job's X-Line-Retry-Key
// (LINE answers 409 to a second push with the same key, so a retried push is never doubled).
// https://developers.line.biz/en/reference/messaging-api/#retry-api-request
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { ImagePart } from '../../consult/api.ts';
import { readLimited } from '../../conversation/images.ts';
import type { Outbox, SendContext } from '../../conversation/outbox.ts';
import { PlatformError } from '../../conversation/outbox.ts';
import type { ImageRef, LineTarget, Reply } from '../../conversation/types.ts';
import type { Metrics } from '../../infra/metrics.ts';
import { renderLineMessages } from './render.ts';

/** A reply token lives about a minute from the event; we use it only well inside that. */
export const REPLY_TOKEN_BUDGET_MS = 45_000;
/** Loading animation length: a multiple of 5 from 5 to 60; a sent message ends it early. */
const LOADING_SECONDS = 20;

export interface LineOutboxOptions {
  channelAccessToken: string;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
  metrics: Metrics;
  now?: () => number;
}

export class LineOutbox implements Outbox<LineTarget> {
  readonly #client: messagingApi.MessagingApiClient;
  readonly #blob: messagingApi.MessagingApiBlobClient;
  readonly #metrics: Metrics;
  readonly #now: () => number;

  constructor(opts: LineOutboxOptions) {
    this.#client = new messagingApi.MessagingApiClient({
      channelAccessToken: opts.channelAccessToken,
      baseURL: opts.apiBaseUrl,
    });
    this.#blob = new messagingApi.MessagingApiBlobClient({
      channelAccessToken: opts.channelAccessToken,
      baseURL: opts.dataApiBaseUrl,
    });
    this.#metrics = opts.metrics;
    this.#now = opts.now ?? Date.now;
  }

  async #call<T>(api: string, fn: () => Promise<T>): Promise<T> {
    try {
      const r = await fn();
      this.#metrics.outbound.inc({ channel: 'line', api, outcome: 'ok' });
      return r;
    } catch (err) {
      const status = err instanceof HTTPFetchError ? err.status : 0;
      this.#metrics.outbound.inc({ channel: 'line', api, outcome: status ? String(status) : 'network' });
      if (err instanceof HTTPFetchError) throw new PlatformError('line', api, err.status, err.statusText);
      throw err;
    }
  }

  async startWork(target: LineTarget): Promise<void> {
    await this.#call('loading', () =>
      this.#client.showLoadingAnimation({ chatId: target.userId, loadingSeconds: LOADING_SECONDS }),
    );
  }

  async send(target: LineTarget, replies: Reply[], _ctx: SendContext): Promise<void> {
    const messages = renderLineMessages(replies);
    if (messages.length === 0) return;
    const fresh = target.replyToken !== undefined && this.#now() - target.sentAt < REPLY_TOKEN_BUDGET_MS;
    if (fresh) {
      try {
        await this.#call('reply', () => this.#client.replyMessage({ replyToken: target.replyToken!, messages }));
        return;
      } catch (err) {
        // 400: the token was used or has expired; push instead. Anything else is retried by the queue.
        if (!(err instanceof PlatformError && err.status === 400)) throw err;
      }
    }
    try {
      await this.#call('push', () => this.#client.pushMessage({ to: target.userId, messages }, target.retryKey));
    } catch (err) {
      // 409: a push with this retry key was already accepted — the person has the answer.
      if (!(err instanceof PlatformError && err.status === 409)) throw err;
    }
  }

  async fetchImage(ref: ImageRef): Promise<ImagePart> {
    if (ref.source !== 'line') throw new TypeError('LINE can only fetch LINE content');
    const stream = await this.#call('content', () => this.#blob.getMessageContent(ref.messageId));
    return { bytes: await readLimited(stream) };
  }
}
