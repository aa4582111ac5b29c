// Scam cues in the wording of a message. Matched on NFKC-normalised text (see extract/normalize.ts), because
// Intl.Segmenter splits compounds such as 還付/金 (STACK.md). Each rule states its evidence in a sentence that
// stands on its own, in Japanese and English.
import type { Bilingual, Indicators, ScamType, Signal } from '../domain.ts';
import { hasPromptInjection } from './injection.ts';

interface TextRule {
  code: string;
  weight: number;
  scamType?: ScamType;
  strong?: boolean;
  /** Every pattern must match (AND); use alternation inside a pattern for OR. */
  all: RegExp[];
  /** Only for messages without Japanese: UK-style premium numbers (09…) are Japanese mobiles in Japanese text. */
  latinOnly?: boolean;
  /** The rule does not fire when this matches (a legitimate phrasing). */
  unless?: RegExp;
  /**
   * The rule does not fire on a one-time code's own delivery ("認証コード:123456 この番号を入力してください"),
   * unless the message also asks for the code to be sent back.
   */
  unlessDelivered?: boolean;
  detail: Bilingual;
}

/** Genuine account mail: "if this was not you, ignore this e-mail" (scams say "if not you, click here"). */
export const IGNORE_IF_NOT_YOU_RE =
  /(?:心当たり|身に覚え|お心当たり|ご依頼|リクエスト)(?:が|の|を)(?:ない|ありません|無い|されていない|していない)(?:場合|方|とき)(?:は|には)?[、,\s]*(?:この|本|こちらの)?(?:メール|メッセージ|通知)?(?:を|は)?(?:無視|破棄|削除)|何もする必要は(?:ありません|ございません)|(?:無視|破棄)していただ(?:いて|け)|\byou (?:don'?t|do not) need to do anything\b|\bno (?:further )?action (?:is )?(?:needed|required)\b|\b(?:if (?:you|this) (?:did(?:n't| not)|was(?:n't| not))[^.!?\n]{0,60}\b(?:ignore|disregard|no (?:further )?action)|(?:safely|simply|please) (?:ignore|disregard) this)\b/i;

const RULES: TextRule[] = [
  {
    code: 'urgency',
    weight: 12,
    all: [
      /至急|大至急|本日中|今日中|24時間以内|48時間以内|ただちに|直ちに|今すぐ|すぐに(?:確認|手続|対応|ご連絡)|期限(?:まで|内)|最終(?:通告|通知|警告)|\b(?:urgent(?:ly)?|immediately|within 24 ?h(?:ours|rs)?|final (?:notice|warning|notification)|act now|expires? today|last chance)\b/i,
    ],
    detail: {
      ja: '「至急」「本日中」など、急がせる言葉があります。考える時間を与えないのは、詐欺によくある手口です。',
      en: 'It pushes you to act at once ("urgent", "within 24 hours"). Rushing people is a common scam tactic.',
    },
  },
  {
    code: 'legal_threat',
    weight: 18,
    scamType: 'fictitious_billing',
    all: [
      /法的(?:措置|手続)|差し?押さえ|差押|訴訟|裁判(?:所)?(?:へ|に|を|の手続)|強制執行|財産の?差|民事訴訟|信用情報に登録|\b(?:legal action|court (?:action|order)|lawsuit|arrest warrant|seiz(?:e|ure) (?:of )?(?:your )?(?:assets|property))\b/i,
    ],
    detail: {
      ja: '「法的措置」「差し押さえ」などの言葉で不安にさせています。正規の請求が、このような連絡でいきなり届くことはほとんどありません。',
      en: 'It threatens legal action or seizure. Genuine claims rarely arrive this way without warning.',
    },
  },
  {
    code: 'account_suspension',
    weight: 22,
    scamType: 'phishing',
    all: [
      /(?:利用|取引|アカウント|口座|カード|サービス|回線|ご契約)(?:を|が|の)?(?:一時)?(?:停止|凍結|制限|ロック|無効)|(?:停止|凍結|制限|ロック)(?:され|し|いた)(?:ま|て)|\b(?:accounts?|cards?|access|services?|profiles?)(?: have been| has been| is| are| was| were| will be)?(?: now| temporarily| currently)? (?:suspended|locked|limited|restricted|blocked|deactivated|de-activated|disabled|on hold|frozen)|\b(?:listed|scheduled|flagged|marked) for (?:deactivation|closure|suspension|termination|deletion)\b|(?:suspend|lock|block|deactivat)(?:ed|e) your\b|\b(?:will be|has been) (?:permanently )?(?:deleted|disabled|removed|terminated|closed)\b|\bavoid (?:the |any )?(?:closure|suspension|termination|deactivation|interruption|disruption|asset freeze|losing access|account (?:closure|suspension))\b|\b(?:asset|account|wallet) freeze\b|\b(?:mailbox|storage|inbox|e-?mail) (?:is )?(?:full|almost full|over (?:its )?quota|quota)\b|メールボックス(?:の)?(?:容量|ストレージ)|\b(?:account|card|kyc|sim|wallet)\b[^.!?\n]{0,30}\b(?:will (?:be )?(?:block|suspend|clos|expir|deactivat)|has expired|(?:been )?(?:de-?activated|bl[o0]cked))|\bKYC\b[^.!?\n]{0,40}\b(?:suspended|blocked|expired|will (?:be )?block)/i,
    ],
    detail: {
      ja: '「利用を停止しました」「口座を凍結します」などと不安にさせています。停止や凍結を理由に、リンクや電話で手続きさせるのは、フィッシングの典型です。',
      en: 'It says your account or card is suspended or locked. Using that to make you act through a link or a call is typical phishing.',
    },
  },
  {
    code: 'identity_check',
    weight: 15,
    scamType: 'phishing',
    all: [
      /本人確認|ご本人様確認|アカウント(?:情報)?(?:の)?(?:確認|更新)|お客様情報の(?:確認|更新)|登録情報の(?:確認|更新)|口座情報(?:の)?(?:再)?確認|取引(?:を行う)?目的(?:等)?の(?:ご)?確認|マネー・?ローンダリング|資金洗浄|反洗浄|セキュリティ(?:強化|確認|認証)|不正(?:利用|アクセス|ログイン)の(?:可能性|疑い)|(?:不正|異常|不審)な(?:取引|ログイン|アクセス|利用|操作)(?:を|が)(?:検知|確認)|ご?利用(?:内容の)?確認のお願い|\b(?:verify your (?:account|identity|details|information)|confirm your (?:account|identity|details)|update your (?:details|information|payment)|unusual (?:activity|sign-?in|withdrawal|transaction|payment|login)|secure your (?:account|wallet)|unauthori[sz]ed (?:access|login|transaction)|log ?in (?:to|and) (?:restore|verify|confirm|unlock|avoid|reactivate|secure)|re-?activate (?:your|ur)|verify (?:your )?(?:wallet|kyc|e-?mail|mailbox|payment|bank|ownership)|kyc (?:is )?(?:unverified|pending|incomplete|required|update|verification)|(?:re-?)?validate (?:your )?(?:account|wallet|mailbox|email)|confirm (?:your )?(?:ownership|mailbox|e-?mail address))\b/i,
    ],
    detail: {
      ja: '本人確認や情報の更新を求めています。銀行やカード会社が、メールやSMSのリンクから暗証番号などを入力させることはありません。',
      en: 'It asks you to verify or update your details. Banks and card companies do not ask for this through a link in a text.',
    },
  },
  {
    code: 'credential_request',
    weight: 35,
    scamType: 'account_takeover',
    all: [
      /暗証番号|パスワード|認証(?:コード|番号)|検証コード|確認(?:コード)|ワンタイム|セキュリティ(?:コード|番号)|\d桁の(?:番号|数字|コード)|カード(?:番号|の裏)|(?:SMS|ショートメール)(?:で届いた|に届く|で届く|の)?(?:番号|コード)|\b(?:password|passcode|verification code|security code|one[- ]time (?:password|passcode|code|pin)|otp|pin(?: code| number)?|cvv|card number|(?:the|this|that|a|6-digit|google voice|whatsapp|sms) code)\b/i,
      /教え|送って|送信して|伝え|お知らせください|返信|聞|読み上げ|\b(?:send|share|tell|give|reply|provide|read (?:me|out)|forward)\b/i,
    ],
    unless:
      /(?:誰にも|絶対に|決して|第三者に|他人に)(?:教え|伝え|言わ)|(?:教え|伝え|入力し)(?:たりし)?ないで|(?:お)?(?:聞き|尋ね|伺い)すること(?:は|も)(?:絶対に)?(?:ありません|ございません)|\b(?:never (?:share|tell|give|ask)|do not share|don't share)\b/i,
    // A message that hands you a code and says where to type it (the screen, the app) is the code's delivery.
    unlessDelivered: true,
    detail: {
      ja: '暗証番号・パスワード・認証コードなどを求めています。正規の会社や役所が、これらを聞くことはありません。',
      en: 'It asks for a PIN, password or verification code. No genuine company or office ever asks for these.',
    },
  },
  {
    code: 'credential_entry',
    weight: 15,
    scamType: 'phishing',
    all: [
      /暗証番号|パスワード|認証(?:コード|番号)|ワンタイム|セキュリティ(?:コード|番号)|カード(?:番号|情報)|口座番号|\b(?:password|passcode|verification code|security code|pin|cvv|card (?:number|details)|account number|login details|credentials)\b/i,
      /入力|登録(?:して|を|し直)|ご記入|\b(?:enter|type|submit|fill in|update)\b/i,
    ],
    unless:
      /(?:誰にも|絶対に|決して|第三者に|他人に)(?:教え|伝え|言わ)|(?:教え|伝え|入力し)(?:たりし)?ないで|\b(?:never (?:share|tell|give|ask)|do not share|don't share)\b/i,
    unlessDelivered: true,
    detail: {
      ja: 'パスワードやカード番号などを入力させようとしています。入力するのは、ご自分で開いた公式アプリや公式サイトだけにしてください。',
      en: 'It asks you to type in a password or card details. Only ever type them into the official app or a site you opened yourself.',
    },
  },
  {
    code: 'unpaid_fee',
    weight: 30,
    scamType: 'fictitious_billing',
    all: [
      /未払い|未納|滞納|延滞|未清算|料金(?:が|の)(?:発生|未|確認でき)|(?:支払|入金)い?(?:が)?確認(?:が)?(?:でき|とれ|取れ)(?:ません|ない)|(?:ご?利用|未払い?|未納|延滞)料金(?:が|について|につきまして|の件)(?:あります|ございます|発生|お話)?|(?:有料|動画|サイト)(?:の)?(?:利用|登録)料|登録料金|解約(?:料|金)|退会(?:料|手続)|\b(?:unpaid|outstanding (?:balance|payment|fee)|overdue|payment (?:required|failed)|pay (?:the|a|your|an) (?:small |outstanding |redelivery |shipping |customs )?(?:fee|charge|duty|balance)|settle (?:your|the) (?:balance|account))\b/i,
    ],
    detail: {
      ja: '「未払い」「未納」などの料金を請求しています。身に覚えのない請求に、連絡したり支払ったりしないでください。',
      en: 'It claims you owe an unpaid fee. Do not contact them or pay for charges you do not recognise.',
    },
  },
  {
    code: 'atm_refund',
    weight: 60,
    strong: true,
    scamType: 'refund',
    // 「ATMでの手続きはありません」is the town's warning, not the scam's request.
    unless:
      /ATM(?:での|で)(?:の)?(?:手続き|還付|返金)(?:は|も)(?:一切)?(?:ありません|できません|行いません)|ATMで(?:お金が)?(?:戻|返)(?:る|って)(?:くる)?ことは(?:絶対に|決して)?(?:ありません|ない)/,
    all: [/還付|払い?戻し|返金|給付金|\brefund\b/i, /ATM|\bcash machine\b/i],
    detail: {
      ja: 'お金を返すためにATMへ行くよう言っています。ATMでお金が戻ってくることは、絶対にありません（還付金詐欺）。',
      en: 'It says you can get a refund at an ATM. Money is never returned through an ATM: this is a refund scam.',
    },
  },
  {
    code: 'refund_offer',
    weight: 25,
    scamType: 'refund',
    all: [
      /還付金|医療費の?(?:払い?戻し|返金)|保険料の?(?:払い?戻し|返金)|給付金|\b(?:tax refund|emergency refund|entitled to (?:a )?refund|(?:you are|you're) eligible for|support payment|cost of living payment)\b/i,
    ],
    unless: /確定申告|e-Tax/,
    detail: {
      ja: '還付金や給付金を受け取れると言っています。役所が電話やSMSで手続きを急がせることはありません。',
      en: 'It offers a refund or benefit. Government offices do not rush you to claim one by text or phone.',
    },
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
    detail: {
      ja: 'ギフトカードや電子マネーで支払うよう求めています。支払いにギフトカードの番号を求めるのは、詐欺です。',
      en: 'It asks for payment with gift cards or e-money. Asking for gift card numbers as payment is always a scam.',
    },
  },
  {
    code: 'crypto_payment',
    weight: 30,
    scamType: 'investment',
    all: [
      /暗号資産|仮想通貨|ビットコイン|USDT|イーサリアム|エアドロップ|\b(?:bitcoin|btc|crypto(?:currency)?|usdt|usdc|ethereum|eth|wallet address|airdrop|erc-?20|bep-?20|defi|nft|metamask|trust ?wallet|[li]edger (?:live|nano|device|wallet)|seed phrase|stak(?:e|ing)|staking rewards?|yield farming|presale|recovery phrase|secret phrase|token (?:launch|sale|presale|claim|drop|swap)|claim\b[^.!?\n]{0,20}\btokens?)\b/i,
    ],
    detail: {
      ja: '暗号資産（仮想通貨）での送金や投資に触れています。暗号資産での支払いを求める相手は、詐欺であることが多いです。',
      en: 'It involves crypto-assets. Requests to pay or invest in crypto are common in scams.',
    },
  },
  {
    code: 'remote_access',
    weight: 45,
    strong: true,
    scamType: 'support_scam',
    all: [
      /遠隔操作|リモート(?:操作|サポート|接続)|AnyDesk|TeamViewer|QuickSupport|クイックアシスト|Quick ?Assist|画面共有|\b(?:remote (?:access|desktop|support)|screen ?shar(?:e|ing))\b/i,
    ],
    detail: {
      ja: '遠隔操作アプリを入れさせようとしています。他人にスマホやパソコンを操作させると、お金や情報を盗まれます。',
      en: 'It asks you to install a remote-access app. Letting a stranger control your device leads to theft.',
    },
  },
  {
    code: 'virus_warning',
    weight: 35,
    scamType: 'support_scam',
    all: [
      /ウイルス.{0,8}(?:感染|検出)|トロイの木馬|ハッキングされ|システム(?:が)?(?:破損|損傷)|(?:サポート|サポートセンター)(?:に|へ)(?:電話|連絡)|\b(?:virus (?:detected|infection|found)|infected with|your (?:computer|device|phone) (?:is|has been) (?:infected|hacked|compromised)|trojan|call (?:microsoft|apple|windows) support)\b/i,
    ],
    detail: {
      ja: '「ウイルスに感染しました」などと警告しています。画面の警告に書かれた番号に電話させるのは、サポート詐欺です。',
      en: 'It warns of a virus or hacking. Warnings that ask you to call a number are a tech-support scam.',
    },
  },
  {
    code: 'authority_claim',
    weight: 35,
    scamType: 'fake_authority',
    all: [
      /警察|警視庁|刑事|検察|検事|捜査|逮捕|金融庁|総務省|厚生労働省|法務省|裁判所|入管|出入国在留管理|大使館|\b(?:police|prosecutor|fbi|interpol|customs (?:office|officer)|arrest(?:ed)?|investigat(?:ion|or)|immigration|embassy|visa status|deport(?:ed|ation)?)\b/i,
      /口座|資産|お金|現金|送金|振込|ビデオ通話|捜査|事件|潔白|逮捕|容疑|共犯|事情聴取|個人情報|LINE|保証金|秘密|誰にも|\b(?:bank account|money|transfer|video call|bail|fine|fee|passport|call (?:us )?back|gift card|bitcoin|warrant|deport(?:ed)?)\b/i,
    ],
    unless: /(?:警察|警視庁)(?:相談専用電話|の相談窓口)|#9110|警察をかたる|偽警察/,
    detail: {
      ja: '警察・検察・役所を名乗り、お金や口座の話をしています。警察や検察が、電話やSNSでお金の振込や口座の確認を求めることはありません。',
      en: 'It claims to be the police, a prosecutor or a ministry and talks about money or accounts. They never ask for money or account details by phone or chat.',
    },
  },
  {
    code: 'guaranteed_returns',
    weight: 40,
    scamType: 'investment',
    all: [
      /必ず(?:儲|もう)か|絶対(?:に)?(?:儲|もう|稼)|確実に(?:儲|利益|稼)|元本保証|必ず値上がり|値上がり確実|未公開株|損(?:は)?しない|高配当|月利|日利|(?:利回り|リターン)\s*\d|(?<!\d)\d+\s*倍に|投資(?:の)?(?:先生|グループ|講座|コミュニティ|アドバイ)|株(?:式)?(?:講座|勉強会)|\b(?:(?:guaranteed|assured) (?:returns?|profit|income)|risk[- ]free (?:investment|profit)|double your money|\d+% (?:daily|weekly|monthly) (?:returns?|profit)|investment (?:group|mentor|opportunity))\b/i,
    ],
    detail: {
      ja: '「必ず儲かる」「元本保証」など、うまい投資話をしています。確実に儲かる投資はありません。',
      en: 'It promises sure or guaranteed investment returns. No investment is guaranteed to make money.',
    },
  },
  {
    code: 'sns_investment',
    weight: 30,
    scamType: 'investment',
    all: [
      /LINE(?:グループ|で|に|の)|グループ(?:に参加|チャット)|勉強会|先生|アシスタント|有名人|著名人|インフルエンサー|機関口座|\b(?:whatsapp group|telegram|join (?:our|the) group|assistant)\b/i,
      /投資|株|銘柄|利益|運用|FX|暗号資産|\b(?:invest|stock|trading|profit|forex)\b/i,
    ],
    detail: {
      ja: 'SNSやLINEのグループに誘い、投資をすすめています。SNSで知り合った人がすすめる投資は、詐欺であることが多いです。',
      en: 'It invites you to a chat group to invest. Investments pushed through social media are often scams.',
    },
  },
  {
    code: 'romance',
    weight: 25,
    scamType: 'romance',
    all: [
      /結婚|恋人|愛して|会いたい|あなたに会|運命|二人の(?:将来|未来)|\b(?:my love|my dear|marry|soulmate|darling|love you)\b/i,
      /送金|お金|振込|投資|手数料|関税|ギフト|暗号資産|航空券|治療費|\b(?:money|wire|transfer|fee|invest(?:ment)?|customs|plane ticket|hospital bill|gift card|bitcoin|western union)\b/i,
    ],
    detail: {
      ja: '恋愛や結婚の話と、お金の話が一緒に出てきます。会ったことのない相手がお金を求めるのは、ロマンス詐欺の手口です。',
      en: 'Talk of love or marriage comes with talk of money. Someone you have not met asking for money is a romance scam.',
    },
  },
  {
    code: 'prize',
    weight: 30,
    scamType: 'prize',
    all: [
      /当選|当たりました|賞金|懸賞|プレゼント(?:に|が)?(?:当|選)|(?:受け取り|受取)(?:手数料|の手続)|おめでとうございます.{0,20}(?:選ばれ|当)|\b(?:(?:you|u)(?:'ve| have| hav)? (?:won|been selected)(?!')|winner|prize|(?:cash|\u00a3\d+|\$\d+) award|awarded|claim (?:your|ur|the|a)|free (?:entry|gift|iphone|holiday|cash)|selected to receive|lucky draw|guaranteed (?:\u00a3|\$|cash|prize)|(?:number|mobile|phone|email) (?:has )?won)\b/i,
    ],
    detail: {
      ja: '「当選しました」などと言っています。応募していない懸賞に当たることはありません。受け取りに手数料を求められたら詐欺です。',
      en: 'It says you have won a prize. You cannot win a draw you did not enter, and real prizes never charge a fee.',
    },
  },
  {
    code: 'delivery_failure',
    weight: 15,
    scamType: 'delivery_sms',
    all: [
      /不在(?:の為|のため|で|票|通知)|持ち?帰り|再配達|お届けにあがり|配達(?:でき|出来)(?:ません|なかった)|(?:住所|宛先)(?:が)?不(?:備|明)|(?:荷物|小包)(?:に|の)(?:不備|問題)|(?:荷物|小包)が(?:届け|お届け)(?:でき|られ)|返送され|配送(?:料|手数料)(?:の|を|が)(?:お?支払|未)|関税|\b(?:parcel|package|delivery|item|shipment|order) (?:could not be|was not|failed|is on hold|held|pending)|(?:re-?delivery|missed delivery|delivery attempt|customs fee|shipping fee|unable to deliver|delivery (?:is )?waiting|(?:tried|attempted) to (?:make a )?deliver|re-?schedule (?:your |the )?delivery|awaiting (?:your )?(?:instructions?|confirmation|payment)|pending (?:directions|instructions) from you|confirm the (?:payment|fee) (?:of|for) (?:the )?delivery|shipment (?:is )?(?:on hold|pending|suspended))\b/i,
    ],
    detail: {
      ja: '荷物の不在や配達の失敗を知らせています。宅配業者がSMSのリンクから再配達や支払いをさせることは、基本的にありません。',
      en: 'It says a delivery failed. Delivery firms do not ask you to rebook or pay through a link in a text.',
    },
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
    detail: {
      ja: 'キャッシュカードや通帳を預かる・交換すると言っています。銀行・警察・役所がカードを受け取りに来ることは、絶対にありません。',
      en: 'It says someone will collect your bank card or bankbook. Banks, police and offices never come to collect cards.',
    },
  },
  {
    code: 'family_emergency',
    weight: 30,
    scamType: 'impersonation_call',
    all: [
      /オレだけど|俺だけど|おれだけど|携帯(?:を)?(?:なくし|落と|変え)|番号(?:が)?変わった|会社のお金|小切手|示談(?:金|に)|痴漢|前科|捕まった|使い込|妊娠させ|事故を起こし|喉の調子|風邪をひいて声|\b(?:hi mum|hi mom|hi dad|(?:mum|mom|dad),? it'?s me)\b.{0,80}\b(?:new (?:number|phone)|lost my phone|broke my phone|dropped my phone)\b|\b(?:new (?:number|phone)|lost my phone|broke my phone|dropped my phone|i'?m in trouble|don'?t tell (?:dad|mum|mom))\b.{0,160}\b(?:send|transfer|pay|money|bill|help me)\b|\b(?:grandma|grandpa|granny|nana|grandmother|grandfather|mum|mom|dad|auntie|uncle)\b[^.!?\n]{0,30}\b(?:it'?s me|it is me|i'?m in trouble|i am in trouble|i need (?:your )?help|please help)\b/i,
    ],
    detail: {
      ja: '家族を名乗り、電話番号が変わった、急にお金が必要だと言っています。いったん切って、前から知っている番号に掛け直して確かめてください。',
      en: 'It claims to be family with a new number or a sudden need for money. Check by calling the number you already know.',
    },
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
    detail: {
      ja: 'お金を貸す前に保証金や手数料を求めています。融資の前にお金を払わせるのは、融資保証金詐欺です。',
      en: 'It asks for a fee before lending money. Paying before a loan is an advance-fee loan scam.',
    },
  },
  {
    code: 'side_job',
    weight: 25,
    scamType: 'side_job',
    all: [
      /副業|在宅(?:ワーク|で|勤務)|スマホ(?:だけ|1台)で|日給|日収|月収\d|簡単に稼|誰でも稼|高収入|タスク(?:をこなす|報酬)|(?:見る|いいね(?:する|を押す)?|フォローする)だけで(?:報酬|稼|お金)|報酬(?:が|を)(?:もらえ|受け取|得られ)|1日の(?:収入|報酬)|オンライン(?:ワーク|アルバイト|の仕事)|\b(?:work from home|easy money|(?:easily|quickly) make money|make (?:easy|extra|quick) money|make money (?:online|at home|from home)|earn (?:up to )?[$\u00a3\u00a5]?[\d,]+(?: yen)? ?(?:a|per|\/) ?day|part[- ]time job offer|daily (?:pay|income|salary)|online job|app rating|(?:review|rate) products? online|no experience (?:needed|required))\b/i,
    ],
    detail: {
      ja: '「スマホで簡単に稼げる」などと副業をすすめています。最初にお金を払わせたり、情報商材を買わせたりする手口があります。',
      en: 'It offers easy money from a side job. Such offers often end with you paying fees or buying useless courses.',
    },
  },
  {
    code: 'call_premium',
    weight: 30,
    scamType: 'prize',
    all: [
      /\b(?:call|ring|phone)\b.{0,40}\b09\d{8,9}\b|\b(?:txt|text|reply|send)\b.{0,30}\bto \d{5}\b|\b\d{5}\b.{0,30}\b(?:stop|opt out)\b|\b\d+(?:\.\d+)?p(?:\/| per )min\b|\b18\+/i,
    ],
    detail: {
      ja: '有料の番号への電話や、短い番号へのSMS返信を求めています。高い料金がかかることがあります。',
      en: 'It asks you to call a premium-rate number or text a short code. These can cost a lot.',
    },
  },
  {
    code: 'unrecognised_charge',
    weight: 15,
    scamType: 'phishing',
    all: [
      /(?:身に覚え|心当たり|お心当たり)(?:の|が)(?:ない|ありません|無い)(?:場合|方|時|とき)|ご利用に(?:覚え|心当たり)がない|\bif (?:this|it) (?:was|wasn't|was not|is) (?:not )?(?:you|made by you)|\bif (?:you )?(?:did not|didn't) (?:make|authori[sz]e|request)|\bif unauthori[sz]ed\b|\bdid you (?:attempt|make|authori[sz]e|request) (?:a|this)\b/i,
      /こちら|下記|リンク|URL|http|hxxp|www\.|ログイン|お電話|連絡|窓口|\b(?:link|click|tap|call|contact|log ?in|visit|reply)\b/i,
    ],
    unless: IGNORE_IF_NOT_YOU_RE,
    detail: {
      ja: '「身に覚えのない場合はこちら」と、リンクや電話で手続きさせようとしています。不安をあおって偽サイトに誘う、よくある手口です。',
      en: 'It says "if this was not you, click here or call". Worry about a charge is used to lure people to fake sites.',
    },
  },
  {
    code: 'callback_request',
    weight: 12,
    all: [
      /(?:お電話|電話して|折り返し|ご連絡)(?:ください|を)|(?:下記|こちら)の(?:番号|電話)|\b(?:call|contact|ring|phone)\b[^.!?\n]{0,25}\b(?:customer care|customer service|helpline|support|us|now|immediately|on|at)\b/i,
      /\d{2,4}[-\s]?\d{2,4}[-\s]?\d{3,4}|\d{8,}/,
    ],
    detail: {
      ja: 'メッセージに書かれた番号へ電話させようとしています。確認は、ご自分で調べた公式の番号でしてください。',
      en: 'It asks you to call the number it gives. Check using a number you look up yourself.',
    },
  },
  {
    code: 'advance_fee',
    weight: 35,
    scamType: 'other',
    all: [
      /遺産|相続人|受取人に(?:選|指定)|未請求の|\b(?:beneficiary|bequest|inheritance|next of kin|unclaimed (?:funds?|payment|bequest)|(?:\d+(?:\.\d+)? ?)?mil+ions? (?:dollars?|usd|euros?|pounds?)|\d+ ?crores?|compensation (?:funds?|payments?)|accept\w* (?:his|her|my|our|the|this) donation|consignment box|donation (?:fund|of|to you)|philanthropist|charitable (?:fund|donation|goals?)|atm (?:visa )?card (?:worth|valued|of)|recovery of your atm card|barrister|diplomat(?:ic)? (?:agent|courier)|(?:us|usd)\$? ?\d[\d.,]* ?million|transfer (?:the|this) (?:sum|fund))\b/i,
    ],
    detail: {
      ja: '大金や遺産を受け取れると言っています。先に手数料を払わせたり、口座情報を聞き出したりする手口です。',
      en: 'It offers you a large sum or inheritance. These scams ask for fees or bank details first.',
    },
  },
  {
    code: 'court_notice',
    weight: 45,
    strong: true,
    scamType: 'fictitious_billing',
    all: [/支払督促|訴訟(?:最終)?(?:告知|通知)|民事訴訟(?:管理|通知)センター|総合消費料金|取り?下げ期日|裁判取り?下げ/],
    detail: {
      ja: '「訴訟」「支払督促」を知らせて連絡させようとしています。裁判所からの本物の書類は特別送達で届き、SMSやハガキの番号に電話させることはありません。',
      en: 'It announces a lawsuit or payment order and asks you to call. Real court papers arrive by special registered mail, never as a text or postcard with a number to call.',
    },
  },
  {
    code: 'automated_call',
    weight: 40,
    scamType: 'fake_authority',
    all: [
      /自動音声|(?:\d|[一二三四五六七八九])番を押|番号を押す|ボタンを押すと|\bpress \d\b/i,
      /停止|使えなく|料金|大使館|書類|警察|総務省|NTT|未納|裁判|\b(?:suspend|embassy|police|tax|court)\b/i,
    ],
    detail: {
      ja: '自動音声で「◯番を押してください」と言う電話です。通信停止や料金を理由に番号を押させ、オペレーターにつなぐのは詐欺の手口です。',
      en: 'It is an automated call asking you to press a number. Scammers use this to connect you to a fake operator.',
    },
  },
  {
    code: 'dark_job',
    weight: 55,
    strong: true,
    scamType: 'side_job',
    all: [
      /ホワイト(?:な)?(?:高額)?案件|闇バイト|受け子|出し子|運び(?:の)?(?:仕事|案件|\s?1件)|(?:人|荷物|書類)を運(?:ぶ|んで)|即日即金|高額(?:報酬|バイト|案件)|(?:免許証|身分証|マイナンバーカード)の?(?:写真|画像)を(?:先に)?送/,
    ],
    detail: {
      ja: '高い報酬の「仕事」に誘い、身分証の写真などを送らせようとしています。犯罪の実行役（闇バイト）に引き込む手口です。応じないでください。',
      en: 'It offers a high-paying "job" and asks for ID photos first. This is how criminal gangs recruit people to carry out crimes.',
    },
  },
  {
    code: 'one_click_billing',
    weight: 45,
    strong: true,
    scamType: 'fictitious_billing',
    all: [/登録(?:が)?完了|端末情報を?取得|個体識別番号|シャッター音|年齢確認/, /料金|円|支払|請求|退会/],
    detail: {
      ja: 'ボタンを押しただけで「登録完了」「料金◯円」と表示されています。ワンクリック詐欺です。支払う必要はなく、連絡もしないでください。',
      en: 'A click showed "registration complete" and a fee. This is a one-click billing scam: you do not owe it and should not contact them.',
    },
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
    detail: {
      ja: '利益を引き出すために「保証金」「手数料」「税金」を求められています。これは投資詐欺の典型で、払ってもお金は戻りません。',
      en: 'You are asked to pay a fee or tax before withdrawing profits. This is a classic investment scam: paying brings nothing back.',
    },
  },
  {
    code: 'points_purchase',
    weight: 40,
    scamType: 'romance',
    all: [/ポイント(?:を)?(?:買|購入)|ポイント代|連絡先(?:を)?交換/, /サイト|出会い|女性|男性|会い/],
    detail: {
      ja: '連絡先の交換や会うために、サイトのポイントを買わせています。交際あっせん（サクラサイト）詐欺の手口です。',
      en: 'You are asked to buy site points to exchange contacts or meet. This is a dating-site scam.',
    },
  },
  {
    code: 'personal_account',
    weight: 35,
    scamType: 'fake_shop',
    all: [
      /個人名(?:義)?の口座|振込先が個人|個人口座に(?:振り?込|送金)|支払いは銀行振込(?:のみ|だけ)|\bpersonal (?:bank )?account\b/i,
    ],
    detail: {
      ja: '支払い先が個人名義の口座や、銀行振込だけになっています。偽の通販サイトや詐欺によくある特徴です。',
      en: 'Payment goes to a personal account or by bank transfer only, typical of fake shops and scams.',
    },
  },
  {
    code: 'account_recovery_help',
    weight: 40,
    scamType: 'account_takeover',
    all: [
      /(?:アカウント|乗っ取).{0,20}(?:取り戻|手伝|協力)|スクショ(?:を)?送|届いた(?:リンク|コード|番号)(?:を)?(?:送|教え)|\b(?:help me (?:recover|get back)|send me (?:the|a) (?:screenshot|code|link))\b/i,
    ],
    detail: {
      ja: '友だちを名乗り、届いたコードやリンクの画面を送らせようとしています。アカウントを乗っ取る手口です。本人に電話などで確かめてください。',
      en: 'Someone posing as a friend asks you to send a code or a screenshot of a link. This is how accounts are taken over.',
    },
  },
  {
    code: 'qr_lure',
    weight: 30,
    scamType: 'phishing',
    all: [
      /QR ?コード|\bQR\b/i,
      /反則金|ログイン|暗証|口座|支払|振込|インターネットバンキング|\b(?:fine|log ?in|pay)\b/i,
    ],
    unless: /QR ?コード決済|バーコード決済/,
    detail: {
      ja: 'QRコードを読み取らせて、支払いやログインをさせようとしています。QRコードの先が偽サイトのことがあります。',
      en: 'It asks you to scan a QR code to pay or log in. The code may lead to a fake site.',
    },
  },
  {
    code: 'deposit_request',
    weight: 30,
    scamType: 'investment',
    all: [
      /(?:指定|専用)の(?:サイト|アプリ|取引所|取引口座).{0,20}(?:入金|登録|振り?込|送金)|(?:入金|送金)するように|先物取引|\b(?:deposit (?:funds|money) (?:on|into|to)|trading platform)\b/i,
    ],
    detail: {
      ja: '指定のサイトやアプリにお金を入れるよう言われています。SNSで知り合った人にすすめられた投資は、詐欺であることが多いです。',
      en: 'You are told to put money into a site or app they chose. Investments pushed by online acquaintances are often scams.',
    },
  },
  {
    code: 'money_to_account',
    weight: 35,
    // A bank's or the police's "we will never ask you to move money" is the warning, not the request.
    unless:
      /\b(?:never|will not|won't|would never|do not|don't)\b[^.!?\n]{0,30}\b(?:ask|tell|request|call)\b|(?:こと|事)は(?:絶対に|決して|一切)?(?:ありません|ございません)|(?:求め|お願いし)(?:る|た)?ことは(?:ありません|ございません)/i,
    all: [
      /(?<!ご)(?:指定|別|安全|保護|専用|下記|以下|こちら)の(?:銀行)?口座(?:に|へ|まで)|口座(?:に|へ)(?:お金|現金|預金|資金)?を?(?:移|振り?込|送金|入金|預け)(?:して|て|ろ|替え)(?!い?ただきありがと|もらっ|くれて|た)|(?:お金|現金|資金|預金)を(?:移|振り?込|送金|入金)(?:して|んで|する)|(?:振り?込|送金|入金)(?:して|んで)(?:ください|下さい|ほしい|欲しい|もらえ|くれ|いただ)|現金(?:を|は)(?:用意|準備|引き出|おろ|下ろ|渡|送|預|封筒)|(?:現金|カード|キャッシュカード|お金)を?(?:取りに|受け取りに|回収しに|預かりに)(?:行|伺|参|来|向か)|(?:レターパック|宅配便|ゆうパック).{0,15}(?:現金|お金)|(?:お金|現金)を?(?:貸して|送って|立て替え)|(?:カード|ギフト券|プリペ[ーイ]ド|電子マネー|webmoney|ウェブマネー).{0,20}(?:買って|購入して|買ってき|買う(?:の)?を手伝)|\b(?:transfer|wire|move|send|deposit)\b[^.!?\n]{0,40}\b(?:to|into) (?:this|my|our|the following|a (?:safe|secure|new|protected))\b[^.!?\n]{0,20}\b(?:account|wallet)\b|\bsend (?:me|us)\b[^.!?\n]{0,30}(?:money|cash|funds|[$£€]\s?\d|bitcoin|gift ?cards?)|\b(?:western union|moneygram)\b|\b(?:buy|purchase|pick up|get)\b[^.!?\n]{0,30}\bgift ?cards?\b|\bi need (?:some |the )?money\b|\bcan you (?:lend|send|transfer) (?:me )?(?:some |the )?(?:money|cash|funds|\$)/i,
    ],
    detail: {
      ja: 'お金を指定の口座に移す、現金やカードを渡す、カードを買うなど、お金を動かすよう求めています。警察・銀行・役所や家族を名乗る相手でも、まず応じないでください。',
      en: 'It asks you to move money to an account, hand over cash or cards, or buy cards. Whoever they claim to be, do not do it before checking.',
    },
  },
  {
    code: 'favor_request',
    weight: 15,
    all: [
      /手伝って(?:もらえ|くれ|ほしい|欲しい|いただけ|もらって)|お願いが(?:ある|あります|あって|ございます)|(?:今|いま)(?:忙しい|お忙しい|大丈夫|時間ある|空いて)|ちょっと(?:いい|頼み|お願い)|\b(?:are you (?:busy|free|available|there)\??|can you do me a (?:quick |small )?favou?r|i need (?:a|your) (?:quick |small )?(?:favou?r|help))\b/i,
    ],
    detail: {
      ja: '知り合いのふりをして「手伝ってほしい」「お願いがある」と頼みごとをしています。乗っ取られたアカウントや、なりすましからの連絡によくある始まり方です。本人に電話などで確かめてください。',
      en: 'It asks for a favour as if from someone you know. Hijacked or fake accounts often start this way. Check with the person by phone.',
    },
  },
  {
    code: 'payment_problem',
    weight: 20,
    scamType: 'phishing',
    all: [
      /(?:お?支払い?|決済|引き?落と?し|ご請求)(?:方法)?(?:が|の|に)?(?:無効|失敗|完了でき|確認でき|エラー|できませんでした|できない|承認されません|問題)|(?:クレジット)?カード(?:情報)?の?(?:有効期限|更新|再登録)(?:が|を)(?:切れ|必要|でき|お願い)|有効な(?:クレジット)?カードが(?:登録されて|ありません)|(?:料金|請求|ご利用額|利用金額)が(?:大変|非常に)?高額|\b(?:payment (?:method )?(?:was |has been |is )?(?:declined|failed|unsuccessful|rejected|could not be (?:processed|completed))|update (?:your )?(?:billing|payment) (?:information|details|method|info)|(?:your )?card (?:has )?(?:expired|been declined)|billing (?:problem|issue|error|information (?:is )?(?:outdated|incorrect)))\b/i,
    ],
    detail: {
      ja: '「お支払い方法が無効です」「カード情報の更新が必要です」などと言っています。支払いの問題を理由に、リンクからカード番号を入力させるのはフィッシングの典型です。',
      en: 'It says your payment failed or your card details need updating. That is a common reason given to make you type card details into a fake site.',
    },
  },
  {
    code: 'security_alert',
    weight: 15,
    scamType: 'phishing',
    all: [
      /不正(?:な)?(?:ログイン|アクセス|利用|取引|操作)|(?:異常|不審|通常とは異なる)な?(?:アクティビティ|活動|ログイン|アクセス|取引)|(?:サインイン|ログイン)が(?:検出|確認)|新しい(?:デバイス|端末)から|セキュリティ上の(?:理由|問題)|\b(?:suspicious|unusual|unrecogni[sz]ed|strange|irregular|abnormal) (?:activity|login|log-in|sign-?in|attempt|transaction)s?\b|\bnew (?:device|sign-?in|login) (?:detected|from)\b|\bactivity (?:in|on) your account[^.!?\n]{0,40}\bunusual\b|\b(?:improve|upgrade|strengthen) (?:your )?account security\b|\bsecurity (?:alert|breach|reasons)\b|\b(?:someone|a user|an unknown (?:user|device)) (?:just )?(?:tried to |has |attempted to )?(?:log(?:ged)? ?in|sign(?:ed)? ?in|access(?:ed)?|[il]og(?:ged)? ?in)\b/i,
    ],
    detail: {
      ja: '「不正なログインを検知しました」などと、不安にさせる知らせです。本物か確かめるときは、このメッセージのリンクではなく、公式アプリか公式サイトからログインしてください。',
      en: 'It warns of a suspicious sign-in or activity. To check, open the official app or site yourself, not the link in the message.',
    },
  },
  {
    code: 'points_lure',
    weight: 15,
    scamType: 'phishing',
    all: [
      /ポイント.{0,15}(?:失効|付与|保留|獲得|進呈|還元|有効期限|が届|を受け取)|マイナポイント|\b(?:(?:reward |loyalty |bonus )?points? (?:will |are about to )?expir\w*|redeem\b[^.!?\n]{0,25}\b(?:rewards?|points)|claim (?:your )?(?:reward|points|bonus))\b/i,
    ],
    detail: {
      ja: 'ポイントがもらえる、まもなく失効する、などと言っています。ポイントを口実に偽サイトへ誘い、カード番号やIDを入力させる手口があります。',
      en: 'It says you have points or a reward about to expire. Points are a common bait to lure people to fake sites.',
    },
  },
  {
    code: 'contact_elsewhere',
    weight: 20,
    all: [
      /LINE\s*(?:ID)?\s*[:：]|LINE(?:の)?(?:ID|連絡先|アカウント)(?:を|で|に|まで)?(?:交換|教え|追加|登録|連絡)|(?:友だち|友達)追加|(?:LINE|ライン|カカオ|テレグラム|Telegram|WhatsApp|WeChat)(?:で|に|へ)(?:連絡|お話|やりとり|やり取り|移動|追加)|(?:LINE|ライン)(?:まで|へ)(?:ご)?連絡|\b(?:add me on|message me on|contact (?:me|us) (?:on|via)|text me on|reach me on|chat (?:with me )?on|move (?:to|over to))\s+(?:whatsapp|telegram|signal|wechat|line|kakao(?:talk)?|viber)\b|\b(?:whatsapp|telegram)\s*(?::|me|number|@)/i,
    ],
    detail: {
      ja: 'LINEなど別のアプリでのやりとりや、連絡先の交換に誘っています。知らない相手が個別のやりとりに誘うのは、投資・副業・ロマンス詐欺によくある流れです。',
      en: 'It asks you to move to another app (LINE, WhatsApp, Telegram) or swap contacts. Strangers moving you to a private chat is a common step in investment, job and romance scams.',
    },
  },
  {
    code: 'stranger_opener',
    weight: 15,
    scamType: 'romance',
    all: [
      /(?:良い|いい)?(?:友達|友だち|お友達)になり(?:たい|ませんか)|仲良く(?:して|なり)|初めまして.{0,30}(?:紹介|知りました|見つけ)|(?:日本の)?どちらに(?:お住まい|住んで|いますか|いらっしゃ)|ご趣味は|趣味は何|とても(?:魅力的|素敵)な方|\b(?:would love to (?:get to know|be friends)|let'?s be friends|where (?:do you|are you) (?:live|from)|you (?:seem|look) (?:nice|kind|lovely))\b/i,
    ],
    detail: {
      ja: '知らない相手が、親しくなろうと話しかけています。SNSで知り合った相手が、やがて投資やお金の話を持ち出すのは、ロマンス詐欺・投資詐欺の始まり方です。',
      en: 'A stranger is trying to become friends. Romance and investment scams often begin this way before turning to money.',
    },
  },
  {
    code: 'investment_invite',
    weight: 20,
    scamType: 'investment',
    all: [
      /投資(?:について|に(?:興味|関心)|を(?:始め|教え|学)|の(?:勉強|相談|情報|コツ|話))|(?:株|銘柄|資産運用|FX|仮想通貨|暗号資産)(?:について|に(?:興味|関心)|を(?:教え|紹介)|の(?:情報|相談|勉強))|(?:儲かる|稼げる)(?:話|方法|情報)|\b(?:interested in (?:investing|investment|crypto|trading)|investment (?:advice|tips|plan)|trading (?:tips|signals)|make money (?:with|from|trading))\b/i,
    ],
    detail: {
      ja: '投資の話を持ちかけています。SNSやメッセージで知らない相手からすすめられる投資は、詐欺であることが多いです。',
      en: 'It brings up investing. Investments suggested by strangers through messages are often scams.',
    },
  },
  {
    code: 'mixed_script',
    weight: 25,
    all: [/[A-Za-z][\u0370-\u03ff\u0400-\u04ff]|[\u0370-\u03ff\u0400-\u04ff][A-Za-z]/],
    detail: {
      ja: '英字の言葉の中に、見た目がそっくりな別の文字（キリル文字など）が混ぜられています。迷惑メールの検知や、ブランド名の確認をすり抜けるための細工です。',
      en: 'Latin words contain look-alike letters from other alphabets (such as Cyrillic). This trick is used to slip past filters and brand checks.',
    },
  },
  {
    code: 'spaced_text',
    weight: 15,
    all: [/[\u30a0-\u30ff\u3400-\u9fff](?: [\u3040-\u30ff\u3400-\u9fff]){4}/],
    detail: {
      ja: '「三 井 住 友」のように、一文字ずつ空白を入れています。迷惑メールの検知をすり抜けるための細工であることがあります。',
      en: 'Letters are written with spaces between them, a trick used to slip past spam filters.',
    },
  },
  {
    code: 'violation_claim',
    weight: 15,
    scamType: 'phishing',
    all: [
      /規約(?:に)?違反|違反(?:され|が(?:あ|確認|見つ)|して)|不正(?:な)?(?:利用|操作)が(?:確認|検出)|\b(?:violat(?:ed|ion|ing) (?:of )?(?:our|the) (?:terms|policy|policies|guidelines|rules)|policy violation|copyright (?:infringement|violation))\b/i,
    ],
    detail: {
      ja: '「規約に違反しています」などと不安にさせています。違反を口実に、リンクからログインさせたり手続きさせたりする手口です。',
      en: 'It claims you broke a rule or policy. That claim is used to make people log in through a link.',
    },
  },
  {
    code: 'sextortion',
    weight: 40,
    scamType: 'other',
    all: [
      /\b(?:i(?:'ve| have)? recorded you|recorded (?:a )?video of you|(?:private|my) malware|your (?:webcam|camera) (?:was|has been)|(?:hacked|infected) your (?:device|computer|phone)|i (?:have )?(?:hacked|gained access to) your|(?:managed|was able) to hack|professional hacker|(?:send|pay|transfer) [^.!?\n]{0,30}\bbitcoin\b[^.!?\n]{0,40}\b(?:or|otherwise)\b|within (?:48|24|72) hours?[^.!?\n]{0,60}\b(?:video|recording|contacts)\b)/i,
    ],
    detail: {
      ja: '「あなたを録画した」「端末を乗っ取った」と脅し、お金を払わせようとしています。脅迫メールの手口です。支払わず、返信もしないでください。',
      en: 'It threatens that you were recorded or your device was hacked, and demands payment. This is an extortion scam: do not pay or reply.',
    },
  },
  {
    code: 'document_lure',
    weight: 20,
    scamType: 'phishing',
    all: [
      /\b(?:(?:secure|encrypted|shared|protected|confidential) (?:document|file|message|fax|pdf|voice ?mail)s?|you (?:have )?received (?:a |an )?(?:new )?(?:secure |encrypted |shared )?(?:document|file|fax|voice ?mail|invoice|remittance|payment advice)|view (?:the |your )?(?:document|file|invoice|voice ?mail)|docusign|sharepoint|onedrive|pending (?:documents?|messages?|e-?mails?)|(?:incoming|outgoing) (?:messages?|e-?mails?) (?:couldn'?t|could not|were not|have not been|failed to|are (?:being )?)\s?(?:be )?(?:deliver\w*|held|delayed|suspended|on hold)|upgrad\w* (?:your |our )?(?:mailbox|e-?mail (?:system|account|server))|mailbox[- ]quota)\b|(?:保留中|未読)の(?:メッセージ|メール)|(?:ファイル|書類|文書)が(?:共有|届いて)/i,
    ],
    detail: {
      ja: '「書類が共有されました」「保留中のメールがあります」などと、ファイルやメッセージを開かせようとしています。開いた先で、ログイン情報を入力させる手口です。',
      en: 'It says a document, file or message is waiting for you. Such lures lead to fake log-in pages.',
    },
  },
  {
    code: 'gambling',
    weight: 20,
    scamType: 'other',
    all: [
      /オンラインカジノ|カジノ|\b(?:casino|free spins|jackpot|sportsbook|betting bonus|deposit bonus|slot machines?|online slots|no deposit (?:bonus|required)|welcome (?:pack|bonus) \d+ ?%|b0nus|\d+ ?FS)\b/i,
    ],
    detail: {
      ja: 'カジノや賭けごとに誘っています。海外のオンラインカジノは日本では違法で、お金が戻らないことがあります。',
      en: 'It invites you to gamble online. Such offers often end with money you cannot get back.',
    },
  },
  {
    code: 'reward_lure',
    weight: 15,
    scamType: 'prize',
    all: [
      /(?:プレゼント|特典|ギフト|賞品)(?:を|が)?(?:お?受け取|進呈|ご用意|届いて)|選ばれました|\b(?:(?:your|a) (?:special |free |exclusive |surprise )?(?:gift|reward|bonus|prize) (?:is )?(?:ready|waiting|awaits|pending|reserved)|claim (?:your|the|a) (?:free |special )?(?:gift|reward|bonus|prize)|(?:you|u)(?:'ve| have) been (?:selected|chosen)|(?:your )?(?:e-?mail|email address|number) (?:was|has been) (?:randomly )?selected|exclusive (?:reward|gift)|thank[- ]you gift|loyalty (?:reward|gift)|congratulations|(?:complete|take|finish) (?:a |our |the |this )?(?:\w+ )?(?:quick |short |brief )?survey (?:for|and|to) (?:a chance|win|receive|get|claim))\b/i,
    ],
    detail: {
      ja: 'プレゼントや特典を受け取れると言っています。受け取りのためにカード番号や送料を求められたら詐欺です。',
      en: 'It says a gift or reward is waiting for you. If receiving it needs card details or a fee, it is a scam.',
    },
  },
  {
    code: 'windfall_claim',
    weight: 20,
    scamType: 'prize',
    all: [
      /\b(?:(?:your )?(?:payout|payment|funds?|rewards?|dividends?|restitution|compensation|winnings|bonus|grant|inheritance|score)\b[^.!?\n]{0,20}\b(?:has been|have been|is|are|was)?\s?(?:approved|released|ready|available|awaits?|scheduled|credited|pending|waiting)|(?:lottery|lucky) (?:winning|winner|draw)|(?:bankruptcy|restructuring)\b[^\n]{0,120}\b(?:distributions?|claims? (?:payment|refund)s?|refunds?|payments?))\b|(?:配当|報酬|賞金|給付金|返金)(?:金)?(?:の)?(?:お?受け取り|支払い)(?:の)?(?:準備|手続き)が(?:完了|整い)/i,
    ],
    detail: {
      ja: '思いがけないお金（配当・報酬・賞金など）が受け取れると言っています。受け取りのために手数料や個人情報を求めるのは詐欺の手口です。',
      en: 'It says money you did not expect (a payout, reward or winnings) is waiting for you. Asking for fees or details to release it is a scam tactic.',
    },
  },
  {
    code: 'action_required',
    weight: 15,
    scamType: 'phishing',
    unless: /\bno (?:further )?action (?:is )?(?:needed|required)\b/i,
    all: [
      /\b(?:action (?:required|needed)|required update|(?:must|need to) (?:manually )?(?:update|verify|re-?verify)|(?:update|verification|registration|agreement|setup|validation)s? (?:is |are )?(?:still )?(?:incomplete|pending|required|overdue|needed)|mandatory (?:update|verification|agreement)|complete (?:your|the) (?:update|verification|setup|registration|validation)|has not (?:completed|been verified)|(?:complete|update|submit)\b[^.!?\n]{0,20}\bkyc|kyc (?:update|verification|is pending|pending|incomplete|expired)|must be (?:completed|activated|verified|updated|confirmed) (?:by|before|within))\b|(?:手続き|登録|更新|認証|確認)が(?:完了して|済んで)(?:い)?(?:ません|ない)|未完了/i,
    ],
    detail: {
      ja: '「手続きが完了していません」「更新が必要です」と、急いで手続きさせようとしています。確かめるときは、公式アプリか、ご自分で調べた公式サイトを使ってください。',
      en: 'It says an update or verification is incomplete or required. To check, open the official app or a site you look up yourself.',
    },
  },
  {
    code: 'loan_offer',
    weight: 20,
    scamType: 'loan',
    all: [
      /\b(?:loan (?:offer|deal|approval|approved)|we (?:fund|finance) (?:projects|businesses)|(?:low|\d+%) interest (?:rate )?loan|instant (?:loan|cash)|pre-?approved (?:loan|credit)|loan (?:solutions?|requirements?|funding)|(?:provid\w*|offer\w*|speciali[sz]\w* in|arrang\w*) (?:\w+ ){0,3}(?:loans?|financ\w*) (?:to|for)\b|financ\w* arranged)\b|(?:即日|審査なし|ブラックでも)(?:融資|借入|貸付)|(?:融資|借入)(?:が)?(?:可能|OK)です/i,
    ],
    detail: {
      ja: 'お金を貸すと持ちかけています。知らない相手からの融資の話は、保証金や手数料をだまし取る手口のことがあります。',
      en: 'It offers you a loan. Unsolicited loan offers often end with fees taken up front.',
    },
  },
  {
    code: 'celebrity_giveaway',
    weight: 30,
    scamType: 'investment',
    all: [
      /\b(?:elon musk|bill gates|jeff(?:rey)?(?: preston)? bezos|mark zuckerberg|warren buffett|mackenzie scott)\b|前澤|有名(?:人|投資家)|著名(?:人|投資家)/i,
      /\b(?:giveaway|donat|double|bitcoin|btc|crypto|invest|send)\w*|プレゼント|配布|投資|お金/i,
    ],
    detail: {
      ja: '有名人の名前を使って、お金の配布や投資の話をしています。有名人がメッセージでお金を配ったり、投資をすすめたりすることはありません。',
      en: 'It uses a famous person’s name to offer money or investments. Famous people do not hand out money or investment tips by message.',
    },
  },
  {
    code: 'crypto_claim',
    weight: 25,
    scamType: 'investment',
    all: [
      /\b(?:[Cc]laim|[Gg]et|[Rr]eceive|[Ww]in)\s+(?:[Ff]ree\s+)?\$?\d[\d,.]*\s?(?:[A-Z]{2,6}|[Tt]okens?|[Cc]oins?)\b|\b(?:XRP|BTC|ETH|USDT|[Tt]okens|[Aa]irdrop)\b[^.!?\n]{0,60}\b(?:[Ee]ligible|[Rr]ewards?|[Bb]onus(?:es)?)\b|\b[Ee]ligible\b[^.!?\n]{0,40}\b(?:XRP|BTC|ETH|USDT|[Tt]okens)\b/,
    ],
    detail: {
      ja: '暗号資産（トークン）を無料で受け取れると言っています。受け取りのためにウォレットをつながせ、資産を抜き取る手口があります。',
      en: 'It says you can claim free crypto tokens. Such claims are used to make you connect a wallet that is then emptied.',
    },
  },
  {
    code: 'wallet_problem',
    weight: 20,
    scamType: 'phishing',
    all: [
      /\bwallets?\b[^.!?\n]{0,60}\b(?:fail(?:ed)?|couldn'?t|could not|unable|suspend\w*|restrict\w*|lock\w*|freez\w*|frozen|deactivat\w*|expir\w*|migrat\w*|merge|sync\w*|upgrad\w*|validat\w*|verif\w*|reactivat\w*|restor\w*|recover\w*|compromis\w*)|\b(?:fail(?:ed)?|unable|need|must|required) to (?:validate|verify|sync|migrate|upgrade|connect|restore) (?:your )?wallet/i,
    ],
    detail: {
      ja: '暗号資産のウォレットに問題があると言い、手続きをさせようとしています。ウォレットの復元フレーズを入力させたり、つながせたりして、資産を抜き取る手口です。',
      en: 'It says your crypto wallet has a problem that needs action. Such messages lead to pages that take your recovery phrase or drain the wallet.',
    },
  },
  {
    code: 'fake_invoice',
    weight: 20,
    scamType: 'fictitious_billing',
    all: [
      /\b(?:subscription|membership|renewal|invoice|order|purchase|transaction receipt|payment)\b[^.!?\n]{0,80}\b(?:(?:auto-?)?renewed|processed|charged|deducted|billed|debited)\b|(?:自動)?更新(?:されました|いたしました)|(?:代金|料金|年会費)(?:を|が)(?:引き落と|請求|決済)/i,
      /\b(?:call|contact|cancel|dispute|refund|helpline|customer (?:care|service|support))\b|(?:解約|キャンセル|返金|お問い合わせ)/i,
      /\d{3}[-\s.)]*\d{3}[-\s.]*\d{3,4}|\+\d{6,}|\(\d{3}\)/,
    ],
    detail: {
      ja: '頼んでいない契約の更新や請求を知らせ、「取り消すなら電話を」と番号へ誘っています。電話すると、返金を口実に遠隔操作やカード番号を求められる手口です。',
      en: 'It reports a renewal or charge you did not order and pushes you to call a number to cancel it. Callers are then talked into remote access or card details.',
    },
  },
  {
    code: 'unsolicited_proposal',
    weight: 20,
    scamType: 'other',
    all: [
      /\b(?:business proposal|mutual benefit|utmost (?:importance|confidentiality)|strictly confidential|reaching out (?:to you )?in this manner|i (?:got|obtained|found) your (?:contact|e-?mail)|partner with you|your (?:assistance|cooperation|help) (?:to|in) (?:transfer|receive|invest|claim)|(?:huge|lucrative|profitable) (?:deal|opportunity|business))\b/i,
    ],
    detail: {
      ja: '知らない相手が、内密の取引やもうけ話を持ちかけています。先に手数料を払わせたり、口座を使わせたりする手口です。',
      en: 'A stranger proposes a confidential deal or a profitable opportunity. These lead to fees paid up front or your account being used.',
    },
  },
  {
    code: 'personal_info_request',
    weight: 20,
    all: [
      /(?:携帯番号|電話番号|住所|生年月日|口座番号|マイナンバー|免許証|保険証)(?:を|も)(?:教えて|送って|お知らせ|知らせて)|\b(?:send|give|tell|text) (?:me|us) your (?:phone number|mobile number|home address|address|date of birth|bank details|account number|id|passport)\b/i,
    ],
    detail: {
      ja: '電話番号や住所、口座番号などの個人情報を送らせようとしています。知らない相手や、本人か確かめられない相手には教えないでください。',
      en: 'It asks for personal details such as your phone number, address or bank details. Do not give them to someone you cannot confirm.',
    },
  },
  {
    code: 'important_header',
    weight: 8,
    all: [/^[^\S\n]*(?:件名\s*[:：]\s*)?[【[<＜](?:重要|緊急|至急|要確認|最終通知|警告)[】\]>＞]/m],
    detail: {
      ja: '冒頭に【重要】【緊急】などと書いて、注意を引こうとしています。',
      en: 'It opens with a tag like [IMPORTANT] or [URGENT] to grab attention.',
    },
  },
  {
    code: 'wrong_number_opener',
    weight: 25,
    scamType: 'romance',
    all: [
      /間違い(?:メッセージ|メール|LINE|電話)|(?:送り先|宛先|相手)を間違え|間違えました|\bwrong number\b|\bis this [A-Z][a-z]+\?/,
      /仲良く|友達に|お話し|どちらにお住まい|素敵|投資|\b(?:seem (?:nice|kind)|where are you from|be friends|nice to meet|invest)/i,
    ],
    detail: {
      ja: '「間違えて送りました」から話しかけてきています。親しくなってから投資やお金の話に移る、SNS型ロマンス・投資詐欺の始まり方です。',
      en: 'It starts as a "wrong number" chat. Romance and investment scams often begin this way before turning to money.',
    },
  },
  {
    code: 'adult_content',
    weight: 25,
    latinOnly: true,
    all: [
      /\b(?:xxx (?:pics|video|content)|filthy|babes|hot pics|rude (?:chat|time)|adult (?:18|content)|18\+ content|dogging)\b/i,
    ],
    detail: {
      ja: '性的な内容で気を引こうとしています。返信すると、有料サービスや詐欺につながることがあります。',
      en: 'It uses sexual content as bait. Replying can lead to paid services or scams.',
    },
  },
  {
    code: 'short_code_reply',
    weight: 20,
    scamType: 'prize',
    latinOnly: true,
    all: [
      /\b(?:txt|text(?:ing)?|send|reply|sms)\b[^.!?\n]{0,60}\b(?:to|on)\s*(?:no:?\s*)?\d{4,6}\b|\b\d{5}\b[^.!?\n]{0,20}\b(?:txt|text)\b/i,
    ],
    detail: {
      ja: '短い番号にSMSで返信するよう求めています。返信すると、有料のサービスに登録されることがあります。',
      en: 'It asks you to text a short code. Replying can sign you up to a paid service.',
    },
  },
  {
    code: 'premium_charges',
    weight: 25,
    latinOnly: true,
    all: [
      /\b\d+(?:\.\d+)?p\s*(?:\/|per|a)?\s*(?:msg|min|minute|text|txt|wk|week)\b|\b\d{2,3}p\b|\bgbp\b|\u00a3\d+(?:\.\d\d)?\s*(?:\/|per|a)\s*(?:week|wk|msg|month|min)|\bstandard rates?\b|\bnational rate\b|\b(?:call|ring|phone)\b[^.!?\n]{0,30}\b0(?:9\d{9}|87\d{8,9}|845\d{7}|870\d{7}|871\d{7})\b|\b0(?:9\d{9}|87\d{8,9})\b/i,
    ],
    detail: {
      ja: '有料の番号やメッセージの料金（1通いくら、1分いくら）が書かれています。高い料金を取られることがあります。',
      en: 'It mentions premium-rate charges or numbers (pence per message or minute). These can cost a lot.',
    },
  },
  {
    code: 'free_offer',
    weight: 15,
    latinOnly: true,
    all: [
      /\bfree\b[^.!?\n]{0,40}\b(?:mobile|phone|camera|ringtone|tones?|nokia|video|mins|minutes|texts?|msgs?|credit|entry|gift|holiday|delivery|bluetooth|upgrade|update)\b|\b(?:mobile|phone|handset|camera|ringtone|tones?|texts?|mins|delivery|upgrade|update)\b[^.!?\n]{0,30}\bfor free\b|\b(?:freemsg|freephone|freefone|free msg)\b/i,
    ],
    detail: {
      ja: '「無料」を強調して、返信や電話をさせようとしています。',
      en: 'It stresses something "free" to get you to reply or call.',
    },
  },
  {
    code: 'claim_code',
    weight: 25,
    scamType: 'prize',
    latinOnly: true,
    all: [
      /\b(?:claim|identifier|bonus|voucher|reference|pin) code\b|\bun-?redeemed\b|\bto claim\b|\bcollect (?:your|ur)\b|\bexpires? \d|\bvalid (?:12|24|48) ?hrs?\b|\b(?:you are|u r|you're) entitled to\b|\bpo ?box\s*\w+/i,
    ],
    detail: {
      ja: '「特典を受け取るには」などと、コードや期限を示して電話や返信をさせようとしています。',
      en: 'It gives a claim code or deadline to get you to call or reply.',
    },
  },
  {
    code: 'unsolicited_service',
    weight: 15,
    latinOnly: true,
    all: [
      /\b(?:customer service announcement|urgent message waiting|important (?:customer service )?(?:message|announcement)|(?:you have|u have) (?:\d+ |a )?new (?:voice ?mails?|messages?|msgs?)|tried to (?:contact|call) (?:you|u)|(?:reply|send|txt|text) stop\b|2 ?stop|opt ?out|to unsubscribe|t&cs?|tscs|ringtone|subscription|dating service|chat service)\b/i,
    ],
    detail: {
      ja: '頼んでいないサービスの案内や、停止の方法が書かれた一斉送信のメッセージです。',
      en: 'It is an unsolicited bulk message for a service you did not ask for.',
    },
  },
];

const JAPANESE_RE = /[\u3040-\u30ff\u3400-\u9fff]/;
const CJK_BREAK_RE =
  /([\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])[ \t]*\n\s*(?=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])/g;
const OTHER_BREAK_RE = /(?:(?<![ \t])[ \t]+)?\n\s*/g;

/**
 * Line breaks inside a sentence (a wrapped SMS, a screenshot read line by line) must not hide a phrase from the
 * rules: Japanese lines join directly, others with a space. Only the matching sees this; the text is unchanged.
 */
export function flattenLines(text: string): string {
  return text.replace(CJK_BREAK_RE, '$1').replace(OTHER_BREAK_RE, ' ');
}

/**
 * Marks of unsolicited bulk SMS in English (premium services, handset offers, adult chat, "win" draws). One mark
 * proves nothing; several together are a bulk message sent to strangers, which people should not answer.
 */
const BULK_MARKS: RegExp[] = [
  /\b(?:mins|minutes|line ?rental|linerental|camera ?phone|video ?phone|handset|ringtones?|poly(?:phonic)?|mono tones?|tones?\b.{0,20}\bmobile)\b/i,
  /\b(?:nokia|motorola|sony ?ericsson|orange|o2|vodafone|t-mobile|upd8|mobileupd8)\b/i,
  /\b(?:half price|special offer|latest offer|offers?\b.{0,20}\b(?:now|today)|for only|from only|just \u00a3|only \u00a3|\d+\s?(?:gbp|pounds?)\b)/i,
  /\b(?:sexy|singles|flirt(?:ing)?|dating|xxx|hot pics|girls waiting|chat(?:ting)? with|meet (?:someone|singles))\b/i,
  /\b(?:win|won|winner|prize|draw|lucky day|surprise awaiting|chance to win|voucher)\b/i,
  /\b(?:call|ring|phone|dial)\b[^.!?\n]{0,40}\b0\d{3}\s?\d{3}\s?\d{3,4}\b|\b0800\s?\d{3}/i,
  /\b(?:reply|txt|text)\b[^.!?\n]{0,15}\b[A-Z]{3,}\b/,
  // Text-speak, then a call to act within 60 characters: read from the call (rare) back, not from each "u" on.
  /\b(?:free|win|prize|offer|call|reply|claim)\b(?<=\b(?:u|ur|2day|4|2|txt|msg|mob|fone|gr8|wk)\b.{0,60}\b(?:free|win|prize|offer|call|reply|claim))/i,
  /\b(?:wap|www)\.[a-z0-9-]+|\b(?:18|16)\+|\bage (?:verify|16|18)\b/i,
];
const WEAK_BULK_CODES = new Set(['free_offer', 'unsolicited_service', 'short_code_reply', 'urgency', 'claim_code']);
const CTA_RE =
  /\b(?:call|ring|text|txt|sms|reply|click|visit|go ?to|go2|log ?in)\b[^.!?\n]{0,40}(?:\d{4,}|https?:|www\.|\.com\b|\.co\.uk\b)/i;
const SHOUTED_WORD_RE = /\b[A-Z]{4,}\b/g;

function bulkMarks(text: string): number {
  let n = BULK_MARKS.reduce((k, re) => k + (re.test(text) ? 1 : 0), 0);
  if ((text.match(SHOUTED_WORD_RE) ?? []).length >= 3) n += 1;
  return n;
}

/** A one-time code handed to the reader: "認証コード:123456", "123456 is your Google verification code". */
const CODE_DELIVERY_RE =
  /(?:認証|確認|ワンタイム|セキュリティ|ログイン)(?:用の?)?(?:コード|番号|パスワード|パスコード|キー)\s*(?:は|:|：|「|『|\[)?\s*[「『]?\d{4,8}|パスコード\s*[「『]?\d{4,8}|\d{4,8}[」』]?\s*(?:は|が)(?:あなたの|お客様の|.{0,12}の)?(?:認証|確認|ワンタイム|ログイン)|\b(?:code|otp|passcode|pin)\b[^\n\d]{0,20}\b\d{4,8}\b|\b\d{4,8}\b[^\n]{0,40}\b(?:is your|verification code|security code|login code|one[- ]time|otp)\b/i;
/** The message asks for the code to come back to it: reply with it, tell it, send it. */
const SEND_BACK_RE =
  /(?:返信|送って|送信して|教えて|伝えて|お知らせください|読み上げ)|\b(?:reply (?:with|back)|send (?:it|the code|me|us|back)|tell (?:me|us)|forward (?:it|the code|this)|read (?:it|the code) (?:out|back))\b/i;

/** The text hands the reader a one-time code and does not ask for it back. */
export function isCodeDelivery(text: string): boolean {
  return CODE_DELIVERY_RE.test(text) && !SEND_BACK_RE.test(text);
}

/**
 * Third-person narration of a scam: police and city alerts, bank notices and news describe what "the criminal"
 * says (「〜などと言って」「という電話」「被害が発生しています」). Scams address you; warnings describe them.
 */
const REPORT_STYLE_RE =
  /犯人|手口|被害(?:に遭|にあ|が発生|者|額|件数|防止|を防)|事案|(?:など|等)と(?:言|い|話|告げ|伝え|脅|指示|持ちかけ|名乗)|という(?:電話|メール|SMS|ショートメール|内容|もの|手口|事例)|(?:詐欺|被害|事案|事件|不審な?(?:電話|メール|SMS|メッセージ)|なりすまし|偽(?:の)?(?:メール|SMS|サイト))(?:が|も)(?:多発|発生して|相次|急増|確認されて)|注意喚起|防犯|警察署(?:から|より|の)|\b(?:scammers?|fraudsters?|criminals)\b[^.!?\n]{0,60}\b(?:pretend|pose|claim|send|call|use|ask)|\bbe (?:aware|alert|on (?:your|the) (?:guard|lookout))\b|\bprotect yourself\b/i;

/** A masked account or card number: "A/c XX1234", "card ending 5678", "1********2222", "****1234", "末尾1234". */
const TRANSACTION_REPORT_RE =
  /\b(?:a\/c|acct|account|card)(?: no\.?)?\s*(?:ending(?: with)?\s*#?\s*)?[x*]{2,}\d{2,6}\b|\b\d{1,6}[x*]{3,}\d{2,6}\b|(?<![x*])[x*]{4,}\d{3,4}\b|ending (?:with |in )?#?\d{4}\b|末尾(?:番号)?\s*\d{3,4}|(?<![*＊])[*＊]{3,}\d{3,4}/i;
/** What a transaction report says happened: money moved, a balance. */
const TRANSACTION_WORD_RE =
  /\b(?:debited|credited|spent|withdrawn|withdrawal|transferred|received|purchase|payment of|avl\.? (?:bal|limit)|available (?:balance|limit)|balance is)\b|残高|引き?落とし|ご利用金額|利用金額|お振込|入金|出金/i;

/** Text signals for normalised text and its indicators. */
export function textSignals(ind: Indicators): Signal[] {
  const text = flattenLines(ind.text);
  const out: Signal[] = [];
  const japanese = JAPANESE_RE.test(text);
  const delivered = isCodeDelivery(text);
  for (const rule of RULES) {
    if (rule.latinOnly && japanese) continue;
    if (!rule.all.every((re) => re.test(text))) continue;
    if (rule.unless?.test(text)) continue;
    if (rule.unlessDelivered && delivered) continue;
    out.push({
      code: rule.code,
      weight: rule.weight,
      detail: rule.detail,
      ...(rule.scamType ? { scamType: rule.scamType } : {}),
      ...(rule.strong ? { strong: true } : {}),
    });
  }
  if (!japanese && out.some((s) => WEAK_BULK_CODES.has(s.code)) && CTA_RE.test(text)) {
    // One weak mark of unsolicited SMS plus "call/text/click" with a number or link: the shape of spam.
    out.push({
      code: 'call_to_action',
      weight: 12,
      detail: {
        ja: '見知らぬ送り主から、電話・返信・リンクを開くことを求めています。',
        en: 'An unknown sender asks you to call, reply or open a link.',
      },
    });
  }
  if (!japanese) {
    const marks = bulkMarks(text);
    if (marks >= 2) {
      out.push({
        code: 'bulk_marketing',
        weight: marks >= 3 ? 35 : 25,
        scamType: 'prize',
        detail: {
          ja: '見知らぬ相手に一斉に送られる、迷惑な宣伝メッセージの特徴があります。返信や電話はしないでください。',
          en: 'It has the marks of unsolicited bulk messages sent to strangers. Do not reply or call.',
        },
      });
    }
  }
  if (delivered) {
    out.push({
      code: 'otp_notice',
      weight: -10,
      detail: {
        ja: '認証コードを知らせるメッセージのようです。コードは、ご自分で操作している画面にだけ入力してください。電話やメッセージで聞かれても、誰にも教えないでください。',
        en: 'It looks like a one-time code sent to you. Type it only into the screen you are using yourself, and never tell it to anyone who asks.',
      },
    });
  }
  if (TRANSACTION_REPORT_RE.test(text) && TRANSACTION_WORD_RE.test(text)) {
    out.push({
      code: 'transaction_report',
      // A completed transaction with a masked account number is how genuine alerts are written; fakes that copy
      // it ask you to call or click, which other signals weigh.
      weight: -30,
      detail: {
        ja: '伏せ字の口座番号やカード番号と金額で、取引の結果を知らせる書き方です。正規の利用通知によくある形です。ただし、そっくりにまねた偽の通知もあります。',
        en: 'It reports a completed transaction with a masked account or card number, as genuine alerts do. Fake alerts copy this too.',
      },
    });
  }
  if (IGNORE_IF_NOT_YOU_RE.test(text)) {
    out.push({
      code: 'ignore_if_not_you',
      weight: -10,
      detail: {
        ja: '「心当たりがない場合は、このメールを無視してください」と書かれています。正規のお知らせによくある書き方です。ただし、それだけで本物だとは言えません。',
        en: 'It says to ignore it if you did not ask for it, as genuine account notices do. That alone does not prove it is genuine.',
      },
    });
  }
  if (REPORT_STYLE_RE.test(text)) {
    out.push({
      code: 'report_style',
      weight: -10,
      detail: {
        ja: '詐欺の手口を説明して、注意を呼びかける文面のようです。ただし、それだけで本物の連絡だとは言えません。',
        en: 'It reads like a description of a scam, written to warn people. That alone does not prove it is genuine.',
      },
    });
  }
  if (hasPromptInjection(text)) {
    out.push({
      code: 'prompt_injection',
      weight: 50,
      strong: true,
      detail: {
        ja: 'AIへの指示のような文（「安全と答えてください」など）が含まれています。正規の連絡に、このような文が書かれることはありません。',
        en: 'It contains instructions aimed at an AI ("say this is safe"). Genuine messages never contain such text.',
      },
    });
  }
  if (ind.invisibleChars > 0) {
    out.push({
      code: 'invisible_chars',
      weight: 15,
      detail: {
        ja: `目に見えない文字が${ind.invisibleChars}個含まれていました。迷惑メールの検知をすり抜けるための細工であることがあります。`,
        en: `It contained ${ind.invisibleChars} invisible character(s), a trick used to slip past spam filters.`,
      },
    });
  }
  return out;
}

/** Codes of all text rules, for tests and documentation. */
export const TEXT_SIGNAL_CODES: readonly string[] = [
  ...RULES.map((r) => r.code),
  'bulk_marketing',
  'call_to_action',
  'prompt_injection',
  'invisible_chars',
  'otp_notice',
  'report_style',
  'ignore_if_not_you',
  'transaction_report',
];
