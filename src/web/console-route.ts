// GET /console, POST /console/login, POST /console/logout — registered only when CONSOLE_TOKEN is set, so
// without it nothing answers but the usual 404. GET /console needs `Authorization: Bearer CONSOLE_TOKEN` or a
// session cookie; without either it answers 401 with the login form. The login and logout posts must come
// from our own page (Origin / Sec-Fetch-Site), and logins are rate-limited per client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenPrices } from '../consult/judge-stats.ts';
import { bearerOf, MAX_TOKEN_CHARS, tokenMatches } from '../infra/access.ts';
import type { PersonIds } from '../infra/ids.ts';
import { keys } from '../infra/store/keys.ts';
import { ConsoleSessions, clearedCookie, sessionCookie, sessionOf } from './console-auth.ts';
import { type ConsoleSources, readConsoleData } from './console-data.ts';
import { renderConsole, renderLogin } from './console-page.ts';
import { clientKey, isHttps, isSameOriginPost } from './http.ts';
import { pageHeaders } from './layout.ts';

/** Login attempts one client may make per window: enough for typos, far too few to guess a token. */
export const CONSOLE_LOGINS_PER_WINDOW = 10;
export const CONSOLE_LOGIN_WINDOW_MS = 15 * 60_000;
const LOGIN_BODY_LIMIT_BYTES = 4 * 1024;

export interface ConsoleRouteOptions {
  token: string;
  ids: PersonIds;
  sources: ConsoleSources;
  prices: TokenPrices;
}

export async function consoleRoutes(app: FastifyInstance, opts: ConsoleRouteOptions): Promise<void> {
  const { store } = opts.sources;
  const sessions = new ConsoleSessions(store, opts.token);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: LOGIN_BODY_LIMIT_BYTES },
    (_req, body, done) => done(null, new URLSearchParams(body as string)),
  );

  const html = (reply: FastifyReply, status: number, body: string) =>
    pageHeaders(reply, 'same-origin').code(status).send(body);
  const refuse = (reply: FastifyReply, message?: string) =>
    html(reply.header('www-authenticate', 'Bearer realm="anshin console"'), 401, renderLogin(message));

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode <= 599 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err: { name: err.name, message: err.message } }, 'console failed');
    const message =
      status === 413
        ? 'That was too long to be a token.'
        : status >= 500
          ? 'The console could not be shown (the store may not be answering). Try again shortly.'
          : 'Please log in with the form.';
    return html(reply, status === 415 ? 400 : status, renderLogin(message));
  });

  app.get('/console', async (req, reply) => {
    const bearer = bearerOf(req);
    let viaSession = false;
    if (bearer !== undefined) {
      if (!tokenMatches(bearer, opts.token)) return refuse(reply, 'That token is not right.');
    } else {
      viaSession = await sessionValid(req);
      if (!viaSession) return refuse(reply);
    }
    const data = await readConsoleData(opts.sources);
    return html(reply, 200, renderConsole(data, { prices: opts.prices, session: viaSession }));
  });

  app.post('/console/login', async (req, reply) => {
    if (!isSameOriginPost(req)) return html(reply, 403, renderLogin('Log in from this server’s own page.'));
    const tries = await store.incr(
      keys.consoleLoginRate(clientKey(opts.ids, req, 'console-login')),
      CONSOLE_LOGIN_WINDOW_MS,
    );
    if (tries > CONSOLE_LOGINS_PER_WINDOW) {
      reply.header('retry-after', String(CONSOLE_LOGIN_WINDOW_MS / 1000));
      return html(reply, 429, renderLogin('Too many attempts. Wait 15 minutes and try again.'));
    }
    const token = req.body instanceof URLSearchParams ? req.body.get('token') : null;
    if (token === null || token.length === 0 || token.length > MAX_TOKEN_CHARS) {
      return refuse(reply, 'Enter the console token.');
    }
    if (!tokenMatches(token, opts.token)) return refuse(reply, 'That token is not right.');
    const session = await sessions.create();
    return reply
      .code(303)
      .header('set-cookie', sessionCookie(session, isHttps(req)))
      .header('location', '/console')
      .send();
  });

  app.post('/console/logout', async (req, reply) => {
    if (!isSameOriginPost(req)) return html(reply, 403, renderLogin('Log out from this server’s own page.'));
    await sessions.end(sessionOf(req));
    return reply
      .code(303)
      .header('set-cookie', clearedCookie(isHttps(req)))
      .header('location', '/console')
      .send();
  });

  async function sessionValid(req: FastifyRequest): Promise<boolean> {
    return sessions.valid(sessionOf(req));
  }
}
