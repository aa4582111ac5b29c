// The types every part of anshin shares (see ../shared/DESIGN.md, "Domain types").
// Channels, the consultation pipeline, the judges and the CLI all speak these and nothing else.
// Shapes that are stored and read back (a verdict, in the last consultation and in delivery records) have a
// schema at the end, which the store readers check them against (infra/store/read.ts).
import { z } from 'zod';
import type { SignalCode } from './signal-codes.ts';

export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** One picture a person sent: the channels fetch it, the image reader reads it, the consultation carries it. */
export interface ImagePart {
  /** Raw bytes as received (JPEG, PNG, WebP, …). Size-checked by the channel before it gets here. */
  bytes: Buffer;
  contentType?: string;
}

/** A sentence in both answer languages. Signals and reasons carry both so a verdict can be re-rendered. */
export interface Bilingual {
  ja: string;
  en: string;
}

export const LEVELS = ['danger', 'caution', 'low', 'unknown'] as const;
/** Never "safe": `low` means no clear sign was found, which is not a guarantee. `unknown`: nothing to judge. */
export type Level = (typeof LEVELS)[number];

export const LEVEL_RANK: Record<Level, number> = { unknown: 0, low: 1, caution: 2, danger: 3 };

export const SCAM_TYPES = [
  'phishing', // bank, card, securities, carrier, e-commerce, government: a link that asks for details
  'delivery_sms', // 宅配業者をかたる不在通知
  'refund', // 還付金詐欺
  'fictitious_billing', // 架空料金請求, unpaid fees, one-click billing
  'impersonation_call', // オレオレ, 預貯金詐欺, キャッシュカード詐欺盗: relatives, bank staff, officials by phone
  'fake_authority', // 警察官・検察官・省庁をかたる (incl. video calls)
  'investment', // SNS型投資, 金融商品, 暗号資産, ギャンブル
  'romance', // SNS型ロマンス, 交際あっせん
  'support_scam', // 偽の警告画面
  'prize', // 懸賞・当選
  'side_job', // 副業・情報商材
  'loan', // 融資保証金
  'account_takeover', // 認証コードを聞き出す, LINE 乗っ取り
  'fake_shop', // 偽ショッピングサイト
  'malware', // 不正アプリ, malware distribution
  'other',
  'none',
] as const;
export type ScamType = (typeof SCAM_TYPES)[number];

export const PAYMENT_METHODS = ['e_money', 'gift_card', 'atm', 'bank_transfer', 'crypto', 'convenience_store'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Where a consultation came from; 'web' is the try-it page (GET /). */
export type Channel = 'line' | 'twilio' | 'api' | 'cli' | 'web';

// ---- Extraction -------------------------------------------------------------------------------

export interface UrlIndicator {
  /** As it stood in the text (after normalisation). */
  raw: string;
  /** Canonical form: lower-case scheme and host (ASCII/punycode), path and query kept. */
  url: string;
  /** ASCII host (punycode for IDN), lower-case, no trailing dot. */
  host: string;
  /** Unicode form of the host when it is an IDN, else the same as host. */
  hostUnicode: string;
  /** Registrable domain (eTLD+1) or null for IP literals and bare public suffixes. */
  domain: string | null;
  /** Public suffix, e.g. "co.jp", "top". */
  tld: string | null;
  isIp: boolean;
  /** Written defanged (hxxp, [.]) in the message. */
  defanged: boolean;
  /** Written without a scheme ("sagawa-xx.top/abc"). */
  bare: boolean;
  /** Read from a QR code in an image rather than from text. */
  fromQr?: boolean;
  /** The target of a redirect: this link was carried inside a link to this host (google.com/url?q=…). */
  wrappedIn?: string;
}

export type PhoneKind =
  | 'toll_free' // 0120, 0800
  | 'navi_dial' // 0570
  | 'ip' // 050
  | 'mobile' // 070, 080, 090
  | 'fixed' // landlines
  | 'premium' // 0990 etc.
  | 'international' // outside Japan
  | 'short' // 110, 118, 119, 188, #9110
  | 'unknown';

export interface PhoneIndicator {
  raw: string;
  /** E.164 (+81…) for full numbers; short codes keep their written form ("#9110", "188"). */
  e164: string;
  /** ISO country (JP, US, GB, …) when known. */
  country: string | null;
  kind: PhoneKind;
}

export interface EmailIndicator {
  raw: string;
  address: string;
  domain: string;
}

export interface AmountIndicator {
  raw: string;
  value: number;
  currency: 'JPY' | 'USD' | 'EUR' | 'GBP' | 'OTHER';
}

export interface Indicators {
  /** Normalised text: NFKC, invisible characters removed, capped in length. */
  text: string;
  /** Invisible characters (zero-width, tag, bidi controls) removed from the original. */
  invisibleChars: number;
  /** The input was longer than we read and was cut. */
  truncated: boolean;
  urls: UrlIndicator[];
  phones: PhoneIndicator[];
  emails: EmailIndicator[];
  amounts: AmountIndicator[];
  paymentMethods: PaymentMethod[];
}

// ---- Evidence ---------------------------------------------------------------------------------

export interface Signal {
  code: SignalCode;
  /** Contribution to the risk score; strong evidence is ≥ 50. */
  weight: number;
  /** A sentence that stands on its own, in both languages. */
  detail: Bilingual;
  /** What the signal is about (a host, a number), for display; defanged where it is a link. */
  subject?: string;
  /** The scam type this signal points to, when it points to one. */
  scamType?: ScamType;
  /** Deterministic evidence strong enough to set a floor the LLM cannot lower. */
  strong?: boolean;
}

export interface IntelHit {
  kind: 'url' | 'host' | 'domain' | 'phone';
  value: string;
  source: string;
  /** ISO date when the feed listed it (or when we imported it, when the feed had none). */
  listedAt: string | null;
  /** Feed's own label, e.g. the impersonated brand. */
  label: string | null;
}

export interface Contact {
  label: Bilingual;
  phone?: string;
  url?: string;
}

export interface BrandMatch {
  brandId: string;
  name: Bilingual;
  /**
   * official: the link, number or address is one the brand really uses.
   * impersonated: the message claims to be the brand but the link/number is not the brand's.
   * mentioned: the brand is named and nothing contradicts it.
   */
  relation: 'official' | 'impersonated' | 'mentioned';
  via: 'url' | 'phone' | 'email' | 'text';
  subject?: string;
  /** The brand's official domains, for "not X's official domain Y" sentences. */
  officialDomains: string[];
  /** Where the user can check on their own: from the registry only. */
  contact?: Contact;
}

export interface ArticleRef {
  id: string;
  title: string;
  scamType: ScamType;
  lang: Lang;
  score: number;
  /** Page on PUBLIC_BASE_URL when configured, else a knowledge/ path. */
  url?: string;
}

export interface Evidence {
  indicators: Indicators;
  signals: Signal[];
  intel: IntelHit[];
  brands: BrandMatch[];
  articles: ArticleRef[];
  /** Learned probability that the riskiest link we could not vouch for is a phishing link (0..1). */
  urlRisk?: number;
}

// ---- Verdict ----------------------------------------------------------------------------------

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface Verdict {
  level: Level;
  scamType: ScamType;
  /** 0..1: how sure the judge is of the level. */
  confidence: number;
  /** The local judge's learned probability that this is a scam (0..1), for machines and the LLM judge. */
  score?: number;
  lang: Lang;
  /** A one-line headline in the answer language ("危険 (詐欺の可能性が高い)"). */
  headline: string;
  /** Evidence, most important first, in the answer language. */
  reasons: string[];
  /** What to do now. */
  advice: string[];
  /** What to do if the person already opened the link, paid or gave a code. */
  ifAlreadyActed: string[];
  /** Where to check or ask: numbers and links from our knowledge only. */
  contacts: Contact[];
  articles: ArticleRef[];
  /** Signal codes that fired, for machines (eval, trends). */
  signals: string[];
  /** Brands named or impersonated. */
  brands: string[];
  judgedBy: 'local' | 'llm';
  promptVersion?: string;
  model?: string;
  usage?: LlmUsage;
  /** Why the LLM was not used, when it was configured but failed. */
  fallbackReason?: string;
  /** What was read from the pictures the person sent (links defanged), so they can see whether it was read right. */
  readFromImages?: { text: string; qrUrls: string[]; legible: boolean };
  timings: Record<string, number>;
}

/** What the person is told to do for a judgement: composed once, after the guards, from our knowledge only. */
export type Composition = Pick<Verdict, 'headline' | 'advice' | 'ifAlreadyActed' | 'contacts' | 'articles'>;

/**
 * What a judge decides (local or LLM, after the guards): the level, the scam type and the reasons, before the
 * advice, contacts and articles are composed for it.
 */
export type Judgement = Omit<Verdict, keyof Composition | 'readFromImages'>;

// ---- Stored shapes ----------------------------------------------------------------------------
// Loose objects: a value written by a newer version keeps the fields this one does not know when it is
// written back (a delivery record is saved again after each part).

const BilingualSchema = z.looseObject({ ja: z.string(), en: z.string() });

const ContactSchema = z.looseObject({
  label: BilingualSchema,
  phone: z.string().optional(),
  url: z.string().optional(),
});

const ArticleRefSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  scamType: z.enum(SCAM_TYPES),
  lang: z.enum(LANGS),
  score: z.number(),
  url: z.string().optional(),
});

export const VerdictSchema: z.ZodType<Verdict> = z.looseObject({
  level: z.enum(LEVELS),
  scamType: z.enum(SCAM_TYPES),
  confidence: z.number(),
  score: z.number().optional(),
  lang: z.enum(LANGS),
  headline: z.string(),
  reasons: z.array(z.string()),
  advice: z.array(z.string()),
  ifAlreadyActed: z.array(z.string()),
  contacts: z.array(ContactSchema),
  articles: z.array(ArticleRefSchema),
  signals: z.array(z.string()),
  brands: z.array(z.string()),
  judgedBy: z.enum(['local', 'llm']),
  promptVersion: z.string().optional(),
  model: z.string().optional(),
  usage: z.looseObject({ promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() }).optional(),
  fallbackReason: z.string().optional(),
  readFromImages: z.looseObject({ text: z.string(), qrUrls: z.array(z.string()), legible: z.boolean() }).optional(),
  timings: z.record(z.string(), z.number()),
});
