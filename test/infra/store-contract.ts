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

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
