// The brand index evidence asks: "is this host / number / sender really X's?", "which brands does this text
// name?" (mentions.ts) and "does this host borrow a brand's name?" (lookalike.ts), each in O(labels).

import { brandLabel, isRegistrable, normaliseHost, phoneKey, senderKey } from './keys.ts';
import { HostTokens, withinOneEdit } from './lookalike.ts';
import { BrandAliases, type BrandMention } from './mentions.ts';
import type { Brand } from './schema.ts';

/**
 * Hosting platforms whose names contain a brand token but serve anyone's content (s3.amazonaws.com,
 * storage.googleapis.com): a page there is not imitating the brand's name; the free-hosting signal covers it.
 */
const PLATFORM_DOMAINS: readonly string[] = ['amazonaws.com', 'googleapis.com', 'googleusercontent.com'];

export class BrandIndex {
  readonly brands: readonly Brand[];
  private readonly hosts = new Map<string, Brand[]>();
  private readonly userContentHosts = new Map<string, Brand>();
  private readonly userMailDomains = new Map<string, Brand>();
  private readonly phones = new Map<string, Brand>();
  private readonly contactPhones = new Set<string>();
  private readonly shortenerBrands = new Map<string, Brand[]>();
  private readonly mailOnlyDomains = new Map<string, Brand>();
  private readonly ownSenders = new Map<string, Brand>();
  private readonly sharedSenders = new Map<string, Brand[]>();
  private readonly officialLabels: { label: string; domain: string; brand: Brand }[] = [];
  private readonly aliases: BrandAliases;
  private readonly tokens: HostTokens;

  constructor(brands: readonly Brand[]) {
    this.brands = brands;
    this.aliases = new BrandAliases(brands);
    this.tokens = new HostTokens(brands);
    for (const b of brands) {
      for (const d of [...b.domains, ...b.sharedDomains]) {
        const list = this.hosts.get(d) ?? [];
        list.push(b);
        this.hosts.set(d, list);
      }
      for (const h of b.userContent) this.userContentHosts.set(h, b);
      for (const m of b.userMail) this.userMailDomains.set(m, b);
      for (const d of b.domains) {
        if (isRegistrable(d)) this.officialLabels.push({ label: brandLabel(d), domain: d, brand: b });
      }
      for (const p of b.phones) {
        const key = phoneKey(p.number);
        if (!this.phones.has(key)) this.phones.set(key, b);
        this.contactPhones.add(key);
      }
      for (const { sender } of b.smsSenders) {
        const key = senderKey(sender);
        this.ownSenders.set(key, b);
        // A sender number is the brand's number too; short codes (157) stay out, they are not numbers one dials.
        if (/^\d{5,}$/.test(key) && !this.phones.has(key)) this.phones.set(key, b);
      }
      for (const { sender } of b.sharedSmsSenders) {
        const key = senderKey(sender);
        this.sharedSenders.set(key, [...(this.sharedSenders.get(key) ?? []), b]);
      }
      for (const { host } of b.shorteners)
        this.shortenerBrands.set(host, [...(this.shortenerBrands.get(host) ?? []), b]);
      for (const { host } of b.mailDomains) this.mailOnlyDomains.set(host, b);
    }
  }

  /** The brand whose official domain is this host or one of its parents (never a substring match). */
  byHost(host: string): Brand | undefined {
    return this.brandsByHost(host)[0];
  }

  /**
   * Every brand that lists this host or a parent; several only for shared group domains. Empty for hosts where
   * anyone can publish (see `userContentOf`), even though they sit under an official domain.
   */
  brandsByHost(host: string): Brand[] {
    let h = normaliseHost(host);
    while (h !== '') {
      if (this.userContentHosts.has(h)) return [];
      const found = this.hosts.get(h);
      if (found) return found;
      const dot = h.indexOf('.');
      if (dot < 0) break;
      h = h.slice(dot + 1);
    }
    return [];
  }

  /** The brand whose platform hosts this user-published page or link (a LINE group invite, a Google Form). */
  userContentOf(host: string): Brand | undefined {
    let h = normaliseHost(host);
    while (h !== '') {
      const found = this.userContentHosts.get(h);
      if (found) return found;
      const dot = h.indexOf('.');
      if (dot < 0) break;
      h = h.slice(dot + 1);
    }
    return undefined;
  }

  /**
   * The brand an e-mail address's domain really belongs to. A customer mail domain (someone@docomo.ne.jp) is not
   * the brand speaking: undefined, see `customerMailOf`.
   */
  byMailDomain(domain: string): Brand | undefined {
    const d = normaliseHost(domain);
    if (this.userMailDomains.has(d)) return undefined;
    return this.byHost(d) ?? this.underAny(d, this.mailOnlyDomains);
  }

  /**
   * The brand whose own link shortener this host is (g.co → Google). The link is the brand's, but the page it
   * opens is hidden. The first listing brand when a group shares one; see `shortenerBrandsOf`.
   */
  shortenerOf(host: string): Brand | undefined {
    return this.shortenerBrandsOf(host)[0];
  }

  /** Every brand that lists this host (or a parent) as its own shortener; a group's brands may share one. */
  shortenerBrandsOf(host: string): Brand[] {
    return this.underAny(normaliseHost(host), this.shortenerBrands) ?? [];
  }

  /**
   * The brand an SMS sender belongs to: a number in any form (E.164, national digits, hyphens) or a sender name
   * (NFKC, case and spaces ignored). Undefined for a relay number several companies send from; see
   * `brandsBySmsSender`.
   */
  bySmsSender(sender: string): Brand | undefined {
    return this.ownSenders.get(senderKey(sender));
  }

  /** Every brand known to send from this sender: its one owner, or all brands citing a shared relay number. */
  brandsBySmsSender(sender: string): Brand[] {
    const key = senderKey(sender);
    const own = this.ownSenders.get(key);
    return own ? [own] : (this.sharedSenders.get(key) ?? []);
  }

  /** The brand whose customers get addresses at exactly this mail domain (docomo.ne.jp → docomo). */
  customerMailOf(domain: string): Brand | undefined {
    return this.userMailDomains.get(normaliseHost(domain));
  }

  /**
   * The brand whose published number (contact number, or an SMS sender number of five digits or more that is the
   * brand's alone) this is. Accepts E.164, national digits or "#9110". A shared relay number is nobody's.
   */
  byPhone(e164OrDigits: string): Brand | undefined {
    return this.phones.get(phoneKey(e164OrDigits));
  }

  /**
   * Brands the text names, in order of appearance. Matching is on NFKC text, ASCII case-insensitive (except short
   * upper-case aliases), longest alias first, without overlaps; Latin aliases must stand as whole words. Links and
   * e-mail domains are skipped: a brand's domain inside a URL is evidence about the link, not a claim in the text.
   */
  mentions(text: string): BrandMention[] {
    return this.aliases.mentions(text);
  }

  /**
   * A brand whose distinctive token appears in a host that is not any brand's official host: the lookalike signal
   * behind "sagawa-xx.top" or "www.amazon.co.jp.verify-login.com". Longest token wins.
   */
  brandNameIn(host: string): Brand | undefined {
    const h = normaliseHost(host);
    // A brand's own mail-delivery domain (smbcgroup-point.jp) carries its name by right.
    if (h === '' || this.byHost(h) || this.userContentOf(h) || this.underAny(h, this.mailOnlyDomains)) return undefined;
    if (PLATFORM_DOMAINS.some((p) => h === p || h.endsWith(`.${p}`))) return undefined;
    return this.tokens.longestIn(h);
  }

  /**
   * An official domain one edit away from this registrable-domain label, or whose label the homoglyph skeleton
   * spells (arnazon → amazon, rakuten-cards → rakuten-card). Only labels of six or more letters, where one edit
   * is unlikely to be another real name.
   */
  nearOfficial(label: string, skeleton: string): { brand: Brand; domain: string } | undefined {
    const l = label.toLowerCase();
    for (const o of this.officialLabels) {
      if (o.label.length < 6 || o.label === l) continue;
      if (skeleton === o.label || withinOneEdit(l, o.label)) return { brand: o.brand, domain: o.domain };
    }
    return undefined;
  }

  /** Contact numbers the registry publishes, digits only ("#9110" → "9110"), for the answer guards. */
  officialPhones(): Set<string> {
    return new Set(this.contactPhones);
  }

  /**
   * Every official domain and exact host in the registry, for the answer guards. Domains where anyone can publish
   * are left out; check subdomains with `byHost`, which also refuses user-content hosts.
   */
  officialHosts(): Set<string> {
    return new Set([...this.hosts.keys()].filter((h) => !this.userContentHosts.has(h)));
  }

  private underAny<T>(host: string, map: ReadonlyMap<string, T>): T | undefined {
    let h = host;
    while (h !== '') {
      const found = map.get(h);
      if (found) return found;
      const dot = h.indexOf('.');
      if (dot < 0) break;
      h = h.slice(dot + 1);
    }
    return undefined;
  }
}
