// Anonymous weekly aggregates: every consultation adds one to a few counters of its ISO week (Asia/Tokyo):
// the scam type, the level, the channel and, for caution and danger, the brands the message used. No person
// id and no text is kept, so the counters can be shown and kept as long as they are useful.
import type { Channel, Level, ScamType } from '../domain.ts';
import { LEVELS, SCAM_TYPES } from '../domain.ts';
import { keys } from '../infra/store/keys.ts';
import type { Store } from '../infra/store/store.ts';
import { isoWeekOf, TRENDS_TZ } from './week.ts';

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

/** Brand ids are registry ids; anything else is not counted (a field name must stay a short token). */
const BRAND_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Adds one consultation to the week it happened in. */
export async function recordConsultation(store: Store, facts: ConsultationFacts, at: Date): Promise<void> {
  const key = keys.trends(isoWeekOf(at, TRENDS_TZ));
  const fields = ['total', `type:${facts.scamType}`, `level:${facts.level}`, `channel:${facts.channel}`];
  if (facts.level === 'danger' || facts.level === 'caution') {
    for (const b of new Set(facts.brands)) if (BRAND_ID.test(b)) fields.push(`brand:${b}`);
  }
  await Promise.all(fields.map((f) => store.mapIncr(key, f, 1)));
}

export async function readTrends(store: Store, week: string): Promise<WeeklyTrends> {
  const raw = await store.mapEntries(keys.trends(week));
  const t: WeeklyTrends = { week, total: 0, byType: {}, byLevel: {}, byChannel: {}, byBrand: {} };
  for (const [field, value] of Object.entries(raw)) {
    const n = Number(value);
    if (!Number.isFinite(n)) continue;
    const [kind, name = ''] = field.split(':', 2) as [string, string | undefined];
    if (kind === 'total') t.total = n;
    else if (kind === 'type' && (SCAM_TYPES as readonly string[]).includes(name)) t.byType[name as ScamType] = n;
    else if (kind === 'level' && (LEVELS as readonly string[]).includes(name)) t.byLevel[name as Level] = n;
    else if (kind === 'channel') t.byChannel[name] = n;
    else if (kind === 'brand') t.byBrand[name] = n;
  }
  return t;
}

const sorted = (counts: Record<string, number | undefined>) =>
  Object.entries(counts)
    .filter((e): e is [string, number] => (e[1] ?? 0) > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

/** Plain text for `anshin tips trends`: counts of the week, with the change from the week before. */
export function formatTrends(t: WeeklyTrends, previous: WeeklyTrends): string {
  const change = (now: number, before: number | undefined) => {
    const d = now - (before ?? 0);
    return d === 0 ? '' : ` (${d > 0 ? '+' : ''}${d})`;
  };
  const lines = [`Week ${t.week} (Asia/Tokyo): ${t.total} consultations${change(t.total, previous.total)}`];
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
