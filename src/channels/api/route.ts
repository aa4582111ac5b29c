// POST /v1/check: a message as JSON ({ text, lang?, images? } with images as base64 strings or data URLs) or as
// multipart/form-data (fields "text" and "lang", any number of image files), Verdict out. For operators' own
// apps and for trying anshin by hand: `curl -F image=@screenshot.png http://localhost:3000/v1/check`.
// Guarded as an API for integrators: a bearer key from API_KEYS (none configured: this machine only), a rate per
// key, and size limits that hold whatever the fields are: the body (API_MAX_BODY_MB) is refused by Fastify
// before it is read, then text (256 KB), image count and each image's decoded size are checked before any
// image is decoded.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Consultant, ImagePart } from '../../consult/api.ts';
import type { Verdict } from '../../domain.ts';
import { checkAccess, refuseAccess } from '../../infra/access.ts';
import { RateBuckets } from '../../infra/rate-buckets.ts';
import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_CONSULTATION } from '../../limits.ts';

/** Longest text accepted; extraction reads the first MAX_TEXT_CHARS (20,000), so more is only cost. */
export const API_MAX_TEXT_CHARS = 100_000;
/** Largest text accepted, in UTF-8 bytes, whatever else the request holds. */
export const API_MAX_TEXT_BYTES = 256 * 1024;
const MB = 1024 * 1024;

/** What one POST /v1/check may hold. The body limit is enforced by Fastify before the body is read. */
export interface ApiLimits {
  /** API_MAX_BODY_MB: the body on the wire (and so text plus decoded images). */
  maxBodyBytes: number;
  /** Each image once decoded: MAX_IMAGE_BYTES, or the body limit when that is smaller. */
  maxImageBytes: number;
}

export function apiLimits(maxBodyMb: number): ApiLimits {
  const maxBodyBytes = maxBodyMb * MB;
  return { maxBodyBytes, maxImageBytes: Math.min(MAX_IMAGE_BYTES, maxBodyBytes) };
}

const TextField = z.string({ error: '"text" must be a string' });
const LangField = z.enum(['ja', 'en'], { error: '"lang" must be "ja" or "en"' }).optional();
const ImagesField = z
  .array(z.string({ error: '"images" must be base64 strings' }), { error: '"images" must be an array' })
  .optional();

/** The answer to a request with nothing to judge: {}, {"lang":"ja"}, {"text":""} or an empty form. */
export const NOTHING_TO_CHECK = 'Send text or an image to check, such as {"text": "…"} or {"images": ["<base64>"]}.';

const CheckBody = z.object({ text: TextField.optional(), lang: LangField, images: ImagesField });

/** A data URL's media type is short; the pattern only ever sees this many characters of the string. */
const DATA_URL_HEAD_CHARS = 256;
const DATA_URL_RE = /^data:([\w.+-]+\/[\w.+-]+);base64,/;
/** Base64 without line breaks, from lastIndex to the end. */
const PLAIN_BASE64_RE = /[A-Za-z0-9+/]*(={0,2})$/y;

/** Thrown for a request that is too large in one of its parts (413). */
class TooLarge extends Error {
  override name = 'TooLarge';
}

class BadRequest extends Error {
  override name = 'BadRequest';
}

/** A base64 image as sent: where its data starts, its media type, and its size once decoded. */
interface Base64Image {
  from: number;
  contentType?: string;
  bytes: number;
}

/**
 * Reads a base64 string (bare or a data URL) without decoding it: one pass over the characters, counting the
 * data characters, so that sizes are checked before any buffer is made. Line breaks, spaces and tabs are
 * skipped (as Node's decoder does); up to two "=" may end the data. Anything else is not base64.
 */
export function measureBase64(s: string): Base64Image {
  const m = DATA_URL_RE.exec(s.slice(0, DATA_URL_HEAD_CHARS));
  const from = m ? m[0].length : 0;
  const type = m?.[1] ? { contentType: m[1] } : {};
  // The usual case, one line of base64, at the speed of the regex engine (linear: anchored, disjoint classes).
  PLAIN_BASE64_RE.lastIndex = from;
  const plain = PLAIN_BASE64_RE.exec(s);
  if (plain !== null) {
    const data = s.length - from - (plain[1]?.length ?? 0);
    if (data % 4 === 1) throw new BadRequest('"images" must hold base64 data');
    return { from, bytes: Math.floor((data * 6) / 8), ...type };
  }
  let data = 0;
  let padding = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x20 || c === 0x09) continue;
    if (c === 0x3d) {
      if (++padding > 2) throw new BadRequest('"images" must hold base64 data');
      continue;
    }
    const isData =
      (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
    if (!isData || padding > 0) throw new BadRequest('"images" must hold base64 data');
    data++;
  }
  // One character left over carries 6 bits, not a byte: no encoder writes that.
  if (data % 4 === 1) throw new BadRequest('"images" must hold base64 data');
  return { from, bytes: Math.floor((data * 6) / 8), ...type };
}

/** Refuses text that is too long (413), whatever else the request holds. */
function checkText(text: string): void {
  if (text.length > API_MAX_TEXT_CHARS || Buffer.byteLength(text) > API_MAX_TEXT_BYTES) {
    throw new TooLarge(
      `"text" is too long: send at most ${API_MAX_TEXT_CHARS} characters and ${API_MAX_TEXT_BYTES} bytes (UTF-8)`,
    );
  }
}

/** Refuses more images than one consultation reads (413). */
function checkImageCount(count: number): void {
  if (count > MAX_IMAGES_PER_CONSULTATION) {
    throw new TooLarge(`Too many images: send at most ${MAX_IMAGES_PER_CONSULTATION}`);
  }
}

/**
 * Refuses an image too large once decoded (413), from its measured size, before any is decoded. The total of
 * text and images needs no check of its own: base64 only grows what it carries and multipart holds it raw, so
 * the body limit bounds it.
 */
function checkImageSizes(decodedBytes: readonly number[], limits: ApiLimits): void {
  if (decodedBytes.some((n) => n > limits.maxImageBytes)) {
    throw new TooLarge(`An image is too large: each may be at most ${limits.maxImageBytes} bytes once decoded`);
  }
}

/** A part's headers are a line or two; the patterns below only ever see this much of a part. */
const MAX_PART_HEADER_BYTES = 8 * 1024;

interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** A small multipart/form-data reader (RFC 7578) over the buffered body: enough for a few fields and files. */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) throw new BadRequest('multipart/form-data without a boundary');
  const delimiter = Buffer.from(`--${b}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString('latin1') === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw new BadRequest('multipart body ends before its closing boundary');
    const part = body.subarray(start + 2, next - 2); // after CRLF, before the CRLF that precedes the delimiter
    const headerEnd = part.subarray(0, MAX_PART_HEADER_BYTES).indexOf('\r\n\r\n');
    if (headerEnd === -1) throw new BadRequest('multipart part without headers (or with headers over 8 KB)');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim();
    if (name !== undefined) {
      parts.push({
        name,
        data: part.subarray(headerEnd + 4),
        ...(filename !== undefined ? { filename } : {}),
        ...(type ? { contentType: type } : {}),
      });
    }
    at = next;
  }
  return parts;
}

function fromForm(parts: FormPart[]): { text: string; lang: unknown; images: ImagePart[] } {
  const field = (n: string) => parts.find((p) => p.name === n && p.filename === undefined)?.data.toString('utf8');
  const images = parts
    .filter((p) => p.filename !== undefined || p.name === 'image' || p.name === 'images')
    .map((p) => ({ bytes: p.data, ...(p.contentType ? { contentType: p.contentType } : {}) }));
  return { text: field('text') ?? '', lang: field('lang'), images };
}

export interface ApiRouteOptions {
  consultant: Consultant;
  /** Called with every verdict (the weekly trends count it); a failure there never fails the answer. */
  onVerdict?: (v: Verdict) => Promise<void>;
  /** API_KEYS; none: only this machine may call (infra/access.ts). */
  keys: readonly string[];
  /** API_RATE_PER_MIN: calls per key (per client address without keys) per minute. */
  ratePerMin: number;
  limits: ApiLimits;
}

const WHAT = 'POST /v1/check';

export async function apiRoutes(app: FastifyInstance, opts: ApiRouteOptions): Promise<void> {
  // Buffered as a whole (within the route's body limit) and read by parseMultipart.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const buckets = new RateBuckets(opts.ratePerMin);
  // Fastify's own refusals, said plainly; the rest goes on to the app's handler (app.ts).
  app.setErrorHandler((err: Error & { code?: string }, _req, reply) => {
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({
        error: 'Send Content-Type: application/json ({"text": "…"}) or multipart/form-data (fields text, image).',
      });
    }
    throw err;
  });

  app.post(
    '/v1/check',
    {
      bodyLimit: opts.limits.maxBodyBytes,
      // Before the body is read: a caller without a key, or over its rate, costs no parsing.
      onRequest: async (req, reply) => {
        const access = checkAccess(req, opts.keys, WHAT, 'API_KEYS');
        if (!access.ok) return refuseAccess(reply, access);
        const caller = access.caller === 'local' ? `ip:${req.ip}` : access.caller;
        const take = buckets.take(caller);
        if (!take.ok) {
          return reply
            .code(429)
            .header('retry-after', String(take.retryAfterS))
            .send({
              error: `Too many requests: at most ${opts.ratePerMin} a minute. Try again in ${take.retryAfterS} s.`,
            });
        }
      },
    },
    async (req, reply) => {
      const bad = (error: string) => reply.code(400).send({ error });
      try {
        let text: string;
        let lang: unknown;
        let images: ImagePart[];
        if (Buffer.isBuffer(req.body)) {
          const form = fromForm(parseMultipart(req.body, String(req.headers['content-type'] ?? '')));
          ({ text, lang, images } = form);
          checkText(text);
          checkImageCount(images.length);
          checkImageSizes(
            images.map((i) => i.bytes.length),
            opts.limits,
          );
        } else {
          if (req.body === undefined || req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
            return bad('Send a JSON object such as {"text": "…"} with Content-Type: application/json.');
          }
          const raw = (req.body as { images?: unknown }).images;
          // Counted before the schema walks the array (a body of empty strings could hold millions).
          if (Array.isArray(raw)) checkImageCount(raw.length);
          const parsed = CheckBody.safeParse(req.body);
          if (!parsed.success) return bad(parsed.error.issues.map((i) => i.message).join('; '));
          text = parsed.data.text ?? '';
          lang = parsed.data.lang;
          checkText(text);
          const sent = parsed.data.images ?? [];
          const measured = sent.map(measureBase64);
          checkImageSizes(
            measured.map((m) => m.bytes),
            opts.limits,
          );
          images = sent.map((b64, i) => {
            const m = measured[i]!;
            return {
              bytes: Buffer.from(b64.slice(m.from), 'base64'),
              ...(m.contentType ? { contentType: m.contentType } : {}),
            };
          });
        }
        const checked = z.object({ text: TextField, lang: LangField }).safeParse({ text, lang });
        if (!checked.success) return bad(checked.error.issues.map((i) => i.message).join('; '));
        if (checked.data.text.trim() === '' && images.length === 0) return bad(NOTHING_TO_CHECK);
        const l = checked.data.lang;
        const verdict = await opts.consultant.consult({
          text: checked.data.text,
          channel: 'api',
          ...(images.length > 0 ? { images } : {}),
          ...(l ? { lang: l } : {}),
        });
        await opts
          .onVerdict?.(verdict)
          .catch((err: Error) => req.log.warn({ err: err.message }, 'verdict hook failed'));
        return verdict;
      } catch (err) {
        if (err instanceof BadRequest) return bad(err.message);
        if (err instanceof TooLarge) return reply.code(413).send({ error: err.message });
        throw err;
      }
    },
  );
}
