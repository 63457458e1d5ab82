import type { Field } from '../numbers/field.ts';
import { dot } from '../numbers/field.ts';
import { nullSpace } from './elimination.ts';
import { ldlt, requireSymmetric, type SymmetricFactorization } from './ldl.ts';
import type { Matrix } from './matrix.ts';
import type { Rational } from '../numbers/rational.ts';
import { clearDenominators } from './denominators.ts';
import { isRationalMatrix } from './rational-matrix.ts';
import { zeroTest, type ZeroToleranceOptions } from './zero-test.ts';

/** Numbers of positive, negative and zero eigenvalues (with multiplicity) of a symmetric matrix. */
export interface InertiaCounts {
  readonly positive: number;
  readonly negative: number;
  readonly zero: number;
}

/**
 * The inertia with its evidence: the congruence PᵀHP = LDLᵀ, a direction d with dᵀHd < 0 when one
 * exists (checked before it is returned), and a non-zero d with Hd = 0 when H is singular.
 */
export interface Inertia<T> extends InertiaCounts {
  readonly factorization: SymmetricFactorization<T>;
  readonly negativeDirection: T[] | null;
  readonly nullDirection: T[] | null;
}

export function inertia<T>(H: Matrix<T>, options: ZeroToleranceOptions<T> = {}): Inertia<T> {
  const factorization = ldlt(H, options);
  const counts = countsOf(H, factorization, options);
  return {
    ...counts,
    factorization,
    negativeDirection: counts.negative > 0 ? negativeDirectionFrom(H, factorization) : null,
    nullDirection: counts.zero > 0 ? nullDirection(H, options) : null,
  };
}

/** Inertia counts only, for callers that do not need the evidence. */
export function inertiaCounts<T>(H: Matrix<T>, options: ZeroToleranceOptions<T> = {}): InertiaCounts {
  return countsOf(H, ldlt(H, options), options);
}

function countsOf<T>(H: Matrix<T>, factorization: SymmetricFactorization<T>, options: ZeroToleranceOptions<T>): InertiaCounts {
  const F = H.field;
  const isZero = zeroTest(H, 'inertia', options);
  let positive = 0;
  let negative = 0;
  let zero = 0;
  for (const block of factorization.blocks) {
    const [p, n, z] = blockInertia(F, factorization.D, block.start, block.size, isZero);
    positive += p;
    negative += n;
    zero += z;
  }
  return { positive, negative, zero };
}

function blockInertia<T>(F: Field<T>, D: Matrix<T>, k: number, size: 1 | 2, isZero: (x: T) => boolean): [number, number, number] {
  if (size === 1) {
    const d = D.get(k, k);
    return isZero(d) ? [0, 0, 1] : F.sign(d) > 0 ? [1, 0, 0] : [0, 1, 0];
  }
  const a = D.get(k, k);
  const c = D.get(k + 1, k + 1);
  const det = F.sub(F.mul(a, c), F.mul(D.get(k, k + 1), D.get(k, k + 1)));
  if (!isZero(det) && F.sign(det) < 0) return [1, 1, 0];
  const trace = F.sign(F.add(a, c));
  if (isZero(det)) return trace > 0 ? [1, 0, 1] : trace < 0 ? [0, 1, 1] : [0, 0, 2];
  return trace > 0 ? [2, 0, 0] : [0, 2, 0];
}

/** In block coordinates: a vector z with zᵀ·E·z < 0 for the block E, or null. */
function negativeInBlock<T>(F: Field<T>, D: Matrix<T>, k: number, size: 1 | 2): T[] | null {
  if (size === 1) return F.sign(D.get(k, k)) < 0 ? [F.one] : null;
  const a = D.get(k, k);
  const b = D.get(k, k + 1);
  const c = D.get(k + 1, k + 1);
  const det = F.sub(F.mul(a, c), F.mul(b, b));
  if (F.sign(a) < 0) return [F.one, F.zero];
  if (F.sign(c) < 0) return [F.zero, F.one];
  if (F.sign(det) >= 0) return null;
  // a, c ≥ 0 > ac − b²: (−b, a)ᵀE(−b, a) = a·det, (c, −b)ᵀE(c, −b) = c·det, (1, ∓1) gives −2|b| when a = c = 0.
  if (F.sign(a) > 0) return [F.neg(b), a];
  if (F.sign(c) > 0) return [c, F.neg(b)];
  return [F.one, F.sign(b) > 0 ? F.neg(F.one) : F.one];
}

/** d = P·L⁻ᵀ·y, so that dᵀHd = yᵀDy and Hd = P·L·D·y. */
function fromBlockCoordinates<T>(F: Field<T>, fac: SymmetricFactorization<T>, y: readonly T[]): T[] {
  const n = y.length;
  const w = [...y];
  for (let i = n - 1; i >= 0; i--) {
    let s: T = w[i]!;
    for (let j = i + 1; j < n; j++) s = F.sub(s, F.mul(fac.L.get(j, i), w[j]!));
    w[i] = s;
  }
  const d: T[] = new Array(n);
  fac.permutation.forEach((original, position) => {
    d[original] = w[position]!;
  });
  return d;
}

function quadraticForm<T>(H: Matrix<T>, d: readonly T[]): T {
  return dot(H.field, d, H.mulVec(d));
}

/** Integer entries for rational vectors: a witness readable by hand. */
function tidy<T>(H: Matrix<T>, d: T[]): T[] {
  return isRationalMatrix(H) ? (clearDenominators(d as unknown as Rational[]) as unknown as T[]) : d;
}

function negativeDirectionFrom<T>(H: Matrix<T>, fac: SymmetricFactorization<T>): T[] | null {
  const F = H.field;
  for (const block of fac.blocks) {
    const z = negativeInBlock(F, fac.D, block.start, block.size);
    if (z === null) continue;
    const y = Array.from({ length: H.rows }, () => F.zero);
    z.forEach((v, i) => {
      y[block.start + i] = v;
    });
    const d = tidy(H, fromBlockCoordinates(F, fac, y));
    if (F.sign(quadraticForm(H, d)) < 0) return d;
    if (F.exact) throw new Error('negative direction failed its exact check: inconsistent LDLᵀ factorisation');
  }
  return null;
}

/** A direction d with dᵀHd < 0 (checked), or null when H is positive semidefinite. */
export function negativeDirection<T>(H: Matrix<T>, options: ZeroToleranceOptions<T> = {}): T[] | null {
  return negativeDirectionFrom(H, ldlt(H, options));
}

/** A non-zero d with Hd = 0 (checked), or null when H is non-singular. */
export function nullDirection<T>(H: Matrix<T>, options: ZeroToleranceOptions<T> = {}): T[] | null {
  requireSymmetric('null direction', H, options);
  const basis = nullSpace(H, options);
  if (basis.length === 0) return null;
  const d = tidy(H, basis[0]!);
  const isZero = zeroTest(H, 'null direction', options);
  if (H.field.exact && !H.mulVec(d).every(isZero)) throw new Error('null direction failed its exact check');
  return d;
}

/** All eigenvalues ≥ 0, decided exactly over the rationals. */
export function isPositiveSemidefinite<T>(H: Matrix<T>, options: ZeroToleranceOptions<T> = {}): boolean {
  return inertiaCounts(H, options).negative === 0;
}

/** All eigenvalues > 0, decided exactly over the rationals. */
export function isPositiveDefinite<T>(H: Matrix<T>, options: ZeroToleranceOptions<T> = {}): boolean {
  return inertiaCounts(H, options).positive === H.rows;
}
