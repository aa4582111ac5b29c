// The week's tip, written from templates without an LLM: the one or two scam types whose consultations grew
// most last week (or, when there is too little data, the article we most want people to read now), how to spot
// it, one thing to do, and a link to the article page. Every sentence comes from our own articles, so the tip
// carries no link or number that is not in our knowledge. polish.ts may rewrite it when an LLM is configured.
import { z } from 'zod';
import { LANGS, type Lang, SCAM_TYPES, type ScamType } from '../domain.ts';
import type { Article } from '../knowledge/articles.ts';
import type { WeeklyTrends } from '../stats/trends.ts';
import { weekMonday } from '../stats/week.ts';
import { WORDS } from '../words/book.ts';

/** Fewer consultations than this in a week say nothing about a trend: we show the featured article instead. */
export const MIN_CONSULTATIONS_FOR_TRENDS = 20;
/** A type must have grown by at least this many consultations to be called "growing". */
export const MIN_GROWTH = 2;
export const MAX_PATTERNS = 2;
/** A front-matter tag an editor puts on the article to feature when trends say nothing. */
export const FEATURED_TAG = 'いま気をつけたい';

/** Where several articles share a scam type, the one that explains it best for a general reader. */
const PREFERRED_ARTICLE: Partial<Record<ScamType, string>> = {
  phishing: 'bank-phishing',
  investment: 'sns-investment',
  impersonation_call: 'ore-ore',
  fictitious_billing: 'fictitious-billing',
  romance: 'sns-romance',
  account_takeover: 'verification-code',
};

/** When no article is tagged and all were updated the same day, feature the most common kind in Japan. */
const FEATURED_ORDER: ScamType[] = [
  'delivery_sms',
  'phishing',
  'impersonation_call',
  'investment',
  'fictitious_billing',
];

export interface TipPattern {
  scamType: ScamType;
  articleId: string;
  title: string;
  /** How to spot it (the article's first sentence of summary). */
  spot: string;
  /** One thing to do (the article's first piece of advice). */
  action: string;
  url: string | null;
}

export interface Tip {
  lang: Lang;
  /** The week the tip is sent in. */
  week: string;
  /** The week whose consultations it reports on (the one before). */
  dataWeek: string;
  basis: 'trends' | 'featured';
  patterns: TipPattern[];
  /** Without the channel's footer and offers (render.ts adds them). */
  text: string;
  by: 'template' | 'llm';
  promptVersion?: string;
  model?: string;
  /** Why the LLM's version was not used, when an LLM was configured. */
  fallbackReason?: string;
}

/** A kept tip (edition.ts) is read back with this. */
export const TipSchema: z.ZodType<Tip> = z.looseObject({
  lang: z.enum(LANGS),
  week: z.string(),
  dataWeek: z.string(),
  basis: z.enum(['trends', 'featured']),
  patterns: z.array(
    z.looseObject({
      scamType: z.enum(SCAM_TYPES),
      articleId: z.string(),
      title: z.string(),
      spot: z.string(),
      action: z.string(),
      url: z.string().nullable(),
    }),
  ),
  text: z.string(),
  by: z.enum(['template', 'llm']),
  promptVersion: z.string().optional(),
  model: z.string().optional(),
  fallbackReason: z.string().optional(),
});

export interface ComposeInput {
  week: string;
  dataWeek: string;
  current: WeeklyTrends;
  previous: WeeklyTrends;
  articles: readonly Article[];
  lang: Lang;
  /** PUBLIC_BASE_URL: article links point there; without it the tip has no link. */
  baseUrl?: string;
}

/** Scam types that grew most from `previous` to `current`, biggest growth first; [] with too little data. */
export function growingTypes(current: WeeklyTrends, previous: WeeklyTrends): ScamType[] {
  if (current.total < MIN_CONSULTATIONS_FOR_TRENDS) return [];
  return (Object.entries(current.byType) as [ScamType, number][])
    .filter(([t]) => t !== 'none' && t !== 'other')
    .map(([t, n]) => ({ t, n, growth: n - (previous.byType[t] ?? 0) }))
    .filter((x) => x.growth >= MIN_GROWTH)
    .sort((a, b) => b.growth - a.growth || b.n - a.n || (a.t < b.t ? -1 : 1))
    .map((x) => x.t);
}

export function articleFor(articles: readonly Article[], scamType: ScamType, lang: Lang): Article | undefined {
  const mine = articles.filter((a) => a.lang === lang && a.scamType === scamType);
  return mine.find((a) => a.id === PREFERRED_ARTICLE[scamType]) ?? mine[0];
}

/** The knowledge base's 「いま気をつけたい」 article: tagged by an editor, else the latest updated. */
export function featuredArticle(articles: readonly Article[], lang: Lang): Article {
  const mine = articles.filter((a) => a.lang === lang);
  const tagged = mine.find((a) => a.tags.includes(FEATURED_TAG));
  if (tagged) return tagged;
  const rank = (a: Article) => {
    const i = FEATURED_ORDER.indexOf(a.scamType);
    const preferred = PREFERRED_ARTICLE[a.scamType];
    return (i < 0 ? FEATURED_ORDER.length : i) * 2 + (preferred === undefined || preferred === a.id ? 0 : 1);
  };
  const best = [...mine].sort((a, b) =>
    a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : rank(a) - rank(b) || (a.id < b.id ? -1 : 1),
  )[0];
  if (best === undefined) throw new TypeError(`no ${lang} article to feature in the knowledge folder`);
  return best;
}

function firstSentence(text: string, lang: Lang): string {
  const t = text.trim();
  const m = lang === 'ja' ? /^.*?。/s.exec(t) : /^.*?[.!?](?=\s|$)/s.exec(t);
  return (m?.[0] ?? t).trim();
}

export function articleUrl(baseUrl: string | undefined, a: Pick<Article, 'id' | 'lang'>): string | null {
  return baseUrl ? `${baseUrl.replace(/\/$/, '')}/articles/${a.id}?lang=${a.lang}` : null;
}

function patternOf(a: Article, baseUrl: string | undefined): TipPattern {
  return {
    scamType: a.scamType,
    articleId: a.id,
    title: a.title,
    spot: firstSentence(a.summary, a.lang),
    action: a.advice[0] ?? '',
    url: articleUrl(baseUrl, a),
  };
}

export function composeTemplate(input: ComposeInput): Tip {
  const { lang, articles } = input;
  const picked: Article[] = [];
  for (const t of growingTypes(input.current, input.previous)) {
    const a = articleFor(articles, t, lang);
    if (a !== undefined && !picked.some((p) => p.id === a.id)) picked.push(a);
    if (picked.length === MAX_PATTERNS) break;
  }
  const basis = picked.length > 0 ? 'trends' : 'featured';
  if (basis === 'featured') picked.push(featuredArticle(articles, lang));
  const patterns = picked.map((a) => patternOf(a, input.baseUrl));
  const t = WORDS[lang].tips;
  const { m, d } = weekMonday(input.week);
  const sep = lang === 'ja' ? '：' : ': ';
  const blocks = [`${t.head(m, d)}\n${basis === 'trends' ? t.grew : t.featured}`];
  for (const p of patterns) {
    const lines = [
      lang === 'ja' ? `■${p.title}` : `■ ${p.title}`,
      `${t.spot}${sep}${p.spot}`,
      `${t.action}${sep}${p.action}`,
    ];
    if (p.url) lines.push(`${t.more}${sep}${p.url}`);
    blocks.push(lines.join('\n'));
  }
  return {
    lang,
    week: input.week,
    dataWeek: input.dataWeek,
    basis,
    patterns,
    text: blocks.join('\n\n'),
    by: 'template',
  };
}
