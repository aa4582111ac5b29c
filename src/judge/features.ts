// What the learned judge sees of a message: which explainable signals fired, a few facts about the message's
// shape (a link, a number, a brand), and the learned score of its riskiest link. Each feature is named, so the
// model file reads as a table of weights and the answer can cite the signals that carried the score.
import type { Evidence, Lang } from '../domain.ts';
import type { SignalCode } from '../signal-codes.ts';

export type Features = Map<string, number>;

/** Signals that speak for a message being genuine: their learned weight may only lower the score. */
export const PROTECTIVE_SIGNALS: ReadonlySet<string> = new Set<SignalCode>([
  'official_links',
  'warning_context',
  'otp_notice',
  'report_style',
  'ignore_if_not_you',
  'transaction_report',
]);

/** Log-odds of the riskiest unvouched link, scaled to about −1 … 1. */
export function linkRiskFeature(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.max(-6, Math.min(6, Math.log(q / (1 - q)))) / 6;
}

/** The segment a row is judged in: its own base rate and, for each signal, its own offset. */
export type FeatureSegment = Lang | 'link';

/**
 * Each signal gives a shared feature (`s:code`) and a segment offset (`ja:s:code`, `en:s:code`, `link:s:code`):
 * a cue's regexes and meaning differ by language, and the offsets, held small by the penalty, let the data
 * say so where it can. In a narrated warning (report_style) a quoted cue is `r:code` instead: what a warning
 * quotes is not what a scam says to you, and the data weighs the two apart.
 */
export function featuresOf(ev: Evidence, lang: Lang, linkOnly: boolean): Features {
  const f: Features = new Map();
  const segment: FeatureSegment = linkOnly ? 'link' : lang;
  const reported = ev.signals.some((s) => s.code === 'report_style');
  for (const s of ev.signals) {
    const quoted = reported && !PROTECTIVE_SIGNALS.has(s.code);
    const name = `${quoted ? 'r' : 's'}:${s.code}`;
    f.set(name, 1);
    f.set(`${segment}:${name}`, 1);
  }
  // Only two facts of shape: a bare link is judged on its own thresholds, and each language has its own base
  // rate. Others (a link, a number, an e-mail address, a brand's name) describe how a source writes more than
  // whether it is a scam, and the grouped split showed them learning the sources; the signals carry the rest.
  if (linkOnly) f.set('ctx:link_only', 1);
  if (lang === 'en') f.set('ctx:en', 1);
  if (ev.urlRisk !== undefined) {
    f.set('url:risk', linkRiskFeature(ev.urlRisk));
    f.set(`${segment}:url:risk`, linkRiskFeature(ev.urlRisk));
  }
  return f;
}

/** The name of the optional text-score feature (learn/text-score.ts). */
export const textFeatureName = (): string => 'text:score';

/** The signal code a feature speaks for (`s:x`, `r:x`, `ja:s:x` → x), or undefined for others. */
export function signalOfFeature(name: string): string | undefined {
  const m = /^(?:(?:ja|en|link):)?[sr]:(.+)$/.exec(name);
  return m?.[1];
}

/**
 * A signal's stated strength (its shown weight, on the old hand-set scale where 60 meant danger) as a prior
 * log-odds weight, within the feature's sign bounds. Training pulls weights towards it; a signal the training
 * data never saw is judged by it.
 */
export function priorWeight(name: string, stated: number | undefined, scale: number): number {
  if (!name.startsWith('s:') || stated === undefined) return 0;
  const w = stated * scale;
  const sign = featureSign(name);
  return sign > 0 ? Math.max(0, w) : sign < 0 ? Math.min(0, w) : w;
}

/** The weight a model gives a feature: its learned weight, or for a signal it never saw, the signal's prior. */
export function weightOf(
  name: string,
  learned: Readonly<Record<string, number>>,
  stated: ReadonlyMap<string, number> | undefined,
  scale: number,
): number {
  const w = learned[name];
  if (w !== undefined) return w;
  const code = name.startsWith('s:') ? name.slice(2) : undefined;
  return code ? priorWeight(name, stated?.get(code), scale) : 0;
}

/** +1: the weight may only raise the score; −1: only lower it; 0: free. */
export function featureSign(name: string): -1 | 0 | 1 {
  // A segment offset has its base feature's sign: a cue may weigh more in one language, never the other way, so
  // a risk cue never ends up lowering the score anywhere.
  const base = /^(?:ja|en|link):(.+)$/.exec(name)?.[1];
  if (base !== undefined) return featureSign(base);
  if (name.startsWith('s:')) return PROTECTIVE_SIGNALS.has(name.slice(2)) ? -1 : 1;
  if (name.startsWith('r:')) return 1;
  if (name === 'url:risk' || name === 'text:score') return 1;
  return 0;
}
