// Thousands of generated malformed requests at every route (signed and unsigned webhooks, random JSON shapes,
// wrong types, deep nesting, huge strings, invalid UTF-8, wrong content types): none may answer 5xx or break
// the server. The generator is seeded; set FUZZ_SEED to replay a failure (the seed is printed).
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  LINE_SECRET,
  lineTextEvent,
  PUBLIC_BASE_URL,
  startHarness,
  twilioForm,
  twilioSignature,
} from '../conversation/harness.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CONSOLE_TOKEN = 'fuzz-console-token-0123456789';
const USER = 'U1234567890abcdef1234567890abcdef';

/** mulberry32: small, fast and the same everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  readonly #r: () => number;
  constructor(seed: number) {
    this.#r = prng(seed);
  }
  int(n: number): number {
    return Math.floor(this.#r() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.#r() < p;
  }
  string(): string {
    const units = ['a', ' ', '0', 'あ', '漢', '.', '@', '/', '\u0000', '\ud800', '😀', '"', '\\', '\n', '%', '='];
    switch (this.int(6)) {
      case 0:
        return '';
      case 1:
        return this.pick(units).repeat(this.pick([1, 10, 1_000, 50_000]));
      case 2:
        return this.pick([
          'text',
          'image',
          'message',
          'postback',
          'user',
          'line',
          'a=detail&c=x',
          'データ削除',
          'stop',
        ]);
      default:
        return Array.from({ length: this.int(40) }, () => this.pick(units)).join('');
    }
  }
  value(depth = 0): unknown {
    const kinds = depth > 4 ? 6 : 8;
    switch (this.int(kinds)) {
      case 0:
        return null;
      case 1:
        return this.pick([0, -1, 42, 1e308, Number.MAX_SAFE_INTEGER, 0.5]);
      case 2:
        return this.chance(0.5);
      case 3:
      case 4:
        return this.string();
      case 5:
        return this.pick([[], {}, '']);
      case 6:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: this.int(4) }, () => [
            this.pick(['type', 'events', 'message', 'text', 'source', 'userId', 'x']),
            this.value(depth + 1),
          ]),
        );
    }
  }
  /** A valid object with one field at a random path replaced, removed, or given a value of another type. */
  mutate(obj: unknown): unknown {
    const copy = structuredClone(obj) as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, p: (string | number)[]) => {
      if (v === null || typeof v !== 'object') return;
      for (const [k, child] of Object.entries(v)) {
        const key = Array.isArray(v) ? Number(k) : k;
        paths.push([...p, key]);
        walk(child, [...p, key]);
      }
    };
    walk(copy, []);
    for (let n = 1 + this.int(3); n > 0 && paths.length > 0; n--) {
      const p = this.pick(paths);
      let parent = copy as Record<string | number, unknown>;
      for (const k of p.slice(0, -1)) {
        const next = parent?.[k];
        if (next === null || typeof next !== 'object') break;
        parent = next as Record<string | number, unknown>;
      }
      if (parent === null || typeof parent !== 'object') continue;
      const last = p[p.length - 1]!;
      if (this.chance(0.2)) delete parent[last];
      else parent[last] = this.value(2);
    }
    return copy;
  }
}

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const INVALID_UTF8 = Buffer.from([0x7b, 0x22, 0x65, 0x22, 0x3a, 0xff, 0xfe, 0xc3, 0x28, 0x7d]);

function lineBody(g: Gen): Buffer {
  const ev = lineTextEvent(USER, 'これは詐欺？');
  const postback = { ...ev, type: 'postback', postback: { data: 'a=detail&c=abc' } };
  switch (g.int(9)) {
    case 0:
      return Buffer.from(JSON.stringify(g.value()));
    case 1:
      return Buffer.from(JSON.stringify({ destination: 'U', events: g.value() }));
    case 2:
      return Buffer.from(deep(g.pick([100, 5_000, 100_000])));
    case 3:
      return g.chance(0.5) ? INVALID_UTF8 : Buffer.from('{"events":[{"type":"message","message":{"text":"\\ud800"}}]}');
    case 4:
      return Buffer.from(g.pick(['', 'null', '{"events": [', '{"events":[null]}', '{"events":{}}', '"x"', '[]']));
    default: {
      const events = Array.from({ length: 1 + g.int(3) }, () => g.mutate(g.chance(0.7) ? ev : postback));
      return Buffer.from(JSON.stringify({ destination: 'U', events: g.chance(0.3) ? [ev, ...events] : events }));
    }
  }
}

type Form = Record<string, string | string[]>;
function twilioBody(g: Gen): Form {
  const form: Form = { ...twilioForm(g.pick(['+447700900123', 'whatsapp:+447700900123', '']), 'Is this a scam?') };
  for (let n = g.int(4); n > 0; n--) {
    const key = g.pick(['Body', 'From', 'To', 'MessageSid', 'SmsSid', 'NumMedia', 'MediaUrl0', 'MediaContentType0']);
    switch (g.int(5)) {
      case 0:
        delete form[key];
        break;
      case 1:
        form[key] = [g.string(), g.string()];
        break;
      case 2:
        form[key] = g.pick(['1e9', '-1', 'NaN', '10', '9999999999999999999', '0x10']);
        break;
      default:
        form[key] = g.string().slice(0, 20_000);
    }
  }
  return form;
}

function formText(form: Form): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/xml',
  'application/octet-stream',
  undefined,
];

let h: Harness;
beforeAll(async () => {
  console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  h = await startHarness({
    worker: false,
    env: { CONSOLE_TOKEN, TRY_PAGE_PER_HOUR: '100000', QUEUE_MAX_DEPTH: '100000' },
  });
});
afterAll(async () => {
  await h?.close();
});

interface Shot {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: Buffer | string;
}

async function fire(shot: Shot, failures: string[]): Promise<void> {
  const res = await h.app.inject({ method: shot.method, url: shot.url, headers: shot.headers, payload: shot.payload });
  if (res.statusCode >= 500) {
    const body = typeof shot.payload === 'string' ? shot.payload : shot.payload?.toString('utf8');
    failures.push(
      `${shot.method} ${shot.url} ${res.statusCode}: ${(body ?? '').slice(0, 200)} → ${res.body.slice(0, 200)}`,
    );
  }
}

describe(`every route, fuzzed (seed ${SEED})`, () => {
  it('answers malformed LINE webhooks, signed and unsigned, without a 5xx', async () => {
    const g = new Gen(SEED);
    const failures: string[] = [];
    for (let i = 0; i < 1_500; i++) {
      const body = lineBody(g);
      const signed = g.chance(0.85);
      const headers: Record<string, string> = {
        'content-type': g.chance(0.9) ? 'application/json' : (g.pick(CONTENT_TYPES) ?? ''),
      };
      if (signed) headers['x-line-signature'] = createHmac('sha256', LINE_SECRET).update(body).digest('base64');
      await fire({ method: 'POST', url: '/webhooks/line', headers, payload: body }, failures);
    }
    expect(failures).toEqual([]);
  });

  it('answers malformed Twilio webhooks (SMS and WhatsApp), signed and unsigned, without a 5xx', async () => {
    const g = new Gen(SEED + 1);
    const failures: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      const form = twilioBody(g);
      const headers: Record<string, string> = {
        'content-type': g.chance(0.9) ? 'application/x-www-form-urlencoded' : (g.pick(CONTENT_TYPES) ?? ''),
      };
      if (g.chance(0.85))
        headers['x-twilio-signature'] = twilioSignature(
          `${PUBLIC_BASE_URL}/webhooks/twilio`,
          form as Record<string, string>,
        );
      const payload = g.chance(0.05) ? INVALID_UTF8 : formText(form);
      await fire({ method: 'POST', url: '/webhooks/twilio', headers, payload }, failures);
    }
    expect(failures).toEqual([]);
  });

  it('answers malformed posts to the try page, the console, the API and the other routes without a 5xx', async () => {
    const g = new Gen(SEED + 2);
    const failures: string[] = [];
    const routes: Shot['url'][] = [
      '/',
      '/console/login',
      '/console/logout',
      '/v1/check',
      '/healthz',
      '/readyz',
      '/console',
      '/a/x',
      '/articles',
    ];
    for (let i = 0; i < 1_200; i++) {
      const query = g.chance(0.2) ? `?${new URLSearchParams({ lang: g.string().slice(0, 50) })}` : '';
      const url = g.chance(0.1)
        ? `/a/${new URLSearchParams({ x: g.string().slice(0, 300) }).toString().slice(2)}`
        : g.pick(routes) + query;
      const method = g.chance(0.8) ? 'POST' : 'GET';
      const contentType = g.pick(CONTENT_TYPES);
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      if (g.chance(0.2)) headers.authorization = g.pick([`Bearer ${CONSOLE_TOKEN}`, 'Bearer x', 'Basic', '']);
      if (g.chance(0.2)) headers.cookie = g.string().slice(0, 9_000);
      if (g.chance(0.2)) headers.origin = g.pick(['null', 'http://evil.example', '::', PUBLIC_BASE_URL]);
      let payload: Buffer | string;
      switch (g.int(5)) {
        case 0:
          payload = JSON.stringify(g.value());
          break;
        case 1:
          payload = new URLSearchParams({ text: g.string(), lang: g.string().slice(0, 10) }).toString();
          break;
        case 2:
          payload = `--x\r\nContent-Disposition: form-data; name="${g.string().slice(0, 20)}"\r\n\r\n${g.string()}\r\n${g.chance(0.5) ? '--x--\r\n' : ''}`;
          break;
        case 3:
          payload = g.chance(0.5) ? INVALID_UTF8 : deep(g.pick([10, 5_000]));
          break;
        default:
          payload = new URLSearchParams({ token: g.string().slice(0, 200) }).toString();
      }
      await fire(
        method === 'GET' && g.chance(0.5) ? { method, url, headers } : { method, url, headers, payload },
        failures,
      );
    }
    expect(failures).toEqual([]);
    // Still serving.
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
