// Turns one written link, domain or phone number (a feed line, a CLI argument) into the indicator shapes
// of src/domain.ts, with the same canonical forms the extractor produces, so that what the importers store
// is exactly what a lookup asks for.
import { domainToUnicode } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parse as parseHost } from 'tldts';
import type { PhoneIndicator, PhoneKind, UrlIndicator } from '../domain.ts';
import { canonicalHost, canonicalizeUrl } from '../extract/canonical.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const DEFANGED = /hxxps?|\[\.\]|\(\.\)|\[dot\]|\[:\]/i;

/** Undoes the usual defanging (hxxp://, example[.]com, [:]) so a defanged feed line or argument can be read. */
export function refang(text: string): string {
  return text
    .replace(/^hxxp(s?):/i, 'http$1:')
    .replace(/\[\.\]|\(\.\)|\[dot\]/gi, '.')
    .replace(/\[:\]/g, ':');
}

/**
 * A URL or a bare host ("sagawa-xx.top", "sagawa-xx.top/abc") as a UrlIndicator; a missing scheme is read as
 * http://. Null for anything that is not an http(s) link to a real host: no public suffix, spaces, other schemes.
 */
export function toUrlIndicator(written: string): UrlIndicator | null {
  const raw = written.trim();
  if (raw === '' || /\s/.test(raw)) return null;
  const text = refang(raw);
  const bare = !SCHEME.test(text);
  const url = canonicalizeUrl(bare ? `http://${text}` : text);
  if (url === null) return null;
  const hostname = new URL(url).hostname;
  const isIp = /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[');
  // IPv6 keeps its brackets, as the WHATWG hostname and the extractor (src/extract/urls.ts) write it.
  const host = canonicalHost(hostname);
  // Browsers open hosts like "trackings-.example.cn" that strict hostname rules reject; phishing uses them.
  const parts = parseHost(host, { validateHostname: false });
  // A host must end in a real public suffix (or be an IP): "foo.notatld" or "localhost" is not a link.
  if (!isIp && (parts.isIcann !== true || parts.domain === null)) return null;
  return {
    raw,
    url,
    host,
    hostUnicode: isIp ? host : domainToUnicode(host) || host,
    domain: isIp ? null : parts.domain,
    tld: isIp ? null : parts.publicSuffix,
    isIp,
    defanged: DEFANGED.test(raw),
    bare,
  };
}

/** Only digits, spaces, hyphens, parentheses and a leading +: never a host or IP (those have dots). */
const PHONE_LIKE = /^\+?[\d\s()\u2010-\u2015-]{6,}$/;

function phoneKind(country: string | undefined, type: string | undefined, national: string): PhoneKind {
  if (country !== undefined && country !== 'JP') return 'international';
  if (national.startsWith('570')) return 'navi_dial';
  switch (type) {
    case 'TOLL_FREE':
      return 'toll_free';
    case 'VOIP':
      return 'ip';
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
    case 'FIXED_LINE_OR_MOBILE':
      return 'fixed';
    case 'PREMIUM_RATE':
      return 'premium';
    default:
      return 'unknown';
  }
}

/** A written phone number (Japanese national format or international with +) in E.164, or null. */
export function toPhoneIndicator(written: string): PhoneIndicator | null {
  const raw = written.trim();
  if (!PHONE_LIKE.test(raw)) return null;
  const parsed = parsePhoneNumberFromString(raw, 'JP');
  if (parsed === undefined || !parsed.isValid()) return null;
  return {
    raw,
    e164: parsed.number,
    country: parsed.country ?? null,
    kind: phoneKind(parsed.country, parsed.getType(), parsed.nationalNumber),
  };
}
