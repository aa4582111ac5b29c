// The shape of a wording rule: data the engine (evidence/text-signals.ts) runs over the text. The rules live by
// family in this folder; their sentences in words/{ja,en}/signals.ts, under the same code.
import type { ScamType } from '../../domain.ts';
import type { TextRuleCode } from '../../signal-codes.ts';

/** A regular expression, or a long one written as its alternatives (the engine joins them with | once, at load). */
export type Pattern = RegExp | readonly RegExp[];

export interface TextRule {
  code: TextRuleCode;
  weight: number;
  scamType?: ScamType;
  strong?: boolean;
  /** Every pattern must match (AND); use alternation inside a pattern, or a list of alternatives, for OR. */
  all: readonly Pattern[];
  /** Only for messages without Japanese: UK-style premium numbers (09…) are Japanese mobiles in Japanese text. */
  latinOnly?: boolean;
  /** The rule does not fire when this matches (a legitimate phrasing). */
  unless?: Pattern;
  /**
   * The rule does not fire on a one-time code's own delivery ("認証コード:123456 この番号を入力してください"),
   * unless the message also asks for the code to be sent back.
   */
  unlessDelivered?: boolean;
}
