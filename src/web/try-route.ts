// GET / and POST / — the try-it page. A plain form post (multipart/form-data from our form, or urlencoded)
// answers with the whole page; with the header x-anshin-fragment (try.js) only the answer region comes back.
// The text and pictures go to the consultation and nowhere else: not stored, not logged, not in the trends
// unless the operator turns TRY_PAGE_IN_TRENDS on, and then only as a count under the channel "web".
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseMultipart } from '../channels/api/route.ts';
import type { Consultant, ImagePart } from '../consult/api.ts';
import type { Lang } from '../domain.ts';
import type { PersonIds } from '../infra/ids.ts';
import { keys, RATE_WINDOW_MS } from '../infra/store/keys.ts';
import type { Store } from '../infra/store/store.ts';
import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_CONSULTATION, MAX_TEXT_CHARS } from '../limits.ts';
import { recordConsultation } from '../stats/trends.ts';
import { WORDS } from '../words/book.ts';
import { renderAnswer, renderError } from './answer-html.ts';
import { clientKey } from './http.ts';
import { pageHeaders } from './layout.ts';
import { renderTryPage, type TryErrorKind } from './try-page.ts';

/** A form with a picture: the picture, the text (up to 4 bytes a character) and the multipart framing. */
export const TRY_BODY_LIMIT_BYTES = MAX_IMAGE_BYTES + 4 * MAX_TEXT_CHARS + 64 * 1024;
/** A form without a picture (urlencoded: a character may take 9 bytes, %E3%81%82). */
export const TRY_TEXT_BODY_LIMIT_BYTES = 9 * MAX_TEXT_CHARS + 4 * 1024;
const RETRY_AFTER_S = RATE_WINDOW_MS / 1000;
const FRAGMENT_HEADER = 'x-anshin-fragment';

export interface TryRouteOptions {
  consultant: Consultant;
  store: Store;
  ids: PersonIds;
  /** Consultations per client per hour (TRY_PAGE_PER_HOUR). */
  perHour: number;
  /** TRY_PAGE_IN_TRENDS: count each answer in the weekly trends as channel "web". */
  countInTrends: boolean;
  /** TZ: the time zone of the trends' weeks (Asia/Tokyo unless set). */
  tz?: string;
  now?: () => Date;
}

interface Submitted {
  text: string;
  lang?: Lang | undefined;
  images: ImagePart[];
  tooManyImages: boolean;
}

/** The form's fields, checked before use: a missing text is empty, a language we do not have is none. */
const TryFields = z.object({
  text: z
    .string()
    .nullish()
    .transform((t) => t ?? ''),
  lang: z.enum(['ja', 'en']).optional().catch(undefined),
});

class FormError extends Error {
  override name = 'FormError';
  constructor(
    readonly kind: TryErrorKind,
    readonly status: number,
  ) {
    super(kind);
  }
}

const langOf = (v: unknown): Lang | undefined => (v === 'en' ? 'en' : v === 'ja' ? 'ja' : undefined);
const queryLang = (req: FastifyRequest): Lang => langOf((req.query as { lang?: unknown } | undefined)?.lang) ?? 'ja';

function fieldsOf(text: unknown, lang: unknown): { text: string; lang?: Lang | undefined } {
  const checked = TryFields.safeParse({ text, lang: lang ?? undefined });
  if (!checked.success) throw new FormError('form', 400);
  return checked.data;
}

function fromMultipart(body: Buffer, contentType: string): Submitted {
  let parts: ReturnType<typeof parseMultipart>;
  try {
    parts = parseMultipart(body, contentType);
  } catch {
    throw new FormError('form', 400);
  }
  const field = (n: string) => parts.find((p) => p.name === n && p.filename === undefined)?.data.toString('utf8');
  // A file input left empty still sends a part (filename="", no bytes): that is no picture.
  const files = parts.filter((p) => p.filename !== undefined && p.data.length > 0);
  if (files.some((f) => f.data.length > MAX_IMAGE_BYTES)) throw new FormError('tooLarge', 413);
  return {
    ...fieldsOf(field('text'), field('lang')),
    images: files
      .slice(0, MAX_IMAGES_PER_CONSULTATION)
      .map((f) => ({ bytes: f.data, ...(f.contentType ? { contentType: f.contentType } : {}) })),
    tooManyImages: files.length > MAX_IMAGES_PER_CONSULTATION,
  };
}

function submitted(req: FastifyRequest): Submitted {
  if (Buffer.isBuffer(req.body)) return fromMultipart(req.body, String(req.headers['content-type'] ?? ''));
  if (req.body instanceof URLSearchParams) {
    return { ...fieldsOf(req.body.get('text'), req.body.get('lang')), images: [], tooManyImages: false };
  }
  throw new FormError('form', 400);
}

export async function tryRoutes(app: FastifyInstance, opts: TryRouteOptions): Promise<void> {
  const now = opts.now ?? (() => new Date());
  // Only the two encodings an HTML form sends; JSON belongs to POST /v1/check.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // The route's body limit is the one for a picture; a form without one is held to its own, smaller limit.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    if (Buffer.byteLength(body as string) > TRY_TEXT_BODY_LIMIT_BYTES) {
      done(Object.assign(new Error('Request body is too large'), { statusCode: 413 }), undefined);
      return;
    }
    done(null, new URLSearchParams(body as string));
  });

  const send = (req: FastifyRequest, reply: FastifyReply, status: number, lang: Lang, html: string, text = '') => {
    pageHeaders(reply).code(status);
    if (req.headers[FRAGMENT_HEADER] !== undefined) return reply.send(html);
    return reply.send(
      renderTryPage({
        lang,
        text,
        answerHtml: html,
        countedInTrends: opts.countInTrends,
        maxTextChars: MAX_TEXT_CHARS,
      }),
    );
  };
  const sendError = (req: FastifyRequest, reply: FastifyReply, lang: Lang, kind: TryErrorKind, status: number) => {
    const e = WORDS[lang].pages.try.errors[kind];
    const message =
      typeof e === 'function' ? e(kind === 'tooLong' ? MAX_TEXT_CHARS : MAX_IMAGES_PER_CONSULTATION) : (e as string);
    if (status === 429) reply.header('retry-after', String(RETRY_AFTER_S));
    return send(req, reply, status, lang, renderError(message));
  };

  // Errors before the handler (body too large, a content type no form sends, a broken body) as a page too.
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode <= 599 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err: { name: err.name, message: err.message } }, 'try page failed');
    const kind: TryErrorKind = status === 413 ? 'tooLarge' : status >= 500 ? 'internal' : 'form';
    return sendError(req, reply, queryLang(req), kind, status === 415 ? 400 : status);
  });

  app.get('/', async (req, reply) => {
    const lang = queryLang(req);
    pageHeaders(reply).header('cache-control', 'no-cache');
    return reply.send(renderTryPage({ lang, countedInTrends: opts.countInTrends, maxTextChars: MAX_TEXT_CHARS }));
  });

  app.post(
    '/',
    {
      bodyLimit: TRY_BODY_LIMIT_BYTES,
      // Counted before the body is read, so a client over its limit cannot make us buffer more uploads.
      onRequest: async (req, reply) => {
        const n = await opts.store.incr(keys.tryRate(clientKey(opts.ids, req, 'try-page')), RATE_WINDOW_MS);
        if (n > opts.perHour) return sendError(req, reply, queryLang(req), 'rateLimited', 429);
      },
    },
    async (req, reply) => {
      let form: Submitted;
      try {
        form = submitted(req);
      } catch (err) {
        if (err instanceof FormError) return sendError(req, reply, queryLang(req), err.kind, err.status);
        throw err;
      }
      const lang = form.lang ?? queryLang(req);
      if (form.tooManyImages) return sendError(req, reply, lang, 'tooManyImages', 400);
      // More than extraction reads is refused, so the person is not told about a part that was never checked.
      if (form.text.length > MAX_TEXT_CHARS) return sendError(req, reply, lang, 'tooLong', 400);
      if (form.text.trim() === '' && form.images.length === 0) return sendError(req, reply, lang, 'empty', 400);
      const verdict = await opts.consultant.consult({
        text: form.text,
        lang,
        channel: 'web',
        ...(form.images.length > 0 ? { images: form.images } : {}),
      });
      if (opts.countInTrends) {
        await recordConsultation(opts.store, { ...verdict, channel: 'web' }, now(), opts.tz).catch((err: Error) =>
          req.log.warn({ err: err.message }, 'trends'),
        );
      }
      return send(req, reply, 200, lang, renderAnswer(verdict, lang), form.text);
    },
  );
}
