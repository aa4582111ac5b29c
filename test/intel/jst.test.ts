import { describe, expect, it } from 'vitest';
import { parseFeedDate, toJstIso } from '../../src/intel/jst.ts';

describe('feed dates', () => {
  it('reads the JPCERT wall-clock format as Japan time', () => {
    expect(parseFeedDate('2024/01/04 10:02:00')).toBe('2024-01-04T10:02:00+09:00');
    expect(parseFeedDate('2019/3/1 9:05')).toBe('2019-03-01T09:05:00+09:00');
    expect(parseFeedDate('2024-01-04')).toBe('2024-01-04T00:00:00+09:00');
  });

  it('converts ISO timestamps with their own offset to Japan time', () => {
    expect(parseFeedDate('2025-07-19T12:11:28Z')).toBe('2025-07-19T21:11:28+09:00');
    expect(parseFeedDate('2025-07-19T23:30:00Z')).toBe('2025-07-20T08:30:00+09:00');
  });

  it('refuses blanks and dates that do not exist', () => {
    expect(parseFeedDate('')).toBeNull();
    expect(parseFeedDate('   ')).toBeNull();
    expect(parseFeedDate('2024/02/30 10:00:00')).toBeNull();
    expect(parseFeedDate('2024/01/01 25:00:00')).toBeNull();
    expect(parseFeedDate('yesterday')).toBeNull();
  });

  it('writes any instant in +09:00', () => {
    expect(toJstIso(new Date('2024-12-31T15:00:00Z'))).toBe('2025-01-01T00:00:00+09:00');
  });
});
