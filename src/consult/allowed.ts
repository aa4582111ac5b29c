// The only links and phone numbers an answer may carry: those in our brand registry and awareness articles,
// the public help lines, and the operator's own base URL. Everything else is removed by the guards.
import type { AllowedContacts } from '../judge/contacts.ts';
import type { Article } from '../knowledge/articles.ts';
import type { BrandIndex } from '../knowledge/brands.ts';
import { isUnderAny } from '../knowledge/well-known.ts';

/** Help lines every answer may name: police consultation, consumer hotline, emergency. */
const PUBLIC_LINES = ['9110', '188', '110', '119'];

/** Japanese numbers are compared in national form (0…), so +81 3… and 03… are the same number. */
function nationalDigits(s: string): string {
  const d = s.replace(/\D/g, '');
  return s.trim().startsWith('+81') || (d.startsWith('81') && d.length >= 11) ? `0${d.slice(2)}` : d;
}

function hostOf(url: string): string | null {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function buildAllowedContacts(brands: BrandIndex, articles: Article[], extraHosts: string[]): AllowedContacts {
  // officialHosts() leaves out hosts where anyone can publish (line.me, sites.google.com).
  const hosts = new Set<string>([...brands.officialHosts(), ...extraHosts.map((h) => h.toLowerCase())]);
  const phones = new Set<string>([...PUBLIC_LINES, ...[...brands.officialPhones()].map(nationalDigits)]);
  for (const a of articles) {
    for (const c of a.contacts) {
      if (c.phone) phones.add(nationalDigits(c.phone));
      const h = c.url ? hostOf(c.url) : null;
      if (h) hosts.add(h);
    }
  }
  return {
    isAllowedUrl(url: string): boolean {
      const h = hostOf(url);
      return h !== null && isUnderAny(h, hosts) && (brands.byHost(h) !== undefined || !brands.userContentOf(h));
    },
    isAllowedPhone(digits: string): boolean {
      return phones.has(nationalDigits(digits));
    },
  };
}
