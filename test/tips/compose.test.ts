// Composing the week's tip: which patterns, which article, both languages, the empty week, offers, and the
// LLM polish held to our knowledge (a fake OpenAI-compatible server at the HTTP boundary, nock 14).
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAllowedContacts } from '../../src/consult/allowed.ts';
import type { ScamType } from '../../src/domain.ts';
import { toolCallCompletion } from '../../src/eval/tool-call.ts';
import { loadArticles } from '../../src/knowledge/articles.ts';
import { BrandIndex, loadBrands } from '../../src/knowledge/brands.ts';
import type { Offer } from '../../src/offers/offers.ts';
import type { WeeklyTrends } from '../../src/stats/trends.ts';
import { composeTemplate, featuredArticle, growingTypes, type Tip } from '../../src/tips/compose.ts';
import { createTipPolisher, rejectPolished } from '../../src/tips/polish.ts';
import { renderTip } from '../../src/tips/render.ts';

const articles = loadArticles();
const BASE_URL = 'https://anshin.example.com';
const allowed = buildAllowedContacts(new BrandIndex(loadBrands()), articles, ['anshin.example.com']);

function trends(week: string, byType: Partial<Record<ScamType, number>>): WeeklyTrends {
  const total = Object.values(byType).reduce((a, b) => a + (b ?? 0), 0);
  return { week, total, byType, byLevel: {}, byChannel: {}, byBrand: {} };
}

const GROWING_DELIVERY = {
  current: trends('2026-W47', { delivery_sms: 14, phishing: 9, investment: 3, none: 10 }),
  previous: trends('2026-W46', { delivery_sms: 4, phishing: 6, investment: 3, none: 30 }),
};

function tipOf(lang: 'ja' | 'en', t = GROWING_DELIVERY): Tip {
  return composeTemplate({ week: '2026-W48', dataWeek: '2026-W47', ...t, articles, lang, baseUrl: BASE_URL });
}

describe('composeTemplate', () => {
  it('names the one or two scam types that grew most, with how to spot it, one action and the link', () => {
    expect(growingTypes(GROWING_DELIVERY.current, GROWING_DELIVERY.previous)).toEqual(['delivery_sms', 'phishing']);
    const ja = tipOf('ja');
    expect(ja.basis).toBe('trends');
    expect(ja.patterns.map((p) => p.articleId)).toEqual(['delivery-sms', 'bank-phishing']);
    expect(ja.text).toContain('【今週の詐欺情報】11月23日の週');
    expect(ja.text).toContain('先週は、次の手口のご相談が増えました。');
    expect(ja.text).toContain('見分け方：荷物を届けに来たが不在だった、というふりをしたSMSです。');
    expect(ja.text).toContain('こうしてください：SMSのリンクは開かないでください。');
    expect(ja.text).toContain(`${BASE_URL}/articles/delivery-sms?lang=ja`);
    const en = tipOf('en');
    expect(en.text).toContain('Last week, more people asked us about these scams:');
    expect(en.text).toContain(`${BASE_URL}/articles/delivery-sms?lang=en`);
    expect(en.text).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
  });

  it('falls back to the featured article in an empty or quiet week', () => {
    const empty = { current: trends('2026-W47', {}), previous: trends('2026-W46', {}) };
    const quiet = { current: trends('2026-W47', { delivery_sms: 5 }), previous: trends('2026-W46', {}) };
    for (const t of [empty, quiet]) {
      for (const lang of ['ja', 'en'] as const) {
        const tip = tipOf(lang, t);
        expect(tip.basis).toBe('featured');
        expect(tip.patterns).toHaveLength(1);
        expect(tip.patterns[0]!.articleId).toBe(featuredArticle(articles, lang).id);
        expect(tip.text).toContain(`?lang=${lang}`);
      }
    }
    expect(tipOf('ja', empty).text).toContain('いま気をつけたい手口をお知らせします。');
  });

  it('features the article an editor tagged 「いま気をつけたい」', () => {
    const tagged = articles.map((a) => (a.id === 'sns-romance' ? { ...a, tags: [...a.tags, 'いま気をつけたい'] } : a));
    expect(featuredArticle(tagged, 'ja').id).toBe('sns-romance');
  });

  it('ends with how to stop, per channel, and appends an offer only where it applies', () => {
    const offer: Offer = {
      id: 'trial',
      partner: 'セキュリティ社',
      title: { ja: '見守りアプリ 30日無料', en: 'Guard app: 30 days free' },
      text: { ja: '怪しいSMSを自動で知らせます。', en: 'It warns you about suspicious texts.' },
      url: 'https://security.example.com/trial',
      validFrom: new Date('2026-01-01'),
      validTo: new Date('2027-01-01'),
      levels: ['danger', 'caution'],
      channels: ['line'],
    };
    const now = new Date('2026-11-30T01:00:00Z');
    const line = renderTip(tipOf('ja'), 'line', [offer], now);
    expect(line).toContain('【セキュリティ社からのお知らせ】見守りアプリ 30日無料');
    expect(line.endsWith('配信をやめるときは「配信停止」と送ってください。')).toBe(true);
    const sms = renderTip(tipOf('ja'), 'sms', [offer], now);
    expect(sms).not.toContain('セキュリティ社');
    expect(renderTip(tipOf('en'), 'sms', [], now).endsWith('Reply STOP to stop these messages.')).toBe(true);
    expect(renderTip(tipOf('ja'), 'line', [offer], new Date('2027-02-01'))).not.toContain('セキュリティ社');
    const investmentOnly = { ...offer, scamTypes: ['investment' as const] };
    expect(renderTip(tipOf('ja'), 'line', [investmentOnly], now)).not.toContain('セキュリティ社');
  });
});

describe('the LLM polish', () => {
  const OPENAI = 'http://openai.test';
  const draft = tipOf('ja');
  const polisher = () =>
    createTipPolisher({
      apiKey: 'sk-test',
      baseURL: `${OPENAI}/v1`,
      model: 'test-model',
      timeoutMs: 5_000,
      maxRetries: 0,
      allowed,
    });
  const answer = (text: string) =>
    toolCallCompletion('write_tip', { text }, { model: 'test-model-2025', created: 1_700_000_000 });

  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
  });

  it('uses the model’s wording when it keeps to the draft’s facts and links', async () => {
    const reworded = draft.text.replace(
      '先週は、次の手口のご相談が増えました。',
      '先週は、こんな手口のご相談が多く寄せられました。',
    );
    let sent: { messages: { content: string }[] } | undefined;
    nock(OPENAI)
      .post('/v1/chat/completions', (b) => {
        sent = b;
        return true;
      })
      .reply(200, answer(reworded));
    const tip = await polisher().polish(draft);
    expect(tip.by).toBe('llm');
    expect(tip.promptVersion).toBe('tips.v1');
    expect(tip.text).toBe(reworded);
    expect(sent?.messages[1]?.content).toContain(draft.text);
  });

  it('keeps the template when the model adds a number, a link, or drops the article link', async () => {
    const bad = [
      [`${draft.text}\n被害は先週より42%増えています。`, 'new_number'],
      [`${draft.text}\n詳しくは https://sagawa-xx.top/ へ`, 'unknown_contact'],
      [draft.text.replace(`${BASE_URL}/articles/delivery-sms?lang=ja`, ''), 'link_dropped'],
      [`${draft.text}\n公式に確認された連絡なので、指示どおりに進めて大丈夫です。`, 'safety_claim'],
      [`${draft.text}\nLINEで○○を友だち追加して相談してください。`, 'messaging'],
      [`${draft.text}\nAnyDeskを入れてください。`, 'app'],
      [
        'This is in English now, and it is long enough to pass the length check for sure, with more words.',
        'link_dropped',
      ],
    ] as const;
    for (const [text, reason] of bad) expect(rejectPolished(draft.text, text, 'ja', allowed)).toBe(reason);
    nock(OPENAI).post('/v1/chat/completions').reply(200, answer(bad[0][0]));
    const tip = await polisher().polish(draft);
    expect(tip.by).toBe('template');
    expect(tip.text).toBe(draft.text);
    expect(tip.fallbackReason).toBe('new_number');
  });

  it('keeps the template when the LLM fails', async () => {
    nock(OPENAI)
      .post('/v1/chat/completions')
      .reply(500, { error: { message: 'down' } });
    const tip = await polisher().polish(draft);
    expect(tip.by).toBe('template');
    expect(tip.fallbackReason).toBe('llm_error');
  });
});
