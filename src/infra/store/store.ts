// The one Store contract: embedded SQLite (store/sqlite.ts) and Redis (store/redis.ts) both pass
// test/infra/store-contract.ts. Keys come from store/keys.ts; every ephemeral key is written with a TTL.

export interface Store {
  readonly kind: 'sqlite' | 'redis';
  /** Writes the key only when absent. True when this caller won it (at most one caller wins per TTL). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | null>;
  /** ttlMs null: keep until deleted (subscriptions, opt-outs). */
  set(key: string, value: string, ttlMs: number | null): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Fixed-window counter: the first hit opens a window of windowMs; returns the count inside the window. */
  incr(key: string, windowMs: number): Promise<number>;
  /** Appends to a list and (re)starts its TTL; returns the new length. */
  listPush(key: string, value: string, ttlMs: number): Promise<number>;
  listRange(key: string): Promise<string[]>;
  /**
   * Appends `value` once per `marker` key: the first call appends and writes the marker (both with ttlMs,
   * atomically); later calls append nothing. Returns whether this call appended, the 1-based position the
   * value took when it was appended, and the list as it is now (which may have been taken since).
   */
  listJoin(
    key: string,
    marker: string,
    value: string,
    ttlMs: number,
  ): Promise<{ joined: boolean; position: number; values: string[] }>;
  /**
   * Atomically returns the whole list when its length is `length`, and deletes it — or, with `keepAs`,
   * moves it under that key (with that TTL), so a retry can read what was taken. Otherwise null, untouched.
   */
  listTakeIfLength(key: string, length: number, keepAs?: { key: string; ttlMs: number }): Promise<string[] | null>;
  /** Long-lived field maps (subscriptions, opt-outs): no TTL. */
  mapSet(key: string, field: string, value: string): Promise<void>;
  mapGet(key: string, field: string): Promise<string | null>;
  mapDelete(key: string, field: string): Promise<void>;
  mapEntries(key: string): Promise<Record<string, string>>;
  /** Adds `by` to a field of a long-lived map (missing = 0) and returns the new value (weekly aggregates). */
  mapIncr(key: string, field: string, by: number): Promise<number>;
  /**
   * One page of a map, for walking a large map without loading it: start with cursor '0', pass back the
   * cursor returned, stop when it is '0' again. Every field present for the whole walk is returned at least
   * once; a field may come back more than once (Redis HSCAN), so callers dedupe. `count` is a hint.
   */
  mapScan(key: string, cursor: string, count: number): Promise<{ cursor: string; entries: [string, string][] }>;
  /** Several keys at once (MGET); null where absent or expired. */
  getMany(keys: string[]): Promise<(string | null)[]>;
  /** Several keys at once, all with the same TTL. */
  setMany(entries: [string, string][], ttlMs: number): Promise<void>;
  /**
   * A lease: true when `owner` holds `key` now — it was free or expired, already held by `owner` (renewed),
   * or held by `takeFrom` (a holder known to be dead). Holders renew before ttlMs runs out.
   */
  lease(key: string, owner: string, ttlMs: number, takeFrom?: string): Promise<boolean>;
  /** Gives a lease back, only if `owner` still holds it. */
  releaseLease(key: string, owner: string): Promise<void>;
  /**
   * Makes deleted values unrecoverable from the store's own files, after a person's data is erased. SQLite:
   * the WAL is checkpointed and truncated (deleted content was zeroed by secure_delete). Redis: nothing to do
   * here: what a person sent is sealed before it reaches Redis, so its AOF and RDB hold nothing readable.
   */
  purge(): Promise<void>;
  /** Writes a probe key; throws when the store cannot be written (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}
