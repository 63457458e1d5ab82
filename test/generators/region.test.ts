import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { ratData } from '../../src/network/dataset.ts';
import {
  activationPattern,
  arrangementCells,
  arrangementFaces,
  interiorPoint,
  signString,
  unitsFromPattern,
  type HiddenLayerPoint,
  type Sign,
} from '../../src/geometry/index.ts';
import {
  pointInRegion,
  pointOnBoundary,
  realizableRegion,
  realizableSigns,
  regionWithPoint,
} from '../../src/generators/region.ts';

const X = ratData([[-1, 1], [2, 1], [1, 3]], [1, 2, 3]).inputs;

/** Runs a property that must fail and returns fast-check's shrunk counterexample. */
function shrunk<T>(arb: fc.Arbitrary<T>, predicate: (t: T) => boolean): T {
  const details = fc.check(fc.property(arb, predicate), { seed: 42, numRuns: 200 });
  if (!details.failed || details.counterexample === null) throw new Error('property did not fail');
  return details.counterexample[0];
}

const signsOf = (p: HiddenLayerPoint): Sign[][] => unitsFromPattern(activationPattern(X, p.weights, p.biases));
const key = (p: HiddenLayerPoint): string => JSON.stringify(p);

describe('region arbitraries', () => {
  it('realizable signs and regions come from the enumeration and shrink toward the first cell', () => {
    const cells = arrangementCells(X).map((c) => signString(c.signs));
    fc.assert(fc.property(realizableSigns(X), (s) => {
      expect(cells).toContain(signString(s));
    }), { numRuns: 30 });
    fc.assert(
      fc.property(realizableRegion(X, 3, { bias: true }), (r) => {
        expect(r.length).toBe(3);
        for (const s of r) expect(arrangementCells(X, { bias: true }).map((c) => signString(c.signs))).toContain(signString(s));
      }),
      { numRuns: 20 },
    );
    expect(signString(shrunk(realizableSigns(X), () => false))).toBe(cells[0]);
    expect(shrunk(realizableRegion(X, 2), () => false).map(signString)).toEqual([cells[0], cells[0]]);
    const faces = arrangementFaces(X).map((f) => signString(f.signs));
    fc.assert(fc.property(realizableSigns(X, { faces: true }), (s) => {
      expect(faces).toContain(signString(s));
    }), { numRuns: 30 });
  });

  it('points in a region have exactly its signs, vary, and shrink to the simple interior point', () => {
    const region: Sign[][] = [[1, -1, 1], [-1, 1, -1]];
    const arb = pointInRegion(X, region);
    const seen = new Set<string>();
    fc.assert(
      fc.property(arb, (p) => {
        expect(signsOf(p)).toEqual(region);
        seen.add(key(p));
      }),
      { numRuns: 50 },
    );
    expect(seen.size).toBeGreaterThan(5);
    expect(key(shrunk(arb, () => false))).toBe(key(interiorPoint(X, region)!));
    // With bias the point has biases and the same guarantees.
    fc.assert(
      fc.property(pointInRegion(X, [[1, 1, -1]], { bias: true }), (p) => {
        expect(p.biases?.length).toBe(1);
        expect(signsOf(p)).toEqual([[1, 1, -1]]);
      }),
      { numRuns: 30 },
    );
  });

  it('points on a chosen boundary have that pre-activation exactly zero and the other signs unchanged', () => {
    const region: Sign[][] = [[1, 1, 1], [1, -1, 1]];
    // The cell +-+ of unit 1 is bounded by the lines of samples 0 and 1, so its boundary on sample 1 exists.
    const arb = pointOnBoundary(X, region, 1, 1);
    fc.assert(
      fc.property(arb, (p) => {
        expect(signsOf(p)).toEqual([[1, 1, 1], [1, 0, 1]]);
        const z = p.weights[1]!.reduce((s, w, k) => s.add(w.mul(X[1]![k]!)), Rational.ZERO);
        expect(z.isZero()).toBe(true);
      }),
      { numRuns: 40 },
    );
    // Sample 2's line does not bound the all-active cell (only samples 0 and 1 do).
    expect(() => pointOnBoundary(X, [[1, 1, 1]], 0, 2)).toThrow(/cannot sit on the kink of sample 2/);
    expect(() => pointInRegion(X, [[1, 1, -1]])).toThrow(/not realizable/);
  });

  it('regions with points: the point always realizes the region', () => {
    fc.assert(
      fc.property(regionWithPoint(X, 2, { bias: true }), ({ region, point }) => {
        expect(signsOf(point)).toEqual(region);
      }),
      { numRuns: 30 },
    );
  });
});
