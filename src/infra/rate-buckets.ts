// Per-caller rate limits kept in this process: a token bucket per caller, in a Map
// bounded to MAX_TRACKED_CALLERS. Used where a shared store would cost a round trip on every call and a limit
// per process is enough (POST /v1/check: N web processes allow N × the rate, which the docs say).

/** Callers remembered at once; past this the least recently seen is forgotten (it starts again full). */
export const MAX_TRACKED_CALLERS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export type Take = { ok: true; remaining: number } | { ok: false; retryAfterS: number };

export class RateBuckets {
  readonly #perMinute: number;
  readonly #max: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  /** `perMinute` calls a minute, in a burst of up to as many. */
  constructor(perMinute: number, opts: { maxCallers?: number; now?: () => number } = {}) {
    this.#perMinute = perMinute;
    this.#max = opts.maxCallers ?? MAX_TRACKED_CALLERS;
    this.#now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.#buckets.size;
  }

  /** Takes one call from the caller's bucket. */
  take(caller: string): Take {
    const now = this.#now();
    const refillPerMs = this.#perMinute / 60_000;
    const held = this.#buckets.get(caller);
    const tokens = held ? Math.min(this.#perMinute, held.tokens + (now - held.at) * refillPerMs) : this.#perMinute;
    // Re-inserted so the Map's order is least recently seen first.
    this.#buckets.delete(caller);
    if (tokens < 1) {
      this.#buckets.set(caller, { tokens, at: now });
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)) };
    }
    this.#buckets.set(caller, { tokens: tokens - 1, at: now });
    while (this.#buckets.size > this.#max) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest === undefined) break;
      this.#buckets.delete(oldest);
    }
    return { ok: true, remaining: Math.floor(tokens - 1) };
  }
}
