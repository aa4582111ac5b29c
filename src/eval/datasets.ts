// Labelled examples for evaluation: JSON Lines files, our own fixtures in test/fixtures/eval, and the public
// development sets in ../shared/data (read in place, never copied; skipped with a message when absent).
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LabelledExample } from './metrics.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test/fixtures/eval');

/** ../shared/data beside the repository, or ANSHIN_SHARED_DATA. */
export function sharedDataDir(env: Record<string, string | undefined> = process.env): string | null {
  const dir = env.ANSHIN_SHARED_DATA ?? path.resolve(REPO_ROOT, '../shared/data');
  return existsSync(dir) ? dir : null;
}

export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** Reads `{"text","label","lang"}` lines; a bad line is an error naming the file and line. */
export async function readJsonl(file: string): Promise<LabelledExample[]> {
  const out: LabelledExample[] = [];
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of rl) {
    n += 1;
    if (line.trim() === '') continue;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new DatasetError(`${file}:${n}: not valid JSON`);
    }
    const { text, label, lang } = rec;
    if (typeof text !== 'string') throw new DatasetError(`${file}:${n}: "text" must be a string`);
    if (label !== 'scam' && label !== 'legit')
      throw new DatasetError(`${file}:${n}: "label" must be "scam" or "legit"`);
    const l = lang === 'en' ? 'en' : 'ja';
    out.push({ text, label, lang: l, set: path.basename(file) });
  }
  return out;
}

/** Splits a CSV line with quoted fields (RFC 4180, without embedded newlines). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** UCI SMS Spam Collection: `ham|spam<TAB>text`. Spam there is mostly prize and premium-rate fraud. */
export function uciSms(dir: string): LabelledExample[] {
  const file = path.join(dir, 'sms-en/uci/SMSSpamCollection');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => {
      const [label, ...rest] = l.split('\t');
      return { text: rest.join('\t'), label: label === 'spam' ? 'scam' : 'legit', lang: 'en', set: 'uci-sms' } as const;
    });
}

/** Mendeley SMS phishing set: `LABEL,TEXT,…`; smishing and spam count as scam. Rows already in UCI are dropped. */
export function mendeleySms(dir: string, seen: Set<string>): LabelledExample[] {
  const file = path.join(dir, 'sms-en/mendeley/Dataset_5971.csv');
  if (!existsSync(file)) return [];
  const out: LabelledExample[] = [];
  for (const line of readFileSync(file, 'latin1').split('\n').slice(1)) {
    const [label, text] = csvFields(line);
    if (!label || !text) continue;
    const t = text.trim();
    if (seen.has(t)) continue;
    seen.add(t);
    out.push({ text: t, label: label.toLowerCase() === 'ham' ? 'legit' : 'scam', lang: 'en', set: 'mendeley-sms' });
  }
  return out;
}

/**
 * Bare phishing URLs from the JPCERT/CC list, every `step`-th row of the newest `months` files: judged with an
 * empty intel store, they measure what the URL signals see on their own.
 */
export function jpcertUrls(dir: string, opts: { months: number; step: number }): LabelledExample[] {
  const root = path.join(dir, 'threat-feeds/jpcert-phishurl-list');
  if (!existsSync(root)) return [];
  const files = readdirSync(root)
    .flatMap((y) => readdirSync(path.join(root, y)).map((f) => path.join(root, y, f)))
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .slice(-opts.months);
  const out: LabelledExample[] = [];
  for (const f of files) {
    const lines = readFileSync(f, 'utf8').split('\n').slice(1);
    for (let i = 0; i < lines.length; i += opts.step) {
      const url = csvFields(lines[i]!)[1]?.trim();
      if (url) out.push({ text: url, label: 'scam', lang: 'ja', set: 'jpcert-urls' });
    }
  }
  return out;
}

/** Our legitimate URL list, one per line. */
export function legitUrls(file = path.join(FIXTURES_DIR, 'legit-urls.txt')): LabelledExample[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((text) => ({ text, label: 'legit', lang: 'ja', set: 'legit-urls' }) as const);
}
