// POST /v1/check guarded as an API: keys, the per-caller rate, size limits that hold whatever the fields are,
// and malformed or hostile bodies, all through the real Fastify app (inject, and a listening server where the
// socket matters); GET /metrics behind its token; the memory watch of under-pressure.
import net from 'node:net';
import os from 'node:os';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.ts';
import { API_MAX_TEXT_BYTES, API_MAX_TEXT_CHARS, measureBase64 } from '../../../src/channels/api/route.ts';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { createConsultant, type LocalConsultant } from '../../../src/consult/consultant.ts';
import { MAX_IMAGE_BYTES } from '../../../src/limits.ts';

const KEY_A = 'key-a-0123456789abcdef';
const KEY_B = 'key-b-fedcba9876543210';
const MB = 1024 * 1024;
const SCAM = '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました http://sagawa-xx.top/';

let consultant: LocalConsultant;
const apps: FastifyInstance[] = [];

async function appWith(env: Record<string, string> = {}, role?: 'worker'): Promise<FastifyInstance> {
  const config = loadConfig({ DATA_DIR: '/nonexistent-anshin-guard-test', LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ config, consultant, maxEventLoopDelayMs: 0, ...(role ? { role } : {}) });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  consultant = await createConsultant({ config: loadConfig({ DATA_DIR: '/nonexistent-anshin-guard-test' }) });
});
afterAll(async () => {
  for (const a of apps) await a.close();
  consultant.close();
});

const check = (app: FastifyInstance, o: Partial<InjectOptions> & { json?: unknown; key?: string } = {}) =>
  app.inject({
    method: 'POST',
    url: '/v1/check',
    remoteAddress: '127.0.0.1',
    ...o,
    headers: {
      'content-type': 'application/json',
      ...(o.key ? { authorization: `Bearer ${o.key}` } : {}),
      ...(o.headers ?? {}),
    },
    payload: o.payload ?? JSON.stringify(o.json ?? { text: SCAM }),
  });

function form(parts: { name: string; filename?: string; data: Buffer | string }[]) {
  const boundary = 'guard-test-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const file = p.filename !== undefined ? `; filename="${p.filename}"\r\nContent-Type: image/png` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** base64 of `n` zero bytes, without making the bytes. */
const zerosBase64 = (n: number) => 'A'.repeat(Math.ceil(n / 3) * 4);

describe('keys (API_KEYS)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith({ API_KEYS: ` ${KEY_A}, ${KEY_B} `, API_RATE_PER_MIN: '1000' });
  });

  it('answers a caller with either key, from anywhere', async () => {
    for (const key of [KEY_A, KEY_B]) {
      const r = await check(app, { key, remoteAddress: '203.0.113.7' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ level: 'danger' });
    }
  });

  it.each([
    ['no header', {}],
    ['another scheme', { authorization: `Basic ${Buffer.from(`x:${KEY_A}`).toString('base64')}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['a bearer too long to be a key', { authorization: `Bearer ${'k'.repeat(5_000)}` }],
  ])('%s → 401 asking for a key, with WWW-Authenticate', async (_n, headers) => {
    const r = await check(app, { headers, remoteAddress: '127.0.0.1' });
    expect(r.statusCode).toBe(401);
    expect(r.headers['www-authenticate']).toBe('Bearer realm="anshin"');
    expect(r.json().error).toMatch(/Authorization: Bearer/);
  });

  it.each([
    ['a wrong key', 'key-a-0123456789abcdeX'],
    ['a prefix of a key', KEY_A.slice(0, 10)],
    ['a key and more', `${KEY_A}x`],
    ['two keys joined', `${KEY_A},${KEY_B}`],
  ])('%s → 401 invalid_token', async (_n, key) => {
    const r = await check(app, { key });
    expect(r.statusCode).toBe(401);
    expect(r.headers['www-authenticate']).toContain('error="invalid_token"');
    expect(r.json()).toEqual({ error: 'That key is not valid.' });
  });

  it('refuses before reading the body: a wrong key with a broken body is 401, not 400', async () => {
    const r = await check(app, { key: 'nope-nope-nope-nope', payload: '{"text": oops' });
    expect(r.statusCode).toBe(401);
  });
});

describe('no key configured: this machine only', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith({ API_RATE_PER_MIN: '1000' });
  });

  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('answers %s', async (ip) => {
    expect((await check(app, { remoteAddress: ip })).statusCode).toBe(200);
  });

  it.each(['203.0.113.7', '10.0.0.2', '::ffff:10.0.0.2', '2001:db8::1'])('refuses %s with 403', async (ip) => {
    const r = await check(app, { remoteAddress: ip });
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toBe('POST /v1/check is open only to this machine until the operator sets API_KEYS.');
  });

  it.each([
    ['X-Forwarded-For: 127.0.0.1', { 'x-forwarded-for': '127.0.0.1' }],
    ['X-Forwarded-For of a remote client', { 'x-forwarded-for': '203.0.113.7' }],
    ['Forwarded', { forwarded: 'for=127.0.0.1' }],
    ['X-Real-IP', { 'x-real-ip': '127.0.0.1' }],
  ])('refuses a request through a proxy on this machine (%s)', async (_n, headers) => {
    // The socket is loopback (a reverse proxy beside us), and the header any client can write does not count.
    expect((await check(app, { remoteAddress: '127.0.0.1', headers })).statusCode).toBe(403);
  });

  it('a key sent when none is configured changes nothing', async () => {
    expect((await check(app, { remoteAddress: '203.0.113.7', key: KEY_A })).statusCode).toBe(403);
  });
});

describe('rate per caller (API_RATE_PER_MIN)', () => {
  it('a key over its rate gets 429 with Retry-After; another key is not held back', async () => {
    const app = await appWith({ API_KEYS: `${KEY_A},${KEY_B}`, API_RATE_PER_MIN: '3' });
    for (let i = 0; i < 3; i++) expect((await check(app, { key: KEY_A })).statusCode).toBe(200);
    const r = await check(app, { key: KEY_A, remoteAddress: '198.51.100.9' });
    expect(r.statusCode).toBe(429);
    // 3 a minute: one call back every 20 s.
    expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(20);
    expect(r.json().error).toMatch(/^Too many requests: at most 3 a minute\. Try again in \d+ s\.$/);
    expect((await check(app, { key: KEY_B })).statusCode).toBe(200);
  });

  it('without keys, per client address', async () => {
    const app = await appWith({ API_RATE_PER_MIN: '2' });
    for (let i = 0; i < 2; i++) expect((await check(app, { remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    expect((await check(app, { remoteAddress: '127.0.0.1' })).statusCode).toBe(429);
    expect((await check(app, { remoteAddress: '127.0.0.2' })).statusCode).toBe(200);
  });

  it('refused calls and unknown keys do not spend a caller’s rate', async () => {
    const app = await appWith({ API_KEYS: KEY_A, API_RATE_PER_MIN: '2' });
    for (let i = 0; i < 20; i++) expect((await check(app, { key: 'wrong-wrong-wrong-wrong' })).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) expect((await check(app, { key: KEY_A })).statusCode).toBe(200);
  });
});

describe('size limits that hold whatever the fields are', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith({ API_RATE_PER_MIN: '100000' });
  });

  it.each([
    ['text over 256 KB with images: []', { text: 'a'.repeat(API_MAX_TEXT_BYTES + 1), images: [] }],
    ['text over 256 KB in UTF-8 with an image', { text: 'あ'.repeat(90_000), images: [zerosBase64(100)] }],
    ['text over 100,000 characters', { text: 'a'.repeat(API_MAX_TEXT_CHARS + 1) }],
    ['text over 256 KB with a broken image', { text: 'a'.repeat(API_MAX_TEXT_BYTES + 1), images: ['!!'] }],
  ])('%s → 413', async (_n, json) => {
    const r = await check(app, { json });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatch(/^"text" is too long: send at most 100000 characters and 262144 bytes/);
  });

  it('text at the limit is judged', async () => {
    const r = await check(app, { json: { text: `${SCAM} ${'a'.repeat(API_MAX_TEXT_CHARS - SCAM.length - 1)}` } });
    expect(r.statusCode).toBe(200);
  });

  it.each([5, 50, 100_000])('%i images → 413, counted before any is read', async (n) => {
    const r = await check(app, { json: { images: Array.from({ length: n }, () => zerosBase64(30)) } });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toEqual({ error: 'Too many images: send at most 4' });
  });

  it('a body over API_MAX_BODY_MB (8 by default) → 413 naming the limit', async () => {
    const r = await check(app, { json: { images: [zerosBase64(7 * MB)] } });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toEqual({ error: `Request body is too large: at most ${8 * MB} bytes.` });
  });

  it('the body limit follows API_MAX_BODY_MB', async () => {
    const small = await appWith({ API_MAX_BODY_MB: '1' });
    const r = await check(small, { json: { images: [zerosBase64(800 * 1024)] } });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toBe(`Request body is too large: at most ${MB} bytes.`);
  });

  it('each image is held to MAX_IMAGE_BYTES by its decoded size, before it is decoded', async () => {
    const big = await appWith({ API_MAX_BODY_MB: '32' });
    const r = await check(big, { json: { images: [zerosBase64(MAX_IMAGE_BYTES + 3)] } });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toBe(`An image is too large: each may be at most ${MAX_IMAGE_BYTES} bytes once decoded`);
  });

  it('multipart: more than 4 files, or text over 256 KB → 413', async () => {
    const png = Buffer.alloc(64);
    const files = Array.from({ length: 5 }, (_, i) => ({ name: 'image', filename: `${i}.png`, data: png }));
    const many = await check(app, form([{ name: 'text', data: 'x' }, ...files]));
    expect(many.statusCode).toBe(413);
    expect(many.json().error).toBe('Too many images: send at most 4');
    const long = await check(app, form([{ name: 'text', data: 'a'.repeat(API_MAX_TEXT_BYTES + 1) }]));
    expect(long.statusCode).toBe(413);
    const over = await check(app, form([{ name: 'image', filename: 'a.png', data: Buffer.alloc(9 * MB) }]));
    expect(over.statusCode).toBe(413);
    expect(over.json().error).toMatch(/^Request body is too large/);
  });
});

describe('over a real socket: a huge body is refused before it is read', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = await appWith({ API_RATE_PER_MIN: '100000' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as net.AddressInfo).port;
  });

  /** Sends `head` (and `body` chunks), resolves with what the server wrote before it answered or closed. */
  function raw(head: string, body: (sock: net.Socket) => void = () => {}): Promise<string> {
    return new Promise((resolve, reject) => {
      const sock = net.connect(port, '127.0.0.1');
      let got = '';
      sock.on('data', (d) => {
        got += d.toString('latin1');
        if (got.includes('\r\n\r\n') && /"error"/.test(got)) sock.destroy();
      });
      sock.on('close', () => resolve(got));
      sock.on('error', (e) => (got ? resolve(got) : reject(e)));
      sock.write(head);
      body(sock);
      setTimeout(() => sock.destroy(), 5_000).unref();
    });
  }

  it('Content-Length: 100 MB with no body sent → 413 at once', async () => {
    const t0 = Date.now();
    const got = await raw(
      'POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n{"images":["',
    );
    expect(got).toMatch(/^HTTP\/1\.1 413/);
    expect(got).toContain('Request body is too large: at most 8388608 bytes.');
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('a chunked body that grows past the limit → 413', async () => {
    const got = await raw(
      'POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      (sock) => {
        const chunk = 'A'.repeat(1024 * 1024);
        const frame = `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
        for (let i = 0; i < 10; i++) sock.write(frame);
      },
    );
    expect(got).toMatch(/^HTTP\/1\.1 413/);
  });
});

describe('malformed and hostile bodies → 4xx with a message, never 5xx', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appWith({ API_RATE_PER_MIN: '1000000' });
  });

  it.each<[string, string, string | undefined]>([
    ['null', 'null', 'application/json'],
    ['a number', '42', 'application/json'],
    ['a string', '"text"', 'application/json'],
    ['true', 'true', 'application/json'],
    ['an array of objects', '[{"text":"x"}]', 'application/json'],
    ['text as an object', '{"text":{"a":1}}', 'application/json'],
    ['text as an array', '{"text":["a"]}', 'application/json'],
    ['text null', '{"text":null}', 'application/json'],
    ['images as a string', '{"images":"QUJD"}', 'application/json'],
    ['images as an object', '{"images":{"0":"QUJD"}}', 'application/json'],
    ['images of numbers', '{"images":[1,2]}', 'application/json'],
    ['images of null', '{"images":[null]}', 'application/json'],
    ['images of objects', '{"images":[{"data":"QUJD"}]}', 'application/json'],
    ['lang a number', '{"text":"x","lang":42}', 'application/json'],
    ['lang an array', '{"text":"x","lang":["ja"]}', 'application/json'],
    ['__proto__', '{"__proto__":{"text":"x"}}', 'application/json'],
    ['constructor.prototype', '{"constructor":{"prototype":{"text":"x"}}}', 'application/json'],
    ['nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'application/json'],
    ['truncated', '{"text":"abc', 'application/json'],
    ['empty', '', 'application/json'],
    ['not base64', '{"images":["not base64!"]}', 'application/json'],
    ['base64 with a lone character', '{"images":["QUJDR"]}', 'application/json'],
    ['base64 with data after padding', '{"images":["QQ==QUJD"]}', 'application/json'],
    ['base64 with three =', '{"images":["QQ==="]}', 'application/json'],
    ['base64url characters', '{"images":["-_-_"]}', 'application/json'],
    ['no content type', '{"text":"x"}', undefined],
    ['XML', '<text>x</text>', 'application/xml'],
    ['multipart without a boundary', 'x', 'multipart/form-data'],
    [
      'multipart without its closing boundary',
      '--b\r\nContent-Disposition: form-data; name="text"\r\n\r\nx',
      'multipart/form-data; boundary=b',
    ],
    ['multipart with a part without headers', '--b\r\nxx\r\n--b--\r\n', 'multipart/form-data; boundary=b'],
  ])('%s', async (_n, payload, type) => {
    const r = await app.inject({
      method: 'POST',
      url: '/v1/check',
      payload,
      ...(type ? { headers: { 'content-type': type } } : {}),
    });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
    expect(r.json().error.length).toBeGreaterThan(10);
  });

  it('invalid UTF-8 is read with replacement characters and judged, not a crash', async () => {
    const payload = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from('"}')]);
    const r = await check(app, { payload });
    expect(r.statusCode).toBe(200);
    expect(r.json().level).toBe('unknown');
  });

  it('pathological base64 and data URLs are refused in linear time', async () => {
    const cases = [
      `${'\n'.repeat(2_000_000)}!`, // newlines then a bad character: quadratic for the old pattern
      `${' '.repeat(7_000_000)}!`,
      `data:${'a'.repeat(7_000_000)}`,
      `data:image/png;base64,${'='.repeat(1_000)}`,
    ];
    for (const s of cases) {
      const t0 = performance.now();
      expect(() => measureBase64(s)).toThrow('"images" must hold base64 data');
      // Linear: tens of ms even on a busy machine; the old pattern took 0.8 s on 20,000 newlines, 157 s on 200,000.
      expect(performance.now() - t0).toBeLessThan(1_000);
    }
    const r = await check(app, { json: { images: [`${' '.repeat(7_000_000)}!`] } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ error: '"images" must hold base64 data' });
  });

  it('multipart with 5 MB of part headers is refused quickly', async () => {
    const payload = `--b\r\nContent-Disposition: form-data; ${'name="'.repeat(800_000)}`;
    const t0 = performance.now();
    const r = await check(app, {
      payload: `${payload}\r\n--b--\r\n`,
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(r.statusCode).toBe(400);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('measures base64 as Node decodes it', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 1001]) {
      const bytes = Buffer.alloc(n, 0xa5);
      const b64 = bytes.toString('base64');
      const wrapped = b64.replace(/.{1,76}/g, '$&\r\n');
      for (const s of [b64, wrapped, `data:image/png;base64,${b64}`]) {
        const m = measureBase64(s);
        expect(m.bytes).toBe(n);
        expect(Buffer.from(s.slice(m.from), 'base64').length).toBe(n);
      }
    }
    expect(measureBase64('data:image/webp;base64,QUJD')).toEqual({ from: 23, bytes: 3, contentType: 'image/webp' });
  });

  it('a few thousand generated bodies: no 5xx', async () => {
    let seed = 0x2f6b;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const values = (depth: number): unknown => {
      const r = rand();
      if (depth > 3 || r < 0.3)
        return pick([null, true, 0, -1, 1e308, '', 'QUJD', 'data:image/png;base64,QUJD', '\u0000', SCAM]);
      if (r < 0.5) return Array.from({ length: Math.floor(rand() * 6) }, () => values(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = 0; i < rand() * 4; i++) o[pick(['text', 'lang', 'images', '__proto__', 'x'])] = values(depth + 1);
      return o;
    };
    const mutate = (s: string) => {
      const a = s.split('');
      for (let i = 0; i < 1 + rand() * 4; i++) {
        const at = Math.floor(rand() * (a.length + 1));
        if (rand() < 0.5) a.splice(at, 1);
        else a.splice(at, 0, pick(['{', '}', '"', ',', ':', '[', ']', '\\', 'A', '=', '\u0000', '\ud800']));
      }
      return a.join('');
    };
    const types = [
      'application/json',
      'application/json; charset=utf-8',
      'multipart/form-data; boundary=b',
      'text/plain',
    ];
    const seen = new Map<number, number>();
    for (let i = 0; i < 2_000; i++) {
      // A third start from a well-formed body, so that mutations land near valid input.
      const start = rand() < 0.33 ? { text: pick([SCAM, 'これ詐欺？', ' ']), lang: pick(['ja', 'en']) } : values(0);
      const body = JSON.stringify(start) ?? 'null';
      const payload = rand() < 0.5 ? mutate(body) : body;
      const r = await app.inject({
        method: 'POST',
        url: '/v1/check',
        payload,
        headers: { 'content-type': pick(types) },
      });
      seen.set(r.statusCode, (seen.get(r.statusCode) ?? 0) + 1);
      if (r.statusCode >= 500) throw new Error(`${r.statusCode} for ${JSON.stringify(payload)}: ${r.body}`);
      expect(typeof r.json().error === 'string' || r.statusCode === 200).toBe(true);
    }
    // The generator reaches both answers and refusals.
    expect(seen.get(200)).toBeGreaterThan(0);
    expect(seen.get(400)).toBeGreaterThan(0);
  });
});

describe('GET /metrics', () => {
  it('without METRICS_TOKEN: this machine only (also on a worker)', async () => {
    for (const app of [await appWith(), await appWith({}, 'worker')]) {
      const local = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
      expect(local.statusCode).toBe(200);
      expect(local.headers['content-type']).toContain('text/plain');
      const remote = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7' });
      expect(remote.statusCode).toBe(403);
      expect(remote.json().error).toBe(
        'GET /metrics is open only to this machine until the operator sets METRICS_TOKEN.',
      );
      const proxied = await app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': '127.0.0.1' },
      });
      expect(proxied.statusCode).toBe(403);
    }
  });

  it('with METRICS_TOKEN: the token, from anywhere; not an API key', async () => {
    const token = 'metrics-token-0123456789';
    const app = await appWith({ METRICS_TOKEN: token, API_KEYS: KEY_A });
    const get = (headers: Record<string, string>, remoteAddress = '203.0.113.7') =>
      app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });
    expect((await get({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
    expect((await get({})).statusCode).toBe(401);
    expect((await get({}, '127.0.0.1')).statusCode).toBe(401);
    expect((await get({ authorization: `Bearer ${KEY_A}` })).statusCode).toBe(401);
    // And the metrics token is no API key.
    expect((await check(app, { key: token })).statusCode).toBe(401);
  });

  it('health and readiness stay open to all', async () => {
    const app = await appWith({ METRICS_TOKEN: 'metrics-token-0123456789' });
    for (const url of ['/healthz', '/readyz']) {
      expect((await app.inject({ method: 'GET', url, remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
    }
  });
});

describe('memory: under-pressure watches heap and RSS', () => {
  it.each([
    ['MAX_HEAP_USED_MB', { MAX_HEAP_USED_MB: '1' }],
    ['MAX_RSS_MB', { MAX_RSS_MB: '1' }],
  ])('over %s every route sheds with 503 and Retry-After', async (_n, env) => {
    const app = await appWith(env);
    let r = await app.inject({ method: 'GET', url: '/healthz' });
    for (let i = 0; i < 40 && r.statusCode !== 503; i++) {
      await new Promise((ok) => setTimeout(ok, 100));
      r = await app.inject({ method: 'GET', url: '/healthz' });
    }
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('5');
    expect((await check(app)).statusCode).toBe(503);
  });

  it('defaults sit below the heap limit and the memory the process may use', () => {
    const c = loadConfig({});
    expect(c.MAX_HEAP_USED_MB).toBeGreaterThan(100);
    expect(c.MAX_RSS_MB).toBeGreaterThan(c.MAX_HEAP_USED_MB / 10);
    expect(c.MAX_RSS_MB * MB).toBeLessThan(os.totalmem());
    expect(loadConfig({ MAX_HEAP_USED_MB: '512', MAX_RSS_MB: '1024' })).toMatchObject({
      MAX_HEAP_USED_MB: 512,
      MAX_RSS_MB: 1024,
    });
  });
});

describe('configuration', () => {
  it('reads API_KEYS as a list and refuses short or spaced keys', () => {
    expect(loadConfig({}).API_KEYS).toEqual([]);
    expect(loadConfig({ API_KEYS: `${KEY_A},,${KEY_B},` }).API_KEYS).toEqual([KEY_A, KEY_B]);
    expect(() => loadConfig({ API_KEYS: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ API_KEYS: `${KEY_A},short` })).toThrow(/API_KEYS must be keys of at least 16/);
    expect(() => loadConfig({ API_KEYS: 'has a space in it ok?' })).toThrow(/API_KEYS/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16/);
    expect(() => loadConfig({ API_RATE_PER_MIN: '0' })).toThrow(/API_RATE_PER_MIN/);
    expect(() => loadConfig({ API_MAX_BODY_MB: '1000' })).toThrow(
      /API_MAX_BODY_MB must be a whole number from 1 to 128/,
    );
  });
});
