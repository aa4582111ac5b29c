// Fixed verdicts for unit tests (fictional, defanged where a link is shown).
import type { Level, Verdict } from '../../src/domain.ts';

export function verdict(level: Level, over: Partial<Verdict> = {}): Verdict {
  return {
    level,
    scamType: level === 'danger' ? 'delivery_sms' : level === 'caution' ? 'phishing' : 'none',
    confidence: 0.9,
    lang: 'ja',
    headline: {
      danger: '危険（詐欺の可能性が高い）',
      caution: '注意（詐欺の疑いがあります）',
      low: '目立った兆候なし',
      unknown: '判断できませんでした',
    }[level],
    reasons: [
      'リンク先 sagawa-xx[.]top は佐川急便の公式ドメインではありません。',
      '不在通知をかたるSMSの典型的な文面です。',
    ],
    advice: ['SMSのリンクは開かないでください。', '公式アプリで確認してください。'],
    ifAlreadyActed: ['カード番号を入力したときは、カード会社に電話してください。'],
    contacts: [{ label: { ja: '警察相談専用電話', en: 'Police consultation line' }, phone: '#9110' }],
    articles: [],
    signals: [],
    brands: [],
    judgedBy: 'local',
    timings: {},
    ...over,
  };
}
