import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../src/extract/indicators.ts';

const hosts = (text: string) => extractIndicators(text).urls.map((u) => [u.host, u.wrappedIn ?? null]);

describe('links inside links', () => {
  it('unwraps an open redirect in the query and marks the target with its wrapper', () => {
    expect(hosts('見て https://www.google.com/url?q=https://sagawa-xx.top/abc&sa=D')).toEqual([
      ['www.google.com', null],
      ['sagawa-xx.top', 'www.google.com'],
    ]);
  });

  it('decodes targets encoded once or twice, and finds a second scheme in the path', () => {
    expect(hosts('http://click.mail.example.com/track?url=https%3A%2F%2Fevil.top%2Flogin')).toContainEqual([
      'evil.top',
      'click.mail.example.com',
    ]);
    expect(hosts('https://r.example.net/out?u=https%253A%252F%252Fbad.icu%252Fx')).toContainEqual([
      'bad.icu',
      'r.example.net',
    ]);
    expect(hosts('https://proxy.example.org/https://phish.example.top/jp')).toContainEqual([
      'phish.example.top',
      'proxy.example.org',
    ]);
  });

  it('leaves ordinary query parameters and self-links alone', () => {
    expect(hosts('https://shop.example.jp/item?q=shoes&ref=top')).toEqual([['shop.example.jp', null]]);
    expect(hosts('https://a.example.com/?next=https://a.example.com/home')).toEqual([['a.example.com', null]]);
  });

  it('reads tel: links as phone numbers', () => {
    expect(extractIndicators('お電話は tel:+81-3-1234-5678 まで').phones.map((p) => p.e164)).toEqual(['+81312345678']);
  });
});
