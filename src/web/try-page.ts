// GET / — the try-it page: paste a message or choose a screenshot, press one button, read the answer as LINE
// would show it. Japanese by default, English at /?lang=en. The form posts to / as multipart/form-data, so it
// works without JavaScript (the action ends in #answer, so the browser lands on the answer); try.js (assets.ts)
// sends the same form with fetch and puts the answer in place.
import type { Lang } from '../domain.ts';
import { escapeHtml, page } from './layout.ts';

export const TRY_TEXT = {
  ja: {
    title: 'anshin（安心）｜これ詐欺？と思ったら',
    brand: 'anshin（安心）',
    switch: 'English',
    heading: '「これ詐欺？」と思ったら、ここで調べられます',
    lead: '気になるメッセージ（SMS・メール・LINE）の文章を貼り付けるか、画面の写真（スクリーンショット）を選んで、「調べる」を押してください。',
    textLabel: 'メッセージの文章',
    textHint: '届いた文章をそのまま貼り付けてください。',
    fileLabel: '画面の写真（スクリーンショット）',
    fileHint: 'なくてもかまいません。',
    submit: '調べる',
    busy: '調べています。少しお待ちください…',
    offline: 'つながりませんでした。通信の状態を確かめて、もう一度「調べる」を押してください。',
    privacy: '貼り付けた文章や写真は保存しません。調べ終わったら消えます。',
    privacyCounted: '何件調べたかだけを、だれのものか分からない形で数えています。',
    articles: 'いま気をつけたい詐欺の解説を読む',
    footer: 'anshin は自動で判定します。判定は保証ではありません。',
    errors: {
      empty: '文章を貼り付けるか、写真を選んでから「調べる」を押してください。',
      tooLong: (n: number) => `文章が長すぎます。${n.toLocaleString('ja-JP')}文字までにしてください。`,
      tooManyImages: (n: number) => `写真は${n}枚までにしてください。`,
      tooLarge: '写真が大きすぎます。スクリーンショットを選んでください。',
      rateLimited: '続けてたくさん調べたため、しばらく休止しています。1時間ほどたってから、もう一度お試しください。',
      form: 'うまく受け取れませんでした。もう一度「調べる」を押してください。',
      internal: 'ただいま調べられません。少し時間をおいて、もう一度お試しください。',
    },
  },
  en: {
    title: 'anshin | Is this a scam?',
    brand: 'anshin',
    switch: '日本語',
    heading: 'Worried a message is a scam? Check it here',
    lead: 'Paste the text of the message (SMS, email, LINE) or choose a picture of the screen (a screenshot), then press “Check”.',
    textLabel: 'The text of the message',
    textHint: 'Paste it just as you received it.',
    fileLabel: 'A picture of the screen (screenshot)',
    fileHint: 'Optional.',
    submit: 'Check',
    busy: 'Checking. Please wait a moment…',
    offline: 'We could not connect. Check your connection and press “Check” again.',
    privacy: 'We do not keep the text or picture you send. They are gone once the check is done.',
    privacyCounted: 'We only count how many checks are made, without knowing whose they are.',
    articles: 'Read about the scams going around now',
    footer: 'anshin checks automatically. Its answer is not a guarantee.',
    errors: {
      empty: 'Please paste the text or choose a picture, then press “Check”.',
      tooLong: (n: number) => `The text is too long. Please keep it under ${n.toLocaleString('en-GB')} characters.`,
      tooManyImages: (n: number) => `Please choose at most ${n} pictures.`,
      tooLarge: 'The picture is too large. Please choose a screenshot.',
      rateLimited: 'You have made many checks in a row, so checking is paused. Please try again in about an hour.',
      form: 'We could not read what was sent. Please press “Check” again.',
      internal: 'We cannot check right now. Please try again in a little while.',
    },
  },
} as const;

export type TryErrorKind = keyof (typeof TRY_TEXT)['ja']['errors'];

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
  const t = TRY_TEXT[s.lang];
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
