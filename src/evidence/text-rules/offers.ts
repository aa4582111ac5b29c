// Wording rules about gains offered: sure returns and investment groups, prizes and windfalls, easy jobs, and
// the marks of English bulk SMS (premium rates, short codes, free handsets). The engine (evidence/text-signals.ts)
// runs them; the sentences are in words/{ja,en}/signals.ts.
import type { TextRule } from './rule.ts';

export const OFFER_RULES: readonly TextRule[] = [
  {
    code: 'guaranteed_returns',
    weight: 40,
    scamType: 'investment',
    all: [
      [
        /必ず(?:儲|もう)か|絶対(?:に)?(?:儲|もう|稼)|確実に(?:儲|利益|稼)|元本保証|必ず値上がり|値上がり確実|未公開株|損(?:は)?しない|高配当|月利|日利/i,
        /(?:利回り|リターン)\s*\d|(?<!\d)\d+\s*倍に|投資(?:の)?(?:先生|グループ|講座|コミュニティ|アドバイ)|株(?:式)?(?:講座|勉強会)/i,
        /\b(?:(?:guaranteed|assured) (?:returns?|profit|income)|risk[- ]free (?:investment|profit))\b/i,
        /\b(?:double your money|\d+% (?:daily|weekly|monthly) (?:returns?|profit))\b/i,
        /\binvestment (?:group|mentor|opportunity)\b/i,
      ],
    ],
  },
  {
    code: 'sns_investment',
    weight: 30,
    scamType: 'investment',
    all: [
      [
        /LINE(?:グループ|で|に|の)|グループ(?:に参加|チャット)|勉強会|先生|アシスタント|有名人|著名人|インフルエンサー|機関口座/i,
        /\b(?:whatsapp group|telegram|join (?:our|the) group|assistant)\b/i,
      ],
      /投資|株|銘柄|利益|運用|FX|暗号資産|\b(?:invest|stock|trading|profit|forex)\b/i,
    ],
  },
  {
    code: 'prize',
    weight: 30,
    scamType: 'prize',
    all: [
      [
        /当選|当たりました|賞金|懸賞|プレゼント(?:に|が)?(?:当|選)|(?:受け取り|受取)(?:手数料|の手続)|おめでとうございます.{0,20}(?:選ばれ|当)/i,
        /\b(?:(?:you|u)(?:'ve| have| hav)? (?:won|been selected)(?!')|winner|prize)\b/i,
        /\b(?:(?:cash|\u00a3\d+|\$\d+) award|awarded|claim (?:your|ur|the|a))\b/i,
        /\b(?:free (?:entry|gift|iphone|holiday|cash)|selected to receive|lucky draw)\b/i,
        /\b(?:guaranteed (?:\u00a3|\$|cash|prize)|(?:number|mobile|phone|email) (?:has )?won)\b/i,
      ],
    ],
  },
  {
    code: 'side_job',
    weight: 25,
    scamType: 'side_job',
    all: [
      [
        /副業|在宅(?:ワーク|で|勤務)|スマホ(?:だけ|1台)で|日給|日収|月収\d|簡単に稼|誰でも稼|高収入|タスク(?:をこなす|報酬)/i,
        /(?:見る|いいね(?:する|を押す)?|フォローする)だけで(?:報酬|稼|お金)|報酬(?:が|を)(?:もらえ|受け取|得られ)|1日の(?:収入|報酬)/i,
        /オンライン(?:ワーク|アルバイト|の仕事)/i,
        /\b(?:work from home|easy money|(?:easily|quickly) make money|make (?:easy|extra|quick) money)\b/i,
        /\bmake money (?:online|at home|from home)\b/i,
        /\b(?:earn (?:up to )?[$\u00a3\u00a5]?[\d,]+(?: yen)? ?(?:a|per|\/) ?day|part[- ]time job offer)\b/i,
        /\b(?:daily (?:pay|income|salary)|online job|app rating|(?:review|rate) products? online)\b/i,
        /\bno experience (?:needed|required)\b/i,
      ],
    ],
  },
  {
    code: 'call_premium',
    weight: 30,
    scamType: 'prize',
    all: [
      [
        /\b(?:call|ring|phone)\b.{0,40}\b09\d{8,9}\b|\b(?:txt|text|reply|send)\b.{0,30}\bto \d{5}\b/i,
        /\b\d{5}\b.{0,30}\b(?:stop|opt out)\b|\b\d+(?:\.\d+)?p(?:\/| per )min\b|\b18\+/i,
      ],
    ],
  },
  {
    code: 'dark_job',
    weight: 55,
    strong: true,
    scamType: 'side_job',
    all: [
      [
        /ホワイト(?:な)?(?:高額)?案件|闇バイト|受け子|出し子|運び(?:の)?(?:仕事|案件|\s?1件)|(?:人|荷物|書類)を運(?:ぶ|んで)|即日即金|高額(?:報酬|バイト|案件)/,
        /(?:免許証|身分証|マイナンバーカード)の?(?:写真|画像)を(?:先に)?送/,
      ],
    ],
  },
  {
    code: 'points_purchase',
    weight: 40,
    scamType: 'romance',
    all: [/ポイント(?:を)?(?:買|購入)|ポイント代|連絡先(?:を)?交換/, /サイト|出会い|女性|男性|会い/],
  },
  {
    code: 'investment_invite',
    weight: 20,
    scamType: 'investment',
    all: [
      [
        /投資(?:について|に(?:興味|関心)|を(?:始め|教え|学)|の(?:勉強|相談|情報|コツ|話))/i,
        /(?:株|銘柄|資産運用|FX|仮想通貨|暗号資産)(?:について|に(?:興味|関心)|を(?:教え|紹介)|の(?:情報|相談|勉強))|(?:儲かる|稼げる)(?:話|方法|情報)/i,
        /\b(?:interested in (?:investing|investment|crypto|trading)|investment (?:advice|tips|plan))\b/i,
        /\b(?:trading (?:tips|signals)|make money (?:with|from|trading))\b/i,
      ],
    ],
  },
  {
    code: 'gambling',
    weight: 20,
    scamType: 'other',
    all: [
      [
        /オンラインカジノ|カジノ/i,
        /\b(?:casino|free spins|jackpot|sportsbook|betting bonus|deposit bonus|slot machines?|online slots)\b/i,
        /\b(?:no deposit (?:bonus|required)|welcome (?:pack|bonus) \d+ ?%|b0nus|\d+ ?FS)\b/i,
      ],
    ],
  },
  {
    code: 'reward_lure',
    weight: 15,
    scamType: 'prize',
    all: [
      [
        /(?:プレゼント|特典|ギフト|賞品)(?:を|が)?(?:お?受け取|進呈|ご用意|届いて)|選ばれました/i,
        /\b(?:your|a) (?:special |free |exclusive |surprise )?(?:gift|reward|bonus|prize) (?:is )?(?:ready|waiting|awaits|pending|reserved)\b/i,
        /\bclaim (?:your|the|a) (?:free |special )?(?:gift|reward|bonus|prize)\b/i,
        /\b(?:you|u)(?:'ve| have) been (?:selected|chosen)\b/i,
        /\b(?:your )?(?:e-?mail|email address|number) (?:was|has been) (?:randomly )?selected\b/i,
        /\b(?:exclusive (?:reward|gift)|thank[- ]you gift|loyalty (?:reward|gift)|congratulations)\b/i,
        /\b(?:complete|take|finish) (?:a |our |the |this )?(?:\w+ )?(?:quick |short |brief )?survey (?:for|and|to) (?:a chance|win|receive|get|claim)\b/i,
      ],
    ],
  },
  {
    code: 'windfall_claim',
    weight: 20,
    scamType: 'prize',
    all: [
      [
        /\b(?:your )?(?:payout|payment|funds?|rewards?|dividends?|restitution|compensation|winnings|bonus|grant|inheritance|score)\b[^.!?\n]{0,20}\b(?:has been|have been|is|are|was)?\s?(?:approved|released|ready|available|awaits?|scheduled|credited|pending|waiting)\b/i,
        /\b(?:lottery|lucky) (?:winning|winner|draw)\b/i,
        /\b(?:bankruptcy|restructuring)\b[^\n]{0,120}\b(?:distributions?|claims? (?:payment|refund)s?|refunds?|payments?)\b/i,
        /(?:配当|報酬|賞金|給付金|返金)(?:金)?(?:の)?(?:お?受け取り|支払い)(?:の)?(?:準備|手続き)が(?:完了|整い)/i,
      ],
    ],
  },
  {
    code: 'celebrity_giveaway',
    weight: 30,
    scamType: 'investment',
    all: [
      [
        /\b(?:elon musk|bill gates|jeff(?:rey)?(?: preston)? bezos|mark zuckerberg|warren buffett)\b/i,
        /\bmackenzie scott\b|前澤|有名(?:人|投資家)|著名(?:人|投資家)/i,
      ],
      /\b(?:giveaway|donat|double|bitcoin|btc|crypto|invest|send)\w*|プレゼント|配布|投資|お金/i,
    ],
  },
  {
    code: 'crypto_claim',
    weight: 25,
    scamType: 'investment',
    all: [
      [
        /\b(?:[Cc]laim|[Gg]et|[Rr]eceive|[Ww]in)\s+(?:[Ff]ree\s+)?\$?\d[\d,.]*\s?(?:[A-Z]{2,6}|[Tt]okens?|[Cc]oins?)\b/,
        /\b(?:XRP|BTC|ETH|USDT|[Tt]okens|[Aa]irdrop)\b[^.!?\n]{0,60}\b(?:[Ee]ligible|[Rr]ewards?|[Bb]onus(?:es)?)\b/,
        /\b[Ee]ligible\b[^.!?\n]{0,40}\b(?:XRP|BTC|ETH|USDT|[Tt]okens)\b/,
      ],
    ],
  },
  {
    code: 'unsolicited_proposal',
    weight: 20,
    scamType: 'other',
    all: [
      [
        /\b(?:business proposal|mutual benefit|utmost (?:importance|confidentiality)|strictly confidential)\b/i,
        /\b(?:reaching out (?:to you )?in this manner|i (?:got|obtained|found) your (?:contact|e-?mail))\b/i,
        /\bpartner with you\b/i,
        /\byour (?:assistance|cooperation|help) (?:to|in) (?:transfer|receive|invest|claim)\b/i,
        /\b(?:huge|lucrative|profitable) (?:deal|opportunity|business)\b/i,
      ],
    ],
  },
  {
    code: 'short_code_reply',
    weight: 20,
    scamType: 'prize',
    latinOnly: true,
    all: [
      [
        /\b(?:txt|text(?:ing)?|send|reply|sms)\b[^.!?\n]{0,60}\b(?:to|on)\s*(?:no:?\s*)?\d{4,6}\b/i,
        /\b\d{5}\b[^.!?\n]{0,20}\b(?:txt|text)\b/i,
      ],
    ],
  },
  {
    code: 'premium_charges',
    weight: 25,
    latinOnly: true,
    all: [
      [
        /\b\d+(?:\.\d+)?p\s*(?:\/|per|a)?\s*(?:msg|min|minute|text|txt|wk|week)\b|\b\d{2,3}p\b|\bgbp\b/i,
        /\u00a3\d+(?:\.\d\d)?\s*(?:\/|per|a)\s*(?:week|wk|msg|month|min)|\bstandard rates?\b/i,
        /\bnational rate\b/i,
        /\b(?:call|ring|phone)\b[^.!?\n]{0,30}\b0(?:9\d{9}|87\d{8,9}|845\d{7}|870\d{7}|871\d{7})\b/i,
        /\b0(?:9\d{9}|87\d{8,9})\b/i,
      ],
    ],
  },
  {
    code: 'free_offer',
    weight: 15,
    latinOnly: true,
    all: [
      [
        /\bfree\b[^.!?\n]{0,40}\b(?:mobile|phone|camera|ringtone|tones?|nokia|video|mins|minutes|texts?|msgs?|credit|entry|gift|holiday|delivery|bluetooth|upgrade|update)\b/i,
        /\b(?:mobile|phone|handset|camera|ringtone|tones?|texts?|mins|delivery)\b[^.!?\n]{0,30}\bfor free\b/i,
        /\b(?:upgrade|update)\b[^.!?\n]{0,30}\bfor free\b|\b(?:freemsg|freephone|freefone|free msg)\b/i,
      ],
    ],
  },
  {
    code: 'claim_code',
    weight: 25,
    scamType: 'prize',
    latinOnly: true,
    all: [
      [
        /\b(?:claim|identifier|bonus|voucher|reference|pin) code\b|\bun-?redeemed\b|\bto claim\b/i,
        /\bcollect (?:your|ur)\b|\bexpires? \d|\bvalid (?:12|24|48) ?hrs?\b/i,
        /\b(?:you are|u r|you're) entitled to\b|\bpo ?box\s*\w+/i,
      ],
    ],
  },
  {
    code: 'unsolicited_service',
    weight: 15,
    latinOnly: true,
    all: [
      [
        /\b(?:customer service announcement|urgent message waiting)\b/i,
        /\bimportant (?:customer service )?(?:message|announcement)\b/i,
        /\b(?:you have|u have) (?:\d+ |a )?new (?:voice ?mails?|messages?|msgs?)\b/i,
        /\b(?:tried to (?:contact|call) (?:you|u)|(?:reply|send|txt|text) stop\b|2 ?stop|opt ?out)\b/i,
        /\b(?:to unsubscribe|t&cs?|tscs|ringtone|subscription|dating service|chat service)\b/i,
      ],
    ],
  },
];
