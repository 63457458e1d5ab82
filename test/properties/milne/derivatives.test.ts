import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinant } from '../../../src/linalg/determinant.ts';
import { Matrix, rat } from '../../../src/linalg/matrix.ts';
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

describe('options and argument checks', () => {
  // One input a = 1, one weight w = 1 (y = σ(w·a)), target 2, direction X = 1: on the "on" piece
  // ℓ(t) = (1 + t − 2)² = 1 − 2t + t²; with the output frozen off, ℓ(t) = (0 − 2)² = 4.
  const inputs = [[q(1)]];
  const W = [[[q(1)]]];
  const X = [[[q(1)]]];
  const coefficients = (c: readonly Rational[]): string[] => [0, 1, 2].map((k) => (c[k] ?? Rational.ZERO).toString());

  it('milneLossAlongLine adds λ‖W + tX‖² = λ(1 + t)² and honours a frozen pattern', () => {
    expect(coefficients(milneLossAlongLine(inputs, W, [q(2)], X))).toEqual(['1', '-2', '1']);
    // λ = 1/2 adds 1/2 + t + t²/2.
    expect(coefficients(milneLossAlongLine(inputs, W, [q(2)], X, { lambda: q('1/2') }))).toEqual(['3/2', '-1', '3/2']);
    // pattern[point][layer][unit]: position 0 is the ReLU's left piece (off), 2 its right piece (on).
    expect(coefficients(milneLossAlongLine(inputs, W, [q(2)], X, { pattern: [[[0]]] }))).toEqual(['4', '0', '0']);
    expect(coefficients(milneLossAlongLine(inputs, W, [q(2)], X, { pattern: [[[2]]] }))).toEqual(['1', '-2', '1']);
  });

  it('milneLossAlongLine needs one target per input', () => {
    expect(() => milneLossAlongLine([[q(1)], [q(2)]], W, [q(2)], X)).toThrow(/2 inputs but 1 targets/);
  });

  it('determinantAlongLine needs square A and X of the same size', () => {
    expect(() => determinantAlongLine(rat([[1, 2]]), rat([[1, 2]]))).toThrow(/det\(A \+ tX\) needs square A and X of one size, got 1×2 and 1×2/);
    expect(() => determinantAlongLine(rat([[1]]), rat([[1], [2]]))).toThrow(/got 1×1 and 2×1/);
    expect(() => determinantAlongLine(rat([[1]]), rat([[1, 2]]))).toThrow(/got 1×1 and 1×2/);
    // det(1 + 2t) = 1 + 2t.
    expect(determinantAlongLine(rat([[1]]), rat([[2]])).coefficients.map(String)).toEqual(['1', '2']);
  });

  it('lemma6Derivatives needs at least one data point', () => {
    expect(() => lemma6Derivatives([])).toThrow(/Lemma 6 needs at least one data point/);
  });

  it('the pre-activations along a line need X shaped like W', () => {
    expect(() => milnePreActivationsAlongLine([q(1)], [[[q(1), q(2)]], [[q(1)], [q(1)]]], [[[q(1)]]])).toThrow(
      /direction X and weights W have different shapes/,
    );
  });

  it('no switch radius when a pre-activation is 0 at W, even if others are not', () => {
    // a = 1, W_0 = [0, 1]: z_1 = (0, 1); W_1 = [1; 1]: z_2 = 1.
    const W2 = [[[q(0), q(1)]], [[q(1)], [q(1)]]];
    const X2 = [[[q(1), q(0)]], [[q(0)], [q(0)]]];
    expect(() => milneSwitchRadius([q(1)], W2, X2)).toThrow(/a pre-activation is zero at W: no switch radius/);
  });

  it('the radius halves from 1 at most maxHalvings times', () => {
    // z(t) = 1 − 4t/3 has its root at t = 3/4: r = 1 contains it, r = 1/2 does not.
    const Xr = [[[q('-4/3')]]];
    expect(milneSwitchRadius([q(1)], W, Xr, 1).toString()).toBe('1/2');
    expect(() => milneSwitchRadius([q(1)], W, Xr, 0)).toThrow(/no switch radius found/);
    expect(milneSwitchRadius([q(1)], W, [[[q('-1/2')]]], 0).toString()).toBe('1'); // root at t = 2
  });
});
