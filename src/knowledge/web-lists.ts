// What the web really visits and where anyone can publish, from lists shipped in knowledge/url-lists/ (written
// by `npm run train` from ../shared/data/url-lists, each file headed by its sources and licences):
// - popular-domains.txt: registrable domains of the most visited sites (Tranco, Cisco Umbrella), minus the
//   platforms where anyone can publish and those that phishing feeds keep finding pages on;
// - shared-hosting.txt: free hosting, site builders, file hosts, link-in-bio and dynamic-DNS domains;
// - shorteners.txt: URL shorteners.
// The Public Suffix List's private section (github.io, web.app, …) comes with tldts.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'tldts';
import type { WebLists } from '../evidence/url-context.ts';

export const DEFAULT_WEB_LISTS_DIR = fileURLToPath(new URL('../../knowledge/url-lists/', import.meta.url));

export class WebListsError extends Error {
  override name = 'WebListsError';
}

function readList(file: string): Set<string> {
  if (!existsSync(file)) {
    throw new WebListsError(`${file} is missing: it ships with anshin (run \`npm run train\` to rebuild it)`);
  }
  const out = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const t = line.trim();
    if (t && !t.startsWith('#')) out.add(t.toLowerCase());
  }
  return out;
}

function under(host: string, set: ReadonlySet<string>): string | undefined {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (set.has(h)) return h;
  return undefined;
}

export function webListsFrom(sets: {
  popular: ReadonlySet<string>;
  shared: ReadonlySet<string>;
  shorteners: ReadonlySet<string>;
}): WebLists {
  return {
    isPopular(host) {
      const domain = parse(host, { allowPrivateDomains: false }).domain;
      return domain !== null && sets.popular.has(domain);
    },
    sharedHostOf(host) {
      const listed = under(host, sets.shared);
      if (listed) return listed;
      // Private PSL entries (github.io, web.app, pages.dev): every name under them belongs to someone else.
      const p = parse(host, { allowPrivateDomains: true });
      return p.isPrivate === true && p.publicSuffix !== null && host !== p.publicSuffix ? p.publicSuffix : undefined;
    },
    isShortener(host) {
      return under(host, sets.shorteners) !== undefined;
    },
  };
}

export function loadWebLists(dir: string = DEFAULT_WEB_LISTS_DIR): WebLists {
  return webListsFrom({
    popular: readList(`${dir}/popular-domains.txt`),
    shared: readList(`${dir}/shared-hosting.txt`),
    shorteners: readList(`${dir}/shorteners.txt`),
  });
}
