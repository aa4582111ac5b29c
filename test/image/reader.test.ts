// OCR and QR on screenshots the tests draw themselves (Noto Sans CJK JP through librsvg).
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { extractUrls } from '../../src/extract/urls.ts';
import { OcrPool } from '../../src/image/ocr-pool.ts';
import { createImageReader } from '../../src/image/reader.ts';
import { animatedGif, bombPng, noTextPicture, textFile, truncatedJpeg } from './helpers/bad-inputs.ts';
import { CASES, characterErrorRate, editDistance, SENDER } from './helpers/messages.ts';
import { renderScreenshot } from './helpers/render.ts';

const pool = new OcrPool();
const reader = createImageReader({ ocrPool: pool });
afterAll(() => reader.close());

/** Clean renders: the STACK.md measurement was 1-2 %; 5 % leaves room without hiding a broken reader. */
const MAX_CER = 0.05;

describe('reading screenshots', () => {
  it('starts no OCR worker before the first picture', () => {
    expect(new OcrPool().started).toBe(0);
  });

  it.each(CASES)('reads the $name screenshot', async (c) => {
    const png = await renderScreenshot({ sender: c.sender, message: c.message });
    const r = await reader.read([{ bytes: png }]);
    expect(r.legible).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.sources).toEqual(['ocr']);
    expect(characterErrorRate(c.message, r.text, c.sender)).toBeLessThan(MAX_CER);
    // The link the phone wrapped over two lines comes back whole (a misread letter at most).
    const link = /https:\/\/\S+/.exec(c.message)![0];
    const read = extractUrls(r.text).map((u) => u.raw);
    expect(read).toHaveLength(1);
    expect(editDistance(read[0]!, link)).toBeLessThanOrEqual(1);
  });

  it('reads a QR code inside a screenshot, and keeps its modules out of the text', async () => {
    const png = await renderScreenshot({
      sender: SENDER,
      message: '【佐川急便】お荷物をお預かりしています。QRコードから再配達の手続きをしてください。',
      qr: 'https://sagawa-xx.top/q/8a7f',
    });
    const r = await reader.read([{ bytes: png }]);
    expect(r.qrUrls).toEqual(['https://sagawa-xx.top/q/8a7f']);
    expect(r.text).toContain('再配達の手続きをしてください');
    expect(r.text).not.toMatch(/回/);
  });

  it('reads a dark-mode screenshot (light text on black)', async () => {
    const png = await renderScreenshot({ sender: SENDER, message: CASES[0]!.message });
    const dark = await sharp(png).negate({ alpha: false }).png().toBuffer();
    const r = await reader.read([{ bytes: dark }]);
    expect(characterErrorRate(CASES[0]!.message, r.text, SENDER)).toBeLessThan(MAX_CER);
  });

  it('says nothing legible was found in a picture without text', async () => {
    const r = await reader.read([{ bytes: await noTextPicture() }]);
    expect(r).toMatchObject({ legible: false, qrUrls: [], problems: [] });
  });

  it('reads several images together, in order', async () => {
    const [a, b] = await Promise.all([
      renderScreenshot({ sender: SENDER, message: '1枚目の画像です。明日の会議は午後3時からです。' }),
      renderScreenshot({ sender: SENDER, message: '2枚目の画像です。資料は共有フォルダに置きました。' }),
    ]);
    const r = await reader.read([{ bytes: a }, { bytes: b }]);
    expect(r.count).toBe(2);
    const text = r.text.replace(/\s+/g, '');
    expect(text.indexOf('1枚目')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('2枚目')).toBeGreaterThan(text.indexOf('1枚目'));
    expect(pool.started).toBeLessThanOrEqual(pool.size);
  });

  it('answers every bad input with its problem and stays able to read the next picture', async () => {
    const good = await renderScreenshot({ sender: SENDER, message: CASES[2]!.message });
    const r = await reader.read([
      { bytes: bombPng() },
      { bytes: await truncatedJpeg(good) },
      { bytes: textFile(), contentType: 'image/png' },
      { bytes: await animatedGif() },
    ]);
    expect(r.problems).toEqual(['too_many_pixels', 'corrupt', 'unsupported_format', 'animated']);
    expect(r.legible).toBe(false);
    const after = await reader.read([{ bytes: good }]);
    expect(after.legible).toBe(true);
    expect(characterErrorRate(CASES[2]!.message, after.text, SENDER)).toBeLessThan(MAX_CER);
  });
});
