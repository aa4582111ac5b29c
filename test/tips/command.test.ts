// `anshin tips` on real SQLite files: a send run twice sends once; a send killed mid-delivery and started
// again reaches everyone exactly once; `tips send` while `serve` runs on the same data sends once between
// them; preview prints exactly what is sent; trends prints the week's counts.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { subscribe } from '../../src/conversation/person.ts';
import type { Lang } from '../../src/domain.ts';
import { loadIdHashKey, PersonIds } from '../../src/infra/ids.ts';
import { SQLITE_FILE } from '../../src/infra/runtime.ts';
import { keys } from '../../src/infra/store/keys.ts';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';
import { serveCommand } from '../../src/server.ts';
import { recordConsultation } from '../../src/stats/trends.ts';
import { isoWeekOf } from '../../src/stats/week.ts';
import { runTipsCommand } from '../../src/tips/command.ts';
import { FAKE_LINE_TOKEN, FakeLineMulticast } from '../channels/line/fake-line-multicast.ts';
import { until } from '../conversation/harness.ts';
import { childEnv } from '../helpers/child-env.ts';

const WEEK = '2026-W48';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function io(env: Record<string, string>) {
  const out = { stdout: '', stderr: '' };
  const stream = (k: 'stdout' | 'stderr') => {
    const s = new PassThrough();
    s.on('data', (d: Buffer) => {
      out[k] += d.toString();
    });
    return s;
  };
  return { io: { stdin: new PassThrough(), stdout: stream('stdout'), stderr: stream('stderr'), env }, out };
}

async function setup(subscribers: { n: number; lang: Lang }[]) {
  const line = await new FakeLineMulticast().start();
  cleanups.push(() => line.stop());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-tips-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PUBLIC_BASE_URL: 'https://anshin.example.com',
    LINE_CHANNEL_ACCESS_TOKEN: FAKE_LINE_TOKEN,
    LINE_API_BASE_URL: line.url,
    ID_HASH_KEY: 'tips-command-test-key-0123456789',
  };
  const ids = new PersonIds(loadIdHashKey({ ID_HASH_KEY: env.ID_HASH_KEY, DATA_DIR: dataDir }));
  const store = new SqliteStore({ file: path.join(dataDir, SQLITE_FILE) });
  const users: string[] = [];
  for (const { n, lang } of subscribers) {
    const batch = Array.from({ length: n }, () => `U${lang}${randomUUID().replace(/-/g, '')}`);
    await Promise.all(
      batch.map((u) => subscribe(store, ids, ids.person('line', u), { channel: 'line', userId: u, sentAt: 0 }, lang)),
    );
    users.push(...batch);
  }
  await store.close();
  return { line, env, dataDir, users };
}

function expectEachOnce(line: FakeLineMulticast, users: string[]) {
  const got = line.receivedBy();
  expect(got.size).toBe(users.length);
  for (const u of users) expect(got.get(u), u).toBe(1);
}

describe('anshin tips send', () => {
  it('sends once when run twice', async () => {
    const { line, env, users } = await setup([
      { n: 620, lang: 'ja' },
      { n: 30, lang: 'en' },
    ]);
    const first = io(env);
    expect(await runTipsCommand(['send', '--week', WEEK], first.io)).toBe(0);
    expect(first.out.stdout).toContain('LINE: 650 people in 3 multicasts');
    const second = io(env);
    expect(await runTipsCommand(['send', '--week', WEEK], second.io)).toBe(0);
    expect(second.out.stdout).toContain('already sent');
    expect(line.accepted.every((b) => b.to.length <= 500)).toBe(true);
    expectEachOnce(line, users);
  });

  it('resumes after being killed mid-delivery: no one twice, no one missed', async () => {
    const { line, env, users } = await setup([{ n: 1300, lang: 'ja' }]);
    // LINE accepts the second multicast and never answers: the sender is killed while it waits.
    line.hangAt = 2;
    const child = spawn(process.execPath, ['bin/anshin.mjs', 'tips', 'send', '--week', WEEK], {
      env: childEnv(env),
      stdio: 'ignore',
    });
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    await until(() => line.accepted.length === 2, 'the second multicast', 30_000);
    child.kill('SIGKILL');
    await exited;
    expect(line.accepted).toHaveLength(2);

    const again = io(env);
    expect(await runTipsCommand(['send', '--week', WEEK], again.io)).toBe(0);
    expect(again.out.stdout).toContain('(1 resumed');
    // The batch in flight went again with its retry key, and LINE said it already had it.
    expect(line.statuses).toContain(409);
    expectEachOnce(line, users);
  }, 60_000);

  it('sends once between `serve` (its scheduler) and `tips send` run at the same time on the same data', async () => {
    const { line, env, dataDir, users } = await setup([{ n: 1100, lang: 'ja' }]);
    // Every minute: the scheduler's catch-up sends this week's tip as soon as serve starts.
    const serveEnv = { ...env, TIPS_CRON: '* * * * *', HOST: '127.0.0.1' };
    const stop = new AbortController();
    let address = '';
    const serving = serveCommand(['--port', '0', '--role', 'worker'], io(serveEnv).io, {
      signal: stop.signal,
      onListening: (a) => (address = a),
    });
    cleanups.push(async () => {
      stop.abort();
      await serving;
    });
    const week = isoWeekOf(new Date());
    const cli = io(env);
    expect(await runTipsCommand(['send', '--week', week], cli.io)).toBe(0);
    await until(() => address !== '', 'serve to listen', 30_000);
    const store = new SqliteStore({ file: path.join(dataDir, SQLITE_FILE) });
    cleanups.push(() => store.close());
    await until(() => line.receivedBy().size === users.length, 'everyone to receive the tip', 30_000);
    for (let i = 0; i < 50 && (await store.get(keys.tipsDone(week))) === null; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await store.get(keys.tipsDone(week))).not.toBeNull();
    expect(cli.out.stdout).toMatch(/sent in|already sent|another process/);
    expectEachOnce(line, users);
  }, 60_000);
});

describe('anshin tips preview and trends', () => {
  it('previews exactly the text that the send delivers, per language', async () => {
    const { line, env } = await setup([
      { n: 2, lang: 'ja' },
      { n: 2, lang: 'en' },
    ]);
    const previews: Record<Lang, string> = { ja: '', en: '' };
    for (const lang of ['ja', 'en'] as const) {
      const p = io(env);
      expect(await runTipsCommand(['preview', '--week', WEEK, '--lang', lang], p.io)).toBe(0);
      previews[lang] = p.out.stdout;
    }
    expect(await runTipsCommand(['send', '--week', WEEK], io(env).io)).toBe(0);
    for (const b of line.accepted) {
      const lang: Lang = b.to[0]!.startsWith('Uen') ? 'en' : 'ja';
      expect(previews[lang]).toContain(`===== ${lang} · LINE`);
      expect(previews[lang]).toContain(`=====\n${b.text}\n`);
    }
    expect(previews.ja).toContain('【今週の詐欺情報】');
    expect(previews.en).toContain('Scam alert for the week of');
  });

  it('prints the week’s counts by scam type, brand, channel and level', async () => {
    const { env, dataDir } = await setup([]);
    const store = new SqliteStore({ file: path.join(dataDir, SQLITE_FILE) });
    const at = new Date('2026-11-25T03:00:00Z');
    await recordConsultation(
      store,
      { level: 'danger', scamType: 'delivery_sms', brands: ['sagawa'], channel: 'line' },
      at,
    );
    await recordConsultation(
      store,
      { level: 'danger', scamType: 'delivery_sms', brands: ['sagawa'], channel: 'twilio' },
      at,
    );
    await recordConsultation(store, { level: 'low', scamType: 'none', brands: ['amazon'], channel: 'line' }, at);
    await store.close();
    const t = io(env);
    expect(await runTipsCommand(['trends', '--week', WEEK], t.io)).toBe(0);
    expect(t.out.stdout).toContain('Week 2026-W48 (Asia/Tokyo): 3 consultations');
    expect(t.out.stdout).toMatch(/delivery_sms\s+2/);
    expect(t.out.stdout).toMatch(/sagawa\s+2/);
    expect(t.out.stdout).not.toContain('amazon');
    expect(t.out.stdout).toMatch(/line\s+2/);
    expect(t.out.stdout).toMatch(/danger\s+2/);
    expect(t.out.stdout).toContain('The weekly tip is chosen from: people on LINE and Twilio.');
    await expect(runTipsCommand(['trends', '--week', '2026-48'], io(env).io)).rejects.toThrow(/YYYY-Www/);
  });
});
