// Evidence for one message: threat-intel hits, brand matches (both ways), URL, phone and text signals, and the
// awareness articles most like it. Deterministic and offline. gatherEvidence asks each kind of evidence in turn
// (brand-evidence.ts, url-signals.ts, phone-signals.ts, text-signals.ts, message-signals.ts) and keeps one signal
// per code.
import type { Evidence, Indicators, IntelHit, Lang, Signal, UrlIndicator } from '../domain.ts';
import { defangHost } from '../extract/defang.ts';
import type { SignalCode } from '../signal-codes.ts';
import { signalDetail } from '../words/signals.ts';
import { brandEvidence, brandShortenerSignal } from './brand-evidence.ts';
import { messageSignals } from './message-signals.ts';
import { maskPhone, phoneSignals } from './phone-signals.ts';
import type { BrandLookup } from './ports.ts';
import type { ArticleIndex } from './retrieval.ts';
import { textSignals } from './text-signals.ts';
import { isVouched, type UrlContext, type WebLists } from './url-context.ts';
import { urlSignals } from './url-signals.ts';

export interface IntelLookup {
  lookup(q: Pick<Indicators, 'urls' | 'phones'>): IntelHit[];
}

export interface EvidenceDeps {
  brands: BrandLookup;
  /** Well-known legitimate sites outside the brand registry. */
  isWellKnown: (host: string) => boolean;
  articles: ArticleIndex;
  intel?: IntelLookup;
  /** Popular sites, shared hosting and shorteners (knowledge/url-lists/); none when absent. */
  web?: WebLists;
  /** Learned probability that a link is a phishing link, from its host and path. */
  hostScore?: (u: UrlIndicator, withPath: boolean) => number;
}

function intelSignal(hits: IntelHit[]): Signal {
  const first = hits[0]!;
  const shown = first.kind === 'phone' ? maskPhone(first.value) : defangHost(first.value);
  const date = first.listedAt ? first.listedAt.slice(0, 10) : null;
  const source = first.source;
  return {
    code: 'intel_hit',
    weight: 100,
    strong: true,
    subject: shown,
    detail: signalDetail('intel_hit', { shown, source, date }),
  };
}

/** Host signals that a brand-impersonation sentence about the same host already says, more exactly. */
const LOOKALIKE_CODES: ReadonlySet<string> = new Set<SignalCode>([
  'lookalike_domain',
  'brand_in_subdomain',
  'unlisted_site',
]);

/** Links judged one by one; a message with more is judged on its first ones (and says it is long). */
const MAX_URLS_JUDGED = 20;
/** Fewer letters than this besides the links ("これ詐欺？") make a consultation about the link alone. */
const LINK_ONLY_MAX_CHARS = 20;

export function isLinkOnly(ind: Indicators): boolean {
  if (ind.urls.length === 0) return false;
  let rest = ind.text;
  for (const u of ind.urls) rest = rest.split(u.raw).join(' ');
  return rest.replace(/[\s\p{P}\p{S}]/gu, '').length < LINK_ONLY_MAX_CHARS;
}

/** Keep one signal per code (the heaviest), heaviest first. */
function dedupe(signals: Signal[]): Signal[] {
  const byCode = new Map<string, Signal>();
  for (const s of signals) {
    const prev = byCode.get(s.code);
    if (!prev || s.weight > prev.weight) byCode.set(s.code, s);
  }
  return [...byCode.values()].sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
}

export function gatherEvidence(ind: Indicators, lang: Lang, deps: EvidenceDeps): Evidence {
  const intel = deps.intel ? deps.intel.lookup(ind) : [];
  const ctx: UrlContext = {
    linkOnly: isLinkOnly(ind),
    isWellKnown: deps.isWellKnown,
    ...(deps.web ? { web: deps.web } : {}),
    ...(deps.hostScore ? { hostScore: memoScore(deps.hostScore) } : {}),
  };
  const brand = brandEvidence(ind, deps.brands, ctx);
  const judged = ind.urls.slice(0, MAX_URLS_JUDGED);
  const shortLinks: Signal[] = [];
  const urlSigs = judged.flatMap((u) => {
    // A brand's own shortener is judged here, not as an unknown shortener: its links only lead to the brand.
    const owner = deps.brands.shortenerOf(u.host);
    if (owner) {
      shortLinks.push(brandShortenerSignal(u.host, owner));
      return [];
    }
    return urlSignals(u, deps.brands, ctx);
  });
  const unvouched = judged.filter((u) => !isVouched(u, deps.brands, ctx) && !deps.brands.shortenerOf(u.host));
  const urlRisk =
    ctx.hostScore && unvouched.length > 0
      ? Math.max(...unvouched.map((u) => ctx.hostScore!(u, ctx.linkOnly)))
      : undefined;
  const text = textSignals(ind);
  // A link we cannot vouch for, or one reported: what "a link that is not official" sentences need to be true.
  const unknownLink =
    urlSigs.length > 0 || intel.length > 0 || brand.signals.some((s) => s.code === 'brand_impersonation');
  const extra = messageSignals(
    ind,
    text,
    { judged, urlSignals: urlSigs, unknownLink, brandShortLinks: shortLinks.length > 0 },
    deps.brands,
  );
  const signals: Signal[] = [
    ...text,
    ...brand.signals,
    ...phoneSignals(ind, deps.brands),
    ...urlSigs,
    ...shortLinks,
    ...extra,
  ];
  if (intel.length > 0) signals.push(intelSignal(intel));
  // A lookalike host already named in a brand-impersonation sentence would only repeat it.
  const impersonated = new Set(brand.signals.filter((s) => s.code === 'brand_impersonation').map((s) => s.subject));
  const deduped = dedupe(signals).filter(
    (s) => !(LOOKALIKE_CODES.has(s.code) && s.subject !== undefined && impersonated.has(s.subject)),
  );
  const scamType = deduped.find((s) => s.scamType)?.scamType;
  const articles = deps.articles.search(ind.text, lang, scamType ? { scamType, limit: 3 } : { limit: 3 });
  return {
    indicators: ind,
    signals: deduped,
    intel,
    brands: brand.matches,
    articles,
    ...(urlRisk !== undefined ? { urlRisk } : {}),
  };
}

/** One consultation asks a link's learned score from two places (its sentence, the message's riskiest link). */
function memoScore(
  score: (u: UrlIndicator, withPath: boolean) => number,
): (u: UrlIndicator, withPath: boolean) => number {
  const seen = new Map<string, number>();
  return (u, withPath) => {
    const key = `${withPath ? 1 : 0}${u.url}`;
    let p = seen.get(key);
    if (p === undefined) {
      p = score(u, withPath);
      seen.set(key, p);
    }
    return p;
  };
}
