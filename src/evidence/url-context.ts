// Where a link is, for the URL signals and the brand evidence: who vouches for it, who can publish there, what
// the shipped web lists (knowledge/url-lists/) and the learned host score say about it, and the facts about a
// link that every URL signal reads.
import type { UrlIndicator } from '../domain.ts';
import { defangHost } from '../extract/defang.ts';
import type { BrandInfo, BrandLookup } from './ports.ts';
import { FREE_HOSTS, RESTRICTED_JP_SLDS, SHORTENERS } from './url-lists.ts';

/** True when host is `parent` or a subdomain of it. */
export function hostIsUnder(host: string, parent: string): boolean {
  return host === parent || host.endsWith(`.${parent}`);
}

/** What the web really visits and where anyone can publish: shipped lists (knowledge/url-lists/). */
export interface WebLists {
  /** The registrable domain is among the most visited sites (and not a platform where anyone publishes). */
  isPopular(host: string): boolean;
  /** The platform domain when the host is free hosting, dynamic DNS or a link-in-bio page anyone can make. */
  sharedHostOf(host: string): string | undefined;
  isShortener(host: string): boolean;
}

export const NO_WEB_LISTS: WebLists = {
  isPopular: () => false,
  sharedHostOf: () => undefined,
  isShortener: () => false,
};

export interface UrlContext {
  /** The message is little more than this link: "is this link safe?". */
  linkOnly: boolean;
  /** A well-known legitimate site outside the brand registry. */
  isWellKnown(host: string): boolean;
  web?: WebLists;
  /**
   * Learned probability that a link is a phishing link (judge/model.ts): from its host and path when the link is
   * all there is to judge, from its host alone inside a message (genuine messages carry genuine paths, which
   * the training data's popular hosts lack).
   */
  hostScore?: (u: UrlIndicator, withPath: boolean) => number;
}

/** The platform anyone can publish on that serves this host, if any (free hosting, dynamic DNS, PSL private). */
export function sharedPlatformOf(host: string, ctx: UrlContext): string | undefined {
  return FREE_HOSTS.find((h) => hostIsUnder(host, h)) ?? ctx.web?.sharedHostOf(host);
}

export function isShortenerHost(host: string, domain: string, ctx: UrlContext): boolean {
  return SHORTENERS.has(host) || SHORTENERS.has(domain) || ctx.web?.isShortener(host) === true;
}

/**
 * A link we vouch for as the site it names: a brand's registered domain, or a popular or well-known site that is
 * not a platform where anyone can publish. Such links get no URL signals and no learned score.
 */
export function isVouched(u: UrlIndicator, brands: BrandLookup, ctx: UrlContext): boolean {
  if (brands.byHost(u.host)) return true;
  if (u.isIp || brands.userContentOf(u.host) || sharedPlatformOf(u.host, ctx)) return false;
  if (isShortenerHost(u.host, u.domain ?? u.host, ctx)) return false;
  return ctx.isWellKnown(u.host) || ctx.web?.isPopular(u.host) === true;
}

/** pref.X.jp, city.X.jp, town.X.jp, vill.X.jp: reserved for Japanese local governments (JPRS geographic names). */
const LOCAL_GOVERNMENT_RE = /(?:^|\.)(?:pref|city|town|vill)\.[a-z-]+\.jp$/;

/** What the checks read about one link, worked out once. */
export interface LinkFacts {
  u: UrlIndicator;
  /** The host as the answer shows it: defanged, its Unicode form first when it has one. */
  shown: string;
  /** The registrable domain, or the host when there is none. */
  domain: string;
  /** The public suffix, lower-case ("co.jp"). */
  tld: string;
  /** The registrable domain without its suffix ("sagawa-xx" of sagawa-xx.top). */
  domainLabel: string;
  /** The brand on whose platform anyone can publish at this host (sites.google.com, line.me), if any. */
  platform: BrandInfo | undefined;
  /** Free hosting under a well-known name (sites.google.com, *.web.app): anyone's page, judged as such. */
  freeHost: string | undefined;
  /** Issued only to vetted organisations (co.jp, pref.X.jp): the signals about the address's shape do not apply. */
  restricted: boolean;
}

/** Reads once what the URL signals ask about a link. */
export function linkFacts(u: UrlIndicator, brands: BrandLookup, ctx: UrlContext): LinkFacts {
  const domain = u.domain ?? u.host;
  const tld = (u.tld ?? '').toLowerCase();
  const platform = brands.userContentOf(u.host);
  return {
    u,
    shown: defangHost(u.hostUnicode !== u.host ? `${u.hostUnicode} (${u.host})` : u.host),
    domain,
    tld,
    domainLabel: domain.slice(0, domain.length - tld.length - 1) || domain,
    platform,
    freeHost: sharedPlatformOf(u.host, ctx) ?? (platform ? u.host : undefined),
    restricted: RESTRICTED_JP_SLDS.has(tld) || LOCAL_GOVERNMENT_RE.test(u.host),
  };
}
