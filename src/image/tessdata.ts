// tesseract.js reads every language from one `langPath` folder, but jpn and eng come in two packages
// (STACK.md, "OCR"). This links both 4.0.0_best_int models into one folder under the system temp folder,
// named after where they come from, so two checkouts never share a folder with the wrong files.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The plain 4.0.0 jpn model turns digits into circled numbers; the best_int ones do not (STACK.md). */
const MODEL_VARIANT = '4.0.0_best_int';
export const OCR_LANGS = ['jpn', 'eng'] as const;

const require = createRequire(import.meta.url);

function modelFile(lang: string): string {
  const pkg = path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  return path.join(pkg, MODEL_VARIANT, `${lang}.traineddata.gz`);
}

/** The folder to pass as `langPath`, made on first use. */
export function ensureLangPath(): string {
  const sources = OCR_LANGS.map(modelFile);
  const key = createHash('sha256').update(sources.join('\n')).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `anshin-tessdata-${key}`);
  mkdirSync(dir, { recursive: true });
  OCR_LANGS.forEach((lang, i) => {
    const target = path.join(dir, `${lang}.traineddata.gz`);
    if (existsSync(target)) return;
    // Made under a temporary name and renamed, so a concurrent process never sees half a file.
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      symlinkSync(sources[i]!, tmp);
    } catch {
      copyFileSync(sources[i]!, tmp);
    }
    renameSync(tmp, target);
  });
  return dir;
}
