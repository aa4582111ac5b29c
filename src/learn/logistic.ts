// L2-regularised, sample-weighted logistic regression over sparse features, fitted by full-batch Adam with
// optional sign constraints per feature. Deterministic: no random initialisation, no shuffling, so the same
// data always gives the same model (npm run train is reproducible byte for byte).
//
// Why not a library: ml-logistic-regression 2.0.0 (mljs) was tried first. It has no intercept, no
// regularisation and no sample weights, and works on dense ml-matrix matrices; the URL model has 2^18 hashed
// features over ~10^5 rows, and the message model needs per-source weights and sign bounds (SpamAssassin-style:
// a rule that marks risk may not end up lowering the score). The fit below is small enough to read and test.

/** One example: the indices of its non-zero features and their values. */
export interface SparseRow {
  idx: Int32Array;
  val: Float32Array;
}

export interface FitOptions {
  /** Number of features (indices are 0 … dim-1). */
  dim: number;
  /** L2 penalty on the weights (not the bias), per unit of total sample weight. */
  l2: number;
  iterations: number;
  /** Adam step size. */
  learningRate?: number;
  /** Per-feature bounds: +1 weight ≥ 0, -1 weight ≤ 0, 0 free. Missing: all free. */
  signs?: Int8Array;
  /**
   * Per-feature prior means: the penalty pulls each weight towards its prior rather than towards zero (a MAP fit
   * with a Gaussian prior). A feature the data says little about keeps its prior; the data moves the rest.
   */
  prior?: Float64Array;
}

export interface LogisticFit {
  bias: number;
  weights: Float64Array;
  /** Weighted mean log-loss on the training rows at the end (without the penalty). */
  loss: number;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Linear score (log-odds) of one row. */
export function margin(bias: number, weights: ArrayLike<number>, row: SparseRow): number {
  let z = bias;
  for (let k = 0; k < row.idx.length; k++) z += (weights[row.idx[k]!] ?? 0) * row.val[k]!;
  return z;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

/**
 * Fits P(y=1 | x) = σ(bias + w·x). `y` holds 0/1 labels, `sampleWeight` one non-negative weight per row.
 * Throws when the inputs do not line up, so a training bug cannot produce a silently wrong model.
 */
export function fitLogistic(
  rows: readonly SparseRow[],
  y: ArrayLike<number>,
  sampleWeight: ArrayLike<number>,
  opts: FitOptions,
): LogisticFit {
  if (rows.length !== y.length || rows.length !== sampleWeight.length) {
    throw new Error(`fitLogistic: ${rows.length} rows, ${y.length} labels, ${sampleWeight.length} weights`);
  }
  if (rows.length === 0) throw new Error('fitLogistic: no training rows');
  const { dim, l2, iterations } = opts;
  const lr = opts.learningRate ?? 0.05;
  let totalWeight = 0;
  for (let i = 0; i < rows.length; i++) {
    const w = sampleWeight[i]!;
    if (!(w >= 0)) throw new Error(`fitLogistic: sample weight ${i} is ${w}`);
    totalWeight += w;
    for (const j of rows[i]!.idx) if (j < 0 || j >= dim) throw new Error(`fitLogistic: feature ${j} outside 0…${dim}`);
  }
  if (totalWeight === 0) throw new Error('fitLogistic: all sample weights are zero');

  const prior = opts.prior ?? new Float64Array(dim);
  if (prior.length !== dim) throw new Error(`fitLogistic: ${prior.length} prior means for ${dim} features`);
  const weights = Float64Array.from(prior);
  const grad = new Float64Array(dim);
  const m = new Float64Array(dim + 1);
  const v = new Float64Array(dim + 1);
  let bias = 0;
  let loss = 0;
  for (let t = 1; t <= iterations; t++) {
    grad.fill(0);
    let gBias = 0;
    loss = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const p = sigmoid(margin(bias, weights, row));
      const yi = y[i]!;
      const sw = sampleWeight[i]! / totalWeight;
      loss -= sw * (yi === 1 ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12)));
      const g = sw * (p - yi);
      gBias += g;
      for (let k = 0; k < row.idx.length; k++) grad[row.idx[k]!]! += g * row.val[k]!;
    }
    const c1 = 1 - BETA1 ** t;
    const c2 = 1 - BETA2 ** t;
    for (let j = 0; j < dim; j++) {
      const g = grad[j]! + l2 * (weights[j]! - prior[j]!);
      m[j] = BETA1 * m[j]! + (1 - BETA1) * g;
      v[j] = BETA2 * v[j]! + (1 - BETA2) * g * g;
      let w = weights[j]! - (lr * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + EPS);
      const s = opts.signs?.[j] ?? 0;
      if (s > 0 && w < 0) w = 0;
      else if (s < 0 && w > 0) w = 0;
      weights[j] = w;
    }
    m[dim] = BETA1 * m[dim]! + (1 - BETA1) * gBias;
    v[dim] = BETA2 * v[dim]! + (1 - BETA2) * gBias * gBias;
    bias -= (lr * (m[dim]! / c1)) / (Math.sqrt(v[dim]! / c2) + EPS);
  }
  return { bias, weights, loss };
}
