// The brand registry: organisations scammers impersonate in Japan, with the domains, numbers and SMS sender names
// they really use (knowledge/brands.yaml). Loaded once and indexed so that evidence can ask "is this host / number
// really X's?", "which brands does this text name?" and "does this host borrow a brand's name?" in O(labels).
//
// A wrong official domain is a security bug (a phishing link on it would be called genuine), so loading is strict:
// any invalid entry stops start-up with an error naming the entry and the field.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseTld } from 'tldts';
import { z } from 'zod';
import { SCHEME_LINK_RE } from '../text/links.ts';
import { parseYamlCached } from './yaml-cache.ts';

export const BRAND_CATEGORIES = [
  'bank',
  'card',
  'securities',
  'carrier',
  'delivery',
  'ecommerce',
  'payment',
  'government',
  'utility',
  'transport',
  'tech',
  'insurance',
  'other',
] as const;
export type BrandCategory = (typeof BRAND_CATEGORIES)[number];

export const DEFAULT_BRANDS_FILE = fileURLToPath(new URL('../../knowledge/brands.yaml', import.meta.url));

const bilingual = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });
/** Lower-case ASCII host name: labels of letters, digits and inner hyphens, at least one dot. */
const hostname = z
  .string()
  .regex(
    /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'not a lower-case host name',
  );

/**
 * An SMS sender as the phone shows it: a number (digits, spaces, hyphens, a leading +; short codes such as 157) or
 * a sender name ("NTT DOCOMO", "KDDIからのお知らせ"). Notes in brackets belong in the source, not in the value.
 */
const smsSender = z
  .string()
  .trim()
  .regex(
    /^(?:\+?\d[\d -]{1,18}\d|[^\s()（）\d+][^()（）]{0,38}[^\s()（）])$/,
    'write a number (digits, spaces, hyphens, a leading +) or a sender name, without notes in brackets',
  );

/** One fact with the page that states it; `source` must be one of the entry's `sources` URLs. */
const hostFact = z.strictObject({ host: hostname, source: httpsUrl });
const senderFact = z.strictObject({ sender: smsSender, source: httpsUrl });

const brandEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case'),
  name: bilingual,
  category: z.enum(BRAND_CATEGORIES),
  aliases: z.array(z.string().trim().min(1)).min(1),
  domains: z.array(hostname),
  phones: z
    .array(z.strictObject({ number: z.string().regex(/^(?:#\d{3,4}|\d{3}|[0-9+][0-9-]{6,})$/), label: bilingual }))
    .default([]),
  /** Numbers and names the brand's own SMS come from, each owned by this brand alone. */
  smsSenders: z.array(senderFact).default([]),
  /**
   * Sender numbers a carrier shows for SMS relayed from many companies (SoftBank's 0032069000): the brand does send
   * from it, but so do others, so it proves nothing on its own. Must be listed by every brand that cites it.
   */
  sharedSmsSenders: z.array(senderFact).default([]),
  /**
   * The brand's own link shorteners (g.co for Google): a link there is the brand's, but it hides the page it
   * opens. Never a public shortener anyone can use. Several brands of one group may list the same host.
   */
  shorteners: z.array(hostFact).default([]),
  /**
   * Domains the brand sends mail from that are not its web domains (a mail-delivery domain named on its own page).
   * A mail from there is the brand's; a link there is not vouched for.
   */
  mailDomains: z.array(hostFact).default([]),
  contact: z.strictObject({ label: bilingual, url: httpsUrl }),
  sharedDomains: z.array(hostname).default([]),
  /**
   * Hosts under the official domains where anyone can publish (sites.google.com, line.me account and group links):
   * real infrastructure of the brand, but a link there proves nothing about who wrote the page.
   */
  userContent: z.array(hostname).default([]),
  /** Mail domains under the official domains where customers hold addresses (docomo.ne.jp, yahoo.co.jp). */
  userMail: z.array(hostname).default([]),
  /** Extra lookalike tokens beyond those derived from the domains (lower-case letters, digits, hyphens). */
  tokens: z.array(z.string().regex(/^[a-z0-9-]{2,}$/)).optional(),
  /** `search`: a page naming the domain was found and cited. `top-page`: only the brand's top page is cited. */
  confirmation: z.enum(['search', 'top-page']),
  sources: z.array(z.strictObject({ name: z.string().min(1), url: httpsUrl })).min(1),
});

export type BrandEntry = z.infer<typeof brandEntrySchema>;

/** A registry entry with its lookalike tokens resolved across the whole registry. */
export interface Brand extends BrandEntry {
  /** Distinctive Latin names found in lookalike hosts ("sagawa", "smbc", "jcb"); each owned by one brand. */
  tokens: string[];
  /** The hosts of `shorteners`, for code that only needs the names. */
  shortenerHosts: string[];
}

export class BrandRegistryError extends Error {
  override name = 'BrandRegistryError';
}

/** Reads and validates the registry. Throws `BrandRegistryError` naming the entry and field on invalid data. */
export function loadBrands(file: string = DEFAULT_BRANDS_FILE): Brand[] {
  let raw: unknown;
  try {
    raw = parseYamlCached(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new BrandRegistryError(`brand registry ${file} could not be read: ${(err as Error).message}`);
  }
  return parseBrands(raw, file);
}

/** Validates already-parsed registry data (the YAML document, or test data in the same shape). */
export function parseBrands(raw: unknown, where = 'brand registry'): Brand[] {
  if (!Array.isArray(raw)) throw new BrandRegistryError(`${where}: expected a list of brands`);
  const entries = raw.map((item, i) => {
    const label = typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : `#${i + 1}`;
    const parsed = brandEntrySchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || '(entry)';
      throw new BrandRegistryError(`${where}: brand "${label}" field "${field}": ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  });
  checkAcrossEntries(entries, where);
  const tokens = resolveTokens(entries, where);
  return entries.map((e) => ({
    ...e,
    tokens: tokens.get(e.id) ?? [],
    shortenerHosts: e.shorteners.map((f) => f.host),
  }));
}

function checkAcrossEntries(entries: BrandEntry[], where: string): void {
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  const sharers = new Map<string, string[]>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new BrandRegistryError(`${where}: brand "${e.id}" field "id": duplicate id`);
    ids.add(e.id);
    for (const d of e.domains) {
      const prev = owner.get(d);
      if (prev) throw new BrandRegistryError(`${where}: brand "${e.id}" field "domains": ${d} is already "${prev}"'s`);
      owner.set(d, e.id);
    }
    for (const d of e.sharedDomains) sharers.set(d, [...(sharers.get(d) ?? []), e.id]);
    const official = [...e.domains, ...e.sharedDomains];
    for (const [field, hosts] of [
      ['userContent', e.userContent],
      ['userMail', e.userMail],
    ] as const) {
      for (const h of hosts) {
        if (!official.some((d) => h === d || h.endsWith(`.${d}`)))
          throw new BrandRegistryError(`${where}: brand "${e.id}" field "${field}": ${h} is not under its own domains`);
      }
    }
  }
  checkFacts(entries, owner, sharers, where);
  for (const [d, by] of sharers) {
    const first = by[0] ?? '';
    if (owner.has(d))
      throw new BrandRegistryError(
        `${where}: brand "${first}" field "sharedDomains": ${d} is also in "${owner.get(d)}" domains`,
      );
    if (by.length < 2)
      throw new BrandRegistryError(
        `${where}: brand "${first}" field "sharedDomains": ${d} is shared with no other brand`,
      );
  }
}

const isUnder = (host: string, parent: string) => host === parent || host.endsWith(`.${parent}`);

/**
 * Per-fact rules: every fact cites one of its entry's sources; a shortener or mail domain is not already an official
 * domain (then it needs no entry of its own) nor another brand's; an SMS sender belongs to one brand unless every
 * brand that cites it lists it as shared.
 */
function checkFacts(
  entries: BrandEntry[],
  owner: ReadonlyMap<string, string>,
  sharers: ReadonlyMap<string, string[]>,
  where: string,
): void {
  const fail = (id: string, field: string, msg: string) => {
    throw new BrandRegistryError(`${where}: brand "${id}" field "${field}": ${msg}`);
  };
  const official = [...owner.keys(), ...sharers.keys()];
  const senderOwner = new Map<string, string>();
  const sharedSenders = new Map<string, string[]>();
  const mailOwner = new Map<string, string>();
  for (const e of entries) {
    const cited = new Set(e.sources.map((s) => s.url));
    const facts: [string, { source: string }[]][] = [
      ['shorteners', e.shorteners],
      ['mailDomains', e.mailDomains],
      ['smsSenders', e.smsSenders],
      ['sharedSmsSenders', e.sharedSmsSenders],
    ];
    for (const [field, list] of facts) {
      list.forEach((f, i) => {
        if (!cited.has(f.source)) fail(e.id, `${field}.${i}.source`, `${f.source} is not one of the entry's sources`);
      });
    }
    for (const [field, list] of [
      ['shorteners', e.shorteners],
      ['mailDomains', e.mailDomains],
    ] as const) {
      for (const { host } of list) {
        const parent = official.find((d) => isUnder(host, d));
        if (parent) {
          const whose = owner.get(parent) ?? sharers.get(parent)?.join('", "');
          fail(e.id, field, `${host} is under the official domain ${parent} ("${whose}"): list it there, not here`);
        }
      }
    }
    for (const { host } of e.mailDomains) {
      const prev = mailOwner.get(host);
      if (prev) fail(e.id, 'mailDomains', `${host} is already "${prev}"'s`);
      mailOwner.set(host, e.id);
    }
    for (const { sender } of e.smsSenders) {
      const key = senderKey(sender);
      const prev = senderOwner.get(key);
      if (prev) fail(e.id, 'smsSenders', `${sender} is already "${prev}"'s; list it in sharedSmsSenders of both`);
      senderOwner.set(key, e.id);
    }
    for (const { sender } of e.sharedSmsSenders) {
      const key = senderKey(sender);
      sharedSenders.set(key, [...(sharedSenders.get(key) ?? []), e.id]);
    }
  }
  for (const [key, by] of sharedSenders) {
    const first = by[0] ?? '';
    if (senderOwner.has(key)) fail(first, 'sharedSmsSenders', `${key} is also in "${senderOwner.get(key)}" smsSenders`);
    if (new Set(by).size < 2) fail(first, 'sharedSmsSenders', `${key} is shared with no other brand`);
  }
}

// ---- Lookalike tokens -----------------------------------------------------------------------------------------

/** Parts of domain labels that say nothing about which brand it is ("smbc-card" → "card"). */
const GENERIC_PARTS: ReadonlySet<string> = new Set([
  'bank',
  'card',
  'cards',
  'mail',
  'post',
  'mobile',
  'online',
  'info',
  'login',
  'secure',
  'support',
  'service',
  'japan',
  'direct',
  'group',
  'holdings',
  'official',
  'account',
  'shop',
  'shopping',
  'store',
  'portal',
  'member',
  'members',
  'news',
  'plus',
  'life',
  'home',
  'site',
  'cloud',
  'email',
  'auth',
  'help',
  'center',
  'smart',
  'point',
  'digital',
  'tokyo',
  'osaka',
  'meisai',
  'ichi',
  'waterworks',
  'metro',
  'exp',
  'sec',
  'net',
  'web',
  'www',
  'live',
  'office',
  'pay',
  'app',
  'apps',
  'nexco',
  'aozora',
  'odekake',
  // Place names in regional banks' domains (okinawa-bank.co.jp, akita-bank.co.jp): a travel site is not a bank.
  'okinawa',
  'akita',
]);

/**
 * Brand tokens that are also everyday words or sit inside other words (online, purchase, oricon): they count only
 * when they are a whole host label ("line.me.example.top"), never inside one.
 */
const WHOLE_LABEL_ONLY: ReadonlySet<string> = new Set([
  'line',
  'chase',
  'promise',
  'orico',
  'visa',
  'boy',
  'aplus',
  'mizuho',
  'daiwa',
  'nomura',
  'matsui',
  'diners',
]);

/**
 * Hosting platforms whose names contain a brand token but serve anyone's content (s3.amazonaws.com,
 * storage.googleapis.com): a page there is not imitating the brand's name; the free-hosting signal covers it.
 */
const PLATFORM_DOMAINS: readonly string[] = ['amazonaws.com', 'googleapis.com', 'googleusercontent.com'];

/** Shorter tokens than this are matched only as whole labels. */
const MIN_INNER_TOKEN_CHARS = 4;
/** Tokens at least this long may appear anywhere inside a label; shorter ones must start a label or a part. */
const ANYWHERE_TOKEN_CHARS = 6;

type TokenKind = 'declared' | 'label' | 'part';

/**
 * Each token belongs to one brand: declared tokens (must be unique) win, then the brand whose registrable label is
 * exactly the token ("rakuten" → rakuten.co.jp, not rakuten-card.co.jp); a token several brands derive equally is
 * dropped rather than guessed.
 */
function resolveTokens(entries: BrandEntry[], where: string): Map<string, string[]> {
  const candidates = new Map<string, { id: string; kind: TokenKind }[]>();
  const add = (token: string, id: string, kind: TokenKind) => {
    const list = candidates.get(token) ?? [];
    if (!list.some((c) => c.id === id && c.kind === kind)) list.push({ id, kind });
    candidates.set(token, list);
  };
  for (const e of entries) {
    for (const t of e.tokens ?? []) add(t, e.id, 'declared');
    for (const d of [...e.domains, ...e.sharedDomains]) {
      const label = brandLabel(d);
      if (label.length >= 3 && !GENERIC_PARTS.has(label)) add(label, e.id, 'label');
      for (const part of label.split('-')) {
        if (part !== label && part.length >= MIN_INNER_TOKEN_CHARS && !GENERIC_PARTS.has(part)) add(part, e.id, 'part');
      }
    }
  }
  const owned = new Map<string, string[]>();
  for (const [token, list] of candidates) {
    const declared = list.filter((c) => c.kind === 'declared');
    if (declared.length > 1)
      throw new BrandRegistryError(
        `${where}: brand "${declared[1]?.id}" field "tokens": "${token}" is also declared by "${declared[0]?.id}"`,
      );
    const labels = [...new Set(list.filter((c) => c.kind === 'label').map((c) => c.id))];
    const brands = [...new Set(list.map((c) => c.id))];
    const id = declared[0]?.id ?? (labels.length === 1 ? labels[0] : brands.length === 1 ? brands[0] : undefined);
    if (id) owned.set(id, [...(owned.get(id) ?? []), token]);
  }
  return owned;
}

/**
 * The label that names the brand: for a registrable domain the part before the public suffix
 * ("sagawa-exp.co.jp" → "sagawa-exp"), for an exact host its own first label ("dcard.docomo.ne.jp" → "dcard"),
 * since the parent domain belongs to someone else.
 */
function brandLabel(domain: string): string {
  return isRegistrable(domain) ? (parseTld(domain).domainWithoutSuffix ?? domain) : (domain.split('.')[0] ?? domain);
}

/** The domain is itself a registrable domain (eTLD+1), not a host under one. */
function isRegistrable(domain: string): boolean {
  return parseTld(domain).domain === domain;
}

// ---- The index ----------------------------------------------------------------------------------------------------

export interface BrandMention {
  brand: Brand;
  /** The alias as written in the registry. */
  alias: string;
  /** Offset in the NFKC-normalised text (the same text as `Indicators.text`). */
  index: number;
}

interface AliasEntry {
  brand: Brand;
  alias: string;
  /** NFKC, ASCII-lower-cased form compared against the text. */
  key: string;
  /** NFKC form, compared as written when the alias is case-sensitive. */
  exact: string;
  caseSensitive: boolean;
  wordStart: boolean;
  wordEnd: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  token?: string;
}

/**
 * Upper-case Latin aliases this short (JCB, ETC, ANA, LINE) are ordinary words in other cases ("etc.", "line"):
 * they match as written.
 */
const CASE_SENSITIVE_MAX_CHARS = 4;

/** Bare host names and e-mail domains: label(.label)+ ending in a letter TLD, optional path. */
const BARE_HOST_RE =
  /(?<![a-z0-9.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.|\[\.\]))+[a-z][a-z0-9-]{1,62}(?![a-z0-9-])(?:\/[^\s<>"'「」『』（）()]*)?/gi;
const MASK = '\u0000';

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
  private readonly aliasesByFirst = new Map<string, AliasEntry[]>();
  /** Aliases that are themselves host names ("amazon.co.jp"): a bare mention of one is a mention, not a link. */
  private readonly hostAliases = new Set<string>();
  private readonly wholeLabelTokens = new Map<string, Brand>();
  private readonly tokenTrie: TrieNode = { next: new Map() };
  private readonly tokenOwner = new Map<string, Brand>();
  private readonly officialLabels: { label: string; domain: string; brand: Brand }[] = [];

  constructor(brands: readonly Brand[]) {
    this.brands = brands;
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
      this.indexAliases(b);
      this.indexTokens(b);
    }
    for (const list of this.aliasesByFirst.values()) list.sort((a, b) => b.key.length - a.key.length);
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
    const norm = text.normalize('NFKC');
    const lower = maskLinks(asciiLower(norm), this.hostAliases);
    const out: BrandMention[] = [];
    let i = 0;
    while (i < lower.length) {
      const candidates = this.aliasesByFirst.get(lower[i] ?? '');
      const hit = candidates?.find((a) => aliasAt(a, lower, norm, i));
      if (hit) {
        out.push({ brand: hit.brand, alias: hit.alias, index: i });
        i += hit.key.length;
      } else {
        i += 1;
      }
    }
    return out;
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
    let best: { token: string; brand: Brand } | undefined;
    const consider = (token: string, brand: Brand | undefined) => {
      if (brand && (!best || token.length > best.token.length)) best = { token, brand };
    };
    for (const label of h.split('.')) {
      consider(label, this.wholeLabelTokens.get(label));
      for (let start = 0; start < label.length; start++) {
        let node: TrieNode | undefined = this.tokenTrie;
        for (let j = start; j < label.length && node; j++) {
          node = node.next.get(label[j] ?? '');
          const token = node?.token;
          if (!token) continue;
          const startsPart = start === 0 || !/[a-z]/.test(label[start - 1] ?? '');
          if (token.length >= ANYWHERE_TOKEN_CHARS || startsPart) consider(token, this.tokenOwner.get(token));
        }
      }
    }
    return best?.brand;
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

  private indexAliases(b: Brand): void {
    const seen = new Set<string>();
    for (const alias of [b.name.ja, b.name.en, ...b.aliases]) {
      const exact = alias.normalize('NFKC');
      const key = asciiLower(exact);
      if (key.includes(MASK) || seen.has(key)) continue;
      seen.add(key);
      if (/^[a-z0-9.-]+\.[a-z]{2,}$/.test(key)) this.hostAliases.add(key);
      const entry: AliasEntry = {
        brand: b,
        alias,
        key,
        exact,
        caseSensitive: /^[A-Z0-9]+$/.test(exact) && exact.length <= CASE_SENSITIVE_MAX_CHARS,
        wordStart: isAsciiAlnum(key[0]),
        wordEnd: isAsciiAlnum(key[key.length - 1]),
      };
      const first = key[0] ?? '';
      const list = this.aliasesByFirst.get(first) ?? [];
      list.push(entry);
      this.aliasesByFirst.set(first, list);
    }
  }

  private indexTokens(b: Brand): void {
    for (const token of b.tokens) {
      if (token.length < MIN_INNER_TOKEN_CHARS || WHOLE_LABEL_ONLY.has(token)) {
        this.wholeLabelTokens.set(token, b);
        continue;
      }
      this.tokenOwner.set(token, b);
      let node = this.tokenTrie;
      for (const ch of token) {
        let next = node.next.get(ch);
        if (!next) {
          next = { next: new Map() };
          node.next.set(ch, next);
        }
        node = next;
      }
      node.token = token;
    }
  }
}

function aliasAt(a: AliasEntry, lower: string, norm: string, i: number): boolean {
  if (!lower.startsWith(a.key, i)) return false;
  if (a.caseSensitive && !norm.startsWith(a.exact, i)) return false;
  if (a.wordStart && isAsciiAlnum(lower[i - 1])) return false;
  if (a.wordEnd && isAsciiAlnum(lower[i + a.key.length])) return false;
  return true;
}

/** Replaces links and e-mail domains with a mask of the same length, so offsets stay those of the text. */
function maskLinks(text: string, keep: ReadonlySet<string>): string {
  const blank = (m: string) => MASK.repeat(m.length);
  return text.replace(SCHEME_LINK_RE, blank).replace(BARE_HOST_RE, (m) => (keep.has(m) ? m : blank(m)));
}

/** Lower-cases ASCII letters only, so that every offset in the result is the offset in the input. */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function isAsciiAlnum(c: string | undefined): boolean {
  return c !== undefined && /[a-z0-9]/i.test(c);
}

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** "+81 570-01-0250", "0570010250" and "0570-01-0250" share one key; "#9110" → "9110". */
function phoneKey(number: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  if (digits.startsWith('+81')) return `0${digits.slice(3)}`;
  return digits.replace(/\+/g, '');
}

/**
 * One key for every way a sender is written: numbers by `phoneKey` ("+81 120-936-795" and "0120936795" agree),
 * names NFKC, lower-cased and without spaces ("ＫＤＤＩからの お知らせ" and "KDDIからのお知らせ" agree).
 */
function senderKey(sender: string): string {
  const s = sender.normalize('NFKC').trim();
  if (/^\+?[\d\s-]+$/.test(s)) return phoneKey(s);
  return `name:${s.toLowerCase().replace(/\s+/g, '')}`;
}

/** Levenshtein distance ≤ 1, or one swap of neighbouring characters. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
