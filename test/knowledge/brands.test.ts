import { parse as parseTld } from 'tldts';
import { describe, expect, it } from 'vitest';
import { FREE_HOSTS, SHORTENERS } from '../../src/evidence/url-lists.ts';
import { type Brand, BrandIndex, BrandRegistryError, loadBrands, parseBrands } from '../../src/knowledge/brands.ts';

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

describe('BrandIndex.byHost', () => {
  it('finds a brand by its domain and any subdomain, not by substring', () => {
    expect(index.byHost('sagawa-exp.co.jp')?.id).toBe('sagawa');
    expect(index.byHost('www.sagawa-exp.co.jp')?.id).toBe('sagawa');
    expect(index.byHost('WWW.Sagawa-Exp.co.jp.')?.id).toBe('sagawa');
    expect(index.byHost('sagawa-exp.co.jp.evil.top')).toBeUndefined();
    expect(index.byHost('xsagawa-exp.co.jp')).toBeUndefined();
    expect(index.byHost('www.amazon.co.jp.verify-login.com')).toBeUndefined();
  });

  it('prefers the most specific listed host', () => {
    expect(index.byHost('direct.jp-bank.japanpost.jp')?.id).toBe('yucho');
    expect(index.byHost('trackings.post.japanpost.jp')?.id).toBe('japanpost');
    expect(index.byHost('dcard.docomo.ne.jp')?.id).toBe('d-card');
    expect(index.byHost('www.docomo.ne.jp')?.id).toBe('docomo');
    expect(index.byHost('network.mobile.rakuten.co.jp')?.id).toBe('rakuten-mobile');
    expect(index.byHost('www.rakuten.co.jp')?.id).toBe('rakuten');
    expect(index.byHost('www.e-tax.nta.go.jp')?.id).toBe('e-tax');
  });

  it('never calls a page anyone can publish official, even under a brand domain', () => {
    expect(index.byHost('sites.google.com')).toBeUndefined();
    expect(index.byHost('docs.google.com')).toBeUndefined();
    expect(index.byHost('accounts.google.com')?.id).toBe('google');
    expect(index.byHost('line.me')).toBeUndefined();
    expect(index.userContentOf('line.me')?.id).toBe('line');
    expect(index.brandNameIn('line.me')).toBeUndefined();
    expect(index.officialHosts().has('line.me')).toBe(false);
  });

  it('tells a customer mail domain from the brand speaking', () => {
    expect(index.byMailDomain('docomo.ne.jp')).toBeUndefined();
    expect(index.customerMailOf('docomo.ne.jp')?.id).toBe('docomo');
    expect(index.byMailDomain('mail.yahoo.co.jp')?.id).toBe('yahoo-japan');
    expect(index.byMailDomain('yahoo.co.jp')).toBeUndefined();
    expect(index.byMailDomain('id.apple.com')?.id).toBe('apple');
  });

  it('returns every sharer of a group domain', () => {
    expect(
      index
        .brandsByHost('www.lycorp.co.jp')
        .map((b) => b.id)
        .sort(),
    ).toEqual(['line', 'yahoo-japan']);
  });
});

describe('BrandIndex.byPhone', () => {
  it('matches published numbers in E.164, national and short forms', () => {
    expect(index.byPhone('+81333830101')?.id).toBe('epos');
    expect(index.byPhone('03-3383-0101')?.id).toBe('epos');
    expect(index.byPhone('#9110')?.id).toBe('police-consultation');
    expect(index.byPhone('188')?.id).toBe('consumer-hotline');
    expect(index.byPhone('0120936795')?.id).toBe('smbc-card');
    expect(index.byPhone('+81 90 1234 5678')).toBeUndefined();
  });

  it('covers a brand’s own SMS sender numbers, but not short codes or a shared relay number', () => {
    expect(index.byPhone('+81570666910')?.id).toBe('rakuten-card');
    expect(index.byPhone('0570-666-910')?.id).toBe('rakuten-card');
    expect(index.byPhone('+81356650771')?.id).toBe('resona-card');
    expect(index.byPhone('0032069000')).toBeUndefined();
    expect(index.byPhone('0032-06-9000')).toBeUndefined();
    expect(index.bySmsSender('21092')?.id).toBe('rakuten-card');
    expect(index.byPhone('21092')?.id).toBe('rakuten-card');
    expect(index.officialPhones().has('0570666910')).toBe(false);
  });

  it('exposes contact numbers as digits for the answer guards', () => {
    const phones = index.officialPhones();
    expect(phones.has('9110')).toBe(true);
    expect(phones.has('188')).toBe(true);
    expect(phones.has('0120232886')).toBe(true);
    for (const p of phones) expect(p).toMatch(/^\d+$/);
  });

  it('exposes official hosts for the answer guards', () => {
    const hosts = index.officialHosts();
    expect(hosts.has('sagawa-exp.co.jp')).toBe(true);
    expect(hosts.has('lycorp.co.jp')).toBe(true);
    expect(hosts.has('sagawa-xx.top')).toBe(false);
  });
});

describe('BrandIndex.bySmsSender', () => {
  it('finds a brand by a sender number in E.164, national or hyphenated form', () => {
    expect(index.bySmsSender('+81120936795')?.id).toBe('smbc-card');
    expect(index.bySmsSender('0120-936-795')?.id).toBe('smbc-card');
    expect(index.bySmsSender('0120936795')?.id).toBe('smbc-card');
    expect(index.bySmsSender('+81 6 6445 3474')?.id).toBe('smbc-card');
    expect(index.bySmsSender('0120-101-258')?.id).toBe('jcb');
    expect(index.bySmsSender('+81 90 1234 5678')).toBeUndefined();
  });

  it('finds a brand by a sender name, ignoring width, case and spaces', () => {
    expect(index.bySmsSender('NTT DOCOMO')?.id).toBe('docomo');
    expect(index.bySmsSender('ＮＴＴ　ＤＯＣＯＭＯ')?.id).toBe('docomo');
    expect(index.bySmsSender('ntt docomo')?.id).toBe('docomo');
    expect(index.bySmsSender('NTT')).toBeUndefined();
    expect(index.bySmsSender('')).toBeUndefined();
  });

  it('names every brand that cites a shared relay number, and no single owner', () => {
    expect(index.bySmsSender('0032069000')).toBeUndefined();
    expect(
      index
        .brandsBySmsSender('0032-06-9000')
        .map((b) => b.id)
        .sort(),
    ).toEqual(['jcb', 'rakuten-card', 'resona-card', 'smbc-card']);
    expect(index.brandsBySmsSender('0120-936-795').map((b) => b.id)).toEqual(['smbc-card']);
    expect(index.brandsBySmsSender('0000')).toEqual([]);
  });
});

describe('BrandIndex.shortenerOf and mail-only domains', () => {
  it('finds the brand whose own shortener a host is, never a public shortener', () => {
    expect(index.shortenerOf('g.co')?.id).toBe('google');
    expect(index.shortenerOf('AKA.MS')?.id).toBe('microsoft');
    expect(index.shortenerOf('bit.ly')).toBeUndefined();
    expect(index.shortenerOf('g.co.evil.top')).toBeUndefined();
    expect(index.byHost('g.co')).toBeUndefined();
  });

  it('knows mail the brand sends from a delivery domain, without vouching for links there', () => {
    expect(index.byMailDomain('ad02clickmailer.jp')?.id).toBe('rakuten-card');
    expect(index.byMailDomain('sumitclub.jp')?.id).toBe('diners');
    expect(index.byMailDomain('okbnet.ne.jp')?.id).toBe('ogaki-kyoritsu-bank');
    expect(index.byHost('ad02clickmailer.jp')).toBeUndefined();
    expect(index.brandNameIn('smbcgroup-point.jp')).toBeUndefined();
    expect(index.byMailDomain('smbcgroup-point.jp')?.id).toBe('smbc-card');
  });

  it('shares SMBC Card’s mail domain with Resona Card, as both pages say', () => {
    expect(
      index
        .brandsByHost('statementb-r.vpass.ne.jp')
        .map((b) => b.id)
        .sort(),
    ).toEqual(['resona-card', 'smbc-card']);
    expect(index.brandNameIn('vpass-login.top')?.id).toBe('smbc-card');
  });
});

describe('BrandIndex.mentions', () => {
  const ids = (text: string) => index.mentions(text).map((m) => m.brand.id);

  it('finds the brand a delivery SMS claims to be', () => {
    const found = index.mentions('【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。');
    expect(found).toHaveLength(1);
    expect(found[0]?.brand.id).toBe('sagawa');
    expect(found[0]?.index).toBe(1);
  });

  it('matches short Latin aliases only as whole words', () => {
    expect(ids('August')).toEqual([]);
    expect(ids('ETCetera')).toEqual([]);
    expect(ids('see the notes, etc.')).toEqual([]);
    expect(ids('JALAN and BANANA')).toEqual([]);
    expect(ids('au PAY')).toEqual(['au']);
    expect(ids('auからのお知らせ')).toEqual(['au']);
    expect(ids('【ETC利用照会サービス】')).toEqual(['etc-meisai']);
    expect(ids('JAL マイル')).toEqual(['jal']);
  });

  it('prefers the longest alias and never overlaps', () => {
    expect(ids('楽天カードのご利用')).toEqual(['rakuten-card']);
    expect(ids('au PAY カードのご利用')).toEqual(['au-pay-card']);
    expect(ids('auじぶん銀行')).toEqual(['jibun-bank']);
    expect(ids('SMBCモビットと三井住友カード')).toEqual(['smbc-mobit', 'smbc-card']);
  });

  it('normalises full-width text and ignores Latin case', () => {
    expect(ids('ＡＭＡＺＯＮより')).toEqual(['amazon']);
    expect(ids('ａｕ ＰＡＹ')).toEqual(['au']);
    expect(ids('amazon prime')).toEqual(['amazon']);
  });

  it('does not count a brand domain inside a link or e-mail address as a mention', () => {
    expect(ids('https://www.amazon.co.jp/gp/your-account')).toEqual([]);
    expect(ids('hxxps://sagawa-exp.co.jp.evil[.]top/login')).toEqual([]);
    expect(ids('amazon.co.jp.verify-login.com/signin')).toEqual([]);
    expect(ids('送信元 info@sagawa-exp.co.jp')).toEqual([]);
    expect(ids('Amazon.co.jpをご利用いただきありがとうございます')).toEqual(['amazon']);
  });

  it('names regional banks and card brands without catching place names', () => {
    expect(ids('【京都銀行】お客さま情報の確認')).toEqual(['kyoto-bank']);
    expect(ids('しずぎんアプリ')).toEqual(['shizuoka-bank']);
    expect(ids('七十七銀行からのお知らせ')).toEqual(['77-bank']);
    expect(ids('ダイナースクラブ会員様')).toEqual(['diners']);
    expect(ids('東京銀座のお店')).toEqual([]);
    expect(ids('北国の春')).toEqual([]);
  });

  it('does not find brands inside unrelated words', () => {
    expect(ids('ライオンの歯みがき')).toEqual([]);
    expect(ids('オリコンチャート')).toEqual([]);
    expect(ids('online deadline')).toEqual([]);
  });
});

describe('BrandIndex.brandNameIn', () => {
  it('finds a brand name inside someone else’s host', () => {
    expect(index.brandNameIn('sagawa-xx.top')?.id).toBe('sagawa');
    expect(index.brandNameIn('www.amazon.co.jp.verify-login.com')?.id).toBe('amazon');
    expect(index.brandNameIn('smbc-card.cpokerk.top')?.id).toBe('smbc-card');
    expect(index.brandNameIn('eposcard-login.top')?.id).toBe('epos');
    expect(index.brandNameIn('rakuten-co-jp.xyz')?.id).toBe('rakuten');
    expect(index.brandNameIn('jcb.co.jp.evil.top')?.id).toBe('jcb');
  });

  it('stays silent on official hosts and on words that merely contain a short token', () => {
    expect(index.brandNameIn('www.sagawa-exp.co.jp')).toBeUndefined();
    expect(index.brandNameIn('www.rakuten-card.co.jp')).toBeUndefined();
    expect(index.brandNameIn('deposit-bonus.top')).toBeUndefined();
    expect(index.brandNameIn('online-bank.top')).toBeUndefined();
    expect(index.brandNameIn('purchase.example')).toBeUndefined();
    expect(index.brandNameIn('oricon.co.jp')).toBeUndefined();
    expect(index.brandNameIn('jcbx.top')).toBeUndefined();
    expect(index.brandNameIn('storage.googleapis.com')).toBeUndefined();
    expect(index.brandNameIn('okinawa-travel.com')).toBeUndefined();
    expect(index.brandNameIn('akita-onsen.jp')).toBeUndefined();
    expect(index.brandNameIn('bestdiners.com')).toBeUndefined();
  });

  it('finds regional banks’ and card brands’ names in lookalike hosts', () => {
    expect(index.brandNameIn('hirogin-login.top')?.id).toBe('hiroshima-bank');
    expect(index.brandNameIn('www.shizuokabank.co.jp.verify.top')?.id).toBe('shizuoka-bank');
    expect(index.brandNameIn('77bank-secure.xyz')?.id).toBe('77-bank');
    expect(index.brandNameIn('okinawa-bank.account-check.top')?.id).toBe('okinawa-bank');
    expect(index.brandNameIn('dinersclub-jp.top')?.id).toBe('diners');
    expect(index.brandNameIn('resonacard-info.top')?.id).toBe('resona-card');
  });

  it('exposes tokens on each brand, short ones only as whole labels', () => {
    expect(byId.get('sagawa')?.tokens).toContain('sagawa');
    expect(byId.get('amazon')?.tokens).toContain('amazon');
    expect(byId.get('smbc-bank')?.tokens).toContain('smbc');
    expect(byId.get('rakuten')?.tokens).toContain('rakuten');
    expect(byId.get('mercari')?.tokens).toContain('mercari');
    expect(byId.get('aeon-card')?.tokens).toContain('aeon');
    expect(byId.get('epos')?.tokens).toContain('epos');
    expect(byId.get('jcb')?.tokens).toContain('jcb');
    const owners = new Map<string, string>();
    for (const b of brands) {
      for (const t of b.tokens) {
        expect(owners.get(t), `token ${t}`).toBeUndefined();
        owners.set(t, b.id);
      }
    }
  });
});

describe('BrandIndex.nearOfficial', () => {
  it('finds one-edit misspellings and homoglyph skeletons of official labels', () => {
    expect(index.nearOfficial('arnazon', 'amazon')?.domain).toBe('amazon.co.jp');
    expect(index.nearOfficial('rakuten-cards', 'rakuten-cards')?.domain).toBe('rakuten-card.co.jp');
    expect(index.nearOfficial('amazon', 'amazon')).toBeUndefined();
    expect(index.nearOfficial('example', 'example')).toBeUndefined();
  });
});
