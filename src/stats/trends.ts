// Anonymous weekly aggregates: every consultation adds one to a few counters of its ISO week (in TZ, week.ts):
// the scam type, the level, the channel and, for caution and danger, the brands the message used. No person
// id and no text is kept, so the counters can be shown and kept as long as they are useful. People writing on
// LINE and Twilio are counted apart from integrators' calls to /v1/check and from the try page: one integrator
// (or one script) must not choose the tip sent to every subscriber, so the tip reads the people's counts
// unless the operator adds the others (TIPS_COUNT_API, TIPS_COUNT_WEB).
import type { Channel, Level, ScamType } from '../domain.ts';
import { LEVELS, SCAM_TYPES } from '../domain.ts';
import { keys } from '../infra/store/keys.ts';
import type { Store } from '../infra/store/store.ts';
import { DEFAULT_TZ, isoWeekOf } from './week.ts';

export interface ConsultationFacts {
  level: Level;
  scamType: ScamType;
  /** Brand ids the verdict named (Verdict.brands). */
  brands: readonly string[];
  channel: Channel;
}

export interface WeeklyTrends {
  week: string;
  total: number;
  byType: Partial<Record<ScamType, number>>;
  byLevel: Partial<Record<Level, number>>;
  byChannel: Record<string, number>;
  /** Brands named in caution or danger verdicts: the brands scammers used. */
  byBrand: Record<string, number>;
}

/** Where counts are kept apart: people on LINE / Twilio, /v1/check, the try page. */
export type TrendSource = 'people' | 'api' | 'web';
export const TREND_SOURCES: readonly TrendSource[] = ['people', 'api', 'web'];

export function trendSourceOf(channel: Channel): TrendSource {
  return channel === 'api' || channel === 'cli' ? 'api' : channel === 'web' ? 'web' : 'people';
}

/** The sources the weekly tip is chosen from: people, and the others the operator added. */
export function tipTrendSources(config: { TIPS_COUNT_API: boolean; TIPS_COUNT_WEB: boolean }): TrendSource[] {
  return [
    'people',
    ...(config.TIPS_COUNT_API ? ['api' as const] : []),
    ...(config.TIPS_COUNT_WEB ? ['web' as const] : []),
  ];
}

const SOURCE_NAMES: Record<TrendSource, string> = {
  people: 'people on LINE and Twilio',
  api: '/v1/check (TIPS_COUNT_API)',
  web: 'the try page (TIPS_COUNT_WEB)',
};

/** For `tips trends`: which of the counts above choose the tip. */
export function tipSourcesLine(sources: readonly TrendSource[]): string {
  return `The weekly tip is chosen from: ${sources.map((s) => SOURCE_NAMES[s]).join(', ')}.`;
}

/** Brand ids are registry ids; anything else is not counted (a field name must stay a short token). */
const BRAND_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Adds one consultation to the week it happened in, in time zone `tz` (config.TZ). */
export async function recordConsultation(
  store: Store,
  facts: ConsultationFacts,
  at: Date,
  tz: string = DEFAULT_TZ,
): Promise<void> {
  const key = keys.trends(isoWeekOf(at, tz), trendSourceOf(facts.channel));
  const fields = ['total', `type:${facts.scamType}`, `level:${facts.level}`, `channel:${facts.channel}`];
  if (facts.level === 'danger' || facts.level === 'caution') {
    for (const b of new Set(facts.brands)) if (BRAND_ID.test(b)) fields.push(`brand:${b}`);
  }
  await Promise.all(fields.map((f) => store.mapIncr(key, f, 1)));
}

/** The week's counts, summed over the sources asked for (by default all: the console and `tips trends`). */
export async function readTrends(
  store: Store,
  week: string,
  sources: readonly TrendSource[] = TREND_SOURCES,
): Promise<WeeklyTrends> {
  const maps = await Promise.all(sources.map((s) => store.mapEntries(keys.trends(week, s))));
  const t: WeeklyTrends = { week, total: 0, byType: {}, byLevel: {}, byChannel: {}, byBrand: {} };
  const add = <K extends string>(counts: Partial<Record<K, number>>, name: K, n: number) => {
    counts[name] = (counts[name] ?? 0) + n;
  };
  for (const raw of maps) {
    for (const [field, value] of Object.entries(raw)) {
      const n = Number(value);
      if (!Number.isFinite(n)) continue;
      const [kind, name = ''] = field.split(':', 2) as [string, string | undefined];
      if (kind === 'total') t.total += n;
      else if (kind === 'type' && (SCAM_TYPES as readonly string[]).includes(name)) add(t.byType, name as ScamType, n);
      else if (kind === 'level' && (LEVELS as readonly string[]).includes(name)) add(t.byLevel, name as Level, n);
      else if (kind === 'channel') add(t.byChannel, name, n);
      else if (kind === 'brand') add(t.byBrand, name, n);
    }
  }
  return t;
}

const sorted = (counts: Record<string, number | undefined>) =>
  Object.entries(counts)
    .filter((e): e is [string, number] => (e[1] ?? 0) > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

/** Plain text for `anshin tips trends`: counts of the week (in `tz`), with the change from the week before. */
export function formatTrends(t: WeeklyTrends, previous: WeeklyTrends, tz: string = DEFAULT_TZ): string {
  const change = (now: number, before: number | undefined) => {
    const d = now - (before ?? 0);
    return d === 0 ? '' : ` (${d > 0 ? '+' : ''}${d})`;
  };
  const lines = [`Week ${t.week} (${tz}): ${t.total} consultations${change(t.total, previous.total)}`];
  const section = (
    title: string,
    now: Record<string, number | undefined>,
    before: Record<string, number | undefined>,
  ) => {
    const rows = sorted(now);
    lines.push(`${title}:`);
    if (rows.length === 0) lines.push('  (none)');
    for (const [name, n] of rows) lines.push(`  ${name.padEnd(20)} ${String(n).padStart(6)}${change(n, before[name])}`);
  };
  section('By scam type', t.byType, previous.byType);
  section('By impersonated brand', t.byBrand, previous.byBrand);
  section('By channel', t.byChannel, previous.byChannel);
  section('By level', t.byLevel, previous.byLevel);
  return lines.join('\n');
}
