// The brand index: hosts, numbers, senders, mentions in text and brand names inside hosts, on the real registry.
import { describe, expect, it } from 'vitest';
import { BrandIndex, loadBrands } from '../../../src/knowledge/brands.ts';

const brands = loadBrands();
const index = new BrandIndex(brands);
const byId = new Map(brands.map((b) => [b.id, b]));

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
