// A brand's name borrowed by a link that is not the brand's: inside the host (sagawa-xx.top), one letter or one
// look-alike character off an official domain (arnazon.co.jp), or in the path. Steps of urlSignals (url-signals.ts).
import { domainToUnicode } from 'node:url';
import type { Signal } from '../domain.ts';
import { skeleton } from './host-shape.ts';
import type { BrandInfo, BrandLookup } from './ports.ts';
import type { LinkFacts } from './url-context.ts';
import { RESTRICTED_JP_SLDS } from './url-lists.ts';

/** A brand's name inside someone else's host: sagawa-xx.top, smbc-card.cpokerk.top, www.amazon.co.jp.verify.com. */
export function borrowedNameSignals({ u, shown, tld }: LinkFacts, named: BrandInfo): Signal[] {
  if (RESTRICTED_JP_SLDS.has(tld)) {
    // co.jp, or.jp, go.jp … are only issued to vetted Japanese organisations: a brand's name there is far more
    // often a related company than a phishing site, so it is worth a mention, not an alarm.
    return [
      {
        code: 'brand_name_in_jp_domain',
        weight: 10,
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} には「${named.name.ja}」の名前が入っていますが、私たちが確認した${named.name.ja}の公式ドメインではありません。`,
          en: `The link ${shown} contains the name ${named.name.en}, but it is not among the official domains we hold for ${named.name.en}.`,
        },
      },
    ];
  }
  const officialDomain = named.domains[0] ?? '';
  const inSubdomain = named.domains.some(
    (d) => u.host.includes(`${d}.`) || u.host.includes(`${d.replace(/\./g, '-')}`),
  );
  return [
    {
      code: inSubdomain ? 'brand_in_subdomain' : 'lookalike_domain',
      weight: 70,
      strong: true,
      scamType: 'phishing',
      subject: shown,
      detail: {
        ja: `リンク先 ${shown} には「${named.name.ja}」の名前が入っていますが、${named.name.ja}の公式ドメイン ${officialDomain} ではありません。`,
        en: `The link ${shown} contains the name ${named.name.en}, but it is not ${named.name.en}'s official domain ${officialDomain}.`,
      },
    },
  ];
}

/** Typosquats and homoglyphs of official domains: arnazon.co.jp, rakuten-cards.co.jp, аmazon.co.jp (Cyrillic а). */
export function misspeltDomainSignals({ shown, domain, domainLabel }: LinkFacts, brands: BrandLookup): Signal[] {
  const uni = domainToUnicode(domain) || domain;
  const uniLabel = uni.split('.')[0] ?? '';
  // A real brand's own domain is never another brand's typosquat (paypay.ne.jp is not paypal.com).
  const near = brands.byHost(domain) ? undefined : brands.nearOfficial(domainLabel, skeleton(uniLabel));
  if (!near) return [];
  const homoglyph = uni !== domain || skeleton(uniLabel) !== uniLabel;
  return [
    {
      code: homoglyph ? 'homoglyph_domain' : 'typosquat_domain',
      weight: 70,
      strong: true,
      scamType: 'phishing',
      subject: shown,
      detail: homoglyph
        ? {
            ja: `リンク先 ${shown} は、${near.brand.name.ja}の公式ドメイン ${near.domain} に見た目を似せた、別の文字のドメインです。`,
            en: `The link ${shown} imitates ${near.brand.name.en}'s official domain ${near.domain} with look-alike characters.`,
          }
        : {
            ja: `リンク先 ${shown} は、${near.brand.name.ja}の公式ドメイン ${near.domain} に一文字ちがいで似せた偽物です。`,
            en: `The link ${shown} is a misspelling of ${near.brand.name.en}'s official domain ${near.domain}.`,
          },
    },
  ];
}

/** A brand's name in the path of a host that is not the brand's (example.top/amazon/login). */
export function brandInPathSignals({ u, shown }: LinkFacts, brands: BrandLookup): Signal[] {
  const path = u.url.slice(u.url.indexOf(u.host) + u.host.length).split(/[?#]/)[0] ?? '';
  const inPath = brands.brandNameIn(
    path
      .replace(/[/_]+/g, '.')
      .replace(/^\.+|\.+$/g, '')
      .toLowerCase(),
  );
  if (!inPath) return [];
  return [
    {
      code: 'brand_in_path',
      weight: 30,
      scamType: 'phishing',
      subject: shown,
      detail: {
        ja: `リンク先 ${shown} は、ページの住所に「${inPath.name.ja}」の名前を入れていますが、${inPath.name.ja}のサイトではありません。`,
        en: `The link ${shown} puts the name ${inPath.name.en} in its path, but it is not ${inPath.name.en}'s site.`,
      },
    },
  ];
}
