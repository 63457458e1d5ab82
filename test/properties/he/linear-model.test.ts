import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctInputs } from '../../../src/generators/dataset.ts';
import { smallRational } from '../../../src/generators/rational.ts';
import { solveMatrix } from '../../../src/linalg/elimination.ts';
import { Matrix } from '../../../src/linalg/matrix.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { fitsExactly, isLinearStationary, leastSquaresFit, linearModelRisk, linearPredictions, linearRiskGradient } from '../../../src/network/he-linear-model.ts';
import { cubicHinge, squaredError } from '../../../src/network/loss.ts';

const F = RationalField;
const loss = squaredError('mean');
const entry = smallRational({ maxNumerator: 3, maxDenominator: 2 });

const data = fc.integer({ min: 1, max: 2 }).chain((d) =>
  fc.integer({ min: 1, max: 2 }).chain((dY) =>
    distinctInputs(d, { minPoints: 1, maxPoints: 5 }).chain((inputs) =>
      fc.record({
        inputs: fc.constant(inputs),
        targets: fc.array(fc.array(entry, { minLength: dY, maxLength: dY }), { minLength: inputs.length, maxLength: inputs.length }),
        perturbation: fc.array(fc.array(entry, { minLength: d + 1, maxLength: d + 1 }), { minLength: dY, maxLength: dY }),
      }),
    ),
  ),
);

describe('he: the least-squares linear model', () => {
  it('a worked example: y = x/2 + 1/6 on x = 0, 1, 2 with labels 0, 1, 1', () => {
    const fit = leastSquaresFit(ratData([[0], [1], [2]], [0, 1, 1]), loss);
    expect(fit.weights.map((r) => r.map(String))).toEqual([['1/2', '1/6']]);
    expect(fit.predictions.map((p) => p.map(String))).toEqual([['1/6'], ['2/3'], ['7/6']]);
    // (1/3)((1/6)² + (1/3)² + (1/6)²) = 1/18.
    expect(fit.risk.toString()).toBe('1/18');
  });

  it('agrees with the normal equations solved by elimination, and no perturbation lowers f', () => {
    fc.assert(
      fc.property(data, ({ inputs, targets, perturbation }) => {
        const ds = { inputs, targets };
        const fit = leastSquaresFit(ds, loss);
        // Independent: any solution of X̃X̃ᵀ Wᵀ = X̃Yᵀ gives the same predictions (they are unique).
        const Z = Matrix.from(F, inputs.map((x) => [...x, Rational.ONE]));
        const normal = solveMatrix(Z.transpose().mul(Z), Z.transpose().mul(Matrix.from(F, targets)));
        expect(normal.kind).toBe('solution');
        if (normal.kind !== 'solution') return;
        const predictions = Z.mul(normal.particular).toArrays();
        expect(predictions.map((r) => r.map(String))).toEqual(fit.predictions.map((r) => r.map(String)));
        expect(isLinearStationary(fit.weights, ds, loss)).toBe(true);
        // Convexity by brute force: W̃ + E never does better.
        const moved = fit.weights.map((row, k) => row.map((w, j) => w.add(perturbation[k]![j]!)));
        expect(linearModelRisk(moved, ds, loss).ge(fit.risk)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('the gradient of f is the exact difference quotient of a quadratic', () => {
    fc.assert(
      fc.property(data, ({ inputs, targets, perturbation }) => {
        const ds = { inputs, targets };
        const W = perturbation;
        const G = linearRiskGradient(W, ds, loss);
        // f(W + tE) − f(W − tE) = 2t⟨∇f, E⟩·c exactly for a quadratic (c = 1/n from the normalisation).
        const E = W.map((row, k) => row.map((_, j) => Rational.of(k + 2 * j + 1)));
        const t = Rational.of(1, 3);
        const plus = linearModelRisk(W.map((r, k) => r.map((w, j) => w.add(t.mul(E[k]![j]!)))), ds, loss);
        const minus = linearModelRisk(W.map((r, k) => r.map((w, j) => w.sub(t.mul(E[k]![j]!)))), ds, loss);
        const directional = G.reduce((s, r, k) => r.reduce((u, g, j) => u.add(g.mul(E[k]![j]!)), s), Rational.ZERO).div(Rational.of(inputs.length));
        expect(plus.sub(minus).div(t.mul(Rational.of(2))).toString()).toBe(directional.toString());
      }),
      { numRuns: 40 },
    );
  });

  it('detects data that a linear model fits exactly', () => {
    expect(fitsExactly(leastSquaresFit(ratData([[0], [1], [2]], [1, 3, 5]), loss), ratData([[0], [1], [2]], [1, 3, 5]))).toBe(true);
    expect(fitsExactly(leastSquaresFit(ratData([[0], [1], [2]], [0, 1, 1]), loss), ratData([[0], [1], [2]], [0, 1, 1]))).toBe(false);
  });

  it('is stationary only when every entry of every output row of the gradient vanishes', () => {
    // x = −1, 1, targets (0, 0); W̃ = [[0, 0], [1, 0]]: output 1 predicts 0 (exact), output 2 predicts x.
    // ∇ per sample is 2(ŷ − y) = (0, 2x); row 2 of V X̃ᵀ is Σ 2x·[x, 1] = [4, 0], row 1 is 0.
    const ds = ratData([[-1], [1]], [[0, 0], [0, 0]]);
    const W = [[Rational.ZERO, Rational.ZERO], [Rational.ONE, Rational.ZERO]];
    expect(linearRiskGradient(W, ds, loss).map((r) => r.map(String))).toEqual([['0', '0'], ['4', '0']]);
    expect(isLinearStationary(W, ds, loss)).toBe(false);
    expect(isLinearStationary([[Rational.ZERO, Rational.ZERO], [Rational.ZERO, Rational.ZERO]], ds, loss)).toBe(true);
  });

  it('is an exact fit only when every output of every sample is met', () => {
    // Output 1 is 1 + 2x (exact), output 2 has labels 0, 1, 1 (not on a line).
    const ds = ratData([[0], [1], [2]], [[1, 0], [3, 1], [5, 1]]);
    expect(fitsExactly(leastSquaresFit(ds, loss), ds)).toBe(false);
  });

  it('predicts with the bias in the last column, also on no samples', () => {
    expect(linearPredictions([[Rational.of(2), Rational.of(-1)]], [[Rational.of(3)]]).map((r) => r.map(String))).toEqual([['5']]);
    expect(linearPredictions([[Rational.of(3)]], [])).toEqual([]);
    const x = [[Rational.ONE]];
    expect(() => linearPredictions([[Rational.ONE, Rational.ONE], [Rational.ONE, Rational.ONE, Rational.ONE]], x)).toThrow(
      /row 1 of W̃ has 3 entries, expected dX \+ 1 = 2/,
    );
  });

  it('rejects other losses and malformed datasets', () => {
    expect(() => leastSquaresFit(ratData([[0], [1]], [1, 1]), cubicHinge('mean'))).toThrow(/needs the squared loss, got the cubic hinge loss/);
    expect(() => leastSquaresFit({ inputs: [], targets: [] }, loss)).toThrow(/the dataset is empty/);
    expect(() => leastSquaresFit({ inputs: [[Rational.ZERO], [Rational.ONE]], targets: [[Rational.ZERO]] }, loss)).toThrow(/2 inputs but 1 targets/);
    expect(() => leastSquaresFit(ratData([[0], [1, 2]], [1, 1]), loss)).toThrow(/input 1 has 2 entries, input 0 has 1/);
  });
});
