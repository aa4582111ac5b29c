// A verdict as HTML, laid out like the LINE card (channels/line/render.ts): the level word in its colour band
// and the line under it, then the scam type, what we found, what to do now, what to do if already acted,
// where to get help and the related articles, and that this is not a guarantee. Every word comes from the
// book of words (src/words). Links from the message are shown defanged and as text: nothing from a message is a link.
// The only links are to our own article pages.
import { contactLine, contactsFor } from '../conversation/answer-text.ts';
import type { Lang, Verdict } from '../domain.ts';
import { defangText } from '../extract/defang.ts';
import { WORDS } from '../words/book.ts';
import { escapeHtml } from './layout.ts';

/** Message-derived text, escaped, with every link and bare domain defanged (already so from the pipeline; again here). */
const shown = (s: string) => escapeHtml(defangText(s));

const list = (items: readonly string[], render: (s: string) => string = shown) =>
  items.length > 0 ? `<ul>${items.map((i) => `<li>${render(i)}</li>`).join('')}</ul>` : '';

const section = (title: string, inner: string) => (inner === '' ? '' : `<h3>${escapeHtml(title)}</h3>${inner}`);

export function renderAnswerCard(v: Verdict): string {
  const lang = v.lang;
  const words = WORDS[lang];
  const l = words.answer.sections;
  const t = words.pages.answer;
  const parts: string[] = [];
  if (v.scamType !== 'none') {
    parts.push(`<p class="type">${escapeHtml(`${l.type}: ${words.answer.scamTypes[v.scamType]}`)}</p>`);
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
<header class="lvl-${v.level}"><p class="level" id="level-word">${escapeHtml(words.answer.levels[v.level].word)}</p>
<p class="subline">${escapeHtml(words.answer.levels[v.level].subline)}</p></header>
<div class="body">${parts.join('\n')}</div></article>`;
}

/** The answer region's content: a heading for screen readers and the card. */
export function renderAnswer(v: Verdict, lang: Lang): string {
  return `<h2>${escapeHtml(WORDS[lang].pages.answer.title)}</h2>${renderAnswerCard(v)}`;
}

export function renderError(message: string): string {
  return `<p class="error" role="alert">${escapeHtml(message)}</p>`;
}
