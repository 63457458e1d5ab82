import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { piecewiseLinear } from '../../../src/network/activation.ts';
import { kinkOf, orientKink, satisfiesAssumption4 } from '../../../src/network/he-kink.ts';

const F = RationalField;
const q = (n: number, d = 1): Rational => Rational.of(n, d);
const strings = (k: { t: Rational; value: Rational; sMinus: Rational; sPlus: Rational; sigma: Rational | null }): string[] =>
  [k.t, k.value, k.sMinus, k.sPlus, k.sigma ?? 'none'].map(String);

describe('he: turning points of a piecewise linear activation', () => {
  // Breakpoints −2, 0, 1; slopes 1, −1, 2, 0; h(0) = 0.
  const h = piecewiseLinear(F, { breakpoints: [q(-2), q(0), q(1)], slopes: [q(1), q(-1), q(2), q(0)] });

  it('σ is the distance to the nearer neighbour', () => {
    // t = 0: neighbours at distance 2 (left) and 1 (right), σ = 1.
    expect(strings(kinkOf(h, 1))).toEqual(['0', '0', '-1', '2', '1']);
    // t = −2: only a right neighbour at distance 2; h(−2) = 0 − (−1)·2 = 2.
    expect(strings(kinkOf(h, 0))).toEqual(['-2', '2', '1', '-1', '2']);
    // t = 1 is the last one: σ = 1, h(1) = 2.
    expect(strings(kinkOf(h, 2))).toEqual(['1', '2', '2', '0', '1']);
  });

  it('rejects indices that are not breakpoints', () => {
    expect(() => kinkOf(h, 3)).toThrow(/breakpoint 3 does not exist: the activation has 3 breakpoint\(s\)/);
    expect(() => kinkOf(h, -1)).toThrow(/breakpoint -1 does not exist/);
    expect(() => kinkOf(h, 0.5)).toThrow(/breakpoint 0.5 does not exist/);
  });

  it('orientKink mirrors when s+ = 0, at the mirrored index', () => {
    // Breakpoints −1, 2, slopes 1, 3, 0. At t = 2, s+ = 0: h̃(u) = h(−u) has breakpoints −2, 1 and
    // slopes 0, −3, −1; t = 2 becomes −2 (index 0) with s− = 0, s+ = −3, σ = 3, h̃(−2) = h(2) = 6.
    const g = piecewiseLinear(F, { breakpoints: [q(-1), q(2)], slopes: [q(1), q(3), q(0)] });
    const o = orientKink(g, 1);
    expect(o.mirrored).toBe(true);
    expect(o.kink.index).toBe(0);
    expect(strings(o.kink)).toEqual(['-2', '6', '0', '-3', '3']);
    expect(o.activation.breakpoints.map(String)).toEqual(['-2', '1']);
    // s+ ≠ 0: kept as it is.
    const kept = orientKink(g, 0);
    expect(kept.mirrored).toBe(false);
    expect(kept.activation).toBe(g);
  });

  it('orientKink refuses a breakpoint where the slope does not change', () => {
    const flat = piecewiseLinear(F, { breakpoints: [q(0)], slopes: [q(1), q(1)] });
    expect(() => orientKink(flat, 0)).toThrow(/breakpoint 0 is not a turning point: both slopes are 1/);
  });

  it('Assumption 4: s− + s+ ≠ 0', () => {
    expect(satisfiesAssumption4(kinkOf(h, 0))).toBe(false);
    expect(satisfiesAssumption4(kinkOf(h, 1))).toBe(true);
  });
});
