// Turns a level and scam type into what the person reads: headline, what to do now, what to do if they already
// acted, and where to ask. Advice comes from our own knowledge (articles and the brand registry) only.
import type { ArticleRef, Composition, Contact, Evidence, Lang, Level, ScamType } from '../domain.ts';
import type { ArticleIndex } from '../evidence/retrieval.ts';
import type { Article } from '../knowledge/articles.ts';

export const LEVEL_WORDS: Record<Level, Record<Lang, string>> = {
  danger: { ja: '危険', en: 'Danger' },
  caution: { ja: '注意', en: 'Caution' },
  low: { ja: '目立った兆候なし', en: 'No clear warning signs' },
  unknown: { ja: '判定できません', en: 'Could not judge' },
};

/**
 * One line under the level word. The lowest level says what we found and what that does not mean, without
 * the word "safe" even to deny it.
 */
export const LEVEL_SUBLINES: Record<Level, Record<Lang, string>> = {
  danger: { ja: '詐欺の可能性が高いです。', en: 'This is very likely a scam.' },
  caution: { ja: '詐欺の疑いがあります。', en: 'This may be a scam.' },
  low: {
    ja: 'はっきりした兆候は見つかりませんでした。ただし、詐欺ではないとは言い切れません。',
    en: 'We found no clear warning signs. That does not prove it is genuine.',
  },
  unknown: { ja: '判断できる材料が見つかりませんでした。', en: 'There was not enough to judge.' },
};

/** The verdict's headline: the level word and what it means. Never "safe", not even to deny it. */
export const HEADLINES: Record<Level, Record<Lang, string>> = {
  danger: { ja: '危険（詐欺の可能性が高いです）', en: 'Danger: this is very likely a scam' },
  caution: { ja: '注意（詐欺の疑いがあります）', en: 'Caution: this may be a scam' },
  low: {
    ja: '目立った兆候なし（詐欺ではないとは言い切れません）',
    en: 'No clear warning signs (that does not prove it is genuine)',
  },
  unknown: {
    ja: '判定できません（判断できる材料が見つかりませんでした）',
    en: 'Could not judge: there was not enough to go on',
  },
};

export const SCAM_TYPE_LABELS: Record<ScamType, { ja: string; en: string }> = {
  phishing: { ja: 'フィッシング（偽サイトで情報を盗む手口）', en: 'Phishing (a fake site that steals your details)' },
  delivery_sms: { ja: '宅配業者をかたる不在通知SMS', en: 'Fake delivery notice' },
  refund: { ja: '還付金詐欺', en: 'Refund scam' },
  fictitious_billing: { ja: '架空料金請求詐欺', en: 'Fake bill for money you do not owe' },
  impersonation_call: {
    ja: 'なりすまし詐欺（家族・銀行員などを名乗る）',
    en: 'Impersonation scam (family, bank staff)',
  },
  fake_authority: { ja: '警察・検察・役所をかたる詐欺', en: 'Fake police, prosecutor or official' },
  investment: { ja: '投資詐欺（SNS型投資詐欺など）', en: 'Investment scam' },
  romance: { ja: 'ロマンス詐欺', en: 'Romance scam' },
  support_scam: { ja: 'サポート詐欺（偽の警告画面）', en: 'Tech-support scam' },
  prize: { ja: '懸賞・当選をかたる詐欺', en: 'Fake prize or lottery' },
  side_job: { ja: '副業・情報商材の詐欺', en: 'Side-job or easy-money scam' },
  loan: { ja: '融資保証金詐欺', en: 'Advance-fee loan scam' },
  account_takeover: { ja: '認証コード・パスワードを盗む手口', en: 'Account takeover (codes and passwords)' },
  fake_shop: { ja: '偽ショッピングサイト', en: 'Fake online shop' },
  malware: { ja: '不正なアプリ・ウイルス', en: 'Malicious app or malware' },
  other: { ja: '詐欺の疑い', en: 'Possible scam' },
  none: { ja: '特定の手口は見当たりません', en: 'No specific scam pattern' },
};

const GENERIC: Record<Level, Record<Lang, { advice: string[]; ifAlreadyActed: string[] }>> = {
  danger: {
    ja: {
      advice: [
        'リンクは開かないでください。返信や電話もしないでください。',
        '確認したいときは、公式アプリや、カードの裏・通帳・契約書に書かれた番号を使ってください。メッセージに書かれた番号やリンクは使わないでください。',
        'このメッセージは削除してかまいません。',
      ],
      ifAlreadyActed: [
        'カード番号を入力したときは、カードの裏に書かれた番号に電話して、カードを止めてもらってください。',
        'IDやパスワードを入力したときは、公式アプリや公式サイトから、すぐにパスワードを変えてください。',
        'お金を払ってしまったときは、すぐに警察相談専用電話（#9110）に相談してください。',
        'だまされたと思っても、恥ずかしいことではありません。一人で抱えずに、家族や相談窓口に話してください。',
      ],
    },
    en: {
      advice: [
        'Do not open the link, reply or call.',
        'To check, use the official app or the number on the back of your card, in your bankbook or contract. Never use a number or link from the message.',
        'You can delete this message.',
      ],
      ifAlreadyActed: [
        'If you entered a card number, call the number on the back of the card and ask them to stop the card.',
        'If you entered an ID or password, change the password at once in the official app or site.',
        'If you paid, contact the police consultation line (#9110 in Japan) straight away.',
        'Being tricked is nothing to be ashamed of. Please talk to family or a help line.',
      ],
    },
  },
  caution: {
    ja: {
      advice: [
        'すぐにリンクを開いたり、電話をしたりしないでください。',
        '本当の連絡か確かめるときは、メッセージの中の番号やリンクではなく、公式アプリや、ご自分で調べた公式の窓口を使ってください。',
        '迷ったら、家族や相談窓口に相談してください。',
      ],
      ifAlreadyActed: [
        'カード番号やパスワードを入力したときは、カード会社に連絡し、パスワードを変えてください。',
        'お金を払ってしまったときは、警察相談専用電話（#9110）か消費者ホットライン（188）に相談してください。',
      ],
    },
    en: {
      advice: [
        'Do not open the link or call back yet.',
        'To check whether it is genuine, use the official app or a contact you look up yourself, not the number or link in the message.',
        'If unsure, ask family or a help line.',
      ],
      ifAlreadyActed: [
        'If you entered a card number or password, contact your card company and change the password.',
        'If you paid, contact the police consultation line (#9110) or the consumer hotline (188).',
      ],
    },
  },
  low: {
    ja: {
      advice: [
        '詐欺によくある特徴は見つかりませんでした。ただし、詐欺ではないと言い切れるものではありません。',
        'お金、暗証番号、認証コードを求められたら、いったん手を止めて相談してください。',
        '確かめるときは、公式アプリや、ご自分で調べた公式の窓口を使ってください。',
      ],
      ifAlreadyActed: [
        'あとで不安になったら、カード会社や銀行の、カードの裏や通帳に書かれた番号に連絡してください。',
        '困ったときは、警察相談専用電話（#9110）か消費者ホットライン（188）に相談できます。',
      ],
    },
    en: {
      advice: [
        'We found no common scam signs. That does not prove it is genuine.',
        'If you are asked for money, a PIN or a verification code, stop and ask someone first.',
        'To check, use the official app or a contact you look up yourself.',
      ],
      ifAlreadyActed: [
        'If you feel uneasy later, call your bank or card company on the number on your card or bankbook.',
        'You can ask the police consultation line (#9110) or the consumer hotline (188) for advice.',
      ],
    },
  },
  unknown: {
    ja: {
      advice: [
        '判断できる内容が見つかりませんでした。気になったメッセージの文章を、そのまま貼り付けて送ってください。',
        'リンクや電話番号だけでも確認できます。',
      ],
      ifAlreadyActed: ['困ったときは、警察相談専用電話（#9110）か消費者ホットライン（188）に相談できます。'],
    },
    en: {
      advice: [
        'We found nothing to judge. Please paste the text of the message that worried you.',
        'A link or a phone number on its own can be checked too.',
      ],
      ifAlreadyActed: ['You can ask the police consultation line (#9110) or the consumer hotline (188) for advice.'],
    },
  },
};

const STANDARD_CONTACTS: Contact[] = [
  { label: { ja: '警察相談専用電話', en: 'Police consultation line (Japan)' }, phone: '#9110' },
  { label: { ja: '消費者ホットライン', en: 'Consumer hotline (Japan)' }, phone: '188' },
];

/** A step that says not to open the message's link (our own sentences, in both languages). */
const LINK_STEP_RE = /リンク(?:は|を)(?:開|押|タップ)|\bdo not (?:open|tap|click)\b[^.]*\blinks?\b/i;

/** Share of the best article's score a further article needs to be listed as related. */
const RELATED_SCORE_SHARE = 0.6;
/** How much a judged type lifts an article of that type when choosing the one whose advice leads. */
const TYPE_MATCH_LIFT = 1.5;

function uniq<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What to tell the person for a level and scam type, from our articles and brand registry only. */
export function compose(
  level: Level,
  scamType: ScamType,
  evidence: Evidence,
  lang: Lang,
  index: ArticleIndex,
): Composition {
  const generic = GENERIC[level][lang];
  const specific = (level === 'danger' || level === 'caution') && scamType !== 'none' && scamType !== 'other';
  let articles: ArticleRef[] = evidence.articles;
  let lead: Article | undefined;
  if (specific) {
    const text = evidence.indicators.text;
    // Only an article about this message may lead or be listed: of the several phishing articles (bank, carrier,
    // tax), one leads only when the message names what it is about. Otherwise the level's general steps stand,
    // never the steps of whichever article ranked first (a wallet's KYC text is not a tax notice).
    const fitting = (ref: ArticleRef) => {
      const a = index.get(ref.id, lang);
      return a !== undefined && index.fits(a, text, { ofJudgedType: a.scamType === scamType });
    };
    articles = articles.filter(fitting);
    // The lead article is the one whose wording fits the message best, with a lift for the judged type: an
    // unpaid-tax text leads to the tax article even when "unpaid" made the type fictitious billing.
    const weigh = (a: ArticleRef) => a.score * (a.scamType === scamType ? TYPE_MATCH_LIFT : 1);
    const best = [...articles].sort((a, b) => weigh(b) - weigh(a))[0];
    // With no retrieved article of the judged type, the type's own article leads, if one is about this message.
    const ofType = index.ofType(scamType, lang).find((a) => index.fits(a, text, { ofJudgedType: true }));
    const chosen =
      best && (articles.some((a) => a.scamType === scamType) || !ofType)
        ? best
        : ofType
          ? { id: ofType.id, title: ofType.title, scamType: ofType.scamType, lang: ofType.lang, score: 0 }
          : undefined;
    if (chosen) {
      articles = [chosen, ...articles.filter((a) => a.id !== chosen.id)];
      lead = index.get(chosen.id, lang);
    }
  }
  // Related articles must be close to the best one: a distant third match only distracts.
  const top = articles[0]?.score ?? 0;
  articles = uniq(articles, (a) => a.id)
    .filter((a, i) => i === 0 || a.score >= top * RELATED_SCORE_SHARE)
    .slice(0, 3);

  // The article's steps are written for this kind of scam; the generic ones only stand in when there is none.
  // An article's "do not open the link" is left out for a message that has none, while another step remains.
  const fitSteps = (steps: readonly string[]) => {
    if (evidence.indicators.urls.length > 0) return [...steps];
    const kept = steps.filter((step) => !LINK_STEP_RE.test(step));
    return kept.length > 0 ? kept : [...steps];
  };
  const advice = (lead?.advice.length ? fitSteps(lead.advice) : generic.advice).slice(0, 5);
  const ifAlreadyActed = (lead?.ifAlreadyActed.length ? lead.ifAlreadyActed : generic.ifAlreadyActed).slice(0, 6);

  const brandContacts: Contact[] = [];
  for (const b of evidence.brands) {
    if ((b.relation === 'impersonated' || b.relation === 'mentioned') && b.contact) brandContacts.push(b.contact);
  }
  const contacts = uniq(
    [...brandContacts, ...(lead?.contacts ?? []), ...STANDARD_CONTACTS],
    (c) => c.phone ?? c.url ?? c.label.ja,
  ).slice(0, 5);
  return { headline: HEADLINES[level][lang], advice, ifAlreadyActed, contacts, articles };
}
