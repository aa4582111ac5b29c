// Threat-intel store benchmark: imports the whole JPCERT/CC phishing URL list (../shared/data, never part of
// the repo) into a fresh store and measures lookups with the store at ~10% and at 100% of its size, to show
// that a lookup costs the same however big the store grows. Target: the full import in ≤ 30 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UrlIndicator } from '../src/domain.ts';
import { readCsv } from '../src/intel/csv.ts';
import { importJpcert } from '../src/intel/import.ts';
import { toUrlIndicator } from '../src/intel/indicators.ts';
import { IntelStore } from '../src/intel/store.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FEED_DIR = path.resolve(REPO_ROOT, '../shared/data/threat-feeds/jpcert-phishurl-list');
/**
 * Every SAMPLE_EVERY-th URL of the first ~10% of the feed is looked up, each next to a made-up miss: the same
 * queries, all hits or all misses at both sizes, so the two figures differ only by the store's size.
 */
const SAMPLE_EVERY = 50;
const WARMUP_LOOKUPS = 1_000;
const FIRST_PART = 0.1;

/** Figures for the report; `{ skipped }` when the development data is not beside the repo. */
export async function benchIntel(): Promise<Record<string, number | string>> {
  if (!fs.existsSync(FEED_DIR)) {
    return { skipped: `JPCERT list not found at ${FEED_DIR}; put the development data in ../shared/data` };
  }
  const files = csvFiles(FEED_DIR);
  const split = firstPartByBytes(files, FIRST_PART);
  const queries = await sampleQueries(files.slice(0, split));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-bench-intel-'));
  const store = IntelStore.open(path.join(dir, 'intel.db'));
  try {
    const part = await importJpcert(store, files.slice(0, split));
    const atPart = measureLookups(store, queries);
    const rest = await importJpcert(store, files.slice(split));
    const atFull = measureLookups(store, queries);
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    const again = await importJpcert(store, files);
    const entries = store.stats().reduce((sum, s) => sum + s.count, 0);
    return {
      files: files.length,
      rows: part.rows + rest.rows,
      entries,
      skippedRows: part.skipped + rest.skipped,
      importSeconds: round((part.ms + rest.ms) / 1000, 2),
      entriesAt10pct: part.inserted,
      lookupsPerSecondAt10pct: Math.round(atPart.perSecond),
      lookupP99MicrosAt10pct: round(atPart.p99Micros, 1),
      lookupsPerSecondAt100pct: Math.round(atFull.perSecond),
      lookupP99MicrosAt100pct: round(atFull.p99Micros, 1),
      lookupHitRate: round(atFull.hitRate, 3),
      rssMbAfterLoad: round(rssMb, 1),
      dbFileMb: round(dirBytes(dir) / 2 ** 20, 1),
      reimportSeconds: round(again.ms / 1000, 2),
      reimportInserted: again.inserted,
      reimportUpdated: again.updated,
    };
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function csvFiles(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.csv'))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/** How many leading files hold about `share` of the bytes. */
function firstPartByBytes(files: string[], share: number): number {
  const sizes = files.map((f) => fs.statSync(f).size);
  const total = sizes.reduce((a, b) => a + b, 0);
  let bytes = 0;
  for (const [i, size] of sizes.entries()) {
    bytes += size;
    if (bytes >= total * share) return i + 1;
  }
  return files.length;
}

/** Real listed URLs spread over `files`, each followed by a fictional one that is never listed. */
async function sampleQueries(files: string[]): Promise<UrlIndicator[]> {
  const out: UrlIndicator[] = [];
  let n = 0;
  for (const file of files) {
    for await (const { fields } of readCsv(fs.createReadStream(file, { encoding: 'utf8' }))) {
      if (n++ % SAMPLE_EVERY !== 0) continue;
      const hit = toUrlIndicator(fields[1] ?? '');
      const miss = toUrlIndicator(`https://www.not-listed-${n}-xx.example.com/login?id=${n}`);
      if (hit !== null && miss !== null) out.push(hit, miss);
    }
  }
  return out;
}

function measureLookups(store: IntelStore, urls: UrlIndicator[]) {
  for (let i = 0; i < WARMUP_LOOKUPS; i++) store.lookup({ urls: [urls[i % urls.length]!], phones: [] });
  const micros: number[] = [];
  let hits = 0;
  const started = process.hrtime.bigint();
  for (const url of urls) {
    const t0 = process.hrtime.bigint();
    if (store.lookup({ urls: [url], phones: [] }).length > 0) hits++;
    micros.push(Number(process.hrtime.bigint() - t0) / 1_000);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  micros.sort((a, b) => a - b);
  return {
    perSecond: urls.length / seconds,
    p99Micros: micros[Math.min(micros.length - 1, Math.floor(micros.length * 0.99))] ?? 0,
    hitRate: hits / urls.length,
  };
}

function dirBytes(dir: string): number {
  return fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
