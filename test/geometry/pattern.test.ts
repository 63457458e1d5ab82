import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { q } from '../../src/numbers/rational.ts';
import { FloatField } from '../../src/numbers/float-field.ts';
import {
  activationPattern,
  activationPatternIn,
  degenerateSamples,
  isDifferentiablePattern,
  patternFromUnits,
  patternKey,
  patternOfPreactivations,
  unitsFromPattern,
} from '../../src/geometry/index.ts';
import { rationalRows, smallIntegerRational, rationalVector } from '../../src/generators/rational.ts';
import { decimalField } from '../../src/numbers/decimal-field.ts';

const D60 = Decimal.clone({ precision: 60 });
const ints = (rows: number[][]) => rows.map((r) => r.map((v) => q(v)));

describe('activation patterns', () => {
  it('matches the signs computed independently in decimal.js', () => {
    const instance = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
      .chain(([n, d, k]) => fc.tuple(rationalRows(n, d), rationalRows(k, d), rationalVector(k), fc.boolean()));
    fc.assert(
      fc.property(instance, ([X, W, b, withBias]) => {
        const pattern = activationPattern(X, W, withBias ? b : undefined);
        expect(pattern.length).toBe(X.length);
        X.forEach((x, i) =>
          W.forEach((w, j) => {
            // The same sum in 60-digit decimals; a non-zero exact value here is at least 1/4^4 in size.
            let z = new D60(withBias ? b[j]!.toDecimal(60) : 0);
            w.forEach((wk, t) => (z = z.add(wk.toDecimal(60).mul(x[t]!.toDecimal(60)))));
            const expected = z.abs().lt('1e-40') ? 0 : z.isNeg() ? -1 : 1;
            expect(pattern[i]![j]).toBe(expected);
          }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('the float version agrees on integer data, and the decimal field works too', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.array(fc.array(smallIntegerRational(4), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 4 }), fc.array(fc.array(smallIntegerRational(4), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 })),
        ([X, W]) => {
          const exact = activationPattern(X, W);
          const asFloat = activationPatternIn(FloatField, X.map((r) => r.map((v) => v.toNumber())), W.map((r) => r.map((v) => v.toNumber())));
          expect(patternKey(asFloat)).toBe(patternKey(exact));
          const D = decimalField(30);
          const asDecimal = activationPatternIn(D, X.map((r) => r.map((v) => D.fromRational(v))), W.map((r) => r.map((v) => D.fromRational(v))));
          expect(patternKey(asDecimal)).toBe(patternKey(exact));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('reads the worked example: x1=[-1,1], x2=[2,1], x3=[1,3] with w = (1,0) and (0,1)', () => {
    const p = activationPattern(ints([[-1, 1], [2, 1], [1, 3]]), ints([[1, 0], [0, 1], [1, 1]]));
    expect(patternKey(p)).toBe('-+0|+++|+++');
    expect(isDifferentiablePattern(p)).toBe(false);
    expect(isDifferentiablePattern(p, { ignoreSamples: [0] })).toBe(true);
    expect(unitsFromPattern(p)).toEqual([[-1, 1, 1], [1, 1, 1], [0, 1, 1]]);
    expect(patternFromUnits(unitsFromPattern(p))).toEqual(p);
  });

  it('a zero input is degenerate without bias only', () => {
    const X = ints([[0, 0], [1, 2]]);
    expect(degenerateSamples(X)).toEqual([0]);
    expect(degenerateSamples(X, { bias: true })).toEqual([]);
    expect(activationPattern(X, ints([[5, -3]]))[0]).toEqual([0]);
    expect(activationPattern(X, ints([[5, -3]]), [q(-1)])[0]).toEqual([-1]);
  });

  it('rejects bad shapes and non-finite floats', () => {
    expect(() => activationPattern(ints([[1, 2]]), ints([[1]]))).toThrow(/weights\[0\] has 1 entries/);
    expect(() => activationPattern(ints([[1, 2], [1]]), ints([[1, 1]]))).toThrow(/inputs\[1\]/);
    expect(() => activationPattern(ints([[1]]), ints([[1]]), [q(1), q(2)])).toThrow(/biases/);
    expect(() => patternOfPreactivations(FloatField, [[Number.NaN]])).toThrow(/NaN/);
  });
});
