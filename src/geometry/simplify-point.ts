import { Rational } from '../numbers/rational.ts';
import { parametrizeEqualities, pointFromFree } from './affine.ts';
import { isHomogeneous, satisfiesSystem, type LinearSystem } from './constraint.ts';
import { bitSize, primitiveIntegerVector, simplestBetween } from './simplest.ts';

const MAX_HALVINGS = 64;

/**
 * A simpler point of the same system near a feasible one: the free coordinates of the equality
 * rows are replaced by the simplest rationals within ±δ, for δ = 2^e, 2^(e−1), …, and the first
 * candidate that satisfies every row exactly wins. A cone (all bounds zero) is then scaled to its
 * primitive integer vector. Returns the input when nothing simpler is found.
 */
export function simplifyFeasiblePoint(system: LinearSystem, point: readonly Rational[]): Rational[] {
  if (!satisfiesSystem(system, point)) throw new RangeError('simplifyFeasiblePoint: the point is not feasible');
  const equalities = system.constraints.filter((c) => c.kind === '=');
  const param = parametrizeEqualities(system.dimension, equalities);
  if (param === null) throw new Error('simplifyFeasiblePoint: feasible point of an inconsistent system');
  let best = [...point];
  const free = param.free.map((f) => point[f]!);
  if (free.length > 0) {
    const largest = free.reduce((m, v) => (v.abs().gt(m) ? v.abs() : m), Rational.ZERO);
    let exponent = largest.isZero() ? 1 : Rational.fromInt(largest.ceil()).bitLength() + 1;
    for (let k = 0; k < MAX_HALVINGS; k++, exponent--) {
      const delta = powerOfTwo(exponent);
      const candidate = pointFromFree(param, free.map((v) => simplestBetween(v.sub(delta), v.add(delta))));
      if (satisfiesSystem(system, candidate)) {
        if (bitSize(candidate) < bitSize(best)) best = candidate;
        break;
      }
    }
  }
  if (isHomogeneous(system)) best = primitiveIntegerVector(best);
  return best;
}

function powerOfTwo(e: number): Rational {
  return e >= 0 ? Rational.of(1n << BigInt(e)) : Rational.of(1n, 1n << BigInt(-e));
}
