// The message model: weights of the explainable features, and the level thresholds, learned from real messages
// the way SpamAssassin learns rule scores from mass-checked corpora. Rows are weighted so that each language and
// label weighs the same and no single source outweighs the others; folds keep each source whole, because sources
// repeat templates and a row split would measure memory, not judgement.
import { type Features, featureSign, priorWeight, weightOf } from '../judge/features.ts';
import type { Segment } from '../judge/model.ts';
import { fitLogistic, type SparseRow, sigmoid } from '../learn/logistic.ts';
import { fnv1a } from '../learn/url-features.ts';

export interface TrainRow {
  features: Features;
  /** The shown weight of each signal that fired (the rule's stated strength), for the weights' priors. */
  priors?: ReadonlyMap<string, number>;
  label: 0 | 1;
  segment: Segment;
  /** Rows of one group come from one source and are never split across folds. */
  group: string;
}

export interface MessageFit {
  bias: number;
  weights: Record<string, number>;
  /** Log-odds per unit of a signal's stated weight, for the priors (and for signals never seen in training). */
  priorScale: number;
}

export interface Thresholds {
  danger: number;
  caution: number;
}

/** False-positive rates the thresholds aim at, per segment: share of genuine rows called danger / flagged. */
export interface Targets {
  danger: number;
  flagged: number;
}

/**
 * The share of genuine rows each threshold may flag on the out-of-fold scores it is chosen on. The project's limits
 * hold on the nested grouped figures (genuine danger ≤ 0.03, flagged ≤ 0.12 for messages; links ≤ 0.01 / ≤ 0.10).
 * Out-of-fold scores that leave whole sources out overstate the false positives of English messages (one source,
 * bank alerts with links to banks we do not know, dominates them): a 20% target there gave 3.3% on the nested
 * figures. For bare links the genuine rows are popular hosts featured as if unknown, a harder set than the links
 * people forward (a 15% target there gave about 5% on the top lists, most of which we vouch for).
 */
export const DEFAULT_TARGETS: Readonly<Record<Segment, Targets>> = {
  ja: { danger: 0.015, flagged: 0.1 },
  en: { danger: 0.015, flagged: 0.2 },
  link: { danger: 0.005, flagged: 0.15 },
};

/**
 * Penalty pulling each weight towards its prior (stronger than towards zero would be: a rule's stated strength is
 * the best guess for a source it has not seen). Chosen on the nested grouped figures, like PRIOR_SCALE.
 */
export const MESSAGE_L2 = 0.002;
export const MESSAGE_ITERATIONS = 1500;
const MESSAGE_LEARNING_RATE = 0.05;
/** Rows of one source count, at most, as this many: a big corpus may not drown the small ones. */
export const GROUP_CAP = 300;

/** Row weights: each (segment, label) class sums to 1; within it, each group counts as min(size, cap) rows. */
export function rowWeights(rows: readonly TrainRow[]): number[] {
  const groupSize = new Map<string, number>();
  const key = (r: TrainRow) => `${r.segment}|${r.label}|${r.group}`;
  for (const r of rows) groupSize.set(key(r), (groupSize.get(key(r)) ?? 0) + 1);
  const raw = rows.map((r) => {
    const n = groupSize.get(key(r))!;
    return Math.min(n, GROUP_CAP) / n;
  });
  const classTotal = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = `${r.segment}|${r.label}`;
    classTotal.set(k, (classTotal.get(k) ?? 0) + raw[i]!);
  });
  return rows.map((r, i) => raw[i]! / classTotal.get(`${r.segment}|${r.label}`)!);
}

export function vocabularyOf(rows: readonly TrainRow[]): string[] {
  const names = new Set<string>();
  for (const r of rows) for (const n of r.features.keys()) names.add(n);
  return [...names].sort();
}

function sparse(features: Features, index: ReadonlyMap<string, number>): SparseRow {
  const entries = [...features].filter(([n]) => index.has(n)).sort((a, b) => index.get(a[0])! - index.get(b[0])!);
  return {
    idx: Int32Array.from(entries.map(([n]) => index.get(n)!)),
    val: Float32Array.from(entries.map((e) => e[1])),
  };
}

/**
 * A signal's stated strength on the old hand-set scale (60 meant danger) as a prior log-odds weight. Only the
 * shared signal features carry a prior; offsets, quoted cues and shape facts start from zero.
 */
export const PRIOR_SCALE = 0.08;

export function priorsOf(rows: readonly TrainRow[], vocab: readonly string[]): Float64Array {
  const stated = new Map<string, number>();
  for (const r of rows) for (const [code, w] of r.priors ?? []) stated.set(code, Math.max(stated.get(code) ?? w, w));
  return Float64Array.from(vocab.map((n) => priorWeight(n, stated.get(n.slice(2)), PRIOR_SCALE)));
}

export function fitMessageModel(rows: readonly TrainRow[]): MessageFit {
  const vocab = vocabularyOf(rows);
  const index = new Map(vocab.map((n, i) => [n, i]));
  const signs = Int8Array.from(vocab.map(featureSign));
  const prior = priorsOf(rows, vocab);
  const fit = fitLogistic(
    rows.map((r) => sparse(r.features, index)),
    rows.map((r) => r.label),
    rowWeights(rows),
    {
      dim: vocab.length,
      l2: MESSAGE_L2,
      iterations: MESSAGE_ITERATIONS,
      learningRate: MESSAGE_LEARNING_RATE,
      signs,
      prior,
    },
  );
  const weights: Record<string, number> = {};
  vocab.forEach((n, i) => {
    const w = fit.weights[i]!;
    if (w !== 0) weights[n] = Math.round(w * 10_000) / 10_000;
  });
  return { bias: Math.round(fit.bias * 10_000) / 10_000, weights, priorScale: PRIOR_SCALE };
}

/** The probability a fitted model gives a row; a signal it never saw counts with its prior. */
export function predict(fit: MessageFit, row: Pick<TrainRow, 'features' | 'priors'>): number {
  let z = fit.bias;
  for (const [name, x] of row.features) z += weightOf(name, fit.weights, row.priors, fit.priorScale) * x;
  return sigmoid(z);
}

/** The key under which a row's source is kept whole: its segment and its group. */
export const foldKey = (r: TrainRow): string => `${r.segment}|${r.group}`;

/**
 * Sources assigned to k folds, stratified: within each stratum (segment and the source's majority label), the
 * largest sources go first, each to the fold with the fewest rows of that stratum so far (ties broken by a
 * seeded hash). Every fold then holds a share of each language's scams and genuine messages, and a source is
 * always whole.
 */
export function groupFolds(rows: readonly TrainRow[], k: number, seed: number): Map<string, number> {
  const size = new Map<string, number>();
  const scams = new Map<string, number>();
  for (const r of rows) {
    const g = foldKey(r);
    size.set(g, (size.get(g) ?? 0) + 1);
    scams.set(g, (scams.get(g) ?? 0) + r.label);
  }
  const stratum = (g: string) => `${g.split('|')[0]}|${scams.get(g)! * 2 >= size.get(g)! ? 1 : 0}`;
  const order = [...size.keys()].sort(
    (a, b) => size.get(b)! - size.get(a)! || fnv1a(`${seed}:${a}`) - fnv1a(`${seed}:${b}`),
  );
  const load = new Map<string, number[]>();
  const fold = new Map<string, number>();
  for (const g of order) {
    const s = stratum(g);
    const l = load.get(s) ?? new Array<number>(k).fill(0);
    let best = fnv1a(`${seed}|${g}`) % k;
    for (let f = 0; f < k; f++) if (l[f]! < l[best]!) best = f;
    fold.set(g, best);
    l[best]! += size.get(g)!;
    load.set(s, l);
  }
  return fold;
}

/** Turns a fold's training and test rows into the rows the model fits and scores (adds stacked features). */
export type FoldPrepare<T extends TrainRow> = (train: readonly T[], test: readonly T[]) => { train: T[]; test: T[] };

/** Out-of-fold probabilities: each row scored by a model that never saw its source. */
export function outOfFold<T extends TrainRow>(
  rows: readonly T[],
  k: number,
  seed: number,
  prepare?: FoldPrepare<T>,
): number[] {
  const fold = groupFolds(rows, k, seed);
  const out = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < k; f++) {
    const train = rows.filter((r) => fold.get(foldKey(r)) !== f);
    const testIdx = rows.flatMap((r, i) => (fold.get(foldKey(r)) === f ? [i] : []));
    if (testIdx.length === 0) continue;
    const test = testIdx.map((i) => rows[i]!);
    const ready = prepare ? prepare(train, test) : { train: [...train], test };
    const fit = fitMessageModel(ready.train);
    ready.test.forEach((r, j) => {
      out[testIdx[j]!] = predict(fit, r);
    });
  }
  return out;
}

/** A row with a risk feature (a risk signal, or a link with a positive learned score) could be warned about. */
export function canWarn(features: Features): boolean {
  for (const [name, x] of features) {
    if (name === 'url:risk' && x > 0) return true;
    if (/^[sr]:/.test(name) && featureSign(name) > 0) return true;
  }
  return false;
}

/**
 * The lowest threshold whose share of genuine rows at or above it stays within `rate`. Chosen on probabilities
 * that no model saw its source of (out-of-fold), never on a single row.
 */
export function thresholdFor(legitProbs: readonly number[], rate: number, ofTotal = legitProbs.length): number {
  if (legitProbs.length === 0) return 0.5;
  const sorted = [...legitProbs].sort((a, b) => b - a);
  const allowed = Math.floor(rate * ofTotal);
  if (allowed >= sorted.length) return 0.01;
  // Above the (allowed+1)-th highest genuine score: at most `allowed` genuine rows reach the threshold.
  // Rounded up, so that genuine rows tied at that score stay below it.
  const t = Math.ceil(((sorted[allowed] ?? 0) + 1e-6) * 10_000) / 10_000;
  return Math.min(0.999, Math.max(0.01, t));
}

export function chooseThresholds(
  rows: readonly TrainRow[],
  probs: readonly number[],
  targets: Readonly<Record<Segment, Targets>> = DEFAULT_TARGETS,
): Record<Segment, Thresholds> {
  const out = {} as Record<Segment, Thresholds>;
  for (const seg of ['ja', 'en', 'link'] as const) {
    // Rows with no risk feature are never flagged (the judge needs evidence to warn): they count in the rate's
    // base, not among the rows a threshold could flag.
    const legitRows = rows.flatMap((r, i) => (r.segment === seg && r.label === 0 ? [i] : []));
    const legit = legitRows.filter((i) => canWarn(rows[i]!.features)).map((i) => probs[i]!);
    const danger = thresholdFor(legit, targets[seg].danger, legitRows.length);
    const caution = Math.min(danger, thresholdFor(legit, targets[seg].flagged, legitRows.length));
    out[seg] = { danger, caution };
  }
  return out;
}
