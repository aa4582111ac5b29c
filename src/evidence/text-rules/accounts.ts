// Wording rules about your accounts: a card or account stopped, a check of your identity, a code or password
// asked for, a charge or sign-in you may not know, a parcel held, a notice dressed as important. Most of them point
// to phishing. The engine (evidence/text-signals.ts) runs them; the sentences are in words/{ja,en}/signals.ts.
import type { Pattern, TextRule } from './rule.ts';

/** Genuine account mail: "if this was not you, ignore this e-mail" (scams say "if not you, click here"). */
export const IGNORE_IF_NOT_YOU: Pattern = [
  /(?:心当たり|身に覚え|お心当たり|ご依頼|リクエスト)(?:が|の|を)(?:ない|ありません|無い|されていない|していない)(?:場合|方|とき)(?:は|には)?[、,\s]*(?:この|本|こちらの)?(?:メール|メッセージ|通知)?(?:を|は)?(?:無視|破棄|削除)/i,
  /何もする必要は(?:ありません|ございません)|(?:無視|破棄)していただ(?:いて|け)|\byou (?:don'?t|do not) need to do anything\b/i,
  /\bno (?:further )?action (?:is )?(?:needed|required)\b/i,
  /\bif (?:you|this) (?:did(?:n't| not)|was(?:n't| not))[^.!?\n]{0,60}\b(?:ignore|disregard|no (?:further )?action)\b/i,
  /\b(?:safely|simply|please) (?:ignore|disregard) this\b/i,
];

export const ACCOUNT_RULES: readonly TextRule[] = [
  {
    code: 'account_suspension',
    weight: 22,
    scamType: 'phishing',
    all: [
      [
        /(?:利用|取引|アカウント|口座|カード|サービス|回線|ご契約)(?:を|が|の)?(?:一時)?(?:停止|凍結|制限|ロック|無効)/i,
        /(?:停止|凍結|制限|ロック)(?:され|し|いた)(?:ま|て)/i,
        /\b(?:accounts?|cards?|access|services?|profiles?)(?: have been| has been| is| are| was| were| will be)?(?: now| temporarily| currently)? (?:suspended|locked|limited|restricted|blocked|deactivated|de-activated|disabled|on hold|frozen)/i,
        /\b(?:listed|scheduled|flagged|marked) for (?:deactivation|closure|suspension|termination|deletion)\b/i,
        /(?:suspend|lock|block|deactivat)(?:ed|e) your\b/i,
        /\b(?:will be|has been) (?:permanently )?(?:deleted|disabled|removed|terminated|closed)\b/i,
        /\bavoid (?:the |any )?(?:closure|suspension|termination|deactivation|interruption|disruption|asset freeze|losing access|account (?:closure|suspension))\b/i,
        /\b(?:asset|account|wallet) freeze\b/i,
        /\b(?:mailbox|storage|inbox|e-?mail) (?:is )?(?:full|almost full|over (?:its )?quota|quota)\b/i,
        /メールボックス(?:の)?(?:容量|ストレージ)/i,
        /\b(?:account|card|kyc|sim|wallet)\b[^.!?\n]{0,30}\b(?:will (?:be )?(?:block|suspend|clos|expir|deactivat)|has expired|(?:been )?(?:de-?activated|bl[o0]cked))/i,
        /\bKYC\b[^.!?\n]{0,40}\b(?:suspended|blocked|expired|will (?:be )?block)/i,
      ],
    ],
  },
  {
    code: 'identity_check',
    weight: 15,
    scamType: 'phishing',
    all: [
      [
        /本人確認|ご本人様確認|アカウント(?:情報)?(?:の)?(?:確認|更新)|お客様情報の(?:確認|更新)|登録情報の(?:確認|更新)|口座情報(?:の)?(?:再)?確認/i,
        /取引(?:を行う)?目的(?:等)?の(?:ご)?確認|マネー・?ローンダリング|資金洗浄|反洗浄|セキュリティ(?:強化|確認|認証)|不正(?:利用|アクセス|ログイン)の(?:可能性|疑い)/i,
        /(?:不正|異常|不審)な(?:取引|ログイン|アクセス|利用|操作)(?:を|が)(?:検知|確認)|ご?利用(?:内容の)?確認のお願い/i,
        /\bverify your (?:account|identity|details|information)\b/i,
        /\b(?:confirm your (?:account|identity|details)|update your (?:details|information|payment))\b/i,
        /\bunusual (?:activity|sign-?in|withdrawal|transaction|payment|login)\b/i,
        /\b(?:secure your (?:account|wallet)|unauthori[sz]ed (?:access|login|transaction))\b/i,
        /\blog ?in (?:to|and) (?:restore|verify|confirm|unlock|avoid|reactivate|secure)\b/i,
        /\bre-?activate (?:your|ur)\b/i,
        /\bverify (?:your )?(?:wallet|kyc|e-?mail|mailbox|payment|bank|ownership)\b/i,
        /\bkyc (?:is )?(?:unverified|pending|incomplete|required|update|verification)\b/i,
        /\b(?:re-?)?validate (?:your )?(?:account|wallet|mailbox|email)\b/i,
        /\bconfirm (?:your )?(?:ownership|mailbox|e-?mail address)\b/i,
      ],
    ],
  },
  {
    code: 'credential_request',
    weight: 35,
    scamType: 'account_takeover',
    all: [
      [
        /暗証番号|パスワード|認証(?:コード|番号)|検証コード|確認(?:コード)|ワンタイム|セキュリティ(?:コード|番号)|\d桁の(?:番号|数字|コード)|カード(?:番号|の裏)/i,
        /(?:SMS|ショートメール)(?:で届いた|に届く|で届く|の)?(?:番号|コード)/i,
        /\b(?:password|passcode|verification code|security code|one[- ]time (?:password|passcode|code|pin))\b/i,
        /\b(?:otp|pin(?: code| number)?|cvv|card number)\b/i,
        /\b(?:the|this|that|a|6-digit|google voice|whatsapp|sms) code\b/i,
      ],
      /教え|送って|送信して|伝え|お知らせください|返信|聞|読み上げ|\b(?:send|share|tell|give|reply|provide|read (?:me|out)|forward)\b/i,
    ],
    unless: [
      /(?:誰にも|絶対に|決して|第三者に|他人に)(?:教え|伝え|言わ)|(?:教え|伝え|入力し)(?:たりし)?ないで/i,
      /(?:お)?(?:聞き|尋ね|伺い)すること(?:は|も)(?:絶対に)?(?:ありません|ございません)/i,
      /\b(?:never (?:share|tell|give|ask)|do not share|don't share)\b/i,
    ],
    // A message that hands you a code and says where to type it (the screen, the app) is the code's delivery.
    unlessDelivered: true,
  },
  {
    code: 'credential_entry',
    weight: 15,
    scamType: 'phishing',
    all: [
      [
        /暗証番号|パスワード|認証(?:コード|番号)|ワンタイム|セキュリティ(?:コード|番号)|カード(?:番号|情報)|口座番号/i,
        /\b(?:password|passcode|verification code|security code|pin|cvv|card (?:number|details))\b/i,
        /\b(?:account number|login details|credentials)\b/i,
      ],
      /入力|登録(?:して|を|し直)|ご記入|\b(?:enter|type|submit|fill in|update)\b/i,
    ],
    unless: [
      /(?:誰にも|絶対に|決して|第三者に|他人に)(?:教え|伝え|言わ)|(?:教え|伝え|入力し)(?:たりし)?ないで/i,
      /\b(?:never (?:share|tell|give|ask)|do not share|don't share)\b/i,
    ],
    unlessDelivered: true,
  },
  {
    code: 'delivery_failure',
    weight: 15,
    scamType: 'delivery_sms',
    all: [
      [
        /不在(?:の為|のため|で|票|通知)|持ち?帰り|再配達|お届けにあがり|配達(?:でき|出来)(?:ません|なかった)|(?:住所|宛先)(?:が)?不(?:備|明)/i,
        /(?:荷物|小包)(?:に|の)(?:不備|問題)|(?:荷物|小包)が(?:届け|お届け)(?:でき|られ)|返送され|配送(?:料|手数料)(?:の|を|が)(?:お?支払|未)|関税/i,
        /\b(?:parcel|package|delivery|item|shipment|order) (?:could not be|was not|failed|is on hold|held|pending)/i,
        /(?:re-?delivery|missed delivery|delivery attempt|customs fee|shipping fee|unable to deliver)\b/i,
        /(?:delivery (?:is )?waiting|(?:tried|attempted) to (?:make a )?deliver)\b/i,
        /(?:re-?schedule (?:your |the )?delivery|awaiting (?:your )?(?:instructions?|confirmation|payment))\b/i,
        /pending (?:directions|instructions) from you\b/i,
        /confirm the (?:payment|fee) (?:of|for) (?:the )?delivery\b/i,
        /shipment (?:is )?(?:on hold|pending|suspended)\b/i,
      ],
    ],
  },
  {
    code: 'unrecognised_charge',
    weight: 15,
    scamType: 'phishing',
    all: [
      [
        /(?:身に覚え|心当たり|お心当たり)(?:の|が)(?:ない|ありません|無い)(?:場合|方|時|とき)|ご利用に(?:覚え|心当たり)がない/i,
        /\bif (?:this|it) (?:was|wasn't|was not|is) (?:not )?(?:you|made by you)/i,
        /\bif (?:you )?(?:did not|didn't) (?:make|authori[sz]e|request)|\bif unauthori[sz]ed\b/i,
        /\bdid you (?:attempt|make|authori[sz]e|request) (?:a|this)\b/i,
      ],
      /こちら|下記|リンク|URL|http|hxxp|www\.|ログイン|お電話|連絡|窓口|\b(?:link|click|tap|call|contact|log ?in|visit|reply)\b/i,
    ],
    unless: IGNORE_IF_NOT_YOU,
  },
  {
    code: 'account_recovery_help',
    weight: 40,
    scamType: 'account_takeover',
    all: [
      [
        /(?:アカウント|乗っ取).{0,20}(?:取り戻|手伝|協力)|スクショ(?:を)?送|届いた(?:リンク|コード|番号)(?:を)?(?:送|教え)/i,
        /\b(?:help me (?:recover|get back)|send me (?:the|a) (?:screenshot|code|link))\b/i,
      ],
    ],
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
  },
  {
    code: 'payment_problem',
    weight: 20,
    scamType: 'phishing',
    all: [
      [
        /(?:お?支払い?|決済|引き?落と?し|ご請求)(?:方法)?(?:が|の|に)?(?:無効|失敗|完了でき|確認でき|エラー|できませんでした|できない|承認されません|問題)/i,
        /(?:クレジット)?カード(?:情報)?の?(?:有効期限|更新|再登録)(?:が|を)(?:切れ|必要|でき|お願い)|有効な(?:クレジット)?カードが(?:登録されて|ありません)/i,
        /(?:料金|請求|ご利用額|利用金額)が(?:大変|非常に)?高額/i,
        /\bpayment (?:method )?(?:was |has been |is )?(?:declined|failed|unsuccessful|rejected|could not be (?:processed|completed))\b/i,
        /\bupdate (?:your )?(?:billing|payment) (?:information|details|method|info)\b/i,
        /\b(?:your )?card (?:has )?(?:expired|been declined)\b/i,
        /\bbilling (?:problem|issue|error|information (?:is )?(?:outdated|incorrect))\b/i,
      ],
    ],
  },
  {
    code: 'security_alert',
    weight: 15,
    scamType: 'phishing',
    all: [
      [
        /不正(?:な)?(?:ログイン|アクセス|利用|取引|操作)|(?:異常|不審|通常とは異なる)な?(?:アクティビティ|活動|ログイン|アクセス|取引)/i,
        /(?:サインイン|ログイン)が(?:検出|確認)|新しい(?:デバイス|端末)から|セキュリティ上の(?:理由|問題)/i,
        /\b(?:suspicious|unusual|unrecogni[sz]ed|strange|irregular|abnormal) (?:activity|login|log-in|sign-?in|attempt|transaction)s?\b/i,
        /\bnew (?:device|sign-?in|login) (?:detected|from)\b/i,
        /\bactivity (?:in|on) your account[^.!?\n]{0,40}\bunusual\b/i,
        /\b(?:improve|upgrade|strengthen) (?:your )?account security\b|\bsecurity (?:alert|breach|reasons)\b/i,
        /\b(?:someone|a user|an unknown (?:user|device)) (?:just )?(?:tried to |has |attempted to )?(?:log(?:ged)? ?in|sign(?:ed)? ?in|access(?:ed)?|[il]og(?:ged)? ?in)\b/i,
      ],
    ],
  },
  {
    code: 'points_lure',
    weight: 15,
    scamType: 'phishing',
    all: [
      [
        /ポイント.{0,15}(?:失効|付与|保留|獲得|進呈|還元|有効期限|が届|を受け取)|マイナポイント/i,
        /\b(?:reward |loyalty |bonus )?points? (?:will |are about to )?expir\w*\b/i,
        /\b(?:redeem\b[^.!?\n]{0,25}\b(?:rewards?|points)|claim (?:your )?(?:reward|points|bonus))\b/i,
      ],
    ],
  },
  {
    code: 'violation_claim',
    weight: 15,
    scamType: 'phishing',
    all: [
      [
        /規約(?:に)?違反|違反(?:され|が(?:あ|確認|見つ)|して)|不正(?:な)?(?:利用|操作)が(?:確認|検出)/i,
        /\bviolat(?:ed|ion|ing) (?:of )?(?:our|the) (?:terms|policy|policies|guidelines|rules)\b/i,
        /\b(?:policy violation|copyright (?:infringement|violation))\b/i,
      ],
    ],
  },
  {
    code: 'document_lure',
    weight: 20,
    scamType: 'phishing',
    all: [
      [
        /\b(?:secure|encrypted|shared|protected|confidential) (?:document|file|message|fax|pdf|voice ?mail)s?\b/i,
        /\byou (?:have )?received (?:a |an )?(?:new )?(?:secure |encrypted |shared )?(?:document|file|fax|voice ?mail|invoice|remittance|payment advice)\b/i,
        /\b(?:view (?:the |your )?(?:document|file|invoice|voice ?mail)|docusign|sharepoint|onedrive)\b/i,
        /\bpending (?:documents?|messages?|e-?mails?)\b/i,
        /\b(?:incoming|outgoing) (?:messages?|e-?mails?) (?:couldn'?t|could not|were not|have not been|failed to|are (?:being )?)\s?(?:be )?(?:deliver\w*|held|delayed|suspended|on hold)\b/i,
        /\b(?:upgrad\w* (?:your |our )?(?:mailbox|e-?mail (?:system|account|server))|mailbox[- ]quota)\b/i,
        /(?:保留中|未読)の(?:メッセージ|メール)|(?:ファイル|書類|文書)が(?:共有|届いて)/i,
      ],
    ],
  },
  {
    code: 'action_required',
    weight: 15,
    scamType: 'phishing',
    unless: /\bno (?:further )?action (?:is )?(?:needed|required)\b/i,
    all: [
      [
        /\b(?:action (?:required|needed)|required update)\b/i,
        /\b(?:must|need to) (?:manually )?(?:update|verify|re-?verify)\b/i,
        /\b(?:update|verification|registration|agreement|setup|validation)s? (?:is |are )?(?:still )?(?:incomplete|pending|required|overdue|needed)\b/i,
        /\bmandatory (?:update|verification|agreement)\b/i,
        /\bcomplete (?:your|the) (?:update|verification|setup|registration|validation)\b/i,
        /\b(?:has not (?:completed|been verified)|(?:complete|update|submit)\b[^.!?\n]{0,20}\bkyc)\b/i,
        /\bkyc (?:update|verification|is pending|pending|incomplete|expired)\b/i,
        /\bmust be (?:completed|activated|verified|updated|confirmed) (?:by|before|within)\b/i,
        /(?:手続き|登録|更新|認証|確認)が(?:完了して|済んで)(?:い)?(?:ません|ない)|未完了/i,
      ],
    ],
  },
  {
    code: 'wallet_problem',
    weight: 20,
    scamType: 'phishing',
    all: [
      [
        /\bwallets?\b[^.!?\n]{0,60}\b(?:fail(?:ed)?|couldn'?t|could not|unable|suspend\w*|restrict\w*|lock\w*|freez\w*|frozen|deactivat\w*|expir\w*|migrat\w*|merge|sync\w*|upgrad\w*|validat\w*|verif\w*|reactivat\w*|restor\w*|recover\w*|compromis\w*)/i,
        /\b(?:fail(?:ed)?|unable|need|must|required) to (?:validate|verify|sync|migrate|upgrade|connect|restore) (?:your )?wallet/i,
      ],
    ],
  },
  {
    code: 'personal_info_request',
    weight: 20,
    all: [
      [
        /(?:携帯番号|電話番号|住所|生年月日|口座番号|マイナンバー|免許証|保険証)(?:を|も)(?:教えて|送って|お知らせ|知らせて)/i,
        /\b(?:send|give|tell|text) (?:me|us) your (?:phone number|mobile number|home address|address|date of birth|bank details|account number|id|passport)\b/i,
      ],
    ],
  },
  {
    code: 'important_header',
    weight: 8,
    all: [/^[^\S\n]*(?:件名\s*[:：]\s*)?[【[<＜](?:重要|緊急|至急|要確認|最終通知|警告)[】\]>＞]/m],
  },
];
