// What a command does not need, it does not load (issue: a text check paid for LangChain, the image libraries and
// YAML parsing at every start). Runs the real bin and records every module the process loads.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { childEnv } from '../helpers/child-env.ts';
import { renderScreenshot } from '../image/helpers/render.ts';

const SAGAWA =
  '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xx.top/';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The packages (node_modules/<name>) the bin loads for argv. */
async function packagesLoaded(argv: string[], own: Record<string, string> = {}): Promise<Set<string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-loads-'));
  dirs.push(dir);
  const trace = path.join(dir, 'loads.txt');
  await promisify(execFile)(
    process.execPath,
    ['--import', './test/helpers/trace-loads.mjs', 'bin/anshin.mjs', ...argv],
    { env: childEnv({ DATA_DIR: path.join(dir, 'data'), ANSHIN_TRACE_LOADS: trace, ...own }), timeout: 60_000 },
  );
  const names = new Set<string>();
  for (const line of fs.readFileSync(trace, 'utf8').split('\n')) {
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(line);
    // A package's manifest read for its version (yaml-cache.ts keys on it) is not loading the package.
    if (m?.[1] && !line.includes('.cache') && !line.endsWith('package.json')) names.add(m[1].replace('\\', '/'));
  }
  return names;
}

const HEAVY_FOR_TEXT = ['@langchain/core', '@langchain/openai', 'langchain', 'openai', 'sharp', 'tesseract.js', 'jsqr'];
const REDIS = ['bullmq', 'redis', '@redis/client'];

describe('lazy loading', () => {
  it('a text check with no LLM loads no LangChain, no image library, no Redis client and no YAML parser', async () => {
    // Twice: the first run may fill the compiled-CLI and YAML caches; the second is every later start.
    await packagesLoaded(['check', SAGAWA]);
    const loaded = await packagesLoaded(['check', SAGAWA]);
    expect(loaded.has('zod')).toBe(true); // the trace works
    for (const p of [...HEAVY_FOR_TEXT, ...REDIS, 'yaml']) expect(loaded.has(p), p).toBe(false);
  }, 90_000);

  it('a screenshot check loads the image libraries, and still no LangChain', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-loads-img-'));
    dirs.push(dir);
    const png = path.join(dir, 'shot.png');
    fs.writeFileSync(png, await renderScreenshot({ message: SAGAWA, width: 900, height: 900 }));
    const loaded = await packagesLoaded(['check', '--image', png]);
    for (const p of ['sharp', 'tesseract.js', 'jsqr']) expect(loaded.has(p), p).toBe(true);
    for (const p of ['@langchain/openai', ...REDIS]) expect(loaded.has(p), p).toBe(false);
  }, 90_000);

  it('with an LLM configured, LangChain is loaded', async () => {
    const loaded = await packagesLoaded(['check', '--help'], {});
    expect(loaded.has('@langchain/openai')).toBe(false);
    const withLlm = await packagesLoaded(['check', ''], {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:9',
    });
    expect(withLlm.has('@langchain/openai')).toBe(true);
  }, 90_000);
});
