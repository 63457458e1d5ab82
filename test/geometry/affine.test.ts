import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFeasibility, equalTo, linearSystem, parametrizeEqualities, pointFromFree, satisfiesSystem, verifyInfeasibility } from '../../src/geometry/index.ts';
import { rationalVector, smallRational } from '../../src/generators/rational.ts';

describe('solution sets of equality rows', () => {
  it('every choice of the free variables solves the rows; null exactly when the LP certifies inconsistency', () => {
    const instance = fc
      .integer({ min: 1, max: 3 })
      .chain((d) =>
        fc.tuple(
          fc.constant(d),
          fc.array(fc.tuple(rationalVector(d, { maxNumerator: 2, maxDenominator: 1 }), smallRational({ maxDenominator: 1 })), { maxLength: 4 }),
          rationalVector(d),
        ),
      );
    let nulls = 0;
    fc.assert(
      fc.property(instance, ([d, rows, values]) => {
        const system = linearSystem(d, rows.map(([a, b]) => equalTo(a, b)));
        const param = parametrizeEqualities(d, system.constraints);
        const lp = checkFeasibility(system);
        if (param === null) {
          nulls++;
          expect(lp.feasible).toBe(false);
          if (!lp.feasible) expect(verifyInfeasibility(system, lp.certificate)).toBe(true);
          return;
        }
        expect(lp.feasible).toBe(true);
        expect(param.pivots.length + param.free.length).toBe(d);
        expect(satisfiesSystem(system, pointFromFree(param, values.slice(0, param.free.length)))).toBe(true);
      }),
      { numRuns: 100, seed: 11 },
    );
    expect(nulls).toBeGreaterThan(0);
  });
});
