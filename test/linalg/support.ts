import fc from 'fast-check';
import { smallRational } from '../../src/generators/rational.ts';
import { Matrix } from '../../src/linalg/matrix.ts';
import type { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';

const Q = RationalField;

/** A rows×cols matrix of small rationals. */
export function ratMatrix(rows: number, cols: number, maxNumerator = 6, maxDenominator = 4): fc.Arbitrary<Matrix<Rational>> {
  return fc
    .array(fc.array(smallRational({ maxNumerator, maxDenominator }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })
    .map((r) => Matrix.from(Q, r, cols));
}

/** m×n as a product of m×r and r×n factors: rank ≤ r, usually rank-deficient. */
export function lowRankMatrix(m: number, n: number, r: number): fc.Arbitrary<Matrix<Rational>> {
  return fc.tuple(ratMatrix(m, r, 3, 2), ratMatrix(r, n, 3, 2)).map(([A, B]) => A.mul(B));
}

/** A small matrix of any shape up to maxDim×maxDim (empty included), full or low rank. */
export function anyMatrix(maxDim = 4, minDim = 0): fc.Arbitrary<Matrix<Rational>> {
  return fc
    .record({ m: fc.integer({ min: minDim, max: maxDim }), n: fc.integer({ min: minDim, max: maxDim }), r: fc.integer({ min: 0, max: maxDim }), thin: fc.boolean() })
    .chain(({ m, n, r, thin }) => (thin ? lowRankMatrix(m, n, Math.min(r, m, n)) : ratMatrix(m, n)));
}

/** A square matrix of size 0..maxDim, full or low rank. */
export function squareMatrix(maxDim = 4, minDim = 0): fc.Arbitrary<Matrix<Rational>> {
  return fc
    .record({ n: fc.integer({ min: minDim, max: maxDim }), r: fc.integer({ min: 0, max: maxDim }), thin: fc.boolean() })
    .chain(({ n, r, thin }) => (thin ? lowRankMatrix(n, n, Math.min(r, n)) : ratMatrix(n, n)));
}

/** A symmetric matrix: B + Bᵀ, or a low-rank XᵀDX with D of mixed signs, or with a zero diagonal. */
export function symmetricMatrix(maxDim = 4, minDim = 1): fc.Arbitrary<Matrix<Rational>> {
  return fc.integer({ min: minDim, max: maxDim }).chain((n) =>
    fc.oneof(
      ratMatrix(n, n).map((B) => B.add(B.transpose())),
      fc.integer({ min: 0, max: n }).chain((r) =>
        fc.tuple(ratMatrix(r, n, 3, 2), fc.array(fc.integer({ min: -2, max: 2 }), { minLength: r, maxLength: r })).map(([X, d]) =>
          X.transpose().mul(Matrix.diag(Q, d.map((x) => Q.fromInt(x)))).mul(X),
        ),
      ),
      ratMatrix(n, n).map((B) => B.add(B.transpose()).map(Q, (x, i, j) => (i === j ? Q.zero : x))),
    ),
  );
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, k) => [...p.slice(0, k), n - 1, ...p.slice(k)]));
}

function parity(p: readonly number[]): 1 | -1 {
  let sign: 1 | -1 = 1;
  for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) if (p[i]! > p[j]!) sign = sign === 1 ? -1 : 1;
  return sign;
}

/** det by the Leibniz formula: Σ_σ sgn(σ) Π a_{i,σ(i)}. */
export function leibnizDeterminant(M: Matrix<Rational>): Rational {
  return permutations(M.rows).reduce((acc, p) => {
    const term = p.reduce((t, j, i) => t.mul(M.get(i, j)), Q.one);
    return parity(p) === 1 ? acc.add(term) : acc.sub(term);
  }, Q.zero);
}

function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  return [...subsets(n - 1, k), ...subsets(n - 1, k - 1).map((s) => [...s, n - 1])];
}

/** Rank as the size of the largest non-zero minor (Leibniz determinants). */
export function bruteForceRank(M: Matrix<Rational>): number {
  for (let k = Math.min(M.rows, M.cols); k > 0; k--) {
    for (const rows of subsets(M.rows, k)) {
      for (const cols of subsets(M.cols, k)) if (!leibnizDeterminant(M.select(rows, cols)).isZero()) return k;
    }
  }
  return 0;
}

/** adj(M)_{ij} = (−1)^{i+j} det(M without row j and column i), by Leibniz. */
export function cofactorAdjugate(M: Matrix<Rational>): Matrix<Rational> {
  const n = M.rows;
  const others = (k: number): number[] => Array.from({ length: n }, (_, i) => i).filter((i) => i !== k);
  return Matrix.build(Q, n, n, (i, j) => {
    const minor = leibnizDeterminant(M.select(others(j), others(i)));
    return (i + j) % 2 === 0 ? minor : minor.neg();
  });
}

export function identity(n: number): Matrix<Rational> {
  return Matrix.identity(Q, n);
}

export function isZeroVector(v: readonly Rational[]): boolean {
  return v.every((x) => x.isZero());
}
