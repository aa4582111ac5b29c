// What a link's host and path say on their own, without the message around it: lookalikes of brands, risky TLDs,
// IP literals, shorteners, free hosting and random-looking names. Works on bare URLs with an empty intel store.
import { domainToUnicode } from 'node:url';
import type { Signal, UrlIndicator } from '../domain.ts';
import { defangHost } from '../extract/defang.ts';
import type { BrandLookup } from './ports.ts';
import { FREE_HOSTS, LURE_PATH_RE, LURE_WORDS_RE, RESTRICTED_JP_SLDS, RISKY_TLDS, SHORTENERS } from './url-lists.ts';

/** True when host is `parent` or a subdomain of it. */
export function hostIsUnder(host: string, parent: string): boolean {
  return host === parent || host.endsWith(`.${parent}`);
}

const VOWELS_RE = /[aeiouy]/g;
const CONSONANT_RUN_RE = /[bcdfghjklmnpqrstvwxz]{5,}/;

/** A label that looks machine-made: long consonant runs, few vowels, or letters mixed with many digits. */
export function looksRandom(label: string): boolean {
  const letters = label.replace(/[^a-z]/g, '');
  const digits = label.replace(/[^0-9]/g, '').length;
  if (label.length >= 6 && letters.length >= 2 && digits >= 3) return true;
  if (letters.length >= 7) {
    const vowels = (letters.match(VOWELS_RE) ?? []).length;
    if (vowels / letters.length < 0.2) return true;
    if (CONSONANT_RUN_RE.test(letters) && !/(?:sch|tch|ght|str|ngs)/.test(letters)) return true;
  }
  return false;
}

/** Latin letters that other scripts imitate (Cyrillic а, Greek ο, …), mapped back for homoglyph checks. */
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  һ: 'h',
  ӏ: 'l',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  τ: 't',
  ι: 'i',
  κ: 'k',
  ε: 'e',
  ı: 'i',
  ℓ: 'l',
};

function skeleton(s: string): string {
  let out = '';
  for (const ch of s) out += CONFUSABLES[ch] ?? ch;
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/0/g, 'o').replace(/1/g, 'l');
}

const sig = (s: Signal): Signal => s;

/** pref.X.jp, city.X.jp, town.X.jp, vill.X.jp: reserved for Japanese local governments (JPRS geographic names). */
const LOCAL_GOVERNMENT_RE = /(?:^|\.)(?:pref|city|town|vill)\.[a-z-]+\.jp$/;

/** What the web really visits and where anyone can publish: shipped lists (knowledge/url-lists/). */
export interface WebLists {
  /** The registrable domain is among the most visited sites (and not a platform where anyone publishes). */
  isPopular(host: string): boolean;
  /** The platform domain when the host is free hosting, dynamic DNS or a link-in-bio page anyone can make. */
  sharedHostOf(host: string): string | undefined;
  isShortener(host: string): boolean;
}

export const NO_WEB_LISTS: WebLists = {
  isPopular: () => false,
  sharedHostOf: () => undefined,
  isShortener: () => false,
};

export interface UrlContext {
  /** The message is little more than this link: "is this link safe?". */
  linkOnly: boolean;
  /** A well-known legitimate site outside the brand registry. */
  isWellKnown(host: string): boolean;
  web?: WebLists;
  /**
   * Learned probability that a link is a phishing link (judge/model.ts): from its host and path when the link is
   * all there is to judge, from its host alone inside a message (genuine messages carry genuine paths, which
   * the training data's popular hosts lack).
   */
  hostScore?: (u: UrlIndicator, withPath: boolean) => number;
}

/** Learned host score from which a link's address is described as phishing-like in the answer. */
export const PHISHY_LINK_PROBABILITY = 0.5;

/** The platform anyone can publish on that serves this host, if any (free hosting, dynamic DNS, PSL private). */
export function sharedPlatformOf(host: string, ctx: UrlContext): string | undefined {
  return FREE_HOSTS.find((h) => hostIsUnder(host, h)) ?? ctx.web?.sharedHostOf(host);
}

export function isShortenerHost(host: string, domain: string, ctx: UrlContext): boolean {
  return SHORTENERS.has(host) || SHORTENERS.has(domain) || ctx.web?.isShortener(host) === true;
}

/**
 * A link we vouch for as the site it names: a brand's registered domain, or a popular or well-known site that is
 * not a platform where anyone can publish. Such links get no URL signals and no learned score.
 */
export function isVouched(u: UrlIndicator, brands: BrandLookup, ctx: UrlContext): boolean {
  if (brands.byHost(u.host)) return true;
  if (u.isIp || brands.userContentOf(u.host) || sharedPlatformOf(u.host, ctx)) return false;
  if (isShortenerHost(u.host, u.domain ?? u.host, ctx)) return false;
  return ctx.isWellKnown(u.host) || ctx.web?.isPopular(u.host) === true;
}

/** Weight of "a site we do not know" when the link is all there is to judge, and inside a longer message. */
const UNLISTED_LINK_ONLY_WEIGHT = 25;
const UNLISTED_IN_MESSAGE_WEIGHT = 8;

/** Signals for one URL, in the context of the message it came in. */
export function urlSignals(u: UrlIndicator, brands: BrandLookup, ctx: UrlContext): Signal[] {
  const out: Signal[] = [];
  const shown = defangHost(u.hostUnicode !== u.host ? `${u.hostUnicode} (${u.host})` : u.host);
  // The brand's own domain is reported as a BrandMatch, not as a risk; popular and well-known sites are vouched.
  if (isVouched(u, brands, ctx)) return out;
  // Free hosting under a well-known name (sites.google.com, *.web.app) is anyone's page: judged below.
  const platform = brands.userContentOf(u.host);
  const freeHost = sharedPlatformOf(u.host, ctx) ?? (platform ? u.host : undefined);

  if (u.isIp) {
    out.push(
      sig({
        code: 'ip_host',
        weight: 40,
        subject: shown,
        detail: {
          ja: `リンク先が「${shown}」という数字だけの住所です。正規の会社は、このようなリンクをほとんど使いません。`,
          en: `The link goes to a bare IP address (${shown}). Genuine companies almost never send such links.`,
        },
      }),
    );
    return out;
  }
  const domain = u.domain ?? u.host;
  const tld = (u.tld ?? '').toLowerCase();
  const lastLabel = tld.split('.').at(-1) ?? '';

  if (isShortenerHost(u.host, domain, ctx)) {
    out.push(
      sig({
        code: 'shortener',
        weight: 20,
        subject: shown,
        detail: {
          ja: `短縮URL（${shown}）が使われています。本当の行き先が隠されています。`,
          en: `It uses a link shortener (${shown}) that hides where the link really goes.`,
        },
      }),
    );
    return out;
  }

  if (platform && !sharedPlatformOf(u.host, ctx)) {
    // The brand's own host, but pages there are made by its users (group invites, payment links, forms).
    out.push(
      sig({
        code: 'user_content_link',
        weight: 15,
        subject: shown,
        detail: {
          ja: `リンク先（${shown}）は${platform.name.ja}のサービスですが、中のページ（グループ招待、支払い依頼、フォームなど）は誰でも作れます。${platform.name.ja}からの連絡とは限りません。`,
          en: `The link (${shown}) is on ${platform.name.en}, but pages there (group invites, payment requests, forms) can be made by anyone. It is not necessarily from ${platform.name.en}.`,
        },
      }),
    );
  } else if (freeHost) {
    out.push(
      sig({
        code: 'free_hosting',
        weight: ctx.linkOnly ? UNLISTED_LINK_ONLY_WEIGHT : 20,
        subject: shown,
        detail: {
          ja: `リンク先（${shown}）は、誰でも無料で作れるサイトです。会社の公式サイトではありません。`,
          en: `The link (${shown}) is on a free hosting service where anyone can make a site. It is not a company's own site.`,
        },
      }),
    );
  }

  // A brand's name inside someone else's host: sagawa-xx.top, smbc-card.cpokerk.top, www.amazon.co.jp.verify.com.
  const named = brands.brandNameIn(u.host);
  const domainLabel = domain.slice(0, domain.length - tld.length - 1) || domain;
  if (named && RESTRICTED_JP_SLDS.has(tld)) {
    // co.jp, or.jp, go.jp … are only issued to vetted Japanese organisations: a brand's name there is far more
    // often a related company than a phishing site, so it is worth a mention, not an alarm.
    out.push(
      sig({
        code: 'brand_name_in_jp_domain',
        weight: 10,
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} には「${named.name.ja}」の名前が入っていますが、私たちが確認した${named.name.ja}の公式ドメインではありません。`,
          en: `The link ${shown} contains the name ${named.name.en}, but it is not among the official domains we hold for ${named.name.en}.`,
        },
      }),
    );
  } else if (named) {
    const officialDomain = named.domains[0] ?? '';
    const inSubdomain = named.domains.some(
      (d) => u.host.includes(`${d}.`) || u.host.includes(`${d.replace(/\./g, '-')}`),
    );
    out.push(
      sig({
        code: inSubdomain ? 'brand_in_subdomain' : 'lookalike_domain',
        weight: 70,
        strong: true,
        scamType: 'phishing',
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} には「${named.name.ja}」の名前が入っていますが、${named.name.ja}の公式ドメイン ${officialDomain} ではありません。`,
          en: `The link ${shown} contains the name ${named.name.en}, but it is not ${named.name.en}'s official domain ${officialDomain}.`,
        },
      }),
    );
  } else {
    // Typosquats and homoglyphs of official domains: arnazon.co.jp, rakuten-cards.co.jp, аmazon.co.jp (Cyrillic а).
    const uni = domainToUnicode(domain) || domain;
    const uniLabel = uni.split('.')[0] ?? '';
    // A real brand's own domain is never another brand's typosquat (paypay.ne.jp is not paypal.com).
    const near = brands.byHost(domain) ? undefined : brands.nearOfficial(domainLabel, skeleton(uniLabel));
    if (near) {
      const homoglyph = uni !== domain || skeleton(uniLabel) !== uniLabel;
      out.push(
        sig({
          code: homoglyph ? 'homoglyph_domain' : 'typosquat_domain',
          weight: 70,
          strong: true,
          scamType: 'phishing',
          subject: shown,
          detail: homoglyph
            ? {
                ja: `リンク先 ${shown} は、${near.brand.name.ja}の公式ドメイン ${near.domain} に見た目を似せた、別の文字のドメインです。`,
                en: `The link ${shown} imitates ${near.brand.name.en}'s official domain ${near.domain} with look-alike characters.`,
              }
            : {
                ja: `リンク先 ${shown} は、${near.brand.name.ja}の公式ドメイン ${near.domain} に一文字ちがいで似せた偽物です。`,
                en: `The link ${shown} is a misspelling of ${near.brand.name.en}'s official domain ${near.domain}.`,
              },
        }),
      );
    }
  }

  const path = u.url.slice(u.url.indexOf(u.host) + u.host.length).split(/[?#]/)[0] ?? '';
  const inPath = named
    ? undefined
    : brands.brandNameIn(
        path
          .replace(/[/_]+/g, '.')
          .replace(/^\.+|\.+$/g, '')
          .toLowerCase(),
      );
  if (inPath) {
    out.push(
      sig({
        code: 'brand_in_path',
        weight: 30,
        scamType: 'phishing',
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} は、ページの住所に「${inPath.name.ja}」の名前を入れていますが、${inPath.name.ja}のサイトではありません。`,
          en: `The link ${shown} puts the name ${inPath.name.en} in its path, but it is not ${inPath.name.en}'s site.`,
        },
      }),
    );
  }

  if (u.host.startsWith('xn--') || u.host.includes('.xn--')) {
    out.push(
      sig({
        code: 'idn_host',
        weight: 20,
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} には、英字に似せた特殊な文字が使われている可能性があります。`,
          en: `The link ${shown} uses international characters, which can imitate Latin letters.`,
        },
      }),
    );
  }

  if (RISKY_TLDS.has(lastLabel) && !RESTRICTED_JP_SLDS.has(tld)) {
    out.push(
      sig({
        code: 'risky_tld',
        weight: 25,
        subject: shown,
        detail: {
          ja: `リンク先の末尾が「.${lastLabel}」です。誰でも安く取れるため、詐欺サイトによく使われます。日本の銀行や宅配業者は、まず使いません。`,
          en: `The link ends in ".${lastLabel}", a cheap domain ending often used by scam sites and almost never by Japanese banks or delivery firms.`,
        },
      }),
    );
  }

  const restricted = RESTRICTED_JP_SLDS.has(tld) || LOCAL_GOVERNMENT_RE.test(u.host);
  const labels = u.host
    .slice(0, u.host.length - domain.length)
    .split('.')
    .filter(Boolean);
  const randomish = !restricted && (looksRandom(domainLabel) || labels.some((l) => l.length >= 12 && looksRandom(l)));
  if (randomish) {
    out.push(
      sig({
        code: 'random_domain',
        weight: 15,
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} は、意味のない文字の並びの名前です。使い捨ての詐欺サイトによくある特徴です。`,
          en: `The link ${shown} has a meaningless, machine-made name, typical of throwaway scam sites.`,
        },
      }),
    );
  }
  if (!restricted && (LURE_WORDS_RE.test(u.host) || (domainLabel.match(/-/g) ?? []).length >= 2)) {
    out.push(
      sig({
        code: 'lure_host',
        weight: 12,
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} の名前に「login」「verify」などの言葉や多くのハイフンがあり、正規のページらしく見せかけています。`,
          en: `The link ${shown} uses words like "login" or "verify" or many hyphens to look official.`,
        },
      }),
    );
  }
  if (!restricted && LURE_PATH_RE.test(u.url.slice(u.url.indexOf(u.host) + u.host.length))) {
    out.push(
      sig({
        code: 'lure_path',
        weight: 8,
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} は、ログインや個人情報の入力を求めるページのようです。`,
          en: `The link ${shown} appears to lead to a login or details-entry page.`,
        },
      }),
    );
  }
  const p = ctx.hostScore?.(u, ctx.linkOnly);
  if (p !== undefined && p >= PHISHY_LINK_PROBABILITY && !restricted) {
    out.push(
      sig({
        code: 'phishy_link',
        weight: Math.round(p * 40),
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} は、これまでに報告された多くの詐欺サイトと似た作りの住所です。`,
          en: `The address ${shown} is built like many addresses reported as phishing sites.`,
        },
      }),
    );
  }
  if (!restricted && !freeHost) {
    out.push(
      sig({
        code: 'unlisted_site',
        weight: ctx.linkOnly ? UNLISTED_LINK_ONLY_WEIGHT : UNLISTED_IN_MESSAGE_WEIGHT,
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} は、私たちが確認している会社や役所の公式サイトではありません。知らないサイトでは、IDやカード番号を入力しないでください。`,
          en: `The link ${shown} is not an official site of any company or office we know. Do not enter IDs or card numbers on sites you do not know.`,
        },
      }),
    );
  }
  if (/:\d+(?:\/|$)/.test(u.url.replace(/^https?:\/\//, '').split('/')[0] ?? '') && !/:(?:80|443)$/.test(u.host)) {
    out.push(
      sig({
        code: 'odd_port',
        weight: 15,
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} は、普通のサイトでは使わない番号（ポート）を指定しています。`,
          en: `The link ${shown} uses an unusual port number, which ordinary sites do not.`,
        },
      }),
    );
  }
  return out;
}
