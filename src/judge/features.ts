// What the learned judge sees of a message: which explainable signals fired, a few facts about the message's
// shape (a link, a number, a brand), and the learned score of its riskiest link. Each feature is named, so the
// model file reads as a table of weights and the answer can cite the signals that carried the score.
import type { Evidence, Lang } from '../domain.ts';

export type Features = Map<string, number>;

/** Signals that speak for a message being genuine: their learned weight may only lower the score. */
export const PROTECTIVE_SIGNALS: ReadonlySet<string> = new Set([
  'official_links',
  'warning_context',
  'otp_notice',
  'report_style',
]);

/** Risk signals among the text cues, counted for the warning interaction. */
function riskCueCount(ev: Evidence): number {
  return ev.signals.filter((s) => s.weight > 0 && !PROTECTIVE_SIGNALS.has(s.code)).length;
}

/** Log-odds of the riskiest unvouched link, scaled to about −1 … 1. */
export function linkRiskFeature(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.max(-6, Math.min(6, Math.log(q / (1 - q)))) / 6;
}

export function featuresOf(ev: Evidence, lang: Lang, linkOnly: boolean): Features {
  const f: Features = new Map();
  for (const s of ev.signals) f.set(`s:${s.code}`, 1);
  // Only two facts of shape: a bare link is judged on its own thresholds, and each language has its own base
  // rate. Others (a link, a number, an e-mail address, a brand's name) describe how a source writes more than
  // whether it is a scam, and the grouped split showed them learning the sources; the signals carry the rest.
  if (linkOnly) f.set('ctx:link_only', 1);
  if (lang === 'en') f.set('ctx:en', 1);
  if (ev.urlRisk !== undefined) f.set('url:risk', linkRiskFeature(ev.urlRisk));
  if (f.has('s:warning_context') || f.has('s:report_style')) {
    // A warning quotes scam wording: the more cues it quotes, the less each one means.
    f.set('warn:cues', Math.min(riskCueCount(ev), 5) / 5);
  }
  return f;
}

/** +1: the weight may only raise the score; −1: only lower it; 0: free. */
export function featureSign(name: string): -1 | 0 | 1 {
  if (name.startsWith('s:')) return PROTECTIVE_SIGNALS.has(name.slice(2)) ? -1 : 1;
  if (name === 'url:risk') return 1;
  if (name === 'warn:cues') return -1;
  return 0;
}
