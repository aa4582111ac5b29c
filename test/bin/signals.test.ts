// SIGTERM to `npm start` and to `npx anshin serve` stops the server itself, not only npm: no node process is
// left listening. (npm runs both through `sh -c`; `npm start` execs node, and for npx, whose shell does not
// exec, bin/anshin.mjs notices that the process that started it is gone.)
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { until } from '../server/processes.ts';

/** Every process below `pid` (Linux /proc). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // Gone meanwhile.
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parentOf) {
      if (parent === p) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Whether `pid` is a node process running `… serve …` (the server, not npm or its shell). */
function isNodeServer(pid: number): boolean {
  try {
    const exe = fs.readlinkSync(`/proc/${pid}/exe`);
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    // npm retitles its own process ("npm exec …" in one string): the server is the one still called node.
    return exe === fs.realpathSync(process.execPath) && /(^|\/)node$/.test(args[0] ?? '') && args.includes('serve');
  } catch {
    return false;
  }
}

async function startThroughNpm(args: string[], onFinished: (fn: () => void) => void) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-signals-'));
  const npm: ChildProcess = spawn('npm', args, {
    env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'silent', SHUTDOWN_DRAIN_MS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that nothing here reaches it except the signal the test sends npm.
    detached: true,
  });
  let out = '';
  npm.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  npm.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((r) => npm.once('exit', () => r()));
  onFinished(() => {
    for (const p of descendants(npm.pid!)) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    npm.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  await until(() => /listening on http:\/\/\S+/.test(out) || npm.exitCode !== null, 'the server to listen', 60_000);
  const address = /listening on (http:\/\/\S+)/.exec(out)?.[1];
  if (address === undefined) throw new Error(`did not start:\n${out}`);
  const server = descendants(npm.pid!).find(isNodeServer);
  if (server === undefined) throw new Error('no node server process under npm');
  return { npm, exited, address, server: server! };
}

// Concurrent: each waits mostly for its server to start.
describe.concurrent('signals through npm', () => {
  it('SIGTERM to `npm start` stops the node server', async ({ onTestFinished }) => {
    const { npm, exited, address, server } = await startThroughNpm(['start', '--', '--port', '0'], onTestFinished);
    expect((await fetch(`${address}/healthz`)).status).toBe(200);
    npm.kill('SIGTERM');
    await exited;
    await until(() => !alive(server), 'the node server to exit', 10_000);
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
  }, 90_000);

  it('SIGTERM to `npx anshin serve` stops the node server', async ({ onTestFinished }) => {
    const { npm, exited, address, server } = await startThroughNpm(
      ['exec', '--', 'anshin', 'serve', '--port', '0'],
      onTestFinished,
    );
    expect((await fetch(`${address}/healthz`)).status).toBe(200);
    npm.kill('SIGTERM');
    await exited;
    await until(() => !alive(server), 'the node server to exit', 10_000);
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
  }, 90_000);
});
