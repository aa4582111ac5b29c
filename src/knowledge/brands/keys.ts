// One key for every way a host, number or SMS sender is written, and the label that names a domain's brand: what
// loading's checks and the index both compare by.
import { parse as parseTld } from 'tldts';

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** "+81 570-01-0250", "0570010250" and "0570-01-0250" share one key; "#9110" → "9110". */
export function phoneKey(number: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  if (digits.startsWith('+81')) return `0${digits.slice(3)}`;
  return digits.replace(/\+/g, '');
}

/**
 * One key for every way a sender is written: numbers by `phoneKey` ("+81 120-936-795" and "0120936795" agree),
 * names NFKC, lower-cased and without spaces ("ＫＤＤＩからの お知らせ" and "KDDIからのお知らせ" agree).
 */
export function senderKey(sender: string): string {
  const s = sender.normalize('NFKC').trim();
  if (/^\+?[\d\s-]+$/.test(s)) return phoneKey(s);
  return `name:${s.toLowerCase().replace(/\s+/g, '')}`;
}

/**
 * The label that names the brand: for a registrable domain the part before the public suffix
 * ("sagawa-exp.co.jp" → "sagawa-exp"), for an exact host its own first label ("dcard.docomo.ne.jp" → "dcard"),
 * since the parent domain belongs to someone else.
 */
export function brandLabel(domain: string): string {
  return isRegistrable(domain) ? (parseTld(domain).domainWithoutSuffix ?? domain) : (domain.split('.')[0] ?? domain);
}

/** The domain is itself a registrable domain (eTLD+1), not a host under one. */
export function isRegistrable(domain: string): boolean {
  return parseTld(domain).domain === domain;
}
