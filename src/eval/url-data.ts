// Phishing feeds and popularity lists in ../shared/data, for the learned host score and the URL figures.
// Nothing here is fetched or resolved: these were live attack sites. Rows carry their month (train on older
// months, test on newer) and whether a shipped model may learn from them (OpenPhish and Cloudflare Radar are
// non-commercial: evaluation only).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { csvFields } from './datasets.ts';

export interface FeedUrl {
  url: string;
  /** Lower-case host, from the URL as written (no resolution). */
  host: string;
  /** YYYY-MM when the feed first listed it. */
  month: string;
  feed: 'jpcert' | 'phishing-database' | 'openphish';
}

export interface PopularHost {
  host: string;
  list: 'tranco' | 'umbrella' | 'radar';
  /** 1 = most visited; Radar's bucket has no ranks. */
  rank: number | null;
}

/** Which lists a model that ships may learn from (url-lists/README.md). */
export const TRAINABLE_FEEDS: ReadonlySet<FeedUrl['feed']> = new Set(['phishing-database']);
export const TRAINABLE_LISTS: ReadonlySet<PopularHost['list']> = new Set(['tranco', 'umbrella']);

const HOST_RE = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^/?#:]+)/i;

export function hostOfUrl(url: string): string | null {
  const m = HOST_RE.exec(url.trim());
  if (!m) return null;
  const host = m[1]!.toLowerCase().replace(/\.$/, '');
  return host.includes('.') || host.startsWith('[') ? host : null;
}

function feedRow(url: string, date: string, feed: FeedUrl['feed']): FeedUrl | null {
  const host = hostOfUrl(url);
  const month = /^(\d{4})[-/](\d{2})/.exec(date.trim());
  if (!host || !month) return null;
  return { url: url.trim(), host, month: `${month[1]}-${month[2]}`, feed };
}

/** JPCERT/CC's monthly CSVs (`date,URL,description`, JST dates; a few rows have no date: the file's month). */
export function jpcertFeed(dir: string): FeedUrl[] {
  const root = path.join(dir, 'threat-feeds/jpcert-phishurl-list');
  if (!existsSync(root)) return [];
  const out: FeedUrl[] = [];
  for (const year of readdirSync(root).sort()) {
    const ydir = path.join(root, year);
    for (const f of readdirSync(ydir).sort()) {
      const fileMonth = /^(\d{4})(\d{2})\.csv$/.exec(f);
      if (!fileMonth) continue;
      for (const line of readFileSync(path.join(ydir, f), 'utf8').split('\n').slice(1)) {
        const [date, url] = csvFields(line);
        if (!url) continue;
        const row = feedRow(url, date?.trim() ? date : `${fileMonth[1]}-${fileMonth[2]}`, 'jpcert');
        if (row) out.push(row);
      }
    }
  }
  return out;
}

function tsvFeed(file: string, feed: FeedUrl['feed'], urlColumn: number): FeedUrl[] {
  if (!existsSync(file)) return [];
  const out: FeedUrl[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    const row = feedRow(cols[urlColumn] ?? '', cols[0] ?? '', feed);
    if (row) out.push(row);
  }
  return out;
}

/** Phishing.Database NEW lists (MIT): `first_seen_utc, url`. */
export function phishingDatabaseFeed(dir: string): FeedUrl[] {
  return tsvFeed(path.join(dir, 'url-lists/phish-phishingdatabase-new.tsv'), 'phishing-database', 1);
}

/** OpenPhish (non-commercial: evaluation only): `first_seen_utc, last_removed_utc, url`. */
export function openPhishFeed(dir: string): FeedUrl[] {
  return tsvFeed(path.join(dir, 'url-lists/phish-openphish.tsv'), 'openphish', 2);
}

/** Tranco (`rank,domain`), Umbrella (`rank,fqdn`) and Cloudflare Radar (one domain per line, no ranks). */
export function popularHosts(dir: string, list: PopularHost['list']): PopularHost[] {
  const file = path.join(
    dir,
    'url-lists',
    list === 'tranco'
      ? 'tranco-top.csv'
      : list === 'umbrella'
        ? 'umbrella-top100k.csv'
        : 'cloudflare-radar-top100k.txt',
  );
  if (!existsSync(file)) return [];
  const out: PopularHost[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    if (list === 'radar') out.push({ host: t.toLowerCase(), list, rank: null });
    else {
      const [rank, host] = t.split(',');
      if (host) out.push({ host: host.trim().toLowerCase(), list, rank: Number(rank) || null });
    }
  }
  return out;
}
