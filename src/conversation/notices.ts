// Short answers that are not verdicts, in both languages. The sentences are the book's (src/words/{ja,en}/replies.ts).
import type { Lang } from '../domain.ts';
import { WORDS } from '../words/book.ts';
import type { NoticeKey } from './types.ts';

export function noticeText(key: NoticeKey, lang: Lang): string {
  return WORDS[lang].replies.notices[key];
}
