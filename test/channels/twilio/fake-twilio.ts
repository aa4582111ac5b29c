// A fake Twilio REST API on 127.0.0.1: records Messages.json calls and serves media behind basic auth.
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

export class FakeTwilio {
  readonly calls: TwilioCall[] = [];
  /** path → bytes served as media. */
  readonly media = new Map<string, { bytes: Buffer; contentType: string }>();
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

  messages(): TwilioCall[] {
    return this.calls.filter((c) => c.path.endsWith('/Messages.json'));
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const path = (req.url ?? '').split('?')[0]!;
    const form = Object.fromEntries(new URLSearchParams(raw));
    this.calls.push({ method: req.method ?? '', path, headers: req.headers, form });
    const reply = (status: number, body: Buffer | string, type = 'application/json') => {
      const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
      res.writeHead(status, { 'content-type': type, 'content-length': String(b.length) });
      res.end(b);
    };
    const expected = `Basic ${Buffer.from(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== expected)
      return reply(401, JSON.stringify({ code: 20003, message: 'Authenticate' }));
    if (req.method === 'POST' && path === `/2010-04-01/Accounts/${TEST_ACCOUNT_SID}/Messages.json`) {
      this.#n += 1;
      return reply(
        201,
        JSON.stringify({
          sid: `SM${String(this.#n).padStart(32, '0')}`,
          account_sid: TEST_ACCOUNT_SID,
          to: form.To,
          from: form.From,
          body: form.Body,
          status: 'queued',
          num_segments: '1',
        }),
      );
    }
    const m = this.media.get(path);
    if (req.method === 'GET' && m) return reply(200, m.bytes, m.contentType);
    return reply(404, JSON.stringify({ code: 20404, message: 'Not found' }));
  }
}
