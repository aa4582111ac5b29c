// Evidence for one message: threat-intel hits, brand matches (both ways), URL, phone and text signals, and the
// awareness articles most like it. Deterministic and offline.
import type { BrandMatch, Evidence, Indicators, IntelHit, Lang, Signal } from '../domain.ts';
import { defangHost } from '../extract/defang.ts';
import type { BrandInfo, BrandLookup } from './ports.ts';
import type { ArticleIndex } from './retrieval.ts';
import { textSignals } from './text-signals.ts';
import { hostIsUnder, urlSignals } from './url-signals.ts';

export interface IntelLookup {
  lookup(q: Pick<Indicators, 'urls' | 'phones'>): IntelHit[];
}

export interface EvidenceDeps {
  brands: BrandLookup;
  /** Well-known legitimate sites outside the brand registry. */
  isWellKnown: (host: string) => boolean;
  articles: ArticleIndex;
  intel?: IntelLookup;
}

/**
 * Platforms that ordinary messages name in passing ("LINEで連絡して", "saw it on Facebook"); naming them does not
 * make a link elsewhere an impersonation. Help lines are named by warnings, not impersonated by them.
 */
const INCIDENTAL_BRANDS = new Set([
  'line',
  'google',
  'facebook',
  'antiphishing',
  'police-consultation',
  'consumer-hotline',
]);

function brandMatch(
  b: BrandInfo,
  relation: BrandMatch['relation'],
  via: BrandMatch['via'],
  subject?: string,
): BrandMatch {
  return {
    brandId: b.id,
    name: b.name,
    relation,
    via,
    officialDomains: b.domains,
    ...(subject ? { subject } : {}),
    ...(b.contact ? { contact: b.contact } : {}),
  };
}

/**
 * A number taken from a message, shown with its last digits hidden: enough to recognise it, not enough to dial it
 * from our answer (an answer must never hand the person a scammer's number).
 */
export function maskPhone(raw: string): string {
  let hide = 2;
  const chars = [...raw];
  for (let i = chars.length - 1; i >= 0 && hide > 0; i--) {
    if (/[0-9]/.test(chars[i]!)) {
      chars[i] = '×';
      hide -= 1;
    }
  }
  return chars.join('');
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
    detail: {
      ja: `${shown} は、詐欺サイトや詐欺の番号として報告されています（情報源: ${source}${date ? `、${date}` : ''}）。`,
      en: `${shown} has been reported as a scam site or number (source: ${source}${date ? `, ${date}` : ''}).`,
    },
  };
}

/** Brand evidence in both directions: the message claims brand X but links elsewhere; a link is X's real domain. */
function brandEvidence(ind: Indicators, brands: BrandLookup): { matches: BrandMatch[]; signals: Signal[] } {
  const matches: BrandMatch[] = [];
  const signals: Signal[] = [];
  const officialByUrl = new Map<string, BrandInfo>();
  for (const u of ind.urls) {
    const b = brands.byHost(u.host);
    if (b) {
      officialByUrl.set(u.host, b);
      if (!matches.some((m) => m.brandId === b.id && m.relation === 'official')) {
        matches.push(brandMatch(b, 'official', 'url', u.host));
      }
    }
  }
  const claimed = new Map<string, BrandInfo>();
  for (const m of brands.mentions(ind.text)) claimed.set(m.brand.id, m.brand);
  for (const e of ind.emails) {
    const b = brands.byMailDomain(e.domain);
    if (b) matches.push(brandMatch(b, 'official', 'email', e.domain));
  }

  for (const b of claimed.values()) {
    if (INCIDENTAL_BRANDS.has(b.id)) {
      matches.push(brandMatch(b, 'mentioned', 'text'));
      continue;
    }
    // Links that belong to no brand at all: a message naming X that sends you there is impersonating X. X's own
    // shortener is X's link (reported as brand_shortener), not a foreign one.
    const foreign = ind.urls.filter(
      (u) =>
        !officialByUrl.has(u.host) &&
        !b.domains.some((d) => hostIsUnder(u.host, d)) &&
        !(b.shortenerHosts ?? []).some((h) => hostIsUnder(u.host, h)),
    );
    if (foreign.length > 0) {
      const u = foreign[0]!;
      const shown = defangHost(u.host);
      const official = b.domains[0] ?? '';
      matches.push(brandMatch(b, 'impersonated', 'url', shown));
      signals.push({
        code: 'brand_impersonation',
        weight: 80,
        strong: true,
        scamType: 'phishing',
        subject: shown,
        detail: {
          ja: `${b.name.ja}を名乗っていますが、リンク先 ${shown} は${b.name.ja}の公式ドメイン ${official} ではありません。`,
          en: `It claims to be ${b.name.en}, but the link ${shown} is not ${b.name.en}'s official domain ${official}.`,
        },
      });
      continue;
    }
    const badMail = ind.emails.find((e) => brands.byMailDomain(e.domain)?.id !== b.id);
    if (badMail) {
      matches.push(brandMatch(b, 'impersonated', 'email', badMail.domain));
      signals.push({
        code: 'brand_email_mismatch',
        weight: 30,
        scamType: 'phishing',
        subject: badMail.domain,
        detail: {
          ja: `${b.name.ja}を名乗っていますが、メールアドレスのドメイン ${defangHost(badMail.domain)} は${b.name.ja}のものではありません。`,
          en: `It claims to be ${b.name.en}, but the e-mail domain ${defangHost(badMail.domain)} is not ${b.name.en}'s.`,
        },
      });
      continue;
    }
    const offPhone = ind.phones.find((p) => p.kind !== 'short' && !brands.byPhone(p.e164));
    if (offPhone && !ind.urls.some((u) => officialByUrl.get(u.host)?.id === b.id)) {
      signals.push({
        code: 'brand_unlisted_phone',
        weight: 15,
        subject: maskPhone(offPhone.raw),
        detail: {
          ja: `${b.name.ja}を名乗っていますが、書かれている電話番号 ${maskPhone(offPhone.raw)} は、私たちが確認した${b.name.ja}の公式の番号にはありません。`,
          en: `It claims to be ${b.name.en}, but the number ${maskPhone(offPhone.raw)} is not among the official numbers we hold for ${b.name.en}.`,
        },
      });
    }
    if (!matches.some((m) => m.brandId === b.id)) matches.push(brandMatch(b, 'mentioned', 'text'));
  }
  for (const p of ind.phones) {
    const b = brands.byPhone(p.e164);
    if (b && !matches.some((m) => m.brandId === b.id && m.relation === 'official')) {
      matches.push(brandMatch(b, 'official', 'phone', p.raw));
    }
  }
  return { matches, signals };
}

/** Weight of a link on a brand's own shortener: the brand's link, but the page it opens cannot be seen. */
const BRAND_SHORTENER_WEIGHT = 10;

function brandShortenerSignal(host: string, b: BrandInfo): Signal {
  const shown = defangHost(host);
  return {
    code: 'brand_shortener',
    weight: BRAND_SHORTENER_WEIGHT,
    subject: shown,
    detail: {
      ja: `リンク（${shown}）は${b.name.ja}が使っている短縮URLですが、開く前に行き先のページは見えません。心配なときはリンクを開かず、${b.name.ja}の公式アプリか、ブックマークした公式サイトで確かめるほうが安心です。`,
      en: `The link (${shown}) is a short link that ${b.name.en} uses, but you cannot see the page it opens before you tap it. If in doubt, leave the link and check in ${b.name.en}'s official app or a bookmarked official site instead.`,
    },
  };
}

function phoneSignals(ind: Indicators, brands: BrandLookup): Signal[] {
  const out: Signal[] = [];
  const intl = ind.phones.find((p) => p.kind === 'international' && !brands.byPhone(p.e164));
  if (intl) {
    out.push({
      code: 'international_phone',
      weight: 25,
      scamType: 'impersonation_call',
      subject: maskPhone(intl.raw),
      detail: {
        ja: `海外の電話番号（${maskPhone(intl.raw)}）が書かれています。日本の会社や役所が、海外の番号から連絡することはほとんどありません。`,
        en: `It gives an overseas number (${maskPhone(intl.raw)}). Japanese companies and offices almost never contact you from abroad.`,
      },
    });
  }
  const premium = ind.phones.find((p) => p.kind === 'premium');
  if (premium) {
    out.push({
      code: 'premium_phone',
      weight: 25,
      subject: maskPhone(premium.raw),
      detail: {
        ja: `有料の電話番号（${maskPhone(premium.raw)}）が書かれています。掛けると高い料金がかかります。`,
        en: `It gives a premium-rate number (${maskPhone(premium.raw)}) that costs a lot to call.`,
      },
    });
  }
  return out;
}

const LOOKALIKE_CODES = new Set(['lookalike_domain', 'brand_in_subdomain']);

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

/**
 * Messages that warn about scams (a bank's notice, a police alert, a news headline, a one-time code that says
 * "never share it") use the very words scams use. Recognised by their negations and warning phrases.
 */
const WARNING_CONTEXT_RE =
  /(?:こと|事)は(?:絶対に|決して|一切)?(?:ありません|ございません)|(?:手続き|連絡|電話|お願い)(?:は|を)(?:一切)?(?:ありません|しておりません|いたしません)|(?:を|に)かたる|を装った|(?:不審な|怪しい)(?:SMS|メール|電話|メッセージ|URL)|ご注意ください|注意してください|(?:教えない|入力しない|伝えない|押さない|開かない|アクセスしない|返信しない)で(?:ください|ね)|受け取れません|詐欺(?:に|が|被害)|\b(?:will never|would never|never (?:ask|share|give|request)|do not share|don't share|not even with us|scam alert|beware of)\b/i;

const JAPANESE_RE = /[\u3040-\u30ff\u3400-\u9fff]/;
const CLICK_RE =
  /\b(?:click|tap|visit|go ?to|go2|log ?in|sign ?in|open|follow|check|claim|apply|pay|confirm|verify|update|get)\b/i;

/** How much text signals still count inside a warning about scams with no unknown link (they quote scams). */
const WARNING_WEIGHT_SHARE = 0.2;
/** Scam types whose wording, next to a link to a site we do not know, points to a phishing page. */
const LURE_TYPES = new Set(['phishing', 'delivery_sms', 'fictitious_billing', 'refund', 'account_takeover', 'prize']);

function tone(s: Signal, share: number): Signal {
  const { strong: _strong, ...rest } = s;
  return { ...rest, weight: Math.round(s.weight * share) };
}

export function gatherEvidence(ind: Indicators, lang: Lang, deps: EvidenceDeps): Evidence {
  const intel = deps.intel ? deps.intel.lookup(ind) : [];
  const brand = brandEvidence(ind, deps.brands);
  const ctx = { linkOnly: isLinkOnly(ind), isWellKnown: deps.isWellKnown };
  const shortLinks: Signal[] = [];
  const urlSigs = ind.urls.slice(0, MAX_URLS_JUDGED).flatMap((u) => {
    // A brand's own shortener is judged here, not as an unknown shortener: its links only lead to the brand.
    const owner = deps.brands.shortenerOf(u.host);
    if (owner) {
      shortLinks.push(brandShortenerSignal(u.host, owner));
      return [];
    }
    return urlSignals(u, deps.brands, ctx);
  });
  let text = textSignals(ind);
  const unknownLink = urlSigs.length > 0 || brand.signals.length > 0 || intel.length > 0;
  const extra: Signal[] = [];
  if (!unknownLink && WARNING_CONTEXT_RE.test(ind.text)) {
    text = text.map((s) => tone(s, WARNING_WEIGHT_SHARE));
    extra.push({
      code: 'warning_context',
      weight: 0,
      detail: {
        ja: '詐欺への注意を呼びかける文面のようです。ただし、それだけで本物の連絡だとは言えません。',
        en: 'It reads like a warning about scams. That alone does not prove it is genuine.',
      },
    });
  }
  if (unknownLink && text.some((s) => s.scamType && LURE_TYPES.has(s.scamType))) {
    extra.push({
      code: 'link_with_lure',
      weight: 15,
      scamType: 'phishing',
      detail: {
        ja: '不安をあおる文と一緒に、公式ではないリンクが送られてきています。偽サイトに誘う典型的な形です。',
        en: 'Worrying wording comes with a link that is not an official site: the usual shape of phishing.',
      },
    });
  }
  if (
    urlSigs.some((s) => s.code === 'unlisted_site') &&
    !JAPANESE_RE.test(ind.text) &&
    !text.some((s) => s.code === 'call_to_action') &&
    CLICK_RE.test(ind.text)
  ) {
    // Western smishing rarely names a brand we know; an unknown link pushed at the reader is the signal.
    extra.push({
      code: 'call_to_action',
      weight: 17,
      detail: {
        ja: '見知らぬ送り主が、公式ではないサイトを開くよう求めています。',
        en: 'An unknown sender asks you to open a site that is not an official one.',
      },
    });
  }
  if (ind.urls.length > 0 && !unknownLink && shortLinks.length === 0) {
    extra.push({
      code: 'official_links',
      weight: -15,
      detail: {
        ja: 'リンク先は、公式サイトか広く知られたサイトです。ただし、それだけで本物の連絡だとは言えません。',
        en: 'The links go to official or well-known sites. That alone does not prove the message is genuine.',
      },
    });
  }
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
  return { indicators: ind, signals: deduped, intel, brands: brand.matches, articles };
}
