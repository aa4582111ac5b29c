// Pictures through the CLI (`anshin check --image`) and POST /v1/check (base64 JSON and multipart).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createConsultant, type LocalConsultant } from '../../src/consult/consultant.ts';
import { runCli } from '../helpers/run-cli.ts';
import { textFile } from './helpers/bad-inputs.ts';
import { CASES } from './helpers/messages.ts';
import { renderScreenshot } from './helpers/render.ts';

const ENV = { DATA_DIR: '/nonexistent-anshin-image-entry-test', LOG_LEVEL: 'silent' };
let dir: string;
let scamPng: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'anshin-image-'));
  scamPng = await renderScreenshot({ sender: CASES[0]!.sender, message: CASES[0]!.message });
  writeFileSync(path.join(dir, 'scam.png'), scamPng);
  writeFileSync(path.join(dir, 'not-a-picture.png'), textFile());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[]) => runCli(argv, ENV);

describe('anshin check --image', () => {
  it('judges a screenshot and prints what was read', async () => {
    const r = await run(['check', '--image', path.join(dir, 'scam.png')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^⛔ 危険/);
    expect(r.out).toContain('画像から読み取った内容: 『');
    expect(r.out).toContain('sagawa-xx[.]top');
  });

  it('--json carries readFromImages', async () => {
    const r = await run(['check', '--image', path.join(dir, 'scam.png'), '--json']);
    const v = JSON.parse(r.out);
    expect(v).toMatchObject({ level: 'danger', readFromImages: { legible: true, qrUrls: [] } });
  });

  it('answers a file that is no picture with a clear sentence', async () => {
    const r = await run(['check', '--image', path.join(dir, 'not-a-picture.png')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('画像として開けないファイルでした');
  });

  it('a missing file exits 1 and says which file (README: missing files exit 1)', async () => {
    const missing = path.join(dir, 'missing.png');
    const r = await run(['check', '--image', missing]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cannot read image ${missing}: no such file`);
    expect(r.out).toBe('');
  });

  it('a folder given as --image exits 1 too', async () => {
    const r = await run(['check', '--image', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('it is a folder');
  });
});

describe('POST /v1/check with pictures', () => {
  let app: FastifyInstance;
  let consultant: LocalConsultant;
  beforeAll(async () => {
    const config = loadConfig(ENV);
    consultant = await createConsultant({ config });
    app = await buildApp({ config, consultant });
  });
  afterAll(async () => {
    await app.close();
    await consultant.close();
  });

  it('accepts base64 images in JSON, as data URLs or bare', async () => {
    for (const image of [`data:image/png;base64,${scamPng.toString('base64')}`, scamPng.toString('base64')]) {
      const r = await app.inject({ method: 'POST', url: '/v1/check', payload: { images: [image] } });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ level: 'danger', readFromImages: { legible: true } });
    }
  });

  it('accepts multipart/form-data with text and an image file', async () => {
    const boundary = 'anshin-test-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\nこれ詐欺？\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="s.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      scamPng,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const r = await app.inject({
      method: 'POST',
      url: '/v1/check',
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ level: 'danger', readFromImages: { legible: true } });
  });

  it('refuses images that are not base64, and a request with neither text nor image', async () => {
    const bad = await app.inject({ method: 'POST', url: '/v1/check', payload: { images: ['not base64!'] } });
    expect(bad.statusCode).toBe(400);
    const empty = await app.inject({ method: 'POST', url: '/v1/check', payload: { images: [] } });
    expect(empty.statusCode).toBe(400);
  });
});
