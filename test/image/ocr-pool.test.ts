// The OCR workers start quietly: tesseract used to print "Error opening data file ./.traineddata" and
// "Failed loading language ''" on every worker start (the jpn model asks for a vertical sub-model it lacks).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../helpers/child-env.ts';

describe('OcrPool', () => {
  it('starts a worker and reads without a word on stderr', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'test/image/helpers/ocr-once.ts'],
      { env: childEnv({}), timeout: 60_000 },
    );
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/traineddata|Failed loading/);
    const { lines } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { lines: string[] };
    expect(lines.join('').replace(/\s+/g, '')).toContain('会議');
  }, 60_000);
});
