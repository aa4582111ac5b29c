// GET / — the try-it page: paste a message or choose a screenshot, press one button, read the answer as LINE
// would show it. Japanese by default, English at /?lang=en. The form posts to / as multipart/form-data, so it
// works without JavaScript (the action ends in #answer, so the browser lands on the answer); try.js (assets.ts)
// sends the same form with fetch and puts the answer in place.
import type { Lang } from '../domain.ts';
import { WORDS } from '../words/book.ts';
import type { TryErrors } from '../words/types.ts';
import { escapeHtml, page } from './layout.ts';

export type TryErrorKind = keyof TryErrors;

export interface TryPageState {
  lang: Lang;
  /** The text the person pasted, put back in the box after a plain form post (never stored). */
  text?: string;
  /** The answer region's HTML (answer-html.ts), already escaped. */
  answerHtml?: string;
  countedInTrends: boolean;
  maxTextChars: number;
}

export function renderTryPage(s: TryPageState): string {
  const t = WORDS[s.lang].pages.try;
  const other: Lang = s.lang === 'ja' ? 'en' : 'ja';
  const body = `<div class="wrap">
<div class="top"><a class="brand" href="/?lang=${s.lang}">${escapeHtml(t.brand)}</a>
<a class="switch" href="/?lang=${other}" lang="${other}" hreflang="${other}">${escapeHtml(t.switch)}</a></div>
<main>
<h1>${escapeHtml(t.heading)}</h1>
<p class="lead">${escapeHtml(t.lead)}</p>
<form class="check" id="check-form" method="post" action="/?lang=${s.lang}#answer" enctype="multipart/form-data"
 data-busy="${escapeHtml(t.busy)}" data-offline="${escapeHtml(t.offline)}">
<input type="hidden" name="lang" value="${s.lang}">
<div class="field"><label for="text">${escapeHtml(t.textLabel)}<span class="hint" id="text-hint">${escapeHtml(t.textHint)}</span></label>
<textarea id="text" name="text" rows="7" maxlength="${s.maxTextChars}" aria-describedby="text-hint" autocomplete="off" spellcheck="false">${escapeHtml(s.text ?? '')}</textarea></div>
<div class="field"><label for="image">${escapeHtml(t.fileLabel)}<span class="hint" id="image-hint">${escapeHtml(t.fileHint)}</span></label>
<input type="file" id="image" name="image" accept="image/png,image/jpeg,image/webp" aria-describedby="image-hint"></div>
<button class="go" type="submit">${escapeHtml(t.submit)}</button>
<p class="status" id="status" role="status" aria-live="polite"></p>
<p class="note">${escapeHtml(t.privacy)}${s.countedInTrends ? `${s.lang === 'en' ? ' ' : ''}${escapeHtml(t.privacyCounted)}` : ''}</p>
</form>
<section class="answer" id="answer" tabindex="-1" aria-live="polite">${s.answerHtml ?? ''}</section>
</main>
<footer><p><a href="/articles?lang=${s.lang}">${escapeHtml(t.articles)}</a></p><p>${escapeHtml(t.footer)}</p></footer>
</div>`;
  return page({ lang: s.lang, title: t.title, body, script: true });
}
