// `anshin intel …`: import feeds into the threat-intel store, show what it holds, look a link or number up.
// Exit codes: 0 done, 1 a file or the store is missing, 2 the command was not written correctly.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { IntelHit } from '../domain.ts';
import { defangHost, defangUrl } from '../extract/defang.ts';
import { expandPaths, type ImportReport, IntelFileError, importJpcert, importList } from './import.ts';
import { toPhoneIndicator, toUrlIndicator } from './indicators.ts';
import { IntelStore } from './store.ts';
import { loadVouchedDomains } from './vouched.ts';

export interface IntelIo {
  dataDir: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const INTEL_DB_FILE = 'intel.db';

export const INTEL_USAGE = `Usage:
  anshin intel import --format jpcert|list [--source NAME] [--force] FILE_OR_FOLDER…
  anshin intel stats
  anshin intel lookup URL_OR_PHONE…

  import   jpcert: JPCERT/CC phishurl-list CSV files (folders are searched for *.csv).
           list:   one URL, domain or phone number per line (folders are searched for *.txt).
           Importing the same file again is safe: it only updates what changed.
           Entries for the brands' own domains (knowledge/brands.yaml) and the popular
           sites (knowledge/url-lists/popular-domains.txt) are refused and listed;
           --force imports them anyway.
  stats    entries per source and kind.
  lookup   which feeds list a link, its host or domain, or a phone number.
The store is DATA_DIR/${INTEL_DB_FILE}.
`;

class UsageError extends Error {
  override name = 'UsageError';
}

/** Runs `anshin intel <argv…>` (argv: the words after `intel`) and returns the process exit code. */
export async function intelCommand(argv: string[], io: IntelIo): Promise<number> {
  const dbFile = path.join(io.dataDir, INTEL_DB_FILE);
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'import':
        return await runImport(rest, dbFile, io);
      case 'stats':
        return runStats(rest, dbFile, io);
      case 'lookup':
        return runLookup(rest, dbFile, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(INTEL_USAGE);
        return 0;
      case undefined:
        throw new UsageError('intel needs a command: import, stats or lookup.');
      default:
        throw new UsageError(`Unknown intel command "${command}".`);
    }
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      io.stderr.write(`${(err as Error).message}\n\n${INTEL_USAGE}`);
      return 2;
    }
    if (err instanceof IntelFileError) {
      io.stderr.write(`${err.message}\nCheck the path and try again. Nothing was imported.\n`);
      return 1;
    }
    throw err;
  }
}

async function runImport(args: string[], dbFile: string, io: IntelIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' }, source: { type: 'string' }, force: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.format !== 'jpcert' && values.format !== 'list') {
    throw new UsageError('intel import needs --format jpcert or --format list.');
  }
  if (positionals.length === 0) throw new UsageError('intel import needs at least one file or folder.');
  if (values.source !== undefined && values.source.trim() === '') throw new UsageError('--source must not be empty.');

  // Every input is found before the store is opened: a wrong path leaves no empty intel.db behind.
  const files = await expandPaths(positionals, values.format === 'jpcert' ? '.csv' : '.txt');
  const store = IntelStore.open(dbFile);
  try {
    const importer = values.format === 'jpcert' ? importJpcert : importList;
    const report = await importer(store, files, {
      ...(values.source === undefined ? {} : { source: values.source }),
      ...(values.force === true ? {} : { vouched: loadVouchedDomains() }),
    });
    io.stdout.write(`${describeReport(report)}\n`);
    if (report.refused > 0) io.stdout.write(describeRefused(report));
    return 0;
  } finally {
    store.close();
  }
}

function describeReport(r: ImportReport): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `Imported ${n(r.files)} file${r.files === 1 ? '' : 's'} in ${(r.ms / 1000).toFixed(1)} s: ` +
    `${n(r.rows)} rows, ${n(r.inserted)} new entries, ${n(r.updated)} updated, ${n(r.skipped)} rows skipped.`
  );
}

/** The refused entries by domain: official domains by name, popular ones too (they are real sites, not links). */
function describeRefused(r: ImportReport): string {
  const lines = [
    `Refused ${r.refused.toLocaleString('en-US')} entr${r.refused === 1 ? 'y' : 'ies'} under ` +
      `${r.refusedDomains.length} domain${r.refusedDomains.length === 1 ? '' : 's'} that are real sites ` +
      '(a feed listing them would call the real site dangerous):',
  ];
  for (const reason of ['brand', 'popular'] as const) {
    const domains = r.refusedDomains.filter((d) => d.reason === reason);
    if (domains.length === 0) continue;
    lines.push(`  ${reason === 'brand' ? 'official domains in the brand registry' : 'popular sites'}:`);
    for (const d of domains) lines.push(`    ${d.domain} (${d.entries})`);
  }
  lines.push('Check the feed. To import these entries anyway, run the same command with --force.');
  return `${lines.join('\n')}\n`;
}

function runStats(args: string[], dbFile: string, io: IntelIo): number {
  parseArgs({ args, options: {}, allowPositionals: false, strict: true });
  const store = openExisting(dbFile, io);
  if (store === null) return 1;
  try {
    const rows = store.stats();
    if (rows.length === 0) {
      io.stdout.write('The intel store is empty.\n');
      return 0;
    }
    const width = Math.max(...rows.map((r) => r.source.length), 'source'.length);
    io.stdout.write(`${'source'.padEnd(width)}  ${'kind'.padEnd(6)}  count\n`);
    for (const r of rows) io.stdout.write(`${r.source.padEnd(width)}  ${r.kind.padEnd(6)}  ${r.count}\n`);
    io.stdout.write(`total: ${rows.reduce((sum, r) => sum + r.count, 0)}\n`);
    return 0;
  } finally {
    store.close();
  }
}

function runLookup(args: string[], dbFile: string, io: IntelIo): number {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length === 0) throw new UsageError('intel lookup needs at least one link or phone number.');
  const queries = positionals.map((written) => {
    const phone = toPhoneIndicator(written);
    const url = phone === null ? toUrlIndicator(written) : null;
    if (phone === null && url === null) throw new UsageError(`"${written}" is not a link or phone number.`);
    return { phone, url };
  });

  const store = openExisting(dbFile, io);
  if (store === null) return 1;
  try {
    for (const { phone, url } of queries) {
      const hits = store.lookup({ urls: url === null ? [] : [url], phones: phone === null ? [] : [phone] });
      io.stdout.write(`${url === null ? (phone?.e164 ?? '') : defangUrl(url.url)}\n`);
      if (hits.length === 0) io.stdout.write('  not listed in any imported feed\n');
      for (const hit of hits) io.stdout.write(`  ${describeHit(hit)}\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}

function describeHit(hit: IntelHit): string {
  const value = hit.kind === 'url' ? defangUrl(hit.value) : hit.kind === 'phone' ? hit.value : defangHost(hit.value);
  const when = hit.listedAt === null ? '' : ` since ${hit.listedAt}`;
  const label = hit.label === null ? '' : ` (${hit.label})`;
  return `${hit.kind} ${value}: listed by ${hit.source}${when}${label}`;
}

function openExisting(dbFile: string, io: IntelIo): IntelStore | null {
  if (!fs.existsSync(dbFile)) {
    io.stderr.write(
      `There is no intel store at ${dbFile} yet.\nImport a feed first: anshin intel import --format jpcert FILE\n`,
    );
    return null;
  }
  return IntelStore.open(dbFile);
}

/** node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options. */
function isParseArgsError(err: unknown): err is Error {
  return err instanceof Error && String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
}
