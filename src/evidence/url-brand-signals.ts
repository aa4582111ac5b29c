// A brand's name borrowed by a link that is not the brand's: inside the host (sagawa-xx.top), one letter or one
// look-alike character off an official domain (arnazon.co.jp), or in the path. Steps of urlSignals (url-signals.ts).
import { domainToUnicode } from 'node:url';
import type { Signal } from '../domain.ts';
import { signalDetail } from '../words/signals.ts';
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
        detail: signalDetail('brand_name_in_jp_domain', { shown, brand: named.name }),
      },
    ];
  }
  const officialDomain = named.domains[0] ?? '';
  const inSubdomain = named.domains.some(
    (d) => u.host.includes(`${d}.`) || u.host.includes(`${d.replace(/\./g, '-')}`),
  );
  const code = inSubdomain ? 'brand_in_subdomain' : 'lookalike_domain';
  return [
    {
      code,
      weight: 70,
      strong: true,
      scamType: 'phishing',
      subject: shown,
      detail: signalDetail(code, { shown, brand: named.name, officialDomain }),
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
  const code = homoglyph ? 'homoglyph_domain' : 'typosquat_domain';
  return [
    {
      code,
      weight: 70,
      strong: true,
      scamType: 'phishing',
      subject: shown,
      detail: signalDetail(code, { shown, brand: near.brand.name, domain: near.domain }),
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
      detail: signalDetail('brand_in_path', { shown, brand: inPath.name }),
    },
  ];
}
