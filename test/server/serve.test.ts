// `anshin serve` end to end over real HTTP: start-up lines, health, readiness, metrics, a channel that is off,
// and a signed LINE webhook answered at a fake LINE server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.ts';
import { serveCommand } from '../../src/server.ts';
import { FakeLine } from '../channels/line/fake-line.ts';
import { LINE_SECRET, lineSignature, lineTextEvent, SAGAWA_SMS, until } from '../conversation/harness.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function io(env: Record<string, string>) {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return { io: { stdin: new PassThrough(), stdout: new PassThrough(), stderr, env }, err: () => err };
}

describe('anshin serve', () => {
  it('serves webhooks, health, readiness and metrics, says which channels are off, and stops cleanly', async () => {
    const line = await new FakeLine().start();
    cleanups.push(() => line.stop());
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-serve-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const { io: cmdIo, err } = io({
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      LINE_CHANNEL_SECRET: LINE_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: 'test-access-token',
      LINE_API_BASE_URL: line.url,
      LINE_DATA_API_BASE_URL: line.url,
      OFFERS_FILE: path.resolve('knowledge/offers.example.yaml'),
    });
    const stop = new AbortController();
    let address = '';
    const done = serveCommand(['--port', '0'], cmdIo, { signal: stop.signal, onListening: (a) => (address = a) });
    await until(() => address !== '', 'the server to listen', 30_000);

    expect(err()).toContain('LINE: on');
    expect(err()).toMatch(/Twilio SMS\/WhatsApp: off \(set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, PUBLIC_BASE_URL/);
    expect(
      err()
        .split('\n')
        .filter((l) => l.startsWith('Twilio')).length,
    ).toBe(1);
    expect(err()).toContain('offers: 1');

    expect((await fetch(`${address}/healthz`)).status).toBe(200);
    const ready = await fetch(`${address}/readyz`);
    expect(await ready.json()).toEqual({ ok: true, store: 'sqlite', queue: 'embedded' });
    expect((await fetch(`${address}/webhooks/twilio`, { method: 'POST' })).status).toBe(404);

    const body = JSON.stringify({ destination: 'U0', events: [lineTextEvent('Userve', SAGAWA_SMS)] });
    const res = await fetch(`${address}/webhooks/line`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': lineSignature(body) },
      body,
    });
    expect(res.status).toBe(200);
    await until(() => line.answers().length === 1, 'the answer');

    const check = await fetch(`${address}/v1/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: SAGAWA_SMS }),
    });
    expect(((await check.json()) as { level: string }).level).toBe('danger');

    const metrics = await (await fetch(`${address}/metrics`)).text();
    expect(metrics).toContain('anshin_webhook_events_total{channel="line",outcome="accepted"} 1');
    expect(metrics).toContain('# TYPE anshin_answer_seconds histogram');
    expect(metrics).toMatch(/anshin_queue_jobs\{state="waiting"\} \d/);

    stop.abort();
    expect(await done).toBe(0);
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
  });

  it('refuses an unknown role', async () => {
    const { io: cmdIo } = io({ LOG_LEVEL: 'silent' });
    await expect(serveCommand(['--role', 'boss'], cmdIo)).rejects.toThrow(UsageError);
  });
});
