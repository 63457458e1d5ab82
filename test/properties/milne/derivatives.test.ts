import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinant } from '../../../src/linalg/determinant.ts';
import { Matrix } from '../../../src/linalg/matrix.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import {
  determinantAlongLine,
  jacobiDerivative,
  lemma5SecondDerivative,
  lemma6Derivatives,
  milneFrozenOutputAlongLine,
  milneLossAlongLine,
  milneOutputGradient,
  milnePreActivationsAlongLine,
  milneSwitchRadius,
  polynomialDerivativeAtZero,
} from '../../../src/network/milne-derivatives.ts';
import { milneMatrix, milneOutput, milnePerturbation, milneSwitches, powerOfMinusOne } from '../../../src/network/milne-matrix.ts';
import { problem, type MilneProblem, type Weights } from '../../../properties/milne/_instances.ts';
import { ratMatrix } from '../../linalg/support.ts';
import { centralDifferences, D, dec, decimalDeterminantAt, near, nestedRelu } from './support.ts';

const q = (x: number | string): Rational => Rational.from(x);

const squarePair = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.record({ A: ratMatrix(n, n, 4, 3), X: ratMatrix(n, n, 4, 3) }))
  .filter(({ A }) => !determinant(A).isZero());

describe('t ↦ det(A + tX)', () => {
  it('the interpolated polynomial equals det(A + tX) at points off the nodes', () => {
    fc.assert(
      fc.property(squarePair, fc.integer({ min: -7, max: 7 }), ({ A, X }, k) => {
        const t = q(k).div(q(3));
        expect(determinantAlongLine(A, X).evaluate(t).equals(determinant(A.add(X.scale(t))))).toBe(true);
      }),
      { numRuns: 40, seed: 51 },
    );
  });

  it("Jacobi's formula and Lemma 5 agree with decimal.js finite differences", () => {
    fc.assert(
      fc.property(squarePair, ({ A, X }) => {
        const fd = centralDifferences((t) => decimalDeterminantAt(A, X, t));
        expect(near(jacobiDerivative(A, X), fd.first)).toBe(true);
        expect(near(lemma5SecondDerivative(A, X), fd.second, 10)).toBe(true);
      }),
      { numRuns: 30, seed: 52 },
    );
  });

  it('hand example: det(I + tX) for X = [[0, 1], [1, 0]] is 1 − t²', () => {
    const I = Matrix.identity(RationalField, 2);
    const X = Matrix.from(RationalField, [
      [q(0), q(1)],
      [q(1), q(0)],
    ]);
    expect(determinantAlongLine(I, X).coefficients.map(String)).toEqual(['1', '0', '-1']);
    expect(lemma5SecondDerivative(I, X).toString()).toBe('-2');
  });
});

/** ℓ(W + tX) in decimal.js through nested ReLUs (not the library's forward pass nor its polynomials). */
function decimalLoss(p: MilneProblem, X: Weights, t: Decimal): Decimal {
  const W = p.W.map((Wi, i) => Wi.map((row, j) => row.map((w, k) => dec(w).plus(dec(X[i]![j]![k]!).times(t)))));
  const total = p.inputs.reduce((s, a, i) => {
    const e = nestedRelu(D, a.map(dec), W).minus(dec(p.targets[i]!));
    return s.plus(e.times(e));
  }, D.zero);
  return total.div(p.inputs.length);
}

const free = problem({ targets: 'free', maxDepth: 2 });

describe('derivatives of ℓ along a line', () => {
  it('milneLossAlongLine matches finite differences of the real loss', () => {
    fc.assert(
      fc.property(free, (p) => {
        const line = milneLossAlongLine(p.inputs, p.W, p.targets, p.X);
        const fd = centralDifferences((t) => decimalLoss(p, p.X, t));
        expect(near(polynomialDerivativeAtZero(line, 1), fd.first)).toBe(true);
        expect(near(polynomialDerivativeAtZero(line, 2), fd.second, 10)).toBe(true);
      }),
      { numRuns: 25, seed: 53 },
    );
  });

  it('Lemma 6 with the corner (−1)^H matches finite differences; with the printed corner the first derivative differs when Σf_iy_i′ ≠ 0', () => {
    fc.assert(
      fc.property(problem({ targets: 'free', nonZeroOutputs: true, maxDepth: 2 }), (p) => {
        const H = p.W.length - 1;
        const terms = (corner?: Rational) =>
          p.inputs.map((a, i) => ({ A: milneMatrix(a, p.W, corner ? { corner } : {}), X: milnePerturbation(a, p.W, p.X), target: p.targets[i]! }));
        const fd = centralDifferences((t) => decimalLoss(p, p.X, t));
        const corrected = lemma6Derivatives(terms(powerOfMinusOne(H)));
        expect(near(corrected.first, fd.first)).toBe(true);
        expect(near(corrected.second, fd.second, 10)).toBe(true);
        // Printed corner: first = (2/N)Σ(y_i + f_i)y_i′, so the difference to the truth is (4/N)Σf_iy_i′.
        const printed = lemma6Derivatives(terms());
        const fyPrime = p.inputs.reduce((s, a, i) => {
          const y1 = milneFrozenOutputAlongLine(a, p.W, p.X).coefficient(1);
          return s.add(p.targets[i]!.mul(y1));
        }, Rational.ZERO);
        expect(printed.first.sub(corrected.first).equals(fyPrime.mul(q(4)).div(q(p.inputs.length)))).toBe(true);
      }),
      { numRuns: 25, seed: 54 },
    );
  });

  it('∂y/∂w (milneOutputGradient) matches finite differences of y along coordinate directions', () => {
    fc.assert(
      fc.property(free, (p) => {
        const a = p.inputs[0]!;
        const grad = milneOutputGradient(a, p.W);
        p.W.forEach((Wi, i) =>
          Wi.forEach((row, j) =>
            row.forEach((_, k) => {
              const E = p.W.map((Wl, l) => Wl.map((r, jj) => r.map((__, kk) => (l === i && jj === j && kk === k ? Rational.ONE : Rational.ZERO))));
              const fd = centralDifferences((t) => nestedRelu(D, a.map(dec), p.W.map((Wl, l) => Wl.map((r, jj) => r.map((w, kk) => dec(w).plus(dec(E[l]![jj]![kk]!).times(t)))))));
              expect(near(grad[i]![j]![k]!, fd.first)).toBe(true);
            }),
          ),
        );
      }),
      { numRuns: 15, seed: 55 },
    );
  });
});

describe('pre-activations along a line and the switch radius', () => {
  it('the frozen output polynomial equals y(a, W + tX) for |t| ≤ r, and the switches are those of W at ±r', () => {
    fc.assert(
      fc.property(free, (p) => {
        const a = p.inputs[0]!;
        const r = milneSwitchRadius(a, p.W, p.X);
        const poly = milneFrozenOutputAlongLine(a, p.W, p.X);
        for (const t of [r, r.neg(), r.div(q(7))]) {
          const Wt = p.W.map((Wi, i) => Wi.map((row, j) => row.map((w, k) => w.add(t.mul(p.X[i]![j]![k]!)))));
          expect(poly.evaluate(t).equals(nestedRelu(RationalField, a, Wt))).toBe(true);
          expect(milneSwitches(a, Wt).map((s) => s.map(String).join(''))).toEqual(milneSwitches(a, p.W).map((s) => s.map(String).join('')));
        }
        const z = milnePreActivationsAlongLine(a, p.W, p.X);
        expect(z.length).toBe(p.W.length);
        expect(milneOutput(a, p.W).equals(poly.evaluate(Rational.ZERO))).toBe(true);
      }),
      { numRuns: 30, seed: 56 },
    );
  });
});
