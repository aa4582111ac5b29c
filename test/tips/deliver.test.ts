// Sending a week's tip to subscribers on a real store (SQLite and Redis) through a fake LINE multicast server
// and the fake Twilio server: every subscriber once, in their language, in batches with retry keys; never the
// ones who opted out; a second run sends nothing; 429 is waited out; two runs at once send once.
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineMulticaster } from '../../src/channels/line/multicast.ts';
import { TwilioTipSender } from '../../src/channels/twilio/tip-sender.ts';
import { setOptedOut, subscribe, unsubscribe } from '../../src/conversation/person.ts';
import type { Target } from '../../src/conversation/types.ts';
import type { Lang } from '../../src/domain.ts';
import { PersonIds } from '../../src/infra/ids.ts';
import { silentLog } from '../../src/infra/log.ts';
import { keys } from '../../src/infra/store/keys.ts';
import { RedisStore } from '../../src/infra/store/redis.ts';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';
import type { Store } from '../../src/infra/store/store.ts';
import { loadArticles } from '../../src/knowledge/articles.ts';
import { type DeliverDeps, deliverEdition } from '../../src/tips/deliver.ts';
import { composeEdition, type Edition } from '../../src/tips/edition.ts';
import { renderTip } from '../../src/tips/render.ts';
import { FAKE_LINE_TOKEN, FakeLineMulticast } from '../channels/line/fake-line-multicast.ts';
import { FakeTwilio, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../channels/twilio/fake-twilio.ts';
import { TEST_REDIS_URL, uniquePrefix } from '../infra/redis-env.ts';

const WEEK = '2026-W48';
const OUR_NUMBER = '+15005550006';
const articles = loadArticles();
const ids = new PersonIds(Buffer.from('test-id-hash-key-for-tips-0123456789'));

const lineTarget = (userId: string): Target => ({ channel: 'line', userId, sentAt: 0 });
const twilioTarget = (to: string): Target => ({ channel: 'twilio', to, from: OUR_NUMBER });

async function addLine(store: Store, n: number, lang: Lang, prefix = 'U'): Promise<string[]> {
  const users = Array.from({ length: n }, (_, i) => `${prefix}${lang}${String(i).padStart(30, '0')}`);
  for (const u of users) await subscribe(store, ids, ids.person('line', u), lineTarget(u), lang);
  return users;
}

const stores: [string, () => Promise<Store>, (s: Store) => Promise<void>][] = [
  ['sqlite', async () => new SqliteStore({ file: ':memory:' }), async () => {}],
  [
    'redis',
    async () => RedisStore.connect({ url: TEST_REDIS_URL, prefix: uniquePrefix('tips') }),
    async (s) => (s as RedisStore).deleteAllWithPrefix(),
  ],
];

for (const [name, open, cleanup] of stores) {
  describe(`deliverEdition (${name})`, () => {
    let store: Store;
    let line: FakeLineMulticast;
    let twilio: FakeTwilio;
    let edition: Edition;
    let sleeps: number[];

    beforeEach(async () => {
      store = await open();
      line = await new FakeLineMulticast().start();
      twilio = await new FakeTwilio().start();
      edition = await composeEdition({ store, articles, baseUrl: 'https://anshin.example.com' }, WEEK);
      sleeps = [];
    });
    afterEach(async () => {
      await cleanup(store);
      await store.close();
      await line.stop();
      await twilio.stop();
    });

    const deps = (over: Partial<DeliverDeps> = {}): DeliverDeps => ({
      store,
      ids,
      log: silentLog,
      offers: [],
      batchSize: 4,
      pageSize: 3,
      senders: {
        line: new LineMulticaster({
          channelAccessToken: FAKE_LINE_TOKEN,
          apiBaseUrl: line.url,
          sleep: async (ms) => {
            sleeps.push(ms);
          },
        }),
        twilio: new TwilioTipSender({
          accountSid: TEST_ACCOUNT_SID,
          authToken: TEST_AUTH_TOKEN,
          apiBaseUrl: twilio.url,
          perSecond: 1000,
        }),
      },
      ...over,
    });
    const send = (d = deps()) => deliverEdition(d, WEEK, async () => edition);

    it('sends each subscriber the tip once, in their language, in batches of the set size', async () => {
      const ja = await addLine(store, 6, 'ja');
      const en = await addLine(store, 3, 'en');
      await subscribe(store, ids, ids.person('twilio', '+447700900001'), twilioTarget('+447700900001'), 'en');
      await subscribe(
        store,
        ids,
        ids.person('twilio', 'whatsapp:+447700900002'),
        twilioTarget('whatsapp:+447700900002'),
        'ja',
      );

      const report = await send();
      expect(report.status).toBe('sent');
      expect(report.line).toMatchObject({ recipients: 9, batches: 3 });
      expect(report.twilio.recipients).toBe(2);
      const got = line.receivedBy();
      expect([...got.keys()].sort()).toEqual([...ja, ...en].sort());
      expect([...got.values()].every((n) => n === 1)).toBe(true);
      expect(line.accepted.every((b) => b.to.length <= 4)).toBe(true);
      expect(new Set(line.accepted.map((b) => b.retryKey)).size).toBe(line.accepted.length);
      const now = new Date();
      for (const b of line.accepted) {
        const lang: Lang = b.to[0]!.startsWith('Uen') ? 'en' : 'ja';
        expect(b.to.every((u) => u.startsWith(`U${lang}`))).toBe(true);
        expect(b.text).toBe(renderTip(edition.tips[lang], 'line', [], now));
      }
      const sms = twilio.messages().map((m) => m.form);
      expect(sms.map((f) => f.To).sort()).toEqual(['+447700900001', 'whatsapp:+447700900002']);
      expect(sms.find((f) => f.To === '+447700900001')?.Body).toContain('Reply STOP');
      expect(sms.find((f) => f.To === 'whatsapp:+447700900002')?.Body).toContain('【今週の詐欺情報】');
      expect(sms.every((f) => f.From === OUR_NUMBER)).toBe(true);
    });

    it('sends nothing the second time the week is run', async () => {
      await addLine(store, 5, 'ja');
      expect((await send()).status).toBe('sent');
      const calls = line.statuses.length;
      await addLine(store, 2, 'en', 'Ulate');
      expect((await send()).status).toBe('already_sent');
      expect(line.statuses.length).toBe(calls);
    });

    it('never sends to people who unsubscribed or opted out', async () => {
      const [stay, leave] = await addLine(store, 2, 'ja');
      await unsubscribe(store, ids.person('line', leave!));
      const stopped = '+447700900003';
      await subscribe(store, ids, ids.person('twilio', stopped), twilioTarget(stopped), 'en');
      await setOptedOut(store, ids.person('twilio', stopped), true);
      const report = await send();
      expect([...line.receivedBy().keys()]).toEqual([stay]);
      expect(twilio.messages()).toEqual([]);
      expect(report.skipped.optedOut).toBe(1);
    });

    it('waits out 429 for as long as Retry-After says, then sends with the same retry key', async () => {
      await addLine(store, 3, 'ja');
      line.script.push({ status: 429, headers: { 'retry-after': '7' }, body: { message: 'Too Many Requests' } });
      line.script.push({ status: 429, body: { message: 'Too Many Requests' } });
      line.script.push({ status: 500, body: { message: 'Internal error' } });
      const report = await send();
      expect(line.statuses).toEqual([429, 429, 500, 200]);
      expect(sleeps[0]).toBe(7_000);
      expect(sleeps).toHaveLength(3);
      expect(report.line.rateLimited).toBe(2);
      expect(line.accepted).toHaveLength(1);
      expect(line.accepted[0]!.to).toHaveLength(3);
    });

    it('stops on the monthly-quota 429 and sends the rest, once, on the next run', async () => {
      const users = await addLine(store, 6, 'ja');
      line.script.push({ status: 200 });
      line.script.push({ status: 429, body: { message: 'You have reached your monthly limit.' } });
      await expect(send()).rejects.toThrow(/monthly message quota/);
      // The first (scripted) call was not recorded by the fake; the second batch is written down, unsent.
      expect(await store.get(keys.tipsDone(WEEK))).toBeNull();
      const report = await send();
      expect(report.status).toBe('sent');
      expect(report.line.resumedBatches).toBe(1);
      const got = line.receivedBy();
      // The first batch (4 people) went out in the scripted 200 and was marked: only the other 2 get it now.
      expect(got.size).toBe(2);
      expect([...got.values()].every((n) => n === 1)).toBe(true);
      expect(users.filter((u) => got.has(u))).toHaveLength(2);
    });

    it('lets only one of two simultaneous runs send', async () => {
      await addLine(store, 8, 'ja');
      const [a, b] = await Promise.all([send(), send()]);
      expect([a.status, b.status].sort()).toEqual(['busy', 'sent']);
      expect([...line.receivedBy().values()].every((n) => n === 1)).toBe(true);
      expect(line.receivedBy().size).toBe(8);
    });

    it('goes on past what it cannot read: a batch or recipient record, a subscription, an address', async () => {
      const users = await addLine(store, 3, 'ja');
      const good = '+447700900004';
      await subscribe(store, ids, ids.person('twilio', good), twilioTarget(good), 'en');
      await store.set(keys.tipsInflight(WEEK, 'line'), '{"retryKey": 1', 60_000);
      await store.set(keys.tipsInflight(WEEK, 'twilio'), JSON.stringify({ at: 'yesterday' }), 60_000);
      await store.mapSet(keys.subscriptions(), 'p-damaged', '{"channel":');
      // A Twilio subscriber whose address opens to something that is not an address.
      const notAddress = '+447700900005';
      const sub = { channel: 'twilio', sealedAddress: ids.seal(notAddress), lang: 'en', since: '' };
      await store.mapSet(keys.subscriptions(), 'p-no-address', JSON.stringify(sub));
      const logged: string[] = [];
      const log = pino({ level: 'warn' }, { write: (l: string) => logged.push(l) });

      const report = await send(deps({ log }));
      expect(report.status).toBe('sent');
      expect([...line.receivedBy().keys()].sort()).toEqual([...users].sort());
      expect(twilio.messages().map((m) => m.form.To)).toEqual([good]);
      expect(report.skipped.unreadable).toBe(1);
      expect(report.twilio.uncertain).toBe(0);
      expect(await store.get(keys.tipsInflight(WEEK, 'line'))).toBeNull();
      expect(await store.get(keys.tipsInflight(WEEK, 'twilio'))).toBeNull();
      const stored = logged.map((l) => JSON.parse(l) as { stored?: string }).filter((l) => l.stored !== undefined);
      expect(stored.map((l) => l.stored).sort()).toEqual([
        'Twilio address',
        'subscription',
        'tips LINE batch',
        'tips Twilio recipient',
      ]);
      expect(logged.join('\n')).not.toContain(notAddress);
    });

    it('completes an empty week without calling anyone', async () => {
      const report = await send();
      expect(report.status).toBe('sent');
      expect(line.statuses).toEqual([]);
      expect(twilio.messages()).toEqual([]);
    });
  });
}
