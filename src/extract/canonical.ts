// One canonical form for URLs, shared by extraction and the threat-intel store so that an exact-URL
// lookup finds what the importer stored: the WHATWG URL serialisation (lower-case scheme and host,
// IDN as punycode, default port dropped, path percent-encoded) without credentials or fragment.

/** Canonical URL string, or null when `input` is not an absolute http(s) URL. */
export function canonicalizeUrl(input: string): string | null {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.hostname === '') return null;
  u.username = '';
  u.password = '';
  u.hash = '';
  return u.href;
}

/** Lower-case ASCII host without a trailing dot, for host-level lookups. */
export function canonicalHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}
