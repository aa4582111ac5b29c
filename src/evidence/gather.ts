// Evidence for one message: threat-intel hits, brand matches (both ways), URL, phone and text signals, and the
// awareness articles most like it. Deterministic and offline.
import type { Bilingual, BrandMatch, Evidence, Indicators, IntelHit, Lang, Signal, UrlIndicator } from '../domain.ts';
import { defangHost } from '../extract/defang.ts';
import { KANA_KANJI, KANA_KANJI_RE } from '../text/script.ts';
import type { BrandInfo, BrandLookup } from './ports.ts';
import type { ArticleIndex } from './retrieval.ts';
import { flattenLines, textSignals } from './text-signals.ts';
import { hostIsUnder, isVouched, type UrlContext, urlSignals, type WebLists } from './url-signals.ts';

export interface IntelLookup {
  lookup(q: Pick<Indicators, 'urls' | 'phones'>): IntelHit[];
}

export interface EvidenceDeps {
  brands: BrandLookup;
  /** Well-known legitimate sites outside the brand registry. */
  isWellKnown: (host: string) => boolean;
  articles: ArticleIndex;
  intel?: IntelLookup;
  /** Popular sites, shared hosting and shorteners (knowledge/url-lists/); none when absent. */
  web?: WebLists;
  /** Learned probability that a link is a phishing link, from its host and path. */
  hostScore?: (u: UrlIndicator, withPath: boolean) => number;
}

/**
 * Platforms that ordinary messages name in passing ("LINEで連絡して", "saw it on Facebook"); naming them does not
 * make a link elsewhere an impersonation. Help lines are named by warnings, not impersonated by them.
 */
const INCIDENTAL_BRANDS = new Set([
  'line',
  'google',
  'facebook',
  'antiphishing',
  'police-consultation',
  'consumer-hotline',
]);

function brandMatch(
  b: BrandInfo,
  relation: BrandMatch['relation'],
  via: BrandMatch['via'],
  subject?: string,
): BrandMatch {
  return {
    brandId: b.id,
    name: b.name,
    relation,
    via,
    officialDomains: b.domains,
    ...(subject ? { subject } : {}),
    ...(b.contact ? { contact: b.contact } : {}),
  };
}

/**
 * A number taken from a message, shown with its last digits hidden: enough to recognise it, not enough to dial it
 * from our answer (an answer must never hand the person a scammer's number).
 */
export function maskPhone(raw: string): string {
  let hide = 2;
  const chars = [...raw];
  for (let i = chars.length - 1; i >= 0 && hide > 0; i--) {
    if (/[0-9]/.test(chars[i]!)) {
      chars[i] = '×';
      hide -= 1;
    }
  }
  return chars.join('');
}

function intelSignal(hits: IntelHit[]): Signal {
  const first = hits[0]!;
  const shown = first.kind === 'phone' ? maskPhone(first.value) : defangHost(first.value);
  const date = first.listedAt ? first.listedAt.slice(0, 10) : null;
  const source = first.source;
  return {
    code: 'intel_hit',
    weight: 100,
    strong: true,
    subject: shown,
    detail: {
      ja: `${shown} は、詐欺サイトや詐欺の番号として報告されています（情報源: ${source}${date ? `、${date}` : ''}）。`,
      en: `${shown} has been reported as a scam site or number (source: ${source}${date ? `, ${date}` : ''}).`,
    },
  };
}

/** Brand evidence in both directions: the message claims brand X but links elsewhere; a link is X's real domain. */
function brandEvidence(
  ind: Indicators,
  brands: BrandLookup,
  ctx: UrlContext,
): { matches: BrandMatch[]; signals: Signal[] } {
  const matches: BrandMatch[] = [];
  const signals: Signal[] = [];
  const officialByUrl = new Map<string, BrandInfo>();
  for (const u of ind.urls) {
    const b = brands.byHost(u.host);
    if (b) {
      officialByUrl.set(u.host, b);
      if (!matches.some((m) => m.brandId === b.id && m.relation === 'official')) {
        matches.push(brandMatch(b, 'official', 'url', u.host));
      }
    }
  }
  const claimed = new Map<string, BrandInfo>();
  for (const m of brands.mentions(collapseCjkSpaces(ind.text))) claimed.set(m.brand.id, m.brand);
  for (const e of ind.emails) {
    const b = brands.byMailDomain(e.domain);
    if (b) matches.push(brandMatch(b, 'official', 'email', e.domain));
  }

  for (const b of claimed.values()) {
    if (INCIDENTAL_BRANDS.has(b.id)) {
      matches.push(brandMatch(b, 'mentioned', 'text'));
      continue;
    }
    // Links that belong to no brand at all: a message naming X that sends you there is impersonating X. The brand's
    // own short links are its links; a popular site that is not X's (a news site, a big platform) is not proof of
    // impersonation, only a link we cannot confirm as X's.
    const ownShort = (u: UrlIndicator) => (b.shortenerHosts ?? []).some((h) => hostIsUnder(u.host, h));
    const foreignAll = ind.urls.filter(
      (u) => !officialByUrl.has(u.host) && !b.domains.some((d) => hostIsUnder(u.host, d)) && !ownShort(u),
    );
    const foreign = foreignAll.filter((u) => !isVouched(u, brands, ctx));
    const unconfirmed = foreignAll.find((u) => isVouched(u, brands, ctx));
    if (foreign.length === 0 && unconfirmed) {
      const shown = defangHost(unconfirmed.host);
      signals.push({
        code: 'brand_unconfirmed_link',
        weight: 10,
        subject: shown,
        detail: {
          ja: `${b.name.ja}を名乗っていますが、リンク先 ${shown} は、私たちが確認した${b.name.ja}のドメインではありません。よく知られたサイトですが、${b.name.ja}のものとは限りません。`,
          en: `It claims to be ${b.name.en}, but the link ${shown} is not among the domains we hold for ${b.name.en}. It is a well-known site, but not necessarily ${b.name.en}'s.`,
        },
      });
    }
    if (foreign.length > 0) {
      const u = foreign[0]!;
      const shown = defangHost(u.host);
      const official = b.domains[0] ?? '';
      matches.push(brandMatch(b, 'impersonated', 'url', shown));
      signals.push({
        code: 'brand_impersonation',
        weight: 80,
        strong: true,
        scamType: 'phishing',
        subject: shown,
        detail: {
          ja: `${b.name.ja}を名乗っていますが、リンク先 ${shown} は${b.name.ja}の公式ドメイン ${official} ではありません。`,
          en: `It claims to be ${b.name.en}, but the link ${shown} is not ${b.name.en}'s official domain ${official}.`,
        },
      });
      continue;
    }
    const badMail = ind.emails.find((e) => brands.byMailDomain(e.domain)?.id !== b.id);
    if (badMail) {
      matches.push(brandMatch(b, 'impersonated', 'email', badMail.domain));
      signals.push({
        code: 'brand_email_mismatch',
        weight: 30,
        scamType: 'phishing',
        subject: badMail.domain,
        detail: {
          ja: `${b.name.ja}を名乗っていますが、メールアドレスのドメイン ${defangHost(badMail.domain)} は${b.name.ja}のものではありません。`,
          en: `It claims to be ${b.name.en}, but the e-mail domain ${defangHost(badMail.domain)} is not ${b.name.en}'s.`,
        },
      });
      continue;
    }
    const offPhone = ind.phones.find((p) => p.kind !== 'short' && !brands.byPhone(p.e164));
    if (offPhone && !ind.urls.some((u) => officialByUrl.get(u.host)?.id === b.id)) {
      signals.push({
        code: 'brand_unlisted_phone',
        weight: 15,
        subject: maskPhone(offPhone.raw),
        detail: {
          ja: `${b.name.ja}を名乗っていますが、書かれている電話番号 ${maskPhone(offPhone.raw)} は、私たちが確認した${b.name.ja}の公式の番号にはありません。`,
          en: `It claims to be ${b.name.en}, but the number ${maskPhone(offPhone.raw)} is not among the official numbers we hold for ${b.name.en}.`,
        },
      });
    }
    if (!matches.some((m) => m.brandId === b.id)) matches.push(brandMatch(b, 'mentioned', 'text'));
  }
  for (const p of ind.phones) {
    const b = brands.byPhone(p.e164);
    if (b && !matches.some((m) => m.brandId === b.id && m.relation === 'official')) {
      matches.push(brandMatch(b, 'official', 'phone', p.raw));
    }
  }
  return { matches, signals };
}

/** Weight of a link on a brand's own shortener: the brand's link, but the page it opens cannot be seen. */
const BRAND_SHORTENER_WEIGHT = 10;

function brandShortenerSignal(host: string, b: BrandInfo): Signal {
  const shown = defangHost(host);
  return {
    code: 'brand_shortener',
    weight: BRAND_SHORTENER_WEIGHT,
    subject: shown,
    detail: {
      ja: `リンク（${shown}）は${b.name.ja}が使っている短縮URLですが、開く前に行き先のページは見えません。心配なときはリンクを開かず、${b.name.ja}の公式アプリか、ブックマークした公式サイトで確かめるほうが安心です。`,
      en: `The link (${shown}) is a short link that ${b.name.en} uses, but you cannot see the page it opens before you tap it. If in doubt, leave the link and check in ${b.name.en}'s official app or a bookmarked official site instead.`,
    },
  };
}

function phoneSignals(ind: Indicators, brands: BrandLookup): Signal[] {
  const out: Signal[] = [];
  const intl = ind.phones.find((p) => p.kind === 'international' && !brands.byPhone(p.e164));
  if (intl) {
    out.push({
      code: 'international_phone',
      weight: 25,
      scamType: 'impersonation_call',
      subject: maskPhone(intl.raw),
      detail: {
        ja: `海外の電話番号（${maskPhone(intl.raw)}）が書かれています。日本の会社や役所が、海外の番号から連絡することはほとんどありません。`,
        en: `It gives an overseas number (${maskPhone(intl.raw)}). Japanese companies and offices almost never contact you from abroad.`,
      },
    });
  }
  const premium = ind.phones.find((p) => p.kind === 'premium');
  if (premium) {
    out.push({
      code: 'premium_phone',
      weight: 25,
      subject: maskPhone(premium.raw),
      detail: {
        ja: `有料の電話番号（${maskPhone(premium.raw)}）が書かれています。掛けると高い料金がかかります。`,
        en: `It gives a premium-rate number (${maskPhone(premium.raw)}) that costs a lot to call.`,
      },
    });
  }
  return out;
}

/** Host signals that a brand-impersonation sentence about the same host already says, more exactly. */
const LOOKALIKE_CODES = new Set(['lookalike_domain', 'brand_in_subdomain', 'unlisted_site']);

/** Links judged one by one; a message with more is judged on its first ones (and says it is long). */
const MAX_URLS_JUDGED = 20;
/** Fewer letters than this besides the links ("これ詐欺？") make a consultation about the link alone. */
const LINK_ONLY_MAX_CHARS = 20;

export function isLinkOnly(ind: Indicators): boolean {
  if (ind.urls.length === 0) return false;
  let rest = ind.text;
  for (const u of ind.urls) rest = rest.split(u.raw).join(' ');
  return rest.replace(/[\s\p{P}\p{S}]/gu, '').length < LINK_ONLY_MAX_CHARS;
}

/** Keep one signal per code (the heaviest), heaviest first. */
function dedupe(signals: Signal[]): Signal[] {
  const byCode = new Map<string, Signal>();
  for (const s of signals) {
    const prev = byCode.get(s.code);
    if (!prev || s.weight > prev.weight) byCode.set(s.code, s);
  }
  return [...byCode.values()].sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
}

/**
 * Messages that warn about scams (a bank's notice, a police alert, a news headline, a one-time code that says
 * "never share it") use the very words scams use. Recognised by their negations and warning phrases.
 */
const WARNING_CONTEXT_RE =
  /(?:こと|事)は(?:絶対に|決して|一切)?(?:ありません|ございません)|(?:手続き|連絡|電話|お願い)(?:は|を)(?:一切)?(?:ありません|しておりません|いたしません)|(?:を|に)かたる|を装った|(?:不審な|怪しい)(?:SMS|メール|電話|メッセージ|URL)|ご注意ください|注意してください|(?:教えない|入力しない|伝えない|押さない|開かない|アクセスしない|返信しない)で(?:ください|ね)|受け取れません|詐欺(?:に|が|被害)|\b(?:will never|would never|never (?:ask|share|give|request)|do not share|don't share|not even with us|scam alert|beware of)\b/i;

const CLICK_RE =
  /\b(?:click|tap|visit|go ?to|go2|log ?in|sign ?in|open|follow|check|claim|apply|pay|confirm|verify|update|get)\b/i;

/** Scam types whose wording, next to a link to a site we do not know, points to a phishing page. */
const LURE_TYPES = new Set(['phishing', 'delivery_sms', 'fictitious_billing', 'refund', 'account_takeover', 'prize']);

export function gatherEvidence(ind: Indicators, lang: Lang, deps: EvidenceDeps): Evidence {
  const intel = deps.intel ? deps.intel.lookup(ind) : [];
  const ctx: UrlContext = {
    linkOnly: isLinkOnly(ind),
    isWellKnown: deps.isWellKnown,
    ...(deps.web ? { web: deps.web } : {}),
    ...(deps.hostScore ? { hostScore: memoScore(deps.hostScore) } : {}),
  };
  const brand = brandEvidence(ind, deps.brands, ctx);
  const judged = ind.urls.slice(0, MAX_URLS_JUDGED);
  const shortLinks: Signal[] = [];
  const urlSigs = judged.flatMap((u) => {
    // A brand's own shortener is judged here, not as an unknown shortener: its links only lead to the brand.
    const owner = deps.brands.shortenerOf(u.host);
    if (owner) {
      shortLinks.push(brandShortenerSignal(u.host, owner));
      return [];
    }
    return urlSignals(u, deps.brands, ctx);
  });
  const unvouched = judged.filter((u) => !isVouched(u, deps.brands, ctx) && !deps.brands.shortenerOf(u.host));
  const urlRisk =
    ctx.hostScore && unvouched.length > 0
      ? Math.max(...unvouched.map((u) => ctx.hostScore!(u, ctx.linkOnly)))
      : undefined;
  const text = textSignals(ind);
  // A link we cannot vouch for, or one reported: what "a link that is not official" sentences need to be true.
  const unknownLink =
    urlSigs.length > 0 || intel.length > 0 || brand.signals.some((s) => s.code === 'brand_impersonation');
  const extra: Signal[] = [...redirectSignals(judged), ...problemActionSignals(ind, text, deps.brands)];
  if (WARNING_CONTEXT_RE.test(ind.text)) {
    extra.push({
      code: 'warning_context',
      weight: 0,
      detail: {
        ja: '詐欺への注意を呼びかける文面のようです。ただし、それだけで本物の連絡だとは言えません。',
        en: 'It reads like a warning about scams. That alone does not prove it is genuine.',
      },
    });
  }
  if (unknownLink && text.some((s) => s.scamType && LURE_TYPES.has(s.scamType))) {
    extra.push({
      code: 'link_with_lure',
      weight: 15,
      scamType: 'phishing',
      detail: {
        ja: '不安をあおる文と一緒に、公式ではないリンクが送られてきています。偽サイトに誘う典型的な形です。',
        en: 'Worrying wording comes with a link that is not an official site: the usual shape of phishing.',
      },
    });
  }
  if (
    urlSigs.some((s) => s.code === 'unlisted_site') &&
    !KANA_KANJI_RE.test(ind.text) &&
    !text.some((s) => s.code === 'call_to_action') &&
    CLICK_RE.test(ind.text)
  ) {
    // Western smishing rarely names a brand we know; an unknown link pushed at the reader is the signal.
    extra.push({
      code: 'call_to_action',
      weight: 17,
      detail: {
        ja: '見知らぬ送り主が、公式ではないサイトを開くよう求めています。',
        en: 'An unknown sender asks you to open a site that is not an official one.',
      },
    });
  }
  if (ind.urls.length > 0 && !unknownLink && shortLinks.length === 0 && !ind.urls.some((u) => u.wrappedIn)) {
    extra.push({
      code: 'official_links',
      weight: -15,
      detail: {
        ja: 'リンク先は、公式サイトか広く知られたサイトです。ただし、それだけで本物の連絡だとは言えません。',
        en: 'The links go to official or well-known sites. That alone does not prove the message is genuine.',
      },
    });
  }
  const signals: Signal[] = [
    ...text,
    ...brand.signals,
    ...phoneSignals(ind, deps.brands),
    ...urlSigs,
    ...shortLinks,
    ...extra,
  ];
  if (intel.length > 0) signals.push(intelSignal(intel));
  // A lookalike host already named in a brand-impersonation sentence would only repeat it.
  const impersonated = new Set(brand.signals.filter((s) => s.code === 'brand_impersonation').map((s) => s.subject));
  const deduped = dedupe(signals).filter(
    (s) => !(LOOKALIKE_CODES.has(s.code) && s.subject !== undefined && impersonated.has(s.subject)),
  );
  const scamType = deduped.find((s) => s.scamType)?.scamType;
  const articles = deps.articles.search(ind.text, lang, scamType ? { scamType, limit: 3 } : { limit: 3 });
  return {
    indicators: ind,
    signals: deduped,
    intel,
    brands: brand.matches,
    articles,
    ...(urlRisk !== undefined ? { urlRisk } : {}),
  };
}

/** One consultation asks a link's learned score from two places (its sentence, the message's riskiest link). */
function memoScore(
  score: (u: UrlIndicator, withPath: boolean) => number,
): (u: UrlIndicator, withPath: boolean) => number {
  const seen = new Map<string, number>();
  return (u, withPath) => {
    const key = `${withPath ? 1 : 0}${u.url}`;
    let p = seen.get(key);
    if (p === undefined) {
      p = score(u, withPath);
      seen.set(key, p);
    }
    return p;
  };
}

/** A link carried inside another (google.com/url?q=…): say where it really goes. */
function redirectSignals(urls: UrlIndicator[]): Signal[] {
  const target = urls.find((u) => u.wrappedIn);
  if (!target) return [];
  const via = defangHost(target.wrappedIn!);
  const to = defangHost(target.host);
  return [
    {
      code: 'redirect_link',
      weight: 20,
      subject: to,
      detail: {
        ja: `リンクは ${via} を経由して、別のサイト ${to} へ移動するように作られています。行き先は ${to} です。`,
        en: `The link passes through ${via} to send you on to another site, ${to}. That is where it really goes.`,
      },
    },
  ];
}

/** Codes of text signals that describe a problem with your account, card, payment, parcel or points. */
const PROBLEM_CODES = new Set([
  'account_suspension',
  'identity_check',
  'unpaid_fee',
  'delivery_failure',
  'unrecognised_charge',
  'payment_problem',
  'security_alert',
  'points_lure',
  'violation_claim',
  'document_lure',
  'action_required',
  'wallet_problem',
]);

/** What each kind of problem is, in the sentence that names it (so that the sentence is true of the message). */
const PROBLEM_WORDS: Readonly<Record<string, Bilingual>> = {
  account_suspension: { ja: 'アカウントや利用の停止', en: 'a suspended or locked account' },
  identity_check: { ja: '本人確認や情報の確認', en: 'a check of your identity or details' },
  unpaid_fee: { ja: '未払いの料金', en: 'an unpaid fee' },
  delivery_failure: { ja: '荷物の配達の問題', en: 'a problem with a delivery' },
  unrecognised_charge: { ja: '身に覚えのない利用', en: 'a charge you may not recognise' },
  payment_problem: { ja: '支払いの問題', en: 'a problem with your payment' },
  security_alert: { ja: '不正なログインや利用', en: 'a suspicious sign-in or activity' },
  points_lure: { ja: 'ポイントの付与や失効', en: 'points or a reward' },
  violation_claim: { ja: '規約違反', en: 'a claimed breach of the rules' },
  document_lure: { ja: '届いた書類やメッセージ', en: 'a document or message waiting for you' },
  action_required: { ja: '終わっていない手続き', en: 'an unfinished update or check' },
  wallet_problem: { ja: 'ウォレットの問題', en: 'a problem with your wallet' },
};

/**
 * A request to act through the message itself: its link, button or number ("こちら", "下記URL", "ログインして
 * ください", "click here", "call us"), whether the link is there, masked or left out.
 */
const ACT_REQUEST_RE =
  /(?:こちら|下記|以下|上記)(?:の|より|から|を|に|で|へ)|(?:URL|リンク|ボタン)(?:から|より|を|に|へ|で)|(?:ログイン|サインイン|アクセス|クリック|タップ|確認|手続き?|更新|回答|連絡|電話|入力|登録|申請|申し?込み?|解除|設定)(?:して|を|の上|のうえ)?(?:ください|下さい|くださいませ|お願い)|ご覧(?:ください|下さい|いただ)|お読みください|(?:ご)?確認が必要(?:です|となります|になります)|(?:手続き|確認|ログイン|更新|解除|登録|回答|設定|認証)を?(?:完了|実施|行っ|進め|済ませ)(?:て|して)?(?:ください|下さい|お願い)|(?:確認|手続き|お手続き|更新|回答|ログイン)は(?:こちら|下記|以下)|\b(?:click|tap|log ?in|sign ?in|verify|confirm|update|visit|follow (?:the|this) link|call (?:us|now|our|the)|contact us|reply|open the (?:link|attachment)|go to)\b/i;

const SPACE_IN_KANA_KANJI_RE = new RegExp(`([${KANA_KANJI}]) (?=[${KANA_KANJI}])`, 'g');

/** "三 井 住 友 カ ー ド" written with spaces to dodge filters reads as the name it spells. */
export function collapseCjkSpaces(text: string): string {
  return text.replace(SPACE_IN_KANA_KANJI_RE, '$1');
}

/** The first brand the text claims to be (not one named in passing), if any. */
function claimedBrand(text: string, brands: BrandLookup): BrandInfo | undefined {
  return brands.mentions(collapseCjkSpaces(text)).find((m) => !INCIDENTAL_BRANDS.has(m.brand.id))?.brand;
}

/** An urgent or important tone: 「緊急」「重要なお知らせ」, or the urgency and header signals. */
const URGENT_TONE_RE =
  /緊急|至急|重要な(?:お知らせ|ご連絡|連絡)|[【[<＜]重要[】\]>＞]|必ずお読み|\b(?:urgent|important notice|action required)\b/i;

/**
 * The shape of most phishing whatever its wording: a brand, a problem (frozen account, failed payment, parcel
 * held) or an urgent notice, and a request to act through the message. Fires with or without a link: scammers'
 * links are often left out by those who quote them, or sent in a second message; and a real link of the brand
 * copied into the footer proves nothing about the button above it.
 */
function problemActionSignals(ind: Indicators, text: Signal[], brands: BrandLookup): Signal[] {
  const flat = flattenLines(ind.text);
  if (!ACT_REQUEST_RE.test(flat)) return [];
  const problems = text.filter((s) => PROBLEM_CODES.has(s.code));
  const brand = claimedBrand(ind.text, brands);
  if (brand && problems.length > 0) {
    const what = PROBLEM_WORDS[problems[0]!.code] ?? PROBLEM_WORDS.account_suspension!;
    return [
      {
        code: 'brand_problem_action',
        weight: 30,
        scamType: problems[0]!.scamType ?? 'phishing',
        detail: {
          ja: `${brand.name.ja}を名乗り、${what.ja}を理由に、このメッセージから手続きさせようとしています。本物か確かめるときは、このメッセージのリンクや番号は使わず、${brand.name.ja}の公式アプリか、ご自分で調べた公式サイトから確認してください。`,
          en: `It claims to be ${brand.name.en} and uses ${what.en} to make you act through this message. To check, do not use its links or numbers: open ${brand.name.en}'s official app, or a site you look up yourself.`,
        },
      },
    ];
  }
  if (brand && (URGENT_TONE_RE.test(flat) || text.some((s) => s.code === 'urgency' || s.code === 'important_header'))) {
    return [
      {
        code: 'brand_urgent_action',
        weight: 20,
        scamType: 'phishing',
        detail: {
          ja: `${brand.name.ja}を名乗り、「緊急」「重要」と急がせて、このメッセージから確認させようとしています。確かめるときは、このメッセージのリンクや番号は使わず、${brand.name.ja}の公式アプリか、ご自分で調べた公式サイトを使ってください。`,
          en: `It claims to be ${brand.name.en} and presses you, as urgent or important, to check something through this message. To check, use ${brand.name.en}'s official app or a site you look up yourself, not its links or numbers.`,
        },
      },
    ];
  }
  if (problems.length === 0) return [];
  return [
    {
      code: 'problem_action',
      weight: 15,
      scamType: problems[0]!.scamType ?? 'phishing',
      detail: {
        ja: 'アカウントや支払い、荷物などの問題を知らせて、このメッセージから手続きさせようとしています。確かめるときは、このメッセージのリンクや番号は使わず、公式アプリか、ご自分で調べた窓口を使ってください。',
        en: 'It reports a problem with an account, payment or parcel and asks you to act through this message. To check, use the official app or a contact you look up yourself, not its links or numbers.',
      },
    },
  ];
}
