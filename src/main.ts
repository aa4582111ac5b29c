// CLI entry: `anshin serve | check | intel | eval`. Exits non-zero only for usage errors and failures to start.
import { checkCommand } from './cli/check.ts';
import { UsageError } from './cli/errors.ts';
import type { CommandIo } from './cli/io.ts';
import { ConfigError } from './config.ts';

export const USAGE = `anshin — 詐欺かどうかの相談に答えます / a scam-consultation assistant

Usage:
  anshin check [TEXT] [--json] [--lang ja|en]   judge a message (TEXT or standard input)
  anshin check --image FILE [--json]             judge a screenshot (JPEG, PNG, WebP), with any TEXT
  anshin check --jsonl                           judge JSON lines {"id","text"} from standard input
  anshin serve [--role web|worker|all]           run the HTTP server (LINE, Twilio, /v1/check)
  anshin intel import --format jpcert|list FILE…  import threat-intel feeds into DATA_DIR/intel.db
  anshin intel stats | intel lookup URL…
  anshin eval FILE.jsonl…                        measure recall and false positives on labelled lines
  anshin train [--data DIR]                      learn the local judge from ../shared/data (npm run train)
  anshin tips trends|preview|send [--week YYYY-Www] [--lang ja|en]   weekly scam-trend tips
  anshin help`;

type Command = (argv: string[], io: CommandIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => checkCommand,
  serve: async () => (await import('./server.ts')).serveCommand,
  intel: async () => {
    const { intelCommand } = await import('./intel/cli.ts');
    const { loadConfig } = await import('./config.ts');
    return (argv, io) =>
      intelCommand(argv, { dataDir: loadConfig(io.env).DATA_DIR, stdout: io.stdout, stderr: io.stderr });
  },
  eval: async () => (await import('./eval/command.ts')).evalCommand,
  train: async () => (await import('./train/command.ts')).trainCommand,
  tips: async () => (await import('./tips/command.ts')).tipsCommand,
};

export async function main(argv: string[], io: CommandIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`anshin: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`anshin ${name}: ${(err as Error).message}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.stderr.write(`anshin: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

function defaultIo(): CommandIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
