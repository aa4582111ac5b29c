// ウェブのページまわりの言葉（日本語）: 試しに調べるページ、その判定の表示、解説記事のページ。
import type { PageWords } from '../types.ts';

export const pages: PageWords = {
  try: {
    title: 'anshin（安心）｜これ詐欺？と思ったら',
    brand: 'anshin（安心）',
    switch: 'English',
    heading: '「これ詐欺？」と思ったら、ここで調べられます',
    lead: '気になるメッセージ（SMS・メール・LINE）の文章を貼り付けるか、画面の写真（スクリーンショット）を選んで、「調べる」を押してください。',
    textLabel: 'メッセージの文章',
    textHint: '届いた文章をそのまま貼り付けてください。',
    fileLabel: '画面の写真（スクリーンショット）',
    fileHint: 'なくてもかまいません。',
    submit: '調べる',
    busy: '調べています。少しお待ちください…',
    offline: 'つながりませんでした。通信の状態を確かめて、もう一度「調べる」を押してください。',
    privacy: '貼り付けた文章や写真は保存しません。調べ終わったら消えます。',
    privacyCounted: '何件調べたかだけを、だれのものか分からない形で数えています。',
    articles: 'いま気をつけたい詐欺の解説を読む',
    footer: 'anshin は自動で判定します。判定は保証ではありません。',
    errors: {
      empty: '文章を貼り付けるか、写真を選んでから「調べる」を押してください。',
      tooLong: (n) => `文章が長すぎます。${n.toLocaleString('ja-JP')}文字までにしてください。`,
      tooManyImages: (n) => `写真は${n}枚までにしてください。`,
      tooLarge: '写真が大きすぎます。スクリーンショットを選んでください。',
      rateLimited: '続けてたくさん調べたため、しばらく休止しています。1時間ほどたってから、もう一度お試しください。',
      form: 'うまく受け取れませんでした。もう一度「調べる」を押してください。',
      internal: 'ただいま調べられません。少し時間をおいて、もう一度お試しください。',
    },
  },
  answer: {
    title: '判定の結果',
    read: '写真から読み取った文章',
    unreadable: '写真の文字をうまく読み取れませんでした。文章をそのまま貼り付けると、もっと正確に調べられます。',
    qr: '写真のQRコードの中身',
    guarantee:
      'この判定は自動で行ったもので、保証ではありません。迷ったときは、お金を払う前に、家族や相談窓口に相談してください。',
    again: '別のメッセージを調べる',
  },
  articles: {
    index: 'いま気をつけたい、特殊詐欺とネット詐欺',
    examples: 'こんなメッセージが届きます（例）',
    acted: 'もう開いた・払った・教えてしまったときは',
    sources: '出典',
    updated: '更新日',
    back: '一覧にもどる',
    other: 'English',
    // The page title of a missing article has not been translated yet; the sentence on the page has.
    notFoundTitle: 'Not found',
    notFound: 'この記事は見つかりませんでした。',
  },
};
