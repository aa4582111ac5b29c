// Links in a message: http(s) URLs, bare domains ("sagawa-xx.top/abc"), defanged forms
// ("hxxps://evil[.]top") and hosts glued to Japanese ("下記よりsagawa-xx.topから").
//
// A hand-written scanner rather than linkify-it: linkify-it puts Japanese glued before a domain
// into the host and needs its own TLD list (STACK.md, "Text"). Here a bare host is accepted only
// when its public suffix is an ICANN suffix known to tldts, so "file.txt", "3.14" and "Node.js"
// are not links. Every regex is linear: a host can only start where a label run starts (the
// lookbehinds), and all later parts are matched with sticky regexes from a known position.
//
// `domain` is the ICANN registrable domain (tldts with allowPrivateDomains: false): the domain of
// "sagawa.web.app" is "web.app", as for every Firebase site. That keeps `domain` the unit a
// registrar sells, which is what brand checks compare; the full host is in `host` for host-level
// intel lookups and for signals about free hosting platforms.
//
// Longer than 300 lines: one scanner, whose regexes and the steps that read from their positions belong together.

import { domainToUnicode } from 'node:url';
import { parse as parseDomain } from 'tldts';
import type { UrlIndicator } from '../domain.ts';
import { JAPANESE_SCRIPT } from '../text/script.ts';
import { canonicalizeUrl } from './canonical.ts';
import { normalizeText } from './normalize.ts';

/** Default cap on links returned for one message: a message with more is garbage or an attack. */
export const MAX_URLS = 100;

/** Longest path (with query) read after a host, in characters. Longer runs are cut, not rejected. */
const MAX_PATH_CHARS = 2_048;

/** Longest host we consider (RFC 1035: 253 octets in text form). */
const MAX_HOST_CHARS = 253;

/** Distinct written links remembered during one scan, so repeats are parsed once. */
const MAX_CACHED_LINKS = 1_024;

// A label character of a bare host: letters, digits and hyphen of any script except Japanese, so
// that Japanese glued on either side is never part of the host, while homograph hosts written in
// Cyrillic or Greek ("аррӏе.com") are still read.
const BARE_LABEL_CHAR = String.raw`[[\p{L}\p{N}\p{M}\-]--[${JAPANESE_SCRIPT}]]`;
// After an explicit scheme a host may be written in any script ("http://例え.jp").
const ANY_LABEL_CHAR = String.raw`[\p{L}\p{N}\p{M}\-]`;
// A dot as written: ".", the ideographic and full-width stops (IME input), or a defang mark.
const DOT = String.raw`(?:[.。．｡]| ?(?:\[(?:\.|dot)\]|\((?:\.|dot)\)|\{(?:\.|dot)\}) ?)`;
const DEFANGED_DOT_RE = /\[(?:\.|dot)\]|\((?:\.|dot)\)|\{(?:\.|dot)\}/i;
const ANY_DOT_RE = / ?(?:\[(?:\.|dot)\]|\((?:\.|dot)\)|\{(?:\.|dot)\}) ?|[。．｡]/gi;

// Schemes as written: http(s), hxxp(s), h**p(s) and the Japanese "ttp://" (h-less) habit.
const SCHEME = String.raw`(?<![a-z])(h(?:tt|xx|\*\*)ps?|ttps?)(:\/\/|\[:\]\/\/|\(:\)\/\/|\[:\/\/\])`;
// A bare host starts where a label run starts, never after "@" (an email), "." or "/" (a path). The look-behind
// comes after the first character so that most positions of a long text fail on one cheap class test.
const BARE_HOST = String.raw`${BARE_LABEL_CHAR}(?<![${BARE_LABEL_CHAR}@.\/\\_].)${BARE_LABEL_CHAR}*(?:${DOT}${BARE_LABEL_CHAR}+)+`;

// v: set subtraction in classes; i: HXXP, [DOT]. Built with RegExp() because the ES2023 target
// does not accept the v flag in literals.
const CANDIDATE_RE = new RegExp(`${SCHEME}|(${BARE_HOST})`, 'giv');
const USERINFO_RE = /(?:[A-Za-z0-9\-._~%!$&'()*+,;=:]{1,256}@)?/y;
const ANY_HOST_RE = new RegExp(String.raw`\[[0-9a-f:.]{2,45}\]|${ANY_LABEL_CHAR}+(?:${DOT}${ANY_LABEL_CHAR}+)*`, 'iyv');
const BARE_HOST_AT_RE = new RegExp(`${BARE_LABEL_CHAR}+(?:${DOT}${BARE_LABEL_CHAR}+)*`, 'iyv');
const PORT_PATH_RE = new RegExp(
  String.raw`(?::\d{1,5})?(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]{0,${MAX_PATH_CHARS}})?`,
  'y',
);
// Where an ASCII host runs into Japanese inside one written host ("例え.jpから"): cut there.
const ASCII_THEN_JAPANESE_RE = new RegExp(`[a-z0-9](?=[${JAPANESE_SCRIPT}])`, 'iv');
const JAPANESE_RE = new RegExp(`[${JAPANESE_SCRIPT}]`, 'v');
const IPV4_WRITTEN_RE = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const NUMERIC_HOST_RE = /^[\d.]+$/;
const IPV4_HOST_RE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const TITLE_CASE_RE = /^\p{Lu}\p{Ll}+$/u;
const TRAILING_PUNCT_RE = /[.,!?;:'"*]$/;
const EMAIL_AT_BEFORE_RE = /(?:@|\[@\]|\[at\]|\(at\)) ?$/i;
const EMAIL_AT_AFTER_RE = /^ ?(?:@|\[@\]|\[at\]|\(at\))/i;

// Bare "domains" that are really words in ordinary text: product names and company suffixes whose
// last part happens to be a TLD.
const NOT_HOSTS = new Set(['asp.net', 'vb.net', 'ado.net', 'co.ltd', 'inc.ltd']);
// TLDs that are also common file extensions: "README.md", "setup.py", "photo.zip" read as files
// unless written with a path or "www.".
const FILE_LIKE_TLDS = new Set(['md', 'py', 'sh', 'zip', 'mov', 'ps', 'rs', 'pl', 'so']);

// Endings people type as bare addresses ("amazon.co.jp" has more dots and is not affected); a bare "word.word"
// with another ending is taken for two words missing a space.
const TYPED_TLDS = new Set([
  'com',
  'net',
  'org',
  'jp',
  'info',
  'biz',
  'io',
  'co',
  'me',
  'us',
  'uk',
  'top',
  'xyz',
  'shop',
  'app',
  'dev',
  'cn',
  'ru',
  'tokyo',
]);
const WORD_RE = /^[a-z]+$/i;

/** A link found in text, with where it stood (used by defangText to rewrite it in place). */
export interface UrlMatch {
  start: number;
  end: number;
  /** The link as written with defang marks and odd dots undone ("hxxp[:]//a[.]b" → "http://a.b"). */
  plain: string;
  indicator: UrlIndicator;
}

export interface ExtractUrlsOptions {
  /** Most distinct links to return; default MAX_URLS. */
  max?: number;
}

/**
 * Links in `text`, deduplicated by canonical URL, in order of first appearance. `text` should be
 * normalised (normalizeText); it is normalised again here without a length cap, which costs little.
 */
export function extractUrls(text: string, opts: ExtractUrlsOptions = {}): UrlIndicator[] {
  return extractUrlsFromNormalized(normalizeText(text, { maxChars: Number.POSITIVE_INFINITY }).text, opts);
}

/** extractUrls for text already passed through normalizeText. */
export function extractUrlsFromNormalized(text: string, opts: ExtractUrlsOptions = {}): UrlIndicator[] {
  const max = opts.max ?? MAX_URLS;
  const seen = new Map<string, UrlIndicator>();
  if (max <= 0) return [];
  for (const m of scanUrls(text)) {
    if (!seen.has(m.indicator.url)) {
      seen.set(m.indicator.url, m.indicator);
      if (seen.size >= max) break;
    }
  }
  return [...seen.values()];
}

/**
 * One link written on its own (a QR code's content, a line the user pasted): the indicator when
 * the whole string is one link, else null.
 */
export function parseUrlCandidate(s: string): UrlIndicator | null {
  const t = normalizeText(s, { maxChars: Number.POSITIVE_INFINITY }).text.trim();
  if (t === '') return null;
  const first = scanUrls(t).next();
  if (first.done || first.value.start !== 0) return null;
  const m = first.value;
  if (m.end === t.length) return m.indicator;
  // The scanner stops a path at non-ASCII text; a string that is one URL keeps its whole path.
  if (m.indicator.bare || /\s/.test(t)) return null;
  const whole = canonicalizeUrl(m.plain + t.slice(m.end));
  if (whole === null || new URL(whole).hostname !== m.indicator.host) return null;
  return { ...m.indicator, raw: t, url: whole };
}

/** Every link in `text` in order, duplicates included. Linear in the length of `text`. */
export function* scanUrls(text: string): Generator<UrlMatch> {
  const re = new RegExp(CANDIDATE_RE.source, CANDIDATE_RE.flags);
  const cache = new Map<string, UrlIndicator | null>();
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    let found: UrlMatch | null;
    if (m[1] !== undefined && m[2] !== undefined) {
      found = readSchemed(text, start, m[1], m[2], cache);
    } else {
      found = readBare(text, start, m[3] ?? '', cache);
    }
    if (found !== null) {
      re.lastIndex = found.end;
      yield found;
    } else {
      // Resume right after what the regex consumed: nothing inside it can start another link
      // (the lookbehinds forbid starting mid-label), so this stays linear.
      re.lastIndex = start + m[0].length;
    }
  }
}

function readSchemed(
  text: string,
  start: number,
  schemeWord: string,
  separator: string,
  cache: Map<string, UrlIndicator | null>,
): UrlMatch | null {
  const scheme = /s$/i.test(schemeWord) ? 'https' : 'http';
  const defangedScheme = !/^https?$/i.test(schemeWord) || separator !== '://';
  let pos = start + schemeWord.length + separator.length;

  USERINFO_RE.lastIndex = pos;
  const userinfo = USERINFO_RE.exec(text)?.[0] ?? '';
  pos += userinfo.length;

  ANY_HOST_RE.lastIndex = pos;
  const written = ANY_HOST_RE.exec(text)?.[0];
  if (written === undefined || written === '') return null;
  // Try the host as written, then cut where ASCII runs into Japanese, then only the non-Japanese run.
  const tries = [written];
  const cut = ASCII_THEN_JAPANESE_RE.exec(written);
  if (cut !== null) tries.push(written.slice(0, cut.index + 1));
  if (JAPANESE_RE.test(written)) {
    BARE_HOST_AT_RE.lastIndex = pos;
    const strict = BARE_HOST_AT_RE.exec(text)?.[0];
    if (strict !== undefined && strict !== '') tries.push(strict);
  }
  for (const hostWritten of tries) {
    const found = finish(
      text,
      start,
      pos + hostWritten.length,
      { prefix: `${scheme}://${userinfo}`, hostWritten, bare: false, defanged: defangedScheme },
      cache,
    );
    if (found !== null) return found;
  }
  return null;
}

function readBare(
  text: string,
  start: number,
  hostWritten: string,
  cache: Map<string, UrlIndicator | null>,
): UrlMatch | null {
  const end = start + hostWritten.length;
  // "first.last@example.com" and "info@example[.]com" are email addresses (emails.ts), not links.
  if (EMAIL_AT_AFTER_RE.test(text.slice(end, end + 6))) return null;
  if (EMAIL_AT_BEFORE_RE.test(text.slice(Math.max(0, start - 6), start))) return null;
  return finish(text, start, end, { prefix: '', hostWritten, bare: true, defanged: false }, cache);
}

interface Parts {
  /** "https://user@" or "" for a bare host. */
  prefix: string;
  hostWritten: string;
  bare: boolean;
  defanged: boolean;
}

function finish(
  text: string,
  start: number,
  writtenEnd: number,
  parts: Parts,
  cache: Map<string, UrlIndicator | null>,
): UrlMatch | null {
  const { hostWritten, bare } = parts;
  if (hostWritten.length > MAX_HOST_CHARS * 2) return null;
  const hostPlain = hostWritten.replace(ANY_DOT_RE, '.');
  // Hyphens at the edges of the run belong to the text ("-----example.com-----"), not to the host.
  const lead = bare ? (/^-+/.exec(hostPlain)?.[0].length ?? 0) : 0;
  const trail = bare ? (/(?<!-)-+$/.exec(hostPlain)?.[0].length ?? 0) : 0;
  const hostText = hostPlain.slice(lead, hostPlain.length - trail);
  if (hostText === '' || hostText.length > MAX_HOST_CHARS) return null;
  // A public host has a dot ("http://localhost" is not one); checked before the costlier parsing.
  if (!hostText.includes('.') && !hostText.startsWith('[')) return null;

  const hostEnd = writtenEnd - trail;
  PORT_PATH_RE.lastIndex = hostEnd;
  const rest = trimTrailing(PORT_PATH_RE.exec(text)?.[0] ?? '');
  const from = start + lead;
  const end = hostEnd + rest.length;
  const raw = text.slice(from, end);
  const plain = `${parts.prefix}${hostText}${rest}`;

  // A message that repeats one link thousands of times parses it once.
  const key = bare ? ` ${raw}` : raw;
  let indicator = cache.get(key);
  if (indicator === undefined) {
    indicator = describe(raw, plain, hostText, rest !== '', bare, parts.defanged || DEFANGED_DOT_RE.test(hostWritten));
    if (cache.size < MAX_CACHED_LINKS) cache.set(key, indicator);
  }
  return indicator === null ? null : { start: from, end, plain, indicator };
}

function describe(
  raw: string,
  plain: string,
  hostText: string,
  hasPath: boolean,
  bare: boolean,
  defanged: boolean,
): UrlIndicator | null {
  if (bare && !acceptBareHost(hostText, hasPath)) return null;
  const url = canonicalizeUrl(bare ? `http://${plain}` : plain);
  if (url === null) return null;
  const host = new URL(url).hostname;
  const info = describeHost(host, bare);
  if (info === null) return null;
  return {
    raw,
    url,
    host,
    hostUnicode: host.includes('xn--') ? domainToUnicode(host) || host : host,
    domain: info.domain,
    tld: info.tld,
    isIp: info.isIp,
    defanged,
    bare,
  };
}

/** Written-form checks for a host seen without a scheme. */
function acceptBareHost(hostText: string, hasPath: boolean): boolean {
  if (NUMERIC_HOST_RE.test(hostText)) return IPV4_WRITTEN_RE.test(hostText);
  const lower = hostText.toLowerCase();
  if (NOT_HOSTS.has(lower)) return false;
  if (hasPath || lower.startsWith('www.')) return true;
  const lastDot = hostText.lastIndexOf('.');
  const last = hostText.slice(lastDot + 1);
  // "account.Click here", "Mr.Smith": a capitalised word after a full stop is a sentence, not a TLD.
  if (TITLE_CASE_RE.test(last)) return false;
  // "reaching home.love u", "just now.onion": two plain words joined by a missing space. Written without a
  // scheme, "www." or a path, only the endings people really type as addresses count there.
  if (
    lastDot === hostText.indexOf('.') &&
    WORD_RE.test(hostText.slice(0, lastDot)) &&
    !TYPED_TLDS.has(last.toLowerCase())
  ) {
    return false;
  }
  return !FILE_LIKE_TLDS.has(last.toLowerCase());
}

/** Registrable domain and suffix of an ASCII host, or null when it is not a public host. */
function describeHost(
  host: string,
  bare: boolean,
): { domain: string | null; tld: string | null; isIp: boolean } | null {
  if (host.startsWith('[') || IPV4_HOST_RE.test(host)) return { domain: null, tld: null, isIp: true };
  if (
    host.split('.').some((label) => label === '' || label.length > 63 || label.startsWith('-') || label.endsWith('-'))
  )
    return null;
  const p = parseDomain(host, { allowPrivateDomains: false });
  if (p.isIcann !== true || p.publicSuffix === null) return null;
  // A bare public suffix ("co.jp") in running text is a word, not a link.
  if (bare && p.domain === null) return null;
  return { domain: p.domain, tld: p.publicSuffix, isIp: false };
}

/** Strip punctuation that ends the sentence rather than the link, and unbalanced closing brackets. */
function trimTrailing(rest: string): string {
  let r = rest;
  for (;;) {
    if (TRAILING_PUNCT_RE.test(r)) {
      r = r.slice(0, -1);
      continue;
    }
    const last = r.charAt(r.length - 1);
    const open = last === ')' ? '(' : last === ']' ? '[' : null;
    if (open !== null && count(r, open) < count(r, last)) {
      r = r.slice(0, -1);
      continue;
    }
    return r;
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
