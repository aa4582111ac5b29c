// 判定そのものの言葉（日本語）: 危険度、手口の名前、見出し、追加の質問への答えの書き出し、相談先の名前。
// We never say "safe": the lowest level says what we found and that it is not a guarantee.
import type { AnswerWords } from '../types.ts';

export const answer: AnswerWords = {
  levels: {
    danger: { word: '危険', subline: '詐欺の可能性が高いです。', headline: '危険（詐欺の可能性が高いです）' },
    caution: { word: '注意', subline: '詐欺の疑いがあります。', headline: '注意（詐欺の疑いがあります）' },
    low: {
      word: '目立った兆候なし',
      subline: 'はっきりした兆候は見つかりませんでした。ただし、詐欺ではないとは言い切れません。',
      headline: '目立った兆候なし（詐欺ではないとは言い切れません）',
    },
    unknown: {
      word: '判定できません',
      subline: '判断できる材料が見つかりませんでした。',
      headline: '判定できません（判断できる材料が見つかりませんでした）',
    },
  },
  scamTypes: {
    phishing: 'フィッシング（偽サイトで情報を盗む手口）',
    delivery_sms: '宅配業者をかたる不在通知SMS',
    refund: '還付金詐欺',
    fictitious_billing: '架空料金請求詐欺',
    impersonation_call: 'なりすまし詐欺（家族・銀行員などを名乗る）',
    fake_authority: '警察・検察・役所をかたる詐欺',
    investment: '投資詐欺（SNS型投資詐欺など）',
    romance: 'ロマンス詐欺',
    support_scam: 'サポート詐欺（偽の警告画面）',
    prize: '懸賞・当選をかたる詐欺',
    side_job: '副業・情報商材の詐欺',
    loan: '融資保証金詐欺',
    account_takeover: '認証コード・パスワードを盗む手口',
    fake_shop: '偽ショッピングサイト',
    malware: '不正なアプリ・ウイルス',
    other: '詐欺の疑い',
    none: '特定の手口は見当たりません',
  },
  sections: {
    type: '手口',
    reasons: '見つかったこと',
    now: 'いますぐすること',
    acted: 'もう開いた・入力した・払ったときは',
    contacts: '相談先',
    articles: '詳しい解説',
    judged: {
      local: 'この判定は、anshin の規則にもとづいて自動で行いました。',
      llm: 'この判定は、AIと anshin の規則で自動で行いました。',
    },
  },
  followUps: {
    acted: 'もう開いた・入力した・払ったときは、次のことをしてください。',
    contacts: '相談できるところです。',
    advice: 'いますぐすることです。',
    again: '先ほどのメッセージの判定です。',
  },
  followUpHelp: '相談先:',
  standardContacts: { police: '警察相談専用電話', consumer: '消費者ホットライン' },
  helplines: {
    policeConsultation: '警察相談専用電話（急ぎでないとき）',
    consumerHotline: '消費者ホットライン（お金の契約や請求）',
    emergency: '警察（いま危ないとき、相手が家に来るとき）',
  },
};
