import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/generators/dataset.ts';
import { realizableRegion } from '../../src/generators/region.ts';
import { verifyInfeasibility } from '../../src/geometry/certificate.ts';
import { activationPattern } from '../../src/geometry/pattern.ts';
import type { Sign } from '../../src/geometry/pattern.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { ratData } from '../../src/network/dataset.ts';
import { empiricalRisk, squaredError, type Normalisation } from '../../src/network/loss.ts';
import { regionActivations } from '../../src/landscape/design-matrix.ts';
import { genuineness, type OutputSign } from '../../src/landscape/genuineness.ts';
import { liftedInputs, oneHiddenLayerNetwork, reparametrise, unitBlock } from '../../src/landscape/one-hidden-layer.ts';
import { minimiserAt, subglobalMinimum } from '../../src/landscape/subglobal-minimum.ts';

const problem = fc
  .record({
    data: dataset({ minDim: 1, maxDim: 2, minPoints: 1, maxPoints: 4, nonZeroInputs: true }),
    units: fc.integer({ min: 1, max: 2 }),
    bias: fc.boolean(),
    outputBias: fc.boolean(),
    normalisation: fc.constantFrom<Normalisation>('half-sum', 'mean'),
  })
  .chain((p) => realizableRegion(p.data.inputs, p.units, { bias: p.bias }).map((region) => ({ ...p, region })));

/** Independent reading of the criterion for one R: some sign σ_j per unit puts σ_j R_j in the open cell (σ_j = 0 iff R_j = 0). */
function realisableBySigns(lifted: readonly (readonly Rational[])[], region: readonly (readonly Sign[])[], blocks: readonly Rational[][]): boolean {
  return region.every((signs, j) => {
    const Rj = blocks[j]!;
    if (Rj.every((v) => v.isZero())) return true;
    return [1, -1].some((sigma) => signs.every((s, i) => lifted[i]!.reduce((acc, x, k) => acc.add(x.mul(Rj[k]!)), Rational.ZERO).sign() * sigma === s));
  });
}

describe('genuineness of a subglobal minimum (Liu eq. (10)–(13))', () => {
  it('accepted witnesses lie in the region and attain the subglobal minimum on the real network', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const m = subglobalMinimum(p.data, regionActivations(p.region), p);
        const g = genuineness(m, p.region);
        if (!g.genuine) {
          g.infeasibleChoices.forEach((c) => expect(verifyInfeasibility(c.system, c.certificate)).toBe(true));
          g.infeasibleCombinations.forEach((c) => expect(verifyInfeasibility(c.system, c.certificate)).toBe(true));
          return;
        }
        const pattern = activationPattern(p.data.inputs, g.point.weights, g.point.biases ?? undefined);
        p.region.forEach((signs, j) => signs.forEach((s, i) => expect(pattern[i]![j]).toBe(s)));
        const net = oneHiddenLayerNetwork(g.point);
        // The real forward pass (no frozen pattern) attains the region's minimum.
        expect(empiricalRisk(net, p.data, squaredError(p.normalisation)).equals(m.value)).toBe(true);
        const R = reparametrise(g.point);
        expect(m.design.mulVec(R).every((f, i) => f.equals(m.fitted[i]!))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('never rejects when a sampled minimiser is realisable by output signs (independent brute force)', () => {
    fc.assert(
      fc.property(problem, fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 8, maxLength: 8 }), { minLength: 6, maxLength: 6 }), (p, samples) => {
        const m = subglobalMinimum(p.data, regionActivations(p.region), p);
        const lifted = liftedInputs(p.data.inputs, p.bias);
        const candidates = [m.minimiser, ...samples.map((s) => minimiserAt(m, m.nullBasis.map((_, k) => Rational.of(BigInt(s[k % 8]!), BigInt(1 + (k % 3))))))];
        const found = candidates.some((R) =>
          realisableBySigns(lifted, p.region, Array.from({ length: p.units }, (_, j) => unitBlock(m.layout, R, j))),
        );
        const g = genuineness(m, p.region);
        if (found) expect(g.genuine).toBe(true);
        // A unique minimiser leaves nothing to search: the brute force decides alone.
        if (m.unique) expect(g.genuine).toBe(found);
      }),
      { numRuns: 60 },
    );
  });

  it("the closed reading (Liu's ≤ 0) accepts points on the kink that the strict one rejects", () => {
    // One unit, x = (1, 0), (0, 1), y = (1, 1): the cell (+, −) has minimisers (1, c₂); only c₂ ≤ 0 is in its closure.
    const data = { inputs: [[Rational.ONE, Rational.ZERO], [Rational.ZERO, Rational.ONE]], targets: [[Rational.ONE], [Rational.ONE]] };
    const region: Sign[][] = [[1, -1]];
    const m = subglobalMinimum(data, regionActivations(region), { bias: false, outputBias: false, normalisation: 'mean' });
    const strict = genuineness(m, region);
    const closed = genuineness(m, region, { inactive: 'closed', outputSigns: [1] as OutputSign[] });
    expect(strict.genuine).toBe(true);
    expect(closed.genuine).toBe(true);
    if (strict.genuine) expect(strict.point.weights[0]![1]!.sign()).toBe(-1);
    // Forcing the kink: the face (+, 0) is only reachable in the closed reading of the cell (+, −)... and as an explicit 0.
    const face = genuineness(m, [[1, 0]]);
    expect(face.genuine).toBe(true);
    if (face.genuine) expect(face.point.weights[0]![1]!.isZero()).toBe(true);
  });

  it('a choice infeasible on its own is reported over its own variables, with its certificate, and never combined', () => {
    // x = 1 and x = −1 both active for one bias-free unit: w > 0 and −w > 0, an empty cell. y = 0 gives R = 0 uniquely.
    const data = ratData([[1], [-1]], [0, 0]);
    const region: Sign[][] = [[1, 1]];
    const m = subglobalMinimum(data, regionActivations(region), { bias: false, outputBias: false, normalisation: 'mean' });
    expect(m.nullBasis.length).toBe(0);
    const g = genuineness(m, region);
    expect(g.genuine).toBe(false);
    if (g.genuine) return;
    expect(g.infeasibleChoices.map((c) => `${c.unit}:${c.sign}`)).toEqual(['0:1', '0:-1', '0:0']);
    g.infeasibleChoices.forEach((c) => expect(verifyInfeasibility(c.system, c.certificate)).toBe(true));
    // ±1 constrain only c (no variable here); 0 adds the unit's weight w̃ (one coordinate).
    expect(g.infeasibleChoices.map((c) => c.system.dimension)).toEqual([0, 0, 1]);
    expect(g.infeasibleCombinations).toEqual([]);
  });

  it('combines only the choices that are feasible alone and stops at maxCombinations', () => {
    // One active sample x = 1, y = 1: R₁ + … + R_K = 1 leaves every unit free to be positive, negative or zero.
    const setFor = (K: number) => {
      const region: Sign[][] = Array.from({ length: K }, () => [1]);
      return { region, m: subglobalMinimum(ratData([[1]], [1]), regionActivations(region), { bias: false, outputBias: false, normalisation: 'mean' }) };
    };
    const two = setFor(2);
    expect(() => genuineness(two.m, two.region, { maxCombinations: 8 })).toThrow(/9 output-sign combinations exceed the limit 8/);
    expect(genuineness(two.m, two.region, { maxCombinations: 9 }).genuine).toBe(true);
    // The default limit is 3^8 combinations.
    const nine = setFor(9);
    expect(() => genuineness(nine.m, nine.region)).toThrow(/19683 output-sign combinations exceed the limit 6561/);
    const eight = setFor(8);
    expect(genuineness(eight.m, eight.region).genuine).toBe(true);
  });

  it('several units with output sign 0 each get their own weight variables', () => {
    // x = 1, y = 0, two active units: R₁ + R₂ = 0; z = 0 for both needs R = 0 and w̃_j > 0 for each unit.
    const region: Sign[][] = [[1], [1]];
    const m = subglobalMinimum(ratData([[1]], [0]), regionActivations(region), { bias: false, outputBias: false, normalisation: 'mean' });
    const g = genuineness(m, region, { outputSigns: [0] });
    expect(g.genuine).toBe(true);
    if (!g.genuine) return;
    expect(g.signs).toEqual([0, 0]);
    expect(g.system.dimension).toBe(m.nullBasis.length + 2);
    g.point.weights.forEach((w) => expect(w[0]!.sign()).toBe(1));
    g.point.outputWeights.forEach((v) => expect(v.isZero()).toBe(true));
  });

  it('extra rows over c restrict the minimisers, and must have c’s dimension', () => {
    const region: Sign[][] = [[1], [1]];
    const m = subglobalMinimum(ratData([[1]], [1]), regionActivations(region), { bias: false, outputBias: false, normalisation: 'mean' });
    expect(m.nullBasis.length).toBe(1);
    const five = Rational.of(5);
    const bounded = genuineness(m, region, { extraRows: () => [{ coefficients: [Rational.ONE], kind: '>=', bound: five }] });
    expect(bounded.genuine).toBe(true);
    if (bounded.genuine) expect(bounded.coefficients[0]!.ge(five)).toBe(true);
    // 0·c > 0 rules out every combination: all nine are reported infeasible.
    const none = genuineness(m, region, { extraRows: () => [{ coefficients: [Rational.ZERO], kind: '>', bound: Rational.ZERO }] });
    expect(none.genuine).toBe(false);
    if (!none.genuine) {
      expect(none.infeasibleCombinations.length).toBe(9);
      none.infeasibleCombinations.forEach((c) => expect(verifyInfeasibility(c.system, c.certificate)).toBe(true));
    }
    expect(() => genuineness(m, region, { extraRows: () => [{ coefficients: [Rational.ONE, Rational.ONE], kind: '>', bound: Rational.ZERO }] })).toThrow(
      /extra row has 2 coefficients, expected 1/,
    );
  });

  it('a sample at the kink (x = 0) is inactive only in the closed reading', () => {
    // Bias-free unit, x = 1 active and x = 0 inactive, y = (1, 5): R = 1 uniquely, and R·0 = 0 is not < 0.
    const data = ratData([[1], [0]], [1, 5]);
    const region: Sign[][] = [[1, -1]];
    const m = subglobalMinimum(data, regionActivations(region), { bias: false, outputBias: false, normalisation: 'mean' });
    expect(genuineness(m, region).genuine).toBe(false);
    const closed = genuineness(m, region, { inactive: 'closed' });
    expect(closed.genuine).toBe(true);
    if (closed.genuine) expect(closed.point.weights[0]![0]!.equals(Rational.ONE)).toBe(true);
  });

  it('rejects a region with another number of units', () => {
    const region: Sign[][] = [[1]];
    const m = subglobalMinimum(ratData([[1]], [1]), regionActivations(region), { bias: false, outputBias: false, normalisation: 'mean' });
    expect(() => genuineness(m, [[1], [1]])).toThrow(/region has 2 units, the set has 1/);
  });
});
