// Wording rules about money asked of you: unpaid fees and court threats, refunds at an ATM, gift cards and
// crypto as payment, cards handed over, fees before a loan or a withdrawal, transfers to a person's account. The
// engine (evidence/text-signals.ts) runs them; the sentences are in words/{ja,en}/signals.ts.
import type { TextRule } from './rule.ts';

export const MONEY_RULES: readonly TextRule[] = [
  {
    code: 'legal_threat',
    weight: 18,
    scamType: 'fictitious_billing',
    all: [
      [
        /法的(?:措置|手続)|差し?押さえ|差押|訴訟|裁判(?:所)?(?:へ|に|を|の手続)|強制執行|財産の?差|民事訴訟|信用情報に登録/i,
        /\b(?:legal action|court (?:action|order)|lawsuit|arrest warrant)\b/i,
        /\bseiz(?:e|ure) (?:of )?(?:your )?(?:assets|property)\b/i,
      ],
    ],
  },
  {
    code: 'unpaid_fee',
    weight: 30,
    scamType: 'fictitious_billing',
    all: [
      [
        /未払い|未納|滞納|延滞|未清算|料金(?:が|の)(?:発生|未|確認でき)|(?:支払|入金)い?(?:が)?確認(?:が)?(?:でき|とれ|取れ)(?:ません|ない)/i,
        /(?:ご?利用|未払い?|未納|延滞)料金(?:が|について|につきまして|の件)(?:あります|ございます|発生|お話)?|(?:有料|動画|サイト)(?:の)?(?:利用|登録)料|登録料金/i,
        /解約(?:料|金)|退会(?:料|手続)/i,
        /\b(?:unpaid|outstanding (?:balance|payment|fee)|overdue|payment (?:required|failed))\b/i,
        /\bpay (?:the|a|your|an) (?:small |outstanding |redelivery |shipping |customs )?(?:fee|charge|duty|balance)\b/i,
        /\bsettle (?:your|the) (?:balance|account)\b/i,
      ],
    ],
  },
  {
    code: 'atm_refund',
    weight: 60,
    strong: true,
    scamType: 'refund',
    // 「ATMでの手続きはありません」is the town's warning, not the scam's request.
    unless: [
      /ATM(?:での|で)(?:の)?(?:手続き|還付|返金)(?:は|も)(?:一切)?(?:ありません|できません|行いません)/,
      /ATMで(?:お金が)?(?:戻|返)(?:る|って)(?:くる)?ことは(?:絶対に|決して)?(?:ありません|ない)/,
    ],
    all: [/還付|払い?戻し|返金|給付金|\brefund\b/i, /ATM|\bcash machine\b/i],
  },
  {
    code: 'refund_offer',
    weight: 25,
    scamType: 'refund',
    all: [
      [
        /還付金|医療費の?(?:払い?戻し|返金)|保険料の?(?:払い?戻し|返金)|給付金/i,
        /\b(?:tax refund|emergency refund|entitled to (?:a )?refund|(?:you are|you're) eligible for)\b/i,
        /\b(?:support payment|cost of living payment)\b/i,
      ],
    ],
    unless: /確定申告|e-Tax/,
  },
  {
    code: 'gift_card_payment',
    weight: 55,
    strong: true,
    scamType: 'fictitious_billing',
    all: [
      /ギフト(?:カード|券|コード)|プリペイド|電子マネー|iTunes|Google ?Play|アップルギフト|Apple ?Gift|Amazonギフト|\bgift ?cards?\b|\bsteam card\b/i,
      /購入|買って|番号|支払|払|コンビニ|送って|教え|\b(?:buy|purchase|pay|send|code|number)\b/i,
    ],
  },
  {
    code: 'crypto_payment',
    weight: 30,
    scamType: 'investment',
    all: [
      [
        /暗号資産|仮想通貨|ビットコイン|USDT|イーサリアム|エアドロップ/i,
        /\b(?:bitcoin|btc|crypto(?:currency)?|usdt|usdc|ethereum|eth|wallet address|airdrop|erc-?20)\b/i,
        /\b(?:bep-?20|defi|nft|metamask|trust ?wallet|[li]edger (?:live|nano|device|wallet)|seed phrase)\b/i,
        /\b(?:stak(?:e|ing)|staking rewards?|yield farming|presale|recovery phrase|secret phrase)\b/i,
        /\b(?:token (?:launch|sale|presale|claim|drop|swap)|claim\b[^.!?\n]{0,20}\btokens?)\b/i,
      ],
    ],
  },
  {
    code: 'cash_card_handover',
    weight: 60,
    strong: true,
    scamType: 'impersonation_call',
    all: [
      /キャッシュカード|通帳|クレジットカード|\bbank ?card\b/i,
      /預か|取りに(?:伺|行|来)|回収|交換|封筒|職員が(?:伺|訪)|自宅に(?:伺|行)|暗証番号を?(?:教え|書い|聞)|\bcollect\b/i,
    ],
  },
  {
    code: 'loan_fee',
    weight: 35,
    scamType: 'loan',
    all: [
      /融資|借入|ローン|貸付|\b(?:loan|credit)\b/i,
      /保証金|手数料|先に(?:振り?込|入金|支払)|まず.{0,12}振り?込|審査(?:通過|OK)|\b(?:fee|deposit|advance)\b/i,
    ],
    unless: /返済予定/,
  },
  {
    code: 'advance_fee',
    weight: 35,
    scamType: 'other',
    all: [
      [
        /遺産|相続人|受取人に(?:選|指定)|未請求の/i,
        /\b(?:beneficiary|bequest|inheritance|next of kin|unclaimed (?:funds?|payment|bequest))\b/i,
        /\b(?:(?:\d+(?:\.\d+)? ?)?mil+ions? (?:dollars?|usd|euros?|pounds?)|\d+ ?crores?)\b/i,
        /\b(?:compensation (?:funds?|payments?)|accept\w* (?:his|her|my|our|the|this) donation)\b/i,
        /\b(?:consignment box|donation (?:fund|of|to you)|philanthropist)\b/i,
        /\b(?:charitable (?:fund|donation|goals?)|atm (?:visa )?card (?:worth|valued|of))\b/i,
        /\b(?:recovery of your atm card|barrister|diplomat(?:ic)? (?:agent|courier))\b/i,
        /\b(?:(?:us|usd)\$? ?\d[\d.,]* ?million|transfer (?:the|this) (?:sum|fund))\b/i,
      ],
    ],
  },
  {
    code: 'court_notice',
    weight: 45,
    strong: true,
    scamType: 'fictitious_billing',
    all: [/支払督促|訴訟(?:最終)?(?:告知|通知)|民事訴訟(?:管理|通知)センター|総合消費料金|取り?下げ期日|裁判取り?下げ/],
  },
  {
    code: 'one_click_billing',
    weight: 45,
    strong: true,
    scamType: 'fictitious_billing',
    all: [/登録(?:が)?完了|端末情報を?取得|個体識別番号|シャッター音|年齢確認/, /料金|円|支払|請求|退会/],
  },
  {
    code: 'withdrawal_fee',
    weight: 55,
    strong: true,
    scamType: 'investment',
    all: [
      /出金|引き出し|利益を受け取|\bwithdraw/i,
      /保証金|手数料|税金|凍結|解除|\b(?:fee|tax|deposit|unlock|frozen)\b/i,
      /先生|アシスタント|投資|取引|運用|資産|\b(?:invest|trading|platform|profit)\b/i,
    ],
  },
  {
    code: 'personal_account',
    weight: 35,
    scamType: 'fake_shop',
    all: [
      /個人名(?:義)?の口座|振込先が個人|個人口座に(?:振り?込|送金)|支払いは銀行振込(?:のみ|だけ)|\bpersonal (?:bank )?account\b/i,
    ],
  },
  {
    code: 'deposit_request',
    weight: 30,
    scamType: 'investment',
    all: [
      [
        /(?:指定|専用)の(?:サイト|アプリ|取引所|取引口座).{0,20}(?:入金|登録|振り?込|送金)|(?:入金|送金)するように|先物取引/i,
        /\b(?:deposit (?:funds|money) (?:on|into|to)|trading platform)\b/i,
      ],
    ],
  },
  {
    code: 'money_to_account',
    weight: 35,
    // A bank's or the police's "we will never ask you to move money" is the warning, not the request.
    unless: [
      /\b(?:never|will not|won't|would never|do not|don't)\b[^.!?\n]{0,30}\b(?:ask|tell|request|call)\b/i,
      /(?:こと|事)は(?:絶対に|決して|一切)?(?:ありません|ございません)|(?:求め|お願いし)(?:る|た)?ことは(?:ありません|ございません)/i,
    ],
    all: [
      [
        /(?<!ご)(?:指定|別|安全|保護|専用|下記|以下|こちら)の(?:銀行)?口座(?:に|へ|まで)/i,
        /口座(?:に|へ)(?:お金|現金|預金|資金)?を?(?:移|振り?込|送金|入金|預け)(?:して|て|ろ|替え)(?!い?ただきありがと|もらっ|くれて|た)/i,
        /(?:お金|現金|資金|預金)を(?:移|振り?込|送金|入金)(?:して|んで|する)|(?:振り?込|送金|入金)(?:して|んで)(?:ください|下さい|ほしい|欲しい|もらえ|くれ|いただ)/i,
        /現金(?:を|は)(?:用意|準備|引き出|おろ|下ろ|渡|送|預|封筒)|(?:現金|カード|キャッシュカード|お金)を?(?:取りに|受け取りに|回収しに|預かりに)(?:行|伺|参|来|向か)/i,
        /(?:レターパック|宅配便|ゆうパック).{0,15}(?:現金|お金)|(?:お金|現金)を?(?:貸して|送って|立て替え)/i,
        /(?:カード|ギフト券|プリペ[ーイ]ド|電子マネー|webmoney|ウェブマネー).{0,20}(?:買って|購入して|買ってき|買う(?:の)?を手伝)/i,
        /\b(?:transfer|wire|move|send|deposit)\b[^.!?\n]{0,40}\b(?:to|into) (?:this|my|our|the following|a (?:safe|secure|new|protected))\b[^.!?\n]{0,20}\b(?:account|wallet)\b/i,
        /\bsend (?:me|us)\b[^.!?\n]{0,30}(?:money|cash|funds|[$£€]\s?\d|bitcoin|gift ?cards?)/i,
        /\b(?:western union|moneygram)\b|\b(?:buy|purchase|pick up|get)\b[^.!?\n]{0,30}\bgift ?cards?\b/i,
        /\bi need (?:some |the )?money\b/i,
        /\bcan you (?:lend|send|transfer) (?:me )?(?:some |the )?(?:money|cash|funds|\$)/i,
      ],
    ],
  },
  {
    code: 'loan_offer',
    weight: 20,
    scamType: 'loan',
    all: [
      [
        /\b(?:loan (?:offer|deal|approval|approved)|we (?:fund|finance) (?:projects|businesses))\b/i,
        /\b(?:(?:low|\d+%) interest (?:rate )?loan|instant (?:loan|cash)|pre-?approved (?:loan|credit))\b/i,
        /\bloan (?:solutions?|requirements?|funding)\b/i,
        /\b(?:provid\w*|offer\w*|speciali[sz]\w* in|arrang\w*) (?:\w+ ){0,3}(?:loans?|financ\w*) (?:to|for)\b\b/i,
        /\bfinanc\w* arranged\b|(?:即日|審査なし|ブラックでも)(?:融資|借入|貸付)|(?:融資|借入)(?:が)?(?:可能|OK)です/i,
      ],
    ],
  },
  {
    code: 'fake_invoice',
    weight: 20,
    scamType: 'fictitious_billing',
    all: [
      [
        /\b(?:subscription|membership|renewal|invoice|order|purchase|transaction receipt|payment)\b[^.!?\n]{0,80}\b(?:(?:auto-?)?renewed|processed|charged|deducted|billed|debited)\b/i,
        /(?:自動)?更新(?:されました|いたしました)|(?:代金|料金|年会費)(?:を|が)(?:引き落と|請求|決済)/i,
      ],
      /\b(?:call|contact|cancel|dispute|refund|helpline|customer (?:care|service|support))\b|(?:解約|キャンセル|返金|お問い合わせ)/i,
      /\d{3}[-\s.)]*\d{3}[-\s.]*\d{3,4}|\+\d{6,}|\(\d{3}\)/,
    ],
  },
];
