// 毎週の詐欺情報の決まった言葉（日本語）。
import type { TipWords } from '../types.ts';

export const tips: TipWords = {
  head: (m, d) => `【今週の詐欺情報】${m}月${d}日の週`,
  grew: '先週は、次の手口のご相談が増えました。',
  featured: 'いま気をつけたい手口をお知らせします。',
  spot: '見分け方',
  action: 'こうしてください',
  more: 'くわしく',
  offerHeading: (partner) => `【${partner}からのお知らせ】`,
  footer: {
    line: '配信をやめるときは「配信停止」と送ってください。',
    twilio: '配信をやめるときは「配信停止」と返信してください。',
  },
};
