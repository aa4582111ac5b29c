// The shape of one language's book of words. Each language fills every key (src/words/ja, src/words/en), so the
// compiler says when a sentence is missing in one of them; book.ts puts the languages together.
import type { FollowUpTopic, NoticeKey } from '../conversation/types.ts';
import type { BrandMatch, Level, ScamType, Verdict } from '../domain.ts';
import type { ImageProblem } from '../image/problems.ts';

/** What a level is called and means: the word, the line under it, and both in one headline. */
export interface LevelWords {
  word: string;
  subline: string;
  headline: string;
}

/** The verdict's own words: levels, scam types, section titles, follow-up headings and helpline names. */
export interface AnswerWords {
  levels: Record<Level, LevelWords>;
  scamTypes: Record<ScamType, string>;
  /** Section titles of a verdict, shared by every rendering (text, SMS, LINE card, the web pages). */
  sections: {
    type: string;
    reasons: string;
    now: string;
    acted: string;
    contacts: string;
    articles: string;
    judged: Record<Verdict['judgedBy'], string>;
  };
  /** The first line of a follow-up's answer ('detail' is the whole verdict, which has its own titles). */
  followUps: Record<Exclude<FollowUpTopic, 'detail'>, string>;
  /** The title of the helplines under the steps of the "already acted" follow-up. */
  followUpHelp: string;
  /** The two public lines every answer lists last. */
  standardContacts: { police: string; consumer: string };
  /** Public lines added by the kind of case, with when to call them. */
  helplines: { policeConsultation: string; consumerHotline: string; emergency: string };
}

/** What to do now and if already acted, when no article speaks for the case. */
export type AdviceWords = Record<Level, { advice: string[]; ifAlreadyActed: string[] }>;

/** Sentences that open the reasons: what a picture held, and that only part of a message was checked. */
export interface ReasonWords {
  readQuoteAndQr: (quote: string, qr: string) => string;
  readQuote: (quote: string) => string;
  readQr: (qr: string) => string;
  nothingRead: string;
  someImagesRead: (max: number) => string;
  /** A number or link the brand registry holds as the brand's own, which still proves nothing alone. */
  officialContact: (via: BrandMatch['via'], shown: string, brand: string) => string;
  truncated: string;
}

/** Words a person sends that are instructions, by command. Matched whole, in either language. */
export interface CommandWords {
  shared: { delete_data: string[]; subscribe: string[]; help: string[] };
  /** SMS / WhatsApp opt-out and opt-in words. */
  twilio: { stop: string[]; start: string[] };
  /** LINE: blocking the account is the opt-out, so "stop" words there mean "no more weekly tips". */
  line: { unsubscribe: string[] };
}

/** Short answers that are not verdicts, and why a picture could not be read. */
export interface ReplyWords {
  notices: Record<NoticeKey, string>;
  /** Some pictures of the burst could not be fetched (too large, expired): the verdict stands on the rest. */
  imageNote: string;
  imageProblems: Record<Exclude<ImageProblem, 'too_large'>, string> & { too_large: (mb: number) => string };
  commands: CommandWords;
}

/** The platforms' own chrome: LINE card buttons and quick replies, the SMS tail, the SMS answer page. */
export interface ChannelWords {
  /** The heading of a partner's offer. */
  partner: string;
  line: {
    article: string;
    offerButton: string;
    quickReplies: Record<'detail' | 'acted' | 'contacts' | 'subscribe', string>;
  };
  twilio: { more: string; imageNoteShort: string };
  answerPage: { page: string; expired: string; expiredBody: string };
}

/** The weekly tips' fixed texts. */
export interface TipWords {
  head: (month: number, day: number) => string;
  grew: string;
  featured: string;
  spot: string;
  action: string;
  more: string;
  /** What comes before a partner offer's title under a tip. */
  offerHeading: (partner: string) => string;
  /** How to stop, by channel. */
  footer: Record<'line' | 'twilio', string>;
}

/** The try page's error messages; the two with a number say the limit. */
export interface TryErrors {
  empty: string;
  tooLong: (maxChars: number) => string;
  tooManyImages: (maxImages: number) => string;
  tooLarge: string;
  rateLimited: string;
  form: string;
  internal: string;
}

/** The chrome of the web pages: the try page, its answer card, the article pages. */
export interface PageWords {
  try: {
    title: string;
    brand: string;
    switch: string;
    heading: string;
    lead: string;
    textLabel: string;
    textHint: string;
    fileLabel: string;
    fileHint: string;
    submit: string;
    busy: string;
    offline: string;
    privacy: string;
    privacyCounted: string;
    articles: string;
    footer: string;
    errors: TryErrors;
  };
  answer: { title: string; read: string; unreadable: string; qr: string; guarantee: string; again: string };
  articles: {
    index: string;
    examples: string;
    /** The steps an article gives for someone who already acted (its own wording, not the verdict's). */
    acted: string;
    sources: string;
    updated: string;
    back: string;
    other: string;
    notFoundTitle: string;
    notFound: string;
  };
}

/** One language's book. */
export interface Book {
  answer: AnswerWords;
  advice: AdviceWords;
  reasons: ReasonWords;
  replies: ReplyWords;
  channels: ChannelWords;
  tips: TipWords;
  pages: PageWords;
}
