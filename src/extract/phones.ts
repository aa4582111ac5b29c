// Phone numbers in a message, as a Japanese reader sees them: domestic numbers with the trunk 0
// ("0120-123-456", "03(1234)5678", "090ー1234ー5678"), +81 forms, international numbers written
// with "+" or dialled from Japan with the international prefix 010 ("010-1-212-555-0123"), and the
// public short codes (110番, 188, #9110) when the text clearly means a call.
//
// A regex finds digit runs with phone-like separators; libphonenumber-js (the "max" metadata, which
// is needed for number types, STACK.md) decides whether a run is a number. Things with a phone's
// shape that are not phones are refused by rule: amounts (10,000円), dates, postal codes (〒),
// and any number labelled as a tracking, order, account or ID number. Yamato and Sagawa call their
// tracking number お問い合わせ番号, so "お問い合わせ番号 0312-3456-7890" is a parcel, not a call.

import { type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneIndicator, PhoneKind } from '../domain.ts';
import { normalizeText } from './normalize.ts';

/** Default cap on distinct numbers returned for one message. */
export const MAX_PHONES = 30;

/**
 * Candidates handed to libphonenumber per call. A 300-character SMS has a handful; the cap keeps
 * a megabyte of digits from costing seconds (each parse is ~15 µs).
 */
const MAX_PARSES = 2_000;

/** Candidate runs examined per call, for the same reason. */
const MAX_CANDIDATES = 10_000;

/** Parts of one run tried when the whole run is not a number (real runs have 2-5 parts). */
const MAX_PART_TRIES = 16;

/** Digits in the shortest and longest runs worth parsing: 8 (+ and a short foreign number) to 18 (010 + 15). */
const MIN_DIGITS = 8;
const MAX_DIGITS = 18;

/** Characters between digit groups: hyphens and dashes of every width, ー (typed for a hyphen), dot, space, brackets. */
const SEP = String.raw`[\-\u2010-\u2015\u2212\u30FC .()]`;
/** The same without space: a number glued to another by one of these is part of a longer code. */
const TIGHT_SEP = String.raw`[\-\u2010-\u2015\u2212\u30FC.]`;

// 8 to 18 digits, starting with "+", "(" or a digit that does not continue another number or a
// link's path or query ("/track/0312345678", "?id=09012345678").
const CANDIDATE_RE = new RegExp(
  String.raw`(?<![\d+#/=?&%_]|\d${TIGHT_SEP})(?:\+ ?|\()?\d(?:${SEP}{0,2}\d){7,17}(?!\d|${TIGHT_SEP}\d)`,
  'g',
);
const GROUP_SPLIT_RE = /[\s()]+/g;

// Public short codes: #9110 (警察相談), #7119 (救急安心), #8000 (子ども医療), #8891 and #8103
// (性犯罪被害), #9910 (道路). Other "#dddd" only when the text says to call.
const KNOWN_HASH_CODES = new Set(['#9110', '#7119', '#8000', '#8891', '#8103', '#9910']);
const SHORT_RE = /(?<![\d#\w])(#\d{4}|110|118|119|171|188|189)(?!\d)/g;
const SHORT_CONTEXT_AFTER_RE =
  /^ ?(?:番|\((?:いやや|いちはやく)\)|[「」]?(?:に|へ|まで|で)(?:お?電話|ご?連絡|ご?相談|通報|かけ|架電))/;
const SHORT_CONTEXT_BEFORE_RE = /(?:call|dial|phone|ring|ホットライン|電話|☎)[ :「『]*$/i;

// Labels that name a number as something other than a phone.
const NOT_PHONE_LABEL_RE = new RegExp(
  [
    `(?:問い?合わ?せ|伝票|追跡|注文|受付|会員|顧客|お客様|口座|管理|整理|申込|申し込み|予約|配送|荷物|送り状|契約|登録|認証|確認|暗証|カード)番号`,
    String.raw`\bID`,
    String.raw`(?:tracking|order|reference|account|invoice|customer|card|membership)\s?(?:number|no\.?|#|id)`,
  ].join('|') + String.raw`\s?[:：#]?\s?(?:は|:|：)?\s?[【「(]?$`,
  'i',
);
const POSTAL_MARK_RE = /〒 ?$/;
const AMOUNT_BEFORE_RE = /[¥$€£] ?$/;
const AMOUNT_AFTER_RE = /^ ?(?:円|万|千|ドル|yen|jpy|usd)/i;
const DATE_RE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;

/** Characters of context looked at before a candidate. */
const CONTEXT_CHARS = 24;

export interface ExtractPhonesOptions {
  /** Most distinct numbers to return; default MAX_PHONES. */
  max?: number;
}

/** Phone numbers in `text` (normalised again here, which costs little), distinct by e164, in order. */
export function extractPhones(text: string, opts: ExtractPhonesOptions = {}): PhoneIndicator[] {
  return extractPhonesFromNormalized(normalizeText(text, { maxChars: Number.POSITIVE_INFINITY }).text, opts);
}

interface Found {
  at: number;
  phone: PhoneIndicator;
}

/** extractPhones for text already passed through normalizeText. */
export function extractPhonesFromNormalized(text: string, opts: ExtractPhonesOptions = {}): PhoneIndicator[] {
  const max = opts.max ?? MAX_PHONES;
  if (max <= 0) return [];
  const found: Found[] = [];
  const seen = new Set<string>();
  const add = (at: number, phone: PhoneIndicator): boolean => {
    if (seen.has(phone.e164)) return false;
    seen.add(phone.e164);
    found.push({ at, phone });
    return seen.size >= max;
  };

  const parser = new BudgetedParser();
  const re = new RegExp(CANDIDATE_RE.source, CANDIDATE_RE.flags);
  let candidates = 0;
  for (let m = re.exec(text); m !== null && candidates < MAX_CANDIDATES; m = re.exec(text)) {
    candidates++;
    const hit = readCandidate(text, m.index, m[0], parser);
    if (hit !== null && add(hit.at, hit.phone)) break;
    if (parser.exhausted) break;
  }

  const short = new RegExp(SHORT_RE.source, SHORT_RE.flags);
  for (let m = short.exec(text); m !== null && seen.size < max && candidates < MAX_CANDIDATES; m = short.exec(text)) {
    candidates++;
    const code = m[1] ?? '';
    if (isShortCode(text, m.index, code) && add(m.index, { raw: code, e164: code, country: 'JP', kind: 'short' })) {
      break;
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.phone);
}

function isShortCode(text: string, at: number, code: string): boolean {
  if (KNOWN_HASH_CODES.has(code)) return true;
  const after = text.slice(at + code.length, at + code.length + 12);
  const before = text.slice(Math.max(0, at - CONTEXT_CHARS), at);
  return SHORT_CONTEXT_AFTER_RE.test(after) || SHORT_CONTEXT_BEFORE_RE.test(before);
}

/** A candidate run, or the longest part of it (split at spaces and brackets) that is a number. */
function readCandidate(text: string, at: number, run: string, parser: BudgetedParser): Found | null {
  const whole = readNumber(text, at, run, parser);
  if (whole !== null) return { at, phone: whole };
  // "26 03-1234-5678" (a date before), "0120-123-456(24時間)": try the parts, longest first.
  const groups: { start: number; end: number; digits: number }[] = [];
  let last = 0;
  const split = new RegExp(GROUP_SPLIT_RE.source, GROUP_SPLIT_RE.flags);
  const pushGroup = (start: number, end: number) => {
    if (end > start) groups.push({ start, end, digits: countDigits(run, start, end) });
  };
  for (let s = split.exec(run); s !== null; s = split.exec(run)) {
    pushGroup(last, s.index);
    last = s.index + s[0].length;
  }
  pushGroup(last, run.length);
  if (groups.length < 2) return null;
  const ranges: { start: number; end: number; length: number }[] = [];
  for (let i = 0; i < groups.length; i++) {
    let digits = 0;
    for (let j = i; j < groups.length; j++) {
      digits += groups[j]!.digits;
      if (i === 0 && j === groups.length - 1) continue;
      // Only a span with as many digits as some number has is worth a parse.
      if (digits >= MIN_DIGITS && digits <= MAX_DIGITS) {
        ranges.push({ start: groups[i]!.start, end: groups[j]!.end, length: groups[j]!.end - groups[i]!.start });
      }
    }
  }
  ranges.sort((a, b) => b.length - a.length || a.start - b.start);
  for (const r of ranges.slice(0, MAX_PART_TRIES)) {
    const phone = readNumber(text, at + r.start, run.slice(r.start, r.end), parser);
    if (phone !== null) return { at: at + r.start, phone };
  }
  return null;
}

function countDigits(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function readNumber(text: string, at: number, raw: string, parser: BudgetedParser): PhoneIndicator | null {
  // "+81 (0)3 …": the bracketed trunk 0 is not dialled from abroad.
  const digits = raw.replace(/\(0\)/, '').replace(/\D/g, '');
  let number: string;
  if (raw.startsWith('+')) {
    if (digits.length < 8 || digits.length > 15) return null;
    number = `+${digits}`;
  } else if (digits.startsWith('010')) {
    // 010 is Japan's international prefix: "010-1-212-555-0123" is +1 212 555 0123.
    const rest = digits.slice(3);
    if (rest.length < 8 || rest.length > 15 || rest.startsWith('0')) return null;
    number = `+${rest}`;
  } else {
    // Domestic numbers are 10 or 11 digits with the trunk 0; "00…" is a carrier or IDD prefix.
    if (!digits.startsWith('0') || digits.charAt(1) === '0' || digits.length < 10 || digits.length > 11) return null;
    number = digits;
  }
  if (DATE_RE.test(raw) || isLabelledOrAmount(text, at, raw)) return null;
  const parsed = parser.parse(number);
  return parsed === null ? null : { raw: raw.trim(), ...parsed };
}

function isLabelledOrAmount(text: string, at: number, raw: string): boolean {
  const before = text.slice(Math.max(0, at - CONTEXT_CHARS), at);
  const lineBefore = before.slice(before.lastIndexOf('\n') + 1);
  if (NOT_PHONE_LABEL_RE.test(lineBefore) || POSTAL_MARK_RE.test(lineBefore) || AMOUNT_BEFORE_RE.test(lineBefore)) {
    return true;
  }
  return AMOUNT_AFTER_RE.test(text.slice(at + raw.length, at + raw.length + 4));
}

/** Kind by the Japanese number prefix (総務省 numbering plan), which is what a reader recognises. */
function japaneseKind(phone: PhoneNumber): PhoneKind {
  const n = phone.nationalNumber;
  if (n.startsWith('120') || n.startsWith('800')) return 'toll_free';
  if (n.startsWith('570')) return 'navi_dial';
  if (n.startsWith('990')) return 'premium';
  if (n.startsWith('50')) return 'ip';
  if (n.startsWith('70') || n.startsWith('80') || n.startsWith('90')) return 'mobile';
  const type = phone.getType();
  if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') return 'fixed';
  if (type === 'PREMIUM_RATE') return 'premium';
  return 'unknown';
}

type ParsedNumber = Omit<PhoneIndicator, 'raw'>;

/** libphonenumber parsing and validation with a per-call cache and a cap on the number of parses. */
class BudgetedParser {
  private readonly cache = new Map<string, ParsedNumber | null>();
  private parses = 0;

  get exhausted(): boolean {
    return this.parses >= MAX_PARSES;
  }

  /** `number` is "+<digits>" or domestic digits with the trunk 0. */
  parse(number: string): ParsedNumber | null {
    const cached = this.cache.get(number);
    if (cached !== undefined) return cached;
    if (this.exhausted) return null;
    this.parses++;
    const parsed = describe(parsePhoneNumberFromString(number, 'JP'));
    this.cache.set(number, parsed);
    return parsed;
  }
}

function describe(phone: PhoneNumber | undefined): ParsedNumber | null {
  if (phone === undefined) return null;
  const japanese = phone.countryCallingCode === '81';
  // A Japanese number must be one the numbering plan assigns; a foreign one need only be possible,
  // since an unusual foreign number in a Japanese SMS is worth reporting whatever its metadata says.
  if (japanese ? !phone.isValid() : !phone.isPossible()) return null;
  return {
    e164: phone.number,
    country: phone.country ?? (japanese ? 'JP' : null),
    kind: japanese ? japaneseKind(phone) : 'international',
  };
}
