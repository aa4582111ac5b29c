// Which characters are Japanese. Four answers, because the callers ask four questions:
// - KANA_KANJI: the blocks Japanese is written in (kana U+3040-30FF, kanji U+3400-9FFF), as a character-class
//   body. No `u` flag needed and one range test per character: language detection and the text signals.
// - JAPANESE_SCRIPT: Unicode Script_Extensions Han, Hiragana and Katakana, which also takes in the marks and
//   punctuation written only with them (ー, 々, 。, 「」); a class body for `u` / `v` regexes. Bounds links: no
//   character of it is part of a bare host.
// - JAPANESE_LETTER_RE: the letters only (Script Han, Hiragana, Katakana, and the long-vowel mark ー), without
//   the punctuation Script_Extensions brings, so "です。 次" keeps its space where a sentence ends.
// - KANA_RE: hiragana and katakana, which Chinese does not use: Japanese as opposed to Chinese, and kana
//   numerals (ゼロイチニー).
// Script_Extensions: https://www.unicode.org/reports/tr24/

export const KANA_KANJI = String.raw`\u3040-\u30ff\u3400-\u9fff`;
/** A kana or kanji character (KANA_KANJI); not global, so test() holds no state. */
export const KANA_KANJI_RE = new RegExp(`[${KANA_KANJI}]`);

export const JAPANESE_SCRIPT = String.raw`\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}`;

export const JAPANESE_LETTER_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;

export const KANA_RE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
