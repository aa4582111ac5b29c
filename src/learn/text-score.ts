// An optional text score: how much a message's wording resembles the scams rather than the genuine messages
// of the training data (a weighted Bernoulli naive Bayes over Japanese character bigrams and English words and
// word pairs). It learns a source's style as much as fraud (business mail against chat), so it is one feature
// among the signals, reported with and without in `npm run eval`, and shipped only when the grouped figures
// say it helps (MODEL_CARD.md).
import type { Lang } from '../domain.ts';

export interface TextModel {
  /** Log-ratio of a token's presence in scams against genuine messages. */
  weights: Record<string, number>;
}

/** Documents a token must appear in (by weight) to be kept, and how many tokens a language keeps at most. */
const MIN_DOC_WEIGHT = 2;
const MIN_ABS_LOG_RATIO = 0.5;
export const MAX_TOKENS_PER_LANG = 12_000;
/** Fewer known tokens than this damp the score: a short text says little. */
const FULL_EVIDENCE_TOKENS = 10;
const SCORE_CLIP = 3;

const JA_CHAR_RE = /[\p{L}\p{N}]/u;

/** The distinct tokens of a text: character bigrams for Japanese, words and word pairs for English. */
export function textTokens(text: string, lang: Lang): string[] {
  const t = text.normalize('NFKC').toLowerCase().replace(/\d/g, '0').slice(0, 4000);
  const out = new Set<string>();
  if (lang === 'ja') {
    const chars = [...t].filter((c) => JA_CHAR_RE.test(c));
    for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  } else {
    const words = t.match(/[a-z][a-z']+/g) ?? [];
    for (let i = 0; i < words.length; i++) {
      out.add(words[i]!);
      if (i + 1 < words.length) out.add(`${words[i]} ${words[i + 1]}`);
    }
  }
  return [...out];
}

export interface TextDoc {
  tokens: readonly string[];
  label: 0 | 1;
  weight: number;
}

export function fitTextModel(docs: readonly TextDoc[]): TextModel {
  const df = new Map<string, [number, number]>();
  let scamWeight = 0;
  let legitWeight = 0;
  for (const d of docs) {
    if (d.label === 1) scamWeight += d.weight;
    else legitWeight += d.weight;
    for (const tok of d.tokens) {
      const c = df.get(tok) ?? [0, 0];
      c[d.label] += d.weight;
      df.set(tok, c);
    }
  }
  const kept: [string, number, number][] = [];
  for (const [tok, [legit, scam]] of df) {
    if (legit + scam < MIN_DOC_WEIGHT) continue;
    const r = Math.log((scam + 1) / (scamWeight + 2)) - Math.log((legit + 1) / (legitWeight + 2));
    if (Math.abs(r) >= MIN_ABS_LOG_RATIO) kept.push([tok, r, Math.abs(r) * Math.log1p(legit + scam)]);
  }
  kept.sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]));
  const weights: Record<string, number> = {};
  for (const [tok, r] of kept.slice(0, MAX_TOKENS_PER_LANG)) weights[tok] = Math.round(r * 1000) / 1000;
  return { weights };
}

/** Mean log-ratio of the known tokens, damped for short texts, clipped and scaled to −1 … 1. */
export function textScore(model: TextModel, tokens: readonly string[]): number {
  let sum = 0;
  let n = 0;
  for (const t of tokens) {
    const w = model.weights[t];
    if (w !== undefined) {
      sum += w;
      n++;
    }
  }
  if (n === 0) return 0;
  const damp = Math.min(1, n / FULL_EVIDENCE_TOKENS);
  return Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, (sum / n) * damp)) / SCORE_CLIP;
}
