// Whole SMS / WhatsApp conversations: signed Twilio webhooks in, the exact Messages API calls out.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fitsSegments } from '../../../src/channels/twilio/render.ts';
import { keys } from '../../../src/infra/store/keys.ts';
import {
  type Harness,
  OUR_NUMBER,
  PUBLIC_BASE_URL,
  realConsultant,
  SAGAWA_SMS,
  sleep,
  startHarness,
  twilioForm,
} from '../../conversation/harness.ts';
import { renderScreenshot } from '../../image/helpers/render.ts';
import { TEST_ACCOUNT_SID } from './fake-twilio.ts';

let h: Harness;
// Pictures start OCR workers inside the shared consultant: stop them so the test process can exit.
afterAll(async () => {
  await (await realConsultant()).close();
});

afterEach(async () => {
  await h?.close();
});

const PHONE = '+447700900123';
const MESSAGES_PATH = `/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages.json`;

describe('Twilio conversation', () => {
  it('answers an SMS through the Messages API within two segments, with a link to the full answer', async () => {
    h = await startHarness();
    const res = await h.postTwilio(twilioForm(PHONE, SAGAWA_SMS));
    expect(res.status).toBe(200);
    expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    await h.until(() => h.twilio.messages().length === 1, 'the answer');
    await h.settle();
    const [call] = h.twilio.messages();
    expect(call!.path).toBe(MESSAGES_PATH);
    expect(call!.form.To).toBe(PHONE);
    expect(call!.form.From).toBe(OUR_NUMBER);
    const body = call!.form.Body!;
    expect(body).toContain('危険');
    expect(fitsSegments(body)).toBe(true);
    expect(body.length).toBeLessThanOrEqual(134);
    const link = /https:\/\/anshin\.example\.com\/a\/([A-Za-z0-9_-]{22})/.exec(body);
    expect(link).not.toBeNull();

    const page = await h.app.inject({ method: 'GET', url: `/a/${link![1]}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<meta name="viewport"');
    expect(page.body).toContain('危険');
    expect(page.body).toContain('宅配業者をかたる不在通知SMS');
    expect((await h.app.inject({ method: 'GET', url: '/a/AAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
  });

  it('answers WhatsApp from the WhatsApp number', async () => {
    h = await startHarness();
    await h.postTwilio(
      twilioForm(`whatsapp:${PHONE}`, 'Your parcel is waiting. Pay the fee at http://sagawa-xx.top/pay'),
    );
    await h.until(() => h.twilio.messages().length === 1, 'the answer');
    const [call] = h.twilio.messages();
    expect(call!.form.To).toBe(`whatsapp:${PHONE}`);
    expect(call!.form.From).toBe(`whatsapp:${OUR_NUMBER}`);
    expect(call!.form.Body).toContain(`${PUBLIC_BASE_URL}/a/`);
  });

  it('refuses bad and missing signatures with 401 and sends nothing', async () => {
    h = await startHarness();
    const form = twilioForm(PHONE, SAGAWA_SMS);
    expect((await h.postTwilio(form, { signature: null })).status).toBe(401);
    expect((await h.postTwilio(form, { signature: 'bm90IGEgc2lnbmF0dXJl' })).status).toBe(401);
    const tampered = { ...form, Body: 'something else' };
    const sig = (await import('../../conversation/harness.ts')).twilioSignature(
      `${PUBLIC_BASE_URL}/webhooks/twilio`,
      form,
    );
    expect((await h.postTwilio(tampered, { signature: sig })).status).toBe(401);
    expect(await h.runtime.queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0 });
    await sleep(300);
    expect(h.twilio.calls).toEqual([]);
  });

  it('refuses signed but malformed forms with 400 and queues nothing', async () => {
    h = await startHarness({ worker: false });
    const { MessageSid: _m, SmsSid: _s, ...noSid } = twilioForm(PHONE, SAGAWA_SMS);
    const { From: _f, ...noFrom } = twilioForm(PHONE, SAGAWA_SMS);
    for (const form of [
      noSid,
      noFrom,
      twilioForm(PHONE, 'あ'.repeat(4_097)),
      twilioForm(PHONE, SAGAWA_SMS, { NumMedia: '1e9' }),
      twilioForm(PHONE, SAGAWA_SMS, { From: 'x'.repeat(65) }),
    ]) {
      const res = await h.postTwilio(form);
      expect(res.status, JSON.stringify(form).slice(0, 80)).toBe(400);
      expect(res.body).toContain('MessageSid, From and To are required');
    }
    expect(await h.runtime.queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0 });
  });

  it('answers a redelivered MessageSid once', async () => {
    h = await startHarness();
    const form = twilioForm(PHONE, SAGAWA_SMS);
    await Promise.all([h.postTwilio(form), h.postTwilio(form)]);
    await h.postTwilio(form);
    await h.until(() => h.twilio.messages().length >= 1, 'the answer');
    await h.settle();
    expect(h.twilio.messages()).toHaveLength(1);
  });

  it('never sends to a number that opted out, until it starts again', async () => {
    h = await startHarness();
    // English STOP on SMS: Twilio's own opt-out handling answers; we record it and stay quiet.
    await h.postTwilio(twilioForm(PHONE, 'STOP'));
    await h.settle();
    await h.postTwilio(twilioForm(PHONE, SAGAWA_SMS));
    await h.postTwilio(twilioForm(PHONE, 'データ削除'));
    await h.settle();
    expect(h.twilio.messages()).toEqual([]);
    expect(await h.runtime.store.mapGet(keys.optOuts(), h.runtime.ids.person('twilio', PHONE))).not.toBeNull();

    await h.postTwilio(twilioForm(PHONE, 'START'));
    await h.settle();
    expect(h.twilio.messages()).toEqual([]);
    await h.postTwilio(twilioForm(PHONE, SAGAWA_SMS));
    await h.until(() => h.twilio.messages().length === 1, 'the answer after START');
  });

  it('confirms 停止 and 再開 itself, since Twilio does not know those words', async () => {
    h = await startHarness();
    await h.postTwilio(twilioForm(PHONE, '停止'));
    await h.until(() => h.twilio.messages().length === 1, 'the opt-out confirmation');
    expect(h.twilio.messages()[0]!.form.Body).toContain('送信を停止しました');
    await h.postTwilio(twilioForm(PHONE, SAGAWA_SMS));
    await h.postTwilio(twilioForm(PHONE, 'ヘルプ'));
    await h.settle();
    expect(h.twilio.messages()).toHaveLength(1);
    await h.postTwilio(twilioForm(PHONE, '再開'));
    await h.until(() => h.twilio.messages().length === 2, 'the opt-in confirmation');
    expect(h.twilio.messages()[1]!.form.Body).toContain('再開しました');
  });

  it('fetches MMS images with basic auth, reads them and answers with what was read', async () => {
    h = await startHarness();
    const mediaPath = `/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages/MM1/Media/ME1`;
    const shot = await renderScreenshot({
      message:
        'USPS: Your package could not be delivered due to an unpaid shipping fee. Pay now: https://usps-redelivery.top/pay',
    });
    h.twilio.media.set(mediaPath, { bytes: shot, contentType: 'image/png' });
    const form = twilioForm(PHONE, '', {
      NumMedia: '1',
      MediaUrl0: `${h.twilio.url}${mediaPath}`,
      MediaContentType0: 'image/png',
    });
    await h.postTwilio(form);
    await h.until(() => h.twilio.messages().length === 1, 'the answer');
    await h.settle();
    expect(h.twilio.messages()).toHaveLength(1);
    const media = h.twilio.calls.find((c) => c.path === mediaPath);
    expect(media?.headers.authorization).toMatch(/^Basic /);
    const body = h.twilio.messages()[0]!.form.Body;
    expect(body).toMatch(/Danger|Caution/);
    expect(body).toContain('Read from the picture');
  }, 90_000);

  it('does not send our credentials to media URLs off the Twilio API', async () => {
    h = await startHarness();
    const form = twilioForm(PHONE, '', {
      NumMedia: '1',
      MediaUrl0: 'https://evil.example.net/steal.png',
      MediaContentType0: 'image/png',
    });
    await h.postTwilio(form);
    await h.until(() => h.twilio.messages().length === 1, 'the answer');
    expect(h.twilio.messages()[0]!.form.Body).toContain('could not receive the picture');
  });

  it('erases the person and their answer pages on "delete my data"', async () => {
    h = await startHarness();
    await h.postTwilio(twilioForm(PHONE, SAGAWA_SMS));
    await h.until(() => h.twilio.messages().length === 1, 'the verdict');
    const token = /\/a\/([A-Za-z0-9_-]{22})/.exec(h.twilio.messages()[0]!.form.Body!)![1]!;
    expect((await h.app.inject({ method: 'GET', url: `/a/${token}` })).statusCode).toBe(200);

    await h.postTwilio(twilioForm(PHONE, 'delete my data'));
    await h.until(() => h.twilio.messages().length === 2, 'the confirmation');
    expect(h.twilio.messages()[1]!.form.Body).toContain('We have deleted all the data');
    expect((await h.app.inject({ method: 'GET', url: `/a/${token}` })).statusCode).toBe(404);
    expect(await h.runtime.store.get(keys.context(h.runtime.ids.person('twilio', PHONE)))).toBeNull();
  });

  it('answers a follow-up in the context of the last consultation', async () => {
    h = await startHarness();
    await h.postTwilio(twilioForm(PHONE, SAGAWA_SMS));
    await h.until(() => h.twilio.messages().length === 1, 'the verdict');
    await h.postTwilio(twilioForm(PHONE, 'what should I do?'));
    await h.until(() => h.twilio.messages().length === 2, 'the follow-up');
    const body = h.twilio.messages()[1]!.form.Body!;
    expect(body).toContain('いますぐすること');
    expect(fitsSegments(body)).toBe(true);
  });
});
