import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset, inGeneralPosition } from '../../src/generators/dataset.ts';
import { smallRational } from '../../src/generators/rational.ts';
import { ratData } from '../../src/network/dataset.ts';

/** Runs a property that must fail and returns fast-check's shrunk counterexample. */
function shrunk<T>(arb: fc.Arbitrary<T>, predicate: (t: T) => boolean): T {
  const details = fc.check(fc.property(arb, predicate), { seed: 42, numRuns: 500 });
  if (!details.failed || details.counterexample === null) throw new Error('property did not fail');
  return details.counterexample[0];
}

describe('rational and dataset arbitraries', () => {
  it('small rationals stay in range', () => {
    fc.assert(
      fc.property(smallRational({ maxNumerator: 3, maxDenominator: 2 }), (r) => {
        expect(Number(r.den) <= 2 && r.abs().toNumber() <= 3).toBe(true);
      }),
    );
    fc.assert(fc.property(smallRational({ positive: true }), (r) => { expect(r.sign()).toBe(1); }));
  });

  it('shrink a failing rational toward the smallest simple value', () => {
    expect(shrunk(smallRational(), (x) => x.isZero()).toString()).toBe('1');
  });

  it('datasets have distinct points, consistent shapes and the requested labels', () => {
    fc.assert(
      fc.property(dataset({ maxPoints: 5, maxDim: 3, labels: 'sign', outputs: 2 }), (ds) => {
        const keys = new Set(ds.inputs.map((x) => x.join(',')));
        expect(keys.size).toBe(ds.inputs.length);
        expect(ds.targets.length).toBe(ds.inputs.length);
        for (const y of ds.targets) {
          expect(y.length).toBe(2);
          for (const v of y) expect(v.abs().toString()).toBe('1');
        }
      }),
      { numRuns: 50 },
    );
  });

  it('shrink a failing dataset to the fewest points in one dimension with small integers', () => {
    const ds = shrunk(dataset({ maxPoints: 6, maxDim: 3 }), (d) => d.inputs.length < 3);
    expect(ds.inputs.length).toBe(3);
    expect(ds.inputs[0]!.length).toBe(1);
    expect(ds.inputs.map((x) => x.map(String))).toEqual([['0'], ['1'], ['-1']]);
    expect(ds.targets.flat().every((v) => v.isZero())).toBe(true);
  });

  it('general position is decided exactly', () => {
    const fig1 = ratData([[-1, 1], [2, 1], [1, 3]], [1, 2, 3]);
    expect(inGeneralPosition(fig1.inputs, 'central')).toBe(true);
    // (-1,1),(2,1),(1,3): the lifted points are affinely independent iff not collinear.
    expect(inGeneralPosition(fig1.inputs, 'affine')).toBe(true);
    const collinear = ratData([[0, 0], [1, 1], [2, 2]], [0, 0, 0]);
    expect(inGeneralPosition(collinear.inputs, 'affine')).toBe(false);
    const parallel = ratData([[1, 2], [2, 4]], [0, 0]);
    expect(inGeneralPosition(parallel.inputs, 'central')).toBe(false);
    fc.assert(
      fc.property(dataset({ maxPoints: 4, minDim: 2, maxDim: 2, generalPosition: 'central' }), (d) => {
        expect(inGeneralPosition(d.inputs, 'central')).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
