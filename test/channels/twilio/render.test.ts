import { describe, expect, it } from 'vitest';
import { fitSms, fitsSegments, renderTwilioText } from '../../../src/channels/twilio/render.ts';
import { LEVELS } from '../../../src/domain.ts';
import { verdict } from '../../conversation/fixtures.ts';

const LINK = 'https://anshin.example.com/a/AAAAAAAAAAAAAAAAAAAAAA';

describe('Twilio render', () => {
  it('counts two UCS-2 segments for Japanese and two GSM-7 segments for plain English', () => {
    expect(fitsSegments('あ'.repeat(134))).toBe(true);
    expect(fitsSegments('あ'.repeat(135))).toBe(false);
    expect(fitsSegments('a'.repeat(306))).toBe(true);
    expect(fitsSegments('a'.repeat(307))).toBe(false);
    expect(fitsSegments(`${'a'.repeat(134)}€`)).toBe(true);
  });

  it('cuts long text to fit and keeps the link whole; English stays GSM-7', () => {
    const ja = fitSms('あ'.repeat(500), LINK);
    expect(fitsSegments(ja)).toBe(true);
    expect(ja.endsWith(LINK)).toBe(true);
    const en = fitSms('word '.repeat(200), LINK);
    expect(fitsSegments(en)).toBe(true);
    expect(en).toContain('...');
    expect(en.length).toBeGreaterThan(200);
  });

  it('fits every verdict level in two segments with the link', () => {
    for (const level of LEVELS) {
      const text = renderTwilioText(
        { kind: 'verdict', verdict: verdict(level), consultId: 'c', offers: [], imagesUnread: true },
        LINK,
      );
      expect(fitsSegments(text)).toBe(true);
      expect(text).toContain(LINK);
      expect(text).not.toMatch(/安全|\bsafe\b/i);
    }
  });
});
