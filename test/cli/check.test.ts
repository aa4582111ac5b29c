// The CLI's contract, driven through main() with in-memory streams, and once through the real bin as a process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../helpers/child-env.ts';
import { runCli } from '../helpers/run-cli.ts';

const ENV = { DATA_DIR: '/nonexistent-anshin-cli-test', LOG_LEVEL: 'silent' };
const run = (argv: string[], stdin = '') => runCli(argv, ENV, stdin);

const SAGAWA =
  '【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください http://sagawa-xx.top/';

describe('anshin check', () => {
  it('prints the verdict, evidence, steps and article in Japanese', async () => {
    const r = await run(['check', SAGAWA]);
    expect(r.code).toBe(0);
    for (const part of [
      '危険',
      '宅配業者',
      'sagawa-xx[.]top',
      'sagawa-exp.co.jp',
      'いますぐすること',
      'もう開いた',
      '詳しい解説',
    ]) {
      expect(r.out).toContain(part);
    }
  });

  it('reads the message from stdin and answers in English with --lang en', async () => {
    const r = await run(['check', '--lang', 'en'], SAGAWA);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Danger');
  });

  it('--json prints the Verdict', async () => {
    const r = await run(['check', '--json', SAGAWA]);
    const v = JSON.parse(r.out);
    expect(v).toMatchObject({ level: 'danger', scamType: 'delivery_sms', judgedBy: 'local' });
  });

  it('empty input and binary garbage are a clear unknown, exit 0', async () => {
    const empty = await run(['check'], '');
    expect(empty.code).toBe(0);
    expect(empty.out).toContain('判定できません');
    const garbage = await run(['check', '--json'], '\u0000\u0001\u0002\u00ff\ufffd'.repeat(1000));
    expect(garbage.code).toBe(0);
    expect(JSON.parse(garbage.out).level).toBe('unknown');
  });

  it('usage errors exit 2 with a message', async () => {
    expect((await run(['check', '--lang', 'fr', 'x'])).code).toBe(2);
    expect((await run(['check', '--bogus'])).code).toBe(2);
    expect((await run(['nope'])).code).toBe(2);
    const r = await run(['check', '--lang', 'fr', 'x']);
    expect(r.err).toContain('--lang must be ja or en');
  });
});

describe('anshin check --jsonl', () => {
  it('one line out per line in, in order; bad and blank lines yield an error and the run goes on', async () => {
    const lines = [
      JSON.stringify({ id: 1, text: SAGAWA }),
      'this is not json',
      JSON.stringify({ id: 'b', text: 42 }),
      JSON.stringify([1, 2]),
      JSON.stringify({ id: 4, text: '明日10時に駅で待ってるね' }),
      '',
      JSON.stringify({ id: 6, text: '' }),
    ].join('\n');
    const r = await run(['check', '--jsonl'], lines);
    expect(r.code).toBe(0);
    const out = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(7);
    expect(out[0]).toMatchObject({ id: 1, verdict: { level: 'danger', scamType: 'delivery_sms', judgedBy: 'local' } });
    expect(out[0].verdict.reasons.length).toBeGreaterThan(0);
    expect(out[0].verdict.advice.length).toBeGreaterThan(0);
    expect(out[1]).toEqual({ id: null, error: 'invalid JSON' });
    expect(out[2]).toEqual({ id: 'b', error: '"text" must be a string' });
    expect(out[3]).toEqual({ id: null, error: 'each line must be a JSON object' });
    expect(out[4]).toMatchObject({ id: 4, verdict: { level: 'low' } });
    expect(out[5]).toEqual({ id: null, error: 'empty line' });
    expect(out[6]).toMatchObject({ id: 6, verdict: { level: 'unknown' } });
  });

  it('keeps blank and whitespace-only lines in place, with CRLF line ends too', async () => {
    const lines = ['', JSON.stringify({ id: 1, text: 'x' }), '   ', '\t', JSON.stringify({ id: 2, text: 'y' })];
    const r = await run(['check', '--jsonl'], `${lines.join('\r\n')}\r\n`);
    const out = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id ?? o.error)).toEqual(['empty line', 1, 'empty line', 'empty line', 2]);
  });

  it('--jsonl with TEXT is a usage error', async () => {
    expect((await run(['check', '--jsonl', 'x'])).code).toBe(2);
  });
});

describe('the bin, as a new user runs it', () => {
  it('npx anshin check works with no build step', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/anshin.mjs', 'check', SAGAWA], {
      env: childEnv({ DATA_DIR: '/nonexistent-anshin-cli-test' }),
    });
    expect(stdout).toContain('危険');
  });
});
