import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intelCommand } from '../../src/intel/cli.ts';
import { runCli } from '../helpers/run-cli.ts';

let dir: string;
let dataDir: string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  stderr.on('data', (c: Buffer) => {
    err += c.toString('utf8');
  });
  const code = await intelCommand(argv, { dataDir, stdout, stderr });
  return { code, out, err };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-intel-cli-'));
  dataDir = path.join(dir, 'data');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('anshin intel', () => {
  it('exits 2 with the usage on stderr for a missing or unknown command, format or option', async () => {
    for (const argv of [
      [],
      ['frobnicate'],
      ['import', 'x.csv'],
      ['import', '--format', 'xml', 'x.csv'],
      ['import', '--format', 'jpcert'],
      ['import', '--format', 'jpcert', '--colour', 'x.csv'],
      ['lookup'],
      ['lookup', 'not a link'],
      ['stats', 'extra'],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toContain('Usage:');
      expect(r.out).toBe('');
    }
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('exits 1 with a clear message when a feed file is missing', async () => {
    const missing = path.join(dir, 'nope.csv');
    const r = await run('import', '--format', 'jpcert', missing);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Cannot read ${missing}: no such file or folder.`);
    // Nothing was made on the way: no empty store, no folder.
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('makes no store when one of several feeds is missing, even after a good one', async () => {
    const good = path.join(dir, 'good.txt');
    fs.writeFileSync(good, 'sagawa-xx.top\n');
    const r = await run('import', '--format', 'list', good, path.join(dir, 'missing.txt'));
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dataDir, 'intel.db'))).toBe(false);
  });

  it('exits 1 and says how to fill the store when looking up before any import', async () => {
    const r = await run('lookup', 'https://sagawa-xx.top/');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Import a feed first');
  });

  it('imports, shows stats and looks up links (defanged) and numbers', async () => {
    const csv = path.join(dir, 'feed.csv');
    fs.writeFileSync(csv, 'date,URL,description\n2024/01/04 10:02:00,https://sagawa-xx.top/login,佐川急便\n');
    const list = path.join(dir, 'numbers.txt');
    fs.writeFileSync(list, '# scam numbers\n050-1234-5678\n');

    const imported = await run('import', '--format', 'jpcert', csv);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/Imported 1 file in [\d.]+ s: 1 rows, 2 new entries, 0 updated, 0 rows skipped\./);
    expect(fs.existsSync(path.join(dataDir, 'intel.db'))).toBe(true);
    expect((await run('import', '--format', 'list', '--source', 'police-list', list)).code).toBe(0);

    const stats = await run('stats');
    expect(stats.code).toBe(0);
    expect(stats.out).toMatch(/jpcert-phishurl\s+host\s+1/);
    expect(stats.out).toMatch(/police-list\s+phone\s+1/);
    expect(stats.out).toContain('total: 3');

    const found = await run('lookup', 'https://sagawa-xx.top/login', '+81-50-1234-5678', 'example.com');
    expect(found.code).toBe(0);
    expect(found.out).toContain('hxxps://sagawa-xx[.]top/login\n');
    expect(found.out).toContain(
      'url hxxps://sagawa-xx[.]top/login: listed by jpcert-phishurl since 2024-01-04T10:02:00+09:00 (佐川急便)',
    );
    expect(found.out).toContain('host sagawa-xx[.]top: listed by jpcert-phishurl');
    expect(found.out).toMatch(/phone \+815012345678: listed by police-list since \S+\+09:00/);
    expect(found.out).toContain('hxxp://example[.]com/\n  not listed in any imported feed');
    expect(found.out).not.toMatch(/https?:\/\/sagawa/);
  });
});

describe('anshin intel import: vouched-for domains', () => {
  const cli = (...argv: string[]) => runCli(['intel', ...argv], { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });

  it('refuses entries for brand and popular domains (and hosts or URLs on them), lists them, and takes the rest', async () => {
    const list = path.join(dir, 'feed.txt');
    fs.writeFileSync(
      list,
      [
        'smbc.co.jp',
        'www.smbc.co.jp',
        'https://www.smbc.co.jp/kojin/login',
        'smbcgroup-point.jp', // SMBC Card's mail domain
        'amazon.co.jp',
        'https://www.google.com/',
        'https://sites.google.com/view/smbc-login', // one page where anyone publishes: kept
        'someone.tumblr.com', // a customer's subdomain of a platform: kept
        'tumblr.com',
        'smbc-co.jp.top', // a lookalike: kept
        'https://smbc.co.jp.secure-login.top/', // the real name as a subdomain of a lookalike: kept
        'sagawa-xx.top',
      ].join('\n'),
    );
    const r = await cli('import', '--format', 'list', list);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/12 rows, 6 new entries, 0 updated, 0 rows skipped/);
    expect(r.out).toContain('Refused 8 entries under 5 domains');
    expect(r.out).toContain('official domains in the brand registry:\n    smbc.co.jp (4)\n');
    expect(r.out).toMatch(/ {4}smbcgroup-point\.jp \(1\)\n/);
    expect(r.out).toMatch(/ {4}amazon\.co\.jp \(1\)\n/);
    expect(r.out).toMatch(/ {4}google\.com \(1\)\n/);
    expect(r.out).toMatch(/popular sites:\n {4}tumblr\.com \(1\)\n/);
    expect(r.out).toContain('--force');

    const refused = await cli('lookup', 'https://www.smbc.co.jp/kojin/login', 'https://google.com/');
    expect(refused.out).not.toContain('listed by');
    const kept = await cli(
      'lookup',
      'https://sites.google.com/view/smbc-login',
      'someone.tumblr.com',
      'smbc-co.jp.top',
      'smbc.co.jp.secure-login.top',
      'sagawa-xx.top',
    );
    expect(kept.out).not.toContain('not listed');
    expect(kept.out.match(/listed by feed/g)).toHaveLength(5);
  });

  it('refuses a JPCERT row on an official domain, and --force imports it', async () => {
    const csv = path.join(dir, 'feed.csv');
    fs.writeFileSync(
      csv,
      'date,URL,description\n2024/01/04 10:02:00,https://www.smbc.co.jp/,三井住友銀行\n' +
        '2024/01/04 10:03:00,https://smbc-secure.top/login,三井住友銀行\n',
    );
    const r = await cli('import', '--format', 'jpcert', csv);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 rows, 2 new entries/);
    expect(r.out).toContain('Refused 2 entries under 1 domain that');
    expect(r.out).toContain('smbc.co.jp (2)');
    expect((await cli('lookup', 'https://www.smbc.co.jp/')).out).toContain('not listed');

    const forced = await cli('import', '--format', 'jpcert', '--force', csv);
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/2 rows, 2 new entries/);
    expect(forced.out).not.toContain('Refused');
    expect((await cli('lookup', 'https://www.smbc.co.jp/')).out).toContain('listed by jpcert-phishurl');
  });
});
