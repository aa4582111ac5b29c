// Email addresses in a message ("support@amazon-co-jp.xyz", also written "info[at]evil[.]top").
// The domain must end in an ICANN public suffix, as for bare links in urls.ts, so that
// "user@localhost" or "name@file.txt" are not read as addresses.

import { parse as parseDomain } from 'tldts';
import type { EmailIndicator } from '../domain.ts';
import { normalizeText } from './normalize.ts';

/** Cap on distinct addresses returned for one message. */
export const MAX_EMAILS = 30;

// Local part: RFC 5321 dot-atom characters, at most 64. It starts where a run of them starts (the
// lookbehind), so scanning stays linear. "@" may be defanged as [@], [at] or (at); dots in the
// domain as [.] or (.). The domain is ASCII: Japanese glued after it is not part of it.
const EMAIL_RE =
  /(?<![A-Za-z0-9._%+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})(?:@| ?(?:\[@\]|\[at\]|\(at\)) ?)((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.|\[\.\]|\(\.\)))+[A-Za-z][A-Za-z0-9-]{1,62})(?![A-Za-z0-9-]|\.[A-Za-z0-9])/gi;
const DEFANGED_DOT_RE = /\[\.\]|\(\.\)/g;

/** Email addresses in `text`, distinct by address, in order of appearance. */
export function extractEmails(text: string): EmailIndicator[] {
  return extractEmailsFromNormalized(normalizeText(text, { maxChars: Number.POSITIVE_INFINITY }).text);
}

/** extractEmails for text already passed through normalizeText. */
export function extractEmailsFromNormalized(text: string): EmailIndicator[] {
  const out: EmailIndicator[] = [];
  const seen = new Set<string>();
  const re = new RegExp(EMAIL_RE.source, EMAIL_RE.flags);
  for (let m = re.exec(text); m !== null && out.length < MAX_EMAILS; m = re.exec(text)) {
    const local = (m[1] ?? '').replace(/(?<!\.)\.+$/, '');
    const domain = (m[2] ?? '').replace(DEFANGED_DOT_RE, '.').toLowerCase();
    if (local === '' || local.includes('..')) continue;
    const p = parseDomain(domain, { allowPrivateDomains: false });
    if (p.isIcann !== true || p.domain === null) continue;
    const address = `${local}@${domain}`;
    if (seen.has(address)) continue;
    seen.add(address);
    out.push({ raw: m[0], address, domain });
  }
  return out;
}
