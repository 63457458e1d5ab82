// The integer-scaled rational matrix product against the generic field product (reached through a
// copy of RationalField), entry by entry, including empty and zero shapes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import type { Field } from '../../src/numbers/field.ts';
import { Matrix } from '../../src/linalg/matrix.ts';

const PlainRationals: Field<Rational> = { ...RationalField };
const entry = fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 1, max: 7 })).map(([n, d]) => Rational.of(n, d));
const grid = (rows: number, cols: number) => fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

describe('rational matrix product', () => {
  it('equals the generic field product', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })).chain(([m, k, n]) => fc.tuple(fc.constant([m, k, n] as const), grid(m, k), grid(k, n))),
        ([[m, k, n], a, b]) => {
          const fast = Matrix.from(RationalField, a, k).mul(Matrix.from(RationalField, b, n));
          const plain = Matrix.from(PlainRationals, a, k).mul(Matrix.from(PlainRationals, b, n));
          expect([fast.rows, fast.cols]).toEqual([m, n]);
          expect(fast.toArrays().map((r) => r.map(String))).toEqual(plain.toArrays().map((r) => r.map(String)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('multiplies a worked example: [[1/2, 1/3]]·[[3], [−3/2]] = [[1]]', () => {
    const A = Matrix.from(RationalField, [[Rational.of(1, 2), Rational.of(1, 3)]], 2);
    const B = Matrix.from(RationalField, [[Rational.of(3)], [Rational.of(-3, 2)]], 1);
    expect(A.mul(B).get(0, 0).toString()).toBe('1');
  });
});
