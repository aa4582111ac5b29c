// Which language to answer in: Japanese unless the message is clearly English (or the caller says so).
import type { Lang } from '../domain.ts';

const KANA_KANJI_RE = /[\u3040-\u30ff\u3400-\u9fff]/g;
const LATIN_RE = /[A-Za-z]/g;

export function detectLang(text: string): Lang {
  const sample = text.slice(0, 2000).replace(/(?:https?|hxxps?):\/\/\S+/gi, '');
  const cjk = (sample.match(KANA_KANJI_RE) ?? []).length;
  const latin = (sample.match(LATIN_RE) ?? []).length;
  // Any real run of Japanese means a Japanese reader; brand names and links are Latin in Japanese messages too.
  if (cjk >= 2) return 'ja';
  return latin >= 8 ? 'en' : 'ja';
}
