import { Rational } from '../numbers/rational.ts';
import type { Polynomial } from './polynomial.ts';
import { simplestRationalBetween } from './simplest-rational.ts';
import { squareFreeDecomposition } from './square-free.ts';
import { signVariations, sturmSequence } from './sturm.ts';

/**
 * One real root: exactly `lo` when lo = hi, otherwise the only root of `factor` in the open
 * interval (lo, hi), whose ends are not roots of p. `factor` is the monic square-free factor of p
 * having this root (simply); `multiplicity` is the root's multiplicity in p.
 */
export interface RootInterval {
  readonly lo: Rational;
  readonly hi: Rational;
  readonly multiplicity: number;
  readonly factor: Polynomial;
}

export interface IsolationOptions {
  /** Refine every interval to hi − lo ≤ width (default: stop as soon as roots are separated). */
  readonly width?: Rational;
  /** Only roots strictly greater than this. */
  readonly above?: Rational;
  /** Only roots strictly smaller than this. */
  readonly below?: Rational;
}

export function isExactRoot(root: RootInterval): boolean {
  return root.lo.equals(root.hi);
}

/** 1 + max |c_k / c_n|: every complex root has modulus strictly below it. */
export function cauchyRootBound(p: Polynomial): Rational {
  if (p.degree < 1) return Rational.ONE;
  const lead = p.leadingCoefficient().abs();
  const largest = p.coefficients.slice(0, -1).reduce((m, c) => m.max(c.abs()), Rational.ZERO);
  return Rational.ONE.add(largest.div(lead));
}

/**
 * All real roots of p (in the optional open window), each in its own rational interval, ascending,
 * with multiplicity. Decisions are exact: Sturm counts separate roots, rational roots met on the
 * way (midpoints, simplest rationals of intervals) are returned as points.
 */
export function isolateRealRoots(p: Polynomial, options: IsolationOptions = {}): RootInterval[] {
  if (p.isZero()) throw new RangeError('the zero polynomial has infinitely many roots');
  if (options.width !== undefined && options.width.sign() <= 0) {
    throw new RangeError(`root isolation width must be > 0, got ${options.width.toString()}`);
  }
  const roots = squareFreeDecomposition(p).flatMap(({ factor, multiplicity }) =>
    isolateSimpleRoots(factor, options).map((r) => ({ ...r, multiplicity, factor })),
  );
  return separate(roots).sort((a, b) => a.lo.compare(b.lo));
}

/** The interval shrunk (by bisection, exactly) until hi − lo ≤ width or the root is found exactly. */
export function refineRootInterval(root: RootInterval, width: Rational): RootInterval {
  if (width.sign() <= 0) throw new RangeError(`refinement width must be > 0, got ${width.toString()}`);
  let r = root;
  while (!isExactRoot(r) && r.hi.sub(r.lo).gt(width)) r = bisect(r);
  return r;
}

function isolateSimpleRoots(f: Polynomial, options: IsolationOptions): { lo: Rational; hi: Rational }[] {
  const bound = cauchyRootBound(f);
  const lower = options.above === undefined ? bound.neg() : options.above.max(bound.neg());
  const upper = options.below === undefined ? bound : options.below.min(bound);
  if (!lower.lt(upper)) return [];
  const sturm = sturmSequence(f);
  const variations = new Map<string, number>();
  const V = (x: Rational): number => {
    const key = x.toString();
    let v = variations.get(key);
    if (v === undefined) variations.set(key, (v = signVariations(sturm, x)));
    return v;
  };
  // Roots in the open interval (lo, hi): V is right-continuous for square-free f.
  const openCount = (lo: Rational, hi: Rational): number => V(lo) - V(hi) - (f.signAt(hi) === 0 ? 1 : 0);
  const found: { lo: Rational; hi: Rational }[] = [];
  const pending: [Rational, Rational][] = [[lower, upper]];
  while (pending.length > 0) {
    const [lo, hi] = pending.pop()!;
    const n = openCount(lo, hi);
    if (n === 0) continue;
    if (n === 1) {
      const r = refineToWidth({ lo, hi, multiplicity: 1, factor: f }, options.width);
      found.push({ lo: r.lo, hi: r.hi });
      continue;
    }
    const mid = lo.add(hi).div(Rational.of(2));
    if (f.signAt(mid) === 0) found.push({ lo: mid, hi: mid });
    pending.push([lo, mid], [mid, hi]);
  }
  return found;
}

function refineToWidth(root: RootInterval, width: Rational | undefined): RootInterval {
  const exact = tryExact(root);
  if (exact !== null) return exact;
  return width === undefined ? root : refineRootInterval(root, width);
}

/** The simplest rational of the interval, if it is the root. */
function tryExact(root: RootInterval): RootInterval | null {
  if (isExactRoot(root)) return root;
  const s = simplestRationalBetween(root.lo, root.hi);
  return root.factor.signAt(s) === 0 ? { ...root, lo: s, hi: s } : null;
}

/** One exact halving step of an isolating interval of a simple root. */
function bisect(root: RootInterval): RootInterval {
  const exact = tryExact(root);
  if (exact !== null) return exact;
  const f = root.factor;
  const mid = root.lo.add(root.hi).div(Rational.of(2));
  const sMid = f.signAt(mid);
  if (sMid === 0) return { ...root, lo: mid, hi: mid };
  const sLo = f.signAt(root.lo);
  const sHi = f.signAt(root.hi);
  let left: boolean;
  if (sLo !== 0) left = sMid !== sLo;
  else if (sHi !== 0) left = sMid === sHi;
  else left = rootsIn(f, root.lo, mid) > 0; // both ends are roots (window ends): fall back to Sturm
  return left ? { ...root, hi: mid } : { ...root, lo: mid };
}

function rootsIn(f: Polynomial, lo: Rational, hi: Rational): number {
  const s = sturmSequence(f);
  return signVariations(s, lo) - signVariations(s, hi) - (f.signAt(hi) === 0 ? 1 : 0);
}

function overlaps(a: RootInterval, b: RootInterval): boolean {
  if (isExactRoot(a) && isExactRoot(b)) {
    // Coprime square-free factors share no root, so this would be an arithmetic fault.
    if (a.lo.equals(b.lo)) throw new Error(`root ${a.lo.toString()} found in two coprime factors`);
    return false;
  }
  if (isExactRoot(a)) return b.lo.lt(a.lo) && a.lo.lt(b.hi);
  if (isExactRoot(b)) return a.lo.lt(b.lo) && b.lo.lt(a.hi);
  return a.lo.max(b.lo).lt(a.hi.min(b.hi));
}

/** Roots of different square-free factors are distinct: bisect until their intervals are disjoint. */
function separate(roots: RootInterval[]): RootInterval[] {
  const out = [...roots];
  for (;;) {
    let clash: [number, number] | null = null;
    for (let i = 0; i < out.length && clash === null; i++) {
      for (let j = i + 1; j < out.length; j++) {
        if (overlaps(out[i]!, out[j]!)) {
          clash = [i, j];
          break;
        }
      }
    }
    if (clash === null) return out;
    const [i, j] = clash;
    const wider = out[i]!.hi.sub(out[i]!.lo).ge(out[j]!.hi.sub(out[j]!.lo)) ? i : j;
    out[wider] = bisect(out[wider]!);
  }
}
