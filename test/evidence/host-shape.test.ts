// What a host name's letters say on their own.
import { describe, expect, it } from 'vitest';
import { looksRandom } from '../../src/evidence/host-shape.ts';

describe('host shape', () => {
  it('looksRandom spots machine-made labels but not words', () => {
    expect(looksRandom('zyy36524')).toBe(true);
    expect(looksRandom('wfyslbfd')).toBe(true);
    expect(looksRandom('nytimes')).toBe(false);
    expect(looksRandom('kuronekoyamato')).toBe(false);
  });
});
