import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational, q } from '../../src/numbers/rational.ts';
import { ratData } from '../../src/network/dataset.ts';
import {
  activationPattern,
  arrangementCells,
  arrangementFaces,
  boundaryPoint,
  interiorPoint,
  isRealizable,
  regionFeasibility,
  signString,
  signSystem,
  unitsFromPattern,
  verifyInfeasibility,
  type HiddenLayerPoint,
  type Sign,
} from '../../src/geometry/index.ts';
import { distinctInputs } from '../../src/generators/dataset.ts';

const fig1 = ratData([[-1, 1], [2, 1], [1, 3]], [1, 2, 3]);

/** Per-unit signs of a point, computed independently by the activation pattern. */
function unitSignsOf(inputs: readonly (readonly Rational[])[], p: HiddenLayerPoint): Sign[][] {
  return unitsFromPattern(activationPattern(inputs, p.weights, p.biases));
}

const signVector = fc.constantFrom<Sign>(1, -1);

describe('regions of a one-hidden-layer network', () => {
  it('interior points of every two-unit region of the Fig. 1 data have exactly its signs', () => {
    const cells = arrangementCells(fig1.inputs);
    for (const a of cells) {
      for (const b of cells) {
        const p = interiorPoint(fig1, [a.signs, b.signs]);
        expect(p).not.toBeNull();
        expect(unitSignsOf(fig1.inputs, p!)).toEqual([a.signs, b.signs]);
        expect(p!.biases).toBeUndefined();
      }
    }
  });

  it('isRealizable agrees with the arrangement for every ±1 region of random data, with certificates otherwise', () => {
    const instance = fc.integer({ min: 1, max: 2 }).chain((d) =>
      distinctInputs(d, { maxPoints: 4 }).chain((X) =>
        fc.tuple(fc.constant(X), fc.array(fc.array(signVector, { minLength: X.length, maxLength: X.length }), { minLength: 1, maxLength: 3 }), fc.boolean()),
      ),
    );
    fc.assert(
      fc.property(instance, ([X, region, bias]) => {
        const cells = new Set(arrangementCells(X, { bias }).map((c) => signString(c.signs)));
        // Zero inputs without bias can only be 0; match the arrangement's convention.
        const adjusted = region.map((s) => s.map((v, i) => (!bias && X[i]!.every((x) => x.isZero()) ? 0 : v)) as Sign[]);
        const expected = adjusted.every((s) => cells.has(signString(s)));
        expect(isRealizable(X, adjusted, { bias })).toBe(expected);
        const r = regionFeasibility(X, adjusted, { bias });
        if (r.realizable) expect(unitSignsOf(X, r.point)).toEqual(adjusted);
        else expect(verifyInfeasibility(signSystem(X, adjusted[r.unit]!, { bias }), r.certificate)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('boundary points put one pre-activation exactly on its kink and exist iff that face does', () => {
    const instance = fc.integer({ min: 1, max: 2 }).chain((d) => fc.tuple(distinctInputs(d, { minPoints: 2, maxPoints: 4 }), fc.boolean()));
    fc.assert(
      fc.property(instance, ([X, bias]) => {
        const faces = new Set(arrangementFaces(X, { bias }).map((f) => signString(f.signs)));
        const cells = arrangementCells(X, { bias });
        const other = cells[cells.length - 1]!.signs;
        for (const cell of cells) {
          for (let i = 0; i < X.length; i++) {
            const p = boundaryPoint(X, [other, cell.signs], 1, i, { bias });
            const face = cell.signs.map((s, k) => (k === i ? 0 : s));
            expect(p !== null).toBe(faces.has(signString(face)));
            if (p) {
              expect(unitSignsOf(X, p)).toEqual([other, face]);
              const x = X[i]!;
              const z = p.weights[1]!.reduce((s, w, k) => s.add(w.mul(x[k]!)), p.biases?.[1] ?? Rational.ZERO);
              expect(z.isZero()).toBe(true);
            }
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it('an impossible region has no interior point; bad indices are rejected', () => {
    // x1 and -x1 cannot both be active without bias.
    const X = [[q(1)], [q(-1)]];
    expect(interiorPoint(X, [[1, 1]])).toBeNull();
    expect(isRealizable(X, [[1, 1]], { bias: true })).toBe(true);
    expect(() => boundaryPoint(X, [[1, -1]], 1, 0)).toThrow(/no unit 1/);
    expect(() => boundaryPoint(X, [[1, -1]], 0, 5)).toThrow(/sample 5/);
    expect(() => interiorPoint(X, [[1]])).toThrow(/1 entries for 2 samples/);
  });
});
