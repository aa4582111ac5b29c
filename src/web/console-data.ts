// Everything the console shows, read from anonymous aggregates only: weekly trends (stats/trends.ts), judge
// counters (consult/judge-stats.ts), the week's tip, subscriber counts, tip sends, offers and health. No
// person id and no message text is read, so none can be shown. Reading has no side effect: the tip preview
// uses the kept edition when there is one, else a template draft that is not kept and not sent to an LLM.

import { z } from 'zod';
import type { ChannelStatus } from '../channels/clients.ts';
import { readJudgeStats, type WeeklyJudgeStats } from '../consult/judge-stats.ts';
import type { Lang } from '../domain.ts';
import type { Metrics } from '../infra/metrics.ts';
import type { JobQueue } from '../infra/queue/queue.ts';
import { keys } from '../infra/store/keys.ts';
import { orAbsent, readJson, type UnreadableReport, unreadableReporter } from '../infra/store/read.ts';
import type { Store } from '../infra/store/store.ts';
import type { Article } from '../knowledge/articles.ts';
import type { Offer } from '../offers/offers.ts';
import { readTrends, type TrendSource, type WeeklyTrends } from '../stats/trends.ts';
import { DEFAULT_TZ, isoWeekOf, shiftWeek } from '../stats/week.ts';
import { composeEdition, type Edition, storedEdition } from '../tips/edition.ts';
import { renderTip } from '../tips/render.ts';
import { SUBSCRIBER_PAGE_SIZE, subscriberPages } from '../tips/subscribers.ts';

/** This week and the twelve before it. */
export const CONSOLE_WEEKS = 13;

export interface ConsoleSources {
  store: Store;
  queue: Pick<JobQueue<unknown>, 'kind' | 'counts'>;
  metrics: Metrics;
  channels: ChannelStatus;
  articles: readonly Article[];
  offers: readonly Offer[];
  /** Brand id → name, for the impersonated-brands chart (the registry, knowledge/brands.yaml). */
  brandNames?: Readonly<Record<string, string>>;
  baseUrl?: string;
  llmModel?: string;
  /** The trends the tip is chosen from (tipTrendSources); the charts show every source. */
  tipSources?: readonly TrendSource[];
  /** TZ: the time zone the weeks are counted in (Asia/Tokyo unless set). */
  tz?: string;
  now?: () => Date;
}

export interface TipPreview {
  week: string;
  dataWeek: string;
  /** kept: the edition that is (or will be) sent; draft: composed now from templates, not kept. */
  state: 'kept' | 'draft';
  byLang: Record<Lang, { basis: string; by: string; text: string }>;
}

export interface SendRecord {
  week: string;
  at: string;
  line: number;
  twilio: number;
}

export interface Health {
  store: { kind: string; ok: boolean; ms: number };
  queue: { kind: string; ok: boolean; counts?: { waiting: number; active: number; delayed: number } };
  channels: ChannelStatus;
  llm: { on: boolean; model?: string };
  /** Outbound platform calls of this process since it started: "channel api outcome" → count. */
  outbound: Record<string, number>;
}

export interface ConsoleData {
  now: Date;
  tz: string;
  weeks: string[];
  trends: WeeklyTrends[];
  judge: WeeklyJudgeStats[];
  tip: TipPreview;
  subscribers: { total: number; byChannel: Record<string, number>; byLang: Record<string, number>; optedOut: number };
  sends: SendRecord[];
  offers: readonly Offer[];
  brandNames: Readonly<Record<string, string>>;
  health: Health;
}

async function tipPreview(src: ConsoleSources, week: string): Promise<TipPreview> {
  const kept = await storedEdition(src.store, week, unreadableReporter(undefined, src.metrics));
  const edition: Edition =
    kept ??
    (await composeEdition(
      {
        store: src.store,
        articles: src.articles,
        ...(src.baseUrl ? { baseUrl: src.baseUrl } : {}),
        ...(src.tipSources ? { sources: src.tipSources } : {}),
      },
      week,
    ));
  const now = src.now?.() ?? new Date();
  const one = (lang: Lang) => {
    const tip = edition.tips[lang];
    return { basis: tip.basis, by: tip.by, text: renderTip(tip, 'line', src.offers, now) };
  };
  return {
    week,
    dataWeek: edition.dataWeek,
    state: kept ? 'kept' : 'draft',
    byLang: { ja: one('ja'), en: one('en') },
  };
}

async function subscriberCounts(store: Store, report: UnreadableReport): Promise<ConsoleData['subscribers']> {
  const seen = new Set<string>();
  const byChannel: Record<string, number> = {};
  const byLang: Record<string, number> = {};
  for await (const page of subscriberPages(store, SUBSCRIBER_PAGE_SIZE, report)) {
    for (const { person, sub } of page) {
      if (seen.has(person)) continue;
      seen.add(person);
      byChannel[sub.channel] = (byChannel[sub.channel] ?? 0) + 1;
      byLang[sub.lang] = (byLang[sub.lang] ?? 0) + 1;
    }
  }
  const optedOut = Object.keys(await store.mapEntries(keys.optOuts())).length;
  return { total: seen.size, byChannel, byLang, optedOut };
}

/** What a finished send wrote (tips/deliver.ts); a field missing or of another type shows as none. */
const SendRecordSchema = z.object({ at: z.string().catch(''), line: z.number().catch(0), twilio: z.number().catch(0) });

async function sendRecords(store: Store, weeks: readonly string[], report: UnreadableReport): Promise<SendRecord[]> {
  const raw = await store.getMany(weeks.map((w) => keys.tipsDone(w)));
  const out: SendRecord[] = [];
  raw.forEach((r, i) => {
    if (r === null) return;
    // A record we cannot read is left out rather than shown wrong.
    const d = orAbsent(() => readJson(SendRecordSchema, r, 'tips send record'), report);
    if (d !== undefined) out.push({ week: weeks[i]!, ...d });
  });
  return out.reverse();
}

const OUTBOUND_RE = /^anshin_outbound_calls_total\{([^}]*)\} (\d+(?:\.\d+)?)$/;

/** The outbound-call counter of this process, read back from its Prometheus text (metrics.ts). */
function outboundCalls(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = OUTBOUND_RE.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[1]!.matchAll(/(?<!\w)(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    out[`${labels.channel ?? '?'} ${labels.api ?? '?'} ${labels.outcome ?? '?'}`] = Number(m[2]);
  }
  return out;
}

async function health(src: ConsoleSources): Promise<Health> {
  const t0 = performance.now();
  let storeOk = true;
  try {
    await src.store.ping();
  } catch {
    storeOk = false;
  }
  const ms = Math.round((performance.now() - t0) * 10) / 10;
  let queue: Health['queue'] = { kind: src.queue.kind, ok: false };
  try {
    queue = { kind: src.queue.kind, ok: true, counts: await src.queue.counts() };
  } catch {
    // Shown as not answering.
  }
  return {
    store: { kind: src.store.kind, ok: storeOk, ms },
    queue,
    channels: src.channels,
    llm: { on: src.llmModel !== undefined, ...(src.llmModel ? { model: src.llmModel } : {}) },
    outbound: outboundCalls(await src.metrics.render()),
  };
}

export async function readConsoleData(src: ConsoleSources): Promise<ConsoleData> {
  const now = src.now?.() ?? new Date();
  const tz = src.tz ?? DEFAULT_TZ;
  const current = isoWeekOf(now, tz);
  const weeks = Array.from({ length: CONSOLE_WEEKS }, (_, i) => shiftWeek(current, i - (CONSOLE_WEEKS - 1)));
  const [trends, judge, tip, subscribers, sends, h] = await Promise.all([
    Promise.all(weeks.map((w) => readTrends(src.store, w))),
    Promise.all(weeks.map((w) => readJudgeStats(src.store, w))),
    tipPreview(src, current),
    subscriberCounts(src.store, unreadableReporter(undefined, src.metrics)),
    sendRecords(src.store, weeks, unreadableReporter(undefined, src.metrics)),
    health(src),
  ]);
  return {
    now,
    tz,
    weeks,
    trends,
    judge,
    tip,
    subscribers,
    sends,
    offers: src.offers,
    brandNames: src.brandNames ?? {},
    health: h,
  };
}
