import { describe, expect, it } from 'vitest';
import { defangText, defangUrl } from '../../src/extract/defang.ts';

describe('defangUrl', () => {
  it.each([
    ['https URL', 'https://a.example.com/x.html', 'hxxps://a[.]example[.]com/x.html'],
    ['http URL', 'http://evil.top/', 'hxxp://evil[.]top/'],
    ['upper-case scheme', 'HTTP://evil.top', 'hxxp://evil[.]top'],
    ['bare domain', 'sagawa-xx.top/abc', 'sagawa-xx[.]top/abc'],
    ['IP with port', 'http://192.168.0.1:8080/a.php', 'hxxp://192[.]168[.]0[.]1:8080/a.php'],
    ['query with dots', 'https://evil.top/?u=a.b', 'hxxps://evil[.]top/?u=a.b'],
  ])('defangs a %s', (_name, input, output) => {
    expect(defangUrl(input)).toBe(output);
  });

  it('is idempotent', () => {
    const once = defangUrl('https://a.example.com/x');
    expect(defangUrl(once)).toBe(once);
  });
});

describe('defangText', () => {
  it('defangs every link and bare domain and leaves the rest alone', () => {
    expect(defangText('下記よりsagawa-xx.top/abcから https://evil.top/x.html をご確認ください。')).toBe(
      '下記よりsagawa-xx[.]top/abcから hxxps://evil[.]top/x.html をご確認ください。',
    );
  });

  it('rewrites odd dots and defang marks into one defanged form', () => {
    expect(defangText('sagawa-xx。top と hxxp[:]//evil(.)top')).toBe('sagawa-xx[.]top と hxxp://evil[.]top');
  });

  it('defangs more links than extractUrls returns', () => {
    const text = Array.from({ length: 150 }, (_, i) => `https://x${i}.example.com/`).join(' ');
    expect(defangText(text)).not.toMatch(/https?:\/\/|\w\.example/);
  });

  it('defangs the scheme of a link whose host is not public (http://localhost)', () => {
    expect(defangText('http://localhost:3000/')).toBe('hxxp://localhost:3000/');
  });

  it('leaves an email address and ordinary dots alone', () => {
    expect(defangText('info@example.com, Node.js 3.14')).toBe('info@example.com, Node.js 3.14');
  });

  it('is idempotent', () => {
    const once = defangText('https://evil.top/a sagawa-xx.top');
    expect(defangText(once)).toBe(once);
  });

  it('removes invisible characters hidden inside a link before defanging', () => {
    expect(defangText('https://ev\u200Bil.top/a')).toBe('hxxps://evil[.]top/a');
  });
});
