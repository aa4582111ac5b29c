import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/articles/markdown.ts';
import { articlePages } from '../../src/articles/pages.ts';
import { loadArticles } from '../../src/knowledge/articles.ts';

let app: FastifyInstance;
const articles = loadArticles();

beforeAll(async () => {
  app = Fastify();
  await app.register(articlePages, { articles });
});
afterAll(() => app.close());

describe('article pages', () => {
  it('GET /articles lists every Japanese article, newest first, with a link to each', async () => {
    const r = await app.inject({ method: 'GET', url: '/articles' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('いま気をつけたい、特殊詐欺とネット詐欺');
    for (const a of articles.filter((x) => x.lang === 'ja')) expect(r.body).toContain(`/articles/${a.id}?lang=ja`);
  });

  it('GET /articles/:id renders the article for a phone: viewport, steps, contacts and sources', async () => {
    const r = await app.inject({ method: 'GET', url: '/articles/delivery-sms' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('name="viewport"');
    expect(r.body).toContain('宅配業者をかたる');
    expect(r.body).toContain('いますぐすること');
    expect(r.body).toContain('href="tel:%239110"');
    expect(r.body).toContain('<h2>出典</h2>');
    expect(r.body).not.toContain('<script');
  });

  it('serves English with ?lang=en and falls back to Japanese where no English exists', async () => {
    const en = await app.inject({ method: 'GET', url: '/articles/delivery-sms?lang=en' });
    expect(en.body).toContain('lang="en"');
    const onlyJa = articles.find((a) => a.lang === 'ja' && !articles.some((b) => b.lang === 'en' && b.id === a.id))!;
    const fb = await app.inject({ method: 'GET', url: `/articles/${onlyJa.id}?lang=en` });
    expect(fb.statusCode).toBe(200);
    expect(fb.body).toContain('lang="ja"');
  });

  it.each([
    '/articles/no-such-article',
    '/articles/..%2F..%2Fetc%2Fpasswd',
    '/articles/%3Cscript%3E',
    `/articles/${'a'.repeat(500)}`,
  ])('%s → a 404 page, nothing reflected', async (url) => {
    const r = await app.inject({ method: 'GET', url });
    // Over Fastify's parameter limit the router itself answers 414.
    expect([404, 414]).toContain(r.statusCode);
    expect(r.body).not.toContain('<script>');
  });
});

describe('renderMarkdown', () => {
  it('escapes HTML and keeps only https links', () => {
    const html = renderMarkdown(
      '## 見出し\n\n<img src=x onerror=alert(1)> [ok](https://www.npa.go.jp/) [bad](javascript:alert(1))\n\n1. 一\n2. 二',
    );
    expect(html).toContain('<h3>見出し</h3>');
    expect(html).toContain('&lt;img');
    expect(html).toContain('<a href="https://www.npa.go.jp/"');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<ol><li>一</li>'.replace('><', '>\n<'));
  });
});
