// The LINE outbox against the fake LINE server, from a delivery record as a killed run leaves it: a reply or
// push whose outcome was never seen is resolved without a second answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineOutbox, REPLY_TOKEN_VALID_MS, retryKeyFor } from '../../../src/channels/line/outbox.ts';
import { Delivery } from '../../../src/conversation/delivery.ts';
import type { LineTarget, Reply } from '../../../src/conversation/types.ts';
import { PersonIds } from '../../../src/infra/ids.ts';
import { Metrics } from '../../../src/infra/metrics.ts';
import { keys } from '../../../src/infra/store/keys.ts';
import { SqliteStore } from '../../../src/infra/store/sqlite.ts';
import { FakeLine } from './fake-line.ts';

const ids = new PersonIds(Buffer.from('test-key-0123456789'));
const REPLIES: Reply[] = [{ kind: 'notice', notice: 'help', lang: 'ja' }];
let line: FakeLine;
let store: SqliteStore;
let outbox: LineOutbox;

beforeEach(async () => {
  line = await new FakeLine().start();
  store = new SqliteStore({ file: ':memory:' });
  outbox = new LineOutbox({
    channelAccessToken: 'test-access-token',
    apiBaseUrl: line.url,
    dataApiBaseUrl: line.url,
    metrics: new Metrics(),
  });
});
afterEach(async () => {
  await store.close();
  await line.stop();
});

/** The record a run leaves when it is killed during the call: the answer decided, part 0 in flight. */
async function leftInFlight(jobId: string, via: 'reply' | 'push'): Promise<Delivery> {
  await store.set(
    keys.delivery(jobId, 'answer'),
    JSON.stringify({ replies: REPLIES, sent: 0, inflight: { part: 0, via, at: Date.now() } }),
    60_000,
  );
  return Delivery.load(store, ids, jobId, 'answer', new AbortController().signal);
}

const target = (over: Partial<LineTarget> = {}): LineTarget => ({
  channel: 'line',
  userId: 'Uoutbox',
  replyToken: 'rt-outbox',
  sentAt: Date.now(),
  ...over,
});

describe('LINE outbox', () => {
  it('gives every answer part its own retry key, the same on every run, in UUID form', () => {
    expect(retryKeyFor('line-e1:answer', 0)).toBe(retryKeyFor('line-e1:answer', 0));
    expect(retryKeyFor('line-e1:answer', 0)).not.toBe(retryKeyFor('line-e1:answer', 1));
    expect(retryKeyFor('line-e1:answer', 0)).not.toBe(retryKeyFor('line-e1:apology', 0));
    expect(retryKeyFor('line-e1:answer', 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('tries an unconfirmed reply again while the token is valid: spent means it was delivered, no push', async () => {
    line.usedReplyTokens.add('rt-outbox');
    const progress = await leftInFlight('line-e2', 'reply');
    await outbox.send(target(), REPLIES, { jobId: 'line-e2', person: 'p', progress });
    expect(line.calls.map((c) => `${c.path} ${c.status}`)).toEqual(['/v2/bot/message/reply 400']);
    expect(progress.sent).toBe(1);
  });

  it('sends an unconfirmed reply that never reached LINE, once', async () => {
    const progress = await leftInFlight('line-e3', 'reply');
    await outbox.send(target(), REPLIES, { jobId: 'line-e3', person: 'p', progress });
    expect(line.answers().map((c) => c.path)).toEqual(['/v2/bot/message/reply']);
  });

  it('sends nothing more for an unconfirmed reply past the token validity: it cannot tell, and never doubles', async () => {
    const progress = await leftInFlight('line-e4', 'reply');
    await outbox.send(target({ sentAt: Date.now() - REPLY_TOKEN_VALID_MS - 1 }), REPLIES, {
      jobId: 'line-e4',
      person: 'p',
      progress,
    });
    expect(line.calls).toEqual([]);
    expect(progress.sent).toBe(1);
  });

  it('pushes an unconfirmed push again with the same retry key: LINE answers 409, the person has one', async () => {
    const key = retryKeyFor('line-e5:answer', 0);
    line.acceptedRetryKeys.add(key);
    const progress = await leftInFlight('line-e5', 'push');
    await outbox.send(target({ sentAt: Date.now() - 50_000 }), REPLIES, { jobId: 'line-e5', person: 'p', progress });
    expect(line.calls.map((c) => [c.path, c.status, c.headers['x-line-retry-key']])).toEqual([
      ['/v2/bot/message/push', 409, key],
    ]);
    expect(progress.sent).toBe(1);
  });

  it('does nothing for a part already confirmed', async () => {
    await store.set(keys.delivery('line-e6', 'answer'), JSON.stringify({ replies: REPLIES, sent: 1 }), 60_000);
    const progress = await Delivery.load(store, ids, 'line-e6', 'answer', new AbortController().signal);
    await outbox.send(target(), REPLIES, { jobId: 'line-e6', person: 'p', progress });
    expect(line.calls).toEqual([]);
  });
});
