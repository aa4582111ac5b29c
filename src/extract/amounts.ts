// Money in a message: how much ("5万円", "¥3,000", "$500", "USD 200") and how the sender wants it
// paid (gift cards, e-money, ATM, bank transfer, crypto, convenience-store payment). Being asked to
// pay with gift cards or e-money is itself one of the clearest scam signs (消費者庁, 国民生活センター).

import type { AmountIndicator, PaymentMethod } from '../domain.ts';
import { PAYMENT_METHODS } from '../domain.ts';
import { normalizeText } from './normalize.ts';

/** Cap on distinct amounts returned for one message. */
export const MAX_AMOUNTS = 30;

type Currency = AmountIndicator['currency'];

// A number written with digits, commas, a decimal part and/or kanji numerals ("1億5000万", "三千").
const JA_NUMBER_CHARS = '0-9,.〇一二三四五六七八九十百千万億兆';
const JA_NUMBER = `(?<![${JA_NUMBER_CHARS}])[0-9〇一二三四五六七八九十百千万億兆][${JA_NUMBER_CHARS}]*`;
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const ENGLISH_SCALE = String.raw`(?: ?(k|thousand|million|mn|m|billion|bn)\b)?`;

interface AmountPattern {
  re: RegExp;
  /** Currency from the unit the regex matched (group 2) or fixed. */
  currency: (unit: string) => Currency;
  /** Whether the number may hold kanji numerals and 万/億 scales. */
  japanese: boolean;
  /** Unit before the number: groups are (unit, number, English scale); else (number, unit). */
  prefix: boolean;
}

const SUFFIX_UNITS: Record<string, Currency> = {
  円: 'JPY',
  えん: 'JPY',
  yen: 'JPY',
  jpy: 'JPY',
  ドル: 'USD',
  米ドル: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  usd: 'USD',
  ユーロ: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  ポンド: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  gbp: 'GBP',
  人民元: 'OTHER',
  ウォン: 'OTHER',
  btc: 'OTHER',
  usdt: 'OTHER',
  eth: 'OTHER',
};
const PREFIX_SYMBOLS: Record<string, Currency> = { '¥': 'JPY', $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP' };
const PREFIX_CODES: Record<string, Currency> = { jpy: 'JPY', usd: 'USD', eur: 'EUR', gbp: 'GBP' };

const PATTERNS: AmountPattern[] = [
  {
    // "5万円", "50,000円", "1億5000万円", "500ドル", "三千円"
    re: new RegExp(`(${JA_NUMBER}) ?(円|えん|米ドル|ドル|ユーロ|ポンド|人民元|ウォン)`, 'g'),
    currency: (u) => SUFFIX_UNITS[u] ?? 'OTHER',
    japanese: true,
    prefix: false,
  },
  {
    // "500 dollars", "200 USD", "0.5 BTC"
    re: new RegExp(
      String.raw`(?<![\d.,])(${NUMBER}) ?(yen|jpy|dollars?|usd|euros?|eur|pounds?|gbp|btc|usdt|eth)\b`,
      'gi',
    ),
    currency: (u) => SUFFIX_UNITS[u.toLowerCase()] ?? 'OTHER',
    japanese: false,
    prefix: false,
  },
  {
    // "¥3,000", "¥5万円", "$500", "US$1.5 million", "€50", "£100"
    re: new RegExp(String.raw`(US\$|[¥$€£]) ?(${NUMBER}(?:[万億千]?)?)${ENGLISH_SCALE}(?:円)?`, 'g'),
    currency: (u) => PREFIX_SYMBOLS[u] ?? 'OTHER',
    japanese: true,
    prefix: true,
  },
  {
    // "USD 200", "JPY 30000"
    re: new RegExp(String.raw`\b(usd|eur|gbp|jpy) ?(${NUMBER})${ENGLISH_SCALE}`, 'gi'),
    currency: (u) => PREFIX_CODES[u.toLowerCase()] ?? 'OTHER',
    japanese: false,
    prefix: true,
  },
];

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  billion: 1e9,
  bn: 1e9,
};

interface Hit {
  start: number;
  end: number;
  amount: AmountIndicator;
}

/** Amounts of money in `text`, distinct by currency and value, in order of appearance. */
export function extractAmounts(text: string): AmountIndicator[] {
  return extractAmountsFromNormalized(normalizeText(text, { maxChars: Number.POSITIVE_INFINITY }).text);
}

/** extractAmounts for text already passed through normalizeText. */
export function extractAmountsFromNormalized(text: string): AmountIndicator[] {
  const hits: Hit[] = [];
  for (const p of PATTERNS) {
    const re = new RegExp(p.re.source, p.re.flags);
    for (let m = re.exec(text); m !== null && hits.length < MAX_AMOUNTS * 4; m = re.exec(text)) {
      const prefix = p.prefix;
      const unit = (prefix ? m[1] : m[2]) ?? '';
      const numberText = (prefix ? m[2] : m[1]) ?? '';
      let value = p.japanese ? parseJapaneseNumber(numberText) : parsePlain(numberText);
      const scale = prefix ? m[3] : undefined;
      if (value !== null && scale !== undefined) value *= SCALES[scale.toLowerCase()] ?? 1;
      if (value === null || !Number.isFinite(value) || value <= 0) continue;
      hits.push({
        start: m.index,
        end: m.index + m[0].length,
        amount: { raw: m[0].trim(), value, currency: p.currency(unit) },
      });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: AmountIndicator[] = [];
  const seen = new Set<string>();
  let lastEnd = -1;
  for (const h of hits) {
    if (h.start < lastEnd) continue; // "¥5万円" is one amount, read once
    lastEnd = h.end;
    const key = `${h.amount.currency}:${h.amount.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(h.amount);
    if (out.length >= MAX_AMOUNTS) break;
  }
  return out;
}

function parsePlain(s: string): number | null {
  const v = Number(s.replace(/,/g, ''));
  return Number.isFinite(v) ? v : null;
}

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 億: 1e8, 兆: 1e12 };
const DIGIT_RUN_RE = /^[0-9][0-9,]*(?:\.[0-9]+)?/;

/**
 * "1億5000万" → 150000000, "10万5千" → 105000, "三千" → 3000, "1.5万" → 15000, "50,000" → 50000.
 * Null when there is no digit at all in a meaningful place ("万" alone).
 */
export function parseJapaneseNumber(s: string): number | null {
  let total = 0;
  let section = 0; // below 万
  let current: number | null = null;
  let sawNumber = false;
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    const run = DIGIT_RUN_RE.exec(s.slice(i, i + 32));
    if (run !== null) {
      current = Number(run[0].replace(/,/g, ''));
      sawNumber = true;
      i += run[0].length;
      continue;
    }
    const digit = KANJI_DIGITS[ch];
    const small = SMALL_UNITS[ch];
    const large = LARGE_UNITS[ch];
    if (digit !== undefined) {
      current = current === null ? digit : current * 10 + digit; // 二〇二四
      sawNumber = true;
    } else if (small !== undefined) {
      section += (current ?? 1) * small;
      current = null;
      sawNumber = true;
    } else if (large !== undefined) {
      if (!sawNumber) return null;
      total += (section + (current ?? 0)) * large;
      section = 0;
      current = null;
    } else if (ch !== ',' && ch !== '.') {
      return null;
    }
    i++;
  }
  if (!sawNumber) return null;
  return total + section + (current ?? 0);
}

// ---- Payment methods ----------------------------------------------------------------------------

// Matched on normalised text (NFKC: "ＡＴＭ" is "ATM"). Gift cards are codes bought at a shop and read
// out to the scammer; e-money is a balance in an app or card system; kept apart because the advice
// differs (the card issuer vs the payment service).
const PAYMENT_PATTERNS: Record<PaymentMethod, RegExp> = {
  gift_card:
    /ギフト(?:カード|券|コード)|(?:amazon|アマゾン|apple|アップル|itunes|アイチューンズ|google ?play|グーグルプレイ|steam|スチーム)\s?(?:ギフト|カード|プリペイド)|プリペイドカード|(?:gift|prepaid|itunes|google play|steam)\s?(?:cards?|vouchers?|codes?)|giftcards?/i,
  e_money:
    /電子マネー|paypay|ペイペイ|楽天\s?edy|\bedy\b|webmoney|ウェブマネー|bitcash|ビットキャッシュ|nanaco|ナナコ|\bwaon\b|ワオン|line\s?pay|メルペイ|au\s?pay|d払い|e-?money|electronic money|\bvenmo\b|cash\s?app|\bzelle\b|paypal/i,
  atm: /(?<![a-z])atm(?![a-z])|現金自動預け?払い?機|cash\s?(?:machine|point)/i,
  bank_transfer:
    /振(?:り)?込(?!め?詐欺)|送金|口座(?:に|へ)(?:ご)?入金|(?:bank|wire)\s?transfer|wire\s?(?:the\s)?(?:money|funds|payment)|transfer the (?:money|funds)/i,
  crypto:
    /暗号資産|仮想通貨|ビットコイン|イーサリアム|テザー|\busdt\b|\bbtc\b|\beth\b|bitcoin|ethereum|\bcrypto(?:currency|currencies|s)?\b/i,
  convenience_store:
    /コンビニ(?:後)?(?:払|決済|支払|で(?:お)?支払|で(?:お)?払)|ペイジー|pay-?easy|convenience store (?:payment|bill)|pay at (?:a |the )?convenience store/i,
};

/** Payment methods the text names, in the order of PAYMENT_METHODS, each once. */
export function extractPaymentMethods(text: string): PaymentMethod[] {
  return extractPaymentMethodsFromNormalized(normalizeText(text, { maxChars: Number.POSITIVE_INFINITY }).text);
}

/** extractPaymentMethods for text already passed through normalizeText. */
export function extractPaymentMethodsFromNormalized(text: string): PaymentMethod[] {
  return PAYMENT_METHODS.filter((method) => PAYMENT_PATTERNS[method].test(text));
}
