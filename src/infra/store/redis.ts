// Redis store: the same contract as the SQLite store, for several web and worker processes.
// Every key carries the prefix (one deployment, or one test run, per prefix).
import { createClient, type RedisClientType } from 'redis';
import { type Store, StoreError } from './store.ts';

// Length check, read and delete in one step, so two workers cannot both take one burst.
const TAKE_IF_LENGTH_LUA = `
if redis.call('LLEN', KEYS[1]) == tonumber(ARGV[1]) then
  local items = redis.call('LRANGE', KEYS[1], 0, -1)
  redis.call('DEL', KEYS[1])
  return items
end
return false`;

// Take the lease when free, renew it for its owner, or take it over from a holder known to be dead.
const LEASE_LUA = `
local v = redis.call('GET', KEYS[1])
if v == false or v == ARGV[1] or (ARGV[3] ~= '' and v == ARGV[3]) then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface RedisStoreOptions {
  url: string;
  /** Prepended to every key, e.g. 'anshin:'. */
  prefix: string;
}

export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  readonly prefix: string;
  readonly #client: RedisClientType;

  private constructor(client: RedisClientType, prefix: string) {
    this.#client = client;
    this.prefix = prefix;
  }

  static async connect(opts: RedisStoreOptions): Promise<RedisStore> {
    const client = createClient({ url: opts.url }) as RedisClientType;
    // Without a listener, a dropped connection would crash the process; node-redis reconnects by itself.
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (err) {
      throw new StoreError(`cannot connect to Redis at REDIS_URL: ${(err as Error).message}`);
    }
    return new RedisStore(client, opts.prefix);
  }

  #k(key: string): string {
    return this.prefix + key;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const r = await this.#client.set(this.#k(key), '1', {
      expiration: { type: 'PX', value: ttlMs },
      condition: 'NX',
    });
    return r === 'OK';
  }

  async get(key: string): Promise<string | null> {
    return (await this.#client.get(this.#k(key))) ?? null;
  }

  async set(key: string, value: string, ttlMs: number | null): Promise<void> {
    if (ttlMs === null) await this.#client.set(this.#k(key), value);
    else await this.#client.set(this.#k(key), value, { expiration: { type: 'PX', value: ttlMs } });
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.#client.del(keys.map((k) => this.#k(k)));
  }

  async incr(key: string, windowMs: number): Promise<number> {
    const k = this.#k(key);
    const [count] = await this.#client.multi().incr(k).pExpire(k, windowMs, 'NX').exec();
    return Number(count);
  }

  async listPush(key: string, value: string, ttlMs: number): Promise<number> {
    const k = this.#k(key);
    const [length] = await this.#client.multi().rPush(k, value).pExpire(k, ttlMs).exec();
    return Number(length);
  }

  async listRange(key: string): Promise<string[]> {
    return this.#client.lRange(this.#k(key), 0, -1);
  }

  async listTakeIfLength(key: string, length: number): Promise<string[] | null> {
    const r = await this.#client.eval(TAKE_IF_LENGTH_LUA, { keys: [this.#k(key)], arguments: [String(length)] });
    return Array.isArray(r) ? r.map(String) : null;
  }

  async mapSet(key: string, field: string, value: string): Promise<void> {
    await this.#client.hSet(this.#k(key), field, value);
  }

  async mapGet(key: string, field: string): Promise<string | null> {
    return (await this.#client.hGet(this.#k(key), field)) ?? null;
  }

  async mapDelete(key: string, field: string): Promise<void> {
    await this.#client.hDel(this.#k(key), field);
  }

  async mapEntries(key: string): Promise<Record<string, string>> {
    return { ...(await this.#client.hGetAll(this.#k(key))) };
  }

  async mapIncr(key: string, field: string, by: number): Promise<number> {
    return Number(await this.#client.hIncrBy(this.#k(key), field, by));
  }

  async mapScan(key: string, cursor: string, count: number): Promise<{ cursor: string; entries: [string, string][] }> {
    const r = await this.#client.hScan(this.#k(key), cursor, { COUNT: count });
    return { cursor: String(r.cursor), entries: r.entries.map((e) => [String(e.field), String(e.value)]) };
  }

  async getMany(keys: string[]): Promise<(string | null)[]> {
    if (keys.length === 0) return [];
    const values = await this.#client.mGet(keys.map((k) => this.#k(k)));
    return values.map((v) => (v === null ? null : String(v)));
  }

  async setMany(entries: [string, string][], ttlMs: number): Promise<void> {
    if (entries.length === 0) return;
    const multi = this.#client.multi();
    for (const [k, v] of entries) multi.set(this.#k(k), v, { expiration: { type: 'PX', value: ttlMs } });
    await multi.exec();
  }

  async lease(key: string, owner: string, ttlMs: number, takeFrom?: string): Promise<boolean> {
    const r = await this.#client.eval(LEASE_LUA, {
      keys: [this.#k(key)],
      arguments: [owner, String(ttlMs), takeFrom ?? ''],
    });
    return Number(r) === 1;
  }

  async releaseLease(key: string, owner: string): Promise<void> {
    await this.#client.eval(RELEASE_LUA, { keys: [this.#k(key)], arguments: [owner] });
  }

  async ping(): Promise<void> {
    await this.#client.ping();
  }

  /** Deletes every key under the prefix (tests; never called by the app). */
  async deleteAllWithPrefix(): Promise<void> {
    for await (const batch of this.#client.scanIterator({ MATCH: `${this.prefix}*`, COUNT: 500 })) {
      if (batch.length > 0) await this.#client.del(batch);
    }
  }

  async close(): Promise<void> {
    if (this.#client.isOpen) await this.#client.close();
  }
}
