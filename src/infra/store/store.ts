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
  /** Atomically returns and deletes the whole list when its length is `length`; otherwise null, list untouched. */
  listTakeIfLength(key: string, length: number): Promise<string[] | null>;
  /** Long-lived field maps (subscriptions, opt-outs): no TTL. */
  mapSet(key: string, field: string, value: string): Promise<void>;
  mapGet(key: string, field: string): Promise<string | null>;
  mapDelete(key: string, field: string): Promise<void>;
  mapEntries(key: string): Promise<Record<string, string>>;
  /** Throws when the store cannot answer (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}
