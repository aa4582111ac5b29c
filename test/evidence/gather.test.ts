import { describe, expect, it } from 'vitest';
import { gatherEvidence } from '../../src/evidence/gather.ts';
import { ArticleIndex } from '../../src/evidence/retrieval.ts';
import { extractIndicators } from '../../src/extract/indicators.ts';
import { BrandIndex, loadBrands, parseBrands } from '../../src/knowledge/brands.ts';

const SOURCE = 'https://www.example-shop.co.jp/security/';

/** A small registry: one shop with its own shortener, one bank without. */
const small = new BrandIndex(
  parseBrands([
    {
      id: 'example-shop',
      name: { ja: 'エグザンプル商店', en: 'Example Shop' },
      category: 'ecommerce',
      aliases: ['エグザンプル商店'],
      domains: ['example-shop.co.jp'],
      shorteners: [{ host: 'exs.to', source: SOURCE }],
      contact: { label: { ja: '公式', en: 'Official' }, url: 'https://www.example-shop.co.jp/' },
      confirmation: 'search',
      sources: [{ name: 'Example Shop security page', url: SOURCE }],
    },
    {
      id: 'example-bank',
      name: { ja: 'エグザンプル銀行', en: 'Example Bank' },
      category: 'bank',
      aliases: ['エグザンプル銀行'],
      domains: ['example-bank.co.jp'],
      contact: { label: { ja: '公式', en: 'Official' }, url: 'https://www.example-bank.co.jp/' },
      confirmation: 'top-page',
      sources: [{ name: 'top', url: 'https://www.example-bank.co.jp/' }],
    },
  ]),
);
const depsWith = (brands: BrandIndex) => ({ brands, articles: new ArticleIndex([]), isWellKnown: () => false });
const ev = (text: string, brands = small) => gatherEvidence(extractIndicators(text), 'ja', depsWith(brands));
const codes = (text: string, brands = small) => ev(text, brands).signals.map((s) => s.code);

describe('links on a brand’s own shortener', () => {
  it('are not impersonation when the message names that brand, but get their own milder sentence', () => {
    const e = ev('【エグザンプル商店】ご注文の商品を発送しました。お届け予定はこちら https://exs.to/aB3dE');
    const c = e.signals.map((s) => s.code);
    expect(c).not.toContain('brand_impersonation');
    expect(c).not.toContain('shortener');
    expect(c).not.toContain('official_links');
    const s = e.signals.find((x) => x.code === 'brand_shortener');
    expect(s?.weight).toBe(10);
    expect(s?.strong).toBeUndefined();
    expect(s?.subject).toBe('exs[.]to');
    expect(s?.detail.ja).toContain('エグザンプル商店が使っている短縮URL');
    expect(s?.detail.ja).toContain('公式アプリ');
    expect(s?.detail.en).toContain('short link that Example Shop uses');
    expect(s?.detail.en).toContain('official app');
    expect(e.brands.find((b) => b.brandId === 'example-shop')?.relation).toBe('mentioned');
  });

  it('are still impersonation when the message names another brand', () => {
    const e = ev('【エグザンプル銀行】口座を一時停止しました。再開手続き https://exs.to/aB3dE');
    expect(e.signals.map((s) => s.code)).toEqual(expect.arrayContaining(['brand_impersonation', 'brand_shortener']));
    expect(e.brands.find((b) => b.brandId === 'example-bank')?.relation).toBe('impersonated');
  });

  it('stand on their own as a bare link: the brand’s short link, not an unknown shortener', () => {
    const c = codes('https://exs.to/aB3dE');
    expect(c).toEqual(['brand_shortener']);
  });

  it('leave other links in the same message judged as before', () => {
    const c = codes('【エグザンプル商店】詳細 https://exs.to/aB3dE ログイン https://example-shop.login-check.top/');
    expect(c).toEqual(expect.arrayContaining(['brand_impersonation', 'brand_shortener']));
  });

  it('hold on the real registry: aka.ms for a message naming Microsoft', () => {
    const real = new BrandIndex(loadBrands());
    const c = codes('Microsoft アカウントのセキュリティ情報を確認してください https://aka.ms/mysecurityinfo', real);
    expect(c).toContain('brand_shortener');
    expect(c).not.toContain('brand_impersonation');
    // A public shortener under a brand's name is still a foreign link.
    expect(codes('Microsoft アカウントの確認 https://bit.ly/3xYzAbC', real)).toContain('brand_impersonation');
  });
});
