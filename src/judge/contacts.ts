// Finding contacts in text, and asking the caller's allow-list about them: what the guards (guards.ts) use to
// keep every link, address and number in an answer to those of our own knowledge (DESIGN.md, "judge").
// The contact finder is written here on purpose: it must not shift when message extraction is tuned, and
// it errs towards finding too much, because a false find only costs a sentence the model wrote.
import { parse as parseHost } from 'tldts';
import { SCHEME_LINK_RE } from '../text/links.ts';
import { normaliseForContacts } from './normalise.ts';

/** Built by the caller from the brand registry and the knowledge folder. Both answer false when unsure. */
export interface AllowedContacts {
  /** A full URL (https://…); bare domains and email domains are asked as https://domain/. */
  isAllowedUrl(url: string): boolean;
  /** Digits only, as written: "0120123456", "81312345678" (from +81…), "9110" (from #9110), "188". */
  isAllowedPhone(digits: string): boolean;
}

export type ContactKind = 'url' | 'domain' | 'email' | 'phone';

export interface FoundContact {
  kind: ContactKind;
  /** As found in the normalised text. */
  raw: string;
  /** What the allow-list is asked about: a URL for links, domains and emails; digits only for phones. */
  value: string;
  start: number;
  end: number;
}

/** Removes the links, domains, emails and numbers that are not allowed; `removed` counts them. */
export function stripUnknownContacts(s: string, allowed: AllowedContacts): { text: string; removed: number } {
  const { text, found } = findContacts(s);
  let out = '';
  let at = 0;
  let removed = 0;
  for (const c of found) {
    const ok = c.kind === 'phone' ? phoneAllowed(c.value, allowed) : urlAllowed(c.value, allowed);
    if (ok) continue;
    out += text.slice(at, c.start);
    at = c.end;
    removed++;
  }
  out += text.slice(at);
  return { text: removed > 0 ? out.replace(/[ \t]{2,}/g, ' ').trim() : text, removed };
}

// A caller's allow-list that throws is treated as a "no": an unknown contact must never slip through.
export function urlAllowed(url: string, allowed: AllowedContacts): boolean {
  try {
    return allowed.isAllowedUrl(url);
  } catch {
    return false;
  }
}

export function phoneAllowed(digits: string, allowed: AllowedContacts): boolean {
  try {
    return digits !== '' && allowed.isAllowedPhone(digits);
  } catch {
    return false;
  }
}

// A run of four or more digits that is no amount, date, year or count: part of a number spread over several of
// the model's sentences ("最初の4つは0120です"). A fair reason has no use for one.
const DIGIT_RUN = /\d+(?:[-‐ .・_]\d+)*/g;
const YEAR = /^(?:19|20)\d\d$/;

export function hasNumberPart(sentence: string, allowed: AllowedContacts): boolean {
  const text = normaliseForContacts(sentence);
  for (const m of text.matchAll(DIGIT_RUN)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 4 || YEAR.test(digits) || DATE_LIKE.test(m[0]) || phoneAllowed(digits, allowed)) continue;
    const end = m.index + m[0].length;
    const after = text.slice(end, end + CONTEXT_CHARS);
    if (UNIT_AFTER.test(after) || CURRENCY_BEFORE.test(text.slice(Math.max(0, m.index - CONTEXT_CHARS), m.index))) {
      continue;
    }
    return true;
  }
  return false;
}

// Each regex starts only where a token starts (a lookbehind), so a long run without a match is read once.
const EMAIL_RE =
  /(?<![a-z0-9._%+-])[a-z0-9._%+-]+@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]+))/gi;
const IPV4_RE = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])(?:[/:?#][^\s<>"'「」（）()、]*)?/g;
// ASCII labels bounded by characters that cannot be in one, so Japanese glued to a domain stays out of it.
const DOMAIN_RE =
  /(?<![a-z0-9\-_.@])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]{2,59}))(?![a-z0-9-])(?:[/?#][^\s<>"'「」（）()、。]*)?/gi;
// A label in another script right before an ASCII suffix (セブン銀行.com).
const IDN_DOMAIN_RE = /(?<![\p{L}\p{N}-])[\p{L}\p{N}][\p{L}\p{N}-]*\.[a-z]{2,24}(?![a-z0-9-])/giu;
const NON_ASCII = /[^\u0000-\u007f]/;
// Separators people and models put in numbers, including the katakana long-vowel mark (0120ー555ー019).
const PHONE_SEP = ' \\-‐‑‒–—−ー─.()・、_';
const PHONE_RE = new RegExp(`([#+])?\\(?\\d+(?:[${PHONE_SEP}]{1,3}\\d+)*\\)?`, 'g');
const PHONE_TRAILING_SEP = new RegExp(`(?<![${PHONE_SEP}])[${PHONE_SEP}]+$`);
const PHONE_GROUPED = new RegExp(`\\d[${PHONE_SEP}]+\\d`);
const TRAILING_PUNCT = /(?<![.,;:!?'"、。）)\]])[.,;:!?'"、。）)\]]+$/;
/** Stands in for text already claimed by a link, so a phone match cannot start inside one. */
const MASK = '\u0001';

/** Short numbers a person may be told to call (police, fire, consumer hotline, #9110 …). */
const SHORT_CODES = new Set([
  '104',
  '110',
  '113',
  '116',
  '117',
  '118',
  '119',
  '171',
  '177',
  '188',
  '189',
  '7119',
  '9110',
]);
const UNIT_AFTER =
  /^\s*(?:円|年|月|日|時|分|秒|歳|才|件|人|回|個|枚|通|万|億|千|百|%|ドル|ポイント|桁|文字|yen\b|jpy\b|usd\b|days?\b|hours?\b|minutes?\b|mins?\b|years?\b|times?\b|digits?\b|characters?\b|percent\b)/i;
const CURRENCY_BEFORE = /[¥$€£]\s*$/;
const PHONE_CUE_BEFORE = /(?:電話|でんわ|tel|call|phone|ダイヤル|dial|☎|📞|番号|number)[^\d]{0,8}$/i;
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/;
/** How far before and after a number its cue word or unit is looked for. */
const CONTEXT_CHARS = 16;

/** Every contact in `s`, in order, with offsets into `normaliseForContacts(s)` (returned as `text`). */
export function findContacts(s: string): { text: string; found: FoundContact[] } {
  const text = normaliseForContacts(s);
  const taken = new Uint8Array(text.length);
  const found: FoundContact[] = [];
  const add = (kind: ContactKind, raw: string, value: string, start: number) => {
    const end = start + raw.length;
    if (raw === '' || taken.subarray(start, end).some((t) => t === 1)) return;
    taken.fill(1, start, end);
    found.push({ kind, raw, value, start, end });
  };
  for (const m of text.matchAll(SCHEME_LINK_RE)) {
    const raw = m[0].replace(TRAILING_PUNCT, '');
    add('url', raw, raw, m.index);
  }
  for (const m of text.matchAll(EMAIL_RE)) {
    const domain = (m[1] ?? '').toLowerCase();
    if (isRealSuffix(domain)) add('email', m[0], `https://${domain}/`, m.index);
  }
  for (const m of text.matchAll(IPV4_RE)) {
    const raw = m[0].replace(TRAILING_PUNCT, '');
    add('domain', raw, `http://${raw}`, m.index);
  }
  for (const m of text.matchAll(DOMAIN_RE)) {
    if (!isRealSuffix(m[1] ?? '')) continue;
    const raw = m[0].replace(TRAILING_PUNCT, '');
    add('domain', raw, `https://${raw}`, m.index);
  }
  for (const m of text.matchAll(IDN_DOMAIN_RE)) {
    if (NON_ASCII.test(m[0]) && isRealSuffix(m[0])) add('domain', m[0], `https://${m[0]}`, m.index);
  }
  let masked = '';
  for (let i = 0; i < text.length; i++) masked += taken[i] === 1 ? MASK : text[i];
  for (const m of masked.matchAll(PHONE_RE)) {
    const raw = m[0].replace(PHONE_TRAILING_SEP, '');
    // A cue or a unit sits within a few characters: looking no further keeps each match's check constant.
    const before = masked.slice(Math.max(0, m.index - CONTEXT_CHARS), m.index);
    const end = m.index + raw.length;
    if (isPhoneLike(raw, before, masked.slice(end, end + CONTEXT_CHARS))) {
      add('phone', raw, raw.replace(/\D/g, ''), m.index);
    }
  }
  found.sort((a, b) => a.start - b.start);
  return { text, found };
}

function isRealSuffix(host: string): boolean {
  const parsed = parseHost(host.toLowerCase());
  return parsed.isIcann === true && parsed.domain !== null;
}

function isPhoneLike(raw: string, before: string, after: string): boolean {
  const digits = raw.replace(/\D/g, '');
  const d = digits.length;
  const prefix = raw[0] === '#' || raw[0] === '+' ? raw[0] : '';
  // A short run glued to Latin letters is a code ("A12345"); a long one is still a number ("TEL0120…").
  if (!prefix && d < 10 && /[a-z_]$/i.test(before)) return false;
  if (UNIT_AFTER.test(after) || CURRENCY_BEFORE.test(before) || DATE_LIKE.test(raw)) return false;
  if (prefix === '#') return d >= 3 && d <= 6;
  if (prefix === '+') return d >= 6;
  if (d >= 10 && d <= 15) return true;
  if (d >= 6 && digits.startsWith('0')) return true;
  if (d >= 7 && PHONE_GROUPED.test(raw)) return true;
  return d >= 3 && d <= 5 && (SHORT_CODES.has(digits) || PHONE_CUE_BEFORE.test(before));
}
