import { describe, expect, it } from 'vitest';
import { fitLogistic, margin, type SparseRow, sigmoid } from '../../src/learn/logistic.ts';

const row = (...pairs: [number, number][]): SparseRow => ({
  idx: Int32Array.from(pairs.map((p) => p[0])),
  val: Float32Array.from(pairs.map((p) => p[1])),
});

/** 100 rows with x=0 of which 27 are positive, 100 with x=1 of which 73 are: the MLE is bias −1, weight +2. */
function knownData() {
  const rows: SparseRow[] = [];
  const y: number[] = [];
  for (let i = 0; i < 100; i++) {
    rows.push(row());
    y.push(i < 27 ? 1 : 0);
    rows.push(row([0, 1]));
    y.push(i < 73 ? 1 : 0);
  }
  return { rows, y, w: y.map(() => 1) };
}

describe('fitLogistic', () => {
  it('recovers a known maximum-likelihood solution', () => {
    const { rows, y, w } = knownData();
    const fit = fitLogistic(rows, y, w, { dim: 1, l2: 0, iterations: 3000, learningRate: 0.05 });
    expect(fit.bias).toBeCloseTo(Math.log(27 / 73), 1);
    expect(fit.weights[0]! + fit.bias).toBeCloseTo(Math.log(73 / 27), 1);
    expect(sigmoid(margin(fit.bias, fit.weights, row([0, 1])))).toBeCloseTo(0.73, 2);
  });

  it('is deterministic: the same data gives the same weights', () => {
    const { rows, y, w } = knownData();
    const a = fitLogistic(rows, y, w, { dim: 1, l2: 0.01, iterations: 200 });
    const b = fitLogistic(rows, y, w, { dim: 1, l2: 0.01, iterations: 200 });
    expect([...a.weights]).toEqual([...b.weights]);
    expect(a.bias).toBe(b.bias);
  });

  it('holds sign bounds: a feature bounded to raise the score never lowers it', () => {
    // Feature 0 appears only in negatives: unbounded it would go negative.
    const rows = [row([0, 1]), row([0, 1]), row(), row()];
    const fit = fitLogistic(rows, [0, 0, 1, 0], [1, 1, 1, 1], {
      dim: 1,
      l2: 0,
      iterations: 500,
      signs: Int8Array.from([1]),
    });
    expect(fit.weights[0]).toBe(0);
  });

  it('pulls weights towards their prior, not zero, when the data says nothing', () => {
    const rows = [row(), row()];
    const fit = fitLogistic(rows, [1, 0], [1, 1], {
      dim: 2,
      l2: 0.1,
      iterations: 300,
      prior: Float64Array.from([2.5, 0]),
    });
    expect(fit.weights[0]).toBeCloseTo(2.5, 5);
    expect(fit.weights[1]).toBeCloseTo(0, 5);
  });

  it('weighs rows by their sample weight', () => {
    const rows = [row([0, 1]), row([0, 1])];
    const heavyPositive = fitLogistic(rows, [1, 0], [3, 1], { dim: 1, l2: 0, iterations: 2000 });
    expect(sigmoid(margin(heavyPositive.bias, heavyPositive.weights, row([0, 1])))).toBeCloseTo(0.75, 1);
  });

  it('refuses inputs that do not line up, naming what is wrong', () => {
    expect(() => fitLogistic([row()], [1, 0], [1], { dim: 1, l2: 0, iterations: 1 })).toThrow(/1 rows, 2 labels/);
    expect(() => fitLogistic([row([3, 1])], [1], [1], { dim: 2, l2: 0, iterations: 1 })).toThrow(/feature 3/);
    expect(() => fitLogistic([row()], [1], [-1], { dim: 1, l2: 0, iterations: 1 })).toThrow(/sample weight/);
    expect(() => fitLogistic([], [], [], { dim: 1, l2: 0, iterations: 1 })).toThrow(/no training rows/);
  });
});
