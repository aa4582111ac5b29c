import { describe, expect, it } from 'vitest';
import { SIGNAL_CODES } from '../../src/signal-codes.ts';
import { KANA_KANJI_RE } from '../../src/text/script.ts';
import { signals as SIGNALS_EN } from '../../src/words/en/signals.ts';
import { signals as SIGNALS_JA } from '../../src/words/ja/signals.ts';
import { signalDetail } from '../../src/words/signals.ts';

/** Every parameter any sentence takes, so that each function in the books can be called. */
const PARAMS = {
  shown: 'example-shop[.]top',
  brand: { ja: '例の銀行', en: 'Example Bank' },
  platform: { ja: '例のサービス', en: 'Example Service' },
  problem: 'unpaid_fee',
  officialDomain: 'example-bank.co.jp',
  official: 'example-bank.co.jp',
  domain: 'example-bank.co.jp',
  lastLabel: 'top',
  phone: '090-1234-56××',
  via: 'google[.]com',
  to: 'respond',
  count: 3,
  source: 'test-feed',
  date: '2026-01-02',
};

function sentence(w: string | ((p: never) => string)): string {
  return typeof w === 'function' ? w(PARAMS as never) : w;
}

describe('the books of signal words', () => {
  it('hold a non-empty sentence for every signal code, in Japanese and in English', () => {
    expect(SIGNAL_CODES.length).toBeGreaterThan(90);
    for (const code of SIGNAL_CODES) {
      const ja = sentence(SIGNALS_JA[code]);
      const en = sentence(SIGNALS_EN[code]);
      expect(ja.trim(), code).not.toBe('');
      expect(en.trim(), code).not.toBe('');
      expect(KANA_KANJI_RE.test(ja), `${code} ja`).toBe(true);
      expect(KANA_KANJI_RE.test(en), `${code} en`).toBe(false);
      expect(`${ja} ${en}`, code).not.toMatch(/undefined|null|\[object/);
    }
  });

  it('hold no code that is not a signal code', () => {
    expect(Object.keys(SIGNALS_JA).sort()).toEqual([...SIGNAL_CODES].sort());
    expect(Object.keys(SIGNALS_EN).sort()).toEqual([...SIGNAL_CODES].sort());
  });

  it('fill in what the sentence names', () => {
    const d = signalDetail('brand_impersonation', { shown: 'x[.]top', brand: PARAMS.brand, official: 'b.co.jp' });
    expect(d.ja).toContain('例の銀行を名乗っていますが、リンク先 x[.]top は');
    expect(d.en).toContain("not Example Bank's official domain b.co.jp");
    expect(signalDetail('call_to_action', { to: 'unlisted_site' }).en).toContain('not an official one');
  });
});
