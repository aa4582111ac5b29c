// Scam cues in the wording of a message: the engine that runs the wording rules (text-rules/, one file per family,
// as data) and the cues read from the text as a whole (bulk SMS, a code's delivery, a warning's narration, a
// transaction report). Matched on NFKC-normalised text (see extract/normalize.ts), because Intl.Segmenter splits
// compounds such as 還付/金 (STACK.md). Each signal states its evidence in a sentence that stands on its own, in
// Japanese and English, kept in the books of words (words/ja/signals.ts, words/en/signals.ts).
import type { Indicators, Signal } from '../domain.ts';
import { type SignalCode, TEXT_RULE_CODES, TEXT_SHAPE_CODES } from '../signal-codes.ts';
import { KANA_KANJI_RE } from '../text/script.ts';
import { signalDetail } from '../words/signals.ts';
import { hasPromptInjection } from './injection.ts';
import { ACCOUNT_RULES, IGNORE_IF_NOT_YOU } from './text-rules/accounts.ts';
import { CONTACT_RULES } from './text-rules/contact.ts';
import { MONEY_RULES } from './text-rules/money.ts';
import { OFFER_RULES } from './text-rules/offers.ts';
import type { Pattern, TextRule } from './text-rules/rule.ts';

/** A pattern written as its alternatives, joined into one, once, at load. */
function anyOf(pattern: Pattern): RegExp {
  // Array.isArray, not instanceof RegExp: a literal is not an instance of a replaced global RegExp (regex-time test).
  if (!Array.isArray(pattern)) return pattern as RegExp;
  const flags = pattern[0]?.flags ?? '';
  const odd = pattern.find((re) => re.flags !== flags);
  if (odd)
    throw new Error(`text rule: /${odd.source}/${odd.flags} needs the flags of its first alternative (${flags})`);
  return new RegExp(pattern.map((re) => re.source).join('|'), flags);
}

/** A rule with its patterns joined. */
interface CompiledRule extends Omit<TextRule, 'all' | 'unless'> {
  all: RegExp[];
  unless?: RegExp;
}

function compile(rule: TextRule): CompiledRule {
  const { all, unless, ...rest } = rule;
  return { ...rest, all: all.map(anyOf), ...(unless ? { unless: anyOf(unless) } : {}) };
}

const RULE_ORDER = new Map<string, number>(TEXT_RULE_CODES.map((c, i) => [c, i]));
/** Every rule, in the order of TEXT_RULE_CODES (the order their signals are listed), whichever file holds it. */
const RULES: readonly CompiledRule[] = [...ACCOUNT_RULES, ...MONEY_RULES, ...OFFER_RULES, ...CONTACT_RULES]
  .map(compile)
  .sort((a, b) => RULE_ORDER.get(a.code)! - RULE_ORDER.get(b.code)!);
const IGNORE_IF_NOT_YOU_RE = anyOf(IGNORE_IF_NOT_YOU);

const CJK_BREAK_RE =
  /([\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])[ \t]*\n\s*(?=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])/g;
const OTHER_BREAK_RE = /(?:(?<![ \t])[ \t]+)?\n\s*/g;

/**
 * Line breaks inside a sentence (a wrapped SMS, a screenshot read line by line) must not hide a phrase from the
 * rules: Japanese lines join directly, others with a space. Only the matching sees this; the text is unchanged.
 */
export function flattenLines(text: string): string {
  return text.replace(CJK_BREAK_RE, '$1').replace(OTHER_BREAK_RE, ' ');
}

/**
 * Marks of unsolicited bulk SMS in English (premium services, handset offers, adult chat, "win" draws). One mark
 * proves nothing; several together are a bulk message sent to strangers, which people should not answer.
 */
const BULK_MARKS: readonly RegExp[] = [
  [
    /\b(?:mins|minutes|line ?rental|linerental|camera ?phone|video ?phone|handset|ringtones?)\b/i,
    /\b(?:poly(?:phonic)?|mono tones?|tones?\b.{0,20}\bmobile)\b/i,
  ],
  /\b(?:nokia|motorola|sony ?ericsson|orange|o2|vodafone|t-mobile|upd8|mobileupd8)\b/i,
  [
    /\b(?:half price|special offer|latest offer|offers?\b.{0,20}\b(?:now|today)|for only|from only)/i,
    /\b(?:just \u00a3|only \u00a3|\d+\s?(?:gbp|pounds?)\b)/i,
  ],
  /\b(?:sexy|singles|flirt(?:ing)?|dating|xxx|hot pics|girls waiting|chat(?:ting)? with|meet (?:someone|singles))\b/i,
  /\b(?:win|won|winner|prize|draw|lucky day|surprise awaiting|chance to win|voucher)\b/i,
  /\b(?:call|ring|phone|dial)\b[^.!?\n]{0,40}\b0\d{3}\s?\d{3}\s?\d{3,4}\b|\b0800\s?\d{3}/i,
  /\b(?:reply|txt|text)\b[^.!?\n]{0,15}\b[A-Z]{3,}\b/,
  // Text-speak, then a call to act within 60 characters: read from the call (rare) back, not from each "u" on.
  /\b(?:free|win|prize|offer|call|reply|claim)\b(?<=\b(?:u|ur|2day|4|2|txt|msg|mob|fone|gr8|wk)\b.{0,60}\b(?:free|win|prize|offer|call|reply|claim))/i,
  /\b(?:wap|www)\.[a-z0-9-]+|\b(?:18|16)\+|\bage (?:verify|16|18)\b/i,
].map(anyOf);
const WEAK_BULK_CODES: ReadonlySet<string> = new Set<SignalCode>([
  'free_offer',
  'unsolicited_service',
  'short_code_reply',
  'urgency',
  'claim_code',
]);
const CTA_RE =
  /\b(?:call|ring|text|txt|sms|reply|click|visit|go ?to|go2|log ?in)\b[^.!?\n]{0,40}(?:\d{4,}|https?:|www\.|\.com\b|\.co\.uk\b)/i;
const SHOUTED_WORD_RE = /\b[A-Z]{4,}\b/g;

function bulkMarks(text: string): number {
  let n = BULK_MARKS.reduce((k, re) => k + (re.test(text) ? 1 : 0), 0);
  if ((text.match(SHOUTED_WORD_RE) ?? []).length >= 3) n += 1;
  return n;
}

/** A one-time code handed to the reader: "認証コード:123456", "123456 is your Google verification code". */
const CODE_DELIVERY_RE = anyOf([
  /(?:認証|確認|ワンタイム|セキュリティ|ログイン)(?:用の?)?(?:コード|番号|パスワード|パスコード|キー)\s*(?:は|:|：|「|『|\[)?\s*[「『]?\d{4,8}/i,
  /パスコード\s*[「『]?\d{4,8}|\d{4,8}[」』]?\s*(?:は|が)(?:あなたの|お客様の|.{0,12}の)?(?:認証|確認|ワンタイム|ログイン)/i,
  /\b(?:code|otp|passcode|pin)\b[^\n\d]{0,20}\b\d{4,8}\b/i,
  /\b\d{4,8}\b[^\n]{0,40}\b(?:is your|verification code|security code|login code|one[- ]time|otp)\b/i,
]);
/** The message asks for the code to come back to it: reply with it, tell it, send it. */
const SEND_BACK_RE = anyOf([
  /(?:返信|送って|送信して|教えて|伝えて|お知らせください|読み上げ)/i,
  /\b(?:reply (?:with|back)|send (?:it|the code|me|us|back)|tell (?:me|us))\b/i,
  /\b(?:forward (?:it|the code|this)|read (?:it|the code) (?:out|back))\b/i,
]);

/** The text hands the reader a one-time code and does not ask for it back. */
export function isCodeDelivery(text: string): boolean {
  return CODE_DELIVERY_RE.test(text) && !SEND_BACK_RE.test(text);
}

/**
 * Third-person narration of a scam: police and city alerts, bank notices and news describe what "the criminal"
 * says (「〜などと言って」「という電話」「被害が発生しています」). Scams address you; warnings describe them.
 */
const REPORT_STYLE_RE = anyOf([
  /犯人|手口|被害(?:に遭|にあ|が発生|者|額|件数|防止|を防)|事案|(?:など|等)と(?:言|い|話|告げ|伝え|脅|指示|持ちかけ|名乗)/i,
  /という(?:電話|メール|SMS|ショートメール|内容|もの|手口|事例)/i,
  /(?:詐欺|被害|事案|事件|不審な?(?:電話|メール|SMS|メッセージ)|なりすまし|偽(?:の)?(?:メール|SMS|サイト))(?:が|も)(?:多発|発生して|相次|急増|確認されて)/i,
  /注意喚起|防犯|警察署(?:から|より|の)/i,
  /\b(?:scammers?|fraudsters?|criminals)\b[^.!?\n]{0,60}\b(?:pretend|pose|claim|send|call|use|ask)/i,
  /\bbe (?:aware|alert|on (?:your|the) (?:guard|lookout))\b|\bprotect yourself\b/i,
]);

/** A masked account or card number: "A/c XX1234", "card ending 5678", "1********2222", "****1234", "末尾1234". */
const TRANSACTION_REPORT_RE = anyOf([
  /\b(?:a\/c|acct|account|card)(?: no\.?)?\s*(?:ending(?: with)?\s*#?\s*)?[x*]{2,}\d{2,6}\b/i,
  /\b\d{1,6}[x*]{3,}\d{2,6}\b|(?<![x*])[x*]{4,}\d{3,4}\b|ending (?:with |in )?#?\d{4}\b/i,
  /末尾(?:番号)?\s*\d{3,4}|(?<![*＊])[*＊]{3,}\d{3,4}/i,
]);
/** What a transaction report says happened: money moved, a balance. */
const TRANSACTION_WORD_RE = anyOf([
  /\b(?:debited|credited|spent|withdrawn|withdrawal|transferred|received|purchase|payment of)\b/i,
  /\b(?:avl\.? (?:bal|limit)|available (?:balance|limit)|balance is)\b|残高|引き?落とし|ご利用金額|利用金額|お振込|入金|出金/i,
]);

/** Text signals for normalised text and its indicators. */
export function textSignals(ind: Indicators): Signal[] {
  const text = flattenLines(ind.text);
  const out: Signal[] = [];
  const japanese = KANA_KANJI_RE.test(text);
  const delivered = isCodeDelivery(text);
  for (const rule of RULES) {
    if (rule.latinOnly && japanese) continue;
    if (!rule.all.every((re) => re.test(text))) continue;
    if (rule.unless?.test(text)) continue;
    if (rule.unlessDelivered && delivered) continue;
    out.push({
      code: rule.code,
      weight: rule.weight,
      detail: signalDetail(rule.code),
      ...(rule.scamType ? { scamType: rule.scamType } : {}),
      ...(rule.strong ? { strong: true } : {}),
    });
  }
  if (!japanese && out.some((s) => WEAK_BULK_CODES.has(s.code)) && CTA_RE.test(text)) {
    // One weak mark of unsolicited SMS plus "call/text/click" with a number or link: the shape of spam.
    out.push({
      code: 'call_to_action',
      weight: 12,
      detail: signalDetail('call_to_action', { to: 'respond' }),
    });
  }
  if (!japanese) {
    const marks = bulkMarks(text);
    if (marks >= 2) {
      out.push({
        code: 'bulk_marketing',
        weight: marks >= 3 ? 35 : 25,
        scamType: 'prize',
        detail: signalDetail('bulk_marketing'),
      });
    }
  }
  if (delivered) {
    out.push({
      code: 'otp_notice',
      weight: -10,
      detail: signalDetail('otp_notice'),
    });
  }
  if (TRANSACTION_REPORT_RE.test(text) && TRANSACTION_WORD_RE.test(text)) {
    out.push({
      code: 'transaction_report',
      // A completed transaction with a masked account number is how genuine alerts are written; fakes that copy
      // it ask you to call or click, which other signals weigh.
      weight: -30,
      detail: signalDetail('transaction_report'),
    });
  }
  if (IGNORE_IF_NOT_YOU_RE.test(text)) {
    out.push({
      code: 'ignore_if_not_you',
      weight: -10,
      detail: signalDetail('ignore_if_not_you'),
    });
  }
  if (REPORT_STYLE_RE.test(text)) {
    out.push({
      code: 'report_style',
      weight: -10,
      detail: signalDetail('report_style'),
    });
  }
  if (hasPromptInjection(text)) {
    out.push({
      code: 'prompt_injection',
      weight: 50,
      strong: true,
      detail: signalDetail('prompt_injection'),
    });
  }
  if (ind.invisibleChars > 0) {
    out.push({
      code: 'invisible_chars',
      weight: 15,
      detail: signalDetail('invisible_chars', { count: ind.invisibleChars }),
    });
  }
  return out;
}

/** Codes of all text signals, for tests and documentation. */
export const TEXT_SIGNAL_CODES: readonly SignalCode[] = [...RULES.map((r) => r.code), ...TEXT_SHAPE_CODES];
