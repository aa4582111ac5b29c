// One suite, run against every Store adapter (store.sqlite.test.ts, store.redis.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/infra/store/store.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Short TTLs for expiry checks; the waits are generous multiples so a slow machine does not matter. */
const SHORT_TTL_MS = 60;
const PAST_SHORT_TTL_MS = 250;

export function storeContract(name: string, open: () => Promise<Store>, cleanup: (s: Store) => Promise<void>) {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await cleanup(store);
      await store.close();
    });

    it('claims a key once, then again after release or expiry', async () => {
      expect(await store.claim('c1', 60_000)).toBe(true);
      expect(await store.claim('c1', 60_000)).toBe(false);
      await store.del('c1');
      expect(await store.claim('c1', 60_000)).toBe(true);
      expect(await store.claim('c2', SHORT_TTL_MS)).toBe(true);
      await sleep(PAST_SHORT_TTL_MS);
      expect(await store.claim('c2', 60_000)).toBe(true);
    });

    it('lets exactly one of many concurrent claimers win', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => store.claim('race', 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('gets, sets with and without TTL, deletes', async () => {
      expect(await store.get('k')).toBeNull();
      await store.set('k', 'v1', 60_000);
      expect(await store.get('k')).toBe('v1');
      await store.set('k', 'v2', null);
      expect(await store.get('k')).toBe('v2');
      await store.set('short', 'x', SHORT_TTL_MS);
      await sleep(PAST_SHORT_TTL_MS);
      expect(await store.get('short')).toBeNull();
      expect(await store.get('k')).toBe('v2');
      await store.del('k', 'never-set');
      expect(await store.get('k')).toBeNull();
    });

    it('counts inside a fixed window and starts a new one after it', async () => {
      expect(await store.incr('n', 60_000)).toBe(1);
      expect(await store.incr('n', 60_000)).toBe(2);
      expect(await store.incr('n', 60_000)).toBe(3);
      expect(await store.incr('w', SHORT_TTL_MS)).toBe(1);
      expect(await store.incr('w', SHORT_TTL_MS)).toBe(2);
      await sleep(PAST_SHORT_TTL_MS);
      expect(await store.incr('w', SHORT_TTL_MS)).toBe(1);
    });

    it('counts concurrent increments exactly', async () => {
      const counts = await Promise.all(Array.from({ length: 25 }, () => store.incr('many', 60_000)));
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    });

    it('pushes to lists in order and expires them', async () => {
      expect(await store.listPush('l', 'a', 60_000)).toBe(1);
      expect(await store.listPush('l', 'b', 60_000)).toBe(2);
      expect(await store.listRange('l')).toEqual(['a', 'b']);
      expect(await store.listRange('none')).toEqual([]);
      await store.listPush('ls', 'x', SHORT_TTL_MS);
      await sleep(PAST_SHORT_TTL_MS);
      expect(await store.listRange('ls')).toEqual([]);
      expect(await store.listPush('ls', 'y', 60_000)).toBe(1);
    });

    it('takes a list only at the expected length, once', async () => {
      await store.listPush('b', 'one', 60_000);
      await store.listPush('b', 'two', 60_000);
      expect(await store.listTakeIfLength('b', 1)).toBeNull();
      expect(await store.listRange('b')).toEqual(['one', 'two']);
      const both = await Promise.all([store.listTakeIfLength('b', 2), store.listTakeIfLength('b', 2)]);
      expect(both.filter((r) => r !== null)).toEqual([['one', 'two']]);
      expect(await store.listRange('b')).toEqual([]);
      expect(await store.listPush('b', 'three', 60_000)).toBe(1);
    });

    it('moves a taken list aside for retries when asked to', async () => {
      await store.listPush('bk', 'one', 60_000);
      expect(await store.listTakeIfLength('bk', 1, { key: 'kept', ttlMs: 60_000 })).toEqual(['one']);
      expect(await store.listRange('bk')).toEqual([]);
      expect(await store.listRange('kept')).toEqual(['one']);
      await store.listPush('bs', 'x', 60_000);
      await store.listTakeIfLength('bs', 1, { key: 'kept-short', ttlMs: SHORT_TTL_MS });
      await sleep(PAST_SHORT_TTL_MS);
      expect(await store.listRange('kept-short')).toEqual([]);
    });

    it('joins a list once per marker, and remembers the position after the list is taken', async () => {
      expect(await store.listJoin('j', 'm1', 'a', 60_000)).toEqual({ joined: true, position: 1, values: ['a'] });
      expect(await store.listJoin('j', 'm2', 'b', 60_000)).toEqual({ joined: true, position: 2, values: ['a', 'b'] });
      expect(await store.listJoin('j', 'm1', 'a', 60_000)).toEqual({ joined: false, position: 1, values: ['a', 'b'] });
      const racers = await Promise.all(Array.from({ length: 10 }, () => store.listJoin('j', 'm3', 'c', 60_000)));
      expect(racers.filter((r) => r.joined)).toHaveLength(1);
      expect(await store.listRange('j')).toEqual(['a', 'b', 'c']);
      expect(await store.listTakeIfLength('j', 3)).toEqual(['a', 'b', 'c']);
      expect(await store.listJoin('j', 'm1', 'a', 60_000)).toEqual({ joined: false, position: 1, values: [] });
      expect(await store.listJoin('j', 'm4', 'd', 60_000)).toEqual({ joined: true, position: 1, values: ['d'] });
    });

    it('deletes lists with del', async () => {
      await store.listPush('dl', 'a', 60_000);
      await store.del('dl');
      expect(await store.listRange('dl')).toEqual([]);
    });

    it('keeps maps of fields', async () => {
      expect(await store.mapEntries('m')).toEqual({});
      await store.mapSet('m', 'f1', 'a');
      await store.mapSet('m', 'f2', 'b');
      await store.mapSet('m', 'f1', 'c');
      expect(await store.mapGet('m', 'f1')).toBe('c');
      expect(await store.mapGet('m', 'nope')).toBeNull();
      expect(await store.mapEntries('m')).toEqual({ f1: 'c', f2: 'b' });
      await store.mapDelete('m', 'f1');
      expect(await store.mapEntries('m')).toEqual({ f2: 'b' });
    });

    it('adds to map fields, exactly under concurrency', async () => {
      expect(await store.mapIncr('agg', 'type:phishing', 1)).toBe(1);
      expect(await store.mapIncr('agg', 'type:phishing', 2)).toBe(3);
      await Promise.all(Array.from({ length: 25 }, () => store.mapIncr('agg', 'total', 1)));
      expect(await store.mapEntries('agg')).toEqual({ 'type:phishing': '3', total: '25' });
    });

    it('walks a map page by page, every field at least once', async () => {
      expect(await store.mapScan('empty', '0', 10)).toEqual({ cursor: '0', entries: [] });
      const fields = Array.from({ length: 300 }, (_, i) => `p${String(i).padStart(4, '0')}`);
      for (const f of fields) await store.mapSet('walk', f, `v-${f}`);
      const seen = new Map<string, string>();
      let cursor = '0';
      let pages = 0;
      // Redis may answer a small hash in one page whatever the count; the walk must end either way.
      do {
        const page = await store.mapScan('walk', cursor, 50);
        for (const [f, v] of page.entries) seen.set(f, v);
        cursor = page.cursor;
        pages += 1;
      } while (cursor !== '0' && pages < 1000);
      expect(cursor).toBe('0');
      expect([...seen.keys()].sort()).toEqual(fields);
      expect(seen.get('p0042')).toBe('v-p0042');
    });

    it('gets and sets several keys at once, with a TTL', async () => {
      expect(await store.getMany([])).toEqual([]);
      await store.setMany([], 60_000);
      await store.setMany(
        [
          ['m1', 'a'],
          ['m2', 'b'],
        ],
        60_000,
      );
      await store.setMany([['m3', 'c']], SHORT_TTL_MS);
      expect(await store.getMany(['m1', 'nope', 'm2', 'm3'])).toEqual(['a', null, 'b', 'c']);
      await sleep(PAST_SHORT_TTL_MS);
      expect(await store.getMany(['m1', 'm3'])).toEqual(['a', null]);
    });

    it('holds a lease for one owner, renews it, releases it, lets it expire', async () => {
      expect(await store.lease('lease', 'A', 60_000)).toBe(true);
      expect(await store.lease('lease', 'B', 60_000)).toBe(false);
      expect(await store.lease('lease', 'A', 60_000)).toBe(true);
      await store.releaseLease('lease', 'B');
      expect(await store.lease('lease', 'B', 60_000)).toBe(false);
      await store.releaseLease('lease', 'A');
      expect(await store.lease('lease', 'B', SHORT_TTL_MS)).toBe(true);
      await sleep(PAST_SHORT_TTL_MS);
      expect(await store.lease('lease', 'C', 60_000)).toBe(true);
      // A holder known to be dead can be taken over, and only that holder.
      expect(await store.lease('lease', 'D', 60_000, 'B')).toBe(false);
      expect(await store.lease('lease', 'D', 60_000, 'C')).toBe(true);
      const racers = await Promise.all(['E', 'F', 'G'].map((o) => store.lease('race-lease', o, 60_000)));
      expect(racers.filter(Boolean)).toHaveLength(1);
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
