// Distributed mode: Redis store + BullMQ, web and worker in different processes.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxes } from '../../src/channels/clients.ts';
import { startWorker } from '../../src/conversation/runner.ts';
import type { ChannelJob } from '../../src/conversation/types.ts';
import { silentLog } from '../../src/infra/log.ts';
import { openRuntime, type Runtime } from '../../src/infra/runtime.ts';
import {
  type Harness,
  lineTextEvent,
  realConsultant,
  SAGAWA_SMS,
  startHarness,
  until,
} from '../conversation/harness.ts';

let h: Harness | undefined;
let child: ChildProcess | undefined;
let extra: Runtime<ChannelJob> | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await extra?.close();
  await h?.close();
  h = undefined;
  child = undefined;
  extra = undefined;
});

const USER = 'Uredis0000000000000000000000000001';
const LOCK_MS = 1_500;

describe('Redis mode', () => {
  it('runs a whole LINE conversation on Redis and BullMQ, once per event', async () => {
    h = await startHarness({ redis: true });
    expect(h.runtime.store.kind).toBe('redis');
    expect(h.runtime.queue.kind).toBe('bullmq');
    const ev = lineTextEvent(USER, SAGAWA_SMS);
    await Promise.all([
      h.postLine([ev]),
      h.postLine([ev]),
      h.postLine([{ ...ev, deliveryContext: { isRedelivery: true } }]),
    ]);
    await h.until(() => h!.line.answers().length >= 1, 'the answer');
    await h.settle();
    expect(h.line.answers()).toHaveLength(1);
    expect(h.line.answers()[0]!.body.messages[0].altText).toMatch(/^【危険】/);
  });

  it('finishes the job of a worker killed mid-job in another worker, with one answer', async () => {
    h = await startHarness({ redis: true, worker: false, runtime: { bull: { backoffBaseMs: 50 } } });
    const env = {
      DATA_DIR: h.dataDir,
      LOG_LEVEL: 'silent',
      REDIS_URL: h.config.REDIS_URL!,
      LINE_CHANNEL_SECRET: 'x',
      LINE_CHANNEL_ACCESS_TOKEN: 'test-access-token',
      LINE_API_BASE_URL: h.line.url,
      LINE_DATA_API_BASE_URL: h.line.url,
    };
    const out: string[] = [];
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/server/fixtures/dying-worker.ts',
        JSON.stringify({ env, redisPrefix: h.prefixes.redis, bullPrefix: h.prefixes.bull, lockDurationMs: LOCK_MS }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
    await until(() => out.join('').includes('worker-ready'), 'the worker process', 30_000);

    await h.postLine([lineTextEvent(USER, SAGAWA_SMS)]);
    await until(() => out.join('').includes('job-started'), 'the job to start in the doomed worker');
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));

    // A second worker (same ID key through DATA_DIR, same prefixes) picks the job up once its lock runs out.
    extra = await openRuntime<ChannelJob>(h.config, {
      redisPrefix: h.prefixes.redis,
      bullPrefix: h.prefixes.bull,
      bull: { lockDurationMs: LOCK_MS, stalledIntervalMs: 500 },
    });
    await startWorker({
      runtime: extra,
      consultant: await realConsultant(),
      outboxes: createOutboxes(h.config, extra),
      log: silentLog,
      contextTtlMs: 60_000,
      rateLimitPerHour: 30,
    });
    await until(() => h!.line.answers().length >= 1, 'the answer from the second worker', 30_000);
    await h.settle();
    expect(h.line.answers()).toHaveLength(1);
    expect(h.line.answers()[0]!.body.messages[0].altText).toMatch(/^【危険】/);
  });
});
