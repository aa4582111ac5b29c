// The shared text utilities: what counts as invisible, as Japanese, and as a link written with its scheme.
import { describe, expect, it } from 'vitest';
import { CONTROL_RE, INVISIBLE_RE, stripInvisible } from '../../src/text/invisible.ts';
import { SCHEME_LINK_RE } from '../../src/text/links.ts';
import { JAPANESE_LETTER_RE, JAPANESE_SCRIPT, KANA_KANJI_RE, KANA_RE } from '../../src/text/script.ts';

describe('invisible characters', () => {
  it.each([
    ['zero-width space', '\u200B'],
    ['zero-width joiner', '\u200D'],
    ['word joiner', '\u2060'],
    ['byte order mark', '\uFEFF'],
    ['soft hyphen', '\u00AD'],
    ['Mongolian vowel separator', '\u180E'],
    ['right-to-left override', '\u202E'],
    ['Arabic letter mark', '\u061C'],
    ['first strong isolate', '\u2068'],
    ['deprecated format character', '\u206A'],
    ['tag letter a', '\u{E0061}'],
  ])('%s is invisible', (_name, ch) => {
    expect(`pa${ch}y`.replace(INVISIBLE_RE, '')).toBe('pay');
  });

  it('visible letters, spaces, tabs and newlines stay', () => {
    const text = 'お荷物\tdelivery 090\n';
    expect(text.replace(INVISIBLE_RE, '').replace(CONTROL_RE, '')).toBe(text);
  });

  it('stripInvisible folds full-width forms first and drops controls too', () => {
    expect(stripInvisible('ｓａ\u200Bｆｅ\u0007 ０１２０')).toBe('safe 0120');
  });
});

describe('Japanese script', () => {
  it('kana and kanji by block; 々 is not in the blocks, ー is', () => {
    expect(['あ', 'カ', '漢', 'ー'].every((c) => KANA_KANJI_RE.test(c))).toBe(true);
    expect(['a', '々', '。', 'Я'].some((c) => KANA_KANJI_RE.test(c))).toBe(false);
  });

  it('Script_Extensions takes in the punctuation written with Japanese', () => {
    const re = new RegExp(`[${JAPANESE_SCRIPT}]`, 'u');
    expect(['あ', '々', 'ー', '。', '「'].every((c) => re.test(c))).toBe(true);
    expect(re.test('a')).toBe(false);
  });

  it('letters only: ー and 々 are, 。 is not', () => {
    expect(['あ', 'カ', '漢', '々', 'ー'].every((c) => JAPANESE_LETTER_RE.test(c))).toBe(true);
    expect(['。', '「', 'a'].some((c) => JAPANESE_LETTER_RE.test(c))).toBe(false);
  });

  it('kana tells Japanese from Chinese', () => {
    expect(KANA_RE.test('お荷物')).toBe(true);
    expect(KANA_RE.test('您的包裹')).toBe(false);
  });
});

describe('links written with a scheme', () => {
  it('end at a space, a bracket or the punctuation that ends a link in a Japanese sentence', () => {
    const text = 'こちら https://a.example/x、または「hxxps://b[.]example/y」 ftp://c.example/z (http://d.example)';
    expect(text.match(SCHEME_LINK_RE)).toEqual([
      'https://a.example/x',
      'hxxps://b[.]example/y',
      'ftp://c.example/z',
      'http://d.example',
    ]);
  });
});
