// 各チャネルの画面まわりの言葉（日本語）: LINE のボタンとクイックリプライ、SMS の末尾、SMS の判定ページ。
import type { ChannelWords } from '../types.ts';

export const channels: ChannelWords = {
  partner: '提携先からのお知らせ',
  line: {
    article: '解説を読む',
    offerButton: '詳しく見る',
    quickReplies: {
      detail: '詳しく',
      acted: '開いてしまった・払ってしまった',
      contacts: '相談窓口',
      subscribe: '毎週の詐欺情報を受け取る',
    },
  },
  twilio: { more: '詳しく:', imageNoteShort: '※受け取れなかった画像があります' },
  answerPage: {
    page: 'anshin の判定',
    expired: 'このページは表示できません',
    expiredBody: '期限が切れたか、データが削除されました。もう一度メッセージを送ってください。',
  },
};
