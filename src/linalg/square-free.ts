import { Polynomial } from './polynomial.ts';

/** One factor of a square-free decomposition: `factor` is monic, square-free, of degree ≥ 1. */
export interface SquareFreeFactor {
  readonly factor: Polynomial;
  readonly multiplicity: number;
}

/**
 * Yun's square-free decomposition: p = lc(p) · Π f_k^k with the f_k monic, square-free and
 * pairwise coprime; the roots of f_k are exactly the roots of p of multiplicity k.
 */
export function squareFreeDecomposition(p: Polynomial): SquareFreeFactor[] {
  if (p.isZero()) throw new RangeError('square-free decomposition of the zero polynomial');
  const factors: SquareFreeFactor[] = [];
  // Monic first, so that b and c below carry the same scale (Yun's invariant c = b·Σ f_k′/f_k).
  const monic = p.monic();
  const derivative = monic.derivative();
  const a = monic.gcd(derivative);
  let b = monic.exactDivide(a);
  let c = derivative.exactDivide(a);
  let d = c.sub(b.derivative());
  for (let k = 1; b.degree > 0; k++) {
    const f = b.gcd(d);
    if (f.degree > 0) factors.push({ factor: f, multiplicity: k });
    b = b.exactDivide(f);
    c = d.exactDivide(f);
    d = c.sub(b.derivative());
  }
  return factors;
}

/** p / gcd(p, p′), made monic: the same roots, each simple. */
export function squareFreePart(p: Polynomial): Polynomial {
  if (p.isZero()) throw new RangeError('square-free part of the zero polynomial');
  return p.exactDivide(p.gcd(p.derivative())).monic();
}
