// Which language to answer in: Japanese unless the message is clearly English (or the caller says so).
import type { Lang } from '../domain.ts';
import { SCHEME_LINK_RE } from '../text/links.ts';
import { KANA_KANJI } from '../text/script.ts';

const KANA_KANJI_ALL_RE = new RegExp(`[${KANA_KANJI}]`, 'g');
const LATIN_RE = /[A-Za-z]/g;

export function detectLang(text: string): Lang {
  const sample = text.slice(0, 2000).replace(SCHEME_LINK_RE, '');
  const cjk = (sample.match(KANA_KANJI_ALL_RE) ?? []).length;
  const latin = (sample.match(LATIN_RE) ?? []).length;
  // Any real run of Japanese means a Japanese reader; brand names and links are Latin in Japanese messages too.
  if (cjk >= 2) return 'ja';
  return latin >= 8 ? 'en' : 'ja';
}
