import { Rational } from '../numbers/rational.ts';
import type { Dataset } from '../network/dataset.ts';
import { NetworkError } from '../network/errors.ts';
import { designMatrix, type UnitActivations } from './design-matrix.ts';
import type { ReparametrisationLayout } from './one-hidden-layer.ts';
import { scalarTargets } from './subglobal-minimum.ts';

/**
 * The fitted values A R* of a region's subglobal minimum (every minimiser gives the same A R*).
 * Solves the normal equations AᵀA R = Aᵀy over the integers by fraction-free (Bareiss)
 * elimination and rational back substitution (much faster than rational elimination on these sizes) and checks the solution
 * exactly before returning.
 */
export function subglobalFit(
  data: Dataset<Rational>,
  activations: UnitActivations,
  layout: Pick<ReparametrisationLayout, 'bias' | 'outputBias'>,
): Rational[] {
  const A = designMatrix(data.inputs, activations, layout).toArrays();
  const y = scalarTargets(data);
  const m = A[0]?.length ?? 0;
  // Scaling a column keeps the column space (and the fit); scaling y scales the fit.
  const colScale = Array.from({ length: m }, (_, j) => lcm(A.map((row) => row[j]!.den)));
  const yScale = lcm(y.map((v) => v.den));
  const Z = A.map((row) => row.map((v, j) => (v.num * colScale[j]!) / v.den));
  const z = y.map((v) => (v.num * yScale) / v.den);
  const G = Array.from({ length: m }, (_, j) => Array.from({ length: m }, (_, k) => Z.reduce((s, row) => s + row[j]! * row[k]!, 0n)));
  const g = Array.from({ length: m }, (_, j) => Z.reduce((s, row, i) => s + row[j]! * z[i]!, 0n));
  const { numerators, denominator } = fractionFreeSolve(G, g);
  return Z.map((row) => Rational.of(row.reduce((s, v, j) => s + v * numerators[j]!, 0n), denominator * yScale));
}

/** A solution x = numerators/denominator of the consistent integer system G x = g (free variables 0), verified exactly. */
function fractionFreeSolve(G: readonly (readonly bigint[])[], g: readonly bigint[]): { numerators: bigint[]; denominator: bigint } {
  const m = G.length;
  const M = G.map((row, i) => [...row, g[i]!]);
  const pivots: number[] = [];
  let previous = 1n;
  for (let c = 0; c < m && pivots.length < m; c++) {
    const r = pivots.length;
    const p = M.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [M[r], M[p]] = [M[p]!, M[r]!];
    const pivotRow = M[r]!;
    const pivot = pivotRow[c]!;
    // Bareiss: every entry below stays a minor of the original matrix, so the division is exact.
    for (let i = r + 1; i < m; i++) {
      const row = M[i]!;
      const factor = row[c]!;
      for (let j = c; j <= m; j++) row[j] = (pivot * row[j]! - factor * pivotRow[j]!) / previous;
    }
    previous = pivot;
    pivots.push(c);
  }
  // Back substitution over the rationals on the echelon form (rows past the rank are zero: consistent).
  const x = Array.from({ length: m }, () => Rational.ZERO);
  for (let r = pivots.length - 1; r >= 0; r--) {
    const c = pivots[r]!;
    const row = M[r]!;
    let rhs = Rational.of(row[m]!);
    for (let k = r + 1; k < pivots.length; k++) rhs = rhs.sub(x[pivots[k]!]!.mul(Rational.of(row[pivots[k]!]!)));
    x[c] = rhs.div(Rational.of(row[c]!));
  }
  const denominator = lcm(x.map((v) => v.den));
  const numerators = x.map((v) => (v.num * denominator) / v.den);
  const consistent = G.every((row, i) => row.reduce((s, v, j) => s + v * numerators[j]!, 0n) === g[i]! * denominator);
  if (!consistent) throw new Error('internal: the fraction-free solution does not satisfy the normal equations');
  return { numerators, denominator };
}

function lcm(values: readonly bigint[]): bigint {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  return values.reduce((l, v) => (l * v) / gcd(l, v), 1n);
}

/** Fraction of samples whose fitted value has the sign of its ±1 label (a fitted 0 counts as wrong). */
export function signAccuracy(fitted: readonly Rational[], data: Dataset<Rational>): Rational {
  const y = scalarTargets(data);
  if (fitted.length !== y.length) throw new NetworkError(`signAccuracy: ${fitted.length} fitted values for ${y.length} samples`);
  const right = fitted.filter((f, i) => f.sign() !== 0 && f.sign() === y[i]!.sign()).length;
  return Rational.of(right, y.length);
}

/** a_ij ∈ {0, 1} independently with probability ½ each (decomposition §4.2's random regions). */
export function randomActivations(samples: number, units: number, random: () => number): Rational[][] {
  return Array.from({ length: samples }, () => Array.from({ length: units }, () => (random() < 0.5 ? Rational.ONE : Rational.ZERO)));
}
