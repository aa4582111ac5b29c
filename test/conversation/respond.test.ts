import { describe, expect, it } from 'vitest';
import type { ConsultRequest } from '../../src/consult/api.ts';
import { type RespondDeps, respondToPostback, respondToTurn, type TurnInput } from '../../src/conversation/respond.ts';
import { verdict } from './fixtures.ts';

function deps(over: Partial<RespondDeps> = {}) {
  const seen: ConsultRequest[] = [];
  const d: RespondDeps = {
    consultant: {
      async consult(req) {
        seen.push(req);
        return verdict('danger');
      },
    },
    offers: [],
    now: () => new Date('2025-04-15T00:00:00Z'),
    newConsultId: () => 'c1',
    ...over,
  };
  return { d, seen };
}

const input = (over: Partial<TurnInput>): TurnInput => ({
  parts: [],
  images: [],
  imageFailures: 0,
  context: null,
  langHint: 'ja',
  channel: 'line',
  offerChannel: 'line',
  ...over,
});

describe('respondToTurn', () => {
  it('joins a burst into one consultation and remembers it', async () => {
    const { d, seen } = deps();
    const r = await respondToTurn(
      d,
      input({ parts: [{ text: '荷物のお知らせ http://sagawa-xx.top/' }, { text: 'これ詐欺？' }] }),
    );
    expect(seen).toEqual([{ text: '荷物のお知らせ http://sagawa-xx.top/\nこれ詐欺？', lang: 'ja', channel: 'line' }]);
    expect(r.replies).toEqual([
      { kind: 'verdict', verdict: verdict('danger'), consultId: 'c1', offers: [], imagesUnread: false },
    ]);
    expect(r.context?.consultId).toBe('c1');
  });

  it('takes a single message’s language from where it arrived, and reads a burst of several as one new text', async () => {
    const { d, seen } = deps();
    // The route read this message's language (its part says so): the turn does not read it again.
    await respondToTurn(
      d,
      input({ parts: [{ text: 'Your account is locked: http://bank-check.example/', lang: 'ja' }] }),
    );
    expect(seen[0]?.lang).toBe('ja');
    // Two messages joined are a text nobody has read yet: read here, whatever each part said.
    await respondToTurn(
      d,
      input({
        parts: [
          { text: 'Your parcel is waiting: http://parcel.example/', lang: 'en' },
          { text: '荷物のお知らせです', lang: 'en' },
        ],
      }),
    );
    expect(seen[1]?.lang).toBe('ja');
  });

  it('answers a follow-up from the context without consulting again', async () => {
    const { d, seen } = deps();
    const ctx = { consultId: 'c0', verdict: verdict('danger'), at: 0 };
    const r = await respondToTurn(d, input({ parts: [{ text: 'もう入力してしまった' }], context: ctx }));
    expect(seen).toEqual([]);
    expect(r.replies).toEqual([{ kind: 'followup', topic: 'acted', verdict: ctx.verdict, consultId: 'c0' }]);
    expect(r.context).toBeUndefined();
  });

  it('asks for the message when a follow-up has no context', async () => {
    const { d } = deps();
    const r = await respondToTurn(d, input({ parts: [{ text: 'is this a scam?' }] }));
    expect(r.replies).toEqual([{ kind: 'notice', notice: 'ask_for_text', lang: 'en' }]);
  });

  it('passes the burst’s pictures to the consultation, with any typed text', async () => {
    const { d, seen } = deps();
    const img = { bytes: Buffer.from([1, 2, 3]) };
    const alone = await respondToTurn(
      d,
      input({ images: [img], parts: [{ image: { source: 'line', messageId: 'm' } }] }),
    );
    expect(seen[0]).toEqual({ text: '', channel: 'line', images: [img] });
    expect(alone.replies[0]).toMatchObject({ kind: 'verdict', imagesUnread: false });
    await respondToTurn(d, input({ images: [img], parts: [{ text: 'これ詐欺？' }] }));
    expect(seen[1]).toEqual({ text: 'これ詐欺？', lang: 'ja', channel: 'line', images: [img] });
  });

  it('says a picture could not be received when none arrived, and notes it beside what did', async () => {
    const { d, seen } = deps();
    const failed = await respondToTurn(
      d,
      input({ imageFailures: 1, parts: [{ image: { source: 'line', messageId: 'm' } }] }),
    );
    expect(failed.replies).toEqual([{ kind: 'notice', notice: 'image_failed', lang: 'ja' }]);
    expect(seen).toEqual([]);
    const both = await respondToTurn(
      d,
      input({ imageFailures: 1, parts: [{ text: '至急ご確認ください http://sagawa-xx.top/' }] }),
    );
    expect(both.replies[0]).toMatchObject({ kind: 'verdict', imagesUnread: true });
  });
});

describe('respondToPostback', () => {
  it('refuses a button from an older consultation', () => {
    const ctx = { consultId: 'new', verdict: verdict('danger'), at: 0 };
    expect(respondToPostback('detail', 'old', ctx, 'ja')).toEqual({
      kind: 'notice',
      notice: 'stale_button',
      lang: 'ja',
    });
    expect(respondToPostback('detail', 'new', ctx, 'ja')).toMatchObject({ kind: 'followup', topic: 'detail' });
    expect(respondToPostback('detail', 'new', null, 'en')).toEqual({
      kind: 'notice',
      notice: 'stale_button',
      lang: 'en',
    });
  });
});
