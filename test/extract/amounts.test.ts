import { describe, expect, it } from 'vitest';
import { extractAmounts, extractPaymentMethods, parseJapaneseNumber } from '../../src/extract/amounts.ts';

describe('extractAmounts', () => {
  it.each([
    ['5万円', 50_000, 'JPY'],
    ['50,000円', 50_000, 'JPY'],
    ['¥3,000', 3_000, 'JPY'],
    ['￥3000 (full-width yen)', 3_000, 'JPY'],
    ['３，０００円 (full-width digits)', 3_000, 'JPY'],
    ['3千円', 3_000, 'JPY'],
    ['1億円', 100_000_000, 'JPY'],
    ['1億5000万円', 150_000_000, 'JPY'],
    ['10万5千円', 105_000, 'JPY'],
    ['1.5万円', 15_000, 'JPY'],
    ['三千円 (kanji numerals)', 3_000, 'JPY'],
    ['百万円', 1_000_000, 'JPY'],
    ['300 yen', 300, 'JPY'],
    ['JPY 30000', 30_000, 'JPY'],
    ['$500', 500, 'USD'],
    ['US$1,200.50', 1_200.5, 'USD'],
    ['$5k', 5_000, 'USD'],
    ['$1.5 million', 1_500_000, 'USD'],
    ['500ドル', 500, 'USD'],
    ['5万ドル', 50_000, 'USD'],
    ['500 dollars', 500, 'USD'],
    ['USD 200', 200, 'USD'],
    ['200 USD', 200, 'USD'],
    ['£100', 100, 'GBP'],
    ['100ポンド', 100, 'GBP'],
    ['GBP 100', 100, 'GBP'],
    ['€50', 50, 'EUR'],
    ['50ユーロ', 50, 'EUR'],
    ['0.5 BTC', 0.5, 'OTHER'],
  ])('reads %s', (text, value, currency) => {
    const found = extractAmounts(text.replace(/ \(.*\)$/, ''));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ value, currency });
  });

  it('keeps the written form in raw', () => {
    expect(extractAmounts('未納料金1億5000万円をお支払いください')[0]!.raw).toBe('1億5000万円');
  });

  it('reads ¥5万円 once', () => {
    expect(extractAmounts('¥5万円')).toEqual([{ raw: '¥5万円', value: 50_000, currency: 'JPY' }]);
  });

  it('reads several amounts in order and deduplicates equal ones', () => {
    expect(extractAmounts('手数料3,000円、保証金5万円、合計5万円と$100').map((a) => a.value)).toEqual([
      3_000, 50_000, 100,
    ]);
  });

  it.each([
    ['数万円 (no number)', '数万円'],
    ['一元化 (not a currency)', '一元化'],
    ['a phone number', '0120-123-456'],
    ['a date', '2024年11月26日'],
    ['万円 alone', '万円'],
  ])('does not read %s', (_name, text) => {
    expect(extractAmounts(text)).toEqual([]);
  });

  it('does not throw on long runs of digits and commas', () => {
    expect(() => extractAmounts('1,000,000,'.repeat(100_000))).not.toThrow();
  });
});

describe('parseJapaneseNumber', () => {
  it.each([
    ['50,000', 50_000],
    ['1億5000万', 150_000_000],
    ['二〇二四', 2_024],
    ['一千万', 10_000_000],
    ['十', 10],
  ])('reads %s', (s, v) => {
    expect(parseJapaneseNumber(s)).toBe(v);
  });

  it('returns null for a scale without a number', () => {
    expect(parseJapaneseNumber('万')).toBeNull();
  });
});

describe('extractPaymentMethods', () => {
  it.each([
    ['電子マネー', '電子マネーで支払ってください', 'e_money'],
    ['PayPay', 'PayPayで送ってください', 'e_money'],
    ['楽天Edy', '楽天Edyを購入', 'e_money'],
    ['WebMoney', 'WebMoneyのプリペイド番号', 'e_money'],
    ['BitCash', 'BitCashで', 'e_money'],
    ['ギフトカード', 'ギフトカードを買って', 'gift_card'],
    ['ギフト券', 'ギフト券の番号を', 'gift_card'],
    ['Amazonギフト', 'Amazonギフトで', 'gift_card'],
    ['アップルギフト', 'アップルギフトカードを', 'gift_card'],
    ['Apple Gift Card', 'buy an Apple Gift Card', 'gift_card'],
    ['iTunesカード', 'iTunesカード5万円分', 'gift_card'],
    ['Google Playカード', 'Google Playカードを', 'gift_card'],
    ['プリペイドカード', 'プリペイドカードを', 'gift_card'],
    ['gift card', 'pay with gift cards', 'gift_card'],
    ['ATM', '近くのATMへ行ってください', 'atm'],
    ['full-width ＡＴＭ', 'ＡＴＭで還付', 'atm'],
    ['cash machine', 'go to a cash machine', 'atm'],
    ['振込', '下記口座へお振込ください', 'bank_transfer'],
    ['振り込み', '振り込みをお願いします', 'bank_transfer'],
    ['送金', '送金してください', 'bank_transfer'],
    ['口座に入金', '指定の口座に入金', 'bank_transfer'],
    ['wire transfer', 'send a wire transfer', 'bank_transfer'],
    ['bank transfer', 'by bank transfer', 'bank_transfer'],
    ['暗号資産', '暗号資産で運用', 'crypto'],
    ['仮想通貨', '仮想通貨を購入', 'crypto'],
    ['ビットコイン', 'ビットコインで', 'crypto'],
    ['USDT', 'USDTで入金', 'crypto'],
    ['bitcoin', 'pay in bitcoin', 'crypto'],
    ['crypto', 'invest in crypto', 'crypto'],
    ['コンビニ払い', 'コンビニ払いで', 'convenience_store'],
    ['コンビニで支払', 'コンビニでお支払いください', 'convenience_store'],
    ['コンビニ決済', 'コンビニ決済番号', 'convenience_store'],
    ['ペイジー', 'ペイジーで', 'convenience_store'],
    ['convenience store payment', 'make a convenience store payment', 'convenience_store'],
  ])('reads %s', (_name, text, method) => {
    expect(extractPaymentMethods(text)).toContain(method);
  });

  it.each([
    ['atmosphere', 'a nice atmosphere'],
    ['振り込め詐欺 (the name of a scam)', '振り込め詐欺にご注意ください'],
    ['cryptography', 'cryptography lecture'],
    ['plain text', 'こんにちは、お元気ですか'],
  ])('does not read %s', (_name, text) => {
    expect(extractPaymentMethods(text)).toEqual([]);
  });

  it('returns each method once in PAYMENT_METHODS order', () => {
    expect(extractPaymentMethods('ビットコインかATMかギフトカード、またはギフト券で')).toEqual([
      'gift_card',
      'atm',
      'crypto',
    ]);
  });
});
