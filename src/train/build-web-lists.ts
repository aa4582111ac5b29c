// Builds the shipped URL reference lists (knowledge/url-lists/) from ../shared/data/url-lists, respecting each
// source's licence: only lists that may be redistributed are shipped, each file names its sources.
// - popular-domains.txt: Tranco top 50k (Sublime's MIT packaging; cite Le Pochat et al., NDSS 2019) and Cisco
//   Umbrella top 100k (free of charge) cut to registrable domains, minus shared hosting and shorteners, minus
//   popular domains that the training phishing feeds found phishing pages on under several hosts ("abused":
//   a popular name is no vouch when anyone can get a page there). Cloudflare Radar (CC BY-NC) is not used.
// - shared-hosting.txt: Sublime (MIT) and MISP (CC0) free-hosting lists, plus the abused popular domains.
// - shorteners.txt: the Sublime (MIT) and MISP (CC0) rows of the shortener union (the CC BY-SA-only rows are
//   left out, so the file carries no share-alike terms).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'tldts';
import { type FeedUrl, popularHosts } from '../eval/url-data.ts';

export interface WebListFiles {
  popular: string[];
  shared: string[];
  shorteners: string[];
  /** Popular domains left out because phishing feeds found pages on them under this many hosts. */
  abused: { domain: string; hosts: number }[];
}

/** A popular domain with phishing pages under at least this many distinct hosts in training feeds is "abused". */
export const ABUSED_MIN_HOSTS = 3;

function tsvColumn(file: string, keep: (cols: string[]) => boolean): string[] {
  if (!existsSync(file)) throw new Error(`${file} is missing`);
  const out: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    const d = cols[0]?.trim().toLowerCase();
    if (d && keep(cols)) out.push(d);
  }
  return out;
}

const registrable = (host: string): string | null => parse(host, { allowPrivateDomains: false }).domain;

function underAny(host: string, set: ReadonlySet<string>): boolean {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (set.has(h)) return true;
  return false;
}

/** The lists, from ../shared/data and the phishing rows the host model trains on. */
export function buildWebLists(dataDir: string, trainingPhish: readonly FeedUrl[]): WebListFiles {
  const lists = path.join(dataDir, 'url-lists');
  const permissive = (cols: string[]) => /sublime|misp/.test(cols.at(-1) ?? '');
  const shorteners = [...new Set(tsvColumn(path.join(lists, 'shorteners.tsv'), permissive))].sort();
  const freeHosting = new Set(tsvColumn(path.join(lists, 'free-hosting.tsv'), permissive));
  const shortSet = new Set(shorteners);

  const phishHostsByDomain = new Map<string, Set<string>>();
  for (const r of trainingPhish) {
    const d = registrable(r.host);
    if (!d) continue;
    const hosts = phishHostsByDomain.get(d) ?? new Set<string>();
    hosts.add(r.host);
    phishHostsByDomain.set(d, hosts);
  }

  const popular = new Set<string>();
  const abused: { domain: string; hosts: number }[] = [];
  for (const list of ['tranco', 'umbrella'] as const) {
    for (const { host } of popularHosts(dataDir, list)) {
      const d = registrable(host);
      if (!d || popular.has(d) || underAny(d, freeHosting) || underAny(d, shortSet)) continue;
      if (parse(host, { allowPrivateDomains: true }).isPrivate === true) continue;
      const n = phishHostsByDomain.get(d)?.size ?? 0;
      if (n >= ABUSED_MIN_HOSTS) {
        if (!abused.some((a) => a.domain === d)) abused.push({ domain: d, hosts: n });
        continue;
      }
      popular.add(d);
    }
  }
  abused.sort((a, b) => b.hosts - a.hosts || a.domain.localeCompare(b.domain));
  const shared = [...new Set([...freeHosting, ...abused.map((a) => a.domain)])].sort();
  return { popular: [...popular].sort(), shared, shorteners, abused };
}

export function listFileText(
  kind: 'popular' | 'shared' | 'shorteners',
  items: readonly string[],
  date: string,
): string {
  const header: Record<typeof kind, string[]> = {
    popular: [
      '# Registrable domains of the most visited sites: a link here is vouched for as that site.',
      '# Sources: Tranco list of 2026-08-01 (top 50k, via sublime-security/static-files, MIT; Tranco asks to cite',
      '# V. Le Pochat et al., "Tranco: A Research-Oriented Top Sites Ranking Hardened Against Manipulation", NDSS 2019)',
      '# and the Cisco Umbrella top 1M of 2025-09-26 cut to 100k (cjbarker/top-domains; free of charge).',
      '# Left out: free hosting, shorteners, PSL private suffixes, and domains where phishing feeds found pages under',
      '# several hosts (listed in shared-hosting.txt instead).',
    ],
    shared: [
      '# Domains where anyone can publish a page under their own name: free hosting, site and form builders, file',
      '# hosts, link-in-bio pages, dynamic DNS; and popular domains that phishing feeds keep finding pages on.',
      '# Sources: sublime-security/static-files (MIT) and MISP/misp-warninglists (CC0), collected 2026-08;',
      '# Phishing.Database (MIT) and JPCERT/CC phishurl-list for the abused popular domains.',
    ],
    shorteners: [
      '# URL shorteners: the link hides where it really goes.',
      '# Sources: sublime-security/static-files url_shorteners (MIT) and MISP url-shortener warninglist (CC0), 2026-08.',
    ],
  };
  return `${[...header[kind], `# Built by \`npm run train\` on ${date}. ${items.length} entries.`, ...items].join('\n')}\n`;
}
