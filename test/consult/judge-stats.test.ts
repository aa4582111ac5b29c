// The judge's weekly counters: real consultations with the LLM faked at the HTTP boundary (nock), counted in a
// real SQLite store; read back as shares, fallbacks by reason, latency percentiles, tokens and cost.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createConsultant, type LocalConsultant } from '../../src/consult/consultant.ts';
import {
  estimatedCostUsd,
  LATENCY_BUCKETS_MS,
  latencyPercentileMs,
  readJudgeStats,
  storeJudgeStats,
  sumJudgeStats,
} from '../../src/consult/judge-stats.ts';
import { type TokenUsage, toolCallCompletion } from '../../src/eval/tool-call.ts';
import { keys } from '../../src/infra/store/keys.ts';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';
import { isoWeekOf } from '../../src/stats/week.ts';

const LLM = 'http://llm-stats.test';
const SAGAWA =
  '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xx.top/';
const NOW = new Date('2026-06-10T03:00:00Z');
const WEEK = isoWeekOf(NOW);

const judgement = {
  level: 'danger',
  scamType: 'delivery_sms',
  confidence: 0.9,
  reasons: [],
  advice: [],
  injectionSuspected: false,
};
const completion = (usage: TokenUsage) => toolCallCompletion('record_judgement', judgement, { usage });

let dataDir: string;
let store: SqliteStore;
let withLlm: LocalConsultant;
let localOnly: LocalConsultant;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'anshin-judge-stats-'));
  store = new SqliteStore({ file: ':memory:' });
  const judgeStats = storeJudgeStats(store, () => NOW);
  nock.disableNetConnect();
  withLlm = await createConsultant({
    config: loadConfig({
      DATA_DIR: dataDir,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `${LLM}/v1`,
      LLM_MAX_RETRIES: '0',
      LLM_TIMEOUT_MS: '300',
    }),
    judgeStats,
  });
  localOnly = await createConsultant({ config: loadConfig({ DATA_DIR: dataDir }), judgeStats });
});
afterEach(() => nock.cleanAll());
afterAll(async () => {
  nock.enableNetConnect();
  await withLlm.close();
  await localOnly.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('judge counters', () => {
  it('count who judged, LLM outcomes by reason, latency and tokens — and nothing else', async () => {
    nock(LLM)
      .post('/v1/chat/completions')
      .reply(200, completion({ prompt_tokens: 1000, completion_tokens: 50 }));
    nock(LLM)
      .post('/v1/chat/completions')
      .reply(200, completion({ prompt_tokens: 800, completion_tokens: 40 }));
    nock(LLM)
      .post('/v1/chat/completions')
      .reply(500, { error: { message: 'boom' } });
    nock(LLM)
      .post('/v1/chat/completions')
      .reply(200, completion({ prompt_tokens: 1, completion_tokens: 1 }).choices);
    nock(LLM)
      .post('/v1/chat/completions')
      .delay(2_000)
      .reply(200, completion({ prompt_tokens: 1, completion_tokens: 1 }));
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await withLlm.consult({ text: SAGAWA }));
    verdicts.push(await localOnly.consult({ text: SAGAWA }));
    verdicts.push(await withLlm.consult({ text: '🙂' })); // nothing to judge: no LLM call
    expect(verdicts.map((v) => v.judgedBy)).toEqual(['llm', 'llm', 'local', 'local', 'local', 'local', 'local']);

    const s = await readJudgeStats(store, WEEK);
    expect(s).toMatchObject({ judgedByLlm: 2, judgedLocally: 5, llmCalls: 5, llmOk: 2, tokensIn: 1800, tokensOut: 90 });
    // By the reason each answer gave (a schema-breaking tool call is classified by judge/llm.ts).
    const reasons: Record<string, number> = {};
    for (const v of verdicts) if (v.fallbackReason) reasons[v.fallbackReason] = (reasons[v.fallbackReason] ?? 0) + 1;
    expect(reasons).toMatchObject({ http_error: 1, timeout: 1 });
    expect(s.fallbacks).toEqual(reasons);
    expect(Object.values(s.latency).reduce((a, b) => a + b, 0)).toBe(5);
    // Counts only: every field is a known counter name, every value a number.
    const raw = await store.mapEntries(keys.judgeStats(WEEK));
    for (const [field, value] of Object.entries(raw)) {
      expect(field).toMatch(
        /^(judged:(llm|local)|llm:(calls|ok|fail:[a-z_]+)|tokens:(in|out)|ms:(\d+|more)|guard:(lowered|floor|dropped:[a-z_]+))$/,
      );
      expect(value).toMatch(/^\d+$/);
    }
    expect(JSON.stringify(raw)).not.toContain('佐川');
  });

  it('a store that fails loses the count, never the answer', async () => {
    const broken = new SqliteStore({ file: ':memory:' });
    await broken.close();
    const stats = storeJudgeStats(broken);
    await expect(stats.record({ judgedBy: 'local' }, undefined)).resolves.toBeUndefined();
  });

  it('ignores garbage in the stored map', async () => {
    const week = '2026-W01';
    await store.mapIncr(keys.judgeStats(week), 'judged:llm', 3);
    await store.mapSet(keys.judgeStats(week), 'judged:local', 'many');
    await store.mapSet(keys.judgeStats(week), 'tokens:in', '-5');
    await store.mapSet(keys.judgeStats(week), 'whatever', '7');
    const s = await readJudgeStats(store, week);
    expect(s).toMatchObject({ judgedByLlm: 3, judgedLocally: 0, tokensIn: 0 });
  });
});

describe('reading the counters', () => {
  it('percentiles are the upper bound of the bucket the rank falls in', () => {
    expect(latencyPercentileMs({}, 0.5)).toBeNull();
    const latency = { '250': 50, '1000': 45, '8000': 4, more: 1 };
    expect(latencyPercentileMs(latency, 0.5)).toBe(250);
    expect(latencyPercentileMs(latency, 0.51)).toBe(1000);
    expect(latencyPercentileMs(latency, 0.95)).toBe(1000);
    expect(latencyPercentileMs(latency, 0.99)).toBe(8000);
    expect(latencyPercentileMs(latency, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(latencyPercentileMs({ '250': 1 }, 0.95)).toBe(LATENCY_BUCKETS_MS[0]);
  });

  it('cost needs a price, and adds input and output at their own prices', () => {
    expect(estimatedCostUsd({ tokensIn: 10_000, tokensOut: 1_000 }, {})).toBeNull();
    expect(
      estimatedCostUsd({ tokensIn: 10_000, tokensOut: 1_000 }, { inputPer1k: 0.00015, outputPer1k: 0.0006 }),
    ).toBeCloseTo(0.0021, 10);
  });

  it('weeks sum field by field', () => {
    const a = {
      week: 'a',
      judgedByLlm: 1,
      judgedLocally: 2,
      llmCalls: 2,
      llmOk: 1,
      fallbacks: { timeout: 1 },
      tokensIn: 5,
      tokensOut: 1,
      latency: { '250': 2 },
      lowered: 1,
      floorHeld: 0,
      dropped: { reassurance: 2 },
    };
    const b = { ...a, week: 'b', fallbacks: { timeout: 2, network: 1 }, latency: { '500': 1 } };
    expect(sumJudgeStats([a, b], 'all')).toMatchObject({
      judgedByLlm: 2,
      judgedLocally: 4,
      fallbacks: { timeout: 3, network: 1 },
      latency: { '250': 2, '500': 1 },
      tokensIn: 10,
    });
  });
});
