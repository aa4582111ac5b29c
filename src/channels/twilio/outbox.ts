// Sends SMS / WhatsApp answers through the Messages API (not TwiML in the webhook answer, which would make
// the webhook wait for the judge). Images come from Twilio's media URLs with basic auth.
// https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
//
// Once, through any crash: each text is a part of the answer's delivery record (conversation/delivery.ts).
// Twilio has no idempotency key, so a text whose send was started but never confirmed is first looked up:
// the Messages list, filtered by our number and theirs, is searched for that exact text created since the
// intent was recorded (an answer's text carries its own answer-page token, unique to the job). Found: it went
// out, and is not sent again. https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources
import type { ImagePart } from '../../consult/api.ts';
import { ImageTooLargeError, readLimited } from '../../conversation/images.ts';
import { type Outbox, PlatformError, type SendContext } from '../../conversation/outbox.ts';
import { recordAnswerPage } from '../../conversation/person.ts';
import type { ImageRef, Reply, TwilioTarget } from '../../conversation/types.ts';
import type { PersonIds } from '../../infra/ids.ts';
import type { Metrics } from '../../infra/metrics.ts';
import { ANSWER_PAGE_TTL_MS, keys } from '../../infra/store/keys.ts';
import type { Store } from '../../infra/store/store.ts';
import { MAX_IMAGE_BYTES } from '../../limits.ts';
import type { AnswerPage } from './answer-page.ts';
import { createTwilioClient, rewriteBaseUrl, TWILIO_DEFAULT_BASE_URL } from './client.ts';
import { renderTwilioText } from './render.ts';

/** A person's latest messages to look through for an unconfirmed send (newest first). */
const LOOKUP_LIMIT = 20;
const CLOCK_SLACK_MS = 5_000;

export interface TwilioOutboxOptions {
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
  publicBaseUrl: string;
  /** Used when the inbound message did not say which of our numbers it reached. */
  defaultFrom?: string;
  store: Store;
  ids: PersonIds;
  metrics: Metrics;
}

export class TwilioOutbox implements Outbox<TwilioTarget> {
  readonly #opts: TwilioOutboxOptions;
  readonly #client: ReturnType<typeof createTwilioClient>;

  constructor(opts: TwilioOutboxOptions) {
    this.#opts = opts;
    this.#client = createTwilioClient(opts.accountSid, opts.authToken, opts.apiBaseUrl);
  }

  /** SMS has no typing indicator. */
  async startWork(): Promise<void> {}

  async #pageFor(reply: Reply, ctx: SendContext): Promise<string | null> {
    if (reply.kind === 'notice') return null;
    // Derived from the job id: unguessable, and the same on a retry, so a retry does not leave a second page.
    const token = this.#opts.ids.token('answer', ctx.jobId);
    const page: AnswerPage = {
      verdict: reply.verdict,
      offers: reply.kind === 'verdict' ? reply.offers : [],
      imagesUnread: reply.kind === 'verdict' && reply.imagesUnread,
      createdAt: new Date().toISOString(),
    };
    // Sealed: the page quotes what the person sent (links, numbers, text read from pictures).
    await this.#opts.store.set(keys.answerPage(token), this.#opts.ids.sealJson(page), ANSWER_PAGE_TTL_MS);
    await recordAnswerPage(this.#opts.store, ctx.person, token, ANSWER_PAGE_TTL_MS);
    return `${this.#opts.publicBaseUrl.replace(/\/$/, '')}/a/${token}`;
  }

  #failed(err: unknown, api: string): never {
    const status = (err as { status?: number }).status;
    this.#opts.metrics.outbound.inc({ channel: 'twilio', api, outcome: status ? String(status) : 'network' });
    if (typeof status === 'number') throw new PlatformError('twilio', api, status, (err as Error).message);
    throw err;
  }

  /** Whether `body` already went from `from` to `to` since `sinceMs` (an earlier run's unconfirmed send). */
  async #alreadySent(from: string, to: string, body: string, sinceMs: number): Promise<boolean> {
    let recent: { body: string; dateCreated: Date }[];
    try {
      recent = await this.#client.messages.list({ from, to, limit: LOOKUP_LIMIT });
      this.#opts.metrics.outbound.inc({ channel: 'twilio', api: 'messages_lookup', outcome: 'ok' });
    } catch (err) {
      this.#failed(err, 'messages_lookup');
    }
    // date_created has whole seconds, and Twilio's clock is not ours: allow for both.
    const since = sinceMs - CLOCK_SLACK_MS;
    // A trial account prefixes its own words, so the text is matched as the end of the body.
    return recent.some((m) => m.dateCreated.getTime() >= since && m.body.endsWith(body));
  }

  async send(target: TwilioTarget, replies: Reply[], ctx: SendContext): Promise<void> {
    const { progress } = ctx;
    const texts: string[] = [];
    for (const r of replies) texts.push(renderTwilioText(r, await this.#pageFor(r, ctx)));
    const from = target.from || this.#opts.defaultFrom;
    if (from === undefined) throw new TypeError('no number to send from: set TWILIO_FROM');
    for (let part = progress.sent; part < texts.length; part++) {
      const body = texts[part]!;
      const earlier = progress.unconfirmed(part);
      if (earlier !== undefined && (await this.#alreadySent(from, target.to, body, earlier.at))) {
        this.#opts.metrics.outbound.inc({ channel: 'twilio', api: 'messages', outcome: 'found_sent' });
        await progress.confirm(part);
        continue;
      }
      await progress.begin(part, 'message');
      try {
        await this.#client.messages.create({ from, to: target.to, body });
        this.#opts.metrics.outbound.inc({ channel: 'twilio', api: 'messages', outcome: 'ok' });
      } catch (err) {
        this.#failed(err, 'messages');
      }
      await progress.confirm(part);
    }
  }

  async fetchImage(ref: ImageRef): Promise<ImagePart> {
    if (ref.source !== 'twilio') throw new TypeError('Twilio can only fetch Twilio media');
    // Our credentials go only to Twilio's API (or its configured stand-in), never to a URL in a message.
    const base = this.#opts.apiBaseUrl.replace(/\/$/, '');
    if (!ref.url.startsWith(`${TWILIO_DEFAULT_BASE_URL}/`) && !ref.url.startsWith(`${base}/`)) {
      throw new TypeError('media URL is not on the Twilio API');
    }
    const auth = Buffer.from(`${this.#opts.accountSid}:${this.#opts.authToken}`).toString('base64');
    const res = await fetch(rewriteBaseUrl(ref.url, base), { headers: { authorization: `Basic ${auth}` } });
    this.#opts.metrics.outbound.inc({ channel: 'twilio', api: 'media', outcome: String(res.status) });
    if (!res.ok || res.body === null) throw new PlatformError('twilio', 'media', res.status, res.statusText);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > MAX_IMAGE_BYTES) {
      await res.body.cancel();
      throw new ImageTooLargeError(`image is ${declared} bytes`);
    }
    return { bytes: await readLimited(res.body), contentType: ref.contentType };
  }
}
