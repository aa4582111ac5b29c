// `npm test` ends with a plain `tests: N passed, N failed[, N skipped]` line that CI reads: last, uncoloured even
// when colours are forced, counting a file that fails to load, and leaving vitest's exit code as it was.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Colours forced on, even when this run has them off (CI runs `NO_COLOR=1 npm test`, and NO_COLOR wins). */
function colourEnv(): NodeJS.ProcessEnv {
  const { NO_COLOR: _off, ...env } = process.env;
  return { ...env, FORCE_COLOR: '1' };
}

function runVitest(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-count-line-'));
  dirs.push(root);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
  const r = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/fixtures/count-line/vitest.config.ts'],
    { env: { ...colourEnv(), COUNT_LINE_ROOT: root }, encoding: 'utf8', timeout: 60_000 },
  );
  const lines = r.stdout.trimEnd().split('\n');
  return { status: r.status, last: lines.at(-1) ?? '', stdout: r.stdout };
}

describe('the count line', () => {
  it('is the last line, plain, and counts passed, failed and skipped; the exit code stays 1', () => {
    const r = runVitest({
      'a.test.js': "it('passes', () => {}); it('passes too', () => {}); it.skip('skipped', () => {});",
      'b.test.js': "it('fails', () => { throw new Error('no'); }); it.todo('later');",
    });
    expect(r.last).toBe('tests: 2 passed, 1 failed, 2 skipped');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('\u001b['); // colours were on for the rest
  }, 60_000);

  it('exit 0 and no skipped part when everything passes', () => {
    const r = runVitest({ 'a.test.js': "it('passes', () => {});" });
    expect(r.last).toBe('tests: 1 passed, 0 failed');
    expect(r.status).toBe(0);
  }, 60_000);

  it('a file that does not load counts as a failure, never as "0 failed"', () => {
    const r = runVitest({ 'a.test.js': "it('passes', () => {});", 'b.test.js': 'this is not javascript (' });
    expect(r.last).toBe('tests: 1 passed, 1 failed');
    expect(r.status).toBe(1);
  }, 60_000);
});
