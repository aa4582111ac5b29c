// Grouped cross-validation of the message model, nested so that no figure is measured on anything its model or
// its thresholds saw: outer folds keep each source whole; inside each outer training part, an inner grouped
// out-of-fold run chooses the thresholds; the fitted model then judges the outer fold. Rows that may not train
// a shipped model (non-commercial licences) are judged but never trained on.
import type { Level, ScamType, Signal } from '../domain.ts';
import { signalOfFeature, weightOf } from '../judge/features.ts';
import { hasContent, hasEvidence, isCertainScam, type Score, scamTypeOf } from '../judge/local.ts';
import type { LabelledRow } from '../train/examples.ts';
import {
  chooseThresholds,
  DEFAULT_TARGETS,
  type FoldPrepare,
  fitMessageModel,
  foldKey,
  groupFolds,
  type MessageFit,
  outOfFold,
  predict,
  type Thresholds,
} from '../train/message-model.ts';
import { fitTextModels, textScoresOutOfFold, withTextScore } from '../train/text-stage.ts';

export interface GroupedRow extends LabelledRow {
  trainable: boolean;
}

export interface Judged {
  probability: number;
  level: Level;
  scamType: ScamType;
}

export const OUTER_FOLDS = 5;
export const INNER_FOLDS = 4;

const PROMPT_INJECTION = 'prompt_injection';

/** The text-score stage for a fold: fitted on the fold's training rows, stacked out-of-fold for them. */
export function textPrepare(seed: number): FoldPrepare<GroupedRow> {
  return (train, test) => {
    const models = fitTextModels(train);
    return { train: textScoresOutOfFold(train, INNER_FOLDS, seed), test: test.map((r) => withTextScore(r, models)) };
  };
}

/** The level and scam type a fitted model gives one row, with the judge's rules outside the model. */
export function judgeRow(row: LabelledRow, fit: MessageFit, t: Thresholds): Judged {
  const probability = predict(fit, row);
  const ev = row.evidence;
  const bySignal = new Map<string, number>();
  for (const [name, x] of row.features) {
    const code = signalOfFeature(name);
    const w = weightOf(name, fit.weights, row.priors, fit.priorScale);
    if (code && w) bySignal.set(code, (bySignal.get(code) ?? 0) + w * x);
  }
  let level: Level = probability >= t.danger ? 'danger' : probability >= t.caution ? 'caution' : 'low';
  if (!hasEvidence(bySignal, row.features)) level = 'low';
  if (!hasContent(ev)) level = 'unknown';
  else if (isCertainScam(ev.signals)) level = 'danger';
  else if (ev.signals.some((s: Signal) => s.code === PROMPT_INJECTION) && level === 'low') level = 'caution';
  const score: Score = { probability, segment: row.segment, level, bySignal };
  return { probability, level, scamType: scamTypeOf(ev, score) };
}

/** Every row judged by a model (and thresholds) that never saw its source. */
export function nestedGroupedCv(rows: readonly GroupedRow[], seed: number, withText: boolean): Judged[] {
  const fold = groupFolds(rows, OUTER_FOLDS, seed);
  const prepare = withText ? textPrepare(seed) : undefined;
  const out = new Array<Judged>(rows.length);
  for (let f = 0; f < OUTER_FOLDS; f++) {
    const testIdx = rows.flatMap((r, i) => (fold.get(foldKey(r)) === f ? [i] : []));
    if (testIdx.length === 0) continue;
    const train = rows.filter((r) => r.trainable && fold.get(foldKey(r)) !== f);
    const inner = outOfFold(train, INNER_FOLDS, seed + f + 1, prepare);
    const thresholds = chooseThresholds(train, inner, DEFAULT_TARGETS);
    const ready = prepare
      ? prepare(
          train,
          testIdx.map((i) => rows[i]!),
        )
      : { train, test: testIdx.map((i) => rows[i]!) };
    const fit = fitMessageModel(ready.train);
    ready.test.forEach((r, j) => {
      out[testIdx[j]!] = judgeRow(r, fit, thresholds[r.segment]);
    });
  }
  return out;
}
