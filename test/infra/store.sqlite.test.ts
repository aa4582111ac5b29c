import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';
import { storeContract } from './store-contract.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-store-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
storeContract(
  'sqlite file',
  async () => new SqliteStore({ file: path.join(dir, `s${n++}.sqlite`) }),
  async () => {},
);
storeContract(
  'sqlite memory',
  async () => new SqliteStore({ file: ':memory:' }),
  async () => {},
);

describe('SqliteStore', () => {
  it('keeps data across reopening the file', async () => {
    const file = path.join(dir, 'reopen.sqlite');
    const a = new SqliteStore({ file });
    await a.mapSet('subs', 'p1', 'x');
    await a.set('k', 'v', 60_000);
    await a.close();
    const b = new SqliteStore({ file });
    expect(await b.mapGet('subs', 'p1')).toBe('x');
    expect(await b.get('k')).toBe('v');
    await b.close();
  });

  it('sweeps expired rows', async () => {
    let now = 1_000;
    const s = new SqliteStore({ file: ':memory:', now: () => now });
    await s.set('k', 'v', 10);
    await s.listPush('l', 'v', 10);
    now += 11;
    s.sweep();
    const count = s.db.prepare('SELECT (SELECT COUNT(*) FROM kv) + (SELECT COUNT(*) FROM lists) AS n').get() as {
      n: number;
    };
    expect(count.n).toBe(0);
    await s.close();
  });
});
