import { describe, expect, it } from 'vitest';
import { nextFire, parseCron, previousFire } from '../../src/infra/cron.ts';

describe('cron patterns in a time zone', () => {
  const monday10 = parseCron('0 10 * * 1');

  it('fires on Monday 10:00 Tokyo time (01:00 UTC)', () => {
    expect(nextFire(monday10, new Date('2026-11-26T05:00:00Z'), 'Asia/Tokyo').toISOString()).toBe(
      '2026-11-30T01:00:00.000Z',
    );
    expect(nextFire(monday10, new Date('2026-11-30T01:00:00Z'), 'Asia/Tokyo').toISOString()).toBe(
      '2026-12-07T01:00:00.000Z',
    );
    expect(nextFire(monday10, new Date('2026-11-26T05:00:00Z'), 'UTC').toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });

  it('finds the last firing within a window', () => {
    const week = 7 * 24 * 3600_000;
    expect(previousFire(monday10, new Date('2026-11-26T05:00:00Z'), 'Asia/Tokyo', week)?.toISOString()).toBe(
      '2026-11-23T01:00:00.000Z',
    );
    expect(previousFire(monday10, new Date('2026-11-26T05:00:00Z'), 'Asia/Tokyo', 3600_000)).toBeNull();
  });

  it('reads lists, ranges, steps, names and both day fields as cron does', () => {
    const c = parseCron('*/30 9-10 1 * MON');
    expect([...c.minute.values]).toEqual([0, 30]);
    // Day 1 of the month OR a Monday: Tuesday 1 Dec 2026 fires.
    expect(nextFire(c, new Date('2026-11-30T02:00:00Z'), 'Asia/Tokyo').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(() => parseCron('0 10 * *')).toThrow(/5 fields/);
    expect(() => parseCron('0 25 * * 1')).toThrow(/hour/);
  });
});
