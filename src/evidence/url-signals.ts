// What a link's host and path say on their own, without the message around it: lookalikes of brands, risky TLDs,
// IP literals, shorteners, free hosting and random-looking names. Works on bare URLs with an empty intel store.
// urlSignals is the list of checks in the order they run; each family of signals is one function, below or, for a
// brand's borrowed name, in url-brand-signals.ts.
import type { Signal, UrlIndicator } from '../domain.ts';
import { looksRandom } from './host-shape.ts';
import type { BrandLookup } from './ports.ts';
import { borrowedNameSignals, brandInPathSignals, misspeltDomainSignals } from './url-brand-signals.ts';
import {
  isShortenerHost,
  isVouched,
  type LinkFacts,
  linkFacts,
  sharedPlatformOf,
  type UrlContext,
} from './url-context.ts';
import { LURE_PATH_RE, LURE_WORDS_RE, RESTRICTED_JP_SLDS, RISKY_TLDS } from './url-lists.ts';

/** Learned host score from which a link's address is described as phishing-like in the answer. */
export const PHISHY_LINK_PROBABILITY = 0.5;

/** Weight of "a site we do not know" when the link is all there is to judge, and inside a longer message. */
const UNLISTED_LINK_ONLY_WEIGHT = 25;
const UNLISTED_IN_MESSAGE_WEIGHT = 8;

/** Signals for one URL, in the context of the message it came in. */
export function urlSignals(u: UrlIndicator, brands: BrandLookup, ctx: UrlContext): Signal[] {
  // The brand's own domain is reported as a BrandMatch, not as a risk; popular and well-known sites are vouched.
  if (isVouched(u, brands, ctx)) return [];
  const link = linkFacts(u, brands, ctx);
  // A bare IP address or a shortener hides where the link goes: nothing else about its name is worth saying.
  const hidden = hiddenTargetSignal(link, ctx);
  if (hidden) return [hidden];
  const named = brands.brandNameIn(u.host);
  return [
    ...hostingSignals(link, ctx),
    ...(named ? borrowedNameSignals(link, named) : misspeltDomainSignals(link, brands)),
    ...(named ? [] : brandInPathSignals(link, brands)),
    ...scriptAndEndingSignals(link),
    ...nameShapeSignals(link),
    ...learnedScoreSignals(link, ctx),
    ...unlistedSiteSignals(link, ctx),
    ...oddPortSignals(link),
  ];
}

function hiddenTargetSignal({ u, shown, domain }: LinkFacts, ctx: UrlContext): Signal | undefined {
  if (u.isIp) {
    return {
      code: 'ip_host',
      weight: 40,
      subject: shown,
      detail: {
        ja: `リンク先が「${shown}」という数字だけの住所です。正規の会社は、このようなリンクをほとんど使いません。`,
        en: `The link goes to a bare IP address (${shown}). Genuine companies almost never send such links.`,
      },
    };
  }
  if (isShortenerHost(u.host, domain, ctx)) {
    return {
      code: 'shortener',
      weight: 20,
      subject: shown,
      detail: {
        ja: `短縮URL（${shown}）が使われています。本当の行き先が隠されています。`,
        en: `It uses a link shortener (${shown}) that hides where the link really goes.`,
      },
    };
  }
  return undefined;
}

/** Who can publish at the host: a brand's platform for its users' pages, or free hosting anyone can use. */
function hostingSignals({ u, shown, platform, freeHost }: LinkFacts, ctx: UrlContext): Signal[] {
  if (platform && !sharedPlatformOf(u.host, ctx)) {
    // The brand's own host, but pages there are made by its users (group invites, payment links, forms).
    return [
      {
        code: 'user_content_link',
        weight: 15,
        subject: shown,
        detail: {
          ja: `リンク先（${shown}）は${platform.name.ja}のサービスですが、中のページ（グループ招待、支払い依頼、フォームなど）は誰でも作れます。${platform.name.ja}からの連絡とは限りません。`,
          en: `The link (${shown}) is on ${platform.name.en}, but pages there (group invites, payment requests, forms) can be made by anyone. It is not necessarily from ${platform.name.en}.`,
        },
      },
    ];
  }
  if (freeHost) {
    return [
      {
        code: 'free_hosting',
        weight: ctx.linkOnly ? UNLISTED_LINK_ONLY_WEIGHT : 20,
        subject: shown,
        detail: {
          ja: `リンク先（${shown}）は、誰でも無料で作れるサイトです。会社の公式サイトではありません。`,
          en: `The link (${shown}) is on a free hosting service where anyone can make a site. It is not a company's own site.`,
        },
      },
    ];
  }
  return [];
}

/** Letters that may imitate Latin ones (punycode), and an ending that scam sites favour. */
function scriptAndEndingSignals({ u, shown, tld }: LinkFacts): Signal[] {
  const out: Signal[] = [];
  const lastLabel = tld.split('.').at(-1) ?? '';
  if (u.host.startsWith('xn--') || u.host.includes('.xn--')) {
    out.push({
      code: 'idn_host',
      weight: 20,
      subject: shown,
      detail: {
        ja: `リンク先 ${shown} には、英字に似せた特殊な文字が使われている可能性があります。`,
        en: `The link ${shown} uses international characters, which can imitate Latin letters.`,
      },
    });
  }
  if (RISKY_TLDS.has(lastLabel) && !RESTRICTED_JP_SLDS.has(tld)) {
    out.push({
      code: 'risky_tld',
      weight: 25,
      subject: shown,
      detail: {
        ja: `リンク先の末尾が「.${lastLabel}」です。誰でも安く取れるため、詐欺サイトによく使われます。日本の銀行や宅配業者は、まず使いません。`,
        en: `The link ends in ".${lastLabel}", a cheap domain ending often used by scam sites and almost never by Japanese banks or delivery firms.`,
      },
    });
  }
  return out;
}

/** A name that looks machine-made or dressed up as a login page, in the host or in the path. */
function nameShapeSignals({ u, shown, domain, domainLabel, restricted }: LinkFacts): Signal[] {
  const out: Signal[] = [];
  const labels = u.host
    .slice(0, u.host.length - domain.length)
    .split('.')
    .filter(Boolean);
  const randomish = !restricted && (looksRandom(domainLabel) || labels.some((l) => l.length >= 12 && looksRandom(l)));
  if (randomish) {
    out.push({
      code: 'random_domain',
      weight: 15,
      subject: shown,
      detail: {
        ja: `リンク先 ${shown} は、意味のない文字の並びの名前です。使い捨ての詐欺サイトによくある特徴です。`,
        en: `The link ${shown} has a meaningless, machine-made name, typical of throwaway scam sites.`,
      },
    });
  }
  if (!restricted && (LURE_WORDS_RE.test(u.host) || (domainLabel.match(/-/g) ?? []).length >= 2)) {
    out.push({
      code: 'lure_host',
      weight: 12,
      subject: shown,
      detail: {
        ja: `リンク先 ${shown} の名前に「login」「verify」などの言葉や多くのハイフンがあり、正規のページらしく見せかけています。`,
        en: `The link ${shown} uses words like "login" or "verify" or many hyphens to look official.`,
      },
    });
  }
  if (!restricted && LURE_PATH_RE.test(u.url.slice(u.url.indexOf(u.host) + u.host.length))) {
    out.push({
      code: 'lure_path',
      weight: 8,
      subject: shown,
      detail: {
        ja: `リンク先 ${shown} は、ログインや個人情報の入力を求めるページのようです。`,
        en: `The link ${shown} appears to lead to a login or details-entry page.`,
      },
    });
  }
  return out;
}

/** The learned host score (judge/model.ts), when it finds the address built like reported phishing sites. */
function learnedScoreSignals({ u, shown, restricted }: LinkFacts, ctx: UrlContext): Signal[] {
  const p = ctx.hostScore?.(u, ctx.linkOnly);
  if (p !== undefined && p >= PHISHY_LINK_PROBABILITY && !restricted) {
    return [
      {
        code: 'phishy_link',
        weight: Math.round(p * 40),
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} は、これまでに報告された多くの詐欺サイトと似た作りの住所です。`,
          en: `The address ${shown} is built like many addresses reported as phishing sites.`,
        },
      },
    ];
  }
  return [];
}

/** A site that is on none of our lists: worth a word, more so when the link is all there is to judge. */
function unlistedSiteSignals({ shown, restricted, freeHost }: LinkFacts, ctx: UrlContext): Signal[] {
  if (restricted || freeHost) return [];
  return [
    {
      code: 'unlisted_site',
      weight: ctx.linkOnly ? UNLISTED_LINK_ONLY_WEIGHT : UNLISTED_IN_MESSAGE_WEIGHT,
      subject: shown,
      detail: {
        ja: `リンク先 ${shown} は、私たちが確認している会社や役所の公式サイトではありません。知らないサイトでは、IDやカード番号を入力しないでください。`,
        en: `The link ${shown} is not an official site of any company or office we know. Do not enter IDs or card numbers on sites you do not know.`,
      },
    },
  ];
}

/** A port number in the address, which ordinary sites do not use. */
function oddPortSignals({ u, shown }: LinkFacts): Signal[] {
  if (/:\d+(?:\/|$)/.test(u.url.replace(/^https?:\/\//, '').split('/')[0] ?? '') && !/:(?:80|443)$/.test(u.host)) {
    return [
      {
        code: 'odd_port',
        weight: 15,
        subject: shown,
        detail: {
          ja: `リンク先 ${shown} は、普通のサイトでは使わない番号（ポート）を指定しています。`,
          en: `The link ${shown} uses an unusual port number, which ordinary sites do not.`,
        },
      },
    ];
  }
  return [];
}
