// Guards that run after either judge (DESIGN.md, "judge"; STYLE.md habit 9):
// - deterministic evidence sets a floor the LLM cannot lower, and the LLM may lower a level one step at most;
// - an answer carries only links and numbers from our own knowledge: sentences from the model that hold any
//   other contact are dropped whole (a sentence with its number cut out still points the wrong way);
// - the model's sentences never carry a messaging id, an app to install, a reassurance (safe, genuine, official,
//   fine to follow) or a denial of our evidence (model-text.ts), read after normalise.ts undid any disguise;
// - what the guards did (lowered, floor held, sentences dropped by reason) is reported for counting and logging;
// - when the LLM fails, the local judgement answers and says why.
// Guards decide the judgement only; the answer is composed once, after them, and sanitized once
// (consult/pipeline.ts). sanitizeVerdict is that last pass.
// The contact finder they rely on is contacts.ts.
import type { Evidence, Judgement, Lang, Level, LlmUsage, ScamType, Signal, Verdict } from '../domain.ts';
import { LEVEL_RANK } from '../domain.ts';
import { MAX_REASONS_PER_ANSWER } from '../limits.ts';
import { stripInvisible } from '../text/invisible.ts';
import { JAPANESE_LETTER_RE } from '../text/script.ts';
import { type AllowedContacts, hasNumberPart, phoneAllowed, stripUnknownContacts, urlAllowed } from './contacts.ts';
import type { LlmJudgement } from './llm-schema.ts';
import { type ClaimKind, modelClaim } from './model-text.ts';

// The consultant and the hostile-model check and its test take the allow-list and the contact finder from here.
export { type AllowedContacts, findContacts, stripUnknownContacts } from './contacts.ts';
export { normaliseForContacts } from './normalise.ts';

export interface GuardArgs {
  local: Judgement;
  judgement: LlmJudgement;
  evidence: Evidence;
  allowed: AllowedContacts;
  meta: { promptVersion: string; model: string; usage?: LlmUsage; ms: number };
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

/** The final judgement from the LLM's, held to the evidence. judgedBy is 'llm'. */
export function applyGuards(args: GuardArgs): Judgement {
  return applyGuardsReport(args).judgement;
}

/** applyGuards, with what the guards did. */
export function applyGuardsReport(args: GuardArgs): { judgement: Judgement; report: GuardReport } {
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
  // The model's confidence is about its own level; when the guards replaced that level, the local one stands.
  const confidence = level === judgement.level ? clamp01(judgement.confidence) : clamp01(local.confidence);

  const { fallbackReason: _dropped, ...rest } = local;
  const guarded: Judgement = {
    ...rest,
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
  return { judgement: guarded, report };
}

function strongestScamType(signals: Signal[]): ScamType | undefined {
  const typed = signals.filter((s) => s.scamType !== undefined && isSpecific(s.scamType));
  typed.sort((a, b) => b.weight - a.weight);
  return typed[0]?.scamType;
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

/** The local judgement, answering because the LLM could not (timeout, HTTP error, invalid output …). */
export function fallbackVerdict<T extends Judgement>(local: T, reason: string): T {
  return { ...local, judgedBy: 'local', fallbackReason: reason };
}

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

/**
 * Last pass over every answer, local or LLM: advice, after-the-fact steps and contacts that name a link or
 * number we do not know are removed. Reasons stay: the local judge's are templates that may name the
 * message's host (defanged) as evidence, and the model's were checked in applyGuards.
 */
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
