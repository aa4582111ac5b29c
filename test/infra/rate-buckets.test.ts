// The in-process token buckets behind POST /v1/check's rate: the rate, the refill, Retry-After, and a bound on
// how many callers are remembered (a flood of new callers cannot grow memory).
import { describe, expect, it } from 'vitest';
import { MAX_TRACKED_CALLERS, RateBuckets } from '../../src/infra/rate-buckets.ts';

describe('RateBuckets', () => {
  it('allows a burst of the minute’s rate, then refills one call every 60/rate s', () => {
    let now = 1_000_000;
    const b = new RateBuckets(6, { now: () => now });
    for (let i = 0; i < 6; i++) expect(b.take('k')).toEqual({ ok: true, remaining: 5 - i });
    expect(b.take('k')).toEqual({ ok: false, retryAfterS: 10 });
    now += 4_000;
    expect(b.take('k')).toEqual({ ok: false, retryAfterS: 6 });
    now += 6_000;
    expect(b.take('k').ok).toBe(true);
    expect(b.take('k').ok).toBe(false);
    // A long pause refills to the rate, no further.
    now += 3_600_000;
    for (let i = 0; i < 6; i++) expect(b.take('k').ok).toBe(true);
    expect(b.take('k').ok).toBe(false);
  });

  it('keeps callers apart', () => {
    const b = new RateBuckets(1);
    expect(b.take('a').ok).toBe(true);
    expect(b.take('a').ok).toBe(false);
    expect(b.take('b').ok).toBe(true);
  });

  it('remembers at most maxCallers, forgetting the least recently seen', () => {
    const b = new RateBuckets(1, { maxCallers: 100 });
    expect(b.take('kept').ok).toBe(true);
    for (let i = 0; i < 1_000; i++) {
      b.take(`caller-${i}`);
      if (i % 50 === 0) expect(b.take('kept').ok).toBe(false); // seen again: stays remembered, still spent
    }
    expect(b.size).toBe(100);
    expect(b.take('kept').ok).toBe(false);
    expect(b.take('caller-0').ok).toBe(true); // forgotten, so full again
  });

  it('the default bound holds under a flood of new callers', () => {
    const b = new RateBuckets(60);
    for (let i = 0; i < MAX_TRACKED_CALLERS * 3; i++) b.take(`ip:${i}`);
    expect(b.size).toBe(MAX_TRACKED_CALLERS);
  });
});
