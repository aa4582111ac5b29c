// The Twilio outbox against the fake Twilio server, from delivery records as a failed or killed run leaves
// them: an unconfirmed text is looked up before it is sent again, and an answer resumes at its first unsent text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwilioOutbox } from '../../../src/channels/twilio/outbox.ts';
import { Delivery } from '../../../src/conversation/delivery.ts';
import type { Reply, TwilioTarget } from '../../../src/conversation/types.ts';
import { PersonIds } from '../../../src/infra/ids.ts';
import { Metrics } from '../../../src/infra/metrics.ts';
import { keys } from '../../../src/infra/store/keys.ts';
import { SqliteStore } from '../../../src/infra/store/sqlite.ts';
import { FakeTwilio, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from './fake-twilio.ts';

const target: TwilioTarget = { channel: 'twilio', to: '+447700900555', from: '+15005550006' };
const TWO: Reply[] = [
  { kind: 'notice', notice: 'opted_in', lang: 'en' },
  { kind: 'notice', notice: 'help', lang: 'en' },
];
const ids = new PersonIds(Buffer.from('test-key-0123456789'));
let twilio: FakeTwilio;
let store: SqliteStore;
let outbox: TwilioOutbox;

beforeEach(async () => {
  twilio = await new FakeTwilio().start();
  store = new SqliteStore({ file: ':memory:' });
  outbox = new TwilioOutbox({
    accountSid: TEST_ACCOUNT_SID,
    authToken: TEST_AUTH_TOKEN,
    apiBaseUrl: twilio.url,
    publicBaseUrl: 'https://anshin.example.com',
    store,
    ids,
    metrics: new Metrics(),
  });
});
afterEach(async () => {
  await store.close();
  await twilio.stop();
});

const load = (jobId: string) => Delivery.load(store, ids, jobId, 'answer', new AbortController().signal);

describe('Twilio outbox', () => {
  it('looks up a text whose send was never confirmed, finds it, and does not send it again', async () => {
    const first = await load('twilio-a');
    await first.decide(TWO.slice(0, 1));
    // The run is killed after Twilio created the message and before it could confirm it.
    twilio.hang = () => true;
    const killed = outbox.send(target, TWO.slice(0, 1), { jobId: 'twilio-a', person: 'p', progress: first });
    killed.catch(() => {});
    for (let i = 0; i < 100 && twilio.sent.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    twilio.hang = () => false;

    const rerun = await load('twilio-a');
    expect(rerun.unconfirmed(0)).toMatchObject({ part: 0, via: 'message' });
    await outbox.send(target, rerun.replies!, { jobId: 'twilio-a', person: 'p', progress: rerun });
    expect(twilio.messages()).toHaveLength(1);
    expect(twilio.lookups()).toHaveLength(1);
    expect(twilio.lookups()[0]!.form).toMatchObject({ To: target.to, From: target.from });
    expect(rerun.sent).toBe(1);
  });

  it('sends an unconfirmed text that Twilio never created, once', async () => {
    await store.set(
      keys.delivery('twilio-b', 'answer'),
      JSON.stringify({ replies: TWO.slice(0, 1), sent: 0, inflight: { part: 0, via: 'message', at: Date.now() } }),
      60_000,
    );
    const rerun = await load('twilio-b');
    await outbox.send(target, rerun.replies!, { jobId: 'twilio-b', person: 'p', progress: rerun });
    expect(twilio.lookups()).toHaveLength(1);
    expect(twilio.sent.map((m) => m.to)).toEqual([target.to]);
  });

  it('does not take an earlier identical text for this one', async () => {
    const earlier = await load('twilio-c0');
    await earlier.decide(TWO.slice(1));
    await outbox.send(target, TWO.slice(1), { jobId: 'twilio-c0', person: 'p', progress: earlier });
    twilio.sent[0]!.createdAt = new Date(Date.now() - 60_000);
    await store.set(
      keys.delivery('twilio-c', 'answer'),
      JSON.stringify({ replies: TWO.slice(1), sent: 0, inflight: { part: 0, via: 'message', at: Date.now() } }),
      60_000,
    );
    const rerun = await load('twilio-c');
    await outbox.send(target, rerun.replies!, { jobId: 'twilio-c', person: 'p', progress: rerun });
    expect(twilio.sent).toHaveLength(2);
  });

  it('resumes a two-text answer at the second text when the second failed: the first is not sent again', async () => {
    const first = await load('twilio-d');
    await first.decide(TWO);
    let failures = 0;
    // The second text's call fails outright (a 500 before Twilio created it), once.
    twilio.fail = (form) => (form.Body ?? '').includes('Send us the text') && failures++ < 1;
    await expect(outbox.send(target, TWO, { jobId: 'twilio-d', person: 'p', progress: first })).rejects.toThrow(
      /twilio messages answered 500/,
    );
    expect(twilio.sent).toHaveLength(1);
    const rerun = await load('twilio-d');
    expect(rerun.sent).toBe(1);
    await outbox.send(target, rerun.replies!, { jobId: 'twilio-d', person: 'p', progress: rerun });
    expect(twilio.sent.map((m) => m.body)).toEqual([
      expect.stringContaining('Messages are on again'),
      expect.stringContaining('Send us the text'),
    ]);
  });
});
