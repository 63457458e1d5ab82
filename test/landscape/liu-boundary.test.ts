import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/generators/dataset.ts';
import { realizableRegion } from '../../src/generators/region.ts';
import { activationPattern } from '../../src/geometry/pattern.ts';
import type { Region } from '../../src/geometry/region.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { ratData, type Dataset } from '../../src/network/dataset.ts';
import { liuBoundaryCriterionAt } from '../../src/landscape/liu-boundary-criterion.ts';
import { liuBoundaryPoint } from '../../src/landscape/liu-boundary.ts';
import type { OneHiddenLayerPoint } from '../../src/landscape/one-hidden-layer.ts';

const q = (n: number, d = 1) => Rational.of(n, d);
const point = (weights: readonly (readonly Rational[])[], z: readonly number[]): OneHiddenLayerPoint => ({ weights, biases: null, outputWeights: z.map((v) => q(v)), outputBias: null });

/** The point lies in the region with w_m on the kink of x_n, and (17)–(19) hold there. */
function admissible(data: Dataset<Rational>, region: Region, p: OneHiddenLayerPoint, m: number, n: number): boolean {
  const pattern = activationPattern(data.inputs, p.weights);
  const inRegion = region.every((signs, j) => signs.every((s, i) => pattern[i]![j] === (j === m && i === n ? 0 : s)));
  return inRegion && liuBoundaryCriterionAt(data, p, m, n).criterion;
}

describe('liuBoundaryPoint: Liu Theorem 3 / App. D', () => {
  const data = ratData([[-1, 2], [-2, 2], [3, 0]], [1, -1, 0]);

  it('rejects a unit or sample index outside the network and data, and accepts the last ones', () => {
    expect(() => liuBoundaryPoint(data, [[1, 1, 1]], -1, 1)).toThrow(/^unit -1 outside 0\.\.0$/);
    expect(() => liuBoundaryPoint(data, [[1, 1, 1]], 1, 1)).toThrow(/^unit 1 outside 0\.\.0$/);
    expect(() => liuBoundaryPoint(data, [[1, 1, 1]], 0.5, 1)).toThrow(/^unit 0\.5 outside/);
    expect(() => liuBoundaryPoint(data, [[1, 1, 1]], 0, -1)).toThrow(/^sample -1 outside 0\.\.2$/);
    expect(() => liuBoundaryPoint(data, [[1, 1, 1]], 0, 3)).toThrow(/^sample 3 outside 0\.\.2$/);
    expect(() => liuBoundaryPoint(data, [[1, 1, 1]], 0, 1.5)).toThrow(/^sample 1\.5 outside/);
    expect(liuBoundaryPoint(data, [[1, 1, 1], [1, 1, 1]], 1, 2).solvable).toBe(true);
  });

  it('the last row of D is x_nᵀ in the block of unit m, with d = 0 there (w_m on the kink)', () => {
    // K = 2 units, d = 2: D has K·d + 1 = 5 rows; for m = 1, n = 0 the row is (0, 0, −1, 2).
    const built = liuBoundaryPoint(data, [[1, 1, 1], [1, 1, 1]], 1, 0);
    expect(built.D.rows).toBe(5);
    expect(built.D.toArrays()[4]!.map(String)).toEqual(['0', '0', '-1', '2']);
    expect(String(built.d[4])).toBe('0');
  });

  it('the region is the cell with entry (m, n) set to 0', () => {
    const built = liuBoundaryPoint(data, [[1, -1, 1], [-1, 1, 1]], 1, 2);
    if (!built.solvable) throw new Error('(17) is always solvable');
    expect(built.region).toEqual([[1, -1, 1], [-1, 1, 0]]);
  });

  // Unit 0 of `data` on the kink of x_1 with w_0 = (1/10, 1/10): e = (1/10 − 1, 0 + 1, 3/10) gives
  // unit 0's rows Σ_{i≠1} e_i u_i = −9/10·(−4, −4) + 3/10·(−12, −12) = 0, (18) −36/5 < 0, (19) 4/5 > 0.
  const w0 = [q(1, 10), q(1, 10)];

  it('flipping y flips z_m: the mirror of a genuine point (z_m = −1) is found', () => {
    // L(w, z; y) = L(w, −z; −y), so (w_0, −1) is admissible for −y; the construction must find a point.
    const mirrored = ratData([[-1, 2], [-2, 2], [3, 0]], [-1, 1, 0]);
    expect(admissible(mirrored, [[1, 1, 1]], point([w0], [-1]), 0, 1)).toBe(true);
    const built = liuBoundaryPoint(mirrored, [[1, 1, 1]], 0, 1);
    if (!built.solvable || built.point === null) throw new Error('an admissible point exists');
    expect(admissible(mirrored, [[1, 1, 1]], built.point, 0, 1)).toBe(true);
    expect(built.point.outputWeights[0]!.sign()).toBe(-1);
  });

  it('another unit takes z_j = 0, −1 or +1 as its own fit asks', () => {
    // A fourth sample x_a = (0, −1) where unit 0 is off (w_0·x_a = −1/10) and unit 1 alone is on
    // (its cell contains (−1, −2)). Unit 1's rows say e_a = 0: z_1[w_1·x_a]₊ = y_a with w_1·x_a > 0,
    // so sign(z_1) = sign(y_a); for y_a = 0 only z_1 = 0 (w_1 anywhere in its cell) is left.
    const region: Region = [[1, 1, 1, -1], [-1, -1, -1, 1]];
    for (const ya of [0, -1, 1]) {
      const extended = ratData([[-1, 2], [-2, 2], [3, 0], [0, -1]], [1, -1, 0, ya]);
      const w1 = [q(-1), q(-2)].map((v) => (ya === 0 ? v : v.mul(q(Math.abs(ya), 2))));
      expect(admissible(extended, region, point([w0, w1], [1, Math.sign(ya)]), 0, 1)).toBe(true);
      const built = liuBoundaryPoint(extended, region, 0, 1);
      if (!built.solvable || built.point === null) throw new Error('an admissible point exists');
      expect(admissible(extended, region, built.point, 0, 1)).toBe(true);
      expect(built.point.outputWeights[1]!.sign()).toBe(Math.sign(ya));
    }
  });

  it('(19) weighs e_i by x_i·x_n (i ≠ n) and e_n by |x_n|²: a point exactly when (19) holds', () => {
    // w·x_1 = 0 leaves R = t(1, 1); unit 0's rows −4e_0 − 12e_2 = 0 with e_0 = t − 4, e_2 = 3t − 2 give
    // t = 1, e_0 = −3, e_2 = 1, (18) = 6e_0 − 6e_2 = −24 < 0; (19) = −24 + 8e_1 with e_1 = −y_1:
    // −4 for y_1 = −5/2 (no point; yet 8·Σe_i = 4 > 0), +4 for y_1 = −7/2. z = −1 would need w·x_0 = −1 > 0.
    const [fails, holds] = [q(-5, 2), q(-7, 2)].map((y1) => ({ inputs: data.inputs, targets: [[q(4)], [y1], [q(2)]] }));
    expect(liuBoundaryCriterionAt(fails!, point([[q(1), q(1)]], [1]), 0, 1)).toMatchObject({ stationary: true, criterion: false });
    expect(liuBoundaryPoint(fails!, [[1, 1, 1]], 0, 1)).toMatchObject({ solvable: true, point: null });
    const built = liuBoundaryPoint(holds!, [[1, 1, 1]], 0, 1);
    if (!built.solvable || built.point === null) throw new Error('(w, z) = ((1, 1), 1) is admissible');
    expect(built.point.weights[0]!.map(String)).toEqual(['1', '1']);
    expect(admissible(holds!, [[1, 1, 1]], built.point, 0, 1)).toBe(true);
  });

  it('every point it returns lies in the region and satisfies (17), (18) and (19)', () => {
    const problem = fc
      .record({ data: dataset({ minDim: 1, maxDim: 2, minPoints: 2, maxPoints: 4 }), units: fc.integer({ min: 1, max: 2 }) })
      .chain((p) => fc.record({ region: realizableRegion(p.data.inputs, p.units), m: fc.nat(p.units - 1), n: fc.nat(p.data.inputs.length - 1) }).map((r) => ({ ...p, ...r })));
    fc.assert(
      fc.property(problem, ({ data: d, region, m, n }) => {
        const built = liuBoundaryPoint(d, region, m, n);
        expect(built.solvable).toBe(true);
        if (built.solvable && built.point !== null) expect(admissible(d, region, built.point, m, n)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
