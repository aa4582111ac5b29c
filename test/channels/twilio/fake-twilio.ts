// A fake Twilio REST API on 127.0.0.1: records Messages.json calls, lists the messages it accepted (newest
// first, filtered by To and From, as Twilio's Messages list does) and serves media behind basic auth.
import http from 'node:http';
import { closeLocal, listenLocal } from '../../helpers/local-server.ts';

export const TEST_ACCOUNT_SID = 'AC00000000000000000000000000000000';
export const TEST_AUTH_TOKEN = 'test-twilio-auth-token';

export interface TwilioCall {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  form: Record<string, string>;
}

export interface SentMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  createdAt: Date;
}

export class FakeTwilio {
  readonly calls: TwilioCall[] = [];
  /** Messages accepted for sending (created), oldest first. */
  readonly sent: SentMessage[] = [];
  /** path → bytes served as media. */
  readonly media = new Map<string, { bytes: Buffer; contentType: string }>();
  /** Create the message but never answer: the sender is left waiting, as when it is killed mid-call. */
  hang: (form: Record<string, string>) => boolean = () => false;
  /** Answer 500 without creating the message. */
  fail: (form: Record<string, string>) => boolean = () => false;
  latencyMs = 0;
  url = '';
  #server: http.Server;
  #n = 0;

  constructor() {
    this.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.#handle(req, res, Buffer.concat(chunks).toString()));
    });
  }

  async start(): Promise<this> {
    this.url = await listenLocal(this.#server);
    return this;
  }

  async stop(): Promise<void> {
    await closeLocal(this.#server);
  }

  /** Calls that created a message (sends, not lookups). */
  messages(): TwilioCall[] {
    return this.calls.filter((c) => c.path.endsWith('/Messages.json') && c.method === 'POST');
  }

  /** Lookups of sent messages (GET Messages.json). */
  lookups(): TwilioCall[] {
    return this.calls.filter((c) => c.path.endsWith('/Messages.json') && c.method === 'GET');
  }

  /** Messages created per recipient. */
  sentPerRecipient(): Map<string, number> {
    const per = new Map<string, number>();
    for (const m of this.sent) per.set(m.to, (per.get(m.to) ?? 0) + 1);
    return per;
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const [path, query = ''] = (req.url ?? '').split('?') as [string, string?];
    const form = Object.fromEntries(new URLSearchParams(req.method === 'GET' ? query : raw));
    this.calls.push({ method: req.method ?? '', path, headers: req.headers, form });
    const reply = (status: number, body: Buffer | string, type = 'application/json') => {
      const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': type, 'content-length': String(b.length) });
        res.end(b);
      };
      if (this.latencyMs > 0) setTimeout(answer, this.latencyMs);
      else answer();
    };
    const expected = `Basic ${Buffer.from(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== expected)
      return reply(401, JSON.stringify({ code: 20003, message: 'Authenticate' }));
    const messagesPath = `/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages.json`;
    if (req.method === 'POST' && path === messagesPath) {
      if (this.fail(form)) return reply(500, JSON.stringify({ code: 20500, message: 'Internal Server Error' }));
      this.#n += 1;
      const m: SentMessage = {
        sid: `SM${String(this.#n).padStart(32, '0')}`,
        to: form.To ?? '',
        from: form.From ?? '',
        body: form.Body ?? '',
        createdAt: new Date(),
      };
      this.sent.push(m);
      if (this.hang(form)) return;
      return reply(201, JSON.stringify(resource(m)));
    }
    if (req.method === 'GET' && path === messagesPath) {
      const size = Math.min(Number(form.PageSize ?? 50) || 50, 1000);
      const found = this.sent
        .filter((m) => (form.To === undefined || m.to === form.To) && (form.From === undefined || m.from === form.From))
        .reverse()
        .slice(0, size);
      return reply(
        200,
        JSON.stringify({
          messages: found.map(resource),
          page: 0,
          page_size: size,
          first_page_uri: messagesPath,
          next_page_uri: null,
          previous_page_uri: null,
          uri: messagesPath,
          start: 0,
          end: Math.max(0, found.length - 1),
        }),
      );
    }
    const m = this.media.get(path);
    if (req.method === 'GET' && m) return reply(200, m.bytes, m.contentType);
    return reply(404, JSON.stringify({ code: 20404, message: 'Not found' }));
  }
}

/** A Message resource as Twilio returns it (dates in RFC 2822, to the second). */
function resource(m: SentMessage) {
  return {
    sid: m.sid,
    account_sid: TEST_ACCOUNT_SID,
    to: m.to,
    from: m.from,
    body: m.body,
    status: 'queued',
    num_segments: '1',
    direction: 'outbound-api',
    date_created: m.createdAt.toUTCString(),
    date_sent: null,
    date_updated: m.createdAt.toUTCString(),
  };
}
