// Guards that run after either judge (DESIGN.md, "judge"; STYLE.md habit 9):
// - deterministic evidence sets a floor the LLM cannot lower, and the LLM may lower a level one step at most;
// - an answer carries only links and numbers from our own knowledge: sentences from the model that hold any
//   other contact are dropped whole (a sentence with its number cut out still points the wrong way);
// - the model's sentences never carry a messaging id, an app to install, a reassurance (safe, genuine, official,
//   fine to follow) or a denial of our evidence (model-text.ts), read after normalise.ts undid any disguise;
// - what the guards did (lowered, floor held, sentences dropped by reason) is reported for counting and logging;
// - when the LLM fails, the local verdict answers and says why.
// The contact finder is written here on purpose: it must not shift when message extraction is tuned, and
// it errs towards finding too much, because a false find only costs a sentence the model wrote.
import { parse as parseHost } from 'tldts';
import type { Evidence, Lang, Level, LlmUsage, ScamType, Signal, Verdict } from '../domain.ts';
import { LEVEL_RANK } from '../domain.ts';
import { MAX_REASONS_PER_ANSWER } from '../limits.ts';
import { stripInvisible } from '../text/invisible.ts';
import { SCHEME_LINK_RE } from '../text/links.ts';
import { JAPANESE_LETTER_RE } from '../text/script.ts';
import type { LlmJudgement } from './llm-schema.ts';
import { type ClaimKind, modelClaim } from './model-text.ts';
import { normaliseForContacts } from './normalise.ts';

export { normaliseForContacts };

/** Built by the caller from the brand registry and the knowledge folder. Both answer false when unsure. */
export interface AllowedContacts {
  /** A full URL (https://…); bare domains and email domains are asked as https://domain/. */
  isAllowedUrl(url: string): boolean;
  /** Digits only, as written: "0120123456", "81312345678" (from +81…), "9110" (from #9110), "188". */
  isAllowedPhone(digits: string): boolean;
}

/** What the caller's composer gives for a level and scam type that differ from the local verdict's. */
export type Recompose = (
  level: Level,
  scamType: ScamType,
) => Pick<Verdict, 'headline' | 'advice' | 'ifAlreadyActed' | 'contacts' | 'articles'>;

export interface GuardArgs {
  local: Verdict;
  judgement: LlmJudgement;
  evidence: Evidence;
  allowed: AllowedContacts;
  meta: { promptVersion: string; model: string; usage?: LlmUsage; ms: number };
  recompose: Recompose;
}

/** Local reasons that come before the model's: the strongest evidence always leads the answer. */
const LOCAL_REASONS_FIRST = 3;
/** Signal code the evidence step uses for text that addresses an AI or claims to be verified safe. */
export const PROMPT_INJECTION_SIGNAL = 'prompt_injection';

// ---- Levels ------------------------------------------------------------------------------------------

const higher = (a: Level, b: Level): Level => (LEVEL_RANK[a] >= LEVEL_RANK[b] ? a : b);
const ONE_STEP_DOWN: Record<Level, Level> = { danger: 'caution', caution: 'low', low: 'low', unknown: 'unknown' };
const isSpecific = (t: ScamType) => t !== 'none' && t !== 'other';

/** Why a sentence of the model's was left out of the answer. */
export type DropReason = 'contact' | ClaimKind | 'language';

/** What the guards did to the model's answer: counted in the judge stats and logged, never the text. */
export interface GuardReport {
  /** The model lowered the local level (one step at most, and only without strong evidence). */
  lowered: boolean;
  /** The evidence floor overruled the model's level. */
  floorHeld: boolean;
  /** Sentences of the model's left out, by reason. */
  dropped: Partial<Record<DropReason, number>>;
}

/** The final verdict from the LLM's judgement, held to the evidence. judgedBy is 'llm'. */
export function applyGuards(args: GuardArgs): Verdict {
  return applyGuardsReport(args).verdict;
}

/** applyGuards, with what the guards did. */
export function applyGuardsReport(args: GuardArgs): { verdict: Verdict; report: GuardReport } {
  const { local, judgement, evidence, allowed, meta } = args;
  const strongSignals = evidence.signals.filter((s) => s.strong === true);
  const strong =
    strongSignals.length > 0 || evidence.intel.length > 0 || evidence.brands.some((b) => b.relation === 'impersonated');
  const injection = judgement.injectionSuspected || evidence.signals.some((s) => s.code === PROMPT_INJECTION_SIGNAL);

  // An LLM that abstains defers to the local judge; one that disagrees may lower the local level one step.
  let level: Level = judgement.level === 'unknown' ? local.level : judgement.level;
  level = higher(level, ONE_STEP_DOWN[local.level]);
  const floor: Level = strong || injection ? higher(local.level, 'caution') : 'unknown';
  const floorBinding = LEVEL_RANK[level] < LEVEL_RANK[floor];
  level = higher(level, floor);

  let scamType = judgement.scamType;
  if (!isSpecific(scamType) && isSpecific(local.scamType)) scamType = local.scamType;
  if (floorBinding) {
    // The model was overruled on the level, so its scam type is not to be trusted either.
    scamType = strongestScamType(strongSignals) ?? (isSpecific(local.scamType) ? local.scamType : scamType);
  }
  if (scamType === 'none' && LEVEL_RANK[level] >= LEVEL_RANK.caution) {
    scamType = local.scamType !== 'none' ? local.scamType : 'other';
  }

  const { kept: llmReasons, dropped } = cleanModelSentences(judgement.reasons, local.lang, allowed, evidence, level);
  // The local evidence leads; the model's own sentences get room before the local judge's weaker ones.
  const localReasons = local.reasons.map((r) => r.trim());
  const reasons = dedupe([
    ...localReasons.slice(0, LOCAL_REASONS_FIRST),
    ...llmReasons,
    ...localReasons.slice(LOCAL_REASONS_FIRST),
  ]).slice(0, MAX_REASONS_PER_ANSWER);
  const composed =
    level === local.level && scamType === local.scamType
      ? {
          headline: local.headline,
          advice: local.advice,
          ifAlreadyActed: local.ifAlreadyActed,
          contacts: local.contacts,
          articles: local.articles,
        }
      : args.recompose(level, scamType);
  // The model's confidence is about its own level; when the guards replaced that level, the local one stands.
  const confidence = level === judgement.level ? clamp01(judgement.confidence) : clamp01(local.confidence);

  const { fallbackReason: _dropped, ...rest } = local;
  const verdict: Verdict = {
    ...rest,
    ...composed,
    level,
    scamType,
    confidence,
    reasons,
    judgedBy: 'llm',
    promptVersion: meta.promptVersion,
    model: meta.model,
    ...(meta.usage ? { usage: meta.usage } : {}),
    timings: { ...local.timings, llm: meta.ms },
  };
  const report: GuardReport = {
    lowered: LEVEL_RANK[level] < LEVEL_RANK[local.level],
    floorHeld: floorBinding,
    dropped,
  };
  return { verdict: sanitizeVerdict(verdict, allowed), report };
}

function strongestScamType(signals: Signal[]): ScamType | undefined {
  const typed = signals.filter((s) => s.scamType !== undefined && isSpecific(s.scamType));
  typed.sort((a, b) => b.weight - a.weight);
  return typed[0]?.scamType;
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

/** The local verdict, answering because the LLM could not (timeout, HTTP error, invalid output …). */
export function fallbackVerdict(local: Verdict, reason: string): Verdict {
  return { ...local, judgedBy: 'local', fallbackReason: reason };
}

/**
 * Last pass over every verdict, local or LLM: advice, after-the-fact steps and contacts that name a link or
 * number we do not know are removed. Reasons stay: the local judge's are templates that may name the
 * message's host (defanged) as evidence, and the model's were checked in applyGuards.
 */
/**
 * Advice, steps and contact labels come from our knowledge (the model's advice is never used), so the same few
 * hundred sentences are checked in every answer: each one's result is kept per allow-list (it is a pure function
 * of the two), at most SANITIZE_MEMO_MAX of them.
 */
const sanitizeMemo = new WeakMap<AllowedContacts, Map<string, boolean>>();
const SANITIZE_MEMO_MAX = 5_000;

function cleanOf(allowed: AllowedContacts): (s: string) => boolean {
  let memo = sanitizeMemo.get(allowed);
  if (memo === undefined) {
    memo = new Map();
    sanitizeMemo.set(allowed, memo);
  }
  const known = memo;
  return (s) => {
    const hit = known.get(s);
    if (hit !== undefined) return hit;
    const ok = stripUnknownContacts(s, allowed).removed === 0;
    if (known.size >= SANITIZE_MEMO_MAX) known.clear();
    known.set(s, ok);
    return ok;
  };
}

export function sanitizeVerdict(v: Verdict, allowed: AllowedContacts): Verdict {
  const clean = cleanOf(allowed);
  return {
    ...v,
    advice: v.advice.filter(clean),
    ifAlreadyActed: v.ifAlreadyActed.filter(clean),
    contacts: v.contacts.filter(
      (c) =>
        (c.phone === undefined || phoneAllowed(c.phone.replace(/\D/g, ''), allowed)) &&
        (c.url === undefined || urlAllowed(c.url, allowed)) &&
        clean(c.label.ja) &&
        clean(c.label.en),
    ),
  };
}

// ---- The model's sentences ---------------------------------------------------------------------------

/**
 * Why the model's sentence may not reach the person, or null when it may: it holds a link, address or number
 * that is not in our knowledge, a messaging id, an app to install, a reassurance or a denial of our evidence
 * (model-text.ts), or it is not in the answer language. `level` is the level the answer will carry.
 */
export function modelSentenceProblem(
  sentence: string,
  lang: Lang,
  allowed: AllowedContacts,
  evidence: Evidence,
  level: Level,
): DropReason | null {
  if (stripUnknownContacts(sentence, allowed).removed > 0 || hasNumberPart(sentence, allowed)) return 'contact';
  const claim = modelClaim(sentence, { evidence, level });
  if (claim !== null) return claim;
  if ((lang === 'ja') !== JAPANESE_LETTER_RE.test(sentence)) return 'language';
  return null;
}

// A run of four or more digits that is no amount, date, year or count: part of a number spread over several of
// the model's sentences ("最初の4つは0120です"). A fair reason has no use for one.
const DIGIT_RUN = /\d+(?:[-‐ .・_]\d+)*/g;
const YEAR = /^(?:19|20)\d\d$/;

function hasNumberPart(sentence: string, allowed: AllowedContacts): boolean {
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

/** Trimmed, invisible characters removed, deduplicated; dropped whole when modelSentenceProblem finds one. */
function cleanModelSentences(
  sentences: string[],
  lang: Lang,
  allowed: AllowedContacts,
  evidence: Evidence,
  level: Level,
): { kept: string[]; dropped: GuardReport['dropped'] } {
  const kept: string[] = [];
  const dropped: GuardReport['dropped'] = {};
  for (const s of sentences) {
    const text = stripInvisible(s).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const problem = modelSentenceProblem(text, lang, allowed, evidence, level);
    if (problem === null) kept.push(text);
    else dropped[problem] = (dropped[problem] ?? 0) + 1;
  }
  return { kept: dedupe(kept), dropped };
}

function dedupe(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((s) => {
    const key = s.toLowerCase();
    if (s === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---- Finding contacts in a sentence ------------------------------------------------------------------

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
function urlAllowed(url: string, allowed: AllowedContacts): boolean {
  try {
    return allowed.isAllowedUrl(url);
  } catch {
    return false;
  }
}

function phoneAllowed(digits: string, allowed: AllowedContacts): boolean {
  try {
    return digits !== '' && allowed.isAllowedPhone(digits);
  } catch {
    return false;
  }
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
