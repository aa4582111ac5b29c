// A week's tip in both languages, composed once and kept, so that every retry, resume and preview shows and
// sends the same words (an LLM would word it differently each time). The tip sent in week W reports on the
// consultations of week W-1, compared with W-2: on Monday morning that is the last complete week.
import { z } from 'zod';
import { LANGS, type Lang } from '../domain.ts';
import { keys, TIPS_EDITION_TTL_MS } from '../infra/store/keys.ts';
import { orAbsent, readJson, type UnreadableReport } from '../infra/store/read.ts';
import type { Store } from '../infra/store/store.ts';
import type { Article } from '../knowledge/articles.ts';
import { readTrends, type TrendSource } from '../stats/trends.ts';
import { compareWeeks, DEFAULT_TZ, isoWeekOf, shiftWeek } from '../stats/week.ts';
import { composeTemplate, type Tip, TipSchema } from './compose.ts';
import type { TipPolisher } from './polish.ts';

export interface Edition {
  week: string;
  dataWeek: string;
  composedAt: string;
  tips: Record<Lang, Tip>;
}

const EditionSchema: z.ZodType<Edition> = z.looseObject({
  week: z.string(),
  dataWeek: z.string(),
  composedAt: z.string(),
  tips: z.object({ ja: TipSchema, en: TipSchema }),
});

export interface EditionDeps {
  store: Store;
  articles: readonly Article[];
  baseUrl?: string;
  polisher?: TipPolisher;
  now?: () => Date;
  /** The trends the tip is chosen from (tipTrendSources); by default people on LINE / Twilio only. */
  sources?: readonly TrendSource[];
  /** TZ: the time zone weeks begin in (Asia/Tokyo unless set). */
  tz?: string;
  /** Told of a kept edition that cannot be read. */
  report?: UnreadableReport;
}

export async function composeEdition(deps: EditionDeps, week: string): Promise<Edition> {
  const dataWeek = shiftWeek(week, -1);
  const sources = deps.sources ?? ['people'];
  const [current, previous] = await Promise.all([
    readTrends(deps.store, dataWeek, sources),
    readTrends(deps.store, shiftWeek(week, -2), sources),
  ]);
  const tips = {} as Record<Lang, Tip>;
  for (const lang of LANGS) {
    const draft = composeTemplate({
      week,
      dataWeek,
      current,
      previous,
      articles: deps.articles,
      lang,
      ...(deps.baseUrl ? { baseUrl: deps.baseUrl } : {}),
    });
    tips[lang] = deps.polisher ? await deps.polisher.polish(draft) : draft;
  }
  return { week, dataWeek, composedAt: (deps.now?.() ?? new Date()).toISOString(), tips };
}

/**
 * The kept edition, or null. One that cannot be read (damaged) is as if none were kept (reported): a send
 * composes the week's tip again and keeps that instead, rather than no one getting a tip that week. People
 * the stopped run had reached may read other words than the rest, which is the lesser harm.
 */
export async function storedEdition(store: Store, week: string, report?: UnreadableReport): Promise<Edition | null> {
  const raw = await store.get(keys.tipsEdition(week));
  return raw === null ? null : (orAbsent(() => readJson(EditionSchema, raw, 'tips edition'), report) ?? null);
}

/** True once the week has begun in `tz`: the week it reports on is complete, so its tip can be fixed. */
export function editionCanBeFixed(week: string, now: Date, tz: string = DEFAULT_TZ): boolean {
  return compareWeeks(isoWeekOf(now, tz), week) >= 0;
}

/**
 * The kept edition of the week, else a new one, kept when `keep` says so: 'always' for a send (what went out
 * is what any resume sends), 'if_begun' for a preview (one made before the week is a draft: its data week is
 * not over yet).
 */
export async function editionFor(
  deps: EditionDeps,
  week: string,
  keep: 'always' | 'if_begun',
): Promise<{ edition: Edition; kept: boolean }> {
  const stored = await storedEdition(deps.store, week, deps.report);
  if (stored !== null) return { edition: stored, kept: true };
  const edition = await composeEdition(deps, week);
  if (keep === 'if_begun' && !editionCanBeFixed(week, deps.now?.() ?? new Date(), deps.tz))
    return { edition, kept: false };
  await deps.store.set(keys.tipsEdition(week), JSON.stringify(edition), TIPS_EDITION_TTL_MS);
  return { edition, kept: true };
}
