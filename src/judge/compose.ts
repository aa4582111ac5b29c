// Turns a level and scam type into what the person reads: headline, what to do now, what to do if they already
// acted, and where to ask. Advice comes from our own knowledge (articles and the brand registry) only.
import type { ArticleRef, Composition, Contact, Evidence, Lang, Level, ScamType } from '../domain.ts';
import type { ArticleIndex } from '../evidence/retrieval.ts';
import type { Article } from '../knowledge/articles.ts';
import { bilingual, GENERIC_ADVICE as GENERIC, HEADLINES } from '../words/book.ts';

const STANDARD_CONTACTS: Contact[] = [
  { label: bilingual((w) => w.answer.standardContacts.police), phone: '#9110' },
  { label: bilingual((w) => w.answer.standardContacts.consumer), phone: '188' },
];

/** A step that says not to open the message's link (our own sentences, in both languages). */
const LINK_STEP_RE = /リンク(?:は|を)(?:開|押|タップ)|\bdo not (?:open|tap|click)\b[^.]*\blinks?\b/i;

/** Share of the best article's score a further article needs to be listed as related. */
const RELATED_SCORE_SHARE = 0.6;
/** How much a judged type lifts an article of that type when choosing the one whose advice leads. */
const TYPE_MATCH_LIFT = 1.5;

function uniq<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What to tell the person for a level and scam type, from our articles and brand registry only. */
export function compose(
  level: Level,
  scamType: ScamType,
  evidence: Evidence,
  lang: Lang,
  index: ArticleIndex,
): Composition {
  const generic = GENERIC[level][lang];
  const specific = (level === 'danger' || level === 'caution') && scamType !== 'none' && scamType !== 'other';
  let articles: ArticleRef[] = evidence.articles;
  let lead: Article | undefined;
  if (specific) {
    const text = evidence.indicators.text;
    // Only an article about this message may lead or be listed: of the several phishing articles (bank, carrier,
    // tax), one leads only when the message names what it is about. Otherwise the level's general steps stand,
    // never the steps of whichever article ranked first (a wallet's KYC text is not a tax notice).
    const fitting = (ref: ArticleRef) => {
      const a = index.get(ref.id, lang);
      return a !== undefined && index.fits(a, text, { ofJudgedType: a.scamType === scamType });
    };
    articles = articles.filter(fitting);
    // The lead article is the one whose wording fits the message best, with a lift for the judged type: an
    // unpaid-tax text leads to the tax article even when "unpaid" made the type fictitious billing.
    const weigh = (a: ArticleRef) => a.score * (a.scamType === scamType ? TYPE_MATCH_LIFT : 1);
    const best = [...articles].sort((a, b) => weigh(b) - weigh(a))[0];
    // With no retrieved article of the judged type, the type's own article leads, if one is about this message.
    const ofType = index.ofType(scamType, lang).find((a) => index.fits(a, text, { ofJudgedType: true }));
    const chosen =
      best && (articles.some((a) => a.scamType === scamType) || !ofType)
        ? best
        : ofType
          ? { id: ofType.id, title: ofType.title, scamType: ofType.scamType, lang: ofType.lang, score: 0 }
          : undefined;
    if (chosen) {
      articles = [chosen, ...articles.filter((a) => a.id !== chosen.id)];
      lead = index.get(chosen.id, lang);
    }
  }
  // Related articles must be close to the best one: a distant third match only distracts.
  const top = articles[0]?.score ?? 0;
  articles = uniq(articles, (a) => a.id)
    .filter((a, i) => i === 0 || a.score >= top * RELATED_SCORE_SHARE)
    .slice(0, 3);

  // The article's steps are written for this kind of scam; the generic ones only stand in when there is none.
  // An article's "do not open the link" is left out for a message that has none, while another step remains.
  const fitSteps = (steps: readonly string[]) => {
    if (evidence.indicators.urls.length > 0) return [...steps];
    const kept = steps.filter((step) => !LINK_STEP_RE.test(step));
    return kept.length > 0 ? kept : [...steps];
  };
  const advice = (lead?.advice.length ? fitSteps(lead.advice) : generic.advice).slice(0, 5);
  const ifAlreadyActed = (lead?.ifAlreadyActed.length ? lead.ifAlreadyActed : generic.ifAlreadyActed).slice(0, 6);

  const brandContacts: Contact[] = [];
  for (const b of evidence.brands) {
    if ((b.relation === 'impersonated' || b.relation === 'mentioned') && b.contact) brandContacts.push(b.contact);
  }
  const contacts = uniq(
    [...brandContacts, ...(lead?.contacts ?? []), ...STANDARD_CONTACTS],
    (c) => c.phone ?? c.url ?? c.label.ja,
  ).slice(0, 5);
  return { headline: HEADLINES[level][lang], advice, ifAlreadyActed, contacts, articles };
}
