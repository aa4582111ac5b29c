import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/image/decode.ts';
import { findQr } from '../../src/image/qr.ts';
import { encodeQr, QrTooLongError } from './helpers/qr-encode.ts';
import { renderQrPng } from './helpers/render.ts';

const pixelsOf = async (png: Buffer) => (await decodeImage(png)).pixels;

describe('QR codes', () => {
  it.each([
    ['version 1', 'https://a.top/'],
    ['version 2', 'https://sagawa-xx.top/q/8a7f'],
    ['version 3', 'https://amazon-verify-login.top/account?id=12345678'],
    ['version 4', 'https://nta-go-jp.xyz/pay?ref=0123456789abcdef0123456789abcdef012345'],
  ])('our test encoder and findQr agree (%s)', async (_v, payload) => {
    const qr = await findQr(await pixelsOf(await renderQrPng(payload, 6)));
    expect(qr?.text).toBe(payload);
  });

  it('the encoder refuses what does not fit version 4', () => {
    expect(() => encodeQr('x'.repeat(100))).toThrow(QrTooLongError);
  });

  it('finds a small code in a large picture on the full-size pass, and says where it is', async () => {
    const code = await renderQrPng('https://sagawa-xx.top/q/8a7f', 3);
    const big = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#ffffff' } })
      .composite([{ input: code, left: 2000, top: 2500 }])
      .png()
      .toBuffer();
    const qr = await findQr(await pixelsOf(big));
    expect(qr?.text).toBe('https://sagawa-xx.top/q/8a7f');
    expect(qr!.box.x0).toBeGreaterThan(1990);
    expect(qr!.box.y0).toBeGreaterThan(2490);
  });

  it('finds nothing in a picture without a code', async () => {
    const blank = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#abcdef' } })
      .png()
      .toBuffer();
    expect(await findQr(await pixelsOf(blank))).toBeNull();
  });
});
