import { describe, expect, it } from 'vitest';
import { nextFire, parseCron, previousFire } from '../../src/tips/cron.ts';
import { compareWeeks, isoWeekOf, parseWeek, shiftWeek, weekMonday } from '../../src/tips/week.ts';

describe('ISO weeks in Asia/Tokyo', () => {
  it('puts Monday 08:00 JST in the new week even though it is still Sunday in UTC', () => {
    const mondayMorningJst = new Date('2026-11-22T23:00:00Z'); // Mon 23 Nov 08:00 JST
    expect(isoWeekOf(mondayMorningJst)).toBe('2026-W48');
    expect(isoWeekOf(mondayMorningJst, 'UTC')).toBe('2026-W47');
  });

  it('handles the year boundary (2026-12-31 is in 2026-W53; 2027-01-04 in 2027-W01)', () => {
    expect(isoWeekOf(new Date('2026-12-31T03:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-04T03:00:00Z'))).toBe('2027-W01');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2027-W01', -2)).toBe('2026-W52');
    expect(weekMonday('2026-W48')).toEqual({ y: 2026, m: 11, d: 23 });
    expect(compareWeeks('2026-W47', '2026-W48')).toBeLessThan(0);
  });

  it('refuses weeks that are not written YYYY-Www or do not exist', () => {
    expect(() => parseWeek('2026-48')).toThrow(/YYYY-Www/);
    expect(() => parseWeek('2025-W53')).toThrow(/no week 53/);
    expect(parseWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
  });
});

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
