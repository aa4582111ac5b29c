// Short answers that are not verdicts, in both languages. Written as a careful bank writes to an older
// customer: short sentences, one concrete step, no blame.
import type { Lang } from '../domain.ts';
import type { NoticeKey } from './types.ts';

export const NOTICES: Record<NoticeKey, Record<Lang, string>> = {
  welcome: {
    ja: '友だち追加ありがとうございます。\n気になるメッセージ（SMSやメール）を、この画面に転送するか、文章を貼り付けて送ってください。詐欺の疑いがあるかを、すぐにお知らせします。',
    en: 'Thank you for adding us.\nForward a message you are unsure about, or paste its text here. We will tell you right away whether it looks like a scam.',
  },
  ask_for_text: {
    ja: '確認したいメッセージの文章を、そのまま貼り付けて送ってください。リンクや電話番号も、そのまま含めてください。',
    en: 'Please paste the text of the message you want us to check, including any links or phone numbers as they are.',
  },
  image_failed: {
    ja: '画像を受け取れませんでした（大きすぎるか、期限が切れています）。メッセージの文章を貼り付けて送ってください。',
    en: 'We could not receive the picture (it was too large or no longer available). Please paste the text of the message instead.',
  },
  unsupported_message: {
    ja: 'この種類のメッセージは確認できません。確認したい文章を貼り付けて送ってください。',
    en: 'We cannot check this kind of message. Please paste the text you want us to check.',
  },
  rate_limited: {
    ja: '短い時間にたくさんのご相談をいただきました。しばらく時間をおいてから、もう一度送ってください。\n急ぎのときは、警察相談専用電話 #9110 か、消費者ホットライン 188 に相談してください。',
    en: 'We have received many messages from you in a short time. Please wait a while and send it again.\nIf it is urgent, call the police consultation line #9110 or the consumer hotline 188 (in Japan).',
  },
  stale_button: {
    ja: 'このボタンの受付は終わりました。もう一度、確認したいメッセージを送ってください。',
    en: 'This button has expired. Please send the message you want to check again.',
  },
  deleted: {
    ja: 'お預かりしていたあなたのデータ（相談の内容と判定、配信の登録）をすべて削除しました。',
    en: 'We have deleted all the data we held about you (your checks, their results and any subscription).',
  },
  subscribed: {
    ja: '毎週の詐欺情報の配信を登録しました。やめるときは「配信停止」と送ってください。',
    en: 'You will receive our weekly scam alerts. To stop them, send "unsubscribe".',
  },
  unsubscribed: {
    ja: '毎週の詐欺情報の配信を止めました。',
    en: 'We have stopped the weekly scam alerts.',
  },
  opted_out: {
    ja: 'メッセージの送信を停止しました。再開するときは「再開」と送ってください。',
    en: 'You will not receive any more messages from us. Send START to resume.',
  },
  opted_in: {
    ja: 'メッセージの送信を再開しました。毎週の詐欺情報もお送りします。確認したいメッセージがあれば送ってください。',
    en: 'Messages are on again, including our weekly scam alerts. Send us a message you want to check.',
  },
  help: {
    ja: '気になるメッセージの文章を送ると、詐欺の疑いがあるかをお知らせします。\n「データ削除」: あなたのデータを削除します。\n「停止」: 送信を止めます。',
    en: 'Send us the text of a message you are unsure about and we will tell you whether it looks like a scam.\n"delete my data": we delete your data.\n"STOP": we stop messaging you.',
  },
  apology: {
    ja: '申し訳ありません。ただいま確認ができませんでした。少し時間をおいて、もう一度送ってください。\n急ぎのときは、リンクを開かず、警察相談専用電話 #9110 に相談してください。',
    en: 'Sorry, we could not check your message just now. Please try again in a little while.\nIf it is urgent, do not open any link, and call the police consultation line #9110 (in Japan).',
  },
};

/** Some pictures of the burst could not be fetched (too large, expired): the verdict stands on the rest. */
export const IMAGE_NOTE: Record<Lang, string> = {
  ja: '※受け取れなかった画像があります。届いた文章と画像だけで判定しました。',
  en: 'Note: some pictures could not be received, so we judged the rest.',
};

export function noticeText(key: NoticeKey, lang: Lang): string {
  return NOTICES[key][lang];
}
