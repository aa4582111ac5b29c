// What in the model's own words must never reach the person, besides links and numbers (contacts.ts finds those):
// a messaging id or an "add me", an app to install, a reassurance (safe, genuine, official, fine to follow), and
// a statement that contradicts our own evidence. A hostile or prompt-injected model writes exactly these
// (issue 11); a fair one has no need to, because the service adds the contacts and never says "safe".
// Erring towards dropping is cheap (one sentence the model wrote); letting one through is not.
// The checks read the sentence after collapseSpaces and spread-out letters are joined (normalise.ts), lower-cased.
// Every pattern is a plain alternation or has bounded gaps, so it runs in linear time on any input.
import type { Evidence, Level } from '../domain.ts';
import { LEVEL_RANK } from '../domain.ts';
import { normaliseForClaims } from './normalise.ts';

export type ClaimKind = 'messaging' | 'app' | 'reassurance' | 'contradiction';

/** Negations a pattern must not follow ("do not follow the link", "is not official"). */
const NOT_BEFORE = "(?<!\\b(?:not|never|n't|don't|do not|no|avoid|without|you to|them to|want you to) )";

const rx = (parts: string[], flags = 'u') => new RegExp(parts.join('|'), flags);

// ---- Messaging ids, "add me", invitations --------------------------------------------------------------

const APPS_TO_MESSAGE =
  'line|whatsapp|telegram|wechat|weixin|signal|kakao ?talk|kakao|viber|skype|discord|snapchat|instagram|messenger|tiktok|テレグラム|ワッツアップ|カカオトーク|カカオ|微信|ライン';

const APP_NAME = `(?<![a-z])(?:${APPS_TO_MESSAGE})`;
const MESSAGING = rx([
  // An id written out: "LINE ID: abc", "WeChat ID wxid_…", "微信号 abc", "Telegram: @x", "WhatsApp +81 …".
  `${APP_NAME} ?(?:の)? ?(?:id|username|user name|handle|ユーザー名|ユーザーネーム|号|アカウント名) ?(?:は|:|=|is|-)? ?[「『"'(]?[@+]?[a-z0-9]`,
  `${APP_NAME} ?(?::|=) ?[「『"'(]?[@+]?[a-z0-9]`,
  `${APP_NAME} ?(?:の)? ?(?:account|アカウント|number|番号) ?(?:は|:|=|is|-)? ?[「『"'(]?(?:[@+][a-z0-9]|[a-z.-]*[0-9_])`,
  `${APP_NAME} ?(?:で|に|の|on|at)? ?[@+][a-z0-9]`,
  // A handle on its own, not the local part of an e-mail address.
  '(?<![a-z0-9._%+-])@[a-z0-9_][a-z0-9._-]{2,}',
  '\\b(?:id|user ?name|handle) ?[:=] ?[@a-z0-9_]',
  '(?:id|ｉｄ)(?:は|:|=) ?[「『"\'(]?[@a-z0-9_]',
  'フォローして(?:ください|下さい|ね)|友(?:だち|達)になって|dm(?:ください|下さい|して|を送って|で(?:連絡|ご連絡|お問い?合わせ))',
  // Japanese invitations: add as a friend, search the id, join a group (imperative or polite request).
  '友(?:だち|達)(?:追加|登録|申請)(?:して|を?お願い|をして|しましょう|でき|から|は(?:こちら|以下))',
  '(?:id|ｉｄ)(?:を|で)? ?検索(?:して|をお願い|しましょう)',
  '(?:追加|登録)して(?:ください|下さい|ね|。|$)',
  '(?:グループ|トーク|トークルーム|オープンチャット|チャンネル|コミュニティ|サロン)に(?:参加|招待|入っ|入会|加入)(?:して|を?お願い|しましょう|ください)',
  // English invitations in the first person.
  '\\badd (?:me|us|our|my|this (?:id|account|number)|the (?:id|account))\\b',
  '\\b(?:message|text|dm|contact|chat with|reach|ping|call|ring|find|follow|email|write to|whatsapp) (?:me|us)\\b',
  `${NOT_BEFORE}\\bjoin (?:my|our|the|this) (?:\\w+ )?(?:group|channel|chat|community|server)\\b`,
  '\\bsearch (?:for )?(?:the |my |our )?(?:id|user ?name|handle|account)\\b',
]);

// ---- Apps to install -----------------------------------------------------------------------------------

const APPS = rx([
  // Remote-access tools: naming one is a pointer to install it, whatever the sentence around it says.
  '\\b(?:anydesk|teamviewer|quick ?support|quick ?assist|rustdesk|supremo|airdroid|screenconnect|connectwise|logmein|splashtop|ultraviewer|zoho assist|ammyy|remotepc|chrome remote desktop|getscreen)\\b',
  '(?:アプリ|ソフト|ツール|プロファイル|apk|ファイル)を?(?:インストール|ダウンロード|入れ|導入|追加)(?:して|しても|て|ても)(?:ください|下さい|大丈夫|問題|かまいません|構いません|ok|ね)',
  '(?:インストール|ダウンロード|導入)すれば|(?:アプリ|ソフト|ツール)を入れれば',
  '(?:インストール|ダウンロード)(?:して|を?お願い)(?:ください|下さい|ね)',
  '(?:入れ|インストールし|ダウンロードし)て(?:ください|下さい|も(?:大丈夫|問題|かまいません|構いません))',
  `${NOT_BEFORE}\\bget\\b (?:the |this |that |our |an? |my )?(?:\\w+ )?(?:app|application|apk|software|program|profile|tool|extension)\\b`,
  // Any call to install or download, unless it is denied or said of the scammer ("asks you to install").
  "(?<!\\b(?:not|never|n't|don't|do not|no|avoid|without|to|you|them|people|victims) )\\b(?:install|download|sideload)\\b",
  '\\.apk\\b',
]);

// ---- Reassurance ---------------------------------------------------------------------------------------

/** Permissions our own advice gives ("このメッセージは削除してかまいません"); removed before the checks. */
const HARMLESS_PERMISSION = rx(
  [
    '(?:削除|無視|放置|ブロック|着信拒否|拒否|通報|相談|消去)(?:し)?(?:ても|て)(?:も)?(?:大丈夫|問題(?:は)?(?:ありません|ない)|かまいません|構いません|差し支えありません|よい|良い|いい)',
    "\\b(?:cannot|can't|could not|couldn't) (?:say|be sure|confirm|rule out)(?: that)? (?:it|this)(?: is|'s) not (?:a )?(?:scam|fraud)",
    '\\byou (?:can|may) (?:safely )?(?:delete|ignore|block|report)\\b',
    // Hedges that deny a reassurance ("that does not prove it is genuine").
    "\\b(?:does not|doesn't|do not|don't|cannot|can't|will not|won't|not) (?:prove|mean|show|guarantee|say|tell us|confirm)(?: that)? (?:it|this|the message|the sender|they) (?:is|are|was) (?:genuine|safe|legitimate|real|official)\\b",
  ],
  'gu',
);

const SUBJECT_JA =
  '(?:メッセージ|リンク|url|サイト|メール|連絡|sms|もの|番号|電話番号|通知|内容|送信元|送信者|差出人|案内|ご案内|お知らせ|ドメイン|アドレス|アカウント|窓口|ページ|業者|会社)';
const TRUSTED_JA = '(?:メッセージ|連絡|送信元|送信者|差出人|番号|サイト|リンク|url|もの|内容|業者|会社|通知)';
/** A claim followed within a few characters by its own denial ("公式のものではありません", "と言えません"). */
const DENIED_AFTER = '(?![^。]{0,8}?(?:ではな|ではあ|ではござ|じゃな|とは|ません|ない|か[、。?？]|か$))';
const REASSURANCE = rx([
  // 安全 / 大丈夫 / 問題ない / 心配ない / 安心
  `安全(?:です|でしょう|だ(?:と|。|$)|な${SUBJECT_JA}|性が確認|が確認|に(?:開け|ご利用|利用|アクセス|お使い|お手続き)|なので|であ[りる]|確認済|確認ずみ)`,
  `安全と(?:思われ|考えられ|判断|確認|言え|み(?:られ|て))${DENIED_AFTER}`,
  'あんぜん(?:です|な|だ)|だいじょうぶ(?:です|でしょう|だ)|もんだいありません|しんぱいいりません',
  '(?:安全|大丈夫|本物|正規|公式|無害|正常)でござい|詐欺ではございません|無害(?:です|な|だ)|正常な(?:メッセージ|連絡|通知|sms|メール|もの)|正常です',
  '(?:危な|怪し|あやし)く(?:ありません|ない)|セーフ(?:です|だ)|(?<![a-z])ok(?:です|でしょう|だ)|心配(?:ご)?無用|心配なし',
  '^[\\p{P}\\p{S}\\s]*(?:安全|大丈夫|問題なし|本物|公式|正規|無害|安心)[\\p{P}\\p{S}\\s]*$',
  '(?<!(?:ても|でも|ては))大丈夫(?:です|でしょう|だ|と|な(?:ので|メッセージ|もの|連絡)|。|$)',
  '(?:て|で)(?:も)?(?:大丈夫|問題(?:は)?(?:ありません|ない|ございません)|かまいません|構いません|差し支えありません|よい|良い|いい|ok)',
  '問題(?:は|も)?(?:ありません|ございません|ない(?:です|でしょう|と|。|$)|なし|なく)',
  '心配(?:は|も)?(?:いりません|要りません|ありません|ございません|不要|無用|ない(?:です|でしょう)|しなくて|ご無用)',
  'ご安心|安心(?:して(?!相談|ご相談)|です|でき(?:ます|る(?:メッセージ|連絡|内容))|ください)',
  // 詐欺ではない (but not "詐欺ではないとは言い切れません")
  '詐欺(?:で|じゃ)は(?:ありません|ない|なさそう)(?!と(?:は)?(?:言い切れ|いいきれ|言えな|言えま|断定|限ら|決めつけ)|か)',
  '詐欺の(?:心配|可能性|恐れ|おそれ|疑い|危険)(?:は|も)(?:ありません|ない|低い|ほとんど|少な|なさ)',
  '(?:危険|リスク|危険性)(?:は|も)(?:ありません|ない|低い|少な|ほとんど|なし)',
  // 本物・正規・公式・正式 claimed
  `本物(?:です|でしょう|だ(?:と|。)|の${SUBJECT_JA}(?:です|であ|と|で間違い)|と(?:確認|判断|思われ|考えられ|みられ|言え)|であ[りる]|に間違い|で間違い)${DENIED_AFTER}`,
  `(?:正規|公式|正式|正当|純正)(?:の|な)?${SUBJECT_JA}?(?:です|でしょう|であ[りる]|と(?:確認|判断|思われ|考えられ|みられ|言え)|で間違い|に間違い|ですので|なので)${DENIED_AFTER}`,
  `(?:正規|公式|正式|本物|実在)(?:の|な|する)?(?:会社|企業|機関|${SUBJECT_JA})?(?:の|な)?(?:公式|正規)?(?:の|な)?${SUBJECT_JA}?から(?:の|届いた)?${SUBJECT_JA}(?:です|であ|と|なので|ですので|で間違い)`,
  '公式に(?:確認|認証|検証|認定|承認)(?:され|済|ずみ|が取れ|でき)',
  `(?:番号|電話番号|リンク|url|サイト|ドメイン|アドレス|送信元|送信者|差出人|メッセージ|メール|sms|連絡|通知|アカウント)(?:は|も)(?:正しい|本物|正規|公式|正式|安全|実在)${DENIED_AFTER}`,
  `(?:信頼|信用)(?:でき(?:ます|る${TRUSTED_JA}|るので)|して(?:よい|いい|大丈夫|問題|ください)|に足る|性が高い|性の高い)`,
  '(?:検証|確認|認証|承認|審査)(?:済み|済|ずみ)|確認が取れ(?:てい|まし)',
  // Go ahead and do what the message says.
  '(?:指示|案内|説明|メッセージ|連絡|sms|メール)(?:の)?(?:どおり|通り|とおり|に従っ|のまま)[^。]{0,12}?(?:ください|下さい|大丈夫|問題(?:は)?(?:ありません|ない)|かまいません|構いません|差し支え|てよい|ていい|てok|ご対応)',
  '(?:手続き|お手続き|支払い|お支払い)(?:を)?(?:進めて|して|済ませて|完了して|お願い)(?:ください|下さい|も(?:大丈夫|問題|かまいません))',
  'そのまま(?:進め|手続|操作|入力|お?支払|振り?込|開い|タップ|クリック|アクセス|返信|電話|連絡|ご利用|利用)[^。]{0,8}?(?:ください|下さい|大丈夫|問題|かまいません|構いません|ok)',
  'ご対応(?:ください|下さい|をお願い)',
  '(?:こちら|下記|以下|上記|記載|この|その|表示された|画面の)(?:の)? ?(?:番号|電話番号|リンク|url|サイト|窓口|アドレス|qrコード)?(?:に|へ|まで|から) ?(?:お?電話|ご?連絡|アクセス|お?問い?合わせ|タップ|クリック|開い|読み取っ|ログイン)(?:して|ください|下さい)',
  '(?:お電話|ご連絡|お問い?合わせ|お問合せ|お手続き)(?:ください|下さい|をお願い|をどうぞ)',
  // English.
  "(?:\\bis|\\bare|\\bwas|\\bwere|\\b(?:it|that|this|there|everything|all)['’]s|\\blooks|\\bseems|\\bappears|\\bsounds)(?: to be)? (?:completely |totally |perfectly |entirely |very |quite |definitely |probably |likely |most likely |clearly |100% )*(?:safe|legitimate|legit|genuine|harmless|trustworthy|authentic|official|real|valid|verified|benign|fine|ok|okay|trusted|above board|the real (?:one|thing|deal)|the official one)\\b",
  "(?:\\bis|\\bare|\\bwas|\\b(?:it|that|this)['’]s) (?:a|an|the) (?:real|genuine|legitimate|official|authentic|valid|verified) (?:notice|message|text|email|e-mail|sms|notification|alert|letter|call|request|bill|invoice|site|website|link|number|account|company|sender)\\b",
  "\\b(?:not|isn't|is not|no|never|nothing like) (?:a |an |any )?(?:scam|fraud|phishing|fake|spam|trick|con)\\b",
  "\\b(?:no need to|nothing to|don't|do not|needn't|need not|not to) (?:worry|be worried|be concerned|panic|be alarmed)\\b|\\brest assured\\b|\\bno cause for (?:concern|alarm)\\b|\\byou can relax\\b|\\brest easy\\b",
  `${NOT_BEFORE}\\bsafe(?:ly)? to (?:open|click|call|reply|use|trust|follow|proceed|visit|tap|pay|continue|answer|log in|enter|install|download)\\b`,
  '\\b(?:you can|you may|feel free to|go ahead and)(?: safely)? (?:click|open|tap|follow|proceed|continue|pay|log in|login|sign in|enter|visit|install|download|trust|reply|respond|transfer|send|call|ring|phone|dial)\\b',
  "\\b(?:it's|it is|it’s|that's|that is) (?:fine|ok|okay|safe|alright|all right) to\\b",
  '\\bno problems? with (?:this|the|it)\\b|\\ball (?:good|clear)\\b|\\bgood to go\\b|\\bbona fide\\b|\\bnothing wrong with\\b',
  "(?:\\bis|\\bare|\\b(?:it|that|this)['’]s|\\blooks|\\bseems)(?: to be)? (?:completely |totally |perfectly )?(?:secure|authori[sz]ed|sanctioned|approved)\\b",
  '^[\\p{P}\\p{S}\\s]*(?:safe|legit|legitimate|genuine|official|verified|ok|okay|fine|all good|harmless|trusted|authentic)[\\p{P}\\p{S}\\s]*$',
  `${NOT_BEFORE}\\b(?:proceed|continue|act) as (?:instructed|requested|asked|directed|the message says)\\b`,
  `${NOT_BEFORE}\\bfollow (?:the|its|their|these|those|all) (?:\\w+ )?(?:instructions|steps|directions|link|prompts)\\b`,
  `${NOT_BEFORE}\\bdo (?:as|what) (?:the|this|it) (?:message|text|sms|email|sender|caller) (?:says|asks|tells)\\b`,
  `${NOT_BEFORE}\\btrust (?:this|the|that) (?:message|sender|number|link|text|email|caller|site|notice)\\b`,
  '\\b(?:can|may|could|should) be trusted\\b|\\btrusted (?:sender|source|number|site|contact|message|company)\\b',
  '\\b(?:is|was|comes|came|sent|really|genuinely|actually)(?: \\w+)? from (?:the |an? |your )?(?:official|genuine|real|legitimate|actual|verified)\\b',
  `${NOT_BEFORE}\\b(?:belongs|goes|leads|points|links|takes you|redirects) to (?:the |an? |your )?(?:real|official|actual|genuine|legitimate|correct)\\b`,
  '\\b(?:has been|have been|was|is|are|were|been) (?:officially |already |fully )?(?:verified|confirmed|certified|authenticated|approved|validated|whitelisted)\\b',
]);
/** Reassurances written with every letter spaced out ("t h i s i s s a f e"), read with the spaces gone. */
const SQUASHED_REASSURANCE =
  /(?:is|are)(?:safe|legit|genuine|official|real|fine|ok)|notascam|安全です|大丈夫です|問題ありません|本物です|公式です/u;

// ---- Contradicting the evidence ------------------------------------------------------------------------

/** "Not on any list": read as a reassurance by the person, and false whenever our intel lists it. */
const NOT_LISTED = rx([
  '(?:一覧|リスト|データベース|ブラックリスト|名簿)に(?:は)?(?:載って|掲載され|登録され|含まれて)(?:い)?(?:ません|ない)',
  '(?:報告|通報|登録)(?:は|も)?(?:され)?(?:ていません|ありません|されていない)',
  '\\bnot (?:on|in) (?:any|a|the|our) (?:\\w+ )?(?:list|blocklist|blacklist|database|feed)\\b|\\bnot (?:been )?(?:listed|reported|flagged|blacklisted|blocklisted)\\b|\\bno (?:reports|record)\\b',
]);
const NOT_IMPERSONATING = rx([
  '(?:なりすまし|偽物|偽装|偽サイト|ニセ|にせ)(?:で|じゃ)?は(?:ありません|ない)',
  "\\b(?:not|isn't|is not|no) (?:an? )?(?:impersonat|fake|spoof|fraudulent|lookalike|look-alike|copy|imitation)",
]);
/** "No signs": fine when nothing was found, false when our evidence found something. */
const NO_SIGNS = rx([
  '(?:不審|怪しい|あやしい|おかしい|危険)(?:な)?(?:点|ところ|箇所|部分|兆候|要素)(?:は|も)(?:ありません|ない|見当たりません|見つかりません|見られません|特に)',
  '兆候(?:は|も)?(?:ありません|ない|見当たりません|見つかりません|見つかりませんでした|見られません)',
  '\\bno (?:clear |obvious |real )?(?:red flags|warning signs|signs of (?:a )?(?:scam|fraud|phishing)|suspicious)|\\bnothing (?:suspicious|unusual|alarming|wrong)\\b|\\b(?:low|no|minimal) risk\\b|\\bnot suspicious\\b',
]);
const NO_LINK = rx([
  '(?:リンク|url)(?:は|が|も)(?:含まれて(?:い)?(?:ません|ない)|ありません|ない)',
  "\\bno (?:links?|urls?)\\b|\\b(?:does not|doesn't) (?:contain|include|have) (?:a |any )?(?:links?|urls?)\\b",
]);
const NO_PHONE = rx([
  '(?:電話番号|番号)(?:は|が|も)(?:含まれて(?:い)?(?:ません|ない)|ありません|ない|書かれていません)',
  "\\bno (?:phone )?numbers?\\b|\\b(?:does not|doesn't) (?:contain|include|have) (?:a |any )?(?:phone )?numbers?\\b",
]);

/** What the consultation found, for telling a denial of the evidence from a fair "nothing found". */
export interface ClaimContext {
  evidence: Pick<Evidence, 'signals' | 'intel' | 'indicators'>;
  /** The level the answer will carry. */
  level: Level;
}

/**
 * What the model's sentence claims that it must not; null when it claims none of it. Without a context (a tip,
 * our own text) only the claims that are wrong whatever the evidence count.
 */
export function modelClaim(sentence: string, context?: ClaimContext): ClaimKind | null {
  const t = normaliseForClaims(sentence).toLowerCase();
  if (MESSAGING.test(t)) return 'messaging';
  if (APPS.test(t)) return 'app';
  if (REASSURANCE.test(t.replace(HARMLESS_PERMISSION, ' '))) return 'reassurance';
  if (spreadOut(sentence) && SQUASHED_REASSURANCE.test(t.replace(/[^\p{L}]/gu, ''))) return 'reassurance';
  if (NOT_IMPERSONATING.test(t)) return 'reassurance';
  if (NOT_LISTED.test(t)) return context && context.evidence.intel.length > 0 ? 'contradiction' : 'reassurance';
  if (!context) return null;
  const { evidence, level } = context;
  const found = evidence.signals.some((s) => s.weight > 0) || LEVEL_RANK[level] >= LEVEL_RANK.caution;
  if (found && NO_SIGNS.test(t)) return 'contradiction';
  if (evidence.indicators.urls.length > 0 && NO_LINK.test(t)) return 'contradiction';
  if (evidence.indicators.phones.length > 0 && NO_PHONE.test(t)) return 'contradiction';
  return null;
}

/** Three or more one-letter words in a row: a sentence spelt out to slip past the patterns above. */
function spreadOut(s: string): boolean {
  return /(?:^|\s)\S\s\S\s\S(?:\s|$)/u.test(s);
}
