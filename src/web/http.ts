// Small HTTP helpers the try page and the console share: who the client is (as a keyed hash, for rate limits),
// reading cookies, and telling a same-origin form post from a cross-site one.
import type { FastifyRequest } from 'fastify';
import type { PersonIds } from '../infra/ids.ts';

/**
 * The client for per-client limits, as a keyed hash of its address: never stored or logged in the clear.
 * The address is Fastify's req.ip, which follows X-Forwarded-For because the app trusts its proxy (app.ts):
 * run the web role behind a proxy that sets that header.
 */
export function clientKey(ids: PersonIds, req: FastifyRequest, purpose: string): string {
  return ids.token(purpose, req.ip);
}

const COOKIE_PAIR_RE = /^\s*([^=;\s]+)\s*=\s*([^;]*?)\s*$/;

/** The value of one cookie, or undefined. Malformed pairs are skipped; the first of a repeated name wins. */
export function readCookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string' || header.length > 8192) return undefined;
  for (const pair of header.split(';')) {
    const m = COOKIE_PAIR_RE.exec(pair);
    if (m && m[1] === name) return m[2];
  }
  return undefined;
}

/**
 * A state-changing form post must come from our own pages (OWASP: verify the origin with standard headers).
 * Sec-Fetch-Site decides when the browser sends it (all current ones do); else Origin must name this host.
 * A request with neither is not a browser driven by another site (curl, a script holding the token).
 * https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */
export function isSameOriginPost(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (typeof origin !== 'string' || origin === 'null') return false;
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}

/** The request came over https (directly, or through a proxy that says so). */
export function isHttps(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}
