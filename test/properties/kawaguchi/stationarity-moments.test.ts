import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../../src/generators/rational.ts';
import { determinant } from '../../../src/linalg/determinant.ts';
import { augmentedProblem, convertProblem, formalExponential } from '../../../src/network/augmented-objective.ts';
import { intervalField } from '../../../src/numbers/decimal-interval.ts';
import { cubicHinge, squaredError } from '../../../src/network/loss.ts';
import {
  distinctInputGroups,
  groupedLossGradients,
  projectionValues,
  separatingDirection,
  stationarityMoments,
  tensorInterpolationMatrix,
  tensorPower,
  unitSlope,
  vandermonde,
  vandermondeProduct,
} from '../../../src/network/stationarity-moments.ts';
import { Rational, q } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';

const entry = smallRational({ maxNumerator: 2, maxDenominator: 2 });
const key = (x: readonly Rational[]): string => x.map(String).join(',');
const points = (maxDim: number) =>
  fc.integer({ min: 1, max: maxDim }).chain((d) => fc.uniqueArray(fc.array(entry, { minLength: d, maxLength: d }), { minLength: 1, maxLength: 4, selector: key }));

describe('the linear algebra of eq. (12)', () => {
  it('separatingDirection gives distinct projections; det of the Vandermonde matrix is Π(v_l − v_j) (Bareiss vs product)', () => {
    fc.assert(
      fc.property(points(3), (xs) => {
        const u = separatingDirection(xs);
        const v = projectionValues(u, xs);
        expect(new Set(v.map(String)).size).toBe(xs.length);
        expect(determinant(vandermonde(v)).equals(vandermondeProduct(v))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('tensorPower lists all d^t products; interpolation rows hold 1, x, x⊗x, …', () => {
    expect(tensorPower([q(2), q(3)], 2).map(String)).toEqual(['4', '6', '6', '9']);
    expect(tensorPower([q(2), q(3)], 0).map(String)).toEqual(['1']);
    expect(tensorPower([q(1), q(2), q(-1)], 3)).toHaveLength(27);
    const M = tensorInterpolationMatrix([[q(1), q(2)], [q(0), q(-1)]], 1);
    expect(M.toStrings()).toEqual([
      ['1', '1', '2'],
      ['1', '0', '-1'],
    ]);
  });

  it('separatingDirection tries s = 0, −1, 1, −2, 2, … in u = (1, s, …, s^{d−1}) and refuses degenerate input', () => {
    // (0,0), (0,1): s = 0 projects both to 0; s = −1 gives 0 and −1.
    expect(separatingDirection([[q(0), q(0)], [q(0), q(1)]]).map(String)).toEqual(['1', '-1']);
    // Adding (1,1): s = −1 projects (0,0) and (1,1) both to 0; s = 1 gives 0, 1, 2.
    expect(separatingDirection([[q(0), q(0)], [q(0), q(1)], [q(1), q(1)]]).map(String)).toEqual(['1', '1']);
    // (1, 12) and (11, 2) are distinct points even though their entries concatenate alike.
    expect(separatingDirection([[q(1), q(12)], [q(11), q(2)]]).map(String)).toEqual(['1', '0']);
    expect(() => separatingDirection([])).toThrow(/at least one point of positive dimension/);
    expect(() => separatingDirection([[]])).toThrow(/at least one point of positive dimension/);
    expect(() => separatingDirection([[q(1), q(2)], [q(1), q(2)]])).toThrow(/needs distinct points/);
  });

  it('distinctInputGroups and grouped gradients (hand computed)', () => {
    expect(distinctInputGroups([[q(1), q(12)], [q(11), q(2)], [q(1), q(12)]]).members).toEqual([[0, 2], [1]]);
    const inputs = [[q(1)], [q(2)], [q(1)]];
    const groups = distinctInputGroups(inputs);
    expect(groups.members).toEqual([[0, 2], [1]]);
    const p = augmentedProblem(
      RationalField,
      { inputs, outputs: [[q(0)], [q(1)], [q(0)]], targets: [[q(1)], [q(1)], [q(-1)]], loss: squaredError('mean'), lambda: q(1) },
      (z) => z,
    );
    // 2(f − y): −2, 0, 2 → groups: −2 + 2 = 0, 0.
    expect(groupedLossGradients(p, groups).map((s) => s.map(String))).toEqual([['0'], ['0']]);
  });
});

describe('stationarity moments and eq. (10)', () => {
  it('z_t equals a brute-force sum with decimal.js exp at 80 digits, and ζ(ε̄) its series', () => {
    const I = intervalField(60);
    const R = Decimal.clone({ precision: 80 });
    fc.assert(
      fc.property(
        points(2),
        fc.array(entry, { minLength: 4, maxLength: 4 }),
        fc.array(fc.constantFrom(q(1), q(-1)), { minLength: 4, maxLength: 4 }),
        fc.array(entry, { minLength: 3, maxLength: 3 }),
        (xs, f, y, wb) => {
          const m = xs.length;
          const spec = { inputs: xs, outputs: f.slice(0, m).map((v) => [v]), targets: y.slice(0, m).map((v) => [v]), loss: cubicHinge('mean'), lambda: q(1) };
          const pI = convertProblem(augmentedProblem(RationalField, spec, formalExponential), I);
          const w = xs[0]!.map((_, j) => wb[j] ?? q(0));
          const b = wb[2]!;
          const u = separatingDirection(xs);
          const z = stationarityMoments(pI, { b: [I.fromRational(b)], w: [w.map((v) => I.fromRational(v))] }, 0, u.map((v) => I.fromRational(v)), 4);
          const dec = (r: Rational): Decimal => new R(r.num.toString()).div(r.den.toString());
          z.forEach((zt, t) => {
            let s = new R(0);
            xs.forEach((x, i) => {
              const yi = y[i]!;
              const r = Decimal.max(0, new R(1).minus(dec(yi).times(dec(f[i]!))));
              const grad = dec(yi).times(-3).times(r.pow(2));
              const e = dec(x.reduce((acc, v, j) => acc.add(v.mul(w[j]!)), b)).exp();
              s = s.plus(grad.times(e).times(dec(x.reduce((acc, v, j) => acc.add(v.mul(u[j]!)), q(0))).pow(t)));
            });
            expect(zt.lo.minus('1e-50').lte(s) && zt.hi.plus('1e-50').gte(s)).toBe(true);
          });
          // ζ(ε̄) directly vs the first 5 terms of Σ ε̄^t z_t / t! at ε̄ = 1/1000 (tail < 1e-13 here).
          const eps = q(1, 1000);
          const zeta = unitSlope(pI, { b: [I.fromRational(b)], w: [w.map((v) => I.fromRational(v))] }, 0, u.map((v) => I.fromRational(v)), I.fromRational(eps));
          let series = new R(0);
          let fact = new R(1);
          z.forEach((zt, t) => {
            if (t > 0) fact = fact.times(t);
            series = series.plus(zt.midpoint().times(new R(eps.toNumber()).pow(t)).div(fact));
          });
          expect(zeta.midpoint().minus(series).abs().lt('1e-9')).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
