// The fraction-free route of rational Gauss–Jordan against the plain rational one (the generic
// field code, reached through a copy of RationalField): identical rows, pivots, transforms,
// solutions and inconsistency certificates, on random matrices of every rank.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import type { Field } from '../../src/numbers/field.ts';
import { Matrix } from '../../src/linalg/matrix.ts';
import { rrefWithTransform, solveMatrix } from '../../src/linalg/elimination.ts';

/** The same field under another identity: elimination then takes the generic Gauss–Jordan path. */
const PlainRationals: Field<Rational> = { ...RationalField };

const entry = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.integer({ min: -5, max: 5 }) },
).chain((n) => fc.integer({ min: 1, max: 4 }).map((d) => Rational.of(n, d)));

/** A rows×cols matrix, sometimes made rank-deficient by repeating combinations of earlier rows. */
const matrices = fc.record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 6 }), extra: fc.integer({ min: 0, max: 3 }) }).chain(({ rows, cols, extra }) =>
  fc.tuple(
    fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
    fc.array(fc.tuple(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -2, max: 2 })), { minLength: extra, maxLength: extra }),
    fc.array(fc.array(entry, { minLength: 2, maxLength: 2 }), { minLength: rows + extra, maxLength: rows + extra }),
  ).map(([base, combos, rhs]) => {
    const rowsOut = [...base];
    for (const [s, t] of combos) {
      const a = rowsOut[0]!;
      const b = rowsOut[rowsOut.length - 1]!;
      rowsOut.push(a.map((x, j) => x.mul(Rational.fromInt(s)).add(b[j]!.mul(Rational.fromInt(t)))));
    }
    return { A: rowsOut, B: rhs };
  }),
);

const strings = (M: Matrix<Rational>): string[][] => M.toArrays().map((r) => r.map(String));

describe('fraction-free Gauss–Jordan over the rationals', () => {
  it('gives the RREF, pivots and transform of plain rational Gauss–Jordan', () => {
    fc.assert(
      fc.property(matrices, ({ A }) => {
        const fast = rrefWithTransform(Matrix.from(RationalField, A, A[0]!.length));
        const plain = rrefWithTransform(Matrix.from(PlainRationals, A, A[0]!.length));
        expect(fast.pivotColumns).toEqual(plain.pivotColumns);
        expect(strings(fast.rref)).toEqual(strings(plain.rref));
        expect(strings(fast.transform)).toEqual(strings(plain.transform));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same solutions, null bases and inconsistency certificates', () => {
    fc.assert(
      fc.property(matrices, ({ A, B }) => {
        const cols = A[0]!.length;
        const fast = solveMatrix(Matrix.from(RationalField, A, cols), Matrix.from(RationalField, B, 2));
        const plain = solveMatrix(Matrix.from(PlainRationals, A, cols), Matrix.from(PlainRationals, B, 2));
        expect(fast.kind).toBe(plain.kind);
        if (fast.kind === 'solution' && plain.kind === 'solution') {
          expect(strings(fast.particular)).toEqual(strings(plain.particular));
          expect(fast.nullBasis.map((v) => v.map(String))).toEqual(plain.nullBasis.map((v) => v.map(String)));
        } else if (fast.kind === 'inconsistent' && plain.kind === 'inconsistent') {
          expect(fast.column).toBe(plain.column);
          expect(fast.certificate.map(String)).toEqual(plain.certificate.map(String));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every intermediate division exact on a matrix whose rows need scaling', () => {
    // Rows with denominators 2, 3, 6 and a rank drop: E·M = R is checked by multiplication.
    const M = Matrix.from(
      RationalField,
      [
        [Rational.of(1, 2), Rational.of(1, 3), Rational.of(1, 6)],
        [Rational.of(1, 3), Rational.of(1, 4), Rational.of(1, 5)],
        [Rational.of(5, 6), Rational.of(7, 12), Rational.of(11, 30)],
      ],
      3,
    );
    const { rref, transform, rank } = rrefWithTransform(M);
    expect(rank).toBe(2);
    expect(strings(transform.mul(M))).toEqual(strings(rref));
  });
});
