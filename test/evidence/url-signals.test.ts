import { describe, expect, it } from 'vitest';
import { gatherEvidence } from '../../src/evidence/gather.ts';
import { ArticleIndex } from '../../src/evidence/retrieval.ts';
import { extractIndicators } from '../../src/extract/indicators.ts';
import { BrandIndex, loadBrands } from '../../src/knowledge/brands.ts';
import { isUnderAny, loadWellKnown } from '../../src/knowledge/well-known.ts';

const brands = new BrandIndex(loadBrands());
const wellKnown = loadWellKnown();
const deps = { brands, articles: new ArticleIndex([]), isWellKnown: (h: string) => isUnderAny(h, wellKnown) };
const signalsOf = (text: string) => gatherEvidence(extractIndicators(text), 'ja', deps).signals;
const codes = (text: string) => signalsOf(text).map((s) => s.code);

describe('URL signals', () => {
  it('lookalike: a brand name inside someone else’s host', () => {
    const s = signalsOf('http://smbc-card.cpokerk.top/jn/jp/index.jsp');
    expect(s.map((x) => x.code)).toContain('lookalike_domain');
    expect(s.find((x) => x.code === 'lookalike_domain')?.strong).toBe(true);
  });

  it('brand in the subdomain of another domain', () => {
    expect(codes('https://www.amazon.co.jp.verify-login.com/ap/signin')).toContain('brand_in_subdomain');
  });

  it('typosquat: one letter off an official domain', () => {
    expect(codes('https://www.dokomo.ne.jp/login')).toContain('typosquat_domain');
  });

  it('homoglyph: Cyrillic letters imitating a brand domain', () => {
    // "аmazon" with a Cyrillic а (U+0430)
    const c = codes('https://\u0430mazon.co.jp/');
    expect(c.some((x) => x === 'homoglyph_domain' || x === 'idn_host')).toBe(true);
  });

  it('risky TLD, random name and lure path', () => {
    expect(codes('https://jhfkrijd-ppqz.top/login.php')).toEqual(expect.arrayContaining(['risky_tld', 'lure_path']));
  });

  it('brand in the path of another domain', () => {
    expect(codes('https://evil-site.com/amazon.co.jp/signin')).toContain('brand_in_path');
  });

  it('free hosting under a well-known name is still anyone’s page', () => {
    expect(codes('https://sites.google.com/view/smbc-login')).toEqual(
      expect.arrayContaining(['free_hosting', 'brand_in_path']),
    );
  });

  it('one real brand’s domain is never called a typosquat of another (paypay.ne.jp vs paypal.com)', () => {
    expect(codes('https://paypay.ne.jp/')).not.toContain('typosquat_domain');
    expect(codes('https://qr.paypay.ne.jp/abc')).not.toContain('typosquat_domain');
    expect(codes('https://qr.paypay.ne.jp/abc')).toContain('user_content_link');
  });

  it('IP-literal host', () => {
    expect(codes('http://172.94.96.195/')).toContain('ip_host');
  });

  it('URL shortener', () => {
    expect(codes('https://bit.ly/3xYzAbC')).toContain('shortener');
  });

  it('free hosting', () => {
    expect(codes('https://secure-login-jp.web.app/')).toContain('free_hosting');
  });

  it('a bare link to a site we do not know is worth caution; inside a long message it weighs little', () => {
    const alone = signalsOf('https://qazwsxplm.com/').find((s) => s.code === 'unlisted_site');
    expect(alone?.weight).toBeGreaterThanOrEqual(25);
    const inMessage = signalsOf(
      '昨日話していたお店のホームページです。土曜日のランチ、ここにしませんか。 https://qazwsxplm.com/',
    ).find((s) => s.code === 'unlisted_site');
    expect(inMessage?.weight).toBeLessThan(25);
  });

  it('official and well-known sites raise no URL signal', () => {
    for (const url of [
      'https://www.sagawa-exp.co.jp/',
      'https://www.smbc-card.com/mem/index.jsp',
      'https://www.nta.go.jp/',
      'https://www.google.com/search?q=x',
      'https://ja.wikipedia.org/wiki/特殊詐欺',
      'https://www.city.yokohama.lg.jp/',
    ]) {
      expect(
        signalsOf(url).filter((s) => s.weight > 0),
        url,
      ).toEqual([]);
      expect(codes(url), url).toContain('official_links');
    }
  });
});

describe('brand evidence, both ways', () => {
  const ev = (text: string) => gatherEvidence(extractIndicators(text), 'ja', deps);

  it('a message claiming a brand but linking elsewhere is impersonation, with the official domain named', () => {
    const e = ev('【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。 http://sagawa-xx.top/');
    const s = e.signals.find((x) => x.code === 'brand_impersonation');
    expect(s?.strong).toBe(true);
    expect(s?.detail.ja).toContain('sagawa-xx[.]top');
    expect(s?.detail.ja).toContain('sagawa-exp.co.jp');
    expect(e.brands.find((b) => b.brandId === 'sagawa')?.relation).toBe('impersonated');
  });

  it('a link on the brand’s real domain is said to be the brand’s', () => {
    const e = ev('【佐川急便】お届け予定のお知らせです。 https://www.sagawa-exp.co.jp/');
    expect(e.brands.find((b) => b.brandId === 'sagawa')?.relation).toBe('official');
    expect(e.signals.map((x) => x.code)).not.toContain('brand_impersonation');
  });

  it('an overseas number is reported with its last digits hidden', () => {
    const s = ev('至急こちらへお電話ください +1-202-555-0143').signals.find((x) => x.code === 'international_phone');
    expect(s?.detail.ja).not.toContain('0143');
    expect(s?.detail.ja).toContain('+1-202-555-01××');
  });

  it('an intel hit is strong evidence with source and date', () => {
    const intel = {
      lookup: () => [
        {
          kind: 'host' as const,
          value: 'evil.example',
          source: 'jpcert-phishurl',
          listedAt: '2025-08-01T10:00:00+09:00',
          label: 'x',
        },
      ],
    };
    const e = gatherEvidence(extractIndicators('https://evil.example/'), 'ja', { ...deps, intel });
    const s = e.signals.find((x) => x.code === 'intel_hit');
    expect(s?.strong).toBe(true);
    expect(s?.detail.ja).toContain('jpcert-phishurl');
    expect(s?.detail.ja).toContain('2025-08-01');
  });
});
