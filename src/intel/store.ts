// The threat-intel store: one SQLite table of (kind, value, source) entries. Its primary key is the lookup
// key, and the table is WITHOUT ROWID so rows live in that key's B-tree: a lookup is one point query on
// (kind, value), O(log n), which stays flat in practice from thousands to millions of rows.
// See https://www.sqlite.org/withoutrowid.html.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { IntelHit, PhoneIndicator, UrlIndicator } from '../domain.ts';
import { canonicalHost } from '../extract/canonical.ts';
import { ensurePrivateFile, tightenIfPresent } from '../infra/private-files.ts';
import { toJstIso } from './jst.ts';

export type IntelKind = IntelHit['kind'];

/** One fact a feed gave us. A null listedAt means the feed had no date: the import time is stored. */
export interface IntelEntry {
  kind: IntelKind;
  value: string;
  source: string;
  listedAt: string | null;
  label: string | null;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
}

export interface IntelStats {
  source: string;
  kind: string;
  count: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS intel (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  source TEXT NOT NULL,
  listed_at TEXT,
  label TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, value, source)
) WITHOUT ROWID;
`;

interface Row {
  kind: IntelKind;
  value: string;
  source: string;
  listed_at: string | null;
  label: string | null;
}

export class IntelStore {
  readonly #db: Database.Database;
  readonly #find: Database.Statement<[string, string], Row>;
  readonly #get: Database.Statement<[string, string, string], Row>;
  readonly #insert: Database.Statement<[string, string, string, string, string | null, string]>;
  readonly #update: Database.Statement<[string, string | null, string, string, string, string]>;
  readonly #stats: Database.Statement<[], IntelStats>;
  readonly #write: (entries: readonly IntelEntry[], now: string) => WriteCounts;

  private constructor(db: Database.Database) {
    this.#db = db;
    db.exec(SCHEMA);
    this.#find = db.prepare('SELECT kind, value, source, listed_at, label FROM intel WHERE kind = ? AND value = ?');
    this.#get = db.prepare(
      'SELECT kind, value, source, listed_at, label FROM intel WHERE kind = ? AND value = ? AND source = ?',
    );
    this.#insert = db.prepare(
      'INSERT INTO intel (kind, value, source, listed_at, label, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#update = db.prepare(
      'UPDATE intel SET listed_at = ?, label = ?, updated_at = ? WHERE kind = ? AND value = ? AND source = ?',
    );
    this.#stats = db.prepare(
      'SELECT source, kind, count(*) AS count FROM intel GROUP BY source, kind ORDER BY source, kind',
    );
    this.#write = db.transaction((entries: readonly IntelEntry[], now: string) => {
      const counts: WriteCounts = { inserted: 0, updated: 0 };
      for (const e of entries) {
        const change = this.#merge(e, now);
        if (change === 'inserted') counts.inserted++;
        else if (change === 'updated') counts.updated++;
      }
      return counts;
    });
  }

  /** Opens (and creates when needed, with its folder) the store at `file`; ':memory:' gives a private one. */
  static open(file: string): IntelStore {
    if (file !== ':memory:') {
      // 0600 before SQLite opens it: its -wal and -shm take the database file's permissions.
      const full = path.resolve(file);
      ensurePrivateFile(full, path.dirname(full));
      for (const suffix of ['-wal', '-shm']) tightenIfPresent(`${full}${suffix}`);
    }
    const db = new Database(file);
    // WAL lets the server read while an import writes; NORMAL sync is durable enough for feed data that
    // can be re-imported (https://www.sqlite.org/wal.html, https://www.sqlite.org/pragma.html#pragma_synchronous).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    return new IntelStore(db);
  }

  /**
   * Writes entries in one transaction (callers batch, e.g. 10k at a time). Re-writing an entry is idempotent:
   * the earliest listing date wins, a later date for the same entry changes nothing, and the same date with
   * another label replaces the label. Entries without a date never change a stored one.
   */
  write(entries: readonly IntelEntry[], now: Date = new Date()): WriteCounts {
    return this.#write(entries, toJstIso(now));
  }

  #merge(e: IntelEntry, now: string): 'inserted' | 'updated' | 'unchanged' {
    const old = this.#get.get(e.kind, e.value, e.source);
    if (old === undefined) {
      this.#insert.run(e.kind, e.value, e.source, e.listedAt ?? now, e.label, now);
      return 'inserted';
    }
    if (e.listedAt === null) return 'unchanged';
    const earlier = old.listed_at === null || e.listedAt < old.listed_at;
    const relabelled = e.listedAt === old.listed_at && e.label !== old.label;
    if (!earlier && !relabelled) return 'unchanged';
    this.#update.run(e.listedAt, e.label, now, e.kind, e.value, e.source);
    return 'updated';
  }

  /**
   * Every feed entry matching the links' exact canonical URL, host or registrable domain, or the phones'
   * E.164 number: one indexed point query per key, each hit once.
   */
  lookup(q: { urls: readonly UrlIndicator[]; phones: readonly PhoneIndicator[] }): IntelHit[] {
    const keys: [IntelKind, string][] = [];
    for (const u of q.urls) {
      keys.push(['url', u.url], ['host', canonicalHost(u.host)]);
      if (u.domain !== null) keys.push(['domain', canonicalHost(u.domain)]);
    }
    for (const p of q.phones) keys.push(['phone', p.e164]);

    // Two links on one host ask for that host once; (kind, value) already makes each row distinct.
    const hits: IntelHit[] = [];
    const asked = new Set<string>();
    for (const [kind, value] of keys) {
      const key = `${kind}\u0000${value}`;
      if (asked.has(key)) continue;
      asked.add(key);
      for (const row of this.#find.all(kind, value)) {
        hits.push({ kind: row.kind, value: row.value, source: row.source, listedAt: row.listed_at, label: row.label });
      }
    }
    return hits;
  }

  /** Entry counts per source and kind. */
  stats(): IntelStats[] {
    return this.#stats.all();
  }

  close(): void {
    this.#db.close();
  }
}
