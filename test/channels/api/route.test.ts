import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.ts';
import { NOTHING_TO_CHECK } from '../../../src/channels/api/route.ts';
import { loadConfig } from '../../../src/config.ts';
import { createConsultant, type LocalConsultant } from '../../../src/consult/consultant.ts';

let app: FastifyInstance;
let consultant: LocalConsultant;

beforeAll(async () => {
  const config = loadConfig({ DATA_DIR: '/nonexistent-anshin-api-test', LOG_LEVEL: 'silent' });
  consultant = await createConsultant({ config });
  app = await buildApp({ config, consultant });
});
afterAll(async () => {
  await app.close();
  consultant.close();
});

const post = (payload: string | object, contentType = 'application/json') =>
  app.inject({ method: 'POST', url: '/v1/check', payload, headers: { 'content-type': contentType } });

describe('POST /v1/check', () => {
  it.each([
    ['{}', {}],
    ['only a lang', { lang: 'ja' }],
    ['empty text', { text: '' }],
    ['blank text', { text: ' \n ' }],
    ['no images', { images: [] }],
  ])('%s → 400 asking for text or an image', async (_name, payload) => {
    const r = await post(payload);
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ error: NOTHING_TO_CHECK });
  });

  it('returns the Verdict for a message', async () => {
    const r = await post({
      text: '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました http://sagawa-xx.top/',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ level: 'danger', scamType: 'delivery_sms', judgedBy: 'local' });
  });

  it('honours lang', async () => {
    const r = await post({ text: '還付金があります。ATMで手続きしてください。', lang: 'en' });
    expect(r.json()).toMatchObject({ level: 'danger', lang: 'en' });
  });

  it.each([
    ['invalid JSON', '{"text": oops', 'application/json'],
    ['an array', '[1,2]', 'application/json'],
    ['text missing', '{"lang":"ja"}', 'application/json'],
    ['text not a string', '{"text":42}', 'application/json'],
    ['bad lang', '{"text":"x","lang":"fr"}', 'application/json'],
  ])('%s → 400 with a clear message', async (_name, payload, type) => {
    const r = await post(payload, type);
    expect(r.statusCode).toBe(400);
    expect(typeof r.json().error).toBe('string');
    expect(r.json().error.length).toBeGreaterThan(5);
  });

  it('a body over the limit → 413', async () => {
    const r = await post({ text: 'あ'.repeat(300_000) });
    expect(r.statusCode).toBe(413);
  });

  it('a non-JSON body is refused with a hint to send JSON', async () => {
    const r = await post('text=hello', 'text/plain');
    expect([400, 415]).toContain(r.statusCode);
    expect(r.json().error).toMatch(/JSON/);
  });

  it('binary garbage inside valid JSON is judged, not a crash', async () => {
    const r = await post({ text: '\u0000\u0007\ufffd'.repeat(500) });
    expect(r.statusCode).toBe(200);
    expect(r.json().level).toBe('unknown');
  });

  it('GET /healthz', async () => {
    const r = await app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
  });
});
