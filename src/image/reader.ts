// Reading what a person sent as pictures: each image is decoded, OCR'd (worker pool) and scanned for a QR
// code at the same time; the text is cleaned; QR payloads that are links become the message's links. With
// LLM_VISION, a vision model also transcribes the picture and its text is preferred when OCR is unsure.
import type { ImagePart } from '../domain.ts';
import { parseUrlCandidate } from '../extract/urls.ts';
import { MAX_IMAGES_PER_CONSULTATION } from '../limits.ts';
import { cleanOcrText } from './clean.ts';
import { decodeImage, ocrInput, type Pixels, visionJpeg } from './decode.ts';
import { OCR_MAX_PIXELS, OCR_MAX_WIDTH_PX, VISION_MAX_SIDE_PX } from './limits.ts';
import { type OcrLine, OcrPool, type OcrPoolOptions, type OcrResult } from './ocr-pool.ts';
import { type ImageProblem, ImageReadError } from './problems.ts';
import { type Box, findQr, type QrCode } from './qr.ts';
import type { VisionTranscriber } from './vision.ts';

/** OCR lines less sure than this (0-100) are dropped: on photos and QR codes tesseract invents characters. */
export const MIN_LINE_CONFIDENCE = 45;
/** Below this page confidence (0-100) a vision transcription, when there is one, is preferred. */
export const OCR_LOW_CONFIDENCE = 70;
/** Fewer letters than this and no QR link: nothing legible was found. */
const MIN_LEGIBLE_LETTERS = 4;
/** Lines further apart than this share of a line's height belong to different blocks (a sender above a bubble). */
const LINE_GAP_SHARE = 1;
/** Margin around a QR code, as a share of its size, inside which OCR lines are the code's modules misread. */
const QR_MARGIN_SHARE = 0.1;

export interface ImagesReading {
  /** Cleaned text from every legible image, in order, separated by blank lines. Untrusted input. */
  text: string;
  /** Links read from QR codes, canonical form, in order, without repeats. */
  qrUrls: string[];
  /** Some text or a QR link was read. */
  legible: boolean;
  /** Why images could not be read, one entry per image that failed. */
  problems: ImageProblem[];
  /** Images looked at; those beyond MAX_IMAGES_PER_CONSULTATION are counted in `skipped`. */
  count: number;
  skipped: number;
  /** Mean OCR confidence (0-100) over the images that were read; 0 when none was. */
  confidence: number;
  /** Which reader's text was used for each image read. */
  sources: ('ocr' | 'vision')[];
  timings: Record<string, number>;
}

export interface ImageReader {
  read(images: ImagePart[]): Promise<ImagesReading>;
  /** Terminates the OCR workers. */
  close(): Promise<void>;
}

export interface ImageReaderOptions {
  /** A pool to use (shared, or warmed by a benchmark); else one is made with `pool` options, started lazily. */
  ocrPool?: OcrPool;
  pool?: OcrPoolOptions;
  vision?: VisionTranscriber;
}

type OneReading =
  | {
      ok: true;
      text: string;
      qrUrls: string[];
      confidence: number;
      source: 'ocr' | 'vision';
      ms: Record<string, number>;
    }
  | { ok: false; problem: ImageProblem };

export function createImageReader(opts: ImageReaderOptions = {}): ImageReader {
  const pool = opts.ocrPool ?? new OcrPool(opts.pool);

  const readOne = async (image: ImagePart): Promise<OneReading> => {
    const t0 = performance.now();
    let decoded: Awaited<ReturnType<typeof decodeImage>>;
    try {
      decoded = await decodeImage(image.bytes);
    } catch (err) {
      if (err instanceof ImageReadError) return { ok: false, problem: err.problem };
      throw err;
    }
    const p = decoded.pixels;
    const t1 = performance.now();
    const ocrScale = Math.min(1, OCR_MAX_WIDTH_PX / p.width, Math.sqrt(OCR_MAX_PIXELS / (p.width * p.height)));
    const ocrPromise = ocrInput(p, ocrScale).then((png) => pool.recognize(png));
    // Without a handler now, a rejection here would be "unhandled" while the QR scan runs.
    ocrPromise.catch(() => {});
    const visionPromise = opts.vision ? transcribe(opts.vision, p) : Promise.resolve(null);
    const qr = await findQr(p);
    const t2 = performance.now();
    let ocr: OcrResult | null = null;
    try {
      ocr = await ocrPromise;
    } catch {
      ocr = null;
    }
    const t3 = performance.now();
    const ocrText = ocr ? cleanOcrText(keptLines(ocr, qr, ocrScale)) : '';
    const qrUrls = qr ? qrLinks(qr.text) : [];
    const vision = await visionPromise;
    const ocrSure = ocr !== null && ocr.confidence >= OCR_LOW_CONFIDENCE && isLegibleText(ocrText);
    const useVision = vision !== null && !ocrSure;
    const ms = { decode: t1 - t0, qr: t2 - t1, ocr: t3 - t1, vision: performance.now() - t1 };
    if (ocr === null && !useVision && qrUrls.length === 0) return { ok: false, problem: 'ocr_failed' };
    return {
      ok: true,
      text: useVision ? vision : ocrText,
      qrUrls,
      confidence: ocr?.confidence ?? 0,
      source: useVision ? 'vision' : 'ocr',
      ms,
    };
  };

  return {
    async read(images) {
      const started = performance.now();
      const taken = images.slice(0, MAX_IMAGES_PER_CONSULTATION);
      const results = await Promise.all(taken.map(readOne));
      const read = results.filter((r) => r.ok);
      const texts = read.map((r) => r.text).filter((t) => t !== '');
      const qrUrls = [...new Set(read.flatMap((r) => r.qrUrls))];
      const text = texts.join('\n\n');
      const sum = (k: string) => read.reduce((s, r) => s + (r.ms[k] ?? 0), 0);
      return {
        text,
        qrUrls,
        legible: isLegibleText(text) || qrUrls.length > 0,
        problems: results.flatMap((r) => (r.ok ? [] : [r.problem])),
        count: taken.length,
        skipped: images.length - taken.length,
        confidence: read.length > 0 ? read.reduce((s, r) => s + r.confidence, 0) / read.length : 0,
        sources: read.map((r) => r.source),
        timings: { images: performance.now() - started, decode: sum('decode'), ocr: sum('ocr'), qr: sum('qr') },
      };
    },
    close: () => pool.close(),
  };
}

export function isLegibleText(text: string): boolean {
  return (text.match(/\p{L}/gu)?.length ?? 0) >= MIN_LEGIBLE_LETTERS;
}

/** Lines sure enough and not inside the QR code, as text: one line each, a blank line between paragraphs. */
function keptLines(ocr: OcrResult, qr: QrCode | null, ocrScale: number): string {
  const qrBox = qr ? grow(scaleBox(qr.box, ocrScale), QR_MARGIN_SHARE) : null;
  const kept = ocr.lines
    .filter((l) => l.confidence >= MIN_LINE_CONFIDENCE)
    .filter((l) => qrBox === null || !centreInside(l.bbox, qrBox));
  const apart = (a: OcrLine, b: OcrLine) =>
    a.paragraph !== b.paragraph || b.bbox.y0 - a.bbox.y1 > LINE_GAP_SHARE * (a.bbox.y1 - a.bbox.y0);
  return kept
    .map((l, i) => (i > 0 && apart(kept[i - 1]!, l) ? '\n' : '') + l.text.replace(/(?<!\n)\n+$/, ''))
    .join('\n');
}

function scaleBox(b: Box, s: number): Box {
  return { x0: b.x0 * s, y0: b.y0 * s, x1: b.x1 * s, y1: b.y1 * s };
}

function grow(b: Box, share: number): Box {
  const dx = (b.x1 - b.x0) * share;
  const dy = (b.y1 - b.y0) * share;
  return { x0: b.x0 - dx, y0: b.y0 - dy, x1: b.x1 + dx, y1: b.y1 + dy };
}

function centreInside(b: Box, outer: Box): boolean {
  const cx = (b.x0 + b.x1) / 2;
  const cy = (b.y0 + b.y1) / 2;
  return cx >= outer.x0 && cx <= outer.x1 && cy >= outer.y0 && cy <= outer.y1;
}

/** A QR payload that is a web link, in canonical form; other payloads (Wi-Fi settings, contacts) are not links. */
function qrLinks(payload: string): string[] {
  const u = parseUrlCandidate(payload.trim());
  return u !== null && /^https?:\/\//i.test(payload.trim()) ? [u.url] : [];
}

async function transcribe(vision: VisionTranscriber, p: Pixels): Promise<string | null> {
  try {
    return await vision.transcribe(await visionJpeg(p, VISION_MAX_SIDE_PX));
  } catch {
    return null;
  }
}
