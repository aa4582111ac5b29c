import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../src/extract/indicators.ts';
import { MAX_TEXT_CHARS } from '../../src/limits.ts';

// Fictional messages modelled on the kinds going around; every domain and number here is made up.
describe('extractIndicators: Japanese SMS', () => {
  it('delivery (不在通知) with a bare domain glued to Japanese', () => {
    const ind = extractIndicators(
      '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。配送物は下記よりご確認ください。sagawa-xx.top/abc',
    );
    expect(ind.urls.map((u) => u.url)).toEqual(['http://sagawa-xx.top/abc']);
    expect(ind.urls[0]).toMatchObject({ bare: true, domain: 'sagawa-xx.top', tld: 'top' });
    expect(ind.phones).toEqual([]);
    expect(ind.paymentMethods).toEqual([]);
  });

  it('delivery with a tracking number that must not become a phone', () => {
    const ind = extractIndicators(
      'ヤマト運輸です。お問い合わせ番号 4321-1234-5678 のお荷物は住所不明のため保管中です。https://yamato-xx.com/t?id=1',
    );
    expect(ind.phones).toEqual([]);
    expect(ind.urls.map((u) => u.host)).toEqual(['yamato-xx.com']);
  });

  it('bank phishing with a lookalike host, a toll-free number and zero-width characters', () => {
    const ind = extractIndicators(
      '【三井住友銀行】お客様の口座が一時的に利用停止\u200Bされています。本人確認はこちら https://smbc.co.jp.secure-verify\u200B.com/login お問い合わせ 0120-123-456',
    );
    expect(ind.invisibleChars).toBe(2);
    expect(ind.urls[0]).toMatchObject({ host: 'smbc.co.jp.secure-verify.com', domain: 'secure-verify.com' });
    expect(ind.phones).toEqual([{ raw: '0120-123-456', e164: '+81120123456', country: 'JP', kind: 'toll_free' }]);
  });

  it('carrier with a defanged link and full-width digits', () => {
    const ind = extractIndicators(
      '[NTTドコモ]ご利用料金のお支払い確認が取れておりません。hxxps://docomo-xx[.]icu 詳細は０９０－１２３４－５６７８へ',
    );
    expect(ind.urls[0]).toMatchObject({ url: 'https://docomo-xx.icu/', defanged: true });
    expect(ind.phones[0]).toMatchObject({ e164: '+819012345678', kind: 'mobile', raw: '090-1234-5678' });
  });

  it('tax refund (還付金) with an amount, ATM and a navi dial number', () => {
    const ind = extractIndicators(
      '【国税庁】還付金が3万5千円あります。お近くのATMで手続きしてください。お問い合わせ:0570-000-123',
    );
    expect(ind.amounts).toEqual([{ raw: '3万5千円', value: 35_000, currency: 'JPY' }]);
    expect(ind.paymentMethods).toEqual(['atm']);
    expect(ind.phones[0]).toMatchObject({ kind: 'navi_dial' });
  });

  it('unpaid fees (未納料金) asking for gift cards, with a date and a postal code that are not phones', () => {
    const ind = extractIndicators(
      '有料動画の未納料金50,000円が発生しています。本日2026/11/26中にAmazonギフトカードでお支払いください。〒100-0001 東京都千代田区 連絡先03-1234-5678',
    );
    expect(ind.amounts.map((a) => a.value)).toEqual([50_000]);
    expect(ind.paymentMethods).toEqual(['gift_card']);
    expect(ind.phones.map((p) => p.e164)).toEqual(['+81312345678']);
  });

  it('romance / investment with crypto, USD and an international number', () => {
    const ind = extractIndicators(
      '会えるのを楽しみにしています💕 一緒に暗号資産で増やしましょう。まず$500をUSDTで送ってね。WhatsApp +1 212 555 0123',
    );
    expect(ind.paymentMethods).toEqual(['crypto']);
    expect(ind.amounts).toEqual([{ raw: '$500', value: 500, currency: 'USD' }]);
    expect(ind.phones[0]).toMatchObject({ e164: '+12125550123', kind: 'international', country: 'US' });
  });

  it('police impersonation pointing to a real short code mentioned for checking', () => {
    const ind = extractIndicators(
      '警察を名乗る電話があったら、#9110 または最寄りの警察署へ。188に電話して相談もできます。',
    );
    expect(ind.phones.map((p) => p.e164)).toEqual(['#9110', '188']);
  });
});

describe('extractIndicators: English SMS', () => {
  it('delivery with a link, an email address and a fee', () => {
    const ind = extractIndicators(
      'USPS: Your package is on hold. Pay the $1.99 redelivery fee at https://usps-track.xyz/pay or email help@usps-track.xyz.',
    );
    expect(ind.urls.map((u) => u.url)).toEqual(['https://usps-track.xyz/pay']);
    expect(ind.emails).toEqual([
      { raw: 'help@usps-track.xyz', address: 'help@usps-track.xyz', domain: 'usps-track.xyz' },
    ]);
    expect(ind.amounts).toEqual([{ raw: '$1.99', value: 1.99, currency: 'USD' }]);
  });

  it('bank with a wire transfer, a UK number and no false links', () => {
    const ind = extractIndicators(
      'HSBC Alert: a payment of £950.00 was attempted.If this was not you call +44 20 7946 0958 and complete a bank transfer to the safe account.Thanks',
    );
    expect(ind.urls).toEqual([]);
    expect(ind.amounts).toEqual([{ raw: '£950.00', value: 950, currency: 'GBP' }]);
    expect(ind.phones[0]).toMatchObject({ country: 'GB', kind: 'international' });
    expect(ind.paymentMethods).toEqual(['bank_transfer']);
  });
});

describe('extractIndicators: text', () => {
  it('returns the normalised text', () => {
    expect(extractIndicators('ｓａｇａｗａ\u200B\r\nテスト').text).toBe('sagawa\nテスト');
  });

  it('reads indicators only from the text it kept when the input is truncated', () => {
    const ind = extractIndicators(`${'あ'.repeat(MAX_TEXT_CHARS)} https://late.example.com/`);
    expect(ind.truncated).toBe(true);
    expect(ind.text.length).toBe(MAX_TEXT_CHARS);
    expect(ind.urls).toEqual([]);
  });

  it('finds nothing in an empty message', () => {
    expect(extractIndicators('')).toEqual({
      text: '',
      invisibleChars: 0,
      truncated: false,
      urls: [],
      phones: [],
      emails: [],
      amounts: [],
      paymentMethods: [],
    });
  });

  it.each([
    [
      'a megabyte of binary garbage',
      Array.from({ length: 1_000_000 }, (_, i) => String.fromCharCode((i * 40_503) % 65_536)).join(''),
    ],
    ['emoji only', '😀🎉👍🏽'.repeat(50_000)],
    ['lone surrogates', '\uD800x\uDC00'.repeat(10_000)],
    ['control characters only', '\u0000\u0001\u001F\u007F'.repeat(10_000)],
  ])('does not throw on %s', (_name, input) => {
    const ind = extractIndicators(input);
    expect(ind.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  });

  it('caps links in a message of 5000 URLs', () => {
    const ind = extractIndicators(Array.from({ length: 5000 }, (_, i) => `https://x${i}.ex.com`).join('\n'));
    expect(ind.urls).toHaveLength(100);
  });
});
