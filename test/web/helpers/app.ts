// The Fastify app with the web pages, a real SQLite store in a file (so a test can look inside it), the real
// consultation, and a logger whose every line is kept, to show that message text never reaches the log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../../../src/app.ts';
import { type Config, loadConfig } from '../../../src/config.ts';
import { createConsultant, type LocalConsultant } from '../../../src/consult/consultant.ts';
import type { ChannelJob } from '../../../src/conversation/types.ts';
import { openRuntime, type Runtime } from '../../../src/infra/runtime.ts';
import type { Offer } from '../../../src/offers/offers.ts';

export interface WebApp {
  app: FastifyInstance;
  runtime: Runtime<ChannelJob>;
  config: Config;
  consultant: LocalConsultant;
  dataDir: string;
  sqliteFile: string;
  logs(): string;
  close(): Promise<void>;
}

export async function webApp(
  env: Record<string, string> = {},
  o: { consultant?: LocalConsultant; offers?: Offer[]; dataDir?: string } = {},
): Promise<WebApp> {
  const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-web-app-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'trace', ...env });
  const sqliteFile = path.join(dataDir, 'anshin.sqlite');
  const runtime = await openRuntime<ChannelJob>(config, { sqliteFile });
  const consultant = o.consultant ?? (await createConsultant({ config }));
  let logged = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged += chunk.toString();
      done();
    },
  });
  const app = await buildApp({
    config,
    consultant,
    runtime,
    logger: pino({ level: 'trace' }, sink),
    // Load shedding is not under test here, so it is off (0). Building a second app (knowledge loaded
    // synchronously) can stall the loop for a whole sample interval; under-pressure then reads the empty
    // histogram as an infinite delay and answers 503 for a moment.
    maxEventLoopDelayMs: 0,
    ...(o.offers ? { offers: o.offers } : {}),
  });
  return {
    app,
    runtime,
    config,
    consultant,
    dataDir,
    sqliteFile,
    logs: () => logged,
    async close() {
      await app.close();
      await runtime.close();
      if (o.consultant === undefined) await consultant.close();
      if (o.dataDir === undefined) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body as a browser sends it. */
export function multipart(
  fields: Record<string, string>,
  files: { name: string; filename: string; type: string; data: Buffer }[] = [],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----anshinTestBoundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
