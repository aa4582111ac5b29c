// Well-known legitimate sites outside the brand registry (knowledge/well-known-domains.txt).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_WELL_KNOWN_FILE = fileURLToPath(
  new URL('../../knowledge/well-known-domains.txt', import.meta.url),
);

/** Domains listed in the file: whitespace-separated, `#` starts a comment. */
export function loadWellKnown(file: string = DEFAULT_WELL_KNOWN_FILE): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    for (const word of line.replace(/#.*/, '').trim().split(/\s+/)) if (word) out.add(word.toLowerCase());
  }
  return out;
}

/** True when host is a listed domain or under one. */
export function isUnderAny(host: string, domains: ReadonlySet<string>): boolean {
  for (let h = host.toLowerCase(); h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (domains.has(h)) return true;
  return false;
}
