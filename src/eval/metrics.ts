// Recall and false-positive rates of verdicts against labelled examples, per language, with a confusion table.
import type { Lang, Level } from '../domain.ts';

export interface LabelledExample {
  text: string;
  label: 'scam' | 'legit';
  lang: Lang;
  /** Which set the example came from, for the report. */
  set?: string;
}

export interface Tally {
  n: { scam: number; legit: number };
  levels: { scam: Record<Level, number>; legit: Record<Level, number> };
}

export interface Rates {
  scam: number;
  legit: number;
  /** Scams flagged danger or caution. */
  recall: number;
  /** Scams flagged danger. */
  recallDanger: number;
  /** Legitimate messages flagged danger. */
  fprDanger: number;
  /** Legitimate messages flagged danger or caution. */
  fprFlagged: number;
}

const zero = (): Record<Level, number> => ({ danger: 0, caution: 0, low: 0, unknown: 0 });

export function newTally(): Tally {
  return { n: { scam: 0, legit: 0 }, levels: { scam: zero(), legit: zero() } };
}

export function add(t: Tally, label: 'scam' | 'legit', level: Level): void {
  t.n[label] += 1;
  t.levels[label][level] += 1;
}

const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : Math.round((a / b) * 10_000) / 10_000);

export function rates(t: Tally): Rates {
  const s = t.levels.scam;
  const l = t.levels.legit;
  return {
    scam: t.n.scam,
    legit: t.n.legit,
    recall: ratio(s.danger + s.caution, t.n.scam),
    recallDanger: ratio(s.danger, t.n.scam),
    fprDanger: ratio(l.danger, t.n.legit),
    fprFlagged: ratio(l.danger + l.caution, t.n.legit),
  };
}

export function formatTally(name: string, t: Tally): string {
  const r = rates(t);
  const fmt = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
  const row = (label: 'scam' | 'legit') => {
    const c = t.levels[label];
    return `  ${label.padEnd(6)} ${String(c.danger).padStart(7)} ${String(c.caution).padStart(8)} ${String(c.low).padStart(6)} ${String(c.unknown).padStart(8)}`;
  };
  return [
    `${name}: scam ${r.scam}, legit ${r.legit}`,
    `  recall (danger|caution) ${fmt(r.recall)}   recall (danger) ${fmt(r.recallDanger)}`,
    `  legit flagged danger ${fmt(r.fprDanger)}   legit flagged danger|caution ${fmt(r.fprFlagged)}`,
    '  label   danger  caution    low  unknown',
    row('scam'),
    row('legit'),
  ].join('\n');
}

/** 95% Wilson score interval for k successes in n trials (what a rate's noise allows), as [low, high]. */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [Number.NaN, Number.NaN];
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** "0.912 [0.870, 0.941] (n=192)": a rate with its interval and its base. */
export function formatRate(k: number, n: number): string {
  if (n === 0) return '  n/a';
  const [lo, hi] = wilson(k, n);
  return `${(k / n).toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}] (${k}/${n})`;
}
