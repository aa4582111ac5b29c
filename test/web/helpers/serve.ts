// `anshin serve` in this process on a free loopback port, with its own data folder, as the page tests need it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { serveCommand } from '../../../src/server.ts';
import { until } from '../../conversation/harness.ts';

export const CONSOLE_TOKEN = 'test-console-token-0123456789';

export interface Served {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startServe(env: Record<string, string> = {}): Promise<Served> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-web-'));
  const stderr = new PassThrough();
  stderr.resume();
  const io = {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr,
    env: { DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'silent', CONSOLE_TOKEN, ...env },
  };
  const stop = new AbortController();
  let url = '';
  const done = serveCommand(['--port', '0'], io, { signal: stop.signal, onListening: (a) => (url = a) });
  done.catch(() => {});
  await until(() => url !== '', 'the server to listen', 30_000);
  return {
    url,
    dataDir,
    async stop() {
      stop.abort();
      await done;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
