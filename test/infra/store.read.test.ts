// Stored values read back through their schemas, on a real SQLite file and a real Redis: a damaged value
// under a real key gives an error naming what was stored and what was wrong, never the value or the person;
// readers that can go on treat it as absent, log it and count it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { pino } from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerPages } from '../../src/channels/twilio/answer-page.ts';
import { stepBurst } from '../../src/conversation/burst.ts';
import { loadContext, saveContext } from '../../src/conversation/context.ts';
import { Delivery } from '../../src/conversation/delivery.ts';
import { getSubscription, subscribe } from '../../src/conversation/person.ts';
import { PersonIds } from '../../src/infra/ids.ts';
import { Metrics } from '../../src/infra/metrics.ts';
import { keys } from '../../src/infra/store/keys.ts';
import {
  readJson,
  readSealedJson,
  StoredValueError,
  type UnreadableReport,
  unreadableReporter,
} from '../../src/infra/store/read.ts';
import { RedisStore } from '../../src/infra/store/redis.ts';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';
import type { Store } from '../../src/infra/store/store.ts';
import { loadArticles } from '../../src/knowledge/articles.ts';
import { editionFor, storedEdition } from '../../src/tips/edition.ts';
import { subscriberPages } from '../../src/tips/subscribers.ts';
import { verdict } from '../conversation/fixtures.ts';
import { TEST_REDIS_URL, uniquePrefix } from './redis-env.ts';

const ids = new PersonIds(Buffer.from('test-key-for-store-reads-0123456789'));
const PERSON = ids.person('line', 'U0123456789abcdef0123456789abcdef');
/** What a person sent, as it would sit in a damaged value: it must never reach an error or a log line. */
const SECRET_TEXT = '口座番号は1234567です';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
const stores: [string, () => Promise<Store>, (s: Store) => Promise<void>][] = [
  ['sqlite file', async () => new SqliteStore({ file: path.join(dir, `r${files++}.sqlite`) }), async () => {}],
  [
    'redis',
    async () => RedisStore.connect({ url: TEST_REDIS_URL, prefix: uniquePrefix('read') }),
    async (s) => (s as RedisStore).deleteAllWithPrefix(),
  ],
];

describe('readJson', () => {
  const schema = z.object({ text: z.string(), at: z.number() });

  it('names what was stored and what was wrong, without the value', () => {
    const wrong = JSON.stringify({ text: 7, at: SECRET_TEXT });
    expect(() => readJson(schema, wrong, 'test value')).toThrow(StoredValueError);
    try {
      readJson(schema, wrong, 'test value');
    } catch (err) {
      const e = err as StoredValueError;
      expect(e.what).toBe('test value');
      expect(e.message).toMatch(/^the stored test value cannot be read: text: .*expected string.*; at: .*number/);
      expect(e.message).not.toContain(SECRET_TEXT);
    }
  });

  it('says "not JSON" without quoting the text the parser choked on', () => {
    expect(() => readJson(schema, `{"text": "${SECRET_TEXT}`, 'test value')).toThrow(
      'the stored test value cannot be read: not JSON',
    );
  });

  it('says so when a sealed value was sealed under another key', () => {
    const other = new PersonIds(Buffer.from('another-key-0123456789abcdef'));
    expect(() => readSealedJson(ids, schema, other.sealJson({ text: SECRET_TEXT, at: 1 }), 'test value')).toThrow(
      /cannot be read: a sealed value cannot be opened with this key/,
    );
  });
});

for (const [name, open, cleanup] of stores) {
  describe(`reading damaged values back (${name})`, () => {
    let store: Store;
    let metrics: Metrics;
    let logged: string[];
    let report: UnreadableReport;
    const counted = (what: string) => metrics.storedUnreadable.get({ what });

    beforeEach(async () => {
      store = await open();
      metrics = new Metrics();
      logged = [];
      const log = pino({ level: 'warn' }, { write: (line: string) => logged.push(line) });
      report = unreadableReporter(log, metrics);
    });
    afterEach(async () => {
      // Whatever was logged names the value and the problem, never its content nor whose it was.
      for (const line of logged) {
        expect(line).not.toContain(SECRET_TEXT);
        expect(line).not.toContain(PERSON);
      }
      await cleanup(store);
      await store.close();
    });

    it('treats a damaged conversation context as expired', async () => {
      await store.set(keys.context(PERSON), ids.sealJson({ consultId: 'c1', verdict: SECRET_TEXT, at: 1 }), 60_000);
      expect(await loadContext(store, ids, PERSON, report)).toBeNull();
      expect(counted('conversation context')).toBe(1);
      expect(logged).toHaveLength(1);
      expect(JSON.parse(logged[0]!)).toMatchObject({ stored: 'conversation context', problem: /^verdict: / });

      // A good one still reads back as it was written.
      const ctx = { consultId: 'c2', verdict: verdict('danger'), at: 2 };
      await saveContext(store, ids, PERSON, ctx, 60_000);
      expect(await loadContext(store, ids, PERSON, report)).toEqual(ctx);
    });

    it('starts a damaged delivery record afresh rather than failing every attempt on it', async () => {
      await store.set(keys.delivery('job-1', 'answer'), ids.sealJson({ replies: SECRET_TEXT, sent: 'two' }), 60_000);
      const d = await Delivery.load(store, ids, 'job-1', 'answer', new AbortController().signal, report);
      expect(d.replies).toBeNull();
      expect(d.sent).toBe(0);
      expect(d.done).toBe(false);
      expect(counted('answer delivery record')).toBe(1);

      await store.set(keys.delivery('job-2', 'apology'), `{"replies": [{"kind": "${SECRET_TEXT}`, 60_000);
      await Delivery.load(store, ids, 'job-2', 'apology', new AbortController().signal, report);
      expect(counted('apology delivery record')).toBe(1);
      expect(JSON.parse(logged[1]!)).toMatchObject({ problem: 'not JSON' });
    });

    it('answers a burst without the entry that cannot be read', async () => {
      await store.listPush(keys.burst(PERSON), ids.sealJson({ job: 'j0', at: 1, seq: 0, parts: SECRET_TEXT }), 60_000);
      const step = await stepBurst(
        store,
        ids,
        PERSON,
        { job: 'j1', at: 2, seq: 0, parts: [{ text: 'next message' }] },
        { textMs: 0, imageMs: 0 },
        Date.now(),
        report,
      );
      expect(step).toEqual({ kind: 'take', parts: [{ text: 'next message' }] });
      // Counted at each read: once when joining, once when taking.
      expect(counted('burst entry')).toBe(2);
    });

    it('skips a damaged subscription and reads the others', async () => {
      await subscribe(store, ids, 'p-good', { channel: 'line', userId: 'U1', sentAt: 0 }, 'en');
      await store.mapSet(keys.subscriptions(), PERSON, JSON.stringify({ channel: 'fax', sealedAddress: SECRET_TEXT }));
      expect(await getSubscription(store, PERSON, report)).toBeNull();
      const seen: string[] = [];
      for await (const page of subscriberPages(store, 10, report)) seen.push(...page.map((s) => s.person));
      expect(seen).toEqual(['p-good']);
      expect(counted('subscription')).toBe(2);
      expect(await getSubscription(store, 'p-good', report)).toMatchObject({ channel: 'line', lang: 'en' });
    });

    it('composes the week’s tip again when the kept edition cannot be read, and keeps the new one', async () => {
      const week = '2026-W10';
      await store.set(keys.tipsEdition(week), JSON.stringify({ week, tips: { ja: SECRET_TEXT } }), 60_000);
      expect(await storedEdition(store, week, report)).toBeNull();
      const deps = { store, articles: loadArticles(), report, now: () => new Date('2026-03-05T00:00:00Z') };
      const { edition, kept } = await editionFor(deps, week, 'always');
      expect(kept).toBe(true);
      expect(edition.week).toBe(week);
      expect(await storedEdition(store, week, report)).toEqual(edition);
      expect(counted('tips edition')).toBe(2);
    });

    it('shows a damaged answer page as expired', async () => {
      const token = ids.token('answer', 'job-9');
      await store.set(
        keys.answerPage(token),
        ids.sealJson({ verdict: verdict('danger'), offers: SECRET_TEXT }),
        60_000,
      );
      const app = Fastify({ logger: false });
      await app.register(answerPages, { store, ids, metrics });
      const res = await app.inject({ method: 'GET', url: `/a/${token}` });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(SECRET_TEXT);
      expect(counted('answer page')).toBe(1);
      await app.close();
    });
  });
}
