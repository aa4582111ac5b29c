// Opting in and out through the real conversation layer (signed webhooks → queue → worker), on both
// channels, and the consultation counted into the week's anonymous trends.
import { afterEach, describe, expect, it } from 'vitest';
import { LineMulticaster } from '../../src/channels/line/multicast.ts';
import { keys } from '../../src/infra/store/keys.ts';
import { readTrends } from '../../src/stats/trends.ts';
import { isoWeekOf } from '../../src/stats/week.ts';
import { createTipsService } from '../../src/tips/service.ts';
import { FAKE_LINE_TOKEN, FakeLineMulticast } from '../channels/line/fake-line-multicast.ts';
import {
  type Harness,
  linePostbackEvent,
  lineTextEvent,
  SAGAWA_SMS,
  startHarness,
  twilioForm,
} from '../conversation/harness.ts';

const USER = 'U0123456789abcdef0123456789abcdef';
const PHONE = '+447700900123';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const subscriptions = async () => h!.runtime.store.mapEntries(keys.subscriptions());

describe('weekly-tips subscriptions on LINE', () => {
  it('subscribes from the quick-reply button, keeps only channel, language, time and the sealed address', async () => {
    h = await startHarness();
    await h.postLine([lineTextEvent(USER, SAGAWA_SMS)]);
    await h.until(() => h!.line.answers().length === 1, 'the answer');
    await h.settle();
    const consultId = JSON.stringify(h.line.answers()[0]!.body).match(/c=([0-9a-f]+)/)?.[1];
    expect(consultId).toBeDefined();
    await h.postLine([linePostbackEvent(USER, `a=subscribe&c=${consultId}`)]);
    await h.until(() => h!.line.answers().length === 2, 'the confirmation');
    const subs = await subscriptions();
    const person = h.runtime.ids.person('line', USER);
    expect(Object.keys(subs)).toEqual([person]);
    const sub = JSON.parse(subs[person]!);
    expect(Object.keys(sub).sort()).toEqual(['channel', 'lang', 'sealedAddress', 'since']);
    expect(sub).toMatchObject({ channel: 'line', lang: 'ja' });
    expect(JSON.stringify(sub)).not.toContain(USER);
    expect(h.runtime.ids.open(sub.sealedAddress)).toBe(USER);

    // The consultation was counted, without who or what.
    const t = await readTrends(h.runtime.store, isoWeekOf(new Date()));
    expect(t.total).toBe(1);
    expect(t.byChannel).toEqual({ line: 1 });
    expect(t.byType.delivery_sms).toBe(1);
    expect(t.byLevel.danger).toBe(1);
  });

  it('subscribes with 配信登録 or "subscribe", stops with 配信停止 or "unsubscribe", forgets on unfollow', async () => {
    h = await startHarness();
    const person = h.runtime.ids.person('line', USER);
    for (const [text, subscribed] of [
      ['配信登録', true],
      ['配信停止', false],
      ['subscribe', true],
      ['unsubscribe', false],
      ['配信登録', true],
    ] as const) {
      await h.postLine([lineTextEvent(USER, text)]);
      await h.settle();
      expect(person in (await subscriptions()), text).toBe(subscribed);
    }
    const { message: _m, replyToken: _r, ...rest } = lineTextEvent(USER, '');
    await h.postLine([{ ...rest, type: 'unfollow' }]);
    await h.settle();
    expect(await subscriptions()).toEqual({});
  });
});

describe('weekly-tips subscriptions on SMS / WhatsApp', () => {
  it('subscribes by text, leaves with STOP (and stays out), comes back with START', async () => {
    h = await startHarness();
    const person = h.runtime.ids.person('twilio', PHONE);
    await h.postTwilio(twilioForm(PHONE, 'subscribe'));
    await h.settle();
    const sub = JSON.parse((await subscriptions())[person]!);
    expect(sub).toMatchObject({ channel: 'twilio', lang: 'en' });
    expect(JSON.parse(h.runtime.ids.open(sub.sealedAddress))).toEqual({ to: PHONE, from: '+15005550006' });

    await h.postTwilio(twilioForm(PHONE, 'STOP'));
    await h.settle();
    expect(await subscriptions()).toEqual({});
    expect(await h.runtime.store.mapGet(keys.optOuts(), person)).not.toBeNull();

    await h.postTwilio(twilioForm(PHONE, 'START'));
    await h.settle();
    expect(person in (await subscriptions())).toBe(true);
    expect(await h.runtime.store.mapGet(keys.optOuts(), person)).toBeNull();

    await h.postTwilio(twilioForm(`whatsapp:${PHONE}`, '配信登録'));
    await h.settle();
    expect(Object.keys(await subscriptions())).toHaveLength(2);
  });
});

describe('from opting in to receiving the tip', () => {
  it('sends the week’s tip to whoever opted in on LINE, and not to whoever left', async () => {
    h = await startHarness();
    await h.postLine([lineTextEvent(USER, '配信登録')]);
    await h.postLine([lineTextEvent('Uleaving0000000000000000000000000', '配信登録')]);
    await h.settle();
    await h.postLine([lineTextEvent('Uleaving0000000000000000000000000', '配信停止')]);
    await h.settle();
    const fake = await new FakeLineMulticast().start();
    try {
      const service = createTipsService({
        config: h.config,
        store: h.runtime.store,
        ids: h.runtime.ids,
        log: (await import('../../src/infra/log.ts')).silentLog,
        senders: { line: new LineMulticaster({ channelAccessToken: FAKE_LINE_TOKEN, apiBaseUrl: fake.url }) },
        polisher: null,
      });
      const report = await service.sendWeek('2026-W48');
      expect(report.line.recipients).toBe(1);
      expect([...fake.receivedBy().keys()]).toEqual([USER]);
      expect(fake.accepted[0]!.text).toContain('https://anshin.example.com/articles/');
    } finally {
      await fake.stop();
    }
  });
});
