// Follow-ups: short messages that ask about the last consultation ("もう入力してしまった", "what should I do?").
// Anything with a link, a number or real length is a new message to check, not a follow-up.
import type { FollowUpTopic } from './types.ts';

/** Longer than this, a message is content to check rather than a question about the last answer. */
const FOLLOW_UP_MAX_CHARS = 60;
const CONTENT_RE =
  /(?:https?|hxxps?):\/\/|www\.|(?<![a-z0-9-])[a-z0-9-]+\.(?:com|jp|net|org|top|xyz|icu|info|shop|cn|io)\b|\d{2,4}-?\d{2,4}-?\d{3,4}|@/i;

const TOPICS: [FollowUpTopic, RegExp][] = [
  [
    'acted',
    /(?:してしまった|しちゃった|してしまいました|払った|払いました|振り込んだ|振り込みました|入力した|入力しました|開いた|開きました|押した|押しました|教えた|教えました|答えた|already|i (?:clicked|paid|opened|entered|tapped|gave|sent|called))/i,
  ],
  ['detail', /^(?:詳しく|詳細|くわしく|もっと詳しく|details?|more|tell me more)$/i],
  [
    'contacts',
    /(?:相談窓口|窓口|どこに相談|相談先|電話番号|who (?:can|should) i (?:call|contact|ask)|where (?:can|do) i (?:get help|report))/i,
  ],
  [
    'advice',
    /(?:どうすれば|どうしたら|どうしよう|何をすれば|なにをすれば|what (?:should|do|can) i do|what now|what next)/i,
  ],
  [
    'again',
    /(?:詐欺(?:です)?か|詐欺[？?]|これ(?:は)?(?:詐欺|本物|大丈夫)|怪しい[？?]|大丈夫[？?]|is (?:this|it) (?:a )?(?:scam|real|fake|legit)|scam\??$)/i,
  ],
];

/** Which part of the last answer a short message asks for, or null when it is not a follow-up. */
export function classifyFollowUp(text: string): FollowUpTopic | null {
  const t = text.normalize('NFKC').trim();
  if (t.length === 0 || t.length > FOLLOW_UP_MAX_CHARS || CONTENT_RE.test(t)) return null;
  for (const [topic, re] of TOPICS) if (re.test(t)) return topic;
  return null;
}

/** "これ詐欺？" alone: a question with nothing to check. */
export function isBareQuestion(text: string): boolean {
  return classifyFollowUp(text) === 'again';
}
