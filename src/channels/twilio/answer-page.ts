// GET /a/:token — the full answer behind an SMS / WhatsApp link: unguessable (HMAC of the job id), expiring
// (ANSWER_PAGE_TTL_MS), erased with the person's data, plain HTML readable on a small phone.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { renderVerdictText } from '../../consult/render.ts';
import { contactLine, contactsFor } from '../../conversation/answer-text.ts';
import { type Lang, type Verdict, VerdictSchema } from '../../domain.ts';
import type { PersonIds } from '../../infra/ids.ts';
import type { Metrics } from '../../infra/metrics.ts';
import { keys } from '../../infra/store/keys.ts';
import { orAbsent, readSealedJson, unreadableReporter } from '../../infra/store/read.ts';
import type { Store } from '../../infra/store/store.ts';
import { type Offer, OfferSchema, offerText } from '../../offers/offers.ts';
import { WORDS } from '../../words/book.ts';
import { LEVEL_COLORS } from '../line/render.ts';

export interface AnswerPage {
  verdict: Verdict;
  offers: Offer[];
  imagesUnread: boolean;
  createdAt: string;
}

const AnswerPageSchema: z.ZodType<AnswerPage> = z.looseObject({
  verdict: VerdictSchema,
  offers: z.array(OfferSchema),
  imagesUnread: z.boolean(),
  createdAt: z.string(),
});

const TOKEN_RE = /^[A-Za-z0-9_-]{22}$/;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(lang: Lang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${esc(title)}</title><style>
body{font-family:system-ui,sans-serif;font-size:18px;line-height:1.6;margin:0;color:#212121;background:#fafafa}
main{max-width:40rem;margin:0 auto;padding:0 1rem 2rem}header{padding:1rem;border-radius:0 0 8px 8px}
h1{font-size:1.6rem;margin:0}pre{white-space:pre-wrap;font-family:inherit}section{margin-top:1.5rem}
a{color:#0b57d0}.offer{border:1px solid #ccc;border-radius:8px;padding:1rem;background:#fff}
</style></head><body><main>${body}</main></body></html>`;
}

export function renderAnswerPage(page: AnswerPage): string {
  const v = page.verdict;
  const words = WORDS[v.lang];
  const t = words.channels;
  const color = LEVEL_COLORS[v.level];
  const contacts = contactsFor(v)
    .map((c) => `<li>${esc(contactLine(c, v.lang))}</li>`)
    .join('');
  const offers = page.offers
    .map((o) => {
      const ot = offerText(o, v.lang);
      return `<section class="offer"><small>${esc(t.partner)}（${esc(o.partner)}）</small><h2>${esc(ot.title)}</h2><p>${esc(ot.text)}</p><a href="${esc(o.url)}" rel="noopener noreferrer">${esc(o.url)}</a></section>`;
    })
    .join('');
  const note = page.imagesUnread ? `<p>${esc(words.replies.imageNote)}</p>` : '';
  return layout(
    v.lang,
    t.answerPage.page,
    `<header style="background:${color.bg};color:${color.fg}"><h1>${esc(words.answer.levels[v.level].word)}</h1></header>
${note}<pre>${esc(renderVerdictText(v, { detail: 'full' }))}</pre>
<section><h2>${esc(words.answer.sections.contacts)}</h2><ul>${contacts}</ul></section>${offers}`,
  );
}

export const answerPages: FastifyPluginAsync<{ store: Store; ids: PersonIds; metrics?: Metrics }> = async (
  app,
  opts,
) => {
  app.get<{ Params: { token: string } }>('/a/:token', async (req, reply) => {
    reply
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .type('text/html; charset=utf-8');
    const raw = TOKEN_RE.test(req.params.token) ? await opts.store.get(keys.answerPage(req.params.token)) : null;
    // One that cannot be read (sealed under another key, damaged): as if it had expired (reported).
    const page =
      raw === null
        ? undefined
        : orAbsent(
            () => readSealedJson(opts.ids, AnswerPageSchema, raw, 'answer page'),
            unreadableReporter(req.log, opts.metrics),
          );
    if (page === undefined) {
      const lang: Lang = /^ja\b/.test(req.headers['accept-language'] ?? 'ja') ? 'ja' : 'en';
      const t = WORDS[lang].channels.answerPage;
      return reply.code(404).send(layout(lang, t.expired, `<h1>${esc(t.expired)}</h1><p>${esc(t.expiredBody)}</p>`));
    }
    return reply.send(renderAnswerPage(page));
  });
};
