// 理由の決まった部分（日本語）: 画像から読み取った内容、公式として登録された番号やリンク、長すぎたメッセージ。
import type { ReasonWords } from '../types.ts';

export const reasons: ReasonWords = {
  readQuoteAndQr: (quote, qr) => `画像から読み取った内容: 『${quote}』（QRコード: ${qr}）`,
  readQuote: (quote) => `画像から読み取った内容: 『${quote}』`,
  readQr: (qr) => `画像から読み取った内容: QRコードのリンク ${qr}`,
  nothingRead:
    '画像から文字を読み取れませんでした。お手数ですが、気になったメッセージの文章をコピーして送ってください。',
  someImagesRead: (max) => `画像が多いため、最初の${max}枚だけを読み取りました。`,
  officialContact: (via, shown, brand) =>
    `${via === 'phone' ? '番号' : 'リンク先'} ${shown} は、${brand}の公式のものとして登録されています。ただし、本物の連絡だという保証にはなりません。`,
  truncated: 'メッセージが長すぎるため、最初の部分だけを確認しました。',
};
