// Sends replies on LINE, once, through any crash: the reply token while it is fresh, else a push.
//
// - Push: every answer part has its own X-Line-Retry-Key, fixed before the first attempt (derived from the
//   answer's id and the part). LINE accepts a key once and answers 409 to any retry of it, so a push whose
//   outcome we never saw is simply sent again. https://developers.line.biz/en/reference/messaging-api/#retry-api-request
// - Reply: a reply token works once, within a minute of the webhook; LINE answers 400 "Invalid reply token"
//   once it is spent. So a reply whose outcome we never saw is tried again while the token is still valid:
//   200 means it goes now, 400 means the earlier attempt got through. Past the token's validity nothing tells
//   us, and we send nothing more rather than risk a second answer.
//   https://developers.line.biz/en/reference/messaging-api/#send-reply-message
import { createHash } from 'node:crypto';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { ImagePart } from '../../consult/api.ts';
import { readLimited } from '../../conversation/images.ts';
import type { Outbox, SendContext } from '../../conversation/outbox.ts';
import { PlatformError } from '../../conversation/outbox.ts';
import type { ImageRef, LineTarget, Reply } from '../../conversation/types.ts';
import type { Metrics } from '../../infra/metrics.ts';
import { renderLineMessages } from './render.ts';

/** A reply token lives about a minute from the event; a first reply is tried only well inside that. */
export const REPLY_TOKEN_BUDGET_MS = 45_000;
/**
 * LINE documents a minute; our clock and the event's timestamp may differ by a little, so a 400 for a spent
 * token is read as "it was delivered" only this long after the event.
 */
export const REPLY_TOKEN_VALID_MS = 55_000;
/** Loading animation length: a multiple of 5 from 5 to 60; a sent message ends it early. */
const LOADING_SECONDS = 20;
/** LINE's message for a reply token that was used or has expired. */
const SPENT_TOKEN_MESSAGE = 'Invalid reply token';

export interface LineOutboxOptions {
  channelAccessToken: string;
  apiBaseUrl: string;
  dataApiBaseUrl: string;
  metrics: Metrics;
  now?: () => number;
}

/** A UUID that is the same for the same answer part on every run: the part's X-Line-Retry-Key. */
export function retryKeyFor(answerId: string, part: number): string {
  const h = createHash('sha256').update(`${answerId}\0${part}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function lineMessageOf(err: HTTPFetchError): string {
  try {
    return String((JSON.parse(err.body) as { message?: unknown }).message ?? err.statusText);
  } catch {
    return err.statusText;
  }
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
      if (err instanceof HTTPFetchError) throw new PlatformError('line', api, err.status, lineMessageOf(err));
      throw err;
    }
  }

  async startWork(target: LineTarget): Promise<void> {
    await this.#call('loading', () =>
      this.#client.showLoadingAnimation({ chatId: target.userId, loadingSeconds: LOADING_SECONDS }),
    );
  }

  /** 'sent' now, or 'spent': LINE says the token was already used. Other failures throw. */
  async #reply(target: LineTarget, messages: messagingApi.Message[]): Promise<'sent' | 'spent'> {
    try {
      await this.#call('reply', () => this.#client.replyMessage({ replyToken: target.replyToken!, messages }));
      return 'sent';
    } catch (err) {
      if (err instanceof PlatformError && err.status === 400 && err.message.endsWith(SPENT_TOKEN_MESSAGE))
        return 'spent';
      throw err;
    }
  }

  async #push(target: LineTarget, messages: messagingApi.Message[], retryKey: string): Promise<void> {
    try {
      await this.#call('push', () => this.#client.pushMessage({ to: target.userId, messages }, retryKey));
    } catch (err) {
      // 409: a push with this retry key was already accepted — the person has this part.
      if (!(err instanceof PlatformError && err.status === 409)) throw err;
    }
  }

  async send(target: LineTarget, replies: Reply[], ctx: SendContext): Promise<void> {
    const { progress } = ctx;
    // One call: the answer's messages fit in the 5 LINE takes at once (render.ts), so it has one part.
    const part = 0;
    const messages = renderLineMessages(replies);
    if (messages.length === 0 || progress.sent > part) return;
    const tokenAge = this.#now() - target.sentAt;
    const retryKey = retryKeyFor(progress.id, part);
    const earlier = progress.unconfirmed(part);

    if (earlier?.via === 'reply') {
      if (tokenAge < REPLY_TOKEN_VALID_MS) {
        // 'sent': the earlier attempt never reached LINE; 'spent': it did. Either way the person has it once.
        const outcome = await this.#reply(target, messages);
        this.#metrics.outbound.inc({ channel: 'line', api: 'reply', outcome: `resolved_${outcome}` });
      } else {
        this.#metrics.outbound.inc({ channel: 'line', api: 'reply', outcome: 'unknown_not_resent' });
      }
      await progress.confirm(part);
      return;
    }
    if (earlier === undefined && target.replyToken !== undefined && tokenAge < REPLY_TOKEN_BUDGET_MS) {
      await progress.begin(part, 'reply');
      const outcome = await this.#reply(target, messages);
      if (outcome === 'sent' || this.#now() - target.sentAt < REPLY_TOKEN_VALID_MS) {
        // Spent while valid: only we hold the token, so another run of this job has delivered it.
        await progress.confirm(part);
        return;
      }
      // Refused after its validity: the token expired unused. Push instead.
    }
    await progress.begin(part, 'push');
    await this.#push(target, messages, retryKey);
    await progress.confirm(part);
  }

  async fetchImage(ref: ImageRef): Promise<ImagePart> {
    if (ref.source !== 'line') throw new TypeError('LINE can only fetch LINE content');
    const stream = await this.#call('content', () => this.#blob.getMessageContent(ref.messageId));
    return { bytes: await readLimited(stream) };
  }
}
