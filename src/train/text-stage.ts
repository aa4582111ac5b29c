// The optional text score inside training: fitted per language on training rows only, and given to training
// rows out-of-fold (stacking), so the message model learns how far to trust it on text it has not seen.
import type { Lang } from '../domain.ts';
import { textFeatureName } from '../judge/features.ts';
import { fitTextModel, type TextDoc, type TextModel, textScore, textTokens } from '../learn/text-score.ts';
import { foldKey, GROUP_CAP, groupFolds, type TrainRow } from './message-model.ts';

export interface TextRow extends TrainRow {
  text: string;
  lang: Lang;
}

export type TextModels = Partial<Record<Lang, TextModel>>;

function docsOf(rows: readonly TextRow[]): Map<Lang, TextDoc[]> {
  const size = new Map<string, number>();
  for (const r of rows) size.set(`${r.label}|${r.group}`, (size.get(`${r.label}|${r.group}`) ?? 0) + 1);
  const out = new Map<Lang, TextDoc[]>();
  for (const r of rows) {
    if (r.segment === 'link') continue;
    const n = size.get(`${r.label}|${r.group}`)!;
    const list = out.get(r.lang) ?? [];
    list.push({ tokens: textTokens(r.text, r.lang), label: r.label, weight: Math.min(n, GROUP_CAP) / n });
    out.set(r.lang, list);
  }
  return out;
}

export function fitTextModels(rows: readonly TextRow[]): TextModels {
  const out: TextModels = {};
  for (const [lang, docs] of docsOf(rows)) out[lang] = fitTextModel(docs);
  return out;
}

/** The row with its text score added (bare links have none). */
export function withTextScore<T extends TextRow>(row: T, models: TextModels): T {
  const model = models[row.lang];
  if (row.segment === 'link' || !model) return row;
  const features = new Map(row.features);
  const score = textScore(model, textTokens(row.text, row.lang));
  features.set(textFeatureName(), score);
  features.set(`${row.segment}:${textFeatureName()}`, score);
  return { ...row, features };
}

/** Each row scored by text models that never saw its source. */
export function textScoresOutOfFold<T extends TextRow>(rows: readonly T[], k: number, seed: number): T[] {
  const fold = groupFolds(rows, k, seed + 7);
  const out = [...rows];
  for (let f = 0; f < k; f++) {
    const models = fitTextModels(rows.filter((r) => fold.get(foldKey(r)) !== f));
    rows.forEach((r, i) => {
      if (fold.get(foldKey(r)) === f) out[i] = withTextScore(r, models);
    });
  }
  return out;
}
