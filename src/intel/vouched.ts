// Domains a feed must not turn into 危険: the brand registry's own domains, short-link hosts and mail domains,
// and the most visited registrable domains (knowledge/url-lists/popular-domains.txt). A feed that lists one of
// them (by mistake, or poisoned) would make us call the real site dangerous while the brand evidence calls it
// genuine. The importers refuse such entries and report them, unless the operator forces them in.
// Popular here also means knowledge/well-known-domains.txt (google.com, dropbox.com: left out of the popular
// list because anyone can publish under them). On such a platform (knowledge/url-lists/shared-hosting.txt)
// a customer's subdomain (someone.tumblr.com) is the customer's, so an entry for it is still taken.

import { loadBrands } from '../knowledge/brands.ts';
import { DEFAULT_WEB_LISTS_DIR } from '../knowledge/web-lists.ts';
import { isUnderAny, loadWellKnown } from '../knowledge/well-known.ts';
import { isSharedHost } from './shared-hosts.ts';
import type { IntelEntry } from './store.ts';

export type VouchedReason = 'brand' | 'popular';

export interface VouchedDomains {
  /** The listed domain a host belongs to and why it is vouched for, or null for a host we know nothing of. */
  coveringDomain(host: string): { domain: string; reason: VouchedReason } | null;
  /** Hosts where anyone publishes (docs.google.com, a brand's userContent hosts): one bad URL there is still bad. */
  isOpenHost(host: string): boolean;
}

/** Walks up the host's labels (www.smbc.co.jp → smbc.co.jp → co.jp) to the first listed domain. */
function listedAbove(host: string, set: ReadonlySet<string>): string | null {
  for (let h = host.toLowerCase().replace(/\.$/, ''); h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    if (set.has(h)) return h;
  }
  return null;
}

export function vouchedDomainsFrom(sets: {
  brand: ReadonlySet<string>;
  popular: ReadonlySet<string>;
  /** Hosting platforms whose subdomains belong to their customers (shared-hosting.txt). */
  platforms: ReadonlySet<string>;
  openHosts: ReadonlySet<string>;
}): VouchedDomains {
  return {
    coveringDomain(host) {
      const brand = listedAbove(host, sets.brand);
      if (brand !== null) return { domain: brand, reason: 'brand' };
      const popular = listedAbove(host, sets.popular);
      if (popular === null) return null;
      const h = host.toLowerCase().replace(/\.$/, '');
      const customers = sets.platforms.has(popular) && h !== popular && h !== `www.${popular}`;
      return customers ? null : { domain: popular, reason: 'popular' };
    },
    isOpenHost(host) {
      return isSharedHost(host) || isUnderAny(host, sets.openHosts);
    },
  };
}

/** The shipped brand registry and popular-domain list (the same files the evidence reads). */
export function loadVouchedDomains(): VouchedDomains {
  const brand = new Set<string>();
  const openHosts = new Set<string>();
  for (const b of loadBrands()) {
    for (const d of [...b.domains, ...b.sharedDomains, ...b.shortenerHosts, ...b.mailDomains.map((m) => m.host)]) {
      brand.add(d.toLowerCase());
    }
    for (const h of b.userContent) openHosts.add(h.toLowerCase());
  }
  const popular = new Set([...loadWellKnown(`${DEFAULT_WEB_LISTS_DIR}/popular-domains.txt`), ...loadWellKnown()]);
  const platforms = loadWellKnown(`${DEFAULT_WEB_LISTS_DIR}/shared-hosting.txt`);
  return vouchedDomainsFrom({ brand, popular, platforms, openHosts });
}

function hostOf(entry: IntelEntry): string | null {
  if (entry.kind === 'phone') return null;
  if (entry.kind !== 'url') return entry.value;
  try {
    return new URL(entry.value).hostname;
  } catch {
    return null;
  }
}

/**
 * The vouched-for domain an entry would flag, or null when the entry may be stored. Host and domain entries
 * under a vouched domain are refused; so is a URL on it, except on a host below the domain where anyone can
 * publish (a phishing form on docs.google.com): that entry names one page, not the brand's site.
 */
export function refusedDomain(
  vouched: VouchedDomains,
  entry: IntelEntry,
): { domain: string; reason: VouchedReason } | null {
  const host = hostOf(entry);
  if (host === null) return null;
  const covering = vouched.coveringDomain(host);
  if (covering === null) return null;
  const h = host.toLowerCase();
  const apex = h === covering.domain || h === `www.${covering.domain}`;
  if (entry.kind === 'url' && !apex && vouched.isOpenHost(h)) return null;
  return covering;
}
