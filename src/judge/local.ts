// The local judge: no network, deterministic, explainable. The level follows from the signals' weights, with any
// strong signal (an intel hit, brand impersonation, a lookalike domain, ATM refund, card hand-over …) meaning danger.
import type { Evidence, Lang, Level, ScamType, Signal, Verdict } from '../domain.ts';
import type { ArticleIndex } from '../evidence/retrieval.ts';
import { defangHost } from '../extract/defang.ts';
import { compose } from './compose.ts';

/** Summed signal weight from which a message is called dangerous, and from which it needs caution. */
export const DANGER_SCORE = 60;
export const CAUTION_SCORE = 25;
const MAX_REASONS = 8;

/** Letters, kana or kanji: a message of emoji, digits and punctuation only has nothing to judge. */
const WORDY_RE = /[\p{L}]{2,}/u;

export function hasContent(ev: Evidence): boolean {
  const ind = ev.indicators;
  return ind.urls.length > 0 || ind.phones.length > 0 || ind.emails.length > 0 || WORDY_RE.test(ind.text);
}

export function scoreOf(signals: Signal[]): number {
  return signals.reduce((s, x) => s + x.weight, 0);
}

export function levelOf(ev: Evidence): Level {
  if (!hasContent(ev)) return 'unknown';
  if (ev.signals.some((s) => s.strong) || ev.intel.length > 0) return 'danger';
  const score = scoreOf(ev.signals);
  if (score >= DANGER_SCORE) return 'danger';
  if (score >= CAUTION_SCORE) return 'caution';
  return 'low';
}

/** The scam type of the heaviest signal that names one; brand categories refine phishing. */
export function scamTypeOf(ev: Evidence, level: Level): ScamType {
  if (level === 'low' || level === 'unknown') return 'none';
  const typed = ev.signals.filter((s) => s.scamType);
  // Delivery wording with a brand lookalike is a delivery smish, not generic phishing.
  if (typed.some((s) => s.scamType === 'delivery_sms') && typed[0]?.scamType === 'phishing') return 'delivery_sms';
  if (typed.some((s) => s.scamType === 'refund') && typed.some((s) => s.code === 'atm_refund')) return 'refund';
  return typed[0]?.scamType ?? 'other';
}

function confidenceOf(ev: Evidence, level: Level): number {
  const score = scoreOf(ev.signals);
  switch (level) {
    case 'danger':
      return Math.min(0.99, 0.75 + score / 800);
    case 'caution':
      return Math.min(0.8, 0.5 + score / 200);
    case 'low':
      return 0.5;
    case 'unknown':
      return 0;
  }
}

/** Evidence sentences, most important first, plus what the brand registry confirmed. */
export function reasonsOf(ev: Evidence, lang: Lang): string[] {
  const reasons = ev.signals.map((s) => s.detail[lang]);
  for (const b of ev.brands) {
    if (b.relation !== 'official' || !b.subject) continue;
    const shown = b.via === 'phone' ? b.subject : defangHost(b.subject);
    reasons.push(
      lang === 'ja'
        ? `${b.via === 'phone' ? '番号' : 'リンク先'} ${shown} は、${b.name.ja}の公式のものとして登録されています。ただし、本物の連絡だという保証にはなりません。`
        : `${b.via === 'phone' ? 'The number' : 'The link'} ${shown} is registered as ${b.name.en}'s own. That alone does not prove the message is genuine.`,
    );
  }
  if (ev.indicators.truncated) {
    reasons.push(
      lang === 'ja'
        ? 'メッセージが長すぎるため、最初の部分だけを確認しました。'
        : 'The message was very long, so only the first part was checked.',
    );
  }
  return reasons.slice(0, MAX_REASONS);
}

export function judgeLocal(ev: Evidence, lang: Lang, index: ArticleIndex): Verdict {
  const started = performance.now();
  const level = levelOf(ev);
  const scamType = scamTypeOf(ev, level);
  const composition = compose(level, scamType, ev, lang, index);
  return {
    level,
    scamType,
    confidence: Math.round(confidenceOf(ev, level) * 100) / 100,
    lang,
    ...composition,
    reasons: reasonsOf(ev, lang),
    signals: ev.signals.map((s) => s.code),
    brands: [...new Set(ev.brands.map((b) => b.brandId))],
    judgedBy: 'local',
    timings: { judge: Math.round((performance.now() - started) * 1000) / 1000 },
  };
}
