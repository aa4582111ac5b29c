// Feed importers: the JPCERT/CC phishing URL list (CSV `date,URL,description`,
// https://github.com/JPCERTCC/phishurl-list) and plain one-per-line lists of URLs, domains or phone numbers
// (e.g. the urlhaus-filter domain list). Files are streamed and written in big transactions; importing the
// same file again inserts nothing (see IntelStore.write for how entries merge).
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { UrlIndicator } from '../domain.ts';
import { INVISIBLE_RE } from '../text/invisible.ts';
import { readCsv } from './csv.ts';
import { toPhoneIndicator, toUrlIndicator } from './indicators.ts';
import { parseFeedDate } from './jst.ts';
import { isSharedHost } from './shared-hosts.ts';
import type { IntelEntry, IntelStore } from './store.ts';
import { refusedDomain, type VouchedDomains, type VouchedReason } from './vouched.ts';

export interface ImportReport {
  files: number;
  /** Data rows read (the CSV header is not one). */
  rows: number;
  /** Entries new to the store (a row can give a url and a host entry). */
  inserted: number;
  /** Entries whose date or label changed. */
  updated: number;
  /** Rows that gave no entry: blank lines, comments, garbage, shared-host-only domain lines. */
  skipped: number;
  /** Entries not stored because they would flag a vouched-for domain (see vouched.ts). */
  refused: number;
  /** The vouched-for domains those entries were under, with how many entries each, most first. */
  refusedDomains: RefusedDomain[];
  ms: number;
}

export interface RefusedDomain {
  domain: string;
  reason: VouchedReason;
  entries: number;
}

export interface ImportOptions {
  /** Source name stored with every entry; defaults per format (see importJpcert, importList). */
  source?: string;
  /** Refuse entries under these domains (the brand registry, popular sites); none refused when not given. */
  vouched?: VouchedDomains;
}

export const JPCERT_SOURCE = 'jpcert-phishurl';
/** Rows per transaction: big enough that commits cost nothing, small enough to keep memory flat. */
export const IMPORT_BATCH_ROWS = 10_000;

/** A feed path that does not exist or cannot be read. */
export class IntelFileError extends Error {
  override name = 'IntelFileError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Imports JPCERT/CC phishurl-list CSV files (or folders of them, searched for *.csv). Each row gives its URL
 * and, unless the host is shared infrastructure (shared-hosts.ts), its host. Never the registrable domain:
 * many listed URLs sit on compromised legitimate sites, and the host is the finest level that is safe.
 */
export async function importJpcert(
  store: IntelStore,
  files: string[],
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const paths = await expandPaths(files, '.csv');
  const source = opts.source ?? JPCERT_SOURCE;
  const batch = new BatchWriter(store, opts.vouched);
  for (const file of paths) {
    let columns: { date: number; url: number; label: number } | null = null;
    for await (const { fields } of readCsv(openText(file))) {
      if (columns === null) {
        columns = headerColumns(fields);
        if (columns !== null) continue;
        columns = { date: 0, url: 1, label: 2 };
      }
      const links = feedUrls(fields[columns.url] ?? '');
      if (links.length === 0) {
        batch.skip();
        continue;
      }
      const listedAt = parseFeedDate(fields[columns.date] ?? '');
      const label = (fields[columns.label] ?? '').trim() || null;
      batch.add(links.flatMap((link) => linkEntries(link, source, listedAt, label)));
    }
  }
  return batch.finish(paths.length, started);
}

/**
 * Imports one-per-line lists (or folders of *.txt): URLs become url + host entries, bare registrable domains
 * (urlhaus style) domain entries, bare subdomains and IPs host entries, phone numbers phone entries in E.164.
 * `#` and `!` lines are comments; a `# Updated: <ISO date>` header dates the file's entries.
 * The source defaults to each file's name without extension.
 */
export async function importList(store: IntelStore, files: string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const paths = await expandPaths(files, '.txt');
  const batch = new BatchWriter(store, opts.vouched);
  for (const file of paths) {
    const source = opts.source ?? path.basename(file, path.extname(file));
    let listedAt: string | null = null;
    const lines = readline.createInterface({ input: openText(file), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const rawLine of lines) {
      const line = rawLine.replace(/^\uFEFF/, '').trim();
      if (line === '' || line.startsWith('#') || line.startsWith('!')) {
        listedAt = listDate(line) ?? listedAt;
        batch.skip();
        continue;
      }
      const entries = listLineEntries(stripListNoise(line), source, listedAt);
      if (entries.length === 0) batch.skip();
      else batch.add(entries);
    }
  }
  return batch.finish(paths.length, started);
}

const FEED_SCHEME = /^h*t{1,2}p(s?):\/\//i;

/**
 * The links in a JPCERT URL field, repaired the way a browser would read what the analyst meant: scheme
 * typos (hhttps://, htps://, ttps://) fixed, invisible characters dropped, spaces inside a path kept (they
 * become %20), and a field holding two links separated by a space read as two.
 */
function feedUrls(field: string): UrlIndicator[] {
  const tokens = field.replace(INVISIBLE_RE, '').trim().split(/\s+/);
  const urls: string[] = [];
  for (const token of tokens) {
    const repaired = token.replace(FEED_SCHEME, 'http$1://');
    if (FEED_SCHEME.test(token) || urls.length === 0) urls.push(repaired);
    else urls[urls.length - 1] += ` ${token}`;
  }
  return urls.map((u) => toUrlIndicator(u.replaceAll(' ', '%20'))).filter((u): u is UrlIndicator => u !== null);
}

function linkEntries(link: UrlIndicator, source: string, listedAt: string | null, label: string | null): IntelEntry[] {
  const entries: IntelEntry[] = [{ kind: 'url', value: link.url, source, listedAt, label }];
  if (!isSharedHost(link.host)) entries.push({ kind: 'host', value: link.host, source, listedAt, label });
  return entries;
}

function listLineEntries(line: string, source: string, listedAt: string | null): IntelEntry[] {
  const phone = toPhoneIndicator(line);
  if (phone !== null) return [{ kind: 'phone', value: phone.e164, source, listedAt, label: null }];
  const link = toUrlIndicator(line);
  if (link === null) return [];
  const bareHost = link.bare && !line.includes('/');
  if (!bareHost) return linkEntries(link, source, listedAt, null);
  if (isSharedHost(link.host)) return [];
  // Only a line that IS a registrable domain covers every host under it; a listed subdomain of a dynamic-DNS
  // or hosting provider (x.duckdns.org) must not flag the provider's other customers.
  const kind = link.domain === link.host ? 'domain' : 'host';
  return [{ kind, value: link.host, source, listedAt, label: null }];
}

/** Hosts-file lines (`0.0.0.0 evil.top`) and trailing ` # comments` carry one indicator each. */
function stripListNoise(line: string): string {
  const noComment = line.replace(/(?<!\s)\s+#.*$/, '');
  const hosts = /^(?:0\.0\.0\.0|127\.0\.0\.1|::1?)\s+(\S+)$/.exec(noComment);
  return hosts?.[1] ?? noComment;
}

function listDate(comment: string): string | null {
  const m = /^[#!]\s*(?:updated|last modified|date)\s*:\s*(.+)$/i.exec(comment);
  return m?.[1] === undefined ? null : parseFeedDate(m[1]);
}

function headerColumns(fields: string[]): { date: number; url: number; label: number } | null {
  const names = fields.map((f) => f.trim().toLowerCase());
  const url = names.indexOf('url');
  if (url === -1) return null;
  return { url, date: names.indexOf('date'), label: names.indexOf('description') };
}

function openText(file: string): fs.ReadStream {
  return fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
}

/** Files as given, folders searched (recursively, sorted) for `ext`. Fails before importing anything. */
export async function expandPaths(inputs: string[], ext: string): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(input);
    } catch {
      throw new IntelFileError(input, `Cannot read ${input}: no such file or folder.`);
    }
    if (!stat.isDirectory()) {
      out.push(input);
      continue;
    }
    const found = await fs.promises.readdir(input, { recursive: true, withFileTypes: true });
    const matching = found
      .filter((d) => d.isFile() && d.name.toLowerCase().endsWith(ext))
      .map((d) => path.join(d.parentPath, d.name))
      .sort();
    out.push(...matching);
  }
  return out;
}

/** Collects entries and writes them IMPORT_BATCH_ROWS rows at a time, adding up the report. */
class BatchWriter {
  readonly #store: IntelStore;
  readonly #vouched: VouchedDomains | undefined;
  readonly #refused = new Map<string, RefusedDomain>();
  readonly #now = new Date();
  #pending: IntelEntry[] = [];
  #pendingRows = 0;
  #rows = 0;
  #skipped = 0;
  #inserted = 0;
  #updated = 0;

  #refusedEntries = 0;

  constructor(store: IntelStore, vouched: VouchedDomains | undefined) {
    this.#store = store;
    this.#vouched = vouched;
  }

  add(entries: IntelEntry[]): void {
    this.#rows++;
    this.#pending.push(...this.#allowed(entries));
    if (++this.#pendingRows >= IMPORT_BATCH_ROWS) this.#flush();
  }

  skip(): void {
    this.#rows++;
    this.#skipped++;
  }

  finish(files: number, started: number): ImportReport {
    this.#flush();
    return {
      files,
      rows: this.#rows,
      inserted: this.#inserted,
      updated: this.#updated,
      skipped: this.#skipped,
      refused: this.#refusedEntries,
      refusedDomains: [...this.#refused.values()].sort(
        (a, b) => b.entries - a.entries || a.domain.localeCompare(b.domain),
      ),
      ms: Math.round(performance.now() - started),
    };
  }

  #allowed(entries: IntelEntry[]): IntelEntry[] {
    const vouched = this.#vouched;
    if (vouched === undefined) return entries;
    return entries.filter((entry) => {
      const domain = refusedDomain(vouched, entry);
      if (domain === null) return true;
      this.#refusedEntries++;
      const seen = this.#refused.get(domain.domain);
      if (seen) seen.entries++;
      else this.#refused.set(domain.domain, { ...domain, entries: 1 });
      return false;
    });
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    const counts = this.#store.write(this.#pending, this.#now);
    this.#inserted += counts.inserted;
    this.#updated += counts.updated;
    this.#pending = [];
    this.#pendingRows = 0;
  }
}
