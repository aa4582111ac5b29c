// Who may see the console: a request carrying CONSOLE_TOKEN as `Authorization: Bearer …` (scripts, monitoring),
// or a browser holding a session cookie that the login form set. Sessions live in the store with a TTL
// (CONSOLE_SESSION_TTL_MS), keyed by the SHA-256 of the cookie value, and remember which token made them, so
// logging out ends one at once and changing CONSOLE_TOKEN ends them all. Tokens are compared in constant time
// (infra/access.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { CONSOLE_SESSION_TTL_MS, keys } from '../infra/store/keys.ts';
import type { Store } from '../infra/store/store.ts';
import { readCookie } from './http.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export const CONSOLE_COOKIE = 'anshin_console';
const SESSION_BYTES = 32;
/** base64url of SESSION_BYTES: anything else in the cookie is not one of ours. */
const SESSION_RE = /^[A-Za-z0-9_-]{43}$/;

export class ConsoleSessions {
  readonly #store: Store;
  readonly #fingerprint: string;

  constructor(store: Store, token: string) {
    this.#store = store;
    this.#fingerprint = sha256(`anshin console token\0${token}`).toString('hex').slice(0, 32);
  }

  /** A new session; returns the cookie value (the store keeps only its hash). */
  async create(): Promise<string> {
    const value = randomBytes(SESSION_BYTES).toString('base64url');
    await this.#store.set(this.#key(value), this.#fingerprint, CONSOLE_SESSION_TTL_MS);
    return value;
  }

  async valid(value: string | undefined): Promise<boolean> {
    if (value === undefined || !SESSION_RE.test(value)) return false;
    const held = await this.#store.get(this.#key(value));
    return held !== null && timingSafeEqual(Buffer.from(held.padEnd(32).slice(0, 32)), Buffer.from(this.#fingerprint));
  }

  async end(value: string | undefined): Promise<void> {
    if (value !== undefined && SESSION_RE.test(value)) await this.#store.del(this.#key(value));
  }

  #key(value: string): string {
    return keys.consoleSession(createHash('sha256').update(value).digest('hex'));
  }
}

/** Set-Cookie for a session: HttpOnly, SameSite=Strict, only under /console, Secure over https. */
export function sessionCookie(value: string, secure: boolean): string {
  const maxAge = Math.floor(CONSOLE_SESSION_TTL_MS / 1000);
  return `${CONSOLE_COOKIE}=${value}; Path=/console; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedCookie(secure: boolean): string {
  return `${CONSOLE_COOKIE}=; Path=/console; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function sessionOf(req: FastifyRequest): string | undefined {
  return readCookie(req, CONSOLE_COOKIE);
}
