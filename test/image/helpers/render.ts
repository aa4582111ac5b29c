// Test screenshots drawn from text: an SVG laid out like a phone's SMS screen, rendered to PNG by sharp
// (librsvg, fonts through fontconfig). Japanese is drawn with the test font (test/helpers/fonts.ts), set here
// too so that a bench or script drawing screenshots gets it without the vitest config.
import sharp from 'sharp';
import { TEST_FONT_FAMILY, useTestFonts } from '../../helpers/fonts.ts';
import { encodeQr } from './qr-encode.ts';

useTestFonts();

/** An iPhone-size screenshot (3x scale) in pixels. */
export const PHONE_WIDTH_PX = 1170;
export const PHONE_HEIGHT_PX = 2532;
const FONT = `'${TEST_FONT_FAMILY}', sans-serif`;
const BUBBLE_X_PX = 60;
const BUBBLE_PAD_PX = 40;
const BUBBLE_TOP_PX = 420;

export interface ScreenshotSpec {
  /** The message, paragraphs split on "\n"; wrapped to the bubble width like a phone does (URLs too). */
  message: string;
  /** The name or number shown at the top. */
  sender?: string;
  /** A QR code drawn under the bubble, holding this text. */
  qr?: string;
  width?: number;
  height?: number;
  fontSizePx?: number;
}

/** Width of a character in ems, close enough to wrap like a phone: CJK is square, Latin about half. */
function emWidth(ch: string): number {
  return /[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 1 : 0.56;
}

/** Wraps like a phone: Latin text at spaces, Japanese anywhere, and a token wider than a line (a link) anywhere. */
export function wrapLines(text: string, maxEm: number): string[] {
  const width = (s: string) => [...s].reduce((w, ch) => w + emWidth(ch), 0);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    // Tokens: a run of non-space Latin, a single Japanese character, or a space.
    for (const token of para.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s/gu) ?? []) {
      if (width(line + token) <= maxEm) {
        line += token;
        continue;
      }
      if (token === ' ') {
        out.push(line);
        line = '';
        continue;
      }
      if (width(token) <= maxEm && line !== '' && !/[\u3000-\u9fff\uff00-\uffef]/u.test(token)) {
        out.push(line.trimEnd());
        line = token;
        continue;
      }
      for (const ch of token) {
        if (width(line + ch) > maxEm && line !== '') {
          out.push(line);
          line = '';
        }
        line += ch;
      }
    }
    out.push(line);
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A QR code as a PNG, with the 4-module quiet zone the standard asks for. */
export async function renderQrPng(text: string, modulePx = 8): Promise<Buffer> {
  const matrix = encodeQr(text);
  const QUIET_MODULES = 4;
  const n = matrix.length + 2 * QUIET_MODULES;
  const side = n * modulePx;
  const px = Buffer.alloc(side * side, 255);
  for (const [y, row] of matrix.entries()) {
    for (const [x, on] of row.entries()) {
      if (!on) continue;
      for (let dy = 0; dy < modulePx; dy++) {
        const start = ((y + QUIET_MODULES) * modulePx + dy) * side + (x + QUIET_MODULES) * modulePx;
        px.fill(0, start, start + modulePx);
      }
    }
  }
  return sharp(px, { raw: { width: side, height: side, channels: 1 } })
    .png()
    .toBuffer();
}

/** A phone screenshot of one received SMS, as PNG. */
export async function renderScreenshot(spec: ScreenshotSpec): Promise<Buffer> {
  const width = spec.width ?? PHONE_WIDTH_PX;
  const height = spec.height ?? PHONE_HEIGHT_PX;
  const size = spec.fontSizePx ?? 46;
  const lineHeight = Math.round(size * 1.45);
  const bubbleWidth = width - 2 * BUBBLE_X_PX - 120;
  const lines = wrapLines(spec.message, (bubbleWidth - 2 * BUBBLE_PAD_PX) / size);
  const bubbleHeight = lines.length * lineHeight + 2 * BUBBLE_PAD_PX;
  const text = lines
    .map(
      (l, i) =>
        `<text x="${BUBBLE_X_PX + BUBBLE_PAD_PX}" y="${BUBBLE_TOP_PX + BUBBLE_PAD_PX + (i + 1) * lineHeight - Math.round(size * 0.35)}" font-size="${size}">${esc(l)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <g font-family="${FONT}" fill="#000000">
    <text x="80" y="100" font-size="40">9:41</text>
    <text x="${width / 2}" y="300" font-size="44" text-anchor="middle">${esc(spec.sender ?? '')}</text>
  </g>
  <line x1="0" y1="350" x2="${width}" y2="350" stroke="#d0d0d0" stroke-width="2"/>
  <rect x="${BUBBLE_X_PX}" y="${BUBBLE_TOP_PX}" width="${bubbleWidth}" height="${bubbleHeight}" rx="40" fill="#e9e9eb"/>
  <g font-family="${FONT}" fill="#000000">${text}</g>
  <rect x="40" y="${height - 180}" width="${width - 80}" height="100" rx="50" fill="none" stroke="#c8c8c8" stroke-width="3"/>
</svg>`;
  let img = sharp(Buffer.from(svg));
  if (spec.qr !== undefined) {
    const qr = await renderQrPng(spec.qr, 10);
    const rendered = await img.png().toBuffer();
    img = sharp(rendered).composite([
      { input: qr, left: BUBBLE_X_PX + BUBBLE_PAD_PX, top: BUBBLE_TOP_PX + bubbleHeight + 60 },
    ]);
  }
  return img.png().toBuffer();
}
