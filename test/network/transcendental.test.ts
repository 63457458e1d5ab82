import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { naturalLog } from '../../src/network/transcendental.ts';
import { decimalField } from '../../src/numbers/decimal-field.ts';
import type { Field } from '../../src/numbers/field.ts';
import { FloatField } from '../../src/numbers/float-field.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';

/** The field with exp wrapped to count its evaluations. */
function counting<T>(F: Field<T>): { field: Field<T>; calls: () => number } {
  let n = 0;
  const exp = F.exp!;
  return {
    field: {
      ...F,
      exp: (z: T) => {
        n++;
        return exp.call(F, z);
      },
    },
    calls: () => n,
  };
}

describe('naturalLog', () => {
  it('stops once a Halley correction no longer shrinks: a handful of exp evaluations from a double start', () => {
    // Cubic convergence from ~16 correct digits reaches 60 digits in two or three steps; the loop
    // allows 50, so a missing stopping rule shows as dozens of evaluations.
    for (const [F, xs] of [
      [decimalField(60), [2, 3, 7, 10, 1234, 0.00037]],
      [decimalField(20), [2, 3, 7, 10, 1234, 0.00037]],
      [FloatField, [2, 3, 7, 10, 1234, 0.00037]],
    ] as const) {
      for (const x of xs) {
        const c = counting(F as Field<Decimal | number>);
        const value = (F as Field<Decimal | number>).fromNumber(x);
        const y = naturalLog(c.field, value);
        expect(c.calls()).toBeLessThanOrEqual(8);
        // And the value is ln x (to the field's precision; 1e-14 covers doubles).
        const ref = new Decimal(x).ln();
        expect(new Decimal(y.toString()).minus(ref).abs().lte(Decimal.max(1, ref.abs()).times('1e-14'))).toBe(true);
      }
    }
  });

  it('names the operation in its errors, "log" by default', () => {
    const D = decimalField(30);
    expect(() => naturalLog(D, D.fromInt(-2))).toThrow(/^log: log of -2 \(must be positive\)/);
    expect(() => naturalLog(D, D.zero, 'the logistic loss')).toThrow(/^the logistic loss: log of 0/);
    expect(() => naturalLog(RationalField, RationalField.one)).toThrow(/^log needs exp/);
  });
});
