// Signals about the message as a whole, read from its text signals and its links together: a problem with a
// request to act through the message, a link that carries another, a warning's wording, wording that lures next
// to an unknown link, and links that are all official.
import type { Bilingual, Indicators, Signal, UrlIndicator } from '../domain.ts';
import { defangHost } from '../extract/defang.ts';
import { KANA_KANJI_RE } from '../text/script.ts';
import { claimedBrand } from './brand-evidence.ts';
import type { BrandLookup } from './ports.ts';
import { flattenLines } from './text-signals.ts';

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

/** What the message's links were found to be, for the signals that weigh the wording against them. */
export interface LinkFindings {
  /** The links judged one by one. */
  judged: UrlIndicator[];
  /** Their signals. */
  urlSignals: Signal[];
  /** A link we cannot vouch for, or one reported: what "a link that is not official" sentences need to be true. */
  unknownLink: boolean;
  /** Links on a brand's own shortener were found. */
  brandShortLinks: boolean;
}

/** The message-wide signals, in the order the evidence lists them. */
export function messageSignals(ind: Indicators, text: Signal[], links: LinkFindings, brands: BrandLookup): Signal[] {
  const { judged, urlSignals: urlSigs, unknownLink } = links;
  const extra: Signal[] = [...redirectSignals(judged), ...problemActionSignals(ind, text, brands)];
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
  if (ind.urls.length > 0 && !unknownLink && !links.brandShortLinks && !ind.urls.some((u) => u.wrappedIn)) {
    extra.push({
      code: 'official_links',
      weight: -15,
      detail: {
        ja: 'リンク先は、公式サイトか広く知られたサイトです。ただし、それだけで本物の連絡だとは言えません。',
        en: 'The links go to official or well-known sites. That alone does not prove the message is genuine.',
      },
    });
  }
  return extra;
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
