// Weekly tips at scale: compose the week's tip and deliver it to 100,000 LINE subscribers (embedded SQLite
// store, as `anshin tips send` runs it) through a fake LINE multicast server on 127.0.0.1.
// Targets: ≤ 60 s, memory flat (subscribers are walked a page at a time, never all loaded).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LineMulticaster } from '../src/channels/line/multicast.ts';
import { loadConfig } from '../src/config.ts';
import { subscribe } from '../src/conversation/person.ts';
import { PersonIds } from '../src/infra/ids.ts';
import { silentLog } from '../src/infra/log.ts';
import { SqliteStore } from '../src/infra/store/sqlite.ts';
import { createTipsService } from '../src/tips/service.ts';
import { FAKE_LINE_TOKEN, FakeLineMulticast } from '../test/channels/line/fake-line-multicast.ts';

const SUBSCRIBERS = 100_000;
const SEED_CHUNK = 2_000;
const RSS_SAMPLE_MS = 25;
const WEEK = '2026-W48';
const MB = 1024 * 1024;

export async function benchTips(): Promise<Record<string, number | string>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-bench-tips-'));
  const line = await new FakeLineMulticast().start();
  line.countOnly = true;
  const store = new SqliteStore({ file: path.join(dataDir, 'anshin.sqlite') });
  try {
    const ids = new PersonIds(Buffer.from('bench-tips-id-hash-key-0123456789'));
    const seedStart = performance.now();
    for (let i = 0; i < SUBSCRIBERS; i += SEED_CHUNK) {
      const chunk = Array.from({ length: Math.min(SEED_CHUNK, SUBSCRIBERS - i) }, (_, j) => {
        const n = i + j;
        return {
          userId: `U${n.toString(16).padStart(32, '0')}`,
          lang: n % 10 === 0 ? ('en' as const) : ('ja' as const),
        };
      });
      await Promise.all(
        chunk.map((s) =>
          subscribe(store, ids, ids.person('line', s.userId), { channel: 'line', userId: s.userId, sentAt: 0 }, s.lang),
        ),
      );
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const config = loadConfig({
      DATA_DIR: dataDir,
      PUBLIC_BASE_URL: 'https://anshin.example.com',
      LOG_LEVEL: 'silent',
    });
    const service = createTipsService({
      config,
      store,
      ids,
      log: silentLog,
      polisher: null,
      offers: [],
      senders: { line: new LineMulticaster({ channelAccessToken: FAKE_LINE_TOKEN, apiBaseUrl: line.url }) },
    });

    globalThis.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, RSS_SAMPLE_MS);
    const started = performance.now();
    const report = await service.sendWeek(WEEK);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);

    if (report.status !== 'sent' || line.recipients !== SUBSCRIBERS) {
      throw new Error(`expected ${SUBSCRIBERS} recipients, the fake LINE got ${line.recipients} (${report.status})`);
    }
    return {
      subscribers: SUBSCRIBERS,
      'seed seconds (not timed)': Number(seedSeconds.toFixed(1)),
      'compose + deliver seconds (target ≤ 60)': Number(seconds.toFixed(2)),
      'multicast batches': report.line.batches,
      'recipients received': line.recipients,
      'peak RSS MB': Math.round(rssPeak / MB),
      'RSS growth MB': Math.round((rssPeak - rssBefore) / MB),
    };
  } finally {
    await store.close();
    await line.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of Object.entries(await benchTips())) process.stdout.write(`  ${k}: ${v}\n`);
}
