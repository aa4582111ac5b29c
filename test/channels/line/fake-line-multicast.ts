// A fake LINE multicast endpoint on 127.0.0.1, as LINE documents it: an accepted X-Line-Retry-Key answers 409
// when used again; scripted answers (429 with Retry-After, 500) come first; `hangAt` accepts the nth call and
// never answers it, which is what a sender killed mid-call looks like from LINE's side.
import http from 'node:http';
import { closeLocal, listenLocal } from '../../helpers/local-server.ts';

export const FAKE_LINE_TOKEN = 'test-access-token';

export interface Multicast {
  retryKey: string;
  to: string[];
  text: string;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: object;
}

export class FakeLineMulticast {
  /** Accepted multicasts, in order: what people received. */
  readonly accepted: Multicast[] = [];
  /** Every request's status, in order (409s and scripted answers included). */
  readonly statuses: number[] = [];
  readonly script: ScriptedAnswer[] = [];
  /** Count every recipient instead of keeping the lists (the benchmark's 100,000). */
  countOnly = false;
  recipients = 0;
  /** The 1-based request number to accept and leave unanswered. */
  hangAt: number | null = null;
  readonly #keys = new Set<string>();
  #requests = 0;
  url = '';
  readonly #server: http.Server;

  constructor() {
    this.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.#handle(req, res, Buffer.concat(chunks)));
    });
    this.#server.keepAliveTimeout = 30_000;
  }

  async start(): Promise<this> {
    this.url = await listenLocal(this.#server);
    return this;
  }

  async stop(): Promise<void> {
    await closeLocal(this.#server);
  }

  /** Each recipient and how many tips they got. */
  receivedBy(): Map<string, number> {
    const m = new Map<string, number>();
    for (const c of this.accepted) for (const u of c.to) m.set(u, (m.get(u) ?? 0) + 1);
    return m;
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) {
    const answer = (status: number, body: object, headers: Record<string, string> = {}) => {
      this.statuses.push(status);
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
        ...headers,
      });
      res.end(text);
    };
    if (req.method !== 'POST' || req.url !== '/v2/bot/message/multicast') return answer(404, { message: 'Not found' });
    if (req.headers.authorization !== `Bearer ${FAKE_LINE_TOKEN}`)
      return answer(401, { message: 'Authentication failed' });
    this.#requests += 1;
    const scripted = this.script.shift();
    if (scripted) return answer(scripted.status, scripted.body ?? {}, scripted.headers);
    const key = req.headers['x-line-retry-key'];
    if (typeof key !== 'string') return answer(400, { message: 'no retry key' });
    if (this.#keys.has(key)) {
      return answer(409, { message: 'The retry key is already accepted' }, { 'x-line-accepted-request-id': key });
    }
    const body = JSON.parse(raw.toString()) as { to: string[]; messages: { text: string }[] };
    if (body.to.length > 500) return answer(400, { message: 'Size must be between 1 and 500' });
    this.#keys.add(key);
    if (this.countOnly) this.recipients += body.to.length;
    else this.accepted.push({ retryKey: key, to: body.to, text: body.messages[0]?.text ?? '' });
    if (this.hangAt === this.#requests) return; // accepted, never answered
    answer(200, {});
  }
}
