// `anshin serve`: builds the app and listens; closes cleanly on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createConsultant } from './consult/consultant.ts';
import type { CommandIo } from './cli/io.ts';

export async function serveCommand(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' } }, strict: true });
  const config = loadConfig(io.env);
  const consultant = await createConsultant({ config });
  const app = await buildApp({ config, consultant });
  const port = values.port !== undefined ? Number(values.port) : config.PORT;
  await app.listen({ port, host: config.HOST });
  io.stderr.write(`anshin listening on http://${config.HOST}:${port}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  consultant.close();
  return 0;
}
