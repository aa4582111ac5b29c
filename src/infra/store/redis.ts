// Redis store: the same contract as the SQLite store, for several web and worker processes.
// Every key carries the prefix (one deployment, or one test run, per prefix).
import { createClient, type RedisClientType } from 'redis';
import { type Store, StoreError } from './store.ts';

// Length check, read and delete (or move aside for retries) in one step, so two workers cannot both take one burst.
const TAKE_IF_LENGTH_LUA = `
if redis.call('LLEN', KEYS[1]) == tonumber(ARGV[1]) then
  local items = redis.call('LRANGE', KEYS[1], 0, -1)
  if ARGV[2] == '' then
    redis.call('DEL', KEYS[1])
  else
    redis.call('RENAME', KEYS[1], KEYS[2])
    redis.call('PEXPIRE', KEYS[2], ARGV[2])
  end
  return items
end
return false`;

// Append once per marker: the marker remembers the position the value took.
const JOIN_LUA = `
local position = redis.call('GET', KEYS[2])
local joined = 0
if not position then
  position = redis.call('RPUSH', KEYS[1], ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  redis.call('SET', KEYS[2], position, 'PX', ARGV[2])
  joined = 1
end
return { joined, tonumber(position), redis.call('LRANGE', KEYS[1], 0, -1) }`;

const READY_PROBE_KEY = 'ready:probe';
const READY_PROBE_TTL_MS = 60_000;

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
    // No offline queue: while Redis is unreachable a command fails at once (a webhook answers 503, /readyz
    // says so) instead of waiting for the reconnection.
    const client = createClient({ url: opts.url, disableOfflineQueue: true }) as RedisClientType;
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

  async listJoin(
    key: string,
    marker: string,
    value: string,
    ttlMs: number,
  ): Promise<{ joined: boolean; position: number; values: string[] }> {
    const r = (await this.#client.eval(JOIN_LUA, {
      keys: [this.#k(key), this.#k(marker)],
      arguments: [value, String(ttlMs)],
    })) as [number, number, string[]];
    return { joined: Number(r[0]) === 1, position: Number(r[1]), values: r[2].map(String) };
  }

  async listTakeIfLength(
    key: string,
    length: number,
    keepAs?: { key: string; ttlMs: number },
  ): Promise<string[] | null> {
    const r = await this.#client.eval(TAKE_IF_LENGTH_LUA, {
      keys: [this.#k(key), this.#k(keepAs?.key ?? key)],
      arguments: [String(length), keepAs ? String(keepAs.ttlMs) : ''],
    });
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

  /** A real write: fails when Redis is down, read-only (a replica) or out of memory under noeviction. */
  /** Values that hold what a person sent are sealed before they come here (Store.purge). */
  async purge(): Promise<void> {}

  async ping(): Promise<void> {
    await this.#client.set(this.#k(READY_PROBE_KEY), String(Date.now()), {
      expiration: { type: 'PX', value: READY_PROBE_TTL_MS },
    });
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
