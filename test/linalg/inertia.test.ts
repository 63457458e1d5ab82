import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characteristicPolynomial } from '../../src/linalg/characteristic-polynomial.ts';
import { floatSymmetricEigenvalues } from '../../src/linalg/float.ts';
import {
  inertia,
  inertiaCounts,
  isPositiveDefinite,
  isPositiveSemidefinite,
  negativeDirection,
  nullDirection,
} from '../../src/linalg/inertia.ts';
import { ldlt } from '../../src/linalg/ldl.ts';
import { Matrix, rat } from '../../src/linalg/matrix.ts';
import { RootCounter } from '../../src/linalg/sturm.ts';
import { dot } from '../../src/numbers/field.ts';
import { FloatField } from '../../src/numbers/float-field.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { isZeroVector, leibnizDeterminant, ratMatrix, symmetricMatrix } from './support.ts';

const Q = RationalField;

/** Inertia from the characteristic polynomial: exact Sturm counts of its roots, with multiplicity. */
function sturmInertia(H: Matrix<Rational>): { positive: number; negative: number; zero: number } {
  const p = characteristicPolynomial(H);
  const counter = new RootCounter(p);
  return {
    positive: counter.count(Rational.ZERO, 'inf', { lowerOpen: true, withMultiplicity: true }),
    negative: counter.count('-inf', Rational.ZERO, { upperOpen: true, withMultiplicity: true }),
    zero: H.rows === 0 ? 0 : p.orderAtZero(),
  };
}

describe('symmetric LDLᵀ and inertia', () => {
  it('PᵀHP = LDLᵀ with P a permutation, L unit lower triangular, D block diagonal', () => {
    fc.assert(
      fc.property(symmetricMatrix(5), (H) => {
        const { P, L, D, blocks, permutation } = ldlt(H);
        const n = H.rows;
        expect([...permutation].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(P.transpose().mul(P).equals(Matrix.identity(Q, n))).toBe(true);
        expect(P.transpose().mul(H).mul(P).equals(L.mul(D).mul(L.transpose()))).toBe(true);
        const inBlock = new Map<number, number>();
        blocks.forEach((b) => {
          for (let t = 0; t < b.size; t++) inBlock.set(b.start + t, b.start);
        });
        expect(inBlock.size).toBe(n);
        for (let i = 0; i < n; i++) {
          expect(L.get(i, i).equals(Q.one)).toBe(true);
          for (let j = 0; j < n; j++) {
            if (j > i) expect(L.get(i, j).isZero()).toBe(true);
            if (inBlock.get(i) !== inBlock.get(j)) expect(D.get(i, j).isZero()).toBe(true);
            else if (i !== j) expect(L.get(Math.max(i, j), Math.min(i, j)).isZero()).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('counts equal the exact Sturm root counts of the characteristic polynomial', () => {
    fc.assert(
      fc.property(symmetricMatrix(5), (H) => {
        expect(inertiaCounts(H)).toEqual(sturmInertia(H));
      }),
      { numRuns: 80 },
    );
  });

  it('is invariant under congruence (Sylvester’s law of inertia)', () => {
    const pair = symmetricMatrix(4).chain((H) => fc.tuple(fc.constant(H), ratMatrix(H.rows, H.rows, 3, 2)));
    fc.assert(
      fc.property(pair, ([H, S]) => {
        fc.pre(!leibnizDeterminant(S).isZero());
        expect(inertiaCounts(S.transpose().mul(H).mul(S))).toEqual(inertiaCounts(H));
      }),
      { numRuns: 80 },
    );
  });

  it('agrees with ml-matrix eigenvalue signs when these are well separated from 0', () => {
    fc.assert(
      fc.property(symmetricMatrix(5), (H) => {
        const eigenvalues = floatSymmetricEigenvalues(H);
        const scale = Math.max(1, ...eigenvalues.map(Math.abs));
        fc.pre(eigenvalues.every((l) => Math.abs(l) < 1e-9 * scale || Math.abs(l) > 1e-6 * scale));
        const counted = {
          positive: eigenvalues.filter((l) => l > 1e-6 * scale).length,
          negative: eigenvalues.filter((l) => l < -1e-6 * scale).length,
          zero: eigenvalues.filter((l) => Math.abs(l) < 1e-9 * scale).length,
        };
        expect(inertiaCounts(H)).toEqual(counted);
      }),
      { numRuns: 80 },
    );
  });

  it('certificates: dᵀHd < 0 exactly when a negative eigenvalue exists, Hd = 0 when singular', () => {
    fc.assert(
      fc.property(symmetricMatrix(5), (H) => {
        const result = inertia(H);
        const d = result.negativeDirection;
        expect(d === null).toBe(result.negative === 0);
        if (d !== null) expect(dot(Q, d, H.mulVec(d)).sign()).toBe(-1);
        const z = result.nullDirection;
        expect(z === null).toBe(result.zero === 0);
        if (z !== null) {
          expect(isZeroVector(z)).toBe(false);
          expect(isZeroVector(H.mulVec(z))).toBe(true);
        }
        expect(negativeDirection(H) === null).toBe(d === null);
        expect(nullDirection(H) === null).toBe(z === null);
      }),
      { numRuns: 80 },
    );
  });

  it('Gram matrices XᵀX are PSD, and PD exactly when X has full column rank', () => {
    const gram = fc
      .record({ m: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 4 }) })
      .chain(({ m, n }) => ratMatrix(m, n, 3, 2));
    fc.assert(
      fc.property(gram, (X) => {
        const G = X.transpose().mul(X);
        expect(isPositiveSemidefinite(G)).toBe(true);
        expect(isPositiveDefinite(G)).toBe(!leibnizDeterminant(G).isZero());
        expect(isPositiveSemidefinite(G.neg())).toBe(G.isZero());
      }),
      { numRuns: 80 },
    );
  });

  it('zero diagonals need 2×2 pivots', () => {
    const H = rat([
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 2],
    ]);
    const result = inertia(H);
    expect([result.positive, result.negative, result.zero]).toEqual([2, 1, 0]);
    expect(result.factorization.blocks.some((b) => b.size === 2)).toBe(true);
    expect(inertiaCounts(Matrix.zeros(Q, 3, 3))).toEqual({ positive: 0, negative: 0, zero: 3 });
    expect(inertiaCounts(Matrix.zeros(Q, 0, 0))).toEqual({ positive: 0, negative: 0, zero: 0 });
  });

  it('over floats, reconstructs PᵀHP ≈ LDLᵀ', () => {
    fc.assert(
      fc.property(symmetricMatrix(5), (H) => {
        const Hf = H.map(FloatField, (x) => x.toNumber());
        const { P, L, D } = ldlt(Hf);
        const lhs = P.transpose().mul(Hf).mul(P).toArrays().flat();
        const rhs = L.mul(D).mul(L.transpose()).toArrays().flat();
        const scale = Math.max(1, ...lhs.map(Math.abs));
        lhs.forEach((x, k) => expect(Math.abs(x - rhs[k]!)).toBeLessThan(1e-9 * scale));
      }),
      { numRuns: 50 },
    );
  });

  it('rejects non-symmetric input', () => {
    expect(() => inertia(rat([[1, 2], [3, 4]]))).toThrow(/not symmetric at \(0,1\)/);
    expect(() => inertia(rat([[1, 2]]))).toThrow(/square/);
  });
});
