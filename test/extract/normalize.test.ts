import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/extract/normalize.ts';
import { MAX_TEXT_CHARS } from '../../src/limits.ts';

describe('normalizeText', () => {
  it('folds full-width letters, digits and punctuation with NFKC', () => {
    expect(normalizeText('ｓａｇａｗａ．ｔｏｐ ０９０－１２３４ ￥３，０００').text).toBe('sagawa.top 090-1234 ¥3,000');
  });

  it('folds half-width katakana to full-width', () => {
    expect(normalizeText('ｻｶﾞﾜ').text).toBe('サガワ');
  });

  it.each([
    ['zero-width space U+200B', '\u200B'],
    ['zero-width non-joiner U+200C', '\u200C'],
    ['zero-width joiner U+200D', '\u200D'],
    ['word joiner U+2060', '\u2060'],
    ['invisible plus U+2064', '\u2064'],
    ['byte-order mark U+FEFF', '\uFEFF'],
    ['Mongolian vowel separator U+180E', '\u180E'],
    ['soft hyphen U+00AD', '\u00AD'],
    ['left-to-right mark U+200E', '\u200E'],
    ['right-to-left mark U+200F', '\u200F'],
    ['Arabic letter mark U+061C', '\u061C'],
    ['right-to-left override U+202E', '\u202E'],
    ['left-to-right embedding U+202A', '\u202A'],
    ['first strong isolate U+2068', '\u2068'],
    ['pop directional isolate U+2069', '\u2069'],
    ['tag letter U+E0041', '\u{E0041}'],
    ['cancel tag U+E007F', '\u{E007F}'],
  ])('removes and counts the invisible %s', (_name, ch) => {
    const r = normalizeText(`sa${ch}gawa${ch}-xx.top`);
    expect(r.text).toBe('sagawa-xx.top');
    expect(r.invisibleChars).toBe(2);
  });

  it('counts every invisible character in a mixed run', () => {
    const r = normalizeText('\u200B\u200C\u200D\u2060\uFEFF\u202E\u{E0001}\u{E0068}ok');
    expect(r).toEqual({ text: 'ok', invisibleChars: 8, truncated: false });
  });

  it('keeps emoji with variation selectors and ZWJ-free sequences intact', () => {
    expect(normalizeText('注意⚠️です😀').text).toBe('注意⚠️です😀');
  });

  it('drops C0 and C1 control characters but keeps tab and newline', () => {
    const r = normalizeText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg\th\ni');
    expect(r.text).toBe('abcde\nfg\th\ni');
    expect(r.invisibleChars).toBe(0);
  });

  it('turns \\r\\n and lone \\r into \\n', () => {
    expect(normalizeText('a\r\nb\rc\u2028d').text).toBe('a\nb\nc\nd');
  });

  it('replaces lone surrogates instead of throwing', () => {
    const r = normalizeText('a\uD800b\uDC00c\uD83D');
    expect(r.text).toBe('a\uFFFDb\uFFFDc\uFFFD');
  });

  it('survives binary garbage (every UTF-16 code unit)', () => {
    const all = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).join('');
    const r = normalizeText(all, { maxChars: 1_000_000 });
    expect(r.text.length).toBeGreaterThan(0);
    expect(r.text).not.toMatch(/[\u0000-\u0008\u200B\uFEFF\u202E]/);
    expect(r.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('caps the text at MAX_TEXT_CHARS by default and says it was truncated', () => {
    const r = normalizeText('あ'.repeat(MAX_TEXT_CHARS + 5));
    expect(r.text.length).toBe(MAX_TEXT_CHARS);
    expect(r.truncated).toBe(true);
  });

  it('caps at a custom maxChars', () => {
    expect(normalizeText('abcdef', { maxChars: 4 })).toEqual({ text: 'abcd', invisibleChars: 0, truncated: true });
  });

  it('is not truncated when the text fits exactly', () => {
    expect(normalizeText('abcd', { maxChars: 4 }).truncated).toBe(false);
  });

  it('is not truncated when only invisible characters made the input long', () => {
    const r = normalizeText(`${'\u200B'.repeat(100)}abc`, { maxChars: 10 });
    expect(r).toEqual({ text: 'abc', invisibleChars: 100, truncated: false });
  });

  it('does not cut a surrogate pair in half at the cap', () => {
    const r = normalizeText('a😀😀', { maxChars: 2 });
    expect(r.text).toBe('a');
    expect(r.truncated).toBe(true);
  });

  it('reads input longer than one slice without losing or splitting characters', () => {
    const input = `${'x'.repeat(65_535)}😀${'か\u3099'.repeat(10)}\r\nend`;
    const r = normalizeText(input, { maxChars: 200_000 });
    expect(r.text).toBe(`${'x'.repeat(65_535)}😀${'が'.repeat(10)}\nend`);
  });

  it('composes a combining mark that straddles a slice boundary', () => {
    const input = `${'x'.repeat(65_535)}か\u3099`;
    expect(normalizeText(input, { maxChars: 200_000 }).text.endsWith('が')).toBe(true);
  });

  it('handles empty input', () => {
    expect(normalizeText('')).toEqual({ text: '', invisibleChars: 0, truncated: false });
  });

  it('reads only the start of a megabyte of text', () => {
    const r = normalizeText('詐欺'.repeat(500_000));
    expect(r.text.length).toBe(MAX_TEXT_CHARS);
    expect(r.truncated).toBe(true);
  });
});
