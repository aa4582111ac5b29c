// Ingest and delivery, side by side in one run (`npm run bench -- --only ingest`):
//  1. bench/load.ts against the signed LINE webhook (web role, embedded SQLite queue) and against a bare Fastify
//     route that only checks the same signature over the raw body, same requests and settings: req/s of
//     both, their ratio (target ≥ 0.5) and the webhook's p99 ack at 32 connections (target ≤ 20 ms).
//  2. webhook → answer at a fake LINE server, lone text, local judge, role all: p95 with the burst window
//     (target ≤ 300 ms), and again with no window, so the window's share shows on its own.
//  3. the cost of one accepted event (the queue insert that is its claim, group-committed as under load) with
//     10,000 and with 1,000,000 events already stored: LINE event ids (ULIDs, time-ordered) and Twilio
//     MessageSids (random); target: the 1M cost within TARGETS.flatRatio of the 10k cost. Also the bytes the
//     write adds to the WAL per event.
import { spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../src/app.ts';
import { createOutboxes } from '../src/channels/clients.ts';
import { loadConfig } from '../src/config.ts';
import { createConsultant, type LocalConsultant } from '../src/consult/consultant.ts';
import { BURST_TEXT_WINDOW_MS, type BurstWindows } from '../src/conversation/burst.ts';
import { startWorker } from '../src/conversation/runner.ts';
import type { ChannelJob } from '../src/conversation/types.ts';
import { silentLog } from '../src/infra/log.ts';
import { EmbeddedQueue } from '../src/infra/queue/embedded.ts';
import { freshestFirst } from '../src/infra/queue/queue.ts';
import { openRuntime } from '../src/infra/runtime.ts';
import { SqliteStore } from '../src/infra/store/sqlite.ts';
import { load, post } from './load.ts';

const CONNECTIONS = 32;
const WARMUP_S = 1;
const DURATION_S = 5;
const ANSWER_SAMPLES = 60;
const STORED_SIZES = [10_000, 1_000_000] as const;
const EVENTS_PER_MEASURE = 20_000;
const REPEATS = 5;
const SECRET = 'bench-line-secret';
const TEXT =
  '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xx.top/';

export const TARGETS = {
  webhookToBaselineRatio: 0.5,
  ackP99Ms: 20,
  answerP95Ms: 300,
  flatRatio: 1.3,
} as const;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** LINE's webhookEventId is a ULID: 10 characters of milliseconds, then 16 random ones. */
export function ulid(ms = Date.now()): string {
  let time = '';
  for (let x = ms, i = 0; i < 10; i++, x = Math.floor(x / 32)) time = CROCKFORD[x % 32]! + time;
  const r = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[r[i]! % 32];
  return time + rand;
}

function lineBody(userId: string, text: string): string {
  return JSON.stringify({
    destination: 'Ubench',
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        source: { type: 'user', userId },
        webhookEventId: ulid(),
        deliveryContext: { isRedelivery: false },
        replyToken: randomUUID().replace(/-/g, ''),
        message: { id: String(Date.now()), type: 'text', quoteToken: 'q', text },
      },
    ],
  });
}
const sign = (body: string) => createHmac('sha256', SECRET).update(body).digest('base64');

/** Requests prepared before the runs (enough for a warm-up and a run at well over 20,000 req/s). */
const PREPARED_REQUESTS = 250_000;

/**
 * Signed LINE webhook requests, each with a new event (a repeated one would be refused as a duplicate, which
 * costs less): made before the runs, so that during them the load generator only writes bytes.
 */
function preparedRequests(host: string): Buffer[] {
  return Array.from({ length: PREPARED_REQUESTS }, (_, i) => {
    const body = lineBody(`Ubench${i.toString(16).padStart(8, '0')}`, TEXT);
    return post('/webhooks/line', host, body, { 'content-type': 'application/json', 'x-line-signature': sign(body) });
  });
}

interface Pool {
  next: () => Buffer;
  used: () => number;
}

function pool(requests: Buffer[]): Pool {
  let i = 0;
  return { next: () => requests[i++ % requests.length]!, used: () => i };
}

async function startServers(): Promise<{ urls: { baseline: string; webhook: string }; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/channels-server.ts', SECRET], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const urls = await new Promise<{ baseline: string; webhook: string }>((resolve, reject) => {
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

/** One run against `url`, taking requests from `from` in turn; with the server process's CPU time per request. */
async function run(servers: { baseline: string }, url: string, durationS: number, from: Pool) {
  const cpu = async () => ((await (await fetch(`${servers.baseline}/cpu`)).json()) as { us: number }).us;
  const before = await cpu();
  const r = await load(url, { connections: CONNECTIONS, durationMs: durationS * 1000, next: from.next });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url} answered ${r.non2xx} non-2xx and had ${r.errors} errors`);
  return { r, cpuUsPerRequest: Math.round(((await cpu()) - before) / r.requests) };
}

export async function ackBench() {
  const { urls, stop } = await startServers();
  try {
    const requests = preparedRequests(new URL(urls.webhook).host);
    // The baseline may see a request again; the webhook must not (a duplicate is cheaper to refuse).
    const baselinePool = pool(requests);
    const webhookPool = pool(requests);
    await run(urls, urls.baseline, WARMUP_S, baselinePool);
    await run(urls, urls.webhook, WARMUP_S, webhookPool);
    const { r: baseline, cpuUsPerRequest: baselineCpu } = await run(urls, urls.baseline, DURATION_S, baselinePool);
    const { r: webhook, cpuUsPerRequest: webhookCpu } = await run(urls, urls.webhook, DURATION_S, webhookPool);
    if (webhookPool.used() > requests.length) throw new Error('the webhook runs used more requests than were prepared');
    return {
      baseline_req_per_s: Math.round(baseline.reqPerSecond),
      webhook_req_per_s: Math.round(webhook.reqPerSecond),
      webhook_to_baseline_ratio: Math.round((webhook.reqPerSecond / baseline.reqPerSecond) * 100) / 100,
      baseline_ack_p99_ms: baseline.p99Ms,
      webhook_ack_p50_ms: webhook.p50Ms,
      webhook_ack_p99_ms: webhook.p99Ms,
      baseline_server_cpu_us_per_request: baselineCpu,
      webhook_server_cpu_us_per_request: webhookCpu,
    };
  } finally {
    await stop();
  }
}

const percentile = (sorted: number[], p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);

async function answerBench(consultant: LocalConsultant, windows: BurstWindows | undefined) {
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
  const runtime = await openRuntime<ChannelJob>(config);
  await startWorker({
    runtime,
    consultant,
    outboxes: createOutboxes(config, runtime),
    log: silentLog,
    contextTtlMs: 60_000,
    rateLimitPerHour: config.RATE_LIMIT_PER_HOUR,
    concurrency: config.WORKER_CONCURRENCY,
    ...(windows ? { burstWindows: windows } : {}),
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
      while (!arrivals.has(token) && performance.now() < limit) await new Promise((r) => setTimeout(r, 1));
      const at = arrivals.get(token);
      if (at === undefined) throw new Error('no answer within 10 s');
      times.push(at - sent);
    }
  } finally {
    await app.close();
    await runtime.close();
    await new Promise<void>((r) => fake.close(() => r()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

type IdKind = 'line' | 'twilio';
const newEventId = (kind: IdKind) =>
  kind === 'line' ? `line-${ulid()}` : `twilio-SM${randomBytes(16).toString('hex')}`;

/** A file holding `stored` finished events (claims), as after a busy day or two, checkpointed. */
async function storedFile(kind: IdKind, stored: number): Promise<{ file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-bench-stored-'));
  const file = path.join(dir, 'anshin.sqlite');
  const store = new SqliteStore({ file });
  await new EmbeddedQueue(store).close();
  await store.close();
  const db = new Database(file);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const now = Date.now();
  // Past events: LINE ids ordered by time (older than any new ULID), Twilio ids random.
  const id =
    kind === 'line'
      ? `'line-01' || printf('%012d', x) || hex(randomblob(6))`
      : `'twilio-SM' || lower(hex(randomblob(16)))`;
  db.prepare(
    `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?)
     INSERT INTO jobs (id, data, run_at, max_attempts, priority, kept_until) SELECT ${id}, '', ?, 4, 0, ? FROM c`,
  ).run(stored, now, now + 86_400_000);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { file, dir };
}

/** µs per accepted event: EVENTS_PER_MEASURE adds, CONNECTIONS at a time, as concurrent webhooks make them. */
async function costPerEvent(queue: EmbeddedQueue<ChannelJob>, kind: IdKind, events: number): Promise<number> {
  const data: ChannelJob = {
    kind: 'turn',
    parts: [{ text: TEXT }],
    seq: 0,
    person: randomBytes(16).toString('hex'),
    lang: 'ja',
    target: {
      channel: 'line',
      userId: `U${randomBytes(16).toString('hex')}`,
      replyToken: 'r'.repeat(32),
      sentAt: Date.now(),
    },
    acceptedAt: Date.now(),
  };
  let left = events;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (left-- > 0) await queue.add(newEventId(kind), data, { priority: freshestFirst(Date.now()) });
    }),
  );
  return ((performance.now() - started) * 1000) / events;
}

async function storedBench(kind: IdKind) {
  const files = await Promise.all(STORED_SIZES.map((n) => storedFile(kind, n)));
  const opened = files.map(({ file }) => {
    const store = new SqliteStore({ file });
    return { store, queue: new EmbeddedQueue<ChannelJob>(store) };
  });
  const costs: number[][] = STORED_SIZES.map(() => []);
  try {
    for (const o of opened) await costPerEvent(o.queue, kind, 2_000);
    // Interleaved, so a noisy moment on the machine does not land on one size only.
    for (let r = 0; r < REPEATS; r++) {
      for (const [i, o] of opened.entries()) costs[i]!.push(await costPerEvent(o.queue, kind, EVENTS_PER_MEASURE));
    }
  } finally {
    for (const o of opened) {
      await o.queue.close();
      await o.store.close();
    }
    for (const f of files) fs.rmSync(f.dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [small, large] = costs.map(median) as [number, number];
  return {
    small: Math.round(small * 10) / 10,
    large: Math.round(large * 10) / 10,
    ratio: Math.round((large / small) * 100) / 100,
    walBytesPerEvent: await walBytesPerEvent(kind),
  };
}

/** What the webhook's write adds to the WAL per event, with 1M stored and no checkpoint meanwhile. */
async function walBytesPerEvent(kind: IdKind): Promise<number> {
  const { file, dir } = await storedFile(kind, STORED_SIZES[1]);
  const store = new SqliteStore({ file, checkpointIntervalMs: 3_600_000 });
  const queue = new EmbeddedQueue<ChannelJob>(store);
  try {
    const wal = () => fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    const before = wal();
    await costPerEvent(queue, kind, EVENTS_PER_MEASURE);
    return Math.round((wal() - before) / EVENTS_PER_MEASURE);
  } finally {
    await queue.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchIngest(): Promise<Record<string, number | string | string[]>> {
  const ack = await ackBench();
  const consultant = await createConsultant({
    config: loadConfig({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-bench-consult-')) }),
  });
  const answer = await answerBench(consultant, undefined);
  const noWindow = await answerBench(consultant, { textMs: 0, imageMs: 0 });
  consultant.close();
  const line = await storedBench('line');
  const twilio = await storedBench('twilio');

  const missed: string[] = [];
  if (ack.webhook_to_baseline_ratio < TARGETS.webhookToBaselineRatio) {
    missed.push(`webhook/baseline ${ack.webhook_to_baseline_ratio} < ${TARGETS.webhookToBaselineRatio}`);
  }
  if (ack.webhook_ack_p99_ms > TARGETS.ackP99Ms)
    missed.push(`ack p99 ${ack.webhook_ack_p99_ms} ms > ${TARGETS.ackP99Ms}`);
  if (answer.p95 > TARGETS.answerP95Ms) missed.push(`answer p95 ${answer.p95} ms > ${TARGETS.answerP95Ms}`);
  for (const [name, r] of [
    ['LINE', line],
    ['Twilio', twilio],
  ] as const) {
    if (r.ratio > TARGETS.flatRatio) missed.push(`${name} cost at 1M / 10k stored ${r.ratio} > ${TARGETS.flatRatio}`);
  }
  return {
    settings: `${CONNECTIONS} connections, ${DURATION_S} s each after ${WARMUP_S} s warm-up`,
    ...ack,
    ratio_target: `>= ${TARGETS.webhookToBaselineRatio}`,
    ack_p99_target_ms: `<= ${TARGETS.ackP99Ms}`,
    answer_samples: ANSWER_SAMPLES,
    answer_p50_ms: answer.p50,
    answer_p95_ms: answer.p95,
    answer_p95_target_ms: `<= ${TARGETS.answerP95Ms}`,
    burst_text_window_ms: BURST_TEXT_WINDOW_MS,
    answer_without_window_p50_ms: noWindow.p50,
    answer_without_window_p95_ms: noWindow.p95,
    line_event_us_at_10k_stored: line.small,
    line_event_us_at_1m_stored: line.large,
    line_1m_to_10k_ratio: line.ratio,
    twilio_event_us_at_10k_stored: twilio.small,
    twilio_event_us_at_1m_stored: twilio.large,
    twilio_1m_to_10k_ratio: twilio.ratio,
    line_wal_bytes_per_event: line.walBytesPerEvent,
    twilio_wal_bytes_per_event: twilio.walBytesPerEvent,
    flat_target: `1M / 10k <= ${TARGETS.flatRatio}`,
    missed,
  };
}
