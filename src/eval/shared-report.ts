// The quality figures, measured on data nobody here wrote (../shared/data): the message model by nested grouped
// cross-validation (per language, channel and source, the hard genuine slice apart, with and without the text
// score, scam-type accuracy), and the shipped judge on bare links from the feeds' newest months and from the
// popularity lists. Every rate carries its 95% interval.

import type { LocalConsultant } from '../consult/consultant.ts';
import type { Level, ScamType } from '../domain.ts';
import { messageRows } from '../train/examples.ts';
import { seededSplit, TRAIN_UNTIL } from '../train/host-model.ts';
import { type GroupedRow, type Judged, nestedGroupedCv } from './grouped.ts';
import { formatRate } from './metrics.ts';
import { realMessages } from './real-data.ts';
import { type FeedUrl, jpcertFeed, openPhishFeed, phishingDatabaseFeed, popularHosts } from './url-data.ts';

export interface SliceFigures {
  scam: number;
  legit: number;
  flagged: number;
  danger: number;
  legitDanger: number;
  legitFlagged: number;
}

const isFlag = (l: Level) => l === 'danger' || l === 'caution';

export function sliceOf(labels: readonly (0 | 1)[], levels: readonly Level[]): SliceFigures {
  const s: SliceFigures = { scam: 0, legit: 0, flagged: 0, danger: 0, legitDanger: 0, legitFlagged: 0 };
  labels.forEach((y, i) => {
    const l = levels[i]!;
    if (y === 1) {
      s.scam++;
      if (isFlag(l)) s.flagged++;
      if (l === 'danger') s.danger++;
    } else {
      s.legit++;
      if (isFlag(l)) s.legitFlagged++;
      if (l === 'danger') s.legitDanger++;
    }
  });
  return s;
}

export const rate = (k: number, n: number): number => (n === 0 ? Number.NaN : Math.round((k / n) * 10_000) / 10_000);

function line(name: string, s: SliceFigures): string {
  const parts = [`  ${name}`];
  if (s.scam > 0) {
    parts.push(`    scams flagged ${formatRate(s.flagged, s.scam)}   called danger ${formatRate(s.danger, s.scam)}`);
  }
  if (s.legit > 0) {
    parts.push(
      `    genuine called danger ${formatRate(s.legitDanger, s.legit)}   flagged ${formatRate(s.legitFlagged, s.legit)}`,
    );
  }
  return parts.join('\n');
}

/**
 * Genuine kinds that matter most and are thinnest: bank, card, carrier, delivery, shopping and code messages.
 * The chat and software templates that make up most genuine rows must not hide them.
 */
const HARD_KINDS = new Set([
  'bank_card_notice',
  'bank_notice',
  'card_notice',
  'carrier_notice',
  'otp',
  'order_shipping',
  'ec_notice',
  'billing',
]);
/** English genuine rows of the same kind: bank, wallet and card alerts and one-time codes. */
const HARD_EN_GROUPS = /pennywiseai|parse-otp/;

/** ja-scam.jsonl's labelled types, and the anshin scam types that answer each correctly. */
export const TYPE_MATCHES: Readonly<Record<string, readonly ScamType[]>> = {
  phishing_card: ['phishing', 'account_takeover'],
  phishing_bank: ['phishing', 'account_takeover'],
  ec_account: ['phishing', 'account_takeover'],
  phishing_carrier: ['phishing', 'fictitious_billing'],
  delivery: ['delivery_sms'],
  utility: ['phishing', 'fictitious_billing'],
  government_police: ['fake_authority', 'phishing', 'refund'],
  prize: ['prize'],
  lottery_other: ['prize'],
  job: ['side_job'],
  billing_unpaid: ['fictitious_billing'],
  tax_refund: ['refund', 'phishing'],
  investment: ['investment'],
  romance: ['romance'],
  friend_impersonation: ['account_takeover', 'impersonation_call', 'fictitious_billing'],
};

export interface MessageFigures {
  byLang: Record<string, SliceFigures>;
  withText: Record<string, SliceFigures>;
  hard: Record<string, SliceFigures>;
  typeAccuracy: { correct: number; total: number };
}

export interface UrlFigures {
  feeds: Record<string, SliceFigures>;
  lists: Record<string, SliceFigures>;
}

export interface SharedReport {
  text: string;
  messages: MessageFigures;
  urls: UrlFigures;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, number[]> {
  const out = new Map<string, number[]>();
  items.forEach((t, i) => {
    const k = key(t);
    if (k === undefined) return;
    const list = out.get(k) ?? [];
    list.push(i);
    out.set(k, list);
  });
  return out;
}

function sliceAt(rows: readonly GroupedRow[], judged: readonly Judged[], idx: readonly number[]): SliceFigures {
  return sliceOf(
    idx.map((i) => rows[i]!.label),
    idx.map((i) => judged[i]!.level),
  );
}

/** Samples per URL set: enough for intervals of about ±1 point at these rates, quick enough for CI. */
export const URL_SAMPLE = 3000;

export function messageReport(
  consultant: LocalConsultant,
  dataDir: string,
  seed: number,
): { text: string; figures: MessageFigures } {
  const messages = realMessages(dataDir);
  const base = messageRows(messages, consultant.evidenceLocal);
  const rows: GroupedRow[] = base.map((r, i) => ({ ...r, trainable: messages[i]!.trainable && !messages[i]!.adSpam }));
  const plain = nestedGroupedCv(rows, seed, false);
  const text = nestedGroupedCv(rows, seed, true);
  const out: string[] = [
    `Messages: nested grouped ${5}-fold cross-validation by source (thresholds chosen inside each training part).`,
    `${rows.length} rows from ../shared/data/messages and sms-en; rates with 95% Wilson intervals.`,
  ];
  const main = (i: number) => !rows[i]!.meta.adSpam;
  const byLang = groupBy(rows, (r) => r.lang);
  const figures: MessageFigures = { byLang: {}, withText: {}, hard: {}, typeAccuracy: { correct: 0, total: 0 } };
  out.push('', 'Per language (signals only: the shipped judge)');
  for (const [lang, idx] of byLang) {
    const s = sliceAt(rows, plain, idx.filter(main));
    figures.byLang[lang] = s;
    out.push(line(lang, s));
  }
  out.push('', 'Per language, with the text score as one more feature (not shipped)');
  for (const [lang, idx] of byLang) {
    const s = sliceAt(rows, text, idx.filter(main));
    figures.withText[lang] = s;
    out.push(line(lang, s));
  }
  out.push('', 'Per language and channel');
  for (const [key, idx] of [...groupBy(rows, (r) => `${r.lang}/${r.meta.channel}`)].sort()) {
    out.push(line(key, sliceAt(rows, plain, idx.filter(main))));
  }
  out.push('', 'Hard genuine slices: bank, card, carrier, delivery, shop and code messages');
  const hardJa = rows.flatMap((r, i) =>
    r.label === 0 && r.lang === 'ja' && HARD_KINDS.has(r.meta.kind ?? '') ? [i] : [],
  );
  const hardEn = rows.flatMap((r, i) => (r.label === 0 && r.lang === 'en' && HARD_EN_GROUPS.test(r.group) ? [i] : []));
  const warnings = rows.flatMap((r, i) => (r.label === 0 && r.meta.kind === 'security_warning' ? [i] : []));
  figures.hard.ja = sliceAt(rows, plain, hardJa);
  figures.hard.en = sliceAt(rows, plain, hardEn);
  figures.hard.warnings = sliceAt(rows, plain, warnings);
  out.push(line('ja notices', figures.hard.ja), line('en alerts and codes', figures.hard.en));
  out.push(line('genuine warnings that quote scams (ja)', figures.hard.warnings));
  const ads = rows.flatMap((r, i) => (r.meta.adSpam ? [i] : []));
  if (ads.length > 0) {
    const s = sliceAt(rows, plain, ads);
    out.push(
      `  plain advertising spam (phishing_pot other-spam, not counted as scams): flagged ${formatRate(s.flagged, s.scam)}`,
    );
  }
  out.push('', 'Per source (the 14 largest)');
  const bySource = [...groupBy(rows, (r) => `${r.lang} ${r.group.split(':').slice(1).join(':') || r.group}`)];
  bySource.sort((a, b) => b[1].length - a[1].length);
  for (const [key, idx] of bySource.slice(0, 14)) out.push(line(key, sliceAt(rows, plain, idx.filter(main))));

  let correct = 0;
  let total = 0;
  const confusion = new Map<string, number>();
  rows.forEach((r, i) => {
    const label = r.meta.scamType;
    const ok = label ? TYPE_MATCHES[label] : undefined;
    if (!ok || r.label !== 1) return;
    total++;
    const got = plain[i]!.scamType;
    if (ok.includes(got)) correct++;
    else confusion.set(`${label} → ${got}`, (confusion.get(`${label} → ${got}`) ?? 0) + 1);
  });
  figures.typeAccuracy = { correct, total };
  out.push(
    '',
    `Scam type (ja-scam.jsonl labelled types, 'other' rows left out): ${formatRate(correct, total)}`,
    `  most common mistakes: ${[...confusion]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  return { text: out.join('\n'), figures };
}

function newest(rows: readonly FeedUrl[], after: string, seed: number): FeedUrl[] {
  const later = rows.filter((r) => r.month > after);
  const unique = [...new Map(later.map((r) => [r.host, r])).values()];
  return seededSplit(unique, (r) => r.url, URL_SAMPLE, seed)[0];
}

export function urlReport(
  consultant: LocalConsultant,
  dataDir: string,
  seed: number,
  isListed: (host: string) => boolean,
): { text: string; figures: UrlFigures } {
  const judge = (text: string) => consultant.consultLocal(text, 'ja').level;
  const figures: UrlFigures = { feeds: {}, lists: {} };
  const out: string[] = [
    '',
    'Bare links, judged by the shipped judge with an empty intel store. Phishing: months after the training months',
    `(JPCERT/CC after ${TRAIN_UNTIL.jpcert}, Phishing.Database after ${TRAIN_UNTIL['phishing-database']}; OpenPhish never trained on), one link per host.`,
  ];
  const op = openPhishFeed(dataDir);
  const opMonths = [...new Set(op.map((r) => r.month))].sort();
  const feeds: [string, FeedUrl[]][] = [
    ['jpcert (newest months)', newest(jpcertFeed(dataDir), TRAIN_UNTIL.jpcert, seed)],
    [
      'phishing-database (newest months)',
      newest(phishingDatabaseFeed(dataDir), TRAIN_UNTIL['phishing-database'], seed),
    ],
    ['openphish (last 6 months, evaluation only)', newest(op, opMonths.at(-7) ?? '0000-00', seed)],
  ];
  const allFeed: (0 | 1)[] = [];
  const allFeedLevels: Level[] = [];
  for (const [name, sample] of feeds) {
    if (sample.length === 0) continue;
    const levels = sample.map((r) => judge(r.url));
    const s = sliceOf(
      sample.map(() => 1),
      levels,
    );
    figures.feeds[name] = s;
    allFeed.push(...sample.map(() => 1 as const));
    allFeedLevels.push(...levels);
    out.push(line(name, s));
  }
  figures.feeds.all = sliceOf(allFeed, allFeedLevels);
  out.push(line('all phishing feeds', figures.feeds.all));
  out.push('', 'Top-list links (genuine), written as people paste them (every other one bare, the rest https://host/)');
  const lists: [string, string[]][] = [];
  for (const list of ['tranco', 'umbrella', 'radar'] as const) {
    const hosts = popularHosts(dataDir, list).map((h) => h.host);
    lists.push([`${list}`, seededSplit(hosts, (h) => h, URL_SAMPLE / 3, seed)[0]]);
    if (list === 'radar') {
      const unlisted = hosts.filter((h) => !isListed(h));
      lists.push([
        'radar, not on our shipped lists (evaluation only)',
        seededSplit(unlisted, (h) => h, URL_SAMPLE / 3, seed)[0],
      ]);
    }
  }
  const topLabels: (0 | 1)[] = [];
  const topLevels: Level[] = [];
  for (const [name, hosts] of lists) {
    if (hosts.length === 0) continue;
    const levels = hosts.map((h, i) => judge(i % 2 === 0 ? h : `https://${h}/`));
    const s = sliceOf(
      hosts.map(() => 0),
      levels,
    );
    figures.lists[name] = s;
    if (!name.includes('not on')) {
      topLabels.push(...hosts.map(() => 0 as const));
      topLevels.push(...levels);
    }
    out.push(line(name, s));
  }
  figures.lists['top lists'] = sliceOf(topLabels, topLevels);
  out.push(line('top lists (tranco + umbrella + radar)', figures.lists['top lists']));
  return { text: out.join('\n'), figures };
}
