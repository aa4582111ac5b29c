import { describe, expect, it } from 'vitest';
import { add, formatTally, newTally, rates } from '../../src/eval/metrics.ts';

describe('eval metrics', () => {
  it('counts recall over danger|caution and false positives both ways', () => {
    const t = newTally();
    add(t, 'scam', 'danger');
    add(t, 'scam', 'caution');
    add(t, 'scam', 'low');
    add(t, 'scam', 'danger');
    add(t, 'legit', 'low');
    add(t, 'legit', 'caution');
    add(t, 'legit', 'danger');
    add(t, 'legit', 'unknown');
    const r = rates(t);
    expect(r.recall).toBe(0.75);
    expect(r.recallDanger).toBe(0.5);
    expect(r.fprDanger).toBe(0.25);
    expect(r.fprFlagged).toBe(0.5);
    expect(formatTally('x', t)).toContain('legit flagged danger 0.250');
  });
  it('reports n/a rather than dividing by zero', () => {
    expect(Number.isNaN(rates(newTally()).recall)).toBe(true);
    expect(formatTally('empty', newTally())).toContain('n/a');
  });
});
