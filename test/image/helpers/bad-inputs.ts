// The pictures that must not hurt us, built in memory: a decompression bomb's header, a truncated JPEG,
// a text file, an animated GIF, a picture with no text and a photo over the byte limit.
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG whose header claims 50,000 × 50,000 grey pixels (2.5 GB decoded); the file itself is tiny. */
export function bombPng(side = 50_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  // The first rows of zeros only: enough for a decoder to start allocating.
  const rows = deflateSync(Buffer.alloc((side + 1) * 16));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The first `share` of a JPEG made from `png`. */
export async function truncatedJpeg(png: Buffer, share = 0.5): Promise<Buffer> {
  const jpeg = await sharp(png).jpeg({ quality: 90 }).toBuffer();
  return jpeg.subarray(0, Math.floor(jpeg.length * share));
}

export function textFile(): Buffer {
  return Buffer.from('これは画像ではありません。This is a plain text file sent as image/png.\n'.repeat(20));
}

/** Three frames of 120 × 120 colour. */
export async function animatedGif(): Promise<Buffer> {
  const frame = (r: number, g: number, b: number) =>
    sharp({ create: { width: 120, height: 120, channels: 3, background: { r, g, b } } })
      .png()
      .toBuffer();
  const frames = await Promise.all([frame(255, 0, 0), frame(0, 255, 0), frame(0, 0, 255)]);
  return sharp(frames, { join: { animated: true } })
    .gif({ loop: 0, delay: 200 })
    .toBuffer();
}

/** A phone-size picture of shapes and a gradient, no letters. */
export async function noTextPicture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1170" height="2532">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#87ceeb"/><stop offset="1" stop-color="#f4e2c0"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <circle cx="900" cy="500" r="160" fill="#ffd54f"/>
  <path d="M0 2000 L400 1500 L800 1900 L1170 1400 L1170 2532 L0 2532 Z" fill="#4caf50"/>
</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A JPEG of camera-like noise a little over `minBytes` (random pixels barely compress). */
export async function bigPhoto(minBytes: number): Promise<Buffer> {
  const width = 3_000;
  let height = Math.ceil(minBytes / (width * 2.2));
  for (;;) {
    const jpeg = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
      .toBuffer();
    if (jpeg.length > minBytes) return jpeg;
    height = Math.ceil(height * 1.3);
  }
}
