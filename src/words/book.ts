// The book of words: every sentence a person reads, other than the signals' own (signals.ts), in one place per language
// (src/words/ja, src/words/en) so an editor can review all of one language together. Each language fills the
// same shape (types.ts), so the compiler says when a sentence is missing. Strings only: no logic lives here.
import type { Bilingual, Lang, Level } from '../domain.ts';
import { LEVELS } from '../domain.ts';
import { advice as enAdvice } from './en/advice.ts';
import { answer as enAnswer } from './en/answer.ts';
import { channels as enChannels } from './en/channels.ts';
import { pages as enPages } from './en/pages.ts';
import { reasons as enReasons } from './en/reasons.ts';
import { replies as enReplies } from './en/replies.ts';
import { tips as enTips } from './en/tips.ts';
import { advice as jaAdvice } from './ja/advice.ts';
import { answer as jaAnswer } from './ja/answer.ts';
import { channels as jaChannels } from './ja/channels.ts';
import { pages as jaPages } from './ja/pages.ts';
import { reasons as jaReasons } from './ja/reasons.ts';
import { replies as jaReplies } from './ja/replies.ts';
import { tips as jaTips } from './ja/tips.ts';
import type { AdviceWords, Book } from './types.ts';

export type { Book } from './types.ts';

export const WORDS: Record<Lang, Book> = {
  ja: {
    answer: jaAnswer,
    advice: jaAdvice,
    reasons: jaReasons,
    replies: jaReplies,
    channels: jaChannels,
    tips: jaTips,
    pages: jaPages,
  },
  en: {
    answer: enAnswer,
    advice: enAdvice,
    reasons: enReasons,
    replies: enReplies,
    channels: enChannels,
    tips: enTips,
    pages: enPages,
  },
};

/** One sentence of the book in both languages, for values that carry both (a contact's label). */
export function bilingual(pick: (book: Book) => string): Bilingual {
  return { ja: pick(WORDS.ja), en: pick(WORDS.en) };
}

function byLevel<T>(pick: (book: Book, level: Level) => T): Record<Level, Record<Lang, T>> {
  const table = {} as Record<Level, Record<Lang, T>>;
  for (const level of LEVELS) table[level] = { ja: pick(WORDS.ja, level), en: pick(WORDS.en, level) };
  return table;
}

/** The verdict's headline by level and language, as compose() reads it. */
export const HEADLINES: Record<Level, Record<Lang, string>> = byLevel(
  (book, level) => book.answer.levels[level].headline,
);

/** The level's general steps by level and language, as compose() reads them. */
export const GENERIC_ADVICE: Record<Level, Record<Lang, AdviceWords[Level]>> = byLevel(
  (book, level) => book.advice[level],
);
