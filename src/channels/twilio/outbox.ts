// Sends SMS / WhatsApp answers through the Messages API (not TwiML in the webhook answer, which would make
// the webhook wait for the judge). Images come from Twilio's media URLs with basic auth.
// https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
import type { ImagePart } from '../../consult/api.ts';
import { ImageTooLargeError, MAX_IMAGE_BYTES, readLimited } from '../../conversation/images.ts';
import { type Outbox, PlatformError, type SendContext } from '../../conversation/outbox.ts';
import { recordAnswerPage } from '../../conversation/person.ts';
import type { ImageRef, Reply, TwilioTarget } from '../../conversation/types.ts';
import type { PersonIds } from '../../infra/ids.ts';
import type { Metrics } from '../../infra/metrics.ts';
import { ANSWER_PAGE_TTL_MS, keys } from '../../infra/store/keys.ts';
import type { Store } from '../../infra/store/store.ts';
import type { AnswerPage } from './answer-page.ts';
import { createTwilioClient, rewriteBaseUrl, TWILIO_DEFAULT_BASE_URL } from './client.ts';
import { renderTwilioText } from './render.ts';

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
    await this.#opts.store.set(keys.answerPage(token), JSON.stringify(page), ANSWER_PAGE_TTL_MS);
    await recordAnswerPage(this.#opts.store, ctx.person, token, ANSWER_PAGE_TTL_MS);
    return `${this.#opts.publicBaseUrl.replace(/\/$/, '')}/a/${token}`;
  }

  async send(target: TwilioTarget, replies: Reply[], ctx: SendContext): Promise<void> {
    const texts: string[] = [];
    for (const r of replies) texts.push(renderTwilioText(r, await this.#pageFor(r, ctx)));
    const from = target.from || this.#opts.defaultFrom;
    if (from === undefined) throw new TypeError('no number to send from: set TWILIO_FROM');
    for (const body of texts) {
      try {
        await this.#client.messages.create({ from, to: target.to, body });
        this.#opts.metrics.outbound.inc({ channel: 'twilio', api: 'messages', outcome: 'ok' });
      } catch (err) {
        const status = (err as { status?: number }).status;
        this.#opts.metrics.outbound.inc({
          channel: 'twilio',
          api: 'messages',
          outcome: status ? String(status) : 'network',
        });
        if (typeof status === 'number') throw new PlatformError('twilio', 'messages', status, (err as Error).message);
        throw err;
      }
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
