// Defanging: a link taken from a message is shown to a person (in a reply, a log line, a report)
// in a form no app turns back into a tappable link: hxxps://sagawa-xx[.]top/abc.

import { normalizeText } from './normalize.ts';
import { scanUrls } from './urls.ts';

const SCHEME_RE = /^http(s?)(?=:\/\/)/i;
const AUTHORITY_RE = /^((?:[a-z][a-z0-9+.-]*:\/\/)?)([^/?#]*)(.*)$/is;
// A "." not already inside "[.]": defanging twice changes nothing.
const BARE_DOT_RE = /(?<!\[)\.(?!\])/g;
// Any http(s) scheme left in the text after the links were rewritten (a host we did not accept
// as public, "http://localhost"): still rewritten, so nothing becomes tappable.
const LEFTOVER_SCHEME_RE = /\bhttp(s?):\/\//gi;

/** "https://a.example.com/x.html" → "hxxps://a[.]example[.]com/x.html". Dots in the path stay. */
export function defangUrl(s: string): string {
  const withScheme = s.replace(SCHEME_RE, 'hxxp$1');
  const m = AUTHORITY_RE.exec(withScheme);
  if (m === null) return withScheme;
  const [, scheme = '', authority = '', rest = ''] = m;
  return `${scheme}${authority.replace(BARE_DOT_RE, '[.]')}${rest}`;
}

/** "sagawa-xx.top" → "sagawa-xx[.]top": a host on its own. */
export function defangHost(host: string): string {
  return host.replace(BARE_DOT_RE, '[.]');
}

/**
 * Every link and bare domain in `s` defanged in place, the rest of the text unchanged. `s` is
 * normalised first (NFKC, invisible characters removed) so that what is shown is what was read.
 */
export function defangText(s: string): string {
  const text = normalizeText(s, { maxChars: Number.POSITIVE_INFINITY }).text;
  let out = '';
  let last = 0;
  for (const m of scanUrls(text)) {
    out += text.slice(last, m.start) + defangUrl(m.plain);
    last = m.end;
  }
  out += text.slice(last);
  return out.replace(LEFTOVER_SCHEME_RE, 'hxxp$1://');
}
