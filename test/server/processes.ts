// Real processes for the crash and shutdown tests: `anshin serve` as a child process (killed with SIGKILL,
// started again on the same data), and a private redis-server on its own port and folder, which these
// tests may stop and restart (the shared Redis at 6379 is never touched).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const START_LIMIT_MS = 60_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => boolean | Promise<boolean>, what: string, limitMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > limitMs) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

/** `node bin/anshin.mjs serve …` with a fixed environment; start() again after kill() resumes on the same data. */
export class ServerProcess {
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();
  stderr = '';
  address = '';

  constructor(
    readonly env: Record<string, string>,
    readonly args: string[] = ['serve', '--port', '0'],
  ) {}

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Resolves with the exit code once the process has ended (null when killed by a signal). */
  async exited(): Promise<number | null> {
    await this.#exited;
    return this.#child?.exitCode ?? null;
  }

  async start(): Promise<string> {
    const child = spawn(process.execPath, ['bin/anshin.mjs', ...this.args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), ...this.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.#child = child;
    this.#exited = new Promise((r) => child.once('exit', () => r()));
    this.stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      this.stderr += d.toString();
    });
    await until(
      () => /listening on (http:\/\/\S+)/.test(this.stderr) || child.exitCode !== null,
      'anshin serve to listen',
      START_LIMIT_MS,
    );
    const m = /listening on (http:\/\/\S+)/.exec(this.stderr);
    if (m === null) throw new Error(`anshin serve did not start:\n${this.stderr}`);
    this.address = m[1]!;
    return this.address;
  }

  /** SIGKILL: no handler runs, nothing is flushed or handed back. */
  async kill(): Promise<void> {
    this.#child?.kill('SIGKILL');
    await this.#exited;
  }

  async stop(): Promise<void> {
    this.#child?.kill('SIGTERM');
    await this.#exited;
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * A redis-server of our own, on a free port with its own folder and append-only file (fsync every write),
 * so it can be stopped and started again with everything it had acknowledged.
 */
export class PrivateRedis {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-redis-'));
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    this.#child = child;
    this.#exited = new Promise((r) => child.once('exit', () => r()));
    await until(() => this.#answers(), 'the private redis-server', 15_000);
  }

  #answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const s = net.connect(this.port, '127.0.0.1');
      s.once('connect', () => {
        s.write('PING\r\n');
      });
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      s.once('error', () => resolve(false));
    });
  }

  /** SIGTERM: Redis finishes its append-only file and exits, as in a maintenance restart. */
  async stop(): Promise<void> {
    this.#child?.kill('SIGTERM');
    await this.#exited;
  }

  async dispose(): Promise<void> {
    this.#child?.kill('SIGKILL');
    await this.#exited;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
