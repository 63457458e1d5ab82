import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { twoPiece } from '../../../src/network/activation.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { leastSquaresFit } from '../../../src/network/he-linear-model.ts';
import { lemma5Network, linearRegimeMinimum, requireWiderHidden, scaleFor } from '../../../src/network/he-minimum.ts';
import { squaredError } from '../../../src/network/loss.ts';

const F = RationalField;
const q = (n: number | bigint, d = 1): Rational => Rational.of(n, d);
const loss = squaredError('mean');
const data = ratData([[0], [1], [2]], [0, 1, 1]);
const relu = twoPiece(F, q(0), q(1));

/** ‖Z‖²_F by plain loops. */
const normSquared = (rows: readonly (readonly Rational[])[]): Rational => {
  let s = Rational.ZERO;
  for (const row of rows) for (const v of row) s = s.add(v.mul(v));
  return s;
};

/** The least positive integer m with m²σ² > ‖Z‖²_F, by counting up from 1. */
const leastScale = (rows: readonly (readonly Rational[])[], sigma: Rational): bigint => {
  const n2 = normSquared(rows);
  let m = 1n;
  while (!q(m * m).mul(sigma).mul(sigma).gt(n2)) m++;
  return m;
};

describe('he: Assumption 3 (hidden layers wider than the output)', () => {
  it('names the first offending layer and the bound dY + extra', () => {
    expect(() => requireWiderHidden([], 1)).toThrow(/at least one hidden layer/);
    expect(() => requireWiderHidden([1], 1)).toThrow(/hidden layer 1 has width 1; the construction needs at least dY \+ 1 = 2/);
    expect(() => requireWiderHidden([3, 2], 2)).toThrow(/hidden layer 2 has width 2; the construction needs at least dY \+ 1 = 3/);
    // A width must be an integer even when it is large enough.
    expect(() => requireWiderHidden([2, 2.5], 1)).toThrow(/hidden layer 2 has width 2\.5/);
    expect(() => requireWiderHidden([2], 1, 2)).toThrow(/at least dY \+ 2 = 3/);
  });

  it('accepts widths exactly dY + extra', () => {
    expect(() => requireWiderHidden([2, 2], 1)).not.toThrow();
    expect(() => requireWiderHidden([3], 1, 2)).not.toThrow();
    expect(() => requireWiderHidden([1], 1, 0)).not.toThrow();
  });

  it('is enforced by the Lemma 5 build, which also needs s+ ≠ 0', () => {
    const fit = leastSquaresFit(data, loss);
    expect(() => lemma5Network(fit, [1], q(0), q(1), q(-1))).toThrow(/hidden layer 1 has width 1/);
    expect(() => lemma5Network(fit, [2], q(1), q(0), q(-1))).toThrow(/needs s\+ ≠ 0/);
  });
});

describe('he: the scale M of eq. (40)', () => {
  it('is the least positive integer with ‖Z‖_F < Mσ on small norms', () => {
    // ‖Z‖² = 10, σ = 1: 3² = 9 ≤ 10 < 16 = 4², so M = 4.
    expect(scaleFor([[q(3), q(1)]], q(1)).toString()).toBe('4');
    const cases: [Rational[][], Rational][] = [
      [[[q(3), q(1)]], q(1)],
      [[[q(2)], [q(2)]], q(1)], // ‖Z‖² = 8: M = 3
      [[[q(1)]], q(1, 2)], // ‖Z‖²/σ² = 4: 2² is not above it, M = 3
      [[[q(1, 3)]], q(1)], // below 1: M = 1
      [[[q(0)]], q(1)],
      [[[q(5), q(-2)], [q(1), q(7, 2)]], q(2, 3)],
    ];
    for (const [rows, sigma] of cases) expect(scaleFor(rows, sigma).toString()).toBe(leastScale(rows, sigma).toString());
  });

  it('is 1 when σ is unbounded (t is the only breakpoint)', () => {
    expect(scaleFor([[q(100)]], null).toString()).toBe('1');
  });

  it('stays exact for norms beyond double precision', () => {
    // (2^60 − 2)² and (2^60 + 1)² both round to 2^120 as doubles, whose root 2^60 is off by 2 and by −1.
    for (const v of [2n ** 60n - 2n, 2n ** 60n + 1n, 2n ** 60n]) {
      const rows = [[q(v)]];
      const m = scaleFor(rows, q(1)).floor();
      // The definition: m²σ² > ‖Z‖² and (m − 1)²σ² ≤ ‖Z‖².
      expect(m * m > v * v).toBe(true);
      expect((m - 1n) * (m - 1n) <= v * v).toBe(true);
    }
  });
});

describe('he: the α of eq. (41)', () => {
  const spec = (alphas: Rational[]) => ({ hidden: [2, 2, 2], activation: relu, alphas });

  it('needs one α per hidden layer after the first, each in (0, 1]', () => {
    expect(() => linearRegimeMinimum(data, loss, spec([q(1, 2)]))).toThrow(/1 α's for 3 hidden layers/);
    expect(() => linearRegimeMinimum(data, loss, spec([q(1), q(0)]))).toThrow(/α_3 = 0 must lie in \(0, 1\]/);
    expect(() => linearRegimeMinimum(data, loss, spec([q(3, 2), q(1)]))).toThrow(/α_2 = 3\/2 must lie in \(0, 1\]/);
    expect(() => linearRegimeMinimum(data, loss, spec([q(-1, 2), q(1)]))).toThrow(/α_2 = -1\/2 must lie/);
  });

  it('accepts α = 1', () => {
    const built = linearRegimeMinimum(data, loss, spec([q(1), q(1)]));
    expect(built.alphas.map(String)).toEqual(['1', '1']);
  });
});
