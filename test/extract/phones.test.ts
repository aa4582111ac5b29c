import { describe, expect, it } from 'vitest';
import { extractPhones, MAX_PHONES } from '../../src/extract/phones.ts';

const e164s = (text: string) => extractPhones(text).map((p) => p.e164);

describe('extractPhones: Japanese numbers', () => {
  it.each([
    ['toll-free 0120', '0120-123-456', '+81120123456', 'toll_free'],
    ['toll-free 0120 without separators', 'フリーダイヤル0120123456まで', '+81120123456', 'toll_free'],
    ['toll-free 0800', '0800-123-4567', '+818001234567', 'toll_free'],
    ['navi dial 0570', '0570-000-123', '+81570000123', 'navi_dial'],
    ['IP phone 050', '050-1234-5678', '+815012345678', 'ip'],
    ['mobile 070', '070-1234-5678', '+817012345678', 'mobile'],
    ['mobile 080', '080-1234-5678', '+818012345678', 'mobile'],
    ['mobile 090 without separators', '09012345678', '+819012345678', 'mobile'],
    ['mobile written with ー for hyphens', '090ー1234ー5678', '+819012345678', 'mobile'],
    ['mobile in full-width digits', '０９０－１２３４－５６７８', '+819012345678', 'mobile'],
    ['Tokyo landline 03', '03-1234-5678', '+81312345678', 'fixed'],
    ['Osaka landline 06', '06-1234-5678', '+81612345678', 'fixed'],
    ['three-digit area code', '045-123-4567', '+81451234567', 'fixed'],
    ['four-digit area code', '0299-12-3456', '+81299123456', 'fixed'],
    ['local part in parentheses 03(1234)5678', '03(1234)5678', '+81312345678', 'fixed'],
    ['area code in parentheses (03)1234-5678', '(03)1234-5678', '+81312345678', 'fixed'],
    ['dotted landline', '03.1234.5678', '+81312345678', 'fixed'],
    ['premium 0990', '0990-123-456', '+81990123456', 'premium'],
    ['+81 mobile', '+81 90-1234-5678', '+819012345678', 'mobile'],
    ['+81 landline', '+81-3-1234-5678', '+81312345678', 'fixed'],
    ['+81 with (0)', '+81 (0)3 1234 5678', '+81312345678', 'fixed'],
    ['full-width plus', '＋８１ ９０ １２３４ ５６７８', '+819012345678', 'mobile'],
  ])('reads %s', (_name, text, e164, kind) => {
    const phones = extractPhones(text);
    expect(phones).toHaveLength(1);
    expect(phones[0]).toMatchObject({ e164, kind, country: 'JP' });
  });

  it('keeps the written form in raw', () => {
    expect(extractPhones('電話:03(1234)5678まで')[0]!.raw).toBe('03(1234)5678');
  });

  it('reads a number glued to Japanese on both sides', () => {
    expect(e164s('お問い合わせは0120-123-456までお願いします')).toEqual(['+81120123456']);
  });

  it('reads a number labelled 電話番号', () => {
    expect(e164s('電話番号：03-1234-5678')).toEqual(['+81312345678']);
  });

  it('reads two numbers separated by one space', () => {
    expect(e164s('03-1234-5678 03-1234-5679')).toEqual(['+81312345678', '+81312345679']);
  });

  it('reads TEL and FAX numbers separated by a slash', () => {
    expect(e164s('TEL:03-1234-5678/FAX:03-1234-5679')).toEqual(['+81312345678', '+81312345679']);
  });

  it('reads a number followed by a bracketed note, 0120-123-456(24時間受付)', () => {
    expect(extractPhones('0120-123-456(24時間受付)')[0]).toMatchObject({ raw: '0120-123-456', e164: '+81120123456' });
  });

  it('reads a number after a date separated by a space', () => {
    expect(e164s('2024/11/26 03-1234-5678')).toEqual(['+81312345678']);
  });

  it('deduplicates one number written twice in different forms', () => {
    expect(e164s('090-1234-5678 または 09012345678')).toEqual(['+819012345678']);
  });

  it('does not read an unassigned Japanese number (0180-123-456)', () => {
    expect(extractPhones('0180-123-456')).toEqual([]);
  });
});

describe('extractPhones: international numbers', () => {
  it.each([
    ['+1 US', '+1 212 555 0123', '+12125550123', 'US'],
    ['+1 with brackets (555 is not assigned, still possible)', '+1 (555) 123-4567', '+15551234567', null],
    ['+44 UK', '+44 20 7946 0958', '+442079460958', 'GB'],
    ['+86 China', '+86 138 0013 8000', '+8613800138000', 'CN'],
    ['+855 Cambodia', '+855 12 345 678', '+85512345678', 'KH'],
    ['010 international prefix from Japan to the US', '010-1-212-555-0123', '+12125550123', 'US'],
    ['010 international prefix from Japan to the UK', '010-44-20-7946-0958', '+442079460958', 'GB'],
  ])('reads %s', (_name, text, e164, country) => {
    const phones = extractPhones(text);
    expect(phones).toHaveLength(1);
    expect(phones[0]).toMatchObject({ e164, country, kind: 'international' });
  });
});

describe('extractPhones: short codes', () => {
  it.each([
    ['#9110', '警察相談専用電話 #9110', '#9110'],
    ['#7119', '#7119へ', '#7119'],
    ['188に電話', '消費者ホットライン「188」に電話', '188'],
    ['188(いやや)', '188(いやや)', '188'],
    ['110番', 'すぐに110番してください', '110'],
    ['119番', '119番通報', '119'],
    ['110に通報', '110に通報', '110'],
    ['188へ相談', '188へ相談', '188'],
    ['call 110 in English', 'call 110 now', '110'],
    ['#dddd with a call context', '#8139に電話', '#8139'],
  ])('reads %s', (_name, text, code) => {
    expect(extractPhones(text)).toEqual([{ raw: code, e164: code, country: 'JP', kind: 'short' }]);
  });

  it.each([
    ['a bare 110', '110'],
    ['110 inside a sentence about size', '身長110cm'],
    ['188 as an amount', '188円'],
    ['an unknown #dddd without context', '#1234'],
    ['110 inside a longer number', '01101234'],
    ['a hashtag year', '#2024'],
  ])('does not read %s as a short code', (_name, text) => {
    expect(extractPhones(text)).toEqual([]);
  });
});

describe('extractPhones: things that are not phone numbers', () => {
  it.each([
    ['an amount with 円', '10,000円'],
    ['an amount with ¥', '¥30000'],
    ['a large amount without commas', '5000000000円'],
    ['a slash date', '2024/11/26'],
    ['a hyphen date', '2026-11-26'],
    ['a date starting with 0', '02-11-2026'],
    ['a time', '12:30〜18:00'],
    ['a postal code', '〒100-0001'],
    ['a postal code starting with 0', '〒060-0001 札幌市'],
    ['a tracking number (お問い合わせ番号)', 'お問い合わせ番号 1234-5678-9012'],
    ['a phone-shaped tracking number (お問い合わせ番号)', 'お問い合わせ番号：0120-123-456'],
    ['an order number with a phone shape', '注文番号: 03-1234-5678'],
    ['a labelled tracking number in English', 'Tracking number: 0312345678'],
    ['an ID', 'ID: 0123456789'],
    ['a 16-digit card number', '4111 1111 1111 1111'],
    ['a 16-digit card number with hyphens', '4111-1111-1111-1111'],
    ['a long digit run', '012345678901234567890'],
    ['a number without trunk 0', '312345678'],
    ['a carrier prefix run', '0033-1234-5678'],
    ['a too-long +number', '+1234567890123456'],
    ['digits in a link path', 'https://evil.top/track/0312345678'],
    ['digits in a link query', 'https://evil.top/?tel=09012345678'],
  ])('does not read %s', (_name, text) => {
    expect(extractPhones(text)).toEqual([]);
  });
});

describe('extractPhones: limits and garbage', () => {
  it('caps distinct numbers at MAX_PHONES', () => {
    const text = Array.from({ length: 100 }, (_, i) => `090-1234-${String(1000 + i)}`).join(' / ');
    expect(extractPhones(text)).toHaveLength(MAX_PHONES);
  });

  it('honours a custom max', () => {
    expect(extractPhones('03-1234-5678 / 06-1234-5678', { max: 1 })).toHaveLength(1);
  });

  it.each([
    ['a megabyte of zeros', '0'.repeat(1_000_000)],
    ['spaced digits', '0 '.repeat(100_000)],
    ['emoji only', '😀'.repeat(10_000)],
    ['random code units', Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
  ])('does not throw on %s', (_name, text) => {
    expect(() => extractPhones(text)).not.toThrow();
  });
});
