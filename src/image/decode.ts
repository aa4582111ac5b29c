// From the bytes a person sent to pixels we can read: format sniffed from the bytes (never trusted from the
// Content-Type), size checked from the header before decoding, orientation fixed, one working copy in RGB.
// sharp input options (limitInputPixels, failOn, autoOrient): https://sharp.pixelplumbing.com/api-constructor
import sharp from 'sharp';
import { MAX_IMAGE_BYTES } from '../limits.ts';
import { MAX_INPUT_PIXELS, MAX_WORK_SIDE_PX } from './limits.ts';
import { ImageReadError } from './problems.ts';

/** Working copy: most pixels kept after decoding (a long scrolling screenshot keeps its width). */
const MAX_WORK_PIXELS = 16_000_000;

export type SniffedFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'heif' | 'tiff';

/** Raw RGB pixels, orientation applied, alpha flattened on white. */
export interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 3;
}

export interface DecodedImage {
  format: SniffedFormat;
  /** Size as sent (after orientation), before any shrinking. */
  originalWidth: number;
  originalHeight: number;
  pixels: Pixels;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

/** The format from the magic bytes, or null when this is no image we read (a text file sent as image/png). */
export function sniffFormat(b: Buffer): SniffedFormat | null {
  if (b.length < 12) return null;
  if (b[0] === 0x89 && b.toString('latin1', 1, 4) === 'PNG') return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.toString('latin1', 0, 6) === 'GIF87a' || b.toString('latin1', 0, 6) === 'GIF89a') return 'gif';
  if (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (b.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(b.toString('latin1', 8, 12))) return 'heif';
  const tiff = b.toString('latin1', 0, 4);
  if (tiff === 'II*\u0000' || tiff === 'MM\u0000*') return 'tiff';
  return null;
}

/** Decodes one image into a working copy, or throws ImageReadError saying why it cannot be read. */
export async function decodeImage(bytes: Buffer): Promise<DecodedImage> {
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new ImageReadError('too_large', `image has ${bytes.length} bytes; the limit is ${MAX_IMAGE_BYTES}`);
  }
  const format = sniffFormat(bytes);
  if (format === null) throw new ImageReadError('unsupported_format', 'not a JPEG, PNG, WebP, GIF, HEIF or TIFF');

  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new ImageReadError(format === 'heif' ? 'heic' : 'corrupt', `header unreadable: ${(err as Error).message}`);
  }
  const { width = 0, height = 0 } = meta;
  if (width * height > MAX_INPUT_PIXELS) {
    throw new ImageReadError(
      'too_many_pixels',
      `image claims ${width}×${height} pixels; the limit is ${MAX_INPUT_PIXELS}`,
    );
  }
  if ((meta.pages ?? 1) > 1 && (format === 'gif' || format === 'webp')) {
    throw new ImageReadError('animated', `animated ${format} with ${meta.pages} frames`);
  }
  if (format === 'heif' && meta.compression === 'hevc') {
    throw new ImageReadError('heic', 'HEIC (HEVC) images cannot be decoded by this build of libvips');
  }

  // EXIF orientations 5-8 swap width and height.
  const swapped = (meta.orientation ?? 1) >= 5;
  const w = swapped ? height : width;
  const h = swapped ? width : height;
  const scale = Math.min(1, MAX_WORK_SIDE_PX / w, Math.sqrt(MAX_WORK_PIXELS / (w * h)));
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', autoOrient: true })
      .flatten({ background: '#ffffff' })
      .resize(
        scale < 1 ? { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) } : {},
      )
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      format,
      originalWidth: w,
      originalHeight: h,
      pixels: { data, width: info.width, height: info.height, channels: 3 },
    };
  } catch (err) {
    throw new ImageReadError(format === 'heif' ? 'heic' : 'corrupt', `decode failed: ${(err as Error).message}`);
  }
}

const asRaw = (p: Pixels) => ({ raw: { width: p.width, height: p.height, channels: p.channels } });

/** Mean luminance below this (0-255) is a dark-mode screen: inverted for OCR, which reads dark on light. */
const DARK_MODE_MEAN = 110;

/** Grey PNG for the recogniser, shrunk to `scale`, inverted when the screen is dark. */
export async function ocrInput(p: Pixels, scale: number): Promise<Buffer> {
  const { channels } = await sharp(p.data, asRaw(p)).greyscale().stats();
  const dark = (channels[0]?.mean ?? 255) < DARK_MODE_MEAN;
  let img = sharp(p.data, asRaw(p));
  if (scale < 1) img = img.resize({ width: Math.max(1, Math.round(p.width * scale)) });
  img = img.greyscale();
  if (dark) img = img.negate();
  // Fast compression: the PNG only crosses to the worker thread.
  return img.png({ compressionLevel: 1 }).toBuffer();
}

/** RGBA pixels (what jsQR reads), shrunk so the longest side is at most `maxSide`. */
export async function rgbaPixels(
  p: Pixels,
  maxSide: number,
): Promise<{ data: Uint8ClampedArray; width: number; height: number; scale: number }> {
  const scale = Math.min(1, maxSide / Math.max(p.width, p.height));
  let img = sharp(p.data, asRaw(p));
  if (scale < 1) img = img.resize({ width: Math.max(1, Math.round(p.width * scale)) });
  const { data, info } = await img.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
    scale: info.width / p.width,
  };
}

/** JPEG for the LLM (LLM_VISION), longest side at most `maxSide`. */
export async function visionJpeg(p: Pixels, maxSide: number): Promise<Buffer> {
  return sharp(p.data, asRaw(p))
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toBuffer();
}
