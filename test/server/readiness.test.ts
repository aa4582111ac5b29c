// /readyz: within a second, 503 when Redis or the SQLite file cannot be written (and the webhooks refuse
// events with 503 rather than lose them), 200 again once they can; and 503 from the first moment of a
// SIGTERM drain, while requests are still served, before the listener closes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../src/infra/runtime.ts';
import { type Harness, LINE_SECRET, lineTextEvent, SAGAWA_SMS, startHarness } from '../conversation/harness.ts';
import { PrivateRedis, ServerProcess, until } from './processes.ts';

const READY_LIMIT_MS = 1_000;

let h: Harness | undefined;
let redis: PrivateRedis | undefined;
let child: ServerProcess | undefined;
afterEach(async () => {
  await h?.close();
  await redis?.dispose();
  await child?.kill();
  h = undefined;
  redis = undefined;
  child = undefined;
});

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

const readyz = async (app: Harness['app']) => app.inject({ method: 'GET', url: '/readyz' });

describe('readiness', () => {
  it('answers 503 within a second while Redis is stopped, webhooks refuse with 503, and both recover', async () => {
    redis = new PrivateRedis();
    await redis.start();
    h = await startHarness({ env: { REDIS_URL: redis.url } });
    expect((await readyz(h.app)).statusCode).toBe(200);

    await redis.stop();
    const down = await timed(() => readyz(h!.app));
    expect(down.value.statusCode).toBe(503);
    expect(down.value.json()).toMatchObject({ ok: false });
    expect(down.ms).toBeLessThan(READY_LIMIT_MS);
    const ev = lineTextEvent('Ureadiness000000000000000000000001', SAGAWA_SMS);
    const refused = await timed(() => h!.postLine([ev]));
    expect(refused.value.status).toBe(503);
    expect(refused.ms).toBeLessThan(2_500);

    await redis.start();
    await until(async () => (await readyz(h!.app)).statusCode === 200, 'ready again after Redis is back', 20_000);
    // LINE delivers the refused event again: now it is kept and answered, once.
    await until(async () => (await h!.postLine([ev])).status === 200, 'the redelivery to be accepted', 10_000);
    await h.until(() => h!.line.answers().length === 1, 'the answer');
    await h.settle();
    expect(h.line.answers()).toHaveLength(1);
  }, 60_000);

  it('answers 503 within a second while the SQLite file cannot be written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-ready-'));
    const file = path.join(dir, SQLITE_FILE);
    h = await startHarness({ runtime: { sqliteFile: file } });
    expect((await readyz(h.app)).statusCode).toBe(200);
    // Another process holds the write lock (a stuck backup, a long migration): our writes would wait.
    const other = new Database(file);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const locked = await timed(() => readyz(h!.app));
      expect(locked.value.statusCode).toBe(503);
      expect(locked.ms).toBeLessThan(READY_LIMIT_MS + 200);
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    await until(async () => (await readyz(h!.app)).statusCode === 200, 'ready again once the lock is gone', 10_000);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('answers 503 from the first moment of a SIGTERM drain, still serves requests, then closes', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-drain-'));
    child = new ServerProcess({
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      LINE_CHANNEL_SECRET: LINE_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: 'test-access-token',
      LINE_API_BASE_URL: 'http://127.0.0.1:9',
      SHUTDOWN_DRAIN_MS: '1500',
    });
    const address = await child.start();
    expect((await fetch(`${address}/readyz`)).status).toBe(200);
    process.kill(child.pid!, 'SIGTERM');
    const signalled = performance.now();
    const seen: { at: number; status: number }[] = [];
    while (performance.now() - signalled < 1_000) {
      const r = await fetch(`${address}/readyz`);
      seen.push({ at: performance.now() - signalled, status: r.status });
    }
    const first503 = seen.findIndex((s) => s.status === 503);
    // Not ready at once (the signal is handled on the next turn of the server's event loop) and from then on.
    expect(first503).toBeGreaterThanOrEqual(0);
    expect(seen[first503]!.at).toBeLessThan(250);
    expect(seen.slice(first503).every((s) => s.status === 503)).toBe(true);
    // Still serving during the drain: a load balancer sees "not ready", not a refused connection.
    expect((await fetch(`${address}/healthz`)).status).toBe(200);
    expect(await child.exited()).toBe(0);
    expect(performance.now() - signalled).toBeGreaterThanOrEqual(1_500);
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
