// Channel speed, side by side in one run:
//  1. autocannon against the signed LINE webhook (web role, embedded queue) and against a bare Fastify
//     hello-world, same settings: req/s of both, their ratio (target ≥ 0.5) and the webhook's p99 ack (≤ 50 ms).
//  2. webhook → answer at a fake LINE server, text message, local judge, role all: p95 (target ≤ 1.5 s).
import { spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildApp, createOutboxes } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createConsultant } from '../src/consult/consultant.ts';
import { startWorker } from '../src/conversation/runner.ts';
import type { ChannelJob } from '../src/conversation/types.ts';
import { silentLog } from '../src/infra/log.ts';
import { openRuntime } from '../src/infra/runtime.ts';

const CONNECTIONS = 20;
const DURATION_S = 5;
const ANSWER_SAMPLES = 40;
const SECRET = 'bench-line-secret';
const TEXT =
  '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xx.top/';

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function lineBody(userId: string, text: string): string {
  return JSON.stringify({
    destination: 'Ubench',
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        source: { type: 'user', userId },
        webhookEventId: randomUUID().replace(/-/g, ''),
        deliveryContext: { isRedelivery: false },
        replyToken: randomUUID(),
        message: { id: randomUUID(), type: 'text', quoteToken: 'q', text },
      },
    ],
  });
}
const sign = (body: string) => createHmac('sha256', SECRET).update(body).digest('base64');

async function startServers(): Promise<{ urls: { hello: string; webhook: string }; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/channels-server.ts', SECRET], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const urls = await new Promise<{ hello: string; webhook: string }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    urls,
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

async function ackBench(): Promise<Record<string, number>> {
  const { urls, stop } = await startServers();
  try {
    const hello = await autocannon({ url: urls.hello, connections: CONNECTIONS, duration: DURATION_S });
    const webhook = await autocannon({
      url: urls.webhook,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          path: '/webhooks/line',
          setupRequest: (req) => {
            const body = lineBody(`Ubench${randomUUID().slice(0, 8)}`, TEXT);
            return { ...req, body, headers: { 'content-type': 'application/json', 'x-line-signature': sign(body) } };
          },
        },
      ],
    });
    if (webhook.non2xx > 0 || webhook.errors > 0) {
      throw new Error(`webhook answered ${webhook.non2xx} non-2xx and ${webhook.errors} errors`);
    }
    return {
      hello_req_per_s: Math.round(hello.requests.average),
      webhook_req_per_s: Math.round(webhook.requests.average),
      webhook_to_hello_ratio: Math.round((webhook.requests.average / hello.requests.average) * 100) / 100,
      webhook_ack_p50_ms: webhook.latency.p50,
      webhook_ack_p99_ms: webhook.latency.p99,
    };
  } finally {
    await stop();
  }
}

async function answerBench(): Promise<Record<string, number>> {
  const arrivals = new Map<string, number>();
  const fake = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => {
      raw += d.toString();
    });
    req.on('end', () => {
      if (req.url === '/v2/bot/message/reply') arrivals.set(JSON.parse(raw).replyToken as string, performance.now());
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  const lineUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-bench-answer-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LINE_CHANNEL_SECRET: SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: 'bench-token',
    LINE_API_BASE_URL: lineUrl,
    LINE_DATA_API_BASE_URL: lineUrl,
    RATE_LIMIT_PER_HOUR: '100000',
  });
  const consultant = await createConsultant({ config });
  const runtime = await openRuntime<ChannelJob>(config);
  await startWorker({
    runtime,
    consultant,
    outboxes: createOutboxes(config, runtime),
    log: silentLog,
    contextTtlMs: 60_000,
    rateLimitPerHour: config.RATE_LIMIT_PER_HOUR,
  });
  const app = await buildApp({ config, consultant, runtime });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const times: number[] = [];
  try {
    for (let i = 0; i < ANSWER_SAMPLES; i++) {
      const body = lineBody(`Uanswer${i}`, `${TEXT} ${i}`);
      const token = (JSON.parse(body).events[0] as { replyToken: string }).replyToken;
      const sent = performance.now();
      const res = await fetch(`${url}/webhooks/line`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': sign(body) },
        body,
      });
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      const limit = sent + 10_000;
      while (!arrivals.has(token) && performance.now() < limit) await new Promise((r) => setTimeout(r, 2));
      const at = arrivals.get(token);
      if (at === undefined) throw new Error('no answer within 10 s');
      times.push(at - sent);
    }
  } finally {
    await app.close();
    await runtime.close();
    consultant.close();
    await new Promise<void>((r) => fake.close(() => r()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!);
  return { answer_samples: times.length, answer_p50_ms: pct(50), answer_p95_ms: pct(95) };
}

export async function benchChannels(): Promise<Record<string, number | string>> {
  const ack = await ackBench();
  const answer = await answerBench();
  return {
    settings: `${CONNECTIONS} connections, ${DURATION_S} s each`,
    ...ack,
    ratio_target: '>= 0.5',
    ack_p99_target_ms: 50,
    ...answer,
    answer_p95_target_ms: 1500,
  };
}
