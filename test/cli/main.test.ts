// The CLI's front door: every command explains itself with --help (exit 0, loading nothing else), --version,
// the exit codes the README promises, and hostile command names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/main.ts';
import { runCli } from '../helpers/run-cli.ts';

const ENV = { DATA_DIR: '/nonexistent-anshin-main-test', LOG_LEVEL: 'silent' };
const run = (argv: string[], stdin = '') => runCli(argv, ENV, stdin);
const PACKAGE_VERSION = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('anshin --help and --version', () => {
  it.each([['check'], ['serve'], ['intel'], ['eval'], ['tips']])(
    'anshin %s --help and -h print its usage and exit 0',
    async (name) => {
      for (const flag of ['--help', '-h']) {
        const r = await run([name, flag]);
        expect(r.code, `${name} ${flag}`).toBe(0);
        expect(r.out).toMatch(/Usage:/);
        expect(r.out).toContain(`anshin ${name}`);
        expect(r.err).toBe('');
      }
    },
  );

  it('--help after other words still helps, and touches no file', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-help-')), 'data');
    for (const argv of [
      ['intel', 'import', '--help'],
      ['tips', 'send', '--help'],
      ['serve', '--port', '1', '--help'],
      ['check', '--image', 'missing.png', '--help'],
    ]) {
      const r = await runCli(argv, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.out).toMatch(/Usage:/);
    }
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('"--help" after -- is the message to check, not a request for help', async () => {
    const r = await run(['check', '--json', '--', '--help']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveProperty('level');
  });

  it('serve --help names --port and --role', async () => {
    const r = await run(['serve', '--help']);
    expect(r.out).toContain('--port N');
    expect(r.out).toContain('--role');
  });

  it('the overview lists every command, --port, --version and the exit codes', () => {
    for (const part of ['anshin check', 'anshin serve', '--port N', 'anshin intel', 'anshin eval', 'anshin tips']) {
      expect(USAGE).toContain(part);
    }
    expect(USAGE).toContain('--version');
    expect(USAGE).toMatch(/0 done, 1 .*, 2 /);
  });

  it('anshin help exits 0; anshin alone prints the usage and exits 2', async () => {
    expect((await run(['help'])).code).toBe(0);
    const bare = await run([]);
    expect(bare.code).toBe(2);
    expect(bare.out).toContain('Usage:');
  });

  it.each([['--version'], ['-v'], ['version']])('anshin %s prints the package version', async (flag) => {
    const r = await run([flag]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`anshin ${PACKAGE_VERSION}\n`);
  });
});

describe('anshin with hostile or mistyped command names', () => {
  it.each([['__proto__'], ['constructor'], ['toString'], ['CHECK'], [''], ['x'.repeat(10_000)]])(
    '"%s" is an unknown command: exit 2 with the usage',
    async (name) => {
      const r = await run([name]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('unknown command');
      expect(r.err).toContain('Usage:');
    },
  );

  it('a usage error says how to get help', async () => {
    const r = await run(['serve', '--role', 'boss']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('anshin serve --help');
  });
});
