// Whole LINE conversations: signed webhooks in, the exact calls to a fake LINE server out.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../../../src/domain.ts';
import { keys } from '../../../src/infra/store/keys.ts';
import {
  type Harness,
  lineImageEvent,
  linePostbackEvent,
  lineSignature,
  lineTextEvent,
  realConsultant,
  SAGAWA_SMS,
  sleep,
  startHarness,
} from '../../conversation/harness.ts';
import { renderScreenshot } from '../../image/helpers/render.ts';
import type { LineCall, LineJson } from './fake-line.ts';

let h: Harness;
// Pictures start OCR workers inside the shared consultant: stop them so the test process can exit.
afterAll(async () => {
  await (await realConsultant()).close();
});

afterEach(async () => {
  await h?.close();
});

const USER = 'U1234567890abcdef1234567890abcdef';
const flexOf = (call: LineCall) => call.body.messages[0];

describe('LINE conversation', () => {
  it('answers one forwarded text with one verdict card, by reply token, after the loading animation', async () => {
    h = await startHarness();
    const ev = lineTextEvent(USER, SAGAWA_SMS);
    expect((await h.postLine([ev])).status).toBe(200);
    await h.until(() => h.line.answers().length === 1, 'the answer');
    await h.settle();

    const paths = h.line.calls.map((c) => c.path);
    expect(paths).toEqual(['/v2/bot/chat/loading/start', '/v2/bot/message/reply']);
    expect(h.line.calls[0]!.body).toEqual({ chatId: USER, loadingSeconds: 20 });
    const reply = h.line.calls[1]!;
    expect(reply.body.replyToken).toBe(ev.replyToken);
    const card = flexOf(reply);
    expect(card.type).toBe('flex');
    expect(card.altText).toMatch(/^【危険】/);
    expect(card.contents.header.backgroundColor).toBe('#C62828');
    expect(JSON.stringify(card.contents.body)).toContain('宅配業者をかたる不在通知SMS');
    const labels = card.quickReply.items.map((i: LineJson) => i.action.label);
    expect(labels).toEqual(['詳しく', '開いてしまった・払ってしまった', '相談窓口', '毎週の詐欺情報を受け取る']);
    expect(JSON.stringify(reply.body)).not.toMatch(/安全|safe/i);
  });

  it('judges a burst (the forwarded text, then the question) as one consultation', async () => {
    // A wide window, so a slow machine cannot split the burst.
    h = await startHarness({ burstWindowMs: 2_000 });
    const first = lineTextEvent(USER, SAGAWA_SMS);
    const second = lineTextEvent(USER, 'これ詐欺？');
    await h.postLine([first]);
    await h.postLine([second]);
    await h.until(() => h.line.answers().length === 1, 'the answer');
    await h.settle();
    const answers = h.line.answers();
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body.replyToken).toBe(second.replyToken);
    expect(flexOf(answers[0]!).altText).toMatch(/^【危険】/);
  });

  it('answers follow-ups and quick replies from the last consultation', async () => {
    h = await startHarness();
    await h.postLine([lineTextEvent(USER, SAGAWA_SMS)]);
    await h.until(() => h.line.answers().length === 1, 'the verdict');
    const consultId = new URLSearchParams(flexOf(h.line.answers()[0]!).quickReply.items[0].action.data).get('c')!;

    await h.postLine([lineTextEvent(USER, 'もう入力してしまった')]);
    await h.until(() => h.line.answers().length === 2, 'the follow-up');
    const acted = h.line.answers()[1]!.body.messages[0];
    expect(acted.type).toBe('text');
    expect(acted.text).toContain('もう開いた・入力した・払ったときは');
    expect(acted.text).toContain('カードの裏に書かれた番号');
    expect(acted.text).toContain('#9110');

    await h.postLine([linePostbackEvent(USER, `a=detail&c=${consultId}`)]);
    await h.until(() => h.line.answers().length === 3, 'the details');
    expect(h.line.answers()[2]!.body.messages[0].text).toContain('■ 見つかったこと');

    await h.postLine([linePostbackEvent(USER, `a=contacts&c=${consultId}`)]);
    await h.until(() => h.line.answers().length === 4, 'the contacts');
    const contacts = h.line.answers()[3]!.body.messages[0].text as string;
    expect(contacts).toContain('188');
    expect(contacts).toContain('#9110');

    await h.postLine([linePostbackEvent(USER, 'a=detail&c=old-consultation')]);
    await h.until(() => h.line.answers().length === 5, 'the stale-button answer');
    expect(h.line.answers()[4]!.body.messages[0].text).toContain('このボタンの受付は終わりました');

    await h.postLine([linePostbackEvent(USER, `a=subscribe&c=${consultId}`)]);
    await h.until(() => h.line.answers().length === 6, 'the subscription');
    expect(h.line.answers()[5]!.body.messages[0].text).toContain('毎週の詐欺情報の配信を登録しました');
    const subs = await h.runtime.store.mapEntries(keys.subscriptions());
    const person = h.runtime.ids.person('line', USER);
    expect(Object.keys(subs)).toEqual([person]);
    expect(subs[person]).not.toContain(USER);
  });

  it('asks for the text when only the question comes', async () => {
    h = await startHarness();
    await h.postLine([lineTextEvent(USER, 'これ詐欺？')]);
    await h.until(() => h.line.answers().length === 1, 'the answer');
    expect(h.line.answers()[0]!.body.messages[0].text).toContain('文章を、そのまま貼り付けて');
  });

  it('answers a redelivered event once, however often it comes', async () => {
    h = await startHarness();
    const ev = lineTextEvent(USER, SAGAWA_SMS);
    const again = { ...ev, deliveryContext: { isRedelivery: true } };
    for (const e of [ev, again, again]) expect((await h.postLine([e])).status).toBe(200);
    await h.until(() => h.line.answers().length >= 1, 'the answer');
    await h.settle();
    expect(h.line.answers()).toHaveLength(1);
  });

  it('answers one event delivered twice at the same moment once', async () => {
    h = await startHarness();
    const ev = lineTextEvent(USER, SAGAWA_SMS);
    const results = await Promise.all([h.postLine([ev]), h.postLine([ev])]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    await h.until(() => h.line.answers().length >= 1, 'the answer');
    await h.settle();
    expect(h.line.answers()).toHaveLength(1);
  });

  it('refuses bad and missing signatures with 401 and queues nothing', async () => {
    h = await startHarness();
    const ev = lineTextEvent(USER, SAGAWA_SMS);
    expect((await h.postLine([ev], { signature: null })).status).toBe(401);
    expect((await h.postLine([ev], { secret: 'not-the-secret' })).status).toBe(401);
    expect((await h.postLine([ev], { signature: 'AAAA' })).status).toBe(401);
    expect(await h.runtime.queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0 });
    await sleep(300);
    expect(h.line.calls).toEqual([]);
    // The same event, properly signed, is still accepted: nothing was claimed by the bad ones.
    expect((await h.postLine([ev])).status).toBe(200);
    await h.until(() => h.line.answers().length === 1, 'the answer');
  });

  it('answers 503 with Retry-After once the backlog is full, and keeps nothing of the refused event', async () => {
    h = await startHarness({ env: { QUEUE_MAX_DEPTH: '1' }, worker: false });
    expect((await h.postLine([lineTextEvent(USER, SAGAWA_SMS)])).status).toBe(200);
    await h.until(() => h.runtime.queue.backlog() >= 1, 'the backlog to count the first event');
    const body = JSON.stringify({ destination: 'U', events: [lineTextEvent('Uother', SAGAWA_SMS)] });
    const res = await h.app.inject({
      method: 'POST',
      url: '/webhooks/line',
      headers: { 'content-type': 'application/json', 'x-line-signature': lineSignature(body) },
      payload: body,
    });
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await h.runtime.queue.counts()).toMatchObject({ waiting: 1 });
  });

  it('ignores signed events of shapes it does not know, and refuses garbage where events should be with 400', async () => {
    h = await startHarness();
    const odd = [null, 7, 'text', {}, { type: 'message' }, { type: 'message', source: { type: 'user', userId: USER } }];
    expect((await h.postLine(odd as object[])).status).toBe(200);
    for (const body of ['{"events": null}', '{"events": {"a": 1}}', '{"events":{}}', 'null', '[]', '"x"', '{}']) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/webhooks/line',
        headers: { 'content-type': 'application/json', 'x-line-signature': lineSignature(body) },
        payload: body,
      });
      expect(res.statusCode, body).toBe(400);
      expect(res.json().error).toContain('"events" list');
    }
    const broken = '{"events": [';
    const res = await h.app.inject({
      method: 'POST',
      url: '/webhooks/line',
      headers: { 'content-type': 'application/json', 'x-line-signature': lineSignature(broken) },
      payload: broken,
    });
    expect(res.statusCode).toBe(400);
    await sleep(300);
    expect(await h.runtime.queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0 });
    expect(h.line.calls).toEqual([]);
  });

  it('skips the malformed events of a signed batch and queues its good ones (LINE redelivers all or nothing)', async () => {
    h = await startHarness({ worker: false });
    const good = lineTextEvent(USER, SAGAWA_SMS);
    // Each its own event id, so none could pass as a duplicate of another.
    const text = () => lineTextEvent(USER, 'x');
    const postback = () => linePostbackEvent(USER, 'a=detail&c=abc');
    const bad = [
      null,
      { ...text(), message: null },
      { ...text(), message: { ...text().message, text: 42 } },
      { ...text(), message: { ...text().message, text: 'あ'.repeat(5_001) } },
      { ...text(), source: { type: 'user', userId: 7 } },
      { ...text(), webhookEventId: {} },
      { ...text(), timestamp: 'now' },
      { ...postback(), postback: null },
      { ...postback(), postback: { data: ['a=detail'] } },
    ];
    expect((await h.postLine([...bad, good] as object[])).status).toBe(200);
    expect(await h.runtime.queue.counts()).toMatchObject({ waiting: 1 });
    const metrics = await h.runtime.metrics.render();
    expect(metrics).toContain('anshin_webhook_events_total{channel="line",outcome="malformed"} 9');
  });

  it('answers once with a friendly note when a person passes the rate limit, then stays quiet', async () => {
    h = await startHarness({ env: { RATE_LIMIT_PER_HOUR: '2' } });
    for (let i = 0; i < 2; i++) {
      await h.postLine([lineTextEvent(USER, `${SAGAWA_SMS} ${i}`)]);
      await h.until(() => h.line.answers().length === i + 1, `answer ${i + 1}`);
    }
    await h.postLine([lineTextEvent(USER, SAGAWA_SMS)]);
    await h.until(() => h.line.answers().length === 3, 'the rate-limit note');
    expect(h.line.answers()[2]!.body.messages[0].text).toContain('しばらく時間をおいてから');
    await h.postLine([lineTextEvent(USER, SAGAWA_SMS)]);
    await h.settle();
    expect(h.line.answers()).toHaveLength(3);
    // Another person is not affected.
    await h.postLine([lineTextEvent('Uother', SAGAWA_SMS)]);
    await h.until(() => h.line.answers().length === 4, 'the other person');
  });

  it('reads a screenshot sent as an image: one answer with the verdict and what was read', async () => {
    h = await startHarness();
    const shot = await renderScreenshot({
      sender: '+81 90-0000-1234',
      message:
        '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xx.top/',
    });
    h.line.contents.set('img-1', shot);
    await h.postLine([lineImageEvent(USER, 'img-1')]);
    await h.until(() => h.line.answers().length === 1, 'the answer');
    await h.settle();
    expect(h.line.answers()).toHaveLength(1);
    expect(h.line.calls.map((c) => c.path)).toContain('/v2/bot/message/img-1/content');
    const card = JSON.stringify(h.line.answers()[0]!.body.messages);
    expect(card).toContain('危険');
    expect(card).toContain('画像から読み取った内容');
    expect(card).toContain('sagawa-xx[.]top');
    expect(card).not.toContain('sagawa-xx.top');
  }, 90_000);

  it('a picture that cannot be fetched gets a plain answer asking for the text', async () => {
    h = await startHarness();
    await h.postLine([lineImageEvent(USER, 'missing-image')]);
    await h.until(() => h.line.answers().length === 1, 'the answer');
    expect(h.line.answers()[0]!.body.messages[0].text).toContain('画像を受け取れませんでした');
  });

  it('erases everything about the person on データ削除 and confirms it', async () => {
    h = await startHarness();
    await h.postLine([lineTextEvent(USER, SAGAWA_SMS)]);
    await h.until(() => h.line.answers().length === 1, 'the verdict');
    const consultId = new URLSearchParams(flexOf(h.line.answers()[0]!).quickReply.items[0].action.data).get('c')!;
    await h.postLine([linePostbackEvent(USER, `a=subscribe&c=${consultId}`)]);
    await h.until(() => h.line.answers().length === 2, 'the subscription');
    const person = h.runtime.ids.person('line', USER);
    expect(await h.runtime.store.get(keys.context(person))).not.toBeNull();

    await h.postLine([lineTextEvent(USER, 'データ削除')]);
    await h.until(() => h.line.answers().length === 3, 'the confirmation');
    expect(h.line.answers()[2]!.body.messages[0].text).toContain('すべて削除しました');
    expect(await h.runtime.store.get(keys.context(person))).toBeNull();
    expect(await h.runtime.store.get(keys.rate(person))).toBeNull();
    expect(await h.runtime.store.mapEntries(keys.subscriptions())).toEqual({});

    await h.postLine([linePostbackEvent(USER, `a=detail&c=${consultId}`)]);
    await h.until(() => h.line.answers().length === 4, 'the stale answer');
    expect(h.line.answers()[3]!.body.messages[0].text).toContain('このボタンの受付は終わりました');
  });

  it('pushes with a retry key once the reply token is too old, and a retried push is not doubled', async () => {
    h = await startHarness();
    h.line.acceptThenFailPushes = 1;
    const ev = lineTextEvent(USER, SAGAWA_SMS, { timestamp: Date.now() - 50_000 });
    await h.postLine([ev]);
    await h.until(() => h.line.calls.filter((c) => c.path === '/v2/bot/message/push').length >= 2, 'the retried push');
    await h.settle();
    const pushes = h.line.calls.filter((c) => c.path === '/v2/bot/message/push');
    expect(pushes.map((p) => p.status)).toEqual([200, 409]);
    expect(pushes[0]!.headers['x-line-retry-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(pushes[1]!.headers['x-line-retry-key']).toBe(pushes[0]!.headers['x-line-retry-key']);
    expect(pushes[0]!.body.to).toBe(USER);
    expect(h.line.calls.some((c) => c.path === '/v2/bot/message/reply')).toBe(false);
    expect(h.line.answers()).toHaveLength(1);
  });

  it('reads a fresh reply token that LINE calls spent as already answered, and does not push a second answer', async () => {
    h = await startHarness();
    const ev = lineTextEvent(USER, SAGAWA_SMS);
    // Another run of this job used the token: within its validity, only we could have.
    h.line.usedReplyTokens.add(ev.replyToken);
    await h.postLine([ev]);
    await h.until(() => h.line.calls.some((c) => c.path === '/v2/bot/message/reply'), 'the reply attempt');
    await h.settle();
    expect(h.line.calls.filter((c) => c.path === '/v2/bot/message/reply').map((c) => c.status)).toEqual([400]);
    expect(h.line.calls.some((c) => c.path === '/v2/bot/message/push')).toBe(false);
  });

  it('ends a job that keeps failing with a short apology, never silence', async () => {
    const failing = {
      async consult(): Promise<Verdict> {
        throw new Error('judge down');
      },
    };
    h = await startHarness({ consultant: failing });
    await h.postLine([lineTextEvent(USER, SAGAWA_SMS)]);
    await h.until(() => h.line.answers().length === 1, 'the apology');
    await h.settle();
    expect(h.line.answers()).toHaveLength(1);
    expect(h.line.answers()[0]!.body.messages[0].text).toContain('申し訳ありません');
  });

  it('shows an offer only inside its dates', async () => {
    const offer = {
      id: 'trial',
      partner: 'Example Security',
      title: { ja: 'セキュリティアプリ 30日間無料', en: 'Free trial' },
      text: { ja: '危ないサイトを知らせます。', en: 'Warns you.' },
      url: 'https://security.example.com/trial',
      validFrom: new Date('2025-04-01T00:00:00+09:00'),
      validTo: new Date('2025-05-01T00:00:00+09:00'),
      levels: ['danger' as const],
      scamTypes: ['delivery_sms' as const],
      channels: ['line' as const],
    };
    let now = new Date('2025-04-15T12:00:00+09:00');
    h = await startHarness({ offers: [offer], now: () => now });
    await h.postLine([lineTextEvent(USER, SAGAWA_SMS)]);
    await h.until(() => h.line.answers().length === 1, 'the answer inside the dates');
    const inside = h.line.answers()[0]!.body.messages;
    expect(inside).toHaveLength(2);
    expect(inside[1].altText).toContain('セキュリティアプリ 30日間無料');
    expect(inside[1].contents.footer.contents[0].action.uri).toBe('https://security.example.com/trial');
    expect(inside[1].quickReply).toBeDefined();

    now = new Date('2025-05-01T00:00:01+09:00');
    await h.postLine([lineTextEvent(USER, `${SAGAWA_SMS} 2`)]);
    await h.until(() => h.line.answers().length === 2, 'the answer outside the dates');
    expect(h.line.answers()[1]!.body.messages).toHaveLength(1);
  });

  it('welcomes a new friend, and erases a person who blocks the account without answering', async () => {
    h = await startHarness();
    const follow = { ...linePostbackEvent(USER, ''), type: 'follow', follow: { isUnblocked: false } };
    await h.postLine([follow]);
    await h.until(() => h.line.answers().length === 1, 'the welcome');
    expect(h.line.answers()[0]!.body.messages[0].text).toContain('友だち追加ありがとうございます');

    await h.postLine([lineTextEvent(USER, SAGAWA_SMS)]);
    await h.until(() => h.line.answers().length === 2, 'the verdict');
    const person = h.runtime.ids.person('line', USER);
    expect(await h.runtime.store.get(keys.context(person))).not.toBeNull();
    const { replyToken: _r, ...unfollow } = { ...linePostbackEvent(USER, ''), type: 'unfollow' };
    await h.postLine([unfollow]);
    await h.settle();
    expect(await h.runtime.store.get(keys.context(person))).toBeNull();
    expect(h.line.answers()).toHaveLength(2);
  });
});
