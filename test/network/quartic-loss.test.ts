import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../src/generators/rational.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { quarticPoint } from '../../src/network/quartic-loss.ts';

const F = RationalField;
const entry = smallRational({ maxNumerator: 3, maxDenominator: 2 });
const vector = fc.array(entry, { minLength: 2, maxLength: 3 });

/** ŷ moved by h along the listed coordinates (each with its sign). */
const moved = (yHat: readonly Rational[], h: Rational, moves: readonly [number, number][]): Rational[] =>
  yHat.map((v, k) => moves.reduce((s, [i, c]) => (i === k ? s.add(h.mul(q(c))) : s), v));

describe('the non-convex quartic loss on several outputs', () => {
  it('its Hessian in ŷ matches exact second differences of the value (off the diagonal 0, on it minus the h²φ⁗/12 = h²/2 term)', () => {
    fc.assert(
      fc.property(fc.tuple(vector, vector, entry).filter(([a, b, h]) => a.length === b.length && !h.isZero()), ([yHat, y, h]) => {
        const value = (moves: [number, number][]): Rational => quarticPoint.value(F, moved(yHat, h, moves), y);
        const H = quarticPoint.hessian(F, yHat, y);
        yHat.forEach((_, i) =>
          yHat.forEach((__, j) => {
            const h2 = h.mul(h);
            // For a quartic φ: (φ(r+h) − 2φ(r) + φ(r−h))/h² = φ″(r) + h²·φ⁗/12 with φ⁗ = 6; a sum of
            // functions of single coordinates has zero mixed differences.
            const expected =
              i === j
                ? value([[i, 1]]).sub(value([]).mul(q(2))).add(value([[i, -1]])).div(h2).sub(h2.div(q(2)))
                : value([[i, 1], [j, 1]]).sub(value([[i, 1]])).sub(value([[j, 1]])).add(value([])).div(h2);
            expect(H[i]![j]!.equals(expected)).toBe(true);
          }),
        );
      }),
      { numRuns: 50 },
    );
  });
});
