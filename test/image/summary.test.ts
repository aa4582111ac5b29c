// What the answer quotes from a picture: the text may come from a vision model (LLM_VISION), so a number in it is
// shown with its last digits hidden and a link defanged, like every number and link taken from a message.
import { describe, expect, it } from 'vitest';
import type { ImagesReading } from '../../src/image/reader.ts';
import { imageReasons, maskNumbers, readFromImagesOf } from '../../src/image/summary.ts';

const reading = (text: string): ImagesReading => ({
  text,
  qrUrls: [],
  legible: true,
  problems: [],
  count: 1,
  skipped: 0,
  confidence: 90,
  sources: ['vision'],
  timings: {},
});

describe('what was read from a picture', () => {
  it('hides the last digits of a number and defangs a link, in the quote and in the kept text', () => {
    const r = reading('公式の番号です。0120-999-888 にお電話を。確認は https://support-check.example-jp.top へ');
    const read = readFromImagesOf(r);
    expect(read.text).toContain('0120-999-8××');
    expect(read.text).not.toContain('0120-999-888');
    expect(read.text).toContain('example-jp[.]top');
    const [quote] = imageReasons(r, read, 'ja');
    expect(quote).toContain('0120-999-8××');
  });

  it('leaves amounts, dates, times and short codes as they are', () => {
    expect(maskNumbers('5,000円を2026-03-10の15:30までに。コード 1234')).toBe(
      '5,000円を2026-03-10の15:30までに。コード 1234',
    );
    expect(maskNumbers('＋81 90 1234 5678')).toBe('＋81 90 1234 56××');
  });
});
