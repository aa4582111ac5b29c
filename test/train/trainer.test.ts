import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeModelFrom } from '../../src/judge/model.ts';
import { runCli } from '../helpers/run-cli.ts';
import { writeTrainingData } from './training-data.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'anshin-train-'));
const data = path.join(tmp, 'data');
writeTrainingData(data);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const train = (out: string, seed = '7') =>
  runCli(['train', '--data', data, '--out', out, '--seed', seed, '--date', '2026-01-01'], { DATA_DIR: tmp });

function filesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const sub of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (sub.isFile()) {
      const p = path.join(sub.parentPath, sub.name);
      out.set(path.relative(dir, p), readFileSync(p, 'utf8'));
    }
  }
  return out;
}

describe('anshin train', () => {
  it('learns from a data folder and writes a model that loads, its card and the URL lists, the same every run', async () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    const first = await train(a);
    expect(first.err).not.toMatch(/Error/);
    expect(first.code).toBe(0);
    expect((await train(b)).code).toBe(0);
    const fa = filesOf(a);
    const fb = filesOf(b);
    expect([...fa.keys()].sort()).toEqual([
      'model/MODEL_CARD.md',
      'model/judge-model.json',
      'url-lists/popular-domains.txt',
      'url-lists/shared-hosting.txt',
      'url-lists/shorteners.txt',
    ]);
    for (const [name, text] of fa) expect(fb.get(name), name).toBe(text);

    const model = judgeModelFrom(JSON.parse(fa.get('model/judge-model.json')!));
    expect(model.file.trainedAt).toBe('2026-01-01');
    expect(Object.keys(model.file.message.weights).length).toBeGreaterThan(0);
    // Only the permissively licensed shortener row ships.
    expect(fa.get('url-lists/shorteners.txt')).toContain('short.example');
    expect(fa.get('url-lists/shorteners.txt')).not.toContain('other-short.example');
    expect(fa.get('url-lists/popular-domains.txt')).toContain('wikipedia.org');
    expect(fa.get('model/MODEL_CARD.md')).toContain('seed 7');
  });

  it('gives a different split, and so a different model, for another seed', async () => {
    const c = path.join(tmp, 'c');
    expect((await train(c, '8')).code).toBe(0);
    expect(filesOf(c).get('model/judge-model.json')).not.toBe(
      filesOf(path.join(tmp, 'a')).get('model/judge-model.json'),
    );
  });

  it('refuses a missing data folder and bad options with a clear message', async () => {
    const missing = await runCli(['train', '--data', path.join(tmp, 'nothing-here'), '--out', tmp], { DATA_DIR: tmp });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no phishing feed or popularity list/);
    const bad = await runCli(['train', '--seed', 'x'], { DATA_DIR: tmp });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--seed must be an integer/);
    const help = await runCli(['train', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: anshin train');
  });
});
