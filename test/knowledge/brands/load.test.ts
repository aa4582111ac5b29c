// The brand registry file and its loading: every entry valid, sourced and unambiguous; invalid data refused with
// the entry and the field named.
import { parse as parseTld } from 'tldts';
import { describe, expect, it } from 'vitest';
import { FREE_HOSTS, SHORTENERS } from '../../../src/evidence/url-lists.ts';
import { type Brand, BrandIndex, BrandRegistryError, loadBrands, parseBrands } from '../../../src/knowledge/brands.ts';

const brands = loadBrands();
const index = new BrandIndex(brands);
const byId = new Map(brands.map((b) => [b.id, b]));

/** Brands the brief and the JPCERT/CC phishing list (most-impersonated descriptions) require. */
const REQUIRED_IDS = [
  // banks
  'seven-bank',
  'yucho',
  'mufg-bank',
  'smbc-bank',
  'mizuho-bank',
  'resona-bank',
  'rakuten-bank',
  'paypay-bank',
  'sbi-sumishin',
  'ja-bank',
  'aeon-bank',
  'sony-bank',
  'jibun-bank',
  'yokohama-bank',
  'hokkaido-bank',
  'smtb',
  'gmo-aozora',
  'rokin',
  'chase',
  // regional banks (issue 9: lookalikes of banks not yet in the registry)
  'joyo-bank',
  'shizuoka-bank',
  'kyoto-bank',
  'gunma-bank',
  '77-bank',
  'hiroshima-bank',
  'hachijuni-bank',
  'hokuyo-bank',
  'iyo-bank',
  'ogaki-kyoritsu-bank',
  'hyakugo-bank',
  'nanto-bank',
  'chugoku-bank',
  'hokuriku-bank',
  'toho-bank',
  // cards
  'smbc-card',
  'jcb',
  'aeon-card',
  'saison',
  'uc-card',
  'epos',
  'nicos',
  'rakuten-card',
  'orico',
  'lifecard',
  'amex',
  'd-card',
  'au-pay-card',
  'viewcard',
  'ts-cubic',
  'micard',
  'aplus',
  'jaccs',
  'resona-card',
  'diners',
  'pocketcard',
  'mastercard',
  'visa',
  'aiful',
  // carriers
  'docomo',
  'au',
  'softbank',
  'rakuten-mobile',
  'ymobile',
  'uq-mobile',
  'povo',
  'ahamo',
  // delivery
  'yamato',
  'sagawa',
  'japanpost',
  'seino',
  'dhl',
  // e-commerce and tech
  'amazon',
  'rakuten',
  'mercari',
  'yahoo-japan',
  'apple',
  'google',
  'microsoft',
  'line',
  'paypay',
  'netflix',
  'zozotown',
  'yodobashi',
  'mitsukoshi-isetan',
  'paypal',
  'biglobe',
  'plala',
  // transport
  'ekinet',
  'jr-east',
  'mobile-suica',
  'etc-meisai',
  'nexco-east',
  'nexco-central',
  'nexco-west',
  'ana',
  'jal',
  // securities
  'sbi-sec',
  'monex',
  'rakuten-sec',
  'nomura',
  'daiwa',
  'matsui',
  // government and public contact points
  'nta',
  'e-tax',
  'npa',
  'soumu',
  'mhlw',
  'nenkin',
  'digital-agency',
  'mynaportal',
  'caa',
  'kokusen',
  'police-consultation',
  'consumer-hotline',
  'antiphishing',
  'nhk',
  // utilities
  'tepco',
  'kepco',
  'tokyo-gas',
];

describe('brand registry file', () => {
  it('loads at least 80 brands with unique ids', () => {
    expect(brands.length).toBeGreaterThanOrEqual(80);
    expect(new Set(brands.map((b) => b.id)).size).toBe(brands.length);
  });

  it('contains every required brand', () => {
    const missing = REQUIRED_IDS.filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
  });

  it('cites at least one https source for every entry', () => {
    for (const b of brands) {
      expect(b.sources.length, b.id).toBeGreaterThan(0);
      for (const s of b.sources) expect(new URL(s.url).protocol, `${b.id} ${s.url}`).toBe('https:');
    }
  });

  it('lists only valid host names under a known public suffix', () => {
    for (const b of brands) {
      for (const d of [...b.domains, ...b.sharedDomains]) {
        const p = parseTld(d);
        expect(p.hostname, `${b.id} ${d}`).toBe(d);
        expect(p.isIcann, `${b.id} ${d} has no known public suffix`).toBe(true);
        expect(p.domain, `${b.id} ${d} is a bare public suffix`).not.toBeNull();
      }
    }
  });

  it('gives no domain to two brands unless both list it as shared', () => {
    const owners = new Map<string, string[]>();
    for (const b of brands) for (const d of b.domains) owners.set(d, [...(owners.get(d) ?? []), b.id]);
    for (const [d, ids] of owners) expect(ids, d).toHaveLength(1);
    const sharers = new Map<string, string[]>();
    for (const b of brands) for (const d of b.sharedDomains) sharers.set(d, [...(sharers.get(d) ?? []), b.id]);
    for (const [d, ids] of sharers) {
      expect(ids.length, d).toBeGreaterThanOrEqual(2);
      expect(owners.has(d), d).toBe(false);
    }
  });

  it('never lists a URL shortener or a free hosting platform as official', () => {
    for (const b of brands) {
      for (const d of [...b.domains, ...b.sharedDomains]) {
        expect(SHORTENERS.has(d), `${b.id} ${d}`).toBe(false);
        const free = FREE_HOSTS.find((f) => d === f || d.endsWith(`.${f}`));
        expect(free, `${b.id} ${d}`).toBeUndefined();
      }
    }
    // A free platform under a brand's domain (sites.google.com) must be marked as user content, never official.
    for (const f of FREE_HOSTS) expect(index.byHost(f), f).toBeUndefined();
    for (const s of SHORTENERS) expect(index.byHost(s), s).toBeUndefined();
  });

  it('has aliases for every entry and points contact links at official hosts', () => {
    for (const b of brands) {
      expect(b.aliases.length, b.id).toBeGreaterThan(0);
      for (const a of b.aliases) expect(a.trim(), b.id).not.toBe('');
      const host = new URL(b.contact.url).hostname;
      expect(index.byHost(host), `${b.id} contact ${host}`).toBeDefined();
    }
  });

  it('cites, for every shortener, mail domain and SMS sender, one of the entry’s own sources', () => {
    let facts = 0;
    for (const b of brands) {
      const cited = new Set(b.sources.map((s) => s.url));
      for (const f of [...b.shorteners, ...b.mailDomains, ...b.smsSenders, ...b.sharedSmsSenders]) {
        expect(cited.has(f.source), `${b.id} ${JSON.stringify(f)}`).toBe(true);
        facts += 1;
      }
    }
    expect(facts).toBeGreaterThanOrEqual(30);
  });

  it('lists as a brand’s shortener only hosts the brand alone can make links on', () => {
    const publicShorteners = ['bit.ly', 'tinyurl.com', 'goo.gl', 'is.gd', 't.co', 'ow.ly', 'cutt.ly', 'x.gd', 'lin.ee'];
    const hosts = brands.flatMap((b) => b.shortenerHosts);
    expect(hosts).toEqual(expect.arrayContaining(['g.co', 'aka.ms']));
    for (const h of hosts) {
      expect(publicShorteners, h).not.toContain(h);
      expect(index.byHost(h), `${h} is an official domain, not a shortener`).toBeUndefined();
    }
  });

  it('gives an SMS sender to one brand, and a relay number only to brands that all mark it shared', () => {
    const own = new Map<string, string>();
    for (const b of brands) {
      for (const { sender } of b.smsSenders) {
        const found = index.bySmsSender(sender);
        expect(found?.id, `${b.id} ${sender}`).toBe(b.id);
        expect(own.has(sender), sender).toBe(false);
        own.set(sender, b.id);
      }
      for (const { sender } of b.sharedSmsSenders) {
        expect(index.bySmsSender(sender), sender).toBeUndefined();
        expect(index.brandsBySmsSender(sender).length, sender).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('keeps a top-page-only entry to the single domain its top page shows', () => {
    for (const b of brands.filter((x) => x.confirmation === 'top-page')) {
      expect(b.domains.length, b.id).toBeLessThanOrEqual(1);
    }
  });
});

describe('parseBrands', () => {
  const valid = {
    id: 'example-co',
    name: { ja: '例', en: 'Example' },
    category: 'other',
    aliases: ['例社'],
    domains: ['example.co.jp'],
    contact: { label: { ja: '公式', en: 'Official' }, url: 'https://www.example.co.jp/' },
    confirmation: 'top-page',
    sources: [{ name: 'top', url: 'https://www.example.co.jp/' }],
  };

  it('names the entry and the field of invalid data', () => {
    const bad = { ...valid, sources: [{ name: 'top', url: 'http://www.example.co.jp/' }] };
    expect(() => parseBrands([bad])).toThrow(BrandRegistryError);
    expect(() => parseBrands([bad])).toThrow(/"example-co" field "sources\.0\.url"/);
    expect(() => parseBrands([{ ...valid, domains: ['Example.co.jp'] }])).toThrow(/field "domains\.0"/);
    expect(() => parseBrands([{ ...valid, category: 'casino' }])).toThrow(/field "category"/);
    expect(() => parseBrands([{ ...valid, userContent: ['sites.example.com'] }])).toThrow(/field "userContent"/);
  });

  it('refuses duplicate ids and a domain claimed by two brands', () => {
    expect(() => parseBrands([valid, valid])).toThrow(/duplicate id/);
    expect(() => parseBrands([valid, { ...valid, id: 'other-co' }])).toThrow(/example\.co\.jp is already "example-co"/);
  });

  const src = valid.sources[0]?.url ?? '';

  it('checks shorteners, mail domains and SMS senders, naming the entry and the field', () => {
    const bad = (extra: object) => () => parseBrands([{ ...valid, ...extra }]);
    expect(bad({ shorteners: [{ host: 'ex.to', source: 'https://elsewhere.example/' }] })).toThrow(
      /"example-co" field "shorteners\.0\.source": https:\/\/elsewhere\.example\/ is not one of the entry's sources/,
    );
    expect(bad({ shorteners: ['ex.to'] })).toThrow(/field "shorteners\.0"/);
    expect(bad({ shorteners: [{ host: 'EX.TO', source: src }] })).toThrow(/field "shorteners\.0\.host"/);
    expect(bad({ shorteners: [{ host: 'go.example.co.jp', source: src }] })).toThrow(
      /field "shorteners": go\.example\.co\.jp is under the official domain example\.co\.jp/,
    );
    expect(bad({ mailDomains: [{ host: 'mail.example.co.jp', source: src }] })).toThrow(/field "mailDomains"/);
    expect(bad({ smsSenders: [{ sender: '0032069000 (SoftBank)', source: src }] })).toThrow(
      /field "smsSenders\.0\.sender": write a number .* without notes in brackets/,
    );
    expect(bad({ smsSenders: ['0120-000-000'] })).toThrow(/field "smsSenders\.0"/);
    expect(bad({ smsSenders: [{ sender: '', source: src }] })).toThrow(/field "smsSenders\.0\.sender"/);
    expect(bad({ smsSenders: [{ sender: '0120-000-000', source: src, note: 'x' }] })).toThrow(/field "smsSenders\.0"/);
  });

  it('refuses a sender two brands claim, and a shared relay number only one brand cites', () => {
    const other = { ...valid, id: 'other-co', domains: ['other.co.jp'] };
    const sender = (n: string) => [{ sender: n, source: src }];
    expect(() =>
      parseBrands([
        { ...valid, smsSenders: sender('0120-000-000') },
        { ...other, smsSenders: sender('+81 120 000 000') },
      ]),
    ).toThrow(/"other-co" field "smsSenders": \+81 120 000 000 is already "example-co"'s/);
    expect(() => parseBrands([{ ...valid, sharedSmsSenders: sender('0032069000') }])).toThrow(
      /"example-co" field "sharedSmsSenders": 0032069000 is shared with no other brand/,
    );
    expect(() =>
      parseBrands([
        { ...valid, sharedSmsSenders: sender('0032069000') },
        { ...other, smsSenders: sender('0032-06-9000') },
      ]),
    ).toThrow(/field "sharedSmsSenders": 0032069000 is also in "other-co" smsSenders/);
    const [a, b] = parseBrands([
      { ...valid, sharedSmsSenders: sender('0032069000') },
      { ...other, sharedSmsSenders: sender('0032-06-9000') },
    ]) as [Brand, Brand];
    const small = new BrandIndex([a, b]);
    expect(small.bySmsSender('0032069000')).toBeUndefined();
    expect(small.byPhone('0032069000')).toBeUndefined();
    expect(small.brandsBySmsSender('0032069000').map((x) => x.id)).toEqual(['example-co', 'other-co']);
  });

  it('lets a group’s brands share one shortener, each citing its own page', () => {
    const other = { ...valid, id: 'other-co', domains: ['other.co.jp'] };
    const short = [{ host: 'ex.to', source: src }];
    const list = parseBrands([
      { ...valid, shorteners: short },
      { ...other, shorteners: short },
    ]);
    const small = new BrandIndex(list);
    expect(small.shortenerOf('ex.to')?.id).toBe('example-co');
    expect(small.shortenerBrandsOf('EX.TO.').map((b) => b.id)).toEqual(['example-co', 'other-co']);
    expect(list[0]?.shortenerHosts).toEqual(['ex.to']);
  });

  it('drops a token two brands derive equally rather than guess', () => {
    const a = { ...valid, id: 'a', domains: ['acme-bank.co.jp'] };
    const b = { ...valid, id: 'b', domains: ['acme-card.co.jp'] };
    const [ba, bb] = parseBrands([a, b]) as [Brand, Brand];
    expect(ba.tokens).toEqual(['acme-bank']);
    expect(bb.tokens).toEqual(['acme-card']);
  });
});
