import { describe, expect, it } from 'vitest';
import type { UrlIndicator } from '../../src/domain.ts';
import { extractUrls, MAX_URLS, parseUrlCandidate, scanUrls } from '../../src/extract/urls.ts';

const urls = (text: string) => extractUrls(text).map((u) => u.url);
const one = (text: string): UrlIndicator => {
  const found = extractUrls(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('extractUrls: schemes', () => {
  it('reads an https URL with path and query', () => {
    expect(one('ご確認ください https://sagawa-xx.top/abc?id=1&x=2')).toEqual({
      raw: 'https://sagawa-xx.top/abc?id=1&x=2',
      url: 'https://sagawa-xx.top/abc?id=1&x=2',
      host: 'sagawa-xx.top',
      hostUnicode: 'sagawa-xx.top',
      domain: 'sagawa-xx.top',
      tld: 'top',
      isIp: false,
      defanged: false,
      bare: false,
    });
  });

  it('reads an http URL and lower-cases scheme and host in the canonical form', () => {
    const u = one('HTTP://WWW.Example.COM/Path');
    expect(u.url).toBe('http://www.example.com/Path');
    expect(u.host).toBe('www.example.com');
    expect(u.raw).toBe('HTTP://WWW.Example.COM/Path');
  });

  it('drops credentials and fragment from the canonical form (userinfo trick)', () => {
    const u = one('http://amazon.co.jp@evil-login.top/signin#top');
    expect(u.url).toBe('http://evil-login.top/signin');
    expect(u.host).toBe('evil-login.top');
  });

  it('keeps a port', () => {
    expect(one('https://evil.top:8443/a').url).toBe('https://evil.top:8443/a');
  });

  it('reads several URLs in order and deduplicates by canonical URL', () => {
    expect(urls('https://a.example.com/ and HTTPS://A.example.com/ then http://b.example.org/x')).toEqual([
      'https://a.example.com/',
      'http://b.example.org/x',
    ]);
  });

  it('reads a URL whose host is not a known ICANN suffix as nothing (http://localhost, http://evil.zzz)', () => {
    expect(urls('http://localhost:3000/ http://evil.zzz/')).toEqual([]);
  });

  it('reads the registrable domain through a lookalike subdomain', () => {
    const u = one('https://www.amazon.co.jp.verify-login.com/');
    expect(u.domain).toBe('verify-login.com');
    expect(u.tld).toBe('com');
  });
});

describe('extractUrls: bare domains', () => {
  it('reads a bare domain with a path', () => {
    const u = one('sagawa-xx.top/abc');
    expect(u).toMatchObject({ raw: 'sagawa-xx.top/abc', url: 'http://sagawa-xx.top/abc', bare: true, defanged: false });
  });

  it('reads a bare domain with a multi-part suffix (amazon.co.jp)', () => {
    expect(one('amazon.co.jp').domain).toBe('amazon.co.jp');
    expect(one('amazon.co.jp').tld).toBe('co.jp');
  });

  it('reads www. hosts', () => {
    expect(one('www.example.com').url).toBe('http://www.example.com/');
  });

  it.each([
    ['file names', 'file.txt'],
    ['decimals', '3.14'],
    ['Node.js', 'Node.js を使う'],
    ['e.g.', 'e.g. this'],
    ['i.e.', 'i.e. that'],
    ['dates with dots', '2024.11.26'],
    ['version numbers', 'v1.2.3'],
    ['README.md (a TLD that is also a file extension)', 'README.md'],
    ['setup.py', 'setup.py'],
    ['photo.zip', 'photo.zip'],
    ['ASP.NET', 'ASP.NET'],
    ['a sentence with no space after the stop ("account.Click here")', 'Verify your account.Click here'],
    ['Co.Ltd', 'Example Co.Ltd'],
    ['a bare public suffix', 'co.jp'],
    ['prices', '$3.99'],
  ])('does not read %s as a link', (_name, text) => {
    expect(extractUrls(text)).toEqual([]);
  });

  it('reads a file-like TLD when written with a path or a scheme', () => {
    expect(urls('evil.zip/a https://evil.mov/')).toEqual(['http://evil.zip/a', 'https://evil.mov/']);
  });

  it('uses the ICANN registrable domain for private suffixes (foo.web.app → web.app)', () => {
    const u = one('sagawa-check.web.app');
    expect(u.host).toBe('sagawa-check.web.app');
    expect(u.domain).toBe('web.app');
    expect(u.tld).toBe('app');
  });

  it('strips hyphens that decorate a line (-----example.com-----)', () => {
    expect(one('-----example.com-----').raw).toBe('example.com');
  });
});

describe('extractUrls: Japanese around links', () => {
  it('keeps Japanese glued before a bare domain out of the host (下記よりsagawa-xx.top)', () => {
    const u = one('下記よりsagawa-xx.top/abcからご確認ください');
    expect(u.host).toBe('sagawa-xx.top');
    expect(u.raw).toBe('sagawa-xx.top/abc');
  });

  it('keeps Japanese glued after a bare domain out of the host (sagawa-xx.topから)', () => {
    expect(one('sagawa-xx.topから').host).toBe('sagawa-xx.top');
  });

  it('keeps Japanese glued before a scheme out of the URL (こちらhttps://…)', () => {
    expect(one('こちらhttps://evil.top/aへ').raw).toBe('https://evil.top/a');
  });

  it('keeps Japanese glued after a schemed host out of the host (https://evil.topから)', () => {
    expect(one('https://evil.topから確認。次へ').url).toBe('https://evil.top/');
  });

  it.each([
    ['」', '「https://evil.top/a」'],
    ['』', '『https://evil.top/a』'],
    ['。', 'https://evil.top/a。'],
    ['、', 'https://evil.top/a、'],
    [')', '(https://evil.top/a)'],
    [',', 'https://evil.top/a, next'],
    ['.', 'Go to https://evil.top/a.'],
    ['!', 'https://evil.top/a!'],
    ['?', 'https://evil.top/a?'],
  ])('strips trailing %s', (_p, text) => {
    expect(one(text).url).toBe('https://evil.top/a');
  });

  it('keeps balanced brackets inside a path', () => {
    expect(one('https://en.wikipedia.org/wiki/Fraud_(law)').url).toBe('https://en.wikipedia.org/wiki/Fraud_(law)');
  });

  it('accepts 。 and ． as dots inside a host-like run', () => {
    expect(one('sagawa-xx。top').host).toBe('sagawa-xx.top');
    expect(one('sagawa-xx．top').host).toBe('sagawa-xx.top');
  });

  it('reads a full-width URL (NFKC)', () => {
    expect(one('ｈｔｔｐｓ：／／ｓａｇａｗａ－ｘｘ．ｔｏｐ／ａｂｃ').url).toBe('https://sagawa-xx.top/abc');
  });

  it('does not read a sentence stop between Japanese words as a dot', () => {
    expect(extractUrls('ご確認ください。ありがとうございます。')).toEqual([]);
  });
});

describe('extractUrls: defanged forms', () => {
  it.each([
    ['hxxp', 'hxxp://evil.top/a', 'http://evil.top/a'],
    ['hxxps', 'hxxps://evil.top/a', 'https://evil.top/a'],
    ['HXXPS upper-case', 'HXXPS://evil.top/a', 'https://evil.top/a'],
    ['h**p', 'h**p://evil.top/a', 'http://evil.top/a'],
    ['h**ps', 'h**ps://evil.top/a', 'https://evil.top/a'],
    ['ttp (h-less)', 'ttps://evil.top/a', 'https://evil.top/a'],
    ['[.]', 'https://evil[.]top/a', 'https://evil.top/a'],
    ['(.)', 'https://evil(.)top/a', 'https://evil.top/a'],
    ['{.}', 'https://evil{.}top/a', 'https://evil.top/a'],
    ['[dot]', 'https://evil[dot]top/a', 'https://evil.top/a'],
    ['[:]//', 'hxxps[:]//evil[.]top/a', 'https://evil.top/a'],
    ['[://]', 'https[://]evil.top/a', 'https://evil.top/a'],
    ['bare with [.]', 'sagawa-xx[.]top/abc', 'http://sagawa-xx.top/abc'],
    ['bare with spaced [.]', 'sagawa-xx [.] top', 'http://sagawa-xx.top/'],
  ])('reads %s and marks it defanged', (_name, text, url) => {
    const u = one(text);
    expect(u.url).toBe(url);
    expect(u.defanged).toBe(true);
    expect(u.raw).toBe(text);
  });

  it('does not mark a plain link defanged', () => {
    expect(one('https://evil.top/a').defanged).toBe(false);
  });
});

describe('extractUrls: IDN, punycode and IP hosts', () => {
  it('reads a punycode host and gives its Unicode form', () => {
    const u = one('https://xn--80ak6aa92e.com/login');
    expect(u.host).toBe('xn--80ak6aa92e.com');
    expect(u.hostUnicode).toBe('аррӏе.com');
  });

  it('converts a Cyrillic homograph host to punycode', () => {
    const u = one('http://аррӏе.com/login');
    expect(u.host).toBe('xn--80ak6aa92e.com');
    expect(u.hostUnicode).toBe('аррӏе.com');
    expect(u.url).toBe('http://xn--80ak6aa92e.com/login');
  });

  it('reads a bare Cyrillic homograph host', () => {
    expect(one('аррӏе.com').host).toBe('xn--80ak6aa92e.com');
  });

  it('reads a Japanese IDN host after a scheme, without the Japanese that follows it', () => {
    const u = one('http://例え.jpから');
    expect(u.host).toBe('xn--r8jz45g.jp');
    expect(u.hostUnicode).toBe('例え.jp');
  });

  it('reads an IPv4 host with a port', () => {
    const u = one('http://192.168.10.5:8080/login');
    expect(u).toMatchObject({ host: '192.168.10.5', isIp: true, domain: null, tld: null });
    expect(u.url).toBe('http://192.168.10.5:8080/login');
  });

  it('reads a bare IPv4 host with a port and path', () => {
    expect(one('203.0.113.7:8080/a')).toMatchObject({ isIp: true, bare: true, url: 'http://203.0.113.7:8080/a' });
  });

  it('does not read an out-of-range dotted quad as an IP', () => {
    expect(extractUrls('300.1.2.3')).toEqual([]);
  });

  it('reads an IPv6 literal after a scheme', () => {
    expect(one('http://[2001:db8::1]/x')).toMatchObject({ host: '[2001:db8::1]', isIp: true });
  });
});

describe('extractUrls: email addresses', () => {
  it('does not read the domain of an email address as a link', () => {
    expect(extractUrls('info@sagawa-xx.top までご連絡ください')).toEqual([]);
  });

  it('does not read a dotted local part as a link', () => {
    expect(extractUrls('support.amazon.co.jp@evil.top')).toEqual([]);
  });

  it('does not read a defanged email domain as a link', () => {
    expect(extractUrls('info[at]evil[.]top')).toEqual([]);
  });

  it('still reads a link next to an email address', () => {
    expect(urls('info@evil.top https://evil.top/x')).toEqual(['https://evil.top/x']);
  });
});

describe('extractUrls: limits and garbage', () => {
  it('caps 5000 distinct URLs at MAX_URLS by default', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `https://x${i}.example.com/p`).join(' ');
    const found = extractUrls(text);
    expect(found).toHaveLength(MAX_URLS);
    expect(found[0]!.url).toBe('https://x0.example.com/p');
    expect(found[99]!.url).toBe('https://x99.example.com/p');
  });

  it('honours a custom max', () => {
    expect(extractUrls('a.example.com b.example.com c.example.com', { max: 2 })).toHaveLength(2);
  });

  it('returns one link for one URL repeated thousands of times', () => {
    expect(extractUrls('https://evil.top/a '.repeat(5000))).toHaveLength(1);
  });

  it.each([
    ['random code units', Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
    ['emoji only', '😀🎉👍🏽'.repeat(2000)],
    ['only dots', '.'.repeat(10_000)],
    ['one long label', 'a'.repeat(100_000)],
    ['only schemes', 'http://'.repeat(10_000)],
    ['lone surrogates', '\uD800\uDC00\uDFFF\uD83D'.repeat(1000)],
  ])('does not throw on %s', (_name, text) => {
    expect(() => extractUrls(text)).not.toThrow();
  });

  it('does not read a host longer than DNS allows', () => {
    expect(extractUrls(`${'a.'.repeat(200)}com`)).toEqual([]);
  });
});

describe('scanUrls', () => {
  it('gives positions and the plain (refanged) form', () => {
    const text = 'see hxxps://evil[.]top/a now';
    const [m] = [...scanUrls(text)];
    expect(text.slice(m!.start, m!.end)).toBe('hxxps://evil[.]top/a');
    expect(m!.plain).toBe('https://evil.top/a');
  });
});

describe('parseUrlCandidate', () => {
  it('reads a whole string that is one URL', () => {
    expect(parseUrlCandidate('  https://evil.top/a  ')?.url).toBe('https://evil.top/a');
  });

  it('reads a bare domain', () => {
    expect(parseUrlCandidate('sagawa-xx.top')).toMatchObject({ bare: true, host: 'sagawa-xx.top' });
  });

  it('keeps a non-ASCII path of a URL written on its own (QR content)', () => {
    expect(parseUrlCandidate('https://ja.wikipedia.org/wiki/詐欺')?.url).toBe(
      'https://ja.wikipedia.org/wiki/%E8%A9%90%E6%AC%BA',
    );
  });

  it.each([
    ['text before the URL', 'go https://evil.top'],
    ['text that is not a URL', 'こんにちは'],
    ['an empty string', ''],
    ['a file name', 'file.txt'],
    ['a non-http scheme', 'ftp://example.com/'],
    ['a bare domain followed by words', 'evil.top now'],
  ])('returns null for %s', (_name, s) => {
    expect(parseUrlCandidate(s)).toBeNull();
  });
});
