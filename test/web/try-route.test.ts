// GET / and POST / through inject(): the page and its headers, plain and fragment answers, and garbage,
// oversize and hostile form posts; the text is neither stored nor logged; the per-client limit; the trends switch.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from '../../src/limits.ts';
import { readTrends } from '../../src/stats/trends.ts';
import { isoWeekOf } from '../../src/stats/week.ts';
import { STYLE_SHEET, TRY_SCRIPT } from '../../src/web/assets.ts';
import { TRY_BODY_LIMIT_BYTES, TRY_TEXT_BODY_LIMIT_BYTES } from '../../src/web/try-route.ts';
import { multipart, type WebApp, webApp } from './helpers/app.ts';

const SCAM =
  '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xx.top/';

let w: WebApp;
let ip = 0;
/** Each test posts from its own address, so the per-client limit of one does not touch another. */
const nextIp = () => `198.51.100.${++ip}`;

const post = (
  fields: Record<string, string>,
  o: { fragment?: boolean; from?: string; files?: Parameters<typeof multipart>[1] } = {},
) => {
  const m = multipart(fields, o.files);
  return w.app.inject({
    method: 'POST',
    url: '/',
    payload: m.payload,
    headers: { ...m.headers, ...(o.fragment ? { 'x-anshin-fragment': '1' } : {}) },
    remoteAddress: o.from ?? nextIp(),
  });
};

beforeAll(async () => {
  w = await webApp({ TRY_PAGE_PER_HOUR: '3' });
});
afterAll(async () => {
  await w.close();
});

describe('GET /', () => {
  it('is a Japanese page with one form, a strict CSP and nothing from another site', async () => {
    const r = await w.app.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    const html = r.body;
    expect(html).toContain('<html lang="ja">');
    expect(html).toMatch(/<form[^>]+method="post"[^>]+action="\/\?lang=ja#answer"[^>]+enctype="multipart\/form-data"/);
    expect(html).toContain('<textarea id="text" name="text"');
    expect(html).toContain('type="file" id="image" name="image"');
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script>|<style>|style="/);
    expect(html).toContain(`<script src="${TRY_SCRIPT.path}" defer></script>`);
  });

  it('switches to English with ?lang=en, and ignores any other value', async () => {
    const en = await w.app.inject({ method: 'GET', url: '/?lang=en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Check</button>');
    const odd = await w.app.inject({ method: 'GET', url: '/?lang=%22%3E%3Cscript%3Ealert(1)%3C/script%3E' });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain('<html lang="ja">');
    expect(odd.body).not.toContain('alert(1)');
  });

  it('serves its style sheet and script from the app, cached by their hashed names', async () => {
    for (const a of [STYLE_SHEET, TRY_SCRIPT]) {
      const r = await w.app.inject({ method: 'GET', url: a.path });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe(a.type);
      expect(r.headers['cache-control']).toContain('immutable');
    }
    expect((await w.app.inject({ method: 'GET', url: '/assets/anshin.000000000000.css' })).statusCode).toBe(404);
  });
});

describe('POST /', () => {
  it('a plain form post answers with the whole page: 危険, defanged, no link from the message', async () => {
    const r = await post({ text: SCAM, lang: 'ja' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body).toContain('<html lang="ja">');
    expect(r.body).toContain('<p class="level" id="level-word">危険</p>');
    expect(r.body).toContain('class="lvl-danger"');
    expect(r.body).toContain('sagawa-xx[.]top');
    expect(r.body).not.toContain('href="http://sagawa');
    expect(r.body).toContain('保証ではありません');
    expect(r.body).not.toContain('安全');
    // The text comes back in the box, escaped.
    expect(r.body).toContain('お荷物のお届けにあがりましたが');
  });

  it('with x-anshin-fragment only the answer region comes back', async () => {
    const r = await post({ text: SCAM, lang: 'en' }, { fragment: true });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('<html');
    expect(r.body).toContain('<p class="level" id="level-word">Danger</p>');
  });

  it('takes an urlencoded form too', async () => {
    const r = await w.app.inject({
      method: 'POST',
      url: '/',
      payload: new URLSearchParams({ text: SCAM, lang: 'ja' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: nextIp(),
    });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('危険</p>');
  });

  it('hostile text is escaped wherever it is shown', async () => {
    const hostile = `</textarea><script>alert(1)</script>"><img src=x onerror=alert(2)> ${SCAM}`;
    const r = await post({ text: hostile, lang: 'ja' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('<script>alert(1)');
    expect(r.body).not.toContain('<img src=x');
    expect(r.body).toContain('&lt;/textarea&gt;&lt;script&gt;');
  });

  it.each([
    ['nothing', { text: '' }],
    ['only spaces', { text: '   \n\t ' }],
    ['no text field at all', { lang: 'ja' }],
  ])('%s → 400 with a sentence saying what to do', async (_name, fields) => {
    const r = await post(fields as Record<string, string>, { fragment: true });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('role="alert"');
    expect(r.body).toContain('文章を貼り付けるか、写真を選んでから');
  });

  it('an empty file input (filename="", no bytes) is no picture', async () => {
    const r = await post(
      { text: '' },
      {
        fragment: true,
        files: [{ name: 'image', filename: '', type: 'application/octet-stream', data: Buffer.alloc(0) }],
      },
    );
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('文章を貼り付けるか');
  });

  it('text longer than the page reads → 400 saying the limit', async () => {
    const r = await post({ text: 'あ'.repeat(MAX_TEXT_CHARS + 1), lang: 'en' }, { fragment: true });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('20,000 characters');
  });

  it('a body over the limit → 413 as a page, not JSON', async () => {
    const big = Buffer.alloc(TRY_BODY_LIMIT_BYTES + 1024, 0x41);
    const r = await post(
      { text: 'x' },
      { files: [{ name: 'image', filename: 'big.png', type: 'image/png', data: big }] },
    );
    expect(r.statusCode).toBe(413);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toContain('写真が大きすぎます');
  });

  it('an urlencoded body over its own limit → 413', async () => {
    const r = await w.app.inject({
      method: 'POST',
      url: '/?lang=en',
      payload: `text=${'a'.repeat(TRY_TEXT_BODY_LIMIT_BYTES + 10)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: nextIp(),
    });
    expect(r.statusCode).toBe(413);
    expect(r.body).toContain('too large');
  });

  it.each([
    ['multipart without a boundary', 'multipart/form-data', Buffer.from('text=hi')],
    [
      'multipart cut short',
      'multipart/form-data; boundary=abc',
      Buffer.from('--abc\r\nContent-Disposition: form-data; name="text"\r\n\r\nhi'),
    ],
    ['JSON (that is /v1/check)', 'application/json', Buffer.from('{"text":"hi"}')],
    ['plain text', 'text/plain', Buffer.from('hi')],
    ['binary', 'application/octet-stream', Buffer.from([0, 1, 2, 255])],
  ])('%s → 400 page asking to send the form again', async (_name, type, payload) => {
    const r = await w.app.inject({
      method: 'POST',
      url: '/',
      payload,
      headers: { 'content-type': type },
      remoteAddress: nextIp(),
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toContain('うまく受け取れませんでした');
  });

  it('a file that is not a picture is answered, not a crash', async () => {
    const r = await post(
      { text: '', lang: 'ja' },
      {
        fragment: true,
        files: [{ name: 'image', filename: 'x.png', type: 'image/png', data: Buffer.from('not a png at all') }],
      },
    );
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('class="card"');
  });

  it('more pictures than a consultation reads → 400', async () => {
    const file = { name: 'image', filename: 'a.png', type: 'image/png', data: Buffer.from('x') };
    const r = await post({ text: 'hi', lang: 'en' }, { fragment: true, files: [file, file, file, file, file] });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('at most 4 pictures');
  });

  it('an unknown lang field falls back to the page language', async () => {
    const r = await post({ text: SCAM, lang: 'xx' }, { fragment: true });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('危険');
  });

  it('each client may ask TRY_PAGE_PER_HOUR times an hour; then 429 with Retry-After, others unaffected', async () => {
    const from = nextIp();
    for (let i = 0; i < 3; i++) expect((await post({ text: SCAM }, { from, fragment: true })).statusCode).toBe(200);
    const limited = await post({ text: SCAM }, { from, fragment: true });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('3600');
    expect(limited.body).toContain('しばらく休止');
    expect((await post({ text: SCAM }, { fragment: true })).statusCode).toBe(200);
  });

  it('the text is not stored or logged, and (TRY_PAGE_IN_TRENDS off) not counted', async () => {
    const marker = `この文章は保存されません-${Date.now()}-sagawa-xx.top/zz`;
    const r = await post({ text: `${SCAM}\n${marker}` });
    expect(r.statusCode).toBe(200);
    const files = fs.readdirSync(w.dataDir).filter((f) => f.startsWith('anshin.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(fs.readFileSync(`${w.dataDir}/${f}`).includes(Buffer.from(marker))).toBe(false);
    expect(w.logs()).not.toContain('保存されません');
    expect(w.logs()).not.toContain('お荷物');
    const t = await readTrends(w.runtime.store, isoWeekOf(new Date()));
    expect(t.byChannel.web ?? 0).toBe(0);
  });
});

describe('switches', () => {
  it('TRY_PAGE_IN_TRENDS=true counts each answer as channel "web"', async () => {
    const on = await webApp({ TRY_PAGE_IN_TRENDS: 'true' }, { consultant: w.consultant });
    try {
      const m = multipart({ text: SCAM });
      const r = await on.app.inject({ method: 'POST', url: '/', payload: m.payload, headers: m.headers });
      expect(r.statusCode).toBe(200);
      const t = await readTrends(on.runtime.store, isoWeekOf(new Date()));
      expect(t.byChannel.web).toBe(1);
      expect(t.byLevel.danger).toBe(1);
    } finally {
      await on.close();
    }
  });

  it('TRY_PAGE=off serves nothing at /', async () => {
    const off = await webApp({ TRY_PAGE: 'off' }, { consultant: w.consultant });
    try {
      expect((await off.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
      expect((await off.app.inject({ method: 'GET', url: STYLE_SHEET.path })).statusCode).toBe(404);
    } finally {
      await off.close();
    }
  });
});
