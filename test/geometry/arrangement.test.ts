import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational, q } from '../../src/numbers/rational.ts';
import {
  activationPattern,
  arrangementCells,
  arrangementFaces,
  checkFeasibility,
  generalPositionCellCount,
  satisfiesSystem,
  signString,
  signSystem,
  verifyInfeasibility,
  type ArrangementFace,
  type Sign,
} from '../../src/geometry/index.ts';
import { dataset, distinctInputs } from '../../src/generators/dataset.ts';

const ints = (rows: number[][]): Rational[][] => rows.map((r) => r.map((v) => q(v)));
const fig1 = ints([[-1, 1], [2, 1], [1, 3]]);

/** Independent check of a face's point: the signs of its pre-activations, computed by activationPattern. */
function pointHasSigns(inputs: Rational[][], f: ArrangementFace): boolean {
  const pattern = activationPattern(inputs, [f.weight], f.bias === undefined ? undefined : [f.bias]);
  return pattern.every((row, i) => row[0] === f.signs[i]);
}

/** All sign vectors with the given choices per sample (entries of zero inputs without bias fixed to 0). */
function allSignVectors(inputs: Rational[][], choices: Sign[], bias: boolean): Sign[][] {
  let out: Sign[][] = [[]];
  for (const x of inputs) {
    const fixedZero = !bias && x.every((v) => v.isZero());
    out = out.flatMap((s) => (fixedZero ? [[...s, 0 as Sign]] : choices.map((c) => [...s, c])));
  }
  return out;
}

/** Brute force: decide every candidate by its own LP, trusting only verified points and certificates. */
function bruteForce(inputs: Rational[][], choices: Sign[], bias: boolean): string[] {
  const found: string[] = [];
  for (const s of allSignVectors(inputs, choices, bias)) {
    const system = signSystem(inputs, s, { bias });
    const r = checkFeasibility(system, { simplify: false });
    if (r.feasible) {
      expect(satisfiesSystem(system, r.point)).toBe(true);
      found.push(signString(s));
    } else expect(verifyInfeasibility(system, r.certificate)).toBe(true);
  }
  return found.sort();
}

describe('activation regions of one unit', () => {
  it('the decomposition paper example (Fig. 1) has exactly six cells without bias', () => {
    const cells = arrangementCells(fig1);
    expect(cells.length).toBe(6);
    expect(cells.every((c) => pointHasSigns(fig1, c))).toBe(true);
    // Three lines through the origin of the plane: 6 sectors, 6 rays and the origin.
    expect(arrangementFaces(fig1).length).toBe(13);
    // With a bias the lifted points (x_i, 1) are in general position in R^3: 2·(1 + 2 + 1) = 8 cells.
    expect(arrangementCells(fig1, { bias: true }).length).toBe(8);
  });

  it('general-position data: central arrangements have 2·Σ_{k<d} C(N−1, k) cells', () => {
    const data = dataset({ minPoints: 1, maxPoints: 6, minDim: 1, maxDim: 3, generalPosition: 'central' });
    fc.assert(
      fc.property(data, ({ inputs }) => {
        const X = inputs.map((x) => [...x]);
        const cells = arrangementCells(X);
        expect(cells.length).toBe(generalPositionCellCount(X.length, X[0]!.length));
        expect(cells.every((c) => pointHasSigns(X, c) && c.signs.every((s) => s !== 0))).toBe(true);
        expect(new Set(cells.map((c) => signString(c.signs))).size).toBe(cells.length);
      }),
      { numRuns: 40 },
    );
  });

  it('general-position data with bias: the count for the lifted points (x_i, 1) in R^{d+1}', () => {
    const data = dataset({ minPoints: 1, maxPoints: 6, minDim: 1, maxDim: 2, generalPosition: 'affine' });
    fc.assert(
      fc.property(data, ({ inputs }) => {
        const X = inputs.map((x) => [...x]);
        const cells = arrangementCells(X, { bias: true });
        expect(cells.length).toBe(generalPositionCellCount(X.length, X[0]!.length + 1));
        expect(cells.every((c) => c.bias !== undefined && pointHasSigns(X, c))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('cells equal the brute-force set of all ±1 sign vectors decided one by one (any data, zeros and repeats allowed)', () => {
    const inputs = fc.integer({ min: 1, max: 3 }).chain((d) =>
      fc.array(fc.array(fc.integer({ min: -2, max: 2 }).map((v) => q(v)), { minLength: d, maxLength: d }), { minLength: 1, maxLength: 5 }),
    );
    fc.assert(
      fc.property(inputs, fc.boolean(), (X, bias) => {
        const cells = arrangementCells(X, { bias });
        expect(cells.every((c) => pointHasSigns(X, c))).toBe(true);
        expect(cells.map((c) => signString(c.signs)).sort()).toEqual(bruteForce(X, [1, -1], bias));
      }),
      { numRuns: 60 },
    );
  });

  it('faces equal the brute-force set of all sign vectors in {−1, 0, +1}^N', () => {
    const inputs = fc.integer({ min: 1, max: 3 }).chain((d) => distinctInputs(d, { maxPoints: 4, entries: { maxNumerator: 3, maxDenominator: 2 } }));
    fc.assert(
      fc.property(inputs, fc.boolean(), (raw, bias) => {
        const X = raw.map((x) => [...x]);
        const faces = arrangementFaces(X, { bias });
        expect(faces.every((f) => pointHasSigns(X, f))).toBe(true);
        expect(faces.map((f) => signString(f.signs)).sort()).toEqual(bruteForce(X, [1, -1, 0], bias));
        // Cells come first and are exactly the faces without zeros.
        const cells = arrangementCells(X, { bias }).map((c) => signString(c.signs));
        expect(faces.slice(0, cells.length).map((f) => signString(f.signs))).toEqual(cells);
      }),
      { numRuns: 25 },
    );
  });

  it('a zero input without bias is 0 in every cell and adds no cells; with bias it splits as b = 0', () => {
    const X = ints([[1, 2], [-1, 1]]);
    const withZero = [...X, [q(0), q(0)]];
    const plain = arrangementCells(X).map((c) => signString(c.signs) + '0');
    const cells = arrangementCells(withZero);
    expect(cells.map((c) => signString(c.signs))).toEqual(plain);
    expect(cells.every((c) => pointHasSigns(withZero, c))).toBe(true);
    const biased = arrangementCells(withZero, { bias: true });
    expect(biased.every((c) => c.signs[2] === Math.sign(c.bias!.toNumber()) && c.signs[2] !== 0)).toBe(true);
    expect(biased.length).toBe(generalPositionCellCount(3, 3));
  });

  it('orders cells with + first, so the all-active cell leads whenever it exists', () => {
    expect(signString(arrangementCells(fig1)[0]!.signs)).toBe('+++');
    expect(signString(arrangementCells(ints([[1], [-1]]))[0]!.signs)).toBe('+-');
    const data = dataset({ minPoints: 1, maxPoints: 5, maxDim: 2 });
    fc.assert(
      fc.property(data, ({ inputs }) => {
        const X = inputs.map((x) => [...x]);
        expect(arrangementCells(X, { bias: true })[0]!.signs.every((s) => s === 1)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('cell points are small integer vectors', () => {
    for (const c of arrangementCells(fig1)) expect(c.weight.every((v) => v.isInteger() && v.abs().toNumber() <= 3)).toBe(true);
  });

  it('nine points on the moment curve (t, t², t³): 74 cells, 186 with bias (Vandermonde general position)', () => {
    const X = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((t) => [q(t), q(t * t), q(-t * t * t)]);
    const cells = arrangementCells(X);
    expect(cells.length).toBe(74);
    expect(cells.every((c) => pointHasSigns(X, c))).toBe(true);
    const biased = arrangementCells(X, { bias: true });
    expect(biased.length).toBe(186);
    expect(biased.every((c) => pointHasSigns(X, c))).toBe(true);
  });

  it('the general-position count formula matches small cases computed by hand', () => {
    expect(generalPositionCellCount(3, 2)).toBe(6);
    expect(generalPositionCellCount(4, 3)).toBe(14);
    expect(generalPositionCellCount(2, 3)).toBe(4);
    expect(generalPositionCellCount(5, 1)).toBe(2);
    expect(generalPositionCellCount(0, 2)).toBe(1);
  });
});
