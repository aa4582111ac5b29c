// Brand evidence for one message, both ways: the message claims brand X but links, mails or gives a number
// elsewhere; a link, address or number is X's own. Also the brand's own short links, and the brand a text claims.
import type { BrandMatch, Indicators, Signal, UrlIndicator } from '../domain.ts';
import { defangHost } from '../extract/defang.ts';
import { KANA_KANJI } from '../text/script.ts';
import { maskPhone } from './phone-signals.ts';
import type { BrandInfo, BrandLookup } from './ports.ts';
import { hostIsUnder, isVouched, type UrlContext } from './url-context.ts';

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

/** Brand evidence in both directions: the message claims brand X but links elsewhere; a link is X's real domain. */
export function brandEvidence(
  ind: Indicators,
  brands: BrandLookup,
  ctx: UrlContext,
): { matches: BrandMatch[]; signals: Signal[] } {
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
  for (const m of brands.mentions(collapseCjkSpaces(ind.text))) claimed.set(m.brand.id, m.brand);
  for (const e of ind.emails) {
    const b = brands.byMailDomain(e.domain);
    if (b) matches.push(brandMatch(b, 'official', 'email', e.domain));
  }

  for (const b of claimed.values()) {
    if (INCIDENTAL_BRANDS.has(b.id)) {
      matches.push(brandMatch(b, 'mentioned', 'text'));
      continue;
    }
    // Links that belong to no brand at all: a message naming X that sends you there is impersonating X. The brand's
    // own short links are its links; a popular site that is not X's (a news site, a big platform) is not proof of
    // impersonation, only a link we cannot confirm as X's.
    const ownShort = (u: UrlIndicator) => (b.shortenerHosts ?? []).some((h) => hostIsUnder(u.host, h));
    const foreignAll = ind.urls.filter(
      (u) => !officialByUrl.has(u.host) && !b.domains.some((d) => hostIsUnder(u.host, d)) && !ownShort(u),
    );
    const foreign = foreignAll.filter((u) => !isVouched(u, brands, ctx));
    const unconfirmed = foreignAll.find((u) => isVouched(u, brands, ctx));
    if (foreign.length === 0 && unconfirmed) {
      const shown = defangHost(unconfirmed.host);
      signals.push({
        code: 'brand_unconfirmed_link',
        weight: 10,
        subject: shown,
        detail: {
          ja: `${b.name.ja}を名乗っていますが、リンク先 ${shown} は、私たちが確認した${b.name.ja}のドメインではありません。よく知られたサイトですが、${b.name.ja}のものとは限りません。`,
          en: `It claims to be ${b.name.en}, but the link ${shown} is not among the domains we hold for ${b.name.en}. It is a well-known site, but not necessarily ${b.name.en}'s.`,
        },
      });
    }
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

export function brandShortenerSignal(host: string, b: BrandInfo): Signal {
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

const SPACE_IN_KANA_KANJI_RE = new RegExp(`([${KANA_KANJI}]) (?=[${KANA_KANJI}])`, 'g');

/** "三 井 住 友 カ ー ド" written with spaces to dodge filters reads as the name it spells. */
export function collapseCjkSpaces(text: string): string {
  return text.replace(SPACE_IN_KANA_KANJI_RE, '$1');
}

/** The first brand the text claims to be (not one named in passing), if any. */
export function claimedBrand(text: string, brands: BrandLookup): BrandInfo | undefined {
  return brands.mentions(collapseCjkSpaces(text)).find((m) => !INCIDENTAL_BRANDS.has(m.brand.id))?.brand;
}
