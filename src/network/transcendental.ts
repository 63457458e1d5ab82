import type { Field } from '../numbers/field.ts';
import { NumberError } from '../numbers/errors.ts';
import { NetworkError } from './errors.ts';

/** exp of the field, or a clear error in an exact field (exp of a rational is not rational). */
export function requireExp<T>(F: Field<T>, what: string): (x: T) => T {
  const exp = F.exp;
  if (!exp) {
    throw new NetworkError(`${what} needs exp, which the ${F.name} field does not have (it is exact); evaluate in a float or decimal field`);
  }
  return (x) => exp.call(F, x);
}

/**
 * ln x for x > 0 by Halley's iteration y ← y + 2(x − eʸ)/(x + eʸ) on the field's own exp, started
 * from a double-precision logarithm; cubic convergence reaches the field's precision in a few steps.
 */
export function naturalLog<T>(F: Field<T>, x: T, what = 'log'): T {
  const exp = requireExp(F, what);
  if (F.sign(x) <= 0) throw new NumberError(`${what}: log of ${F.toString(x)} (must be positive)`);
  // decimal.js gives a double-accurate start even where x over- or underflows a double.
  let y = F.fromNumber(F.toDecimal(x).ln().toNumber());
  let lastStep: T | null = null;
  for (let iteration = 0; iteration < 50; iteration++) {
    const e = exp(y);
    const step = F.div(F.mul(F.fromInt(2), F.sub(x, e)), F.add(x, e));
    // Once a correction no longer shrinks it is rounding noise: the previous iterate is converged.
    if (F.isZero(step) || (lastStep !== null && F.compare(F.abs(step), F.abs(lastStep)) >= 0)) return y;
    y = F.add(y, step);
    lastStep = step;
  }
  return y;
}
