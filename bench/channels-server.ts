// The servers `bench/channels.ts` measures, in their own process so the load generator does not share their
// event loop: the baseline, a bare Fastify route that only checks the LINE signature over the raw body (the
// least any LINE webhook must do), and anshin's web role (signed LINE webhook, embedded SQLite queue).
// Prints {"baseline": url, "webhook": url} on stdout; stops on SIGTERM.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateSignature } from '@line/bot-sdk';
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
  // The web role never drains this queue: let it grow for the whole run.
  QUEUE_MAX_DEPTH: '10000000',
});

const baseline = Fastify({ logger: false });
baseline.removeContentTypeParser('application/json');
baseline.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
baseline.post('/webhooks/line', async (req, reply) => {
  const signature = req.headers['x-line-signature'];
  if (!Buffer.isBuffer(req.body) || typeof signature !== 'string' || !validateSignature(req.body, secret, signature)) {
    return reply.code(401).send({ error: 'bad signature' });
  }
  return reply.code(200).send({});
});
// This process's CPU time (all threads, µs), so the bench can report the server's cost per request.
baseline.get('/cpu', async () => {
  const u = process.cpuUsage();
  return { us: u.user + u.system };
});
const baselineUrl = await baseline.listen({ port: 0, host: '127.0.0.1' });

const consultant = await createConsultant({ config });
const runtime = await openRuntime<ChannelJob>(config);
const app = await buildApp({ config, consultant, runtime, role: 'web' });
const webhookUrl = await app.listen({ port: 0, host: '127.0.0.1' });

process.stdout.write(`${JSON.stringify({ baseline: baselineUrl, webhook: webhookUrl })}\n`);
process.once('SIGTERM', async () => {
  await app.close();
  await baseline.close();
  await runtime.close();
  consultant.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
