// Deleted means gone from the files: what the SQLite store deletes cannot be found in the bytes of the
// database, its WAL or its shared-memory file once purge() has run, whether the store is still open or not.
// The values here are written unsealed on purpose: this is the store's own guarantee, beneath the sealing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/infra/store/sqlite.ts';
import { findInFiles } from '../helpers/scan-files.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'anshin-deletion-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const SECRET = 'Uzz9deleteme0000000000000000000042';
const WORDS = '蜂蜜銀行の山田花子です';
/** Larger than a page: the row spills to overflow pages, which are freed (and must be zeroed) too. */
const LONG = `${WORDS} ${'ミツバチ'.repeat(3_000)} ${SECRET}`;

let n = 0;
function freshDir(): string {
  const dir = path.join(root, `d${n++}`);
  fs.mkdirSync(dir);
  return dir;
}

async function writeAndDelete(store: SqliteStore): Promise<void> {
  // Filler first, so the person's rows share pages with rows that stay.
  for (let i = 0; i < 50; i++) await store.set(`keep:${i}`, `value ${i} `.repeat(20), 60_000);
  await store.set('ctx:p1', JSON.stringify({ user: SECRET, text: WORDS }), 60_000);
  await store.set('big:p1', LONG, 60_000);
  await store.listPush('burst:p1', JSON.stringify({ text: WORDS }), 60_000);
  await store.mapSet('subscriptions', 'p1', SECRET);
  // An update frees the old version of a row: it must not survive either.
  await store.set('rewritten', `${SECRET} first`, 60_000);
  await store.set('rewritten', 'second', 60_000);
  await store.del('ctx:p1', 'big:p1', 'burst:p1');
  await store.mapDelete('subscriptions', 'p1');
}

describe('SQLite deletion', () => {
  it('leaves nothing of deleted rows in the database, WAL or shm after purge, with the store open', async () => {
    const dir = freshDir();
    const store = new SqliteStore({ file: path.join(dir, 'anshin.sqlite') });
    await store.set('probe', `${SECRET} ${WORDS}`, 60_000);
    // The scan can see what is there: before any deletion the values are in the files.
    expect(findInFiles(dir, [SECRET, WORDS]).length).toBeGreaterThan(0);
    await store.del('probe');
    await writeAndDelete(store);
    await store.purge();
    expect(findInFiles(dir, [SECRET, WORDS, 'ミツバチミツバチ'])).toEqual([]);
    expect(await store.get('keep:49')).toBe('value 49 '.repeat(20));
    await store.close();
    expect(findInFiles(dir, [SECRET, WORDS, 'ミツバチミツバチ'])).toEqual([]);
  });

  it('truncates the WAL to zero bytes', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'anshin.sqlite');
    const store = new SqliteStore({ file, checkpointIntervalMs: 60_000 });
    for (let i = 0; i < 200; i++) await store.set(`k${i}`, 'x'.repeat(500), 60_000);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    await store.purge();
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    await store.close();
  });

  it('truncates the WAL on its own every so often, so old frames do not linger', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'anshin.sqlite');
    const store = new SqliteStore({ file, checkpointIntervalMs: 50, walTruncateIntervalMs: 200 });
    await store.set('sealed-ish', SECRET, 60_000);
    await store.del('sealed-ish');
    expect(findInFiles(dir, [SECRET]).length).toBeGreaterThan(0);
    const start = Date.now();
    while (findInFiles(dir, [SECRET]).length > 0 && Date.now() - start < 5_000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(findInFiles(dir, [SECRET])).toEqual([]);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    await store.close();
  });

  it('rebuilds, once, a file an older version wrote, so rows it deleted are gone from the free pages', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'anshin.sqlite');
    // As before secure_delete: a raw payload written, then deleted, left in a free page.
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE jobs (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
    old.prepare('INSERT INTO jobs VALUES (?, ?)').run('line-1', JSON.stringify({ userId: SECRET, text: LONG }));
    old.prepare("UPDATE jobs SET data = '' WHERE id = 'line-1'").run();
    old.close();
    expect(findInFiles(dir, [SECRET]).length).toBeGreaterThan(0);
    const store = new SqliteStore({ file });
    expect(findInFiles(dir, [SECRET, WORDS])).toEqual([]);
    expect(store.db.pragma('user_version', { simple: true })).toBe(1);
    await store.close();
  });

  it('also purges when the store has no background thread (memory is a no-op)', async () => {
    const mem = new SqliteStore({ file: ':memory:' });
    await mem.purge();
    await mem.close();
    await expect(mem.purge()).rejects.toThrow(/closed/);
  });
});
