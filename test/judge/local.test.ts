// The learned local judge on shapes the issue names. Assertions hold for any model trained from the data: they
// follow from rules outside the model, the sign bounds, or the evidence itself, not from one trained weight.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createConsultant, type LocalConsultant } from '../../src/consult/consultant.ts';
import { LEVEL_RANK } from '../../src/domain.ts';
import { compose } from '../../src/judge/compose.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'anshin-local-'));
let c: LocalConsultant;
beforeAll(async () => {
  c = await createConsultant({ config: loadConfig({ DATA_DIR: dataDir }) });
});
afterAll(async () => {
  await c.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const judge = (text: string) => c.consultLocal(text);
const atLeast = (level: string, min: 'caution' | 'danger') =>
  LEVEL_RANK[level as keyof typeof LEVEL_RANK] >= LEVEL_RANK[min];

describe('what the police state as certain is danger', () => {
  it.each([
    '還付金があります。ATMで手続きしてください。',
    'キャッシュカードが不正に使われています。これから銀行の職員が自宅にカードを取りに伺います。',
    '警察です。あなたの口座が犯罪に使われています。資産を守るため、指定の口座にお金を移してください。',
  ])('%s', (text) => {
    const v = judge(text);
    expect(v.level).toBe('danger');
    // The rule that decided leads the reasons.
    expect(v.reasons[0]).toMatch(/ATM|キャッシュカード|警察/);
  });

  it('is not triggered by a warning that narrates the same words', () => {
    const v = judge(
      '市役所の職員を名乗り「還付金がある。ATMで手続きできる」などと言う詐欺の電話が多発しています。ご注意ください。',
    );
    expect(v.signals).toContain('report_style');
    expect(v.level).not.toBe('danger');
  });
});

describe('one-time codes', () => {
  it('a code delivered to you is not a request for it', () => {
    for (const text of [
      '【メルカリ】認証番号:482913 この番号を画面に入力してください。',
      'Your Google verification code is 482913. Do not share it with anyone.',
    ]) {
      const v = judge(text);
      expect(v.signals).toContain('otp_notice');
      expect(v.signals).not.toContain('credential_request');
      expect(v.level).toBe('low');
    }
  });

  it('a message asking for the code back is still flagged', () => {
    const v = judge('認証コードが届いたら、このメッセージに返信して教えてください');
    expect(v.signals).toContain('credential_request');
    expect(atLeast(v.level, 'caution')).toBe(true);
  });
});

describe('brands, links and what the evidence may say', () => {
  it('a brand, a problem and a request to act is flagged even without a link, and says to use the official app', () => {
    const v = judge('【三井住友銀行】お客様の口座を一時的に凍結しました。お手続きを完了してください。');
    expect(v.signals).toContain('brand_problem_action');
    expect(atLeast(v.level, 'caution')).toBe(true);
    expect(v.reasons.join('')).toContain('公式アプリ');
  });

  it('a message without a link never gets a sentence about a link', () => {
    const v = judge('【重要】お客様のアカウントで不正なログインを検知しました。至急ご確認ください。');
    for (const code of ['link_with_lure', 'unlisted_site', 'official_links', 'phishy_link']) {
      expect(v.signals).not.toContain(code);
    }
    expect(v.reasons.join('')).not.toMatch(/リンク先/);
  });

  it('a popular platform domain is not a lookalike of the brand in its name', () => {
    for (const url of ['https://www.googletagmanager.com/gtag/js?id=G-1', 'https://images-na.ssl-images-amazon.com/']) {
      const v = judge(url);
      expect(v.signals).not.toContain('lookalike_domain');
      expect(v.level).toBe('low');
    }
  });

  it('an open redirect is unwrapped: the target is judged, the redirector vouches for nothing', () => {
    const v = judge('見て https://www.google.com/url?q=https://sagawa-xx.top/abc&sa=D');
    expect(v.signals).toContain('redirect_link');
    expect(v.signals).not.toContain('official_links');
    expect(v.level).toBe('danger');
    expect(v.reasons.join('')).toContain('sagawa-xx[.]top');
  });

  it('the README example still names the lookalike against the official domain first', () => {
    const v = judge(
      '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xx.top/',
    );
    expect(v.level).toBe('danger');
    expect(v.reasons[0]).toContain('sagawa-exp.co.jp');
    expect(typeof v.score).toBe('number');
  });
});

describe('advice fits the message', () => {
  it('an unpaid-tax text leads to the tax article, not one-click billing', () => {
    const v = judge('国税庁です。未納の税金があります。本日中にお支払いください');
    expect(v.articles[0]?.id).toBe('tax-unpaid');
  });

  it('a relative asking for gift cards is an impersonation, not a fake bill', () => {
    const v = c.consultLocal(
      'Grandma, it is me. I am in trouble, please buy Apple gift cards and send me the codes',
      'en',
    );
    expect(v.scamType).toBe('impersonation_call');
  });

  it('a phishing text that names no bank, carrier or tax office gets the general steps, not an article’s', () => {
    const ev = c.evidenceLocal(
      'Your balance will be held. Complete your KYC today, office phone 555 0100',
      'en',
    ).evidence;
    const v = compose('caution', 'phishing', ev, 'en', c.articleIndex);
    expect(v.advice).toEqual(compose('caution', 'other', { ...ev, articles: [] }, 'en', c.articleIndex).advice);
    expect(v.articles.map((a) => a.id)).not.toContain('tax-unpaid');
  });

  it('a carrier text leads to the carrier article, and its "do not open the link" only when there is a link', () => {
    const text = 'NTT docomo: your phone charges are unpaid and your line will be suspended today.';
    const bare = c.evidenceLocal(`${text} Call 03-1234-5678.`, 'en').evidence;
    const linked = c.evidenceLocal(`${text} Pay at hxxps://docomo-pay[.]top/`, 'en').evidence;
    const withoutLink = compose('danger', 'phishing', bare, 'en', c.articleIndex);
    const withLink = compose('danger', 'phishing', linked, 'en', c.articleIndex);
    expect(withoutLink.articles[0]?.id).toBe('carrier-sms');
    expect(withLink.articles[0]?.id).toBe('carrier-sms');
    expect(withLink.advice.some((a) => /do not open the link/i.test(a))).toBe(true);
    expect(withoutLink.advice.some((a) => /do not open the link/i.test(a))).toBe(false);
    expect(withoutLink.advice.length).toBeGreaterThan(0);
  });

  it('with no clear type, the advice is general, not the first article’s', () => {
    const ev = c.evidenceLocal('QRコードを読み取って駐車料金をお支払いください').evidence;
    expect(ev.articles[0]?.id).toBe('qr-code');
    const other = compose('danger', 'other', ev, 'ja', c.articleIndex);
    const typed = compose('danger', 'phishing', ev, 'ja', c.articleIndex);
    expect(other.advice).not.toEqual(typed.advice);
    expect(other.advice).toEqual(compose('danger', 'other', { ...ev, articles: [] }, 'ja', c.articleIndex).advice);
  });
});
