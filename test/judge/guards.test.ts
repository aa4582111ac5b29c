// Guards after either judge: evidence floors, contacts only from our knowledge, no "safe" sentences.
// Fixtures are ours; scam domains and numbers are fictional.
import { describe, expect, it } from 'vitest';
import type { Evidence, Judgement, Verdict } from '../../src/domain.ts';
import {
  applyGuards,
  applyGuardsReport,
  fallbackVerdict,
  type GuardArgs,
  sanitizeVerdict,
} from '../../src/judge/guards.ts';
import type { LlmJudgement } from '../../src/judge/llm-schema.ts';
import { allowed } from './helpers/allowed.ts';

function evidence(over: Partial<Evidence> = {}): Evidence {
  return {
    indicators: {
      text: 'お荷物のお届けにあがりました。',
      invisibleChars: 0,
      truncated: false,
      urls: [],
      phones: [],
      emails: [],
      amounts: [],
      paymentMethods: [],
    },
    signals: [],
    intel: [],
    brands: [],
    articles: [],
    ...over,
  };
}

const intelHit: Partial<Evidence> = {
  intel: [{ kind: 'host', value: 'sagawa-xx.top', source: 'test-feed', listedAt: null, label: null }],
};

function local(over: Partial<Verdict> = {}): Verdict {
  return {
    level: 'caution',
    scamType: 'delivery_sms',
    confidence: 0.7,
    lang: 'ja',
    headline: '注意（詐欺の可能性があります）',
    reasons: ['宅配業者の不在通知をよそおう文面です。'],
    advice: ['リンクは開かないでください。'],
    ifAlreadyActed: ['入力したパスワードは、すぐに変えてください。'],
    contacts: [{ label: { ja: '消費者ホットライン', en: 'Consumer hotline' }, phone: '188' }],
    articles: [],
    signals: ['delivery_lure'],
    brands: [],
    judgedBy: 'local',
    timings: { local: 2 },
    ...over,
  };
}

function judgement(over: Partial<LlmJudgement> = {}): LlmJudgement {
  return {
    level: 'caution',
    scamType: 'delivery_sms',
    confidence: 0.8,
    reasons: ['公式ではないリンクを開かせようとしています。'],
    advice: ['リンクは開かないでください。'],
    injectionSuspected: false,
    ...over,
  };
}

// The guards decide the judgement only: the answer is composed after them, once (test/consult/pipeline.test.ts).
function guard(over: Partial<GuardArgs> = {}): { verdict: Judgement } {
  const verdict = applyGuards({
    local: local(),
    judgement: judgement(),
    evidence: evidence(),
    allowed,
    meta: {
      promptVersion: 'judge.v1',
      model: 'test-model',
      usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
      ms: 321,
    },
    ...over,
  });
  return { verdict };
}

describe('level floor', () => {
  it('keeps danger when the LLM says low for a message with an intel hit', () => {
    const { verdict } = guard({
      local: local({ level: 'danger' }),
      judgement: judgement({ level: 'low', scamType: 'none' }),
      evidence: evidence(intelHit),
    });
    expect(verdict.level).toBe('danger');
    expect(verdict.scamType).toBe('delivery_sms');
  });

  it('treats brand impersonation and strong signals as floors too', () => {
    const impersonated = evidence({
      brands: [
        {
          brandId: 'sagawa',
          name: { ja: '佐川急便', en: 'Sagawa Express' },
          relation: 'impersonated',
          via: 'url',
          officialDomains: ['sagawa-exp.co.jp'],
        },
      ],
    });
    expect(guard({ judgement: judgement({ level: 'low' }), evidence: impersonated }).verdict.level).toBe('caution');
    const strong = evidence({
      signals: [
        { code: 'lookalike_domain', weight: 60, strong: true, scamType: 'phishing', detail: { ja: 'x', en: 'x' } },
      ],
    });
    const { verdict } = guard({
      local: local({ level: 'danger', scamType: 'other' }),
      judgement: judgement({ level: 'low', scamType: 'investment' }),
      evidence: strong,
    });
    expect(verdict.level).toBe('danger');
    expect(verdict.scamType).toBe('phishing');
  });

  it('lets the LLM lower caution to low without strong evidence', () => {
    const { verdict } = guard({ judgement: judgement({ level: 'low', scamType: 'none', confidence: 0.6 }) });
    expect(verdict.level).toBe('low');
    expect(verdict.confidence).toBe(0.6);
    expect(verdict.scamType).toBe('delivery_sms');
  });

  it('lets the LLM lower danger by one step only', () => {
    const { verdict } = guard({ local: local({ level: 'danger' }), judgement: judgement({ level: 'low' }) });
    expect(verdict.level).toBe('caution');
  });

  it('lets the LLM raise the level freely', () => {
    const { verdict } = guard({
      local: local({ level: 'low', scamType: 'none' }),
      judgement: judgement({ level: 'danger', scamType: 'investment' }),
    });
    expect(verdict).toMatchObject({ level: 'danger', scamType: 'investment' });
  });

  it('reads unknown from the LLM as the local level', () => {
    const { verdict } = guard({ judgement: judgement({ level: 'unknown' }) });
    expect(verdict.level).toBe('caution');
    expect(verdict.scamType).toBe(local().scamType);
  });

  it('sets a caution floor when injection is suspected, by the LLM or by a signal', () => {
    const byModel = guard({
      local: local({ level: 'low', scamType: 'none' }),
      judgement: judgement({ level: 'low', scamType: 'none', injectionSuspected: true }),
    });
    expect(byModel.verdict.level).toBe('caution');
    expect(byModel.verdict.scamType).toBe('other');
    const bySignal = guard({
      local: local({ level: 'danger' }),
      judgement: judgement({ level: 'low' }),
      evidence: evidence({
        signals: [{ code: 'prompt_injection', weight: 40, detail: { ja: 'x', en: 'x' } }],
      }),
    });
    expect(bySignal.verdict.level).toBe('danger');
  });

  it('keeps a specific local scam type when the LLM says none or other', () => {
    expect(guard({ judgement: judgement({ scamType: 'other' }) }).verdict.scamType).toBe('delivery_sms');
    expect(guard({ judgement: judgement({ scamType: 'phishing' }) }).verdict.scamType).toBe('phishing');
  });

  it('uses the local confidence when the guards replaced the LLM level, and clamps', () => {
    const { verdict } = guard({
      local: local({ level: 'danger', confidence: 0.93 }),
      judgement: judgement({ level: 'low', confidence: 0 }),
      evidence: evidence(intelHit),
    });
    expect(verdict.confidence).toBe(0.93);
    expect(guard({ judgement: judgement({ confidence: 1.7 }) }).verdict.confidence).toBe(1);
  });
});

describe('what the guards report', () => {
  const args = (over: Partial<GuardArgs>): GuardArgs => ({
    local: local(),
    judgement: judgement(),
    evidence: evidence(),
    allowed,
    meta: { promptVersion: 'judge.v1', model: 'm', ms: 1 },
    ...over,
  });

  it('says when the model lowered weak evidence, and counts the sentences it dropped by reason', () => {
    const { judgement: verdict, report } = applyGuardsReport(
      args({
        judgement: judgement({
          level: 'low',
          reasons: [
            '〇一二〇・九九九・八八八 にお電話ください。',
            'このメッセージは安全です。',
            'LINEで○○を友だち追加して相談してください。',
          ],
        }),
      }),
    );
    expect(verdict.level).toBe('low');
    expect(report).toEqual({ lowered: true, floorHeld: false, dropped: { contact: 1, reassurance: 1, messaging: 1 } });
  });

  it('says when strong evidence held the floor, and then nothing was lowered', () => {
    const { judgement: verdict, report } = applyGuardsReport(
      args({ local: local({ level: 'danger' }), judgement: judgement({ level: 'low' }), evidence: evidence(intelHit) }),
    );
    expect(verdict.level).toBe('danger');
    expect(report).toMatchObject({ lowered: false, floorHeld: true, dropped: {} });
  });
});

describe("the model's sentences", () => {
  it('drops a sentence carrying a phone number that is not in our knowledge', () => {
    const { verdict } = guard({
      judgement: judgement({
        reasons: ['不在通知をよそおっています。', 'お問い合わせは 0120-555-019 へ。', '確認は 03(1234)5678 まで。'],
      }),
    });
    expect(verdict.reasons).toContain('不在通知をよそおっています。');
    expect(JSON.stringify(verdict)).not.toMatch(/555-019|1234\)5678/);
  });

  it('keeps a sentence with an allowed number such as #9110 or 188', () => {
    const { verdict } = guard({
      judgement: judgement({
        reasons: ['心配なときは #9110 に相談できます。', '消費者ホットライン 188 でも相談できます。'],
      }),
    });
    expect(verdict.reasons).toEqual([
      '宅配業者の不在通知をよそおう文面です。',
      '心配なときは #9110 に相談できます。',
      '消費者ホットライン 188 でも相談できます。',
    ]);
  });

  it('drops sentences with links, bare or defanged domains and emails that are not ours', () => {
    const { verdict } = guard({
      judgement: judgement({
        reasons: [
          '確認は https://sevenbank-support-center.xyz/login へ。',
          '確認はsevenbank-support-center.xyzへ。',
          'リンク先は sagawa-xx[.]top です。',
          'support@sevenbank-support-center.xyz に連絡してください。',
          '警察庁のページ https://www.npa.go.jp/ も参考になります。',
        ],
      }),
    });
    expect(verdict.reasons.slice(1)).toEqual(['警察庁のページ https://www.npa.go.jp/ も参考になります。']);
  });

  it('drops sentences that call the message safe, in either language', () => {
    const ja = guard({
      judgement: judgement({ reasons: ['このメッセージは安全です。', '問題ありません。', '不審な点があります。'] }),
    });
    expect(ja.verdict.reasons).toEqual(['宅配業者の不在通知をよそおう文面です。', '不審な点があります。']);
    const en = guard({
      local: local({ lang: 'en', reasons: ['It poses as a delivery notice.'] }),
      judgement: judgement({
        reasons: ['This message is legitimate.', 'It is not a scam.', 'The link is not the official one.'],
      }),
    });
    expect(en.verdict.reasons).toEqual(['It poses as a delivery notice.', 'The link is not the official one.']);
  });

  it('trims, removes invisible characters, deduplicates, and puts local reasons first, at most six', () => {
    const { verdict } = guard({
      local: local({ reasons: ['根拠1', '根拠2', '根拠3'] }),
      judgement: judgement({
        reasons: ['  根拠1 ', '追加\u200Bの根拠', '追加の根拠', '根拠4', '根拠5'],
      }),
    });
    expect(verdict.reasons).toEqual(['根拠1', '根拠2', '根拠3', '追加の根拠', '根拠4', '根拠5']);
  });

  it('drops a sentence hiding a number behind invisible or full-width characters', () => {
    const { verdict } = guard({
      judgement: judgement({ reasons: ['電話は０１２０\u200B－５５５－０１９へ。', '普通の根拠です。'] }),
    });
    expect(verdict.reasons).toEqual(['宅配業者の不在通知をよそおう文面です。', '普通の根拠です。']);
  });

  it('takes advice from the local verdict, not from the model', () => {
    const { verdict } = guard({ judgement: judgement({ advice: ['返信して本人確認をしてください。'] }) });
    // The judgement carries no advice of the model's; the answer's advice is composed from our knowledge.
    expect(JSON.stringify(verdict)).not.toContain('返信して本人確認');
  });

  it('records prompt version, model, usage and the LLM time', () => {
    const { verdict } = guard();
    expect(verdict).toMatchObject({
      judgedBy: 'llm',
      promptVersion: 'judge.v1',
      model: 'test-model',
      usage: { totalTokens: 15 },
      timings: { local: 2, llm: 321 },
    });
    expect(verdict.fallbackReason).toBeUndefined();
  });
});

describe('sanitizeVerdict and fallbackVerdict', () => {
  it('removes advice, steps and contacts with unknown links or numbers, and keeps reasons', () => {
    const v = local({
      reasons: ['リンク先 sagawa-xx[.]top は公式ではありません。'],
      advice: ['リンクは開かないでください。', '0120-555-019 に電話してください。'],
      ifAlreadyActed: ['https://sevenbank-support-center.xyz で手続きしてください。', '#9110 に相談してください。'],
      contacts: [
        { label: { ja: '消費者ホットライン', en: 'Consumer hotline' }, phone: '188' },
        { label: { ja: '窓口', en: 'Desk' }, phone: '0120-555-019' },
        { label: { ja: '偽サイト', en: 'Fake' }, url: 'https://sevenbank-support-center.xyz/' },
        { label: { ja: '警察庁', en: 'NPA' }, url: 'https://www.npa.go.jp/' },
      ],
    });
    const out = sanitizeVerdict(v, allowed);
    expect(out.reasons).toEqual(v.reasons);
    expect(out.advice).toEqual(['リンクは開かないでください。']);
    expect(out.ifAlreadyActed).toEqual(['#9110 に相談してください。']);
    expect(out.contacts.map((c) => c.label.en)).toEqual(['Consumer hotline', 'NPA']);
  });

  it('marks the local verdict as the answer and says why', () => {
    const out = fallbackVerdict(local(), 'timeout');
    expect(out).toMatchObject({ judgedBy: 'local', fallbackReason: 'timeout', level: 'caution' });
  });
});
