// Who may call an HTTP route that is not for the public: a caller with one of the configured bearer keys, or,
// when none is configured, only this machine. Used by POST /v1/check (API_KEYS), GET /metrics (METRICS_TOKEN)
// and the console (CONSOLE_TOKEN). Keys are compared in constant time, all of them, whichever matches.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A token longer than this is not a token (and is not hashed). */
export const MAX_TOKEN_CHARS = 1_024;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function tokenMatches(given: string, expected: string): boolean {
  if (given.length > MAX_TOKEN_CHARS) return false;
  return timingSafeEqual(sha256(given), sha256(expected));
}

/** The token of an `Authorization: Bearer …` header (RFC 6750 §2.1), if any. */
export function bearerOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string' || h.length > MAX_TOKEN_CHARS + 16) return undefined;
  const m = /^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i.exec(h);
  return m?.[1];
}

const LOOPBACK_RE = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

/**
 * The request comes from this machine itself: the socket's peer is a loopback address and no proxy forwarded
 * it. The socket, not req.ip: the app trusts X-Forwarded-For (app.ts), which any client can write. A reverse
 * proxy on the same host connects from loopback too, so a request carrying a forwarding header is not local.
 */
export function isLocalRequest(req: FastifyRequest): boolean {
  const peer = req.socket.remoteAddress ?? '';
  return LOOPBACK_RE.test(peer) && FORWARDING_HEADERS.every((h) => req.headers[h] === undefined);
}

export type Access = { ok: true; caller: string } | { ok: false; status: 401 | 403; error: string; challenge?: string };

/**
 * Checks a request against a list of bearer keys. `caller` names who called, for per-caller limits:
 * "key:<n>" (the n-th configured key, never the key itself) or "local".
 */
export function checkAccess(req: FastifyRequest, keys: readonly string[], what: string, setting: string): Access {
  if (keys.length === 0) {
    if (isLocalRequest(req)) return { ok: true, caller: 'local' };
    return {
      ok: false,
      status: 403,
      error: `${what} is open only to this machine until the operator sets ${setting}.`,
    };
  }
  const given = bearerOf(req);
  if (given === undefined) {
    return {
      ok: false,
      status: 401,
      error: `${what} needs a key: send the header "Authorization: Bearer <key>".`,
      challenge: 'Bearer realm="anshin"',
    };
  }
  let matched = -1;
  keys.forEach((k, i) => {
    if (tokenMatches(given, k) && matched === -1) matched = i;
  });
  if (matched === -1) {
    return {
      ok: false,
      status: 401,
      error: 'That key is not valid.',
      challenge: 'Bearer realm="anshin", error="invalid_token"',
    };
  }
  return { ok: true, caller: `key:${matched}` };
}

/** Sends a refusal from checkAccess as JSON; returns the reply for an onRequest hook to return. */
export function refuseAccess(reply: FastifyReply, a: Exclude<Access, { ok: true }>): FastifyReply {
  if (a.challenge) reply.header('www-authenticate', a.challenge);
  return reply.code(a.status).send({ error: a.error });
}
