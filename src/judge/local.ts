// The local judge: no network, deterministic, explainable. A logistic model learned from real messages
// (knowledge/model/judge-model.json, MODEL_CARD.md) weighs the explainable signals; its thresholds, chosen on
// grouped figures for target false-positive rates, give the level. The answer cites the signals that carried
// the score. A few rules stand outside the model because the training rows cannot teach them: a threat-intel hit
// is danger; text addressed to an AI (prompt injection) is at least caution; and what the police state as certain
// is danger when a message asks it of you (see CERTAIN_SCAM_SHAPES).
import type { Evidence, Judgement, Lang, Level, ScamType, Signal } from '../domain.ts';
import { LEVEL_RANK } from '../domain.ts';
import { isLinkOnly } from '../evidence/gather.ts';
import { defangHost } from '../extract/defang.ts';
import { MAX_REASONS_PER_ANSWER } from '../limits.ts';
import type { SignalCode } from '../signal-codes.ts';
import { WORDS } from '../words/book.ts';
import { featuresOf, PROTECTIVE_SIGNALS, signalOfFeature } from './features.ts';
import type { JudgeModel, Segment } from './model.ts';

/** Signal code of text addressed to an AI (evidence/injection.ts). */
const PROMPT_INJECTION = 'prompt_injection';

/** Letters, kana or kanji: a message of emoji, digits and punctuation only has nothing to judge. */
const WORDY_RE = /[\p{L}]{2,}/u;

export function hasContent(ev: Evidence): boolean {
  const ind = ev.indicators;
  return ind.urls.length > 0 || ind.phones.length > 0 || ind.emails.length > 0 || WORDY_RE.test(ind.text);
}

/**
 * Shapes that the police state are always fraud, so that a message asking them of you is danger whatever the
 * wording around it; real scams of these kinds reach the training data mostly through warnings that quote them,
 * which is why the model alone cannot learn them. Sources: 山形県警察「特殊詐欺」(ATMで還付金がもらえることは絶対に
 * ありません; https://www100.pref.yamagata.jp/800028/kensei/police/anzenjouhou/akushitsushouhou/tokusyusagi.html);
 * 香美町・兵庫県警 注意喚起 (警察や金融機関の職員がキャッシュカードを預かることは絶対にありません;
 * https://www.town.hyogo-inami.lg.jp/0000001050.html). A narrated or negated warning is not such a request.
 */
const CERTAIN_SCAM_SHAPES: readonly (readonly SignalCode[])[] = [
  ['atm_refund'],
  ['cash_card_handover'],
  ['authority_claim', 'money_to_account'],
];
const WARNING_CODES: ReadonlySet<SignalCode> = new Set(['report_style', 'warning_context']);
/** Signals about the way of paying rather than the story told. */
const PAYMENT_SIGNALS: ReadonlySet<SignalCode> = new Set([
  'gift_card_payment',
  'crypto_payment',
  'money_to_account',
  'unpaid_fee',
]);

/** The message asks of you something the police state is always fraud (and is not a warning about it). */
export function isCertainScam(signals: readonly Signal[]): boolean {
  const codes = new Set(signals.map((s) => s.code));
  if ([...WARNING_CODES].some((c) => codes.has(c))) return false;
  return CERTAIN_SCAM_SHAPES.some((shape) => shape.every((c) => codes.has(c)));
}

export function segmentOf(ev: Evidence, lang: Lang): Segment {
  return isLinkOnly(ev.indicators) ? 'link' : lang;
}

/** Some signal raised the score, or the riskiest link's learned score did. */
export function hasEvidence(bySignal: ReadonlyMap<string, number>, features: ReadonlyMap<string, number>): boolean {
  for (const c of bySignal.values()) if (c > 0) return true;
  return (features.get('url:risk') ?? 0) > 0;
}

export interface Score {
  /** Learned probability that the message is a scam. */
  probability: number;
  segment: Segment;
  level: Level;
  /** Log-odds each signal added (positive) or took away (negative), by signal code. */
  bySignal: Map<string, number>;
}

/** The learned score and the level it gives, with the two rules that stand outside the model. */
export function scoreOf(ev: Evidence, lang: Lang, model: JudgeModel): Score {
  const segment = segmentOf(ev, lang);
  const features = featuresOf(ev, lang, segment === 'link');
  const stated = new Map(ev.signals.map((s) => [s.code, s.weight]));
  const probability = model.probability(features, stated);
  const bySignal = new Map<string, number>();
  for (const [name, c] of model.contributions(features, stated)) {
    const code = signalOfFeature(name);
    if (code) bySignal.set(code, (bySignal.get(code) ?? 0) + c);
  }
  if (!hasContent(ev)) return { probability, segment, level: 'unknown', bySignal };
  // A warning must cite evidence: with no signal that raised the score (or a risky link), the level is `low`
  // whatever the base rate of the language says.
  let level: Level = hasEvidence(bySignal, features) ? model.levelOf(probability, segment) : 'low';
  if (ev.intel.length > 0 || isCertainScam(ev.signals)) level = 'danger';
  if (ev.signals.some((s) => s.code === PROMPT_INJECTION) && LEVEL_RANK[level] < LEVEL_RANK.caution) level = 'caution';
  return { probability, segment, level, bySignal };
}

/** Signals in the order they carried the score: the heaviest learned contribution first. */
function byContribution(signals: Signal[], score: Score): Signal[] {
  const c = (s: Signal) => score.bySignal.get(s.code) ?? (s.code === 'intel_hit' ? 100 : 0);
  return [...signals].sort((a, b) => c(b) - c(a) || b.weight - a.weight || a.code.localeCompare(b.code));
}

/** The scam type that the typed signals carrying most of the score point to; 'other' when none is clear. */
export function scamTypeOf(ev: Evidence, score: Score): ScamType {
  if (score.level === 'low' || score.level === 'unknown') return 'none';
  const carried = byContribution(ev.signals, score).filter((s) => s.scamType && (score.bySignal.get(s.code) ?? 0) > 0);
  // How the money is asked for (gift cards, crypto, an account) is not what the scam is: the story (a relative in
  // trouble, a parcel, a prize) names it, when there is one.
  const typed = [
    ...carried.filter((s) => !PAYMENT_SIGNALS.has(s.code)),
    ...carried.filter((s) => PAYMENT_SIGNALS.has(s.code)),
  ];
  const first = typed[0]?.scamType;
  // Delivery wording with a link or brand problem is a delivery smish, not generic phishing.
  if (first === 'phishing' && typed.some((s) => s.code === 'delivery_failure')) return 'delivery_sms';
  if (typed.some((s) => s.code === 'atm_refund')) return 'refund';
  return first ?? 'other';
}

function confidenceOf(score: Score): number {
  if (score.level === 'unknown') return 0;
  const p = score.probability;
  return Math.round((score.level === 'low' ? 1 - p : p) * 100) / 100;
}

/**
 * Evidence sentences, most important first. For a warning level, the signals that raised the score lead; for
 * `low`, what spoke for the message leads. Then what the brand registry confirmed.
 */
export function reasonsOf(ev: Evidence, lang: Lang, score: Score): string[] {
  const ordered = byContribution(ev.signals, score);
  // Among the signals that raised the score, the concrete ones lead: "this link is not X's domain" tells the
  // person more than "the wording is urgent".
  const carried = (s: Signal) => (score.bySignal.get(s.code) ?? (s.code === 'intel_hit' ? 1 : 0)) > 0;
  const risky = ordered.filter((s) => !PROTECTIVE_SIGNALS.has(s.code));
  const certain = new Set(CERTAIN_SCAM_SHAPES.flat());
  const decisive = (s: Signal) => s.code === 'intel_hit' || (isCertainScam(ev.signals) && certain.has(s.code));
  const raising = [
    ...risky.filter(decisive),
    ...risky.filter((s) => !decisive(s) && carried(s) && s.subject !== undefined),
    ...risky.filter((s) => !decisive(s) && carried(s) && s.subject === undefined),
    ...risky.filter((s) => !decisive(s) && !carried(s)),
  ];
  const easing = ordered.filter((s) => PROTECTIVE_SIGNALS.has(s.code));
  const signals = score.level === 'low' ? [...easing, ...raising] : [...raising, ...easing];
  const reasons = signals.map((s) => s.detail[lang]);
  for (const b of ev.brands) {
    if (b.relation !== 'official' || !b.subject) continue;
    const shown = b.via === 'phone' ? b.subject : defangHost(b.subject);
    reasons.push(WORDS[lang].reasons.officialContact(b.via, shown, b.name[lang]));
  }
  if (ev.indicators.truncated) reasons.push(WORDS[lang].reasons.truncated);
  return reasons.slice(0, MAX_REASONS_PER_ANSWER);
}

/** The local judge's judgement: level, scam type and the reasons that carried it (advice comes later, composed). */
export function judgeLocal(ev: Evidence, lang: Lang, model: JudgeModel): Judgement {
  const started = performance.now();
  const score = scoreOf(ev, lang, model);
  return {
    level: score.level,
    scamType: scamTypeOf(ev, score),
    confidence: confidenceOf(score),
    score: Math.round(score.probability * 1000) / 1000,
    lang,
    reasons: reasonsOf(ev, lang, score),
    signals: byContribution(ev.signals, score).map((s) => s.code),
    brands: [...new Set(ev.brands.map((b) => b.brandId))],
    judgedBy: 'local',
    timings: { judge: Math.round((performance.now() - started) * 1000) / 1000 },
  };
}
