// Messages drawn into test screenshots, with the verdict level the text itself gets. Scam domains are our own
// fictional ones; legitimate ones are the brands' real sites.
import type { Level } from '../../../src/domain.ts';

export interface ScreenshotCase {
  name: string;
  sender: string;
  message: string;
  level: Level;
}

export const SENDER = '+81 80-1234-5678';

export const CASES: ScreenshotCase[] = [
  {
    name: 'ja delivery scam',
    sender: SENDER,
    message:
      '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください https://sagawa-xx.top/track?id=8a7f2c91d3',
    level: 'danger',
  },
  {
    name: 'ja tax scam',
    sender: '国税庁',
    message: '【国税庁】未払いの税金があります。本日中に下記よりお支払いください。https://nta-go-jp.xyz/pay',
    level: 'danger',
  },
  {
    name: 'en account scam',
    sender: 'Amazon',
    message:
      'Your Amazon account has been locked. Verify your payment details within 24 hours or your account will be closed: https://amazon-verify-login.top/account',
    level: 'danger',
  },
  {
    name: 'ja legitimate notice',
    sender: 'ヤマト運輸',
    message:
      '【ヤマト運輸】お荷物のお届け予定のお知らせです。6月12日 14時から16時にお届けします。日時の変更はヤマト運輸の公式サイトから。https://www.kuronekoyamato.co.jp/',
    level: 'low',
  },
  {
    name: 'en legitimate notice',
    sender: 'Royal Mail',
    message:
      'Your Royal Mail parcel is ready for delivery. Track it on the official Royal Mail website: https://www.royalmail.com/track-your-item',
    level: 'low',
  },
];

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * Character error rate of what OCR read against the message drawn: whitespace ignored, the sender line
 * (drawn above the bubble) removed first.
 */
export function characterErrorRate(expected: string, read: string, sender: string): number {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const body = read
    .split('\n')
    .filter((l) => squash(l) !== squash(sender))
    .join('');
  return editDistance(squash(expected), squash(body)) / [...squash(expected)].length;
}
