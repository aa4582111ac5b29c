// The HTML shell and the security headers of the try-it page and the console. Everything the pages load comes
// from this app (assets.ts), so the Content-Security-Policy allows 'self' and nothing inline: no third-party
// script, font or tracker can run even if markup were injected. Text is escaped with the articles' escaper.
// CSP: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy
import type { FastifyReply } from 'fastify';
import { escapeHtml } from '../articles/markdown.ts';
import type { Lang } from '../domain.ts';
import { STYLE_SHEET, TRY_SCRIPT } from './assets.ts';

export { escapeHtml };

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers of every page: strict CSP, no framing, not cached, and no referrer (a pasted link must not leak).
 * The console sends its origin on its own posts ('same-origin'), which its login check reads.
 */
export function pageHeaders(
  reply: FastifyReply,
  referrer: 'no-referrer' | 'same-origin' = 'no-referrer',
): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', referrer)
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('cache-control', 'no-store');
}

export interface PageOptions {
  lang: Lang;
  title: string;
  body: string;
  /** Load the try page's script. */
  script?: boolean;
  /** Class of <body> ('console' for the operator's pages). */
  bodyClass?: string;
  /** noindex for the console and answer pages. */
  index?: boolean;
}

export function page(o: PageOptions): string {
  return `<!doctype html><html lang="${o.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="${o.index === false ? 'noindex,nofollow' : 'index,follow'}">
<title>${escapeHtml(o.title)}</title>
<link rel="stylesheet" href="${STYLE_SHEET.path}">
${o.script ? `<script src="${TRY_SCRIPT.path}" defer></script>` : ''}
</head><body${o.bodyClass ? ` class="${o.bodyClass}"` : ''}>${o.body}</body></html>`;
}
