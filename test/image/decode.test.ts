import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage, sniffFormat } from '../../src/image/decode.ts';
import { ImageReadError } from '../../src/image/problems.ts';
import { MAX_IMAGE_BYTES } from '../../src/limits.ts';
import { animatedGif, bigPhoto, bombPng, noTextPicture, textFile, truncatedJpeg } from './helpers/bad-inputs.ts';

async function problemOf(bytes: Buffer): Promise<string> {
  try {
    await decodeImage(bytes);
    return 'none';
  } catch (err) {
    if (err instanceof ImageReadError) return err.problem;
    throw err;
  }
}

describe('decodeImage', () => {
  it('refuses a 50000×50000 PNG from its header, before decoding', async () => {
    expect(await problemOf(bombPng())).toBe('too_many_pixels');
  });

  it('refuses a truncated JPEG as damaged', async () => {
    expect(await problemOf(await truncatedJpeg(await noTextPicture()))).toBe('corrupt');
  });

  it('refuses a text file whatever it claims to be', async () => {
    expect(sniffFormat(textFile())).toBeNull();
    expect(await problemOf(textFile())).toBe('unsupported_format');
  });

  it('refuses an animated GIF', async () => {
    expect(await problemOf(await animatedGif())).toBe('animated');
  });

  it('refuses a photo over the byte limit without decoding it', async () => {
    const photo = await bigPhoto(MAX_IMAGE_BYTES + 1);
    expect(sniffFormat(photo)).toBe('jpeg');
    expect(await problemOf(photo)).toBe('too_large');
  });

  it('reads PNG, JPEG and WebP, flattening transparency on white', async () => {
    const base = sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } });
    for (const bytes of [
      await base.clone().png().toBuffer(),
      await base.clone().jpeg().toBuffer(),
      await base.clone().webp().toBuffer(),
    ]) {
      const d = await decodeImage(bytes);
      expect([d.pixels.width, d.pixels.height, d.pixels.channels]).toEqual([40, 20, 3]);
    }
    const png = await decodeImage(await base.clone().png().toBuffer());
    expect(png.pixels.data[0]).toBe(255);
  });

  it('applies the EXIF orientation (a portrait photo stored sideways)', async () => {
    const sideways = await sharp({ create: { width: 60, height: 30, channels: 3, background: '#808080' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const d = await decodeImage(sideways);
    expect([d.pixels.width, d.pixels.height]).toEqual([30, 60]);
  });
});
