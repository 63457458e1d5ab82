import { describe, expect, it } from 'vitest';
import { verifyInfeasibility } from '../../src/geometry/certificate.ts';
import type { Region } from '../../src/geometry/region.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { ratData } from '../../src/network/dataset.ts';
import { cellRows, liuSaddlePoint } from '../../src/landscape/liu-saddle.ts';

const q = (n: number, d = 1) => Rational.of(n, d);
const strings = (v: readonly Rational[]) => v.map(String);

describe('liuSaddlePoint: Liu Theorem 2 / App. C', () => {
  // x0 = (1,1), x1 = (2,1), x2 = (−1,1); unit 0 on x0, x1 only, the others off everywhere.
  const data = ratData([[1, 1], [2, 1], [-1, 1]], [1, -1, 0]);
  const region: Region = [[1, 1, -1], [-1, -1, -1], [-1, -1, -1]];

  it('rejects stationary units outside 0..K−1, and accepts the last unit', () => {
    const two = region.slice(0, 2);
    expect(() => liuSaddlePoint(data, two, [-1])).toThrow(/^stationary unit -1 outside 0\.\.1$/);
    expect(() => liuSaddlePoint(data, two, [2])).toThrow(/^stationary unit 2 outside 0\.\.1$/);
    expect(() => liuSaddlePoint(data, two, [0.5])).toThrow(/^stationary unit 0\.5 outside/);
    expect(liuSaddlePoint(data, two, [1]).stationaryUnits).toEqual([1]);
  });

  it('reports the stationary units sorted and without repeats', () => {
    expect(liuSaddlePoint(data, region, [2, 1, 2]).stationaryUnits).toEqual([1, 2]);
  });

  it('no point when the stationary units cannot realise BR̃ = b inside their cells', () => {
    // Unit 0 alone fits x0, x1 exactly: R·(1,1) = 1, R·(2,1) = −1, so R = (−2, 3). z > 0 puts
    // w·x2 = 5/z > 0, z < 0 puts w·x0 = 1/z < 0, z = 0 needs R = 0: no sign works.
    const c = liuSaddlePoint(data, region, [0]);
    expect(strings(c.particular)).toEqual(['-2', '3']);
    expect(c).toMatchObject({ point: null, reason: 'no solution of BR̃ = b puts the stationary units inside their cells', hyperplaneFailure: null });
    expect(c.stationaryGenuineness?.genuine).toBe(false);
  });

  it('no point when an open cell misses the hyperplane (C.4); the premise fails when a normal is 0', () => {
    // No stationary units: e = −y = (−1, 0). Unit 0 (on x0 only) has normal −x0 = (−1, −1) and
    // needs w·x0 > 0 with w·x0 = 0; unit 1 (on x1 only) has normal 0·x1 = 0.
    const two = ratData([[1, 1], [-1, 1]], [1, 0]);
    const c = liuSaddlePoint(two, [[1, -1], [-1, 1]], []);
    expect([...c.hyperplaneNormals.entries()].map(([j, g]) => [j, strings(g)])).toEqual([[0, ['-1', '-1']], [1, ['0', '0']]]);
    expect(c.premise).toBe(false);
    expect(c).toMatchObject({ point: null, reason: 'unit 0: its open cell misses the hyperplane (C.4)', stationaryGenuineness: null });
    expect(c.hyperplaneFailure?.unit).toBe(0);
    // The certificate refutes w·x0 > 0, −w·x1 > 0, w·(−1, −1) = 0, written out here.
    const system = {
      dimension: 2,
      constraints: [
        { coefficients: [q(1), q(1)], kind: '>' as const, bound: q(0) },
        { coefficients: [q(1), q(-1)], kind: '>' as const, bound: q(0) },
        { coefficients: [q(-1), q(-1)], kind: '=' as const, bound: q(0) },
      ],
    };
    expect(verifyInfeasibility(system, c.hyperplaneFailure!.certificate)).toBe(true);
  });

  it('with no stationary unit, a unit on both samples sits on its hyperplane with z = 0', () => {
    // e = −y = (−1, 1): normal = −(1,1) + (2,1) = (1, 0); w = (0, c) with c > 0 is in the cell.
    const c = liuSaddlePoint(ratData([[1, 1], [2, 1]], [1, -1]), [[1, 1]], []);
    expect(strings(c.hyperplaneNormals.get(0)!)).toEqual(['1', '0']);
    expect(c.premise).toBe(true);
    expect(c).toMatchObject({ reason: 'constructed inside the region', stationaryGenuineness: null, hyperplaneFailure: null });
    const w = c.point!.weights[0]!;
    expect(w[0]!.isZero() && w[1]!.sign() === 1).toBe(true);
    expect(c.point!.outputWeights[0]!.isZero()).toBe(true);
  });

  it('the premise holds only when every other unit has a non-zero normal', () => {
    // Units 0 and 1 both on x0 and x1 of `data`: e = −y gives normals (1, 0) for both; unit 2 is off: normal 0.
    const c = liuSaddlePoint(data, [[1, 1, -1], [1, 1, -1], [-1, -1, -1], [-1, -1, -1]], []);
    expect(c.premise).toBe(false);
    expect(liuSaddlePoint(data, [[1, 1, -1], [1, 1, -1]], []).premise).toBe(true);
  });
});

describe('cellRows', () => {
  it('reads +1 as w·x > 0, −1 as −w·x > 0 and 0 as w·x = 0', () => {
    const rows = cellRows([[q(1), q(2)], [q(3), q(-1)], [q(0), q(1)]], [1, -1, 0]);
    expect(rows.map((r) => [strings(r.coefficients), r.kind, String(r.bound)])).toEqual([
      [['1', '2'], '>', '0'],
      [['-3', '1'], '>', '0'],
      [['0', '1'], '=', '0'],
    ]);
  });
});
