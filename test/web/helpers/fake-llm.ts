// A small OpenAI-compatible server on 127.0.0.1 standing in for the LLM at the HTTP boundary: it answers the
// judge's function call by abstaining (level "unknown", so the local level stands and judgedBy is "llm") with
// a fixed token usage, and fails with HTTP 500 when the prompt holds FAIL_MARKER, so a fallback is counted.
import http from 'node:http';
import { toolCallCompletion } from '../../../src/eval/tool-call.ts';
import { closeLocal, listenLocal } from '../../helpers/local-server.ts';

export const FAKE_USAGE = { prompt_tokens: 900, completion_tokens: 60, total_tokens: 960 };

export class FakeLlm {
  #server = http.createServer((req, res) => this.#handle(req, res));
  calls = 0;
  url = '';

  constructor(readonly failMarker: string) {}

  async start(): Promise<this> {
    this.url = await listenLocal(this.#server);
    return this;
  }

  stop(): Promise<void> {
    return closeLocal(this.#server);
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      this.calls += 1;
      const send = (status: number, payload: unknown) => {
        const text = JSON.stringify(payload);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      };
      if (req.url !== '/v1/chat/completions') return send(404, { error: { message: 'not found' } });
      if (body.includes(this.failMarker)) return send(500, { error: { message: 'fake failure' } });
      const args = {
        level: 'unknown',
        scamType: 'none',
        confidence: 0.5,
        reasons: [],
        advice: [],
        injectionSuspected: false,
      };
      send(200, toolCallCompletion('record_judgement', args, { model: 'fake-judge', usage: FAKE_USAGE }));
    });
  }
}
