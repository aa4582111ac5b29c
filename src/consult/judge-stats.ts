// Anonymous weekly counters of how the judge did, for the operator's console: how many consultations the LLM
// answered and how many the local judge did, why the LLM failed when it did, how long its calls took (as a
// histogram, so p50 and p95 can be read back) and how many tokens it used. Counts only: no text, no person,
// no model output. One map per ISO week (in TZ, like the trends), kept as aggregates are.
import type { Verdict } from '../domain.ts';
import { keys } from '../infra/store/keys.ts';
import type { Store } from '../infra/store/store.ts';
import type { GuardReport } from '../judge/guards.ts';
import type { LlmResult } from '../judge/llm.ts';
import { DEFAULT_TZ, isoWeekOf } from '../stats/week.ts';

/** Upper bounds of the latency buckets, in ms; a call slower than the last falls in "more". */
export const LATENCY_BUCKETS_MS = [
  250, 500, 750, 1_000, 1_500, 2_000, 3_000, 4_000, 6_000, 8_000, 12_000, 20_000, 30_000, 60_000,
] as const;
const SLOWER = 'more';

/** A failure reason is a short token (LlmFailureReason); anything else is counted as "other". */
const REASON_RE = /^[a-z_]{1,32}$/;

export interface JudgeStats {
  /**
   * Counts one consultation; `llm` is the LLM call's result when one was made, `guards` what the guards did to
   * its answer. Never throws.
   */
  record(verdict: Pick<Verdict, 'judgedBy'>, llm: LlmResult | undefined, guards?: GuardReport): Promise<void>;
}

function bucketOf(ms: number): string {
  const b = LATENCY_BUCKETS_MS.find((upper) => ms <= upper);
  return b === undefined ? SLOWER : String(b);
}

/** The counters in the store, by week in `tz` (config.TZ); a store that fails loses the count, never the answer. */
export function storeJudgeStats(store: Store, now: () => Date = () => new Date(), tz: string = DEFAULT_TZ): JudgeStats {
  return {
    async record(verdict, llm, guards) {
      const key = keys.judgeStats(isoWeekOf(now(), tz));
      const add: [string, number][] = [[`judged:${verdict.judgedBy === 'llm' ? 'llm' : 'local'}`, 1]];
      if (llm !== undefined) {
        add.push(['llm:calls', 1], [`ms:${bucketOf(llm.ms)}`, 1]);
        if (llm.ok) {
          add.push(['llm:ok', 1]);
          if (llm.usage) add.push(['tokens:in', llm.usage.promptTokens], ['tokens:out', llm.usage.completionTokens]);
        } else {
          add.push([`llm:fail:${REASON_RE.test(llm.reason) ? llm.reason : 'other'}`, 1]);
        }
      }
      if (guards) {
        if (guards.lowered) add.push(['guard:lowered', 1]);
        if (guards.floorHeld) add.push(['guard:floor', 1]);
        for (const [why, n] of Object.entries(guards.dropped)) {
          add.push([`guard:dropped:${REASON_RE.test(why) ? why : 'other'}`, n ?? 0]);
        }
      }
      try {
        await Promise.all(
          add.filter(([, by]) => Number.isFinite(by) && by > 0).map(([f, by]) => store.mapIncr(key, f, by)),
        );
      } catch {
        // Counting is best effort: the person's answer matters more than the operator's figure.
      }
    },
  };
}

export interface WeeklyJudgeStats {
  week: string;
  judgedByLlm: number;
  judgedLocally: number;
  llmCalls: number;
  llmOk: number;
  /** LLM failures by reason (timeout, http_error, invalid_output, network, other). */
  fallbacks: Record<string, number>;
  tokensIn: number;
  tokensOut: number;
  /** Calls per latency bucket: upper bound in ms (or "more") → count. */
  latency: Record<string, number>;
  /** Answers in which the model lowered the local level (one step, weak evidence only). */
  lowered: number;
  /** Answers in which the evidence floor overruled the model's level. */
  floorHeld: number;
  /** The model's sentences left out, by reason (contact, messaging, app, reassurance, contradiction, language). */
  dropped: Record<string, number>;
}

/** A week with nothing counted yet. */
function emptyJudgeStats(week: string): WeeklyJudgeStats {
  return {
    week,
    judgedByLlm: 0,
    judgedLocally: 0,
    llmCalls: 0,
    llmOk: 0,
    fallbacks: {},
    tokensIn: 0,
    tokensOut: 0,
    latency: {},
    lowered: 0,
    floorHeld: 0,
    dropped: {},
  };
}

export async function readJudgeStats(store: Store, week: string): Promise<WeeklyJudgeStats> {
  const raw = await store.mapEntries(keys.judgeStats(week));
  const s = emptyJudgeStats(week);
  for (const [field, value] of Object.entries(raw)) {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) continue;
    if (field === 'judged:llm') s.judgedByLlm = n;
    else if (field === 'judged:local') s.judgedLocally = n;
    else if (field === 'llm:calls') s.llmCalls = n;
    else if (field === 'llm:ok') s.llmOk = n;
    else if (field === 'tokens:in') s.tokensIn = n;
    else if (field === 'tokens:out') s.tokensOut = n;
    else if (field.startsWith('llm:fail:')) s.fallbacks[field.slice('llm:fail:'.length)] = n;
    else if (field.startsWith('ms:')) s.latency[field.slice(3)] = n;
    else if (field === 'guard:lowered') s.lowered = n;
    else if (field === 'guard:floor') s.floorHeld = n;
    else if (field.startsWith('guard:dropped:')) s.dropped[field.slice('guard:dropped:'.length)] = n;
  }
  return s;
}

/** Sums several weeks (the console's 13-week totals). */
export function sumJudgeStats(weeks: readonly WeeklyJudgeStats[], label: string): WeeklyJudgeStats {
  const out = emptyJudgeStats(label);
  const addAll = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
  };
  for (const w of weeks) {
    out.judgedByLlm += w.judgedByLlm;
    out.judgedLocally += w.judgedLocally;
    out.llmCalls += w.llmCalls;
    out.llmOk += w.llmOk;
    out.tokensIn += w.tokensIn;
    out.tokensOut += w.tokensOut;
    addAll(out.fallbacks, w.fallbacks);
    addAll(out.latency, w.latency);
    out.lowered += w.lowered;
    out.floorHeld += w.floorHeld;
    addAll(out.dropped, w.dropped);
  }
  return out;
}

/**
 * The latency under which a share `p` (0..1) of the calls finished, as the upper bound of its bucket
 * (so "≤ 1,500 ms"); null without calls, Infinity when it lies past the last bucket.
 */
export function latencyPercentileMs(latency: Record<string, number>, p: number): number | null {
  const total = Object.values(latency).reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const upper of LATENCY_BUCKETS_MS) {
    seen += latency[String(upper)] ?? 0;
    if (seen >= rank) return upper;
  }
  return Number.POSITIVE_INFINITY;
}

export interface TokenPrices {
  inputPer1k?: number;
  outputPer1k?: number;
}

/** Estimated cost in USD, or null when no price is configured. */
export function estimatedCostUsd(
  s: Pick<WeeklyJudgeStats, 'tokensIn' | 'tokensOut'>,
  prices: TokenPrices,
): number | null {
  if (prices.inputPer1k === undefined && prices.outputPer1k === undefined) return null;
  return (s.tokensIn / 1000) * (prices.inputPer1k ?? 0) + (s.tokensOut / 1000) * (prices.outputPer1k ?? 0);
}
