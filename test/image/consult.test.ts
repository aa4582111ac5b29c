// Consultations with pictures: the verdict from what the screenshot says, the QR link as evidence, what was read
// shown back, and a plain answer for pictures we cannot read. The LLM (vision) is faked at the HTTP boundary.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createConsultant, createConsultantFrom, type LocalConsultant } from '../../src/consult/consultant.ts';
import { createImageReader, type ImageReader } from '../../src/image/reader.ts';
import { createVisionTranscriber } from '../../src/image/vision.ts';
import { loadJudgeModel } from '../../src/judge/model.ts';
import { loadArticles } from '../../src/knowledge/articles.ts';
import { loadBrands } from '../../src/knowledge/brands.ts';
import { loadWellKnown } from '../../src/knowledge/well-known.ts';
import { animatedGif, bombPng, noTextPicture, textFile } from './helpers/bad-inputs.ts';
import { CASES, SENDER } from './helpers/messages.ts';
import { renderScreenshot } from './helpers/render.ts';

let consultant: LocalConsultant;
beforeAll(async () => {
  consultant = await createConsultant({ config: loadConfig({ DATA_DIR: '/nonexistent-anshin-image-test' }) });
});
afterAll(() => consultant.close());

describe('consult({ images })', () => {
  it.each(CASES)('judges the $name screenshot as $level and shows what was read', async (c) => {
    const png = await renderScreenshot({ sender: c.sender, message: c.message });
    const v = await consultant.consult({ text: '', images: [{ bytes: png }] });
    expect(v.level).toBe(c.level);
    expect(v.reasons[0]).toMatch(
      v.lang === 'ja' ? /^画像から読み取った内容: 『.+』$/ : /^Read from the picture: ".+"$/,
    );
    expect(v.reasons[0]!.length).toBeLessThan(140);
    expect(v.readFromImages?.legible).toBe(true);
    // Links are shown defanged: nothing a person reads back can be tapped.
    expect(v.readFromImages?.text).not.toMatch(/https?:\/\//);
    expect(v.reasons[0]).not.toMatch(/https?:\/\//);
    expect(v.timings.image_images).toBeGreaterThan(0);
  });

  it('takes a QR link as the message link, marked as coming from the QR code', async () => {
    const png = await renderScreenshot({
      sender: SENDER,
      message: '【佐川急便】お荷物をお預かりしています。QRコードから再配達の手続きをしてください。',
      qr: 'https://sagawa-xx.top/q/8a7f',
    });
    const v = await consultant.consult({ text: 'これ詐欺？', images: [{ bytes: png }] });
    expect(v.level).toBe('danger');
    expect(v.signals).toContain('qr_link');
    expect(v.readFromImages?.qrUrls).toEqual(['hxxps://sagawa-xx[.]top/q/8a7f']);
    expect(v.reasons.some((r) => r.includes('hxxps://sagawa-xx[.]top/q/8a7f') && r.includes('QRコード'))).toBe(true);
    expect(v.reasons[0]).toContain('（QRコード: hxxps://sagawa-xx[.]top/q/8a7f）');
  });

  it('judges typed text and several pictures together', async () => {
    const [a, b] = await Promise.all([
      renderScreenshot({ sender: SENDER, message: '【国税庁】未払いの税金があります。' }),
      renderScreenshot({ sender: SENDER, message: '本日中に下記よりお支払いください。https://nta-go-jp.xyz/pay' }),
    ]);
    const v = await consultant.consult({ text: '母に届きました', images: [{ bytes: a }, { bytes: b }] });
    expect(v.level).toBe('danger');
    expect(v.readFromImages?.text).toContain('nta-go-jp[.]xyz');
  });

  it('says plainly when nothing legible was found, and asks for the text', async () => {
    const v = await consultant.consult({ text: '', images: [{ bytes: await noTextPicture() }] });
    expect(v.level).toBe('unknown');
    expect(v.readFromImages).toEqual({ text: '', qrUrls: [], legible: false });
    expect(v.reasons[0]).toBe(
      '画像から文字を読み取れませんでした。お手数ですが、気になったメッセージの文章をコピーして送ってください。',
    );
  });

  it('answers bad inputs with what went wrong, in the answer language', async () => {
    const v = await consultant.consult({
      text: '',
      lang: 'en',
      images: [{ bytes: bombPng() }, { bytes: textFile(), contentType: 'image/png' }, { bytes: await animatedGif() }],
    });
    expect(v.level).toBe('unknown');
    expect(v.reasons.slice(0, 3)).toEqual([
      'The picture is too big (width × height) to read. Please send a screenshot of the screen instead.',
      'This file could not be opened as a picture. Please send a screenshot (JPEG or PNG).',
      'Moving pictures (animations) cannot be read. Please send a screenshot of the screen.',
    ]);
  });
});

describe('the image reader is made lazily', () => {
  it('is not made for text, and is made once for pictures', async () => {
    let made = 0;
    let reader: ImageReader | undefined;
    const c = createConsultantFrom({
      brands: loadBrands(),
      articles: loadArticles(),
      wellKnown: loadWellKnown(),
      model: loadJudgeModel(),
      imageReader: () => {
        made++;
        reader = createImageReader({ pool: { size: 1 } });
        return reader;
      },
    });
    await c.consult({ text: '明日の会議は午後3時からです。' });
    expect(made).toBe(0);
    const png = await renderScreenshot({ sender: SENDER, message: CASES[0]!.message });
    await c.consult({ text: '', images: [{ bytes: png }] });
    await c.consult({ text: '', images: [{ bytes: png }] });
    expect(made).toBe(1);
    await c.close();
  });
});

describe('LLM_VISION', () => {
  const BASE = 'http://llm.test';
  afterEach(() => nock.cleanAll());

  it("uses the model's transcription when the OCR found nothing, and judges it like any text", async () => {
    let sentImage = false;
    nock(BASE)
      .post('/v1/chat/completions', (body) => {
        sentImage = JSON.stringify(body).includes('data:image/jpeg;base64,');
        return true;
      })
      .reply(200, {
        id: 'x',
        object: 'chat.completion',
        created: 0,
        model: 'vision-test',
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content: '【国税庁】未払いの税金があります。https://nta-go-jp.xyz/pay' },
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      });
    const reader = createImageReader({
      pool: { size: 1 },
      vision: createVisionTranscriber({
        apiKey: 'test',
        baseURL: `${BASE}/v1`,
        model: 'vision-test',
        timeoutMs: 5_000,
        maxRetries: 0,
      }),
    });
    try {
      const r = await reader.read([{ bytes: await noTextPicture() }]);
      expect(sentImage).toBe(true);
      expect(r.sources).toEqual(['vision']);
      expect(r.text).toContain('nta-go-jp.xyz');
    } finally {
      await reader.close();
    }
  });

  it('keeps the OCR text when the model fails', async () => {
    nock(BASE)
      .post('/v1/chat/completions')
      .reply(500, { error: { message: 'down' } });
    const reader = createImageReader({
      pool: { size: 1 },
      vision: createVisionTranscriber({
        apiKey: 'test',
        baseURL: `${BASE}/v1`,
        model: 'm',
        timeoutMs: 5_000,
        maxRetries: 0,
      }),
    });
    try {
      const png = await renderScreenshot({ sender: SENDER, message: CASES[0]!.message });
      const r = await reader.read([{ bytes: png }]);
      expect(r.sources).toEqual(['ocr']);
      expect(r.text).toContain('佐川急便');
    } finally {
      await reader.close();
    }
  });
});
