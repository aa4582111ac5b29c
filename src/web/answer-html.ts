// A verdict as HTML, laid out like the LINE card (channels/line/render.ts): the level word in its colour band
// and the line under it, then the scam type, what we found, what to do now, what to do if already acted,
// where to get help and the related articles, and that this is not a guarantee. Every word comes from the
// renderers' tables. Links from the message are shown defanged and as text: nothing from a message is a link.
// The only links are to our own article pages.
import { VERDICT_LABELS } from '../consult/render.ts';
import { contactLine, contactsFor, LEVEL_SUBLINES, LEVEL_WORDS } from '../conversation/answer-text.ts';
import type { Lang, Verdict } from '../domain.ts';
import { defangText } from '../extract/defang.ts';
import { SCAM_TYPE_LABELS } from '../judge/compose.ts';
import { escapeHtml } from './layout.ts';

export const ANSWER_TEXT: Record<
  Lang,
  { title: string; read: string; unreadable: string; qr: string; guarantee: string; again: string }
> = {
  ja: {
    title: '判定の結果',
    read: '写真から読み取った文章',
    unreadable: '写真の文字をうまく読み取れませんでした。文章をそのまま貼り付けると、もっと正確に調べられます。',
    qr: '写真のQRコードの中身',
    guarantee:
      'この判定は自動で行ったもので、保証ではありません。迷ったときは、お金を払う前に、家族や相談窓口に相談してください。',
    again: '別のメッセージを調べる',
  },
  en: {
    title: 'The result',
    read: 'Text read from the picture',
    unreadable: 'We could not read the text in the picture well. Pasting the text itself gives a more accurate check.',
    qr: 'What the QR code in the picture holds',
    guarantee:
      'This check is automatic and is not a guarantee. If you are unsure, talk to family or a help line before you pay anything.',
    again: 'Check another message',
  },
};

/** Message-derived text, escaped, with every link and bare domain defanged (already so from the pipeline; again here). */
const shown = (s: string) => escapeHtml(defangText(s));

const list = (items: readonly string[], render: (s: string) => string = shown) =>
  items.length > 0 ? `<ul>${items.map((i) => `<li>${render(i)}</li>`).join('')}</ul>` : '';

const section = (title: string, inner: string) => (inner === '' ? '' : `<h3>${escapeHtml(title)}</h3>${inner}`);

export function renderAnswerCard(v: Verdict): string {
  const lang = v.lang;
  const l = VERDICT_LABELS[lang];
  const t = ANSWER_TEXT[lang];
  const parts: string[] = [];
  if (v.scamType !== 'none') {
    parts.push(`<p class="type">${escapeHtml(`${l.type}: ${SCAM_TYPE_LABELS[v.scamType][lang]}`)}</p>`);
  }
  if (v.readFromImages) {
    const r = v.readFromImages;
    const text = r.text.trim();
    parts.push(
      section(
        t.read,
        `${text !== '' ? `<p class="read">${shown(text)}</p>` : ''}${r.legible ? '' : `<p>${escapeHtml(t.unreadable)}</p>`}`,
      ),
    );
    if (r.qrUrls.length > 0) parts.push(section(t.qr, list(r.qrUrls)));
  }
  parts.push(section(l.reasons, list(v.reasons)));
  // Advice is ours (templates, or model sentences the guards held to our own contacts): shown as written.
  parts.push(section(l.now, list(v.advice, escapeHtml)));
  parts.push(section(l.acted, list(v.ifAlreadyActed, escapeHtml)));
  // Contacts come from our own registry only (guards.ts); shown as text, never as links, like the rest.
  parts.push(
    section(
      l.contacts,
      list(
        contactsFor(v).map((c) => contactLine(c, lang)),
        escapeHtml,
      ),
    ),
  );
  const articles = v.articles.map(
    (a) => `<li><a href="/articles/${encodeURIComponent(a.id)}?lang=${a.lang}">${escapeHtml(a.title)}</a></li>`,
  );
  if (articles.length > 0) parts.push(section(l.articles, `<ul>${articles.join('')}</ul>`));
  parts.push(`<p class="guarantee">${escapeHtml(t.guarantee)}</p>`);
  parts.push(`<p class="judged">${escapeHtml(l.judged[v.judgedBy])}</p>`);
  return `<article class="card" aria-labelledby="level-word">
<header class="lvl-${v.level}"><p class="level" id="level-word">${escapeHtml(LEVEL_WORDS[v.level][lang])}</p>
<p class="subline">${escapeHtml(LEVEL_SUBLINES[v.level][lang])}</p></header>
<div class="body">${parts.join('\n')}</div></article>`;
}

/** The answer region's content: a heading for screen readers and the card. */
export function renderAnswer(v: Verdict, lang: Lang): string {
  return `<h2>${escapeHtml(ANSWER_TEXT[lang].title)}</h2>${renderAnswerCard(v)}`;
}

export function renderError(message: string): string {
  return `<p class="error" role="alert">${escapeHtml(message)}</p>`;
}
