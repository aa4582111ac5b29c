import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_MODEL_FILE,
  decodeHostWeights,
  encodeHostWeights,
  JudgeModelError,
  judgeModelFrom,
  loadJudgeModel,
} from '../../src/judge/model.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'anshin-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the judge model file', () => {
  it('ships with the repository, loads, and answers for links and messages', () => {
    const m = loadJudgeModel();
    const p = m.hostProbability({ url: 'https://example.com/', host: 'example.com' }, false);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(m.levelOf(0.999, 'ja')).toBe('danger');
    expect(m.levelOf(0.0001, 'en')).toBe('low');
  });

  it('says what to do when the file is missing', () => {
    expect(() => loadJudgeModel(path.join(dir, 'nope.json'))).toThrow(JudgeModelError);
    expect(() => loadJudgeModel(path.join(dir, 'nope.json'))).toThrow(/missing.*git checkout.*npm run train/s);
  });

  it('says what to do when the file is not JSON, or not a model', () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "anshin-judge-model", "vers');
    expect(() => loadJudgeModel(broken)).toThrow(/could not be read as JSON.*npm run train/s);
    const wrong = path.join(dir, 'wrong.json');
    const file = JSON.parse(readFileSync(DEFAULT_MODEL_FILE, 'utf8'));
    writeFileSync(wrong, JSON.stringify({ ...file, message: { ...file.message, thresholds: { ja: {} } } }));
    expect(() => loadJudgeModel(wrong)).toThrow(/not a valid anshin model file \(message\.thresholds/);
    const cut = JSON.parse(readFileSync(DEFAULT_MODEL_FILE, 'utf8'));
    cut.host.url.weights = cut.host.url.weights.slice(0, 100);
    expect(() => judgeModelFrom(cut)).toThrow(/host weights: expected/);
  });

  it('keeps int16 weights within one quantisation step', () => {
    const w = Float32Array.from([0.5, -1.25, 3, 0, -3]);
    const { scale, weights } = encodeHostWeights(w);
    const back = decodeHostWeights(weights, scale, w.length);
    for (let i = 0; i < w.length; i++) expect(Math.abs(back[i]! - w[i]!)).toBeLessThanOrEqual(scale);
  });

  it('stops `anshin check` with a clear message and exit 1 when the model is missing or damaged', async () => {
    const missing = await runCli(['check', 'こんにちは'], {
      JUDGE_MODEL_FILE: path.join(dir, 'gone.json'),
      DATA_DIR: dir,
    });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/anshin: the judge's model file .*gone\.json is missing/);
    const broken = path.join(dir, 'broken.json');
    const damaged = await runCli(['check', 'こんにちは'], { JUDGE_MODEL_FILE: broken, DATA_DIR: dir });
    expect(damaged.code).toBe(1);
    expect(damaged.err).toMatch(/could not be read as JSON/);
  });
});
