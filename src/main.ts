// CLI entry: `anshin serve | check | intel | eval | tips`. Exit codes: 0 done; 1 a file named on the command line
// cannot be read, or the command ran and failed; 2 the command was not written correctly (usage, configuration).
// Each command's module loads only when that command runs, and `--help` loads none of them but the one asked about.
import { readFileSync } from 'node:fs';
import { CHECK_USAGE, checkCommand } from './cli/check.ts';
import { InputFileError, UsageError } from './cli/errors.ts';
import type { CommandIo } from './cli/io.ts';
import { ConfigError } from './config.ts';

export const USAGE = `anshin — 詐欺かどうかの相談に答えます / a scam-consultation assistant

Usage:
  anshin check [TEXT] [--json] [--lang ja|en]   judge a message (TEXT or standard input)
  anshin check --image FILE [--json]             judge a screenshot (JPEG, PNG, WebP), with any TEXT
  anshin check --jsonl                           judge JSON lines {"id","text"} from standard input
  anshin serve [--role web|worker|all] [--port N]   run the HTTP server (LINE, Twilio, /v1/check)
  anshin intel import --format jpcert|list FILE…  import threat-intel feeds into DATA_DIR/intel.db
  anshin intel stats | intel lookup URL…
  anshin eval FILE.jsonl… | eval --dev [--check]  measure recall and false positives on labelled lines
  anshin train [--data DIR]                      learn the local judge from ../shared/data (npm run train)
  anshin tips trends|preview|send [--week YYYY-Www] [--lang ja|en]   weekly scam-trend tips
  anshin COMMAND --help                          more about one command
  anshin --version

Exit codes: 0 done, 1 a file cannot be read or the command failed, 2 a usage or configuration error.
Configuration comes from environment variables (see README.md, "Configuration").`;

export const SERVE_USAGE = `Usage: anshin serve [--role web|worker|all] [--port N]
Runs the HTTP server: POST /webhooks/line, POST /webhooks/twilio, POST /v1/check, GET /articles,
GET /healthz, GET /readyz, GET /metrics. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
  --role all      take webhooks and answer them, in this one process (the default)
  --role web      take webhooks and queue the work (needs REDIS_URL for separate workers)
  --role worker   answer queued work; listens for /healthz, /readyz and /metrics only
  --port N        port to listen on (default: PORT, else 3000; 0 picks a free one)
Channels whose credentials are missing stay off; start-up says which, one line each.`;

type Command = (argv: string[], io: CommandIo) => Promise<number>;

/** Errors of the files that ship in knowledge/ (checked by name, so that --help loads none of their modules). */
const KNOWLEDGE_ERRORS = new Set(['JudgeModelError', 'WebListsError', 'BrandRegistryError', 'ArticleError']);

interface CommandEntry {
  load: () => Promise<Command>;
  usage: () => Promise<string>;
}

const COMMANDS: Record<string, CommandEntry> = {
  check: { load: async () => checkCommand, usage: async () => CHECK_USAGE },
  serve: { load: async () => (await import('./server.ts')).serveCommand, usage: async () => SERVE_USAGE },
  intel: {
    load: async () => {
      const { intelCommand } = await import('./intel/cli.ts');
      const { loadConfig } = await import('./config.ts');
      return (argv, io) =>
        intelCommand(argv, { dataDir: loadConfig(io.env).DATA_DIR, stdout: io.stdout, stderr: io.stderr });
    },
    usage: async () => (await import('./intel/cli.ts')).INTEL_USAGE.trimEnd(),
  },
  eval: {
    load: async () => (await import('./eval/command.ts')).evalCommand,
    usage: async () => (await import('./eval/command.ts')).EVAL_USAGE,
  },
  tips: {
    load: async () => (await import('./tips/command.ts')).tipsCommand,
    usage: async () => (await import('./tips/command.ts')).TIPS_USAGE,
  },
  train: {
    load: async () => (await import('./train/command.ts')).trainCommand,
    usage: async () => (await import('./train/command.ts')).TRAIN_USAGE,
  },
};

/** `--help` or `-h` among a command's words (a literal "--help" can still be passed as TEXT after `--`). */
function asksForHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[], io: CommandIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout.write(`anshin ${version()}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(`anshin: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  if (asksForHelp(rest)) {
    io.stdout.write(`${await command.usage()}\n`);
    return 0;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`anshin ${name}: ${(err as Error).message}\n(anshin ${name} --help shows how to call it)\n`);
      return 2;
    }
    if (err instanceof InputFileError) {
      io.stderr.write(`anshin ${name}: ${err.message}\n`);
      return 1;
    }
    if (err instanceof ConfigError) {
      io.stderr.write(`anshin: ${err.message}\n`);
      return 2;
    }
    // Knowledge that ships with anshin is missing or damaged: say which file and how to get it back.
    if (err instanceof Error && KNOWLEDGE_ERRORS.has(err.name)) {
      io.stderr.write(`anshin: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function defaultIo(): CommandIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
