// GET /console, POST /console/login and /console/logout through inject(): nothing without CONSOLE_TOKEN, 401
// without a token or session, bearer and cookie logins, cross-site and garbage posts, sessions kept only as
// hashes and ended by logout or a new token, and no person id or message text on the page.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { keys } from '../../src/infra/store/keys.ts';
import { CONSOLE_LOGINS_PER_WINDOW } from '../../src/web/console-route.ts';
import { multipart, type WebApp, webApp } from './helpers/app.ts';

const TOKEN = 'console-token-for-tests-0123456789';
const SCAM =
  '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xx.top/';

let w: WebApp;
let ip = 0;
const nextIp = () => `203.0.113.${++ip}`;

const get = (headers: Record<string, string> = {}) =>
  w.app.inject({ method: 'GET', url: '/console', headers, remoteAddress: nextIp() });

const login = async (token: string | undefined, headers: Record<string, string> = {}, from = nextIp()) => {
  const r = await w.app.inject({
    method: 'POST',
    url: '/console/login',
    payload: token === undefined ? '' : new URLSearchParams({ token }).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      host: 'console.test',
      origin: 'http://console.test',
      'sec-fetch-site': 'same-origin',
      ...headers,
    },
    remoteAddress: from,
  });
  if (r.statusCode >= 500)
    console.error('console login failed', r.statusCode, JSON.stringify(r.headers), w.logs().slice(-800));
  return r;
};

const cookieOf = (setCookie: string | string[] | undefined) => {
  const c = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return /anshin_console=([^;]*)/.exec(c ?? '')?.[1] ?? '';
};

beforeAll(async () => {
  w = await webApp({ CONSOLE_TOKEN: TOKEN });
});
afterAll(async () => {
  await w.close();
});

describe('CONSOLE_TOKEN', () => {
  it('unset: nothing is served under /console', async () => {
    const off = await webApp({}, { consultant: w.consultant });
    try {
      for (const [method, url] of [
        ['GET', '/console'],
        ['POST', '/console/login'],
        ['POST', '/console/logout'],
      ] as const) {
        const r = await off.app.inject({ method, url, headers: { authorization: `Bearer ${TOKEN}` } });
        expect(r.statusCode).toBe(404);
      }
    } finally {
      await off.close();
    }
  });

  it('must be at least 16 characters', () => {
    expect(() => loadConfig({ CONSOLE_TOKEN: 'short' })).toThrow(/CONSOLE_TOKEN must be at least 16 characters/);
  });
});

describe('GET /console', () => {
  it('without a token or session: 401, the login form, no numbers', async () => {
    const r = await get();
    expect(r.statusCode).toBe(401);
    expect(r.headers['www-authenticate']).toContain('Bearer');
    expect(r.body).toContain('<form method="post" action="/console/login">');
    expect(r.body).not.toContain('consultations');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('with Authorization: Bearer CONSOLE_TOKEN: the console', async () => {
    const r = await get({ authorization: `Bearer ${TOKEN}` });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('id="week-total"');
    expect(r.body).not.toContain('Log out');
  });

  it.each([
    ['a wrong token', `Bearer ${TOKEN}x`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, 20)}`],
    ['Basic auth', `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}`],
    ['an empty bearer', 'Bearer '],
    ['a huge bearer', `Bearer ${'A'.repeat(8000)}`],
    ['control characters', 'Bearer \u0001\u0002'],
  ])('%s → 401', async (_name, authorization) => {
    const r = await get({ authorization });
    expect(r.statusCode).toBe(401);
  });

  it.each([
    ['a made-up session', 'anshin_console=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['garbage', 'anshin_console=%00%ff<script>; other=1'],
    ['many cookies', Array.from({ length: 500 }, (_, i) => `c${i}=${'x'.repeat(20)}`).join('; ')],
    ['no value', 'anshin_console='],
  ])('cookie with %s → 401', async (_name, cookie) => {
    const r = await get({ cookie });
    expect(r.statusCode).toBe(401);
  });
});

describe('POST /console/login', () => {
  it('the right token: 303 to /console with an HttpOnly, SameSite=Strict session cookie that works', async () => {
    const r = await login(TOKEN);
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/console');
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\/console/);
    expect(set).not.toMatch(/Secure/);
    const value = cookieOf(r.headers['set-cookie']);
    const page = await get({ cookie: `anshin_console=${value}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Log out');
    // The store holds only the hash of the cookie value.
    expect(await w.runtime.store.get(keys.consoleSession(value))).toBeNull();
    const digest = createHash('sha256').update(value).digest('hex');
    expect(await w.runtime.store.get(keys.consoleSession(digest))).not.toBeNull();
  });

  it('over https (a proxy saying so) the cookie is Secure', async () => {
    const r = await login(TOKEN, { 'x-forwarded-proto': 'https', origin: 'https://console.test' });
    expect(r.statusCode).toBe(303);
    expect(String(r.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('a wrong, missing or oversize token → 401 with the form again', async () => {
    for (const t of ['wrong-token-wrong-token', '', undefined, 'x'.repeat(1025)]) {
      const r = await login(t);
      expect(r.statusCode).toBe(401);
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(r.body).toContain('action="/console/login"');
    }
  });

  it.each([
    ['another site (Sec-Fetch-Site)', { 'sec-fetch-site': 'cross-site' }],
    ['a sibling site', { 'sec-fetch-site': 'same-site' }],
    ['another origin', { 'sec-fetch-site': '', origin: 'https://evil.example' }],
    ['an opaque origin', { 'sec-fetch-site': '', origin: 'null' }],
  ])('from %s → 403, even with the right token', async (_name, headers) => {
    const h = { ...headers } as Record<string, string>;
    const r = await w.app.inject({
      method: 'POST',
      url: '/console/login',
      payload: new URLSearchParams({ token: TOKEN }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        host: 'console.test',
        ...(h['sec-fetch-site'] ? { 'sec-fetch-site': h['sec-fetch-site'] } : {}),
        ...(h.origin ? { origin: h.origin } : { origin: 'http://console.test' }),
      },
      remoteAddress: nextIp(),
    });
    expect(r.statusCode).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('a script without Origin or Sec-Fetch-Site (curl) may log in', async () => {
    const r = await w.app.inject({
      method: 'POST',
      url: '/console/login',
      payload: `token=${encodeURIComponent(TOKEN)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: nextIp(),
    });
    expect(r.statusCode).toBe(303);
  });

  it.each([
    ['JSON', 'application/json', JSON.stringify({ token: TOKEN })],
    ['multipart', multipart({ token: TOKEN }).headers['content-type']!, multipart({ token: TOKEN }).payload],
    ['a body too large', 'application/x-www-form-urlencoded', `token=${'a'.repeat(10_000)}`],
  ])('%s → refused with a page, no session', async (_name, type, payload) => {
    const r = await w.app.inject({
      method: 'POST',
      url: '/console/login',
      payload,
      headers: { 'content-type': type },
      remoteAddress: nextIp(),
    });
    expect([400, 413]).toContain(r.statusCode);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it(`allows ${CONSOLE_LOGINS_PER_WINDOW} tries per client, then 429 even for the right token`, async () => {
    const from = nextIp();
    for (let i = 0; i < CONSOLE_LOGINS_PER_WINDOW; i++)
      expect((await login('nope-nope-nope', {}, from)).statusCode).toBe(401);
    const r = await login(TOKEN, {}, from);
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('900');
    expect((await login(TOKEN)).statusCode).toBe(303);
  });
});

describe('sessions end', () => {
  it('on logout (a same-origin post), and the cookie is cleared', async () => {
    const value = cookieOf((await login(TOKEN)).headers['set-cookie']);
    const cookie = `anshin_console=${value}`;
    const crossSite = await w.app.inject({
      method: 'POST',
      url: '/console/logout',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect((await get({ cookie })).statusCode).toBe(200);
    const out = await w.app.inject({
      method: 'POST',
      url: '/console/logout',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(out.statusCode).toBe(303);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await get({ cookie })).statusCode).toBe(401);
  });

  it('when CONSOLE_TOKEN changes', async () => {
    const value = cookieOf((await login(TOKEN)).headers['set-cookie']);
    await w.app.close();
    await w.runtime.close();
    const next = await webApp({ CONSOLE_TOKEN: `${TOKEN}-rotated` }, { consultant: w.consultant, dataDir: w.dataDir });
    try {
      const r = await next.app.inject({
        method: 'GET',
        url: '/console',
        headers: { cookie: `anshin_console=${value}` },
      });
      expect(r.statusCode).toBe(401);
    } finally {
      await next.close();
      w = await webApp({ CONSOLE_TOKEN: TOKEN }, { consultant: w.consultant, dataDir: w.dataDir });
    }
  });
});

describe('what the console shows', () => {
  it("this week's numbers after a few consultations, and never a person id or message text", async () => {
    const c = await webApp({ CONSOLE_TOKEN: TOKEN, TRY_PAGE_IN_TRENDS: 'on' }, { consultant: w.consultant });
    try {
      const person = c.runtime.ids.person('line', 'U4af4980629c3b1e0a1b2c3d4e5f60718');
      const sealed = c.runtime.ids.seal('U4af4980629c3b1e0a1b2c3d4e5f60718');
      await c.runtime.store.mapSet(
        keys.subscriptions(),
        person,
        JSON.stringify({ channel: 'line', sealedAddress: sealed, lang: 'ja', since: new Date().toISOString() }),
      );
      for (const text of [SCAM, SCAM, '明日10時に駅で待ち合わせしましょう。']) {
        const m = multipart({ text });
        expect(
          (await c.app.inject({ method: 'POST', url: '/', payload: m.payload, headers: m.headers })).statusCode,
        ).toBe(200);
      }
      const r = await c.app.inject({ method: 'GET', url: '/console', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('<b id="week-total">3</b>');
      expect(r.body).toMatch(/Try page \(web\)<\/th><td><svg[\s\S]*?<td class="n">3<\/td>/);
      expect(r.body).toContain('<th scope="row">Sagawa Express</th>');
      expect(r.body).toContain('Subscribers by channel');
      expect(r.body).toMatch(/<th scope="row">LINE<\/th><td><svg[\s\S]*?<td class="n">1<\/td>/);
      expect(r.body).toContain('<svg viewBox');
      for (const secret of [person, sealed, 'U4af4980629c3b1e0a1b2c3d4e5f60718', 'お荷物のお届け', '待ち合わせ']) {
        expect(r.body).not.toContain(secret);
      }
    } finally {
      await c.close();
    }
  });
});
