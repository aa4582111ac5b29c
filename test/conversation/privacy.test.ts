// What a deployment's files and Redis hold after real conversations: byte scans of every file under
// DATA_DIR (embedded mode) and of every key under the test's prefixes (Redis mode), for the person's
// platform id, their number, their display name and the distinctive words of what they sent.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../src/infra/private-files.ts';
import { SQLITE_FILE } from '../../src/infra/runtime.ts';
import { filesUnder, findInFiles, sealedLookingRuns } from '../helpers/scan-files.ts';
import { TEST_REDIS_URL } from '../infra/redis-env.ts';
import { type Harness, startHarness, twilioForm } from './harness.ts';

const LINE_USER = 'U5ec1a1d0e0c0ffee0123456789abcdef';
const PHONE = '+447700900777';
/** WhatsApp sends the person's profile name with every message (ProfileName). */
const PROFILE_NAME = 'Hanako Yamadaya';
const MESSAGE =
  '【蜂蜜信用金庫】山田花子様 口座の利用を停止しました。再開手続きはこちら http://hachimitsu-shinkin.top/verify 問合せ 03-5555-0199';
const WORDS = ['蜂蜜信用金庫', '山田花子', 'hachimitsu-shinkin', '5555-0199', '再開手続き'];
const NEEDLES = [LINE_USER, PHONE, PHONE.slice(1), PROFILE_NAME, ...WORDS];

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function lineText(text: string) {
  return {
    type: 'message',
    mode: 'active',
    timestamp: Date.now(),
    source: { type: 'user', userId: LINE_USER },
    webhookEventId: `01PRIV${Math.random().toString(36).slice(2, 14).toUpperCase()}`,
    deliveryContext: { isRedelivery: false },
    replyToken: `rt-${Math.random().toString(36).slice(2)}`,
    message: { id: String(Math.floor(Math.random() * 1e9)), type: 'text', quoteToken: 'q', text },
  };
}

const whatsApp = (text: string) =>
  twilioForm(`whatsapp:${PHONE}`, text, { ProfileName: PROFILE_NAME, WaId: PHONE.slice(1) });

/** A consultation and a follow-up on LINE, and one on WhatsApp; waits for every answer. */
async function converse(harness: Harness): Promise<void> {
  expect((await harness.postLine([lineText(MESSAGE)])).status).toBe(200);
  await harness.until(() => harness.line.answers().length >= 1, 'the LINE answer');
  await harness.settle();
  expect((await harness.postLine([lineText('どうすればいいですか')])).status).toBe(200);
  await harness.until(() => harness.line.answers().length >= 2, 'the LINE follow-up');
  expect((await harness.postTwilio(whatsApp(MESSAGE))).status).toBe(200);
  await harness.until(() => harness.twilio.messages().length >= 1, 'the WhatsApp answer');
  await harness.settle();
}

async function deleteData(harness: Harness): Promise<void> {
  const lineBefore = harness.line.answers().length;
  const twilioBefore = harness.twilio.messages().length;
  await harness.postLine([lineText('データ削除')]);
  await harness.postTwilio(whatsApp('データ削除'));
  await harness.until(() => harness.line.answers().length > lineBefore, 'the LINE deletion notice');
  await harness.until(() => harness.twilio.messages().length > twilioBefore, 'the WhatsApp deletion notice');
  await harness.settle();
}

describe('privacy at rest, embedded mode', () => {
  it('queues a sealed payload: the waiting job holds no id, number, name or words', async () => {
    h = await startHarness({ fileStore: true, worker: false });
    await h.postLine([lineText(MESSAGE)]);
    await h.postTwilio(whatsApp(MESSAGE));
    const db = new Database(path.join(h.dataDir, SQLITE_FILE), { readonly: true });
    const rows = db.prepare('SELECT data FROM jobs').all() as { data: string }[];
    db.close();
    expect(rows).toHaveLength(2);
    for (const { data } of rows) {
      expect(JSON.parse(data)).toEqual({ sealed: expect.stringMatching(/^s1\./) });
      for (const needle of NEEDLES) expect(data).not.toContain(needle);
    }
    expect(findInFiles(h.dataDir, NEEDLES)).toEqual([]);
  });

  it('keeps nothing raw in any file while it runs, and nothing of the person after データ削除 and shutdown', async () => {
    h = await startHarness({ fileStore: true });
    await converse(h);
    const answered = h.line.answers()[0]!.body.messages[0].altText as string;
    expect(answered).toMatch(/^【危険】|^【注意】/);
    // After the jobs completed, without any deletion: no file holds the raw id, number, name or words.
    expect(findInFiles(h.dataDir, NEEDLES)).toEqual([]);
    // And the finished jobs' payloads are gone (the rows stay, empty, as the events' claims).
    const db = new Database(path.join(h.dataDir, SQLITE_FILE), { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE data != ''").get()).toEqual({ n: 0 });
    db.close();

    await deleteData(h);
    const ids = h.runtime.ids;
    /** What every sealed-looking run of bytes left under DATA_DIR opens to, with the install's own key. */
    const openable = () => {
      const opened: string[] = [];
      for (const run of sealedLookingRuns(h!.dataDir)) {
        for (const start of [0, ...[...run.matchAll(/s1\./g)].map((m) => (m.index ?? 0) + 3)]) {
          try {
            opened.push(ids.open(run.slice(start)));
          } catch {
            // not a whole sealed value
          }
        }
      }
      return opened;
    };
    const ofThePerson = (opened: string[]) => opened.filter((text) => NEEDLES.some((n) => text.includes(n)));
    // Still running: nothing raw, and even the key (it is in DATA_DIR) opens nothing of the person.
    expect(findInFiles(h.dataDir, NEEDLES)).toEqual([]);
    expect(ofThePerson(openable())).toEqual([]);
    await h.shutdown();
    expect(findInFiles(h.dataDir, NEEDLES)).toEqual([]);
    expect(ofThePerson(openable())).toEqual([]);
    expect(fs.existsSync(path.join(h.dataDir, `${SQLITE_FILE}-wal`))).toBe(false);
  });

  it('makes DATA_DIR 0700 and every file in it 0600', async () => {
    h = await startHarness({ fileStore: true });
    await converse(h);
    const modes = (p: string) => fs.statSync(p).mode & 0o777;
    expect(modes(h.dataDir)).toBe(PRIVATE_DIR_MODE);
    const files = filesUnder(h.dataDir);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(
      ['anshin.sqlite', 'anshin.sqlite-shm', 'anshin.sqlite-wal', 'id-hash.key'].sort(),
    );
    for (const f of files) expect([path.basename(f), modes(f)]).toEqual([path.basename(f), PRIVATE_FILE_MODE]);
  });
});

describe('privacy at rest, Redis mode', () => {
  /** Every value under the test's key prefixes, read the way its type needs. */
  async function everythingInRedis(prefixes: string[]): Promise<string[]> {
    const client = createClient({ url: TEST_REDIS_URL });
    await client.connect();
    const values: string[] = [];
    try {
      for (const prefix of prefixes) {
        for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
          for (const key of batch) {
            values.push(key);
            const type = await client.type(key);
            if (type === 'string') values.push((await client.get(key)) ?? '');
            else if (type === 'hash') values.push(JSON.stringify(await client.hGetAll(key)));
            else if (type === 'list') values.push(...(await client.lRange(key, 0, -1)));
            else if (type === 'set') values.push(...(await client.sMembers(key)));
            else if (type === 'zset') values.push(...(await client.zRange(key, 0, -1)));
            else if (type === 'stream') values.push(JSON.stringify(await client.xRange(key, '-', '+')));
            else values.push(`unread type ${type}`);
          }
        }
      }
    } finally {
      await client.quit();
    }
    return values;
  }

  const raw = (values: string[]) =>
    NEEDLES.flatMap((needle) => values.filter((v) => v.includes(needle)).map((v) => `${needle} in ${v.slice(0, 80)}`));

  it('writes nothing raw to Redis: not while the jobs wait, not after the conversation', async () => {
    h = await startHarness({ redis: true, worker: false });
    await h.postLine([lineText(MESSAGE)]);
    await h.postTwilio(whatsApp(MESSAGE));
    const waiting = await everythingInRedis([h.prefixes.redis, h.prefixes.bull]);
    // The scan sees the queued jobs (so it would see what they hold).
    expect(waiting.filter((v) => /sealed\W+s1\./.test(v))).toHaveLength(2);
    expect(raw(waiting)).toEqual([]);
    await h.close();

    h = await startHarness({ redis: true });
    await converse(h);
    const values = await everythingInRedis([h.prefixes.redis, h.prefixes.bull]);
    expect(values.length).toBeGreaterThan(0);
    expect(raw(values)).toEqual([]);
    await deleteData(h);
    expect(raw(await everythingInRedis([h.prefixes.redis, h.prefixes.bull]))).toEqual([]);
  });
});
