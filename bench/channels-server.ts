// The servers `bench/channels.ts` measures, in their own process so the load generator does not share their
// event loop: a bare Fastify hello-world and anshin's web role (signed LINE webhook, embedded queue).
// Prints {"hello": url, "webhook": url} on stdout; stops on SIGTERM.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createConsultant } from '../src/consult/consultant.ts';
import type { ChannelJob } from '../src/conversation/types.ts';
import { openRuntime } from '../src/infra/runtime.ts';

const secret = process.argv[2] ?? 'bench-secret';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-bench-'));
const config = loadConfig({
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  LINE_CHANNEL_SECRET: secret,
  LINE_CHANNEL_ACCESS_TOKEN: 'bench-token',
  LINE_API_BASE_URL: 'http://127.0.0.1:9',
  RATE_LIMIT_PER_HOUR: '100000',
});

const hello = Fastify({ logger: false });
hello.get('/', async () => ({ hello: 'world' }));
const helloUrl = await hello.listen({ port: 0, host: '127.0.0.1' });

const consultant = await createConsultant({ config });
const runtime = await openRuntime<ChannelJob>(config);
const app = await buildApp({ config, consultant, runtime, role: 'web' });
const webhookUrl = await app.listen({ port: 0, host: '127.0.0.1' });

process.stdout.write(`${JSON.stringify({ hello: helloUrl, webhook: webhookUrl })}\n`);
process.once('SIGTERM', async () => {
  await app.close();
  await hello.close();
  await runtime.close();
  consultant.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
