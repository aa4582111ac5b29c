// The compiled CLI (bin/compiled.mjs): the bundle follows the sources (an edit always makes a new build), files
// next to the sources are still read at run time, each module keeps its own import.meta.url, and the real bin
// answers through it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_CACHE_DIR, ensureBuild, sourceKey } from '../../bin/compiled.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A small project laid out like this one: src/ with a lazily imported part, data beside it, package.json. */
function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-compiled-'));
  dirs.push(root);
  const write = (f: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), text);
  };
  write('package.json', '{"type":"module"}');
  write('tsconfig.json', '{"compilerOptions":{"verbatimModuleSyntax":true}}');
  write('knowledge/words.txt', 'first');
  write('knowledge/numbers.json', '{"n": 1}');
  write(
    'src/main.ts',
    `import { readWords } from './knowledge/words.ts';
export class NamedError extends Error {}
export async function main(): Promise<string> {
  const { lazy } = await import('./lazy/part.ts');
  return [readWords(), lazy(), new NamedError().constructor.name].join(' ');
}
`,
  );
  write(
    'src/knowledge/words.ts',
    `import { readFileSync } from 'node:fs';
export const readWords = (): string => readFileSync(new URL('../../knowledge/words.txt', import.meta.url), 'utf8');
`,
  );
  write(
    'src/lazy/part.ts',
    `import { readFileSync } from 'node:fs';
export const lazy = (): string => String(JSON.parse(readFileSync(new URL('../../knowledge/numbers.json', import.meta.url), 'utf8')).n);
`,
  );
  return root;
}

const runBuilt = async (entry: string): Promise<string> =>
  (await import(`${pathToFileURL(entry).href}?t=${Date.now()}`)).main();

describe('bin/compiled.mjs', () => {
  it('keys the build on every source file: an edit or a new file changes the key, nothing else does', () => {
    const root = project();
    const first = sourceKey(root);
    expect(sourceKey(root)).toBe(first);
    fs.writeFileSync(path.join(root, 'knowledge/words.txt'), 'data is read at run time, not built in');
    expect(sourceKey(root)).toBe(first);
    fs.appendFileSync(path.join(root, 'src/knowledge/words.ts'), '\n');
    const edited = sourceKey(root);
    expect(edited).not.toBe(first);
    fs.writeFileSync(path.join(root, 'src/extra.json'), '{}');
    expect(sourceKey(root)).not.toBe(edited);
    fs.writeFileSync(path.join(root, 'tsconfig.json'), '{}');
    expect(sourceKey(root)).not.toBe(edited);
  });

  it('builds once, reuses the build, rebuilds after an edit, and reads data files fresh', async () => {
    const root = project();
    const cache = path.join(root, 'cache');
    const entry = await ensureBuild(root, cache);
    expect(await runBuilt(entry)).toBe('first 1 NamedError');
    expect(await ensureBuild(root, cache)).toBe(entry);

    // Files outside the TypeScript are read where they are, so an edit shows without a new build.
    fs.writeFileSync(path.join(root, 'knowledge/words.txt'), 'second');
    fs.writeFileSync(path.join(root, 'knowledge/numbers.json'), '{"n": 2}');
    expect(await ensureBuild(root, cache)).toBe(entry);
    expect(await runBuilt(entry)).toBe('second 2 NamedError');

    // An edited source is a new build; the old one is never run for it.
    fs.writeFileSync(path.join(root, 'src/lazy/part.ts'), "export const lazy = (): string => 'edited';\n");
    const rebuilt = await ensureBuild(root, cache);
    expect(rebuilt).not.toBe(entry);
    expect(await runBuilt(rebuilt)).toBe('second edited NamedError');
  });

  it('the real bin answers through the build', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/anshin.mjs', '--version']);
    expect(stdout).toMatch(/^anshin \d+\.\d+\.\d+\n$/);
    expect(fs.existsSync(path.join(BUILD_CACHE_DIR, sourceKey(), 'main.mjs'))).toBe(true);
  });
});
