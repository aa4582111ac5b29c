// QR codes in a picture. jsQR finds one code per call; it is tried on a shrunk copy first (fast, enough for
// most screenshots) and on the working copy when that finds nothing (shrinking can lose small codes).
// Measured (STACK.md): ~40 ms on a screenshot shrunk to 1024 px, ~95 ms at full size.
import jsQRModule from 'jsqr';
import { type Pixels, rgbaPixels } from './decode.ts';
import { QR_SMALL_SIDE_PX } from './limits.ts';

// jsqr ships CommonJS with a default export (STACK.md, "Images and QR").
const jsQR = jsQRModule.default;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface QrCode {
  /** The payload as text. */
  text: string;
  /** Where it is, in the working copy's pixels. */
  box: Box;
}

/** The first QR code found, or null. */
export async function findQr(p: Pixels): Promise<QrCode | null> {
  const small = await rgbaPixels(p, QR_SMALL_SIDE_PX);
  const first = scan(small, 'attemptBoth');
  if (first !== null || small.scale === 1) return first;
  return scan(await rgbaPixels(p, Number.POSITIVE_INFINITY), 'dontInvert');
}

function scan(
  img: { data: Uint8ClampedArray; width: number; height: number; scale: number },
  inversionAttempts: 'attemptBoth' | 'dontInvert',
): QrCode | null {
  const found = jsQR(img.data, img.width, img.height, { inversionAttempts });
  if (found === null || found.data === '') return null;
  const l = found.location;
  const xs = [l.topLeftCorner.x, l.topRightCorner.x, l.bottomLeftCorner.x, l.bottomRightCorner.x];
  const ys = [l.topLeftCorner.y, l.topRightCorner.y, l.bottomLeftCorner.y, l.bottomRightCorner.y];
  const s = img.scale;
  return {
    text: found.data,
    box: { x0: Math.min(...xs) / s, y0: Math.min(...ys) / s, x1: Math.max(...xs) / s, y1: Math.max(...ys) / s },
  };
}
