import { describe, expect, it } from 'vitest';
import { fixedCriticalPoint, regionCriticalPoint, type FixedCriticalChoices, type FixedCriticalOptions } from '../../src/landscape/fixed-critical.ts';
import { ratData } from '../../src/network/dataset.ts';
import { Rational } from '../../src/numbers/rational.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const row = (...xs: number[]): Rational[] => xs.map((x) => q(x));
const show = (xs: readonly (readonly Rational[])[]): string[][] => xs.map((r) => r.map(String));
const WITH_BIASES: FixedCriticalOptions = { bias: true, outputBias: true, normalisation: 'half-sum' };
const HIDDEN_BIAS_ONLY: FixedCriticalOptions = { bias: true, outputBias: false, normalisation: 'half-sum' };

describe('fixedCriticalPoint: the free choices are validated', () => {
  const data = ratData([[1], [2]], [1, 1]);
  const activations = [row(1, 1), row(1, 0)];
  const choices: FixedCriticalChoices = { stationary: [1], outputWeights: row(1, 2), nullCoefficients: [], freeVectors: [row(1, 0), row(0, 1)] };
  const build = (c: Partial<FixedCriticalChoices>, options = WITH_BIASES) => fixedCriticalPoint(data, activations, options, { ...choices, ...c });

  it('accepts the last unit as stationary', () => {
    expect(build({}).stationary).toEqual([1]);
  });

  it('rejects stationary units that are not unit indices', () => {
    expect(() => build({ stationary: [2] })).toThrow(/stationary unit 2 outside 0\.\.1/);
    expect(() => build({ stationary: [-1] })).toThrow(/stationary unit -1 outside 0\.\.1/);
    expect(() => build({ stationary: [1 / 2] })).toThrow(/stationary unit 0\.5 outside 0\.\.1/);
    // Without samples there are no units at all.
    expect(() => fixedCriticalPoint(ratData([], []), [], WITH_BIASES, { ...choices, stationary: [0] })).toThrow(/stationary unit 0 outside 0\.\.-1/);
  });

  it('rejects a zero or missing v_j on a stationary unit', () => {
    expect(() => build({ outputWeights: row(1, 0) })).toThrow(/stationary unit 1 needs a non-zero v_j/);
    expect(() => build({ outputWeights: row(1) })).toThrow(/stationary unit 1 needs a non-zero v_j/);
  });

  it('rejects a free vector of the wrong length (d̃ = 2 with a hidden bias, 1 without)', () => {
    expect(() => build({ freeVectors: [row(1), row(0, 1)] })).toThrow(/free vector of unit 0 has 1 entries, expected 2/);
    expect(() => build({ freeVectors: [] }, { ...WITH_BIASES, bias: false })).toThrow(/free vector of unit 0 has 0 entries, expected 1/);
  });

  it('lists S in increasing order', () => {
    const three = [row(1, 1, 1), row(1, 1, 1)];
    const built = fixedCriticalPoint(data, three, WITH_BIASES, { stationary: [2, 0, 1], outputWeights: row(1, 1, 1), nullCoefficients: [], freeVectors: [] });
    expect(built.stationary).toEqual([0, 1, 2]);
  });
});

describe('fixedCriticalPoint: the null-space coefficients', () => {
  // One sample x = 1, y = 1, one active unit: R = (p, q, c) fits iff p + q + c = 1, a 2-dimensional null space.
  const data = ratData([[1]], [1]);
  const pointWith = (nullCoefficients: Rational[]) =>
    fixedCriticalPoint(data, [row(1)], WITH_BIASES, { stationary: [0], outputWeights: row(1), nullCoefficients, freeVectors: [] }).point;
  const key = (p: ReturnType<typeof pointWith>) => [...show(p.weights), ...show([p.biases!]), String(p.outputBias)];

  it('every choice interpolates the sample', () => {
    for (const cs of [[], row(1), row(1, 2), row(-3, 1, 5)]) {
      const p = pointWith(cs);
      expect(p.outputWeights[0]!.mul(p.weights[0]![0]!.add(p.biases![0]!)).add(p.outputBias!).equals(q(1))).toBe(true);
    }
  });

  it('are cycled over the basis, entries beyond it are ignored, and each one moves the point', () => {
    expect(key(pointWith(row(1)))).toEqual(key(pointWith(row(1, 1))));
    expect(key(pointWith(row(1, 2, 7)))).toEqual(key(pointWith(row(1, 2))));
    expect(key(pointWith(row(1)))).not.toEqual(key(pointWith(row(0))));
    expect(key(pointWith(row(1, 2)))).not.toEqual(key(pointWith(row(1, 1))));
  });
});

describe('regionCriticalPoint', () => {
  it('uses v = −1 when only the negative sign puts the restricted minimiser in the cell', () => {
    // x = 1, 2, y = −1, −2, no output bias: the unique fit is p = −1, q = 0, i.e. v·(w, b) = (−1, 0);
    // the unit must be active on both samples (w + b > 0, 2w + b > 0), so v < 0 and w > 0.
    const data = ratData([[1], [2]], [-1, -2]);
    const result = regionCriticalPoint(data, [[1, 1]], [0], HIDDEN_BIAS_ONLY);
    expect(result.reason).toBe('constructed inside the region');
    const c = result.critical!;
    const [v, w, b] = [c.point.outputWeights[0]!, c.point.weights[0]![0]!, c.point.biases![0]!];
    expect(v.sign()).toBe(-1);
    expect([v.mul(w), v.mul(b)].map(String)).toEqual(['-1', '0']);
    expect(c.stationary).toEqual([0]);
    // g_0 = Σ r_i x̃_i = 0 at an exact fit.
    expect(show(c.unitGradients)).toEqual([['0', '0']]);
  });

  it('says so when no restricted minimiser lies in the cells', () => {
    // x = 1, 2, y = −1, 1: the unique fit (p, q) = (2, −3) gives −1, 1 and −(…) gives 1, −1: never positive on both.
    const result = regionCriticalPoint(ratData([[1], [2]], [-1, 1]), [[1, 1]], [0], HIDDEN_BIAS_ONLY);
    expect(result.critical).toBeNull();
    expect(result.reason).toBe('no restricted minimiser puts the units of S inside their cells');
  });

  // S = ∅ with an output bias: c = mean y = 1, residual r = c − y = (1, −1) on x = 1, 2.
  const data = ratData([[1], [2]], [0, 2]);

  it('a unit outside S whose cell misses g^⊥ gives no point unless another cell is offered', () => {
    // Cell (+, −): g = r_1 x̃_1 = (1, 1), so w + b = 0, against w + b > 0.
    const alone = regionCriticalPoint(data, [[1, -1]], [], WITH_BIASES);
    expect(alone.critical).toBeNull();
    expect(alone.reason).toBe('unit 0: its open cell misses the hyperplane g_j^⊥');
    // Cell (−, −): g = 0, every point of the cell will do; the result reports that cell.
    const other = regionCriticalPoint(data, [[1, -1]], [], WITH_BIASES, [[-1, -1]]);
    const c = other.critical!;
    expect(c.region).toEqual([[-1, -1]]);
    expect(show(c.unitGradients)).toEqual([['0', '0']]);
    const [w, b] = [c.point.weights[0]![0]!, c.point.biases![0]!];
    expect([w.add(b).sign(), w.mul(q(2)).add(b).sign()]).toEqual([-1, -1]);
    expect(c.point.outputWeights[0]!.isZero()).toBe(true);
  });

  it('lists S in increasing order', () => {
    // Three units active on both samples of y = x: e.g. p_j = 1/3, q_j = 0, c = 0 lies in the cells.
    const result = regionCriticalPoint(ratData([[1], [2]], [1, 2]), [[1, 1], [1, 1], [1, 1]], [2, 0, 1], WITH_BIASES);
    expect(result.critical!.stationary).toEqual([0, 1, 2]);
  });
});
