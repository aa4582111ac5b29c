// POST /v1/check: a message as JSON ({ text, lang?, images? } with images as base64 strings or data URLs) or as
// multipart/form-data (fields "text" and "lang", any number of image files), Verdict out. For operators' own
// apps and for trying anshin by hand: `curl -F image=@screenshot.png http://localhost:3000/v1/check`.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Consultant, ImagePart } from '../../consult/api.ts';
import type { Verdict } from '../../domain.ts';
import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_CONSULTATION } from '../../image/limits.ts';

/** Longest text accepted; extraction reads the first 20,000 characters, so more is only cost. */
export const API_MAX_TEXT_CHARS = 100_000;
/** Largest request without pictures (the application's body limit before images were accepted). */
export const API_TEXT_BODY_LIMIT_BYTES = 256 * 1024;
/** Largest request with pictures: every image at its limit, base64 (4/3) and some room for the rest. */
export const API_IMAGE_BODY_LIMIT_BYTES =
  Math.ceil((MAX_IMAGES_PER_CONSULTATION * MAX_IMAGE_BYTES * 4) / 3) + 1024 * 1024;

const TextField = z
  .string({ error: '"text" must be a string' })
  .max(API_MAX_TEXT_CHARS, `"text" must be at most ${API_MAX_TEXT_CHARS} characters`);
const LangField = z.enum(['ja', 'en'], { error: '"lang" must be "ja" or "en"' }).optional();
const ImagesField = z
  .array(z.string({ error: '"images" must be base64 strings' }), { error: '"images" must be an array' })
  .max(MAX_IMAGES_PER_CONSULTATION, `send at most ${MAX_IMAGES_PER_CONSULTATION} images`)
  .optional();

/** The answer to a request with nothing to judge: {}, {"lang":"ja"}, {"text":""} or an empty form. */
export const NOTHING_TO_CHECK = 'Send text or an image to check, such as {"text": "…"} or {"images": ["<base64>"]}.';

const CheckBody = z
  .object({ text: TextField.optional(), lang: LangField, images: ImagesField })
  .refine((b) => b.text !== undefined || (b.images?.length ?? 0) > 0, { message: NOTHING_TO_CHECK });

const DATA_URL_RE = /^data:([\w.+-]+\/[\w.+-]+);base64,/;
const BASE64_RE = /^[A-Za-z0-9+/\r\n]*(?:={1,2}\s*|[^\S\r\n]\s*)?$/;

class BadRequest extends Error {
  override name = 'BadRequest';
}

function decodeBase64Image(s: string): ImagePart {
  const m = DATA_URL_RE.exec(s);
  const body = m ? s.slice(m[0].length) : s;
  if (!BASE64_RE.test(body)) throw new BadRequest('"images" must hold base64 data');
  return { bytes: Buffer.from(body, 'base64'), ...(m?.[1] ? { contentType: m[1] } : {}) };
}

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
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) throw new BadRequest('multipart part without headers');
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
}

export async function apiRoutes(app: FastifyInstance, opts: ApiRouteOptions): Promise<void> {
  // Buffered as a whole (within the route's body limit) and read by parseMultipart.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post('/v1/check', { bodyLimit: API_IMAGE_BODY_LIMIT_BYTES }, async (req, reply) => {
    const bad = (error: string) => reply.code(400).send({ error });
    try {
      let text: string;
      let lang: unknown;
      let images: ImagePart[];
      if (Buffer.isBuffer(req.body)) {
        const form = fromForm(parseMultipart(req.body, String(req.headers['content-type'] ?? '')));
        ({ text, lang, images } = form);
        if (images.length > MAX_IMAGES_PER_CONSULTATION)
          return bad(`send at most ${MAX_IMAGES_PER_CONSULTATION} images`);
      } else {
        if (req.body === undefined || req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
          return bad('Send a JSON object such as {"text": "…"} with Content-Type: application/json.');
        }
        const withImages = Array.isArray((req.body as { images?: unknown }).images);
        if (!withImages && Number(req.headers['content-length'] ?? 0) > API_TEXT_BODY_LIMIT_BYTES) {
          return reply.code(413).send({ error: 'Request body is too large' });
        }
        const parsed = CheckBody.safeParse(req.body);
        if (!parsed.success) return bad(parsed.error.issues.map((i) => i.message).join('; '));
        text = parsed.data.text ?? '';
        lang = parsed.data.lang;
        images = (parsed.data.images ?? []).map(decodeBase64Image);
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
      await opts.onVerdict?.(verdict).catch((err: Error) => req.log.warn({ err: err.message }, 'verdict hook failed'));
      return verdict;
    } catch (err) {
      if (err instanceof BadRequest) return bad(err.message);
      throw err;
    }
  });
}
