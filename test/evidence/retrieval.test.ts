import { describe, expect, it } from 'vitest';
import { ArticleIndex, tokenize } from '../../src/evidence/retrieval.ts';
import { loadArticles } from '../../src/knowledge/articles.ts';

const articles = loadArticles();
const index = new ArticleIndex(articles);

describe('tokenize', () => {
  it('makes bigrams of Japanese runs and words of Latin text', () => {
    expect(tokenize('還付金 ATM')).toEqual(['還付', '付金', 'atm']);
  });
  it('drops kana-only function bigrams and English stop words', () => {
    expect(tokenize('これは the parcel')).toEqual(['parcel']);
  });
});

describe('article retrieval', () => {
  it('ranks every article first for each of its own examples (retrieval accuracy ≥ 0.9)', () => {
    let hits = 0;
    let total = 0;
    const misses: string[] = [];
    for (const a of articles) {
      for (const ex of a.examples) {
        total += 1;
        const top = index.search(ex, a.lang, { limit: 1 })[0];
        if (top?.id === a.id) hits += 1;
        else misses.push(`${a.lang}/${a.id} → ${top?.id}: ${ex.slice(0, 40)}`);
      }
    }
    expect(total).toBeGreaterThan(30);
    expect(hits / total, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the delivery article for a delivery smish that is not among the examples', () => {
    const top = index.search('【日本郵便】ご不在のため、お荷物を持ち帰りました。再配達はこちらから', 'ja')[0];
    expect(top?.scamType).toBe('delivery_sms');
  });

  it('answers in English from English articles when they exist', () => {
    const top = index.search('Your parcel could not be delivered. Reschedule delivery here', 'en')[0];
    expect(top?.lang).toBe('en');
  });

  it('lifts articles of the judged scam type', () => {
    const top = index.search('お金', 'ja', { scamType: 'refund' })[0];
    expect(top?.scamType).toBe('refund');
  });

  it('returns nothing for text with no shared words', () => {
    expect(index.search('🙂🙂🙂', 'ja')).toEqual([]);
  });
});
