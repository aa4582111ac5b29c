import { describe, expect, it } from 'vitest';
import { compareWeeks, isoWeekOf, parseWeek, shiftWeek, weekMonday } from '../../src/stats/week.ts';

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
