import { describe, expect, it } from 'vitest';
import { TEXT_SIGNAL_CODES } from '../src/evidence/text-signals.ts';
import { SIGNAL_CODES, TEXT_RULE_CODES, TEXT_SHAPE_CODES } from '../src/signal-codes.ts';

describe('signal codes', () => {
  it('list each text rule once, in the order the rules run', () => {
    expect(TEXT_SIGNAL_CODES).toEqual([...TEXT_RULE_CODES, ...TEXT_SHAPE_CODES]);
  });

  it('are each listed once', () => {
    expect(new Set(SIGNAL_CODES).size).toBe(SIGNAL_CODES.length);
    expect(new Set(TEXT_RULE_CODES).size).toBe(TEXT_RULE_CODES.length);
  });
});
