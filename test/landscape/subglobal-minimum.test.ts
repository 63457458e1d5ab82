import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/generators/dataset.ts';
import { solve } from '../../src/linalg/elimination.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { insidePiece } from '../../src/network/activation.ts';
import { ratData } from '../../src/network/dataset.ts';
import { empiricalRisk, squaredError, type Normalisation } from '../../src/network/loss.ts';
import { oneHiddenLayerNetwork } from '../../src/landscape/one-hidden-layer.ts';
import { minimiserAt, regionLoss, subglobalMinimum } from '../../src/landscape/subglobal-minimum.ts';
import { smallVector } from './support.ts';

const NORMALISATIONS: Normalisation[] = ['half-sum', 'mean', 'sum', 'half-mean'];

const problem = fc
  .record({
    data: dataset({ minDim: 1, maxDim: 2, minPoints: 1, maxPoints: 4 }),
    units: fc.integer({ min: 1, max: 2 }),
    bias: fc.boolean(),
    outputBias: fc.boolean(),
    normalisation: fc.constantFrom(...NORMALISATIONS),
  })
  .chain((p) =>
    fc
      .array(fc.array(fc.constantFrom(Rational.ZERO, Rational.ONE), { minLength: p.units, maxLength: p.units }), {
        minLength: p.data.inputs.length,
        maxLength: p.data.inputs.length,
      })
      .map((activations) => ({ ...p, activations })),
  );

describe('subglobal minimum of an activation pattern', () => {
  it('agrees with the normal equations solved independently, and is the minimum of the region loss', () => {
    fc.assert(
      fc.property(problem, fc.array(smallVector(12), { minLength: 3, maxLength: 3 }), (p, probes) => {
        const m = subglobalMinimum(p.data, p.activations, p);
        const A = m.design;
        const At = A.transpose();
        // Independent: Gauss–Jordan on AᵀA R = Aᵀy (always consistent).
        const normal = solve(At.mul(A), At.mulVec(m.targets));
        if (normal.kind !== 'solution') throw new Error('normal equations must be consistent');
        expect(regionLoss(m, normal.particular).equals(m.value)).toBe(true);
        expect(normal.nullBasis.length).toBe(m.nullBasis.length);
        expect(m.unique).toBe(normal.nullBasis.length === 0);
        expect(m.rank + m.nullBasis.length).toBe(A.cols);
        // Aᵀ(AR* − y) = 0 at the returned minimiser and at every point of its affine set.
        const coefficients = m.nullBasis.map((_, k) => Rational.fromInt(k + 2));
        for (const R of [m.minimiser, minimiserAt(m, coefficients)]) {
          expect(At.mulVec(A.mulVec(R).map((f, i) => f.sub(m.targets[i]!))).every((v) => v.isZero())).toBe(true);
          expect(regionLoss(m, R).equals(m.value)).toBe(true);
        }
        // Brute force: no probe point does better.
        for (const probe of probes) {
          const R = m.minimiser.map((r, k) => r.add(probe[k % probe.length]!.div(Rational.fromInt(k + 1))));
          expect(regionLoss(m, R).ge(m.value)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('its value is the loss of the realising point under the frozen forward pass of the network', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const m = subglobalMinimum(p.data, p.activations, p);
        const net = oneHiddenLayerNetwork(m.point);
        // a_ij = 1 ↦ the ReLU's active piece, 0 ↦ its inactive piece, frozen whatever the signs.
        const pattern = p.activations.map((row) => [row.map((a) => insidePiece(a.isZero() ? 0 : 1)), [insidePiece(0)]]);
        expect(empiricalRisk(net, p.data, squaredError(p.normalisation), { pattern }).equals(m.value)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('matches plain gradient descent in 40-digit decimals on a small case', () => {
    // x = −1, 0, 2, 3 with y = 1, −1, 2, 0; two units with a bias, pattern a = (1,0),(1,1),(0,1),(1,1), and c.
    const data = ratData([[-1], [0], [2], [3]], [1, -1, 2, 0]);
    const a = [[1, 0], [1, 1], [0, 1], [1, 1]].map((r) => r.map((v) => Rational.fromInt(v)));
    const m = subglobalMinimum(data, a, { bias: true, outputBias: true, normalisation: 'half-sum' });
    const D = Decimal.clone({ precision: 40 });
    const rows = m.design.toArrays().map((r) => r.map((v) => new D(v.num.toString()).div(v.den.toString())));
    const ys = m.targets.map((v) => new D(v.num.toString()).div(v.den.toString()));
    let R = rows[0]!.map(() => new D(0));
    const step = new D(1).div(40);
    for (let it = 0; it < 6000; it++) {
      const residual = rows.map((row, i) => row.reduce((s, v, k) => s.add(v.mul(R[k]!)), new D(0)).sub(ys[i]!));
      const gradient = R.map((_, k) => rows.reduce((s, row, i) => s.add(row[k]!.mul(residual[i]!)), new D(0)));
      R = R.map((r, k) => r.sub(step.mul(gradient[k]!)));
    }
    const value = rows
      .map((row, i) => row.reduce((s, v, k) => s.add(v.mul(R[k]!)), new D(0)).sub(ys[i]!))
      .reduce((s, r) => s.add(r.mul(r)), new D(0))
      .div(2);
    const exact = new D(m.value.num.toString()).div(m.value.den.toString());
    expect(value.sub(exact).abs().lt(new D('1e-20'))).toBe(true);
    expect(m.unique).toBe(false);
  });

  it('rejects bad input with a clear error', () => {
    const data = ratData([[1], [2]], [1, 2]);
    expect(() => subglobalMinimum({ inputs: [], targets: [] }, [], { bias: false, outputBias: false, normalisation: 'mean' })).toThrow(/empty/);
    expect(() => subglobalMinimum(data, [[Rational.ONE]], { bias: false, outputBias: false, normalisation: 'mean' })).toThrow(/activations have 1 rows/);
    expect(() => subglobalMinimum(ratData([[1]], [[1, 2]]), [[Rational.ONE]], { bias: false, outputBias: false, normalisation: 'mean' })).toThrow(/scalar/);
    // No hidden unit: neither an empty activation list nor empty rows.
    for (const none of [[], [[], []]]) {
      expect(() => subglobalMinimum(data, none, { bias: false, outputBias: false, normalisation: 'mean' })).toThrow(/at least one hidden unit/);
    }
  });

  it('minimiserAt needs one coefficient per null-space direction', () => {
    // x = 1 with two active units: R₁ + R₂ = y, one null direction.
    const m = subglobalMinimum(ratData([[1]], [3]), [[Rational.ONE, Rational.ONE]], { bias: false, outputBias: false, normalisation: 'mean' });
    expect(m.nullBasis.length).toBe(1);
    expect(() => minimiserAt(m, [])).toThrow(/expected 1 coefficients, got 0/);
    const R = minimiserAt(m, [Rational.of(5)]);
    expect(R[0]!.add(R[1]!).equals(Rational.of(3))).toBe(true);
  });
});
