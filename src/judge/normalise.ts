// Undoes the ways a contact or a claim is hidden in a sentence, so that the contact finder (contacts.ts) and the
// checks on the model's words (model-text.ts) see the plain form: NFKC and invisible characters (full-width
// digits, zero-width spaces), digits of other scripts, kanji numerals (〇一二〇), numbers spelled out in
// English ("zero one two") or read in kana (ゼロイチニーゼロ), letters spread out with spaces ("s a f e",
// "安 全"), and defanged links and addresses (hxxps, [.], (dot), 「ドット」, [at], アットマーク).
// Every step is one left-to-right pass or a regex without nested quantifiers over overlapping classes, so the
// whole stays linear in the length of the text (issue 11: no super-linear regex on text we did not write).
import { stripInvisible } from '../text/invisible.ts';
import { JAPANESE_LETTER_RE, KANA_RE } from '../text/script.ts';

/** Kanji and formal (daiji) numerals for single digits. Positional ones (十百千万) are left as they are. */
const KANJI_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  壱: '1',
  二: '2',
  弐: '2',
  三: '3',
  参: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陸: '6',
  七: '7',
  漆: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};
/** Circles people type for zero; read as 0 only next to another kanji digit (○○銀行 is a placeholder). */
const CIRCLES = ['○', '◯', '⚪'];
const KANJI_DIGIT_RE = new RegExp(`[${Object.keys(KANJI_DIGITS).join('')}]`);
const KANJI_DIGIT_OR_CIRCLE_RE = new RegExp(`[${Object.keys(KANJI_DIGITS).join('')}${CIRCLES.join('')}]`, 'g');
/** A decimal digit of another script than ASCII (NFKC has made full-width ones ASCII already). */
const OTHER_DIGIT_RE = /[^\P{Nd}0-9]/u;

const ENGLISH_DIGIT_WORDS: Record<string, string> = {
  zero: '0',
  oh: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  niner: '9',
};
const REPEATERS: Record<string, number> = { double: 2, triple: 3 };
// Two or more digit words (or repeaters) in a row; words and separators share no character, so it is linear.
const DIGIT_WORD = 'zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|niner|double|triple';
const DIGIT_WORD_RUN = new RegExp(`\\b(?:${DIGIT_WORD})\\b(?:[ ,.\\-]{1,3}\\b(?:${DIGIT_WORD})\\b)+`, 'gi');

/** Kana readings of digits, longest first so that キュウ wins over キュ. Written in katakana. */
const KANA_READINGS: [string, string][] = [
  ['キュウ', '9'],
  ['キュー', '9'],
  ['ゼロ', '0'],
  ['レイ', '0'],
  ['マル', '0'],
  ['イチ', '1'],
  ['ニー', '2'],
  ['サン', '3'],
  ['ヨン', '4'],
  ['ゴー', '5'],
  ['ロク', '6'],
  ['ナナ', '7'],
  ['シチ', '7'],
  ['ハチ', '8'],
  ['キュ', '9'],
  ['ニ', '2'],
  ['ゴ', '5'],
];
/** A run of readings shorter than this stays kana: イチゴ and サンゴ are words, not numbers. */
const KANA_READINGS_MIN = 4;
const HIRAGANA_TO_KATAKANA = 0x60;
const KANA_SEPARATORS = new Set(['・', '-', ' ', 'ー', '、', ',']);

/** The text the contact finder and the model-text checks read. Offsets do not map back to `s`. */
export function normaliseForContacts(s: string): string {
  let t = asciiDigits(joinSpreadText(s));
  t = kanjiDigits(t);
  t = t.replace(DIGIT_WORD_RUN, englishDigits);
  t = kanaDigits(t);
  // A slash between digits groups a number (090/1234/5678); with spaces around it, it parts two.
  return undoDefanging(t).replace(/(?<=\d)\/(?=\d)/g, '-');
}

/** The text the claim checks read (model-text.ts): spaces collapsed and spread-out letters joined, no digit work. */
export function normaliseForClaims(s: string): string {
  return joinSpreadText(s);
}

/** NFKC, invisible characters and marks on Latin letters gone, white space collapsed, with "T h i s   i s   s a f e" read as words first (a run of spaces parts two words). */
function joinSpreadText(s: string): string {
  const t = stripInvisible(s).replace(/(?<=[\x21-\x7e])\p{M}+/gu, '');
  return t
    .split(/\s{2,}/)
    .map((part) => joinSpreadLetters(part.replace(/\s+/g, ' ')))
    .join(' ');
}

/** Decimal digits of any script (Arabic-Indic, Devanagari …) as ASCII; NFKC has done full-width and circled. */
function asciiDigits(s: string): string {
  if (!OTHER_DIGIT_RE.test(s)) return s;
  let out = '';
  for (const ch of s) {
    if (ch > '\x7f' && /\p{Nd}/u.test(ch)) {
      // Unicode keeps each script's digits 0-9 in one contiguous run; walk back to its zero.
      let cp = ch.codePointAt(0) ?? 0;
      let value = 0;
      while (value < 9 && /\p{Nd}/u.test(String.fromCodePoint(cp - 1))) {
        cp -= 1;
        value += 1;
      }
      out += String(value);
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * "s a f e", "0 1 2 0", "e x a m p l e . t o p" become one word, and spaces between Japanese characters go
 * ("安 全 で す"): a sentence is never written that way except to slip past a filter.
 */
function joinSpreadLetters(s: string): string {
  const parts = s.split(' ');
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const prev = parts[i - 1] ?? '';
    const cur = parts[i] ?? '';
    const single = (w: string) => w.length === 1 && /[a-z0-9.:/@\-_]/i.test(w);
    const glue =
      (single(prev) && single(cur) && (single(parts[i - 2] ?? '') || single(parts[i + 1] ?? ''))) ||
      (JAPANESE_LETTER_RE.test(prev.slice(-1)) && JAPANESE_LETTER_RE.test(cur.slice(0, 1)));
    out += glue ? cur : ` ${cur}`;
  }
  return out;
}

function kanjiDigits(s: string): string {
  if (!KANJI_DIGIT_RE.test(s)) return s;
  // Every character here is in the BMP, so its neighbours are s[at - 1] and s[at + 1].
  return s.replace(KANJI_DIGIT_OR_CIRCLE_RE, (ch: string, at: number) => {
    const d = KANJI_DIGITS[ch];
    if (d !== undefined) return d;
    return isKanjiDigit(s[at - 1]) || isKanjiDigit(s[at + 1]) ? '0' : ch;
  });
}

const isKanjiDigit = (ch: string | undefined) => ch !== undefined && KANJI_DIGITS[ch] !== undefined;

function englishDigits(run: string): string {
  let out = '';
  let repeat = 1;
  for (const word of run.toLowerCase().split(/[ ,.-]+/)) {
    const r = REPEATERS[word];
    if (r !== undefined) {
      repeat = r;
      continue;
    }
    out += (ENGLISH_DIGIT_WORDS[word] ?? '').repeat(repeat);
    repeat = 1;
  }
  return out;
}

/** Runs of at least KANA_READINGS_MIN digit readings (ゼロイチニーゼロ, ぜろ・いち・に・ぜろ) become digits. */
function kanaDigits(s: string): string {
  if (!KANA_RE.test(s)) return s;
  const kata = [...s].map((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return cp >= 0x3041 && cp <= 0x3096 ? String.fromCodePoint(cp + HIRAGANA_TO_KATAKANA) : ch;
  });
  const orig = [...s];
  let out = '';
  let i = 0;
  while (i < kata.length) {
    // Read as many readings as follow one another from i (separators ・ - and spaces between them allowed).
    let j = i;
    let digits = '';
    let count = 0;
    for (;;) {
      const hit = readingAt(kata, j);
      if (hit === undefined) break;
      digits += hit[1];
      count += 1;
      j += hit[0].length;
      let k = j;
      while (k < kata.length && KANA_SEPARATORS.has(kata[k] ?? '')) k++;
      if (readingAt(kata, k) === undefined) break;
      j = k;
    }
    if (count >= KANA_READINGS_MIN) {
      out += digits;
      i = j;
    } else {
      out += orig[i];
      i += 1;
    }
  }
  return out;
}

const READING_STARTS = new Set(KANA_READINGS.map(([r]) => r[0]));

function readingAt(chars: string[], at: number): [string, string] | undefined {
  if (!READING_STARTS.has(chars[at] ?? '')) return undefined;
  for (const r of KANA_READINGS) {
    let ok = true;
    for (let k = 0; k < r[0].length; k++) {
      if (chars[at + k] !== r[0][k]) {
        ok = false;
        break;
      }
    }
    if (ok) return r;
  }
  return undefined;
}

// Leading spaces are taken only from the start of a run (the look-behind), so a long run of spaces is read once.
const JP_DOT_WORDS: [RegExp, string][] = [
  [/(?:(?<!\s)\s+)?(?:ドット|どっと)\s*(?:コム|こむ)/g, '.com'],
  [/(?:(?<!\s)\s+)?(?:ドット|どっと)\s*(?:ネット|ねっと)/g, '.net'],
  [/(?:(?<!\s)\s+)?(?:ドット|どっと)\s*(?:ジェーピー|ジェイピー|じぇーぴー|じぇいぴー)/g, '.jp'],
];

function undoDefanging(s: string): string {
  let t = s
    .replace(/h(?:xx|XX|\*\*|tt)p(s?)(?=\s*\[?:)/gi, 'http$1')
    .replace(/(?<![a-z])ttp(s?)(?=:\/\/)/gi, 'http$1')
    .replace(/\[:\]|\(:\)/g, ':')
    .replace(/(?<=\bhttps?)\s*:\s*\/\s*\/\s*/gi, '://');
  for (const [re, to] of JP_DOT_WORDS) t = t.replace(re, to);
  return t
    .replace(/(?:(?<!\s)\s+)?(?:\[\.\]|\(\.\)|\{\.\}|<\.>|\[dot\]|\(dot\)|\{dot\}|<dot>)\s*/gi, '.')
    .replace(/(?<=[a-z0-9])\s*[「『"'(]?\s*(?:ドット|どっと)\s*[」』"')]?\s*(?=[a-z0-9])/gi, '.')
    .replace(/(?<=[a-z0-9])\s+(?:dot|period)\s+(?=[a-z0-9])/gi, '.')
    .replace(/(?<=[a-z0-9])\s+\.\s*(?=[a-z0-9])/gi, '.')
    .replace(/(?<=[a-z0-9])[。｡・](?=[a-z0-9])/gi, '.')
    .replace(/(?:(?<!\s)\s+)?(?:\[@\]|\(@\)|\[at\]|\(at\)|\{at\}|<at>)\s*/gi, '@')
    .replace(
      /(?<=[a-z0-9._%+-])\s*[[(「『]?\s*(?:アットマーク|あっとまーく|アット|あっと)\s*[\])」』]?\s*(?=[a-z0-9])/gi,
      '@',
    )
    .replace(/(?<=[a-z0-9._%+-])\s+at\s+(?=[a-z0-9-]+\.[a-z0-9])/gi, '@');
}
