// A fake LINE Messaging API (api.line.me and api-data.line.me in one) on 127.0.0.1 that records every call.
// It behaves as LINE documents: a reply token works once; a push with a used X-Line-Retry-Key gets 409.
import http from 'node:http';
import { closeLocal, listenLocal } from '../../helpers/local-server.ts';

/** LINE JSON as the tests read it. */
// biome-ignore lint/suspicious/noExplicitAny: the tests read LINE's JSON bodies field by field.
export type LineJson = any;

export interface LineCall {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: LineJson;
  status: number;
}

export class FakeLine {
  readonly calls: LineCall[] = [];
  readonly usedReplyTokens = new Set<string>();
  readonly acceptedRetryKeys = new Set<string>();
  /** messageId → image bytes served by the content API. */
  readonly contents = new Map<string, Buffer>();
  /** Paths that answer 500 this many more times (then behave). */
  readonly failures = new Map<string, number>();
  /** Accept the push but answer 500, as a flaky network would look to the sender. */
  acceptThenFailPushes = 0;
  /**
   * Accept the reply or push (the person has it) but never answer: the sender is left waiting, as when it
   * is killed mid-call. Returns true for the calls to treat so.
   */
  hang: (path: string, body: LineJson) => boolean = () => false;
  /** Answer each call after this long, as a real platform does (a killed sender then dies mid-call). */
  latencyMs = 0;
  url = '';
  #server: http.Server;

  constructor() {
    this.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.#handle(req, res, Buffer.concat(chunks)));
    });
  }

  async start(): Promise<this> {
    this.url = await listenLocal(this.#server);
    return this;
  }

  async stop(): Promise<void> {
    await closeLocal(this.#server);
  }

  /** Calls that delivered messages to the person (accepted replies and pushes). */
  answers(): LineCall[] {
    return this.calls.filter((c) => /\/message\/(reply|push)$/.test(c.path) && c.status === 200);
  }

  /** Accepted replies and pushes per LINE user id (a reply counts for the user its token was issued to). */
  answersPerUser(userOfToken: (token: string) => string | undefined): Map<string, number> {
    const per = new Map<string, number>();
    for (const c of this.answers()) {
      const user = c.path.endsWith('/reply') ? userOfToken(c.body.replyToken) : (c.body.to as string);
      if (user !== undefined) per.set(user, (per.get(user) ?? 0) + 1);
    }
    return per;
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) {
    const path = (req.url ?? '').split('?')[0]!;
    const body = raw.length > 0 && req.headers['content-type']?.includes('json') ? JSON.parse(raw.toString()) : null;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      this.calls.push({ method: req.method ?? '', path, headers: req.headers, body, status });
      if (status === 200 && this.hang(path, body)) return;
      const text = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(status, {
          'content-type': Buffer.isBuffer(payload) ? 'image/jpeg' : 'application/json',
          'content-length': String(text.length),
          ...headers,
        });
        res.end(text);
      };
      if (this.latencyMs > 0) setTimeout(answer, this.latencyMs);
      else answer();
    };
    if (req.headers.authorization !== 'Bearer test-access-token')
      return send(401, { message: 'Authentication failed' });
    const failuresLeft = this.failures.get(path) ?? 0;
    if (failuresLeft > 0) {
      this.failures.set(path, failuresLeft - 1);
      return send(500, { message: 'Internal error' });
    }
    if (req.method === 'POST' && path === '/v2/bot/message/reply') {
      if (this.usedReplyTokens.has(body.replyToken) || String(body.replyToken).startsWith('expired')) {
        return send(400, { message: 'Invalid reply token' });
      }
      if (body.messages.length > 5) return send(400, { message: 'Size must be between 1 and 5' });
      this.usedReplyTokens.add(body.replyToken);
      return send(200, { sentMessages: body.messages.map((_: unknown, i: number) => ({ id: String(i) })) });
    }
    if (req.method === 'POST' && path === '/v2/bot/message/push') {
      const key = req.headers['x-line-retry-key'];
      if (typeof key === 'string' && this.acceptedRetryKeys.has(key)) {
        return send(409, { message: 'The retry key is already accepted' }, { 'x-line-accepted-request-id': 'abc' });
      }
      if (typeof key === 'string') this.acceptedRetryKeys.add(key);
      if (this.acceptThenFailPushes > 0) {
        this.acceptThenFailPushes -= 1;
        // Recorded as accepted for the person, but the sender sees a failure.
        this.calls.push({ method: 'POST', path, headers: req.headers, body, status: 200 });
        res.writeHead(500, { 'content-type': 'application/json', 'content-length': '2' });
        return res.end('{}');
      }
      return send(200, { sentMessages: [{ id: '1' }] });
    }
    if (req.method === 'POST' && path === '/v2/bot/chat/loading/start') return send(202, {});
    const content = /^\/v2\/bot\/message\/([^/]+)\/content$/.exec(path);
    if (req.method === 'GET' && content) {
      const bytes = this.contents.get(content[1]!);
      return bytes ? send(200, bytes) : send(404, { message: 'Not found' });
    }
    return send(404, { message: 'Not found' });
  }
}
