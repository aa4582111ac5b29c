// Wording rules about who writes and how: pressure to act now, callers posing as police, relatives or support,
// strangers who open a chat, requests to move to another app, and text written to slip past filters. The engine
// (evidence/text-signals.ts) runs them; the sentences are in words/{ja,en}/signals.ts.
import type { TextRule } from './rule.ts';

export const CONTACT_RULES: readonly TextRule[] = [
  {
    code: 'urgency',
    weight: 12,
    all: [
      [
        /至急|大至急|本日中|今日中|24時間以内|48時間以内|ただちに|直ちに|今すぐ|すぐに(?:確認|手続|対応|ご連絡)|期限(?:まで|内)|最終(?:通告|通知|警告)/i,
        /\b(?:urgent(?:ly)?|immediately|within 24 ?h(?:ours|rs)?|final (?:notice|warning|notification))\b/i,
        /\b(?:act now|expires? today|last chance)\b/i,
      ],
    ],
  },
  {
    code: 'remote_access',
    weight: 45,
    strong: true,
    scamType: 'support_scam',
    all: [
      [
        /遠隔操作|リモート(?:操作|サポート|接続)|AnyDesk|TeamViewer|QuickSupport|クイックアシスト|Quick ?Assist|画面共有/i,
        /\b(?:remote (?:access|desktop|support)|screen ?shar(?:e|ing))\b/i,
      ],
    ],
  },
  {
    code: 'virus_warning',
    weight: 35,
    scamType: 'support_scam',
    all: [
      [
        /ウイルス.{0,8}(?:感染|検出)|トロイの木馬|ハッキングされ|システム(?:が)?(?:破損|損傷)|(?:サポート|サポートセンター)(?:に|へ)(?:電話|連絡)/i,
        /\b(?:virus (?:detected|infection|found)|infected with)\b/i,
        /\b(?:your (?:computer|device|phone) (?:is|has been) (?:infected|hacked|compromised)|trojan)\b/i,
        /\bcall (?:microsoft|apple|windows) support\b/i,
      ],
    ],
  },
  {
    code: 'authority_claim',
    weight: 35,
    scamType: 'fake_authority',
    all: [
      [
        /警察|警視庁|刑事|検察|検事|捜査|逮捕|金融庁|総務省|厚生労働省|法務省|裁判所|入管|出入国在留管理|大使館/i,
        /\b(?:police|prosecutor|fbi|interpol|customs (?:office|officer)|arrest(?:ed)?|investigat(?:ion|or))\b/i,
        /\b(?:immigration|embassy|visa status|deport(?:ed|ation)?)\b/i,
      ],
      [
        /口座|資産|お金|現金|送金|振込|ビデオ通話|捜査|事件|潔白|逮捕|容疑|共犯|事情聴取|個人情報|LINE|保証金|秘密|誰にも/i,
        /\b(?:bank account|money|transfer|video call|bail|fine|fee|passport|call (?:us )?back|gift card)\b/i,
        /\b(?:bitcoin|warrant|deport(?:ed)?)\b/i,
      ],
    ],
    unless: /(?:警察|警視庁)(?:相談専用電話|の相談窓口)|#9110|警察をかたる|偽警察/,
  },
  {
    code: 'romance',
    weight: 25,
    scamType: 'romance',
    all: [
      /結婚|恋人|愛して|会いたい|あなたに会|運命|二人の(?:将来|未来)|\b(?:my love|my dear|marry|soulmate|darling|love you)\b/i,
      [
        /送金|お金|振込|投資|手数料|関税|ギフト|暗号資産|航空券|治療費/i,
        /\b(?:money|wire|transfer|fee|invest(?:ment)?|customs|plane ticket|hospital bill|gift card|bitcoin)\b/i,
        /\bwestern union\b/i,
      ],
    ],
  },
  {
    code: 'family_emergency',
    weight: 30,
    scamType: 'impersonation_call',
    all: [
      [
        /オレだけど|俺だけど|おれだけど|携帯(?:を)?(?:なくし|落と|変え)|番号(?:が)?変わった|会社のお金|小切手|示談(?:金|に)|痴漢|前科|捕まった|使い込|妊娠させ|事故を起こし/i,
        /喉の調子|風邪をひいて声/i,
        /\b(?:hi mum|hi mom|hi dad|(?:mum|mom|dad),? it'?s me)\b.{0,80}\b(?:new (?:number|phone)|lost my phone|broke my phone|dropped my phone)\b/i,
        /\b(?:new (?:number|phone)|lost my phone|broke my phone|dropped my phone|i'?m in trouble|don'?t tell (?:dad|mum|mom))\b.{0,160}\b(?:send|transfer|pay|money|bill|help me)\b/i,
        /\b(?:grandma|grandpa|granny|nana|grandmother|grandfather|mum|mom|dad|auntie|uncle)\b[^.!?\n]{0,30}\b(?:it'?s me|it is me|i'?m in trouble|i am in trouble|i need (?:your )?help|please help)\b/i,
      ],
    ],
  },
  {
    code: 'callback_request',
    weight: 12,
    all: [
      [
        /(?:お電話|電話して|折り返し|ご連絡)(?:ください|を)|(?:下記|こちら)の(?:番号|電話)/i,
        /\b(?:call|contact|ring|phone)\b[^.!?\n]{0,25}\b(?:customer care|customer service|helpline|support|us|now|immediately|on|at)\b/i,
      ],
      /\d{2,4}[-\s]?\d{2,4}[-\s]?\d{3,4}|\d{8,}/,
    ],
  },
  {
    code: 'automated_call',
    weight: 40,
    scamType: 'fake_authority',
    all: [
      /自動音声|(?:\d|[一二三四五六七八九])番を押|番号を押す|ボタンを押すと|\bpress \d\b/i,
      /停止|使えなく|料金|大使館|書類|警察|総務省|NTT|未納|裁判|\b(?:suspend|embassy|police|tax|court)\b/i,
    ],
  },
  {
    code: 'favor_request',
    weight: 15,
    all: [
      [
        /手伝って(?:もらえ|くれ|ほしい|欲しい|いただけ|もらって)|お願いが(?:ある|あります|あって|ございます)|(?:今|いま)(?:忙しい|お忙しい|大丈夫|時間ある|空いて)/i,
        /ちょっと(?:いい|頼み|お願い)/i,
        /\b(?:are you (?:busy|free|available|there)\??|can you do me a (?:quick |small )?favou?r)\b/i,
        /\bi need (?:a|your) (?:quick |small )?(?:favou?r|help)\b/i,
      ],
    ],
  },
  {
    code: 'contact_elsewhere',
    weight: 20,
    all: [
      [
        /LINE\s*(?:ID)?\s*[:：]|LINE(?:の)?(?:ID|連絡先|アカウント)(?:を|で|に|まで)?(?:交換|教え|追加|登録|連絡)|(?:友だち|友達)追加/i,
        /(?:LINE|ライン|カカオ|テレグラム|Telegram|WhatsApp|WeChat)(?:で|に|へ)(?:連絡|お話|やりとり|やり取り|移動|追加)/i,
        /(?:LINE|ライン)(?:まで|へ)(?:ご)?連絡/i,
        /\b(?:add me on|message me on|contact (?:me|us) (?:on|via)|text me on|reach me on|chat (?:with me )?on|move (?:to|over to))\s+(?:whatsapp|telegram|signal|wechat|line|kakao(?:talk)?|viber)\b/i,
        /\b(?:whatsapp|telegram)\s*(?::|me|number|@)/i,
      ],
    ],
  },
  {
    code: 'stranger_opener',
    weight: 15,
    scamType: 'romance',
    all: [
      [
        /(?:良い|いい)?(?:友達|友だち|お友達)になり(?:たい|ませんか)|仲良く(?:して|なり)|初めまして.{0,30}(?:紹介|知りました|見つけ)/i,
        /(?:日本の)?どちらに(?:お住まい|住んで|いますか|いらっしゃ)|ご趣味は|趣味は何|とても(?:魅力的|素敵)な方/i,
        /\b(?:would love to (?:get to know|be friends)|let'?s be friends)\b/i,
        /\b(?:where (?:do you|are you) (?:live|from)|you (?:seem|look) (?:nice|kind|lovely))\b/i,
      ],
    ],
  },
  {
    code: 'mixed_script',
    weight: 25,
    all: [/[A-Za-z][\u0370-\u03ff\u0400-\u04ff]|[\u0370-\u03ff\u0400-\u04ff][A-Za-z]/],
  },
  {
    code: 'spaced_text',
    weight: 15,
    all: [/[\u30a0-\u30ff\u3400-\u9fff](?: [\u3040-\u30ff\u3400-\u9fff]){4}/],
  },
  {
    code: 'sextortion',
    weight: 40,
    scamType: 'other',
    all: [
      [
        /\b(?:i(?:'ve| have)? recorded you|recorded (?:a )?video of you|(?:private|my) malware)/i,
        /\b(?:your (?:webcam|camera) (?:was|has been)|(?:hacked|infected) your (?:device|computer|phone))/i,
        /\b(?:i (?:have )?(?:hacked|gained access to) your|(?:managed|was able) to hack|professional hacker)/i,
        /\b(?:send|pay|transfer) [^.!?\n]{0,30}\bbitcoin\b[^.!?\n]{0,40}\b(?:or|otherwise)\b/i,
        /\bwithin (?:48|24|72) hours?[^.!?\n]{0,60}\b(?:video|recording|contacts)\b/i,
      ],
    ],
  },
  {
    code: 'wrong_number_opener',
    weight: 25,
    scamType: 'romance',
    all: [
      /間違い(?:メッセージ|メール|LINE|電話)|(?:送り先|宛先|相手)を間違え|間違えました|\bwrong number\b|\bis this [A-Z][a-z]+\?/,
      /仲良く|友達に|お話し|どちらにお住まい|素敵|投資|\b(?:seem (?:nice|kind)|where are you from|be friends|nice to meet|invest)/i,
    ],
  },
  {
    code: 'adult_content',
    weight: 25,
    latinOnly: true,
    all: [
      [
        /\b(?:xxx (?:pics|video|content)|filthy|babes|hot pics|rude (?:chat|time)|adult (?:18|content))\b/i,
        /\b(?:18\+ content|dogging)\b/i,
      ],
    ],
  },
];
