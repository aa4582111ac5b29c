// Byte scans of a folder: which files hold a string, as UTF-8 or as UTF-16 (either byte order).
import fs from 'node:fs';
import path from 'node:path';

export interface Found {
  file: string;
  needle: string;
  encoding: 'utf8' | 'utf16le' | 'utf16be';
}

function swap16(b: Buffer): Buffer {
  const out = Buffer.from(b);
  out.swap16();
  return out;
}

/** Every file under `dir` (recursively). */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p);
    return e.isFile() ? [p] : [];
  });
}

/** Every (file, string, encoding) where the raw bytes of a file under `dir` contain one of `needles`. */
export function findInFiles(dir: string, needles: string[]): Found[] {
  const found: Found[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = fs.readFileSync(file);
    for (const needle of needles) {
      const utf16le = Buffer.from(needle, 'utf16le');
      const forms: [Found['encoding'], Buffer][] = [
        ['utf8', Buffer.from(needle, 'utf8')],
        ['utf16le', utf16le],
        ['utf16be', swap16(utf16le)],
      ];
      for (const [encoding, form] of forms) {
        if (bytes.includes(form)) found.push({ file: path.relative(dir, file), needle, encoding });
      }
    }
  }
  return found;
}

/** Runs of base64url long enough to be a sealed value (infra/ids.ts), from every file under `dir`. */
export function sealedLookingRuns(dir: string, minLength = 40): string[] {
  const runs: string[] = [];
  for (const file of filesUnder(dir)) {
    const text = fs.readFileSync(file).toString('latin1');
    for (const m of text.matchAll(new RegExp(`[A-Za-z0-9_-]{${minLength},}`, 'g'))) runs.push(m[0]);
  }
  return runs;
}
