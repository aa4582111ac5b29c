import { describe, expect, it } from 'vitest';
import { hostFeatureNames, hostFeatures, pathFeatureNames, urlFeatures } from '../../src/learn/url-features.ts';

describe('link features', () => {
  it('describe the shape of a host: suffix, n-grams of the label, counts and subdomains', () => {
    const names = hostFeatureNames('login.sagawa-xx.top');
    expect(names).toContain('sfx:top');
    expect(names).toContain('g:^sa');
    expect(names).toContain('hy:1');
    expect(names).toContain('sub:login');
    expect(hostFeatureNames('203.0.113.5')).toEqual(['ip']);
    expect(hostFeatureNames('www.example.co.jp')).toContain('www');
    expect(hostFeatureNames('www.example.co.jp')).toContain('sfx:co.jp');
  });

  it('see words of the path, never its length', () => {
    expect(pathFeatureNames('https://a.example/jp/login.php?id=1')).toEqual(
      expect.arrayContaining(['p:has', 'pt:jp', 'pt:login', 'pt:php', 'p:query', 'p:page']),
    );
    expect(pathFeatureNames('https://a.example/')).toEqual([]);
  });

  it('hash to the same sorted row every time, with counts capped', () => {
    const a = urlFeatures('https://x.example/a/a/a/a', 'x.example');
    const b = urlFeatures('https://x.example/a/a/a/a', 'x.example');
    expect([...a.idx]).toEqual([...b.idx]);
    expect([...a.idx]).toEqual([...a.idx].sort((x, y) => x - y));
    expect(Math.max(...a.val)).toBeLessThanOrEqual(3);
    expect(hostFeatures('x.example').idx.length).toBeLessThan(a.idx.length);
  });
});
