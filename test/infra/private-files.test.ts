// DATA_DIR and its files are the service user's alone: made 0700 / 0600 whatever the umask, and tightened
// when an older version left them readable by others.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ID_HASH_KEY_FILE } from '../../src/infra/ids.ts';
import { openRuntime, SQLITE_FILE } from '../../src/infra/runtime.ts';
import { IntelStore } from '../../src/intel/store.ts';
import { filesUnder } from '../helpers/scan-files.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-modes-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let umask: number;
beforeEach(() => {
  // The loosest umask: nothing of the modes may come from it.
  umask = process.umask(0);
});
afterEach(() => {
  process.umask(umask);
});

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const modes = (dir: string) =>
  Object.fromEntries([[path.basename(dir), mode(dir)], ...filesUnder(dir).map((f) => [path.basename(f), mode(f)])]);

async function useRuntime(dataDir: string): Promise<void> {
  const runtime = await openRuntime<{ n: number }>({ DATA_DIR: dataDir, REDIS_URL: undefined, ID_HASH_KEY: undefined });
  await runtime.store.set('k', 'v', 60_000);
  await runtime.queue.add('e1', { n: 1 });
  await runtime.close();
}

describe('DATA_DIR permissions', () => {
  it('makes a new DATA_DIR 0700, and its key, database, WAL and shm 0600', async () => {
    const dataDir = path.join(root, 'new', 'data');
    const runtime = await openRuntime<{ n: number }>({
      DATA_DIR: dataDir,
      REDIS_URL: undefined,
      ID_HASH_KEY: undefined,
    });
    await runtime.store.set('k', 'v', 60_000);
    await runtime.queue.add('e1', { n: 1 });
    // While it runs, the WAL and shm exist beside the database.
    expect(modes(dataDir)).toEqual({
      data: 0o700,
      [ID_HASH_KEY_FILE]: 0o600,
      [SQLITE_FILE]: 0o600,
      [`${SQLITE_FILE}-wal`]: 0o600,
      [`${SQLITE_FILE}-shm`]: 0o600,
    });
    await runtime.close();
  });

  it('tightens what an older version left readable by others', async () => {
    const dataDir = path.join(root, 'old');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, ID_HASH_KEY_FILE), 'an-older-install-key-0123456789', { mode: 0o644 });
    // A database left with its WAL and shm, as after a crash.
    const db = new Database(path.join(dataDir, SQLITE_FILE));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    const keepOpen = new Database(path.join(dataDir, SQLITE_FILE));
    keepOpen.prepare('SELECT * FROM t').all();
    for (const f of filesUnder(dataDir)) fs.chmodSync(f, 0o644);
    expect(mode(path.join(dataDir, `${SQLITE_FILE}-wal`))).toBe(0o644);
    await useRuntime(dataDir);
    db.close();
    keepOpen.close();
    expect(mode(dataDir)).toBe(0o700);
    for (const f of filesUnder(dataDir)) expect([path.basename(f), mode(f)]).toEqual([path.basename(f), 0o600]);
  });

  it('makes the intel database 0600 too', () => {
    const dataDir = path.join(root, 'intel');
    const store = IntelStore.open(path.join(dataDir, 'intel.db'));
    store.close();
    expect(mode(dataDir)).toBe(0o700);
    for (const f of filesUnder(dataDir)) expect([path.basename(f), mode(f)]).toEqual([path.basename(f), 0o600]);
  });
});
