import { Rational } from '../numbers/rational.ts';
import { commonDenominator } from './denominators.ts';

/**
 * Gauss–Jordan elimination over the rationals done fraction-free (Bareiss–Jordan): each row is
 * scaled to integers, every step replaces a_kj by (p·a_kj − a_kc·a_rj) / p_prev, an exact bigint
 * division by Sylvester's identity, and only the final entries become fractions. Same pivots
 * (first non-zero row), same row swaps and the same resulting rows as rational Gauss–Jordan —
 * each row of the rational algorithm equals this row divided by the last pivot (and, for rows
 * that never pivot, by their initial integer scale) — without a gcd per operation.
 */
export function fractionFreeReduceInPlace(a: Rational[][], pivotLimit: number): number[] {
  const rows = a.length;
  const width = a[0]?.length ?? 0;
  const scale: bigint[] = [];
  const m: bigint[][] = a.map((row) => {
    const d = commonDenominator(row);
    scale.push(d);
    return row.map((x) => x.num * (d / x.den));
  });
  const pivots: number[] = [];
  let previous = 1n;
  let r = 0;
  for (let c = 0; c < pivotLimit && r < rows; c++) {
    let p = r;
    while (p < rows && m[p]![c] === 0n) p++;
    if (p === rows) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    [scale[r], scale[p]] = [scale[p]!, scale[r]!];
    const pivotRow = m[r]!;
    const pivot = pivotRow[c]!;
    for (let k = 0; k < rows; k++) {
      if (k === r) continue;
      const row = m[k]!;
      const factor = row[c]!;
      for (let j = 0; j < width; j++) {
        const x = factor === 0n ? pivot * row[j]! : pivot * row[j]! - factor * pivotRow[j]!;
        row[j] = previous === 1n ? x : x / previous;
      }
    }
    previous = pivot;
    pivots.push(c);
    r++;
  }
  for (let i = 0; i < rows; i++) {
    const den = i < r ? previous : previous * scale[i]!;
    a[i] = m[i]!.map((x) => Rational.of(x, den));
  }
  return pivots;
}
