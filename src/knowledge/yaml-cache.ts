// YAML parsed once, then read back as JSON: knowledge/brands.yaml and the front matter of the articles and
// prompts are read at every start, and parsing them from YAML was ~0.2 s of a cold `anshin check` where
// JSON.parse of the same data takes about a millisecond.
//
// An entry is keyed by the SHA-256 of the text (with the yaml package's version and this format's), so an edited
// file is parsed afresh, never served stale, and nothing has to remember to rebuild it. Entries live in
// node_modules/.cache/anshin/yaml: the usual place for a tool's cache (find-cache-dir), never a tracked file,
// one per checkout, emptied by `npm ci`. DATA_DIR is not used: it holds a deployment's state, and the knowledge
// is read before (and without) any configuration. When the folder cannot be written (a read-only image), files
// are simply parsed each time. A document JSON cannot carry exactly (a date, .inf, a key order JSON would
// change) is never cached.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped when the way entries are written changes. */
const FORMAT = 'anshin-yaml-cache/1';
/** Entries kept; older ones go when a new one is written (each edit of brands.yaml makes one). */
export const MAX_CACHE_ENTRIES = 256;
export const DEFAULT_YAML_CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/anshin/yaml', import.meta.url));

// The yaml package only when something is not in the cache: loading it is most of what parsing costs.
const require = createRequire(import.meta.url);
type YamlModule = typeof import('yaml');
let yaml: YamlModule | undefined;
const yamlModule = (): YamlModule => (yaml ??= require('yaml') as YamlModule);
let yamlVersion: string | undefined;
const versionOfYaml = (): string => (yamlVersion ??= (require('yaml/package.json') as { version: string }).version);

export interface YamlCache {
  /** The same value `yaml.parse(text)` returns; throws the same errors. */
  parse(text: string): unknown;
}

export function createYamlCache(dir: string = DEFAULT_YAML_CACHE_DIR): YamlCache {
  return {
    parse(text) {
      const key = createHash('sha256').update(`${FORMAT}\n${versionOfYaml()}\n`).update(text).digest('hex');
      const file = path.join(dir, `${key}.json`);
      const hit = readEntry(file);
      if (hit !== undefined) return hit.value;
      const value: unknown = yamlModule().parse(text);
      if (survivesJson(value)) writeEntry(dir, file, value);
      return value;
    },
  };
}

const defaultCache = createYamlCache();

/** `yaml.parse(text)`, from the cache when this exact text was parsed before. */
export function parseYamlCached(text: string): unknown {
  return defaultCache.parse(text);
}

function readEntry(file: string): { value: unknown } | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const entry = JSON.parse(raw) as { format?: unknown; value?: unknown };
    return entry.format === FORMAT && 'value' in entry ? { value: entry.value } : undefined;
  } catch {
    // A damaged entry (disk full, someone's editor): parse the YAML again and write it anew.
    return undefined;
  }
}

function writeEntry(dir: string, file: string, value: unknown): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Written aside and renamed: processes starting together never read half an entry.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ format: FORMAT, value }));
    fs.renameSync(tmp, file);
    prune(dir);
  } catch {
    // No cache where it cannot be written; the parsed value is still right.
  }
}

function prune(dir: string): void {
  const entries = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  if (entries.length <= MAX_CACHE_ENTRIES) return;
  const byAge = entries
    .map((f) => ({ f, mtime: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => a.mtime - b.mtime);
  for (const { f } of byAge.slice(0, entries.length - MAX_CACHE_ENTRIES)) fs.rmSync(path.join(dir, f), { force: true });
}

/** True when JSON.stringify then JSON.parse gives back an equal value (plain data, finite numbers). */
export function survivesJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(survivesJson);
  if (typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  // A "__proto__" key is kept out: a reader that copies entries could set a prototype with it.
  if (Object.hasOwn(v, '__proto__')) return false;
  return Object.values(v).every(survivesJson);
}
