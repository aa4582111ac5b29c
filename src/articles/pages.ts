// GET /articles and GET /articles/:id: the awareness articles as plain, mobile-friendly HTML pages, linked from
// answers and weekly tips. Static content, no scripts, no third-party resources.
import type { FastifyInstance } from 'fastify';
import type { Article } from '../knowledge/articles.ts';
import { WORDS } from '../words/book.ts';
import { escapeHtml, renderMarkdown } from './markdown.ts';

const PAGE_CSS = `
body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP",sans-serif;line-height:1.8;
margin:0 auto;max-width:40rem;padding:1rem 1.1rem 3rem;color:#1a1a1a;background:#fff;font-size:1.1rem}
h1{font-size:1.5rem;line-height:1.4}h2{font-size:1.25rem;margin-top:2rem;border-left:.3rem solid #c0392b;padding-left:.6rem}
h3{font-size:1.1rem}a{color:#0645ad}li{margin:.3rem 0}.meta{color:#555;font-size:.95rem}
.box{background:#fdf3e7;border-radius:.5rem;padding:.8rem 1rem;margin:1rem 0}
.examples li{background:#f4f4f4;border-radius:.4rem;padding:.5rem .7rem;list-style:none;word-break:break-all}
.examples{padding-left:0}nav{margin-bottom:1rem}`;

function page(lang: 'ja' | 'en', title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="index,follow"><title>${escapeHtml(title)}</title><style>${PAGE_CSS}</style></head>
<body>${body}</body></html>`;
}

const list = (items: string[], cls = '') =>
  items.length
    ? `<ul${cls ? ` class="${cls}"` : ''}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
    : '';

export function renderArticlePage(a: Article, hasOtherLang: boolean): string {
  const words = WORDS[a.lang];
  const t = words.pages.articles;
  const contacts = a.contacts.map((c) => {
    const label = escapeHtml(c.label[a.lang]);
    if (c.phone)
      return `<li>${label}: <a href="tel:${encodeURIComponent(c.phone.replace(/[^\d#+]/g, ''))}">${escapeHtml(c.phone)}</a></li>`;
    return `<li><a href="${escapeHtml(c.url ?? '')}" rel="noopener noreferrer">${label}</a></li>`;
  });
  const sources = a.sources.map(
    (s) => `<li><a href="${escapeHtml(s.url)}" rel="noopener noreferrer">${escapeHtml(s.name)}</a></li>`,
  );
  const other = hasOtherLang
    ? ` · <a href="/articles/${a.id}?lang=${a.lang === 'ja' ? 'en' : 'ja'}">${t.other}</a>`
    : '';
  const body = `<nav><a href="/articles?lang=${a.lang}">← ${t.back}</a>${other}</nav>
<h1>${escapeHtml(a.title)}</h1>
<p class="meta">${escapeHtml(words.answer.scamTypes[a.scamType])} · ${t.updated}: ${escapeHtml(a.updated)}</p>
<p class="box">${escapeHtml(a.summary)}</p>
<h2>${t.examples}</h2>${list(a.examples, 'examples')}
<h2>${words.answer.sections.now}</h2>${list(a.advice)}
<h2>${t.acted}</h2>${list(a.ifAlreadyActed)}
${renderMarkdown(a.body)}
<h2>${words.answer.sections.contacts}</h2><ul>${contacts.join('')}</ul>
<h2>${t.sources}</h2><ul>${sources.join('')}</ul>`;
  return page(a.lang, a.title, body);
}

export function renderArticleIndex(articles: readonly Article[], lang: 'ja' | 'en'): string {
  const t = WORDS[lang].pages.articles;
  const items = articles
    .filter((a) => a.lang === lang)
    .sort((x, y) => y.updated.localeCompare(x.updated) || x.id.localeCompare(y.id))
    .map(
      (a) =>
        `<li><a href="/articles/${a.id}?lang=${lang}">${escapeHtml(a.title)}</a><br><span class="meta">${escapeHtml(a.summary)}</span></li>`,
    );
  return page(
    lang,
    t.index,
    `<h1>${t.index}</h1><nav><a href="/articles?lang=${lang === 'ja' ? 'en' : 'ja'}">${t.other}</a></nav><ul>${items.join('')}</ul>`,
  );
}

const HTML_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300' };
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function articlePages(app: FastifyInstance, opts: { articles: readonly Article[] }): Promise<void> {
  const byKey = new Map(opts.articles.map((a) => [`${a.lang}/${a.id}`, a]));
  const langOf = (q: unknown): 'ja' | 'en' => ((q as { lang?: string } | undefined)?.lang === 'en' ? 'en' : 'ja');

  app.get('/articles', async (req, reply) => {
    reply.headers(HTML_HEADERS).send(renderArticleIndex(opts.articles, langOf(req.query)));
  });
  app.get<{ Params: { id: string } }>('/articles/:id', async (req, reply) => {
    const { id } = req.params;
    const lang = langOf(req.query);
    const a = ID_RE.test(id) ? (byKey.get(`${lang}/${id}`) ?? byKey.get(`ja/${id}`)) : undefined;
    if (!a) {
      return reply
        .code(404)
        .headers(HTML_HEADERS)
        .send(
          page(
            lang,
            WORDS[lang].pages.articles.notFoundTitle,
            `<p>${WORDS[lang].pages.articles.notFound} <a href="/articles?lang=${lang}">${WORDS[lang].pages.articles.back}</a></p>`,
          ),
        );
    }
    const other = byKey.has(`${a.lang === 'ja' ? 'en' : 'ja'}/${a.id}`);
    reply.headers(HTML_HEADERS).send(renderArticlePage(a, other));
  });
}
