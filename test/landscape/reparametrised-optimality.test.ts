import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { linear, relu } from '../../src/network/activation.ts';
import { ratData } from '../../src/network/dataset.ts';
import { empiricalRisk, squaredError } from '../../src/network/loss.ts';
import { network } from '../../src/network/network.ts';
import { reparametrisedOptimality } from '../../src/landscape/reparametrised-optimality.ts';
import { kinkCase, nearbyLosses, smallVector } from './support.ts';
import { dataset } from '../../src/generators/dataset.ts';

const F = RationalField;

/** Kink points of one-hidden-layer networks, some with a zero output weight and some with an output bias. */
const kinkVariants = kinkCase.chain(({ net, data }) =>
  fc.tuple(fc.boolean(), fc.boolean(), fc.integer({ min: -2, max: 2 })).map(([zeroFirst, outputBias, c]) => ({
    data,
    net: network(F, {
      layers: [
        net.layers[0]!,
        { weights: [net.layers[1]!.weights[0]!.map((v, j) => (zeroFirst && j === 0 ? Rational.ZERO : v))], bias: outputBias ? [Rational.fromInt(c)] : null },
      ],
    }),
  })),
);

/** Decomposition Fig. 2 generalised: a unit with w = 0 sits on every kink; random data, output weights and a second unit. */
const deadCentre = fc
  .record({
    data: dataset({ minDim: 1, maxDim: 2, minPoints: 2, maxPoints: 3, nonZeroInputs: true }),
    v: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 2, maxLength: 2 }),
    second: fc.boolean(),
  })
  .chain(({ data, v, second }) =>
    smallVector(data.inputs[0]!.length).map((w) => ({
      data,
      net: network(F, {
        layers: [
          { weights: second ? [w.map(() => Rational.ZERO), w] : [w.map(() => Rational.ZERO)], activation: relu(F) },
          { weights: [second ? v.map((x) => Rational.fromInt(x)) : [Rational.fromInt(v[0]!)]] },
        ],
      }),
    })),
  );

describe('local optimality through the convex reparametrisation, at kinks', () => {
  it('whenever it certifies a local minimum or maximum, no nearby exact loss contradicts it', () => {
    let certified = 0;
    fc.assert(
      fc.property(fc.oneof(kinkVariants, deadCentre), ({ net, data }) => {
        const loss = squaredError('half-sum');
        const base = empiricalRisk(net, data, loss);
        const near = nearbyLosses(net, data, loss, { count: 40, scales: [10, 18] });
        for (const sense of ['min', 'max'] as const) {
          const result = reparametrisedOptimality(net, data, loss, { sense });
          if (!result.applicable || !result.holds) continue;
          certified++;
          if (sense === 'min') expect(near.every((v) => v.ge(base))).toBe(true);
          else expect(near.every((v) => v.le(base))).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
    expect(certified).toBeGreaterThan(10);
  });

  it('on the line w1 = 0 of decomposition Fig. 2 it certifies minima exactly where w2 > 0 and maxima where w2 < 0', () => {
    const data = ratData([[-2], [2]], [-3, -1]);
    const loss = squaredError('half-sum');
    for (const w2 of ['-3', '-1/2', '1/3', '2'].map((s) => Rational.from(s))) {
      const net = network(F, { layers: [{ weights: [[Rational.ZERO]], activation: relu(F) }, { weights: [[w2]] }] });
      const min = reparametrisedOptimality(net, data, loss, { sense: 'min' });
      const max = reparametrisedOptimality(net, data, loss, { sense: 'max' });
      const near = nearbyLosses(net, data, loss, { count: 40, scales: [8, 16] });
      expect(min.applicable && max.applicable).toBe(true);
      if (!min.applicable || !max.applicable) return;
      expect(min.holds).toBe(near.every((v) => v.ge(Rational.fromInt(5))));
      expect(max.holds).toBe(near.every((v) => v.le(Rational.fromInt(5))));
      expect(min.holds).toBe(w2.sign() > 0);
      expect(max.holds).toBe(w2.sign() < 0);
    }
  });
});

const row = (...xs: number[]): Rational[] => xs.map((x) => Rational.fromInt(x));
const halfSum = squaredError('half-sum');

describe('reparametrised optimality: applicability and bookkeeping', () => {
  it('passes on the reason a network is outside the reparametrisation', () => {
    const deep = network(F, { layers: [{ weights: [row(1)], activation: relu(F) }, { weights: [row(1)], activation: relu(F) }, { weights: [row(1)] }] });
    expect(reparametrisedOptimality(deep, ratData([[1]], [1]), halfSum)).toEqual({ applicable: false, reason: 'the network has 2 hidden layers, not one' });
  });

  it('with a linear hidden unit it is the normal equations of least squares', () => {
    // f = z·w·x on x = 1, 2, y = 1, 1: Q(R) = ½Σ(R x_i − y_i)² is least at R = Σxy/Σx² = 3/5.
    const data = ratData([[1], [2]], [1, 1]);
    const at = (w: string) => network(F, { layers: [{ weights: [[Rational.from(w)]], activation: linear(F) }, { weights: [row(1)] }] });
    const optimal = reparametrisedOptimality(at('3/5'), data, halfSum);
    expect(optimal).toMatchObject({ applicable: true, holds: true, casesChecked: 1, failures: [] });
    const above = reparametrisedOptimality(at('1'), data, halfSum);
    expect(above.applicable && !above.holds).toBe(true);
    // At R = 1 > 3/5 the loss falls towards smaller R; the failure names the point's own sign pattern (w·x_i > 0).
    if (above.applicable) {
      expect(above.failures[0]!.direction[0]!.sign()).toBe(-1);
      expect(above.failures[0]!.region).toEqual([[1, 1]]);
    }
  });

  // Two ReLU units with w = 1, z = 0 on x = 1, y = 1: one region, z = 0 leaves both output signs open (4 cases).
  // In case (s_1, s_2) the cone is s_j d_j ≥ 0 and ∇Q = Aᵀr = (−1, −1), so Q falls along the cone iff some s_j = +1.
  const idle = network(F, { layers: [{ weights: [row(1), row(1)], activation: relu(F) }, { weights: [row(0, 0)] }] });
  const one = ratData([[1]], [1]);

  it('gives up beyond maxCases, counting regions times output-sign choices', () => {
    expect(reparametrisedOptimality(idle, one, halfSum, { maxCases: 3 })).toEqual({
      applicable: false,
      reason: '4 adjacent (region, output-sign) cases exceed the limit 3',
    });
    expect(reparametrisedOptimality(idle, one, halfSum, { maxCases: 4 }).applicable).toBe(true);
  });

  it('reports every failing sign case, in order, and stops after maxFailures', () => {
    const all = reparametrisedOptimality(idle, one, halfSum);
    expect(all).toMatchObject({ applicable: true, holds: false, casesChecked: 4 });
    if (!all.applicable) return;
    expect(all.failures.map((f) => f.outputSigns)).toEqual([
      [1, 1],
      [1, -1],
      [-1, 1],
    ]);
    for (const limit of [1, 2]) {
      const cut = reparametrisedOptimality(idle, one, halfSum, { maxFailures: limit });
      expect(cut).toMatchObject({ applicable: true, holds: false, casesChecked: limit });
      if (cut.applicable) expect(cut.failures.length).toBe(limit);
    }
  });

  it('for a maximum, a direction on the flat face that changes the fit is a failure', () => {
    // x = 1, −1, y = 1, 0, w = (1, −1), z = 0: A = [[1, 0], [0, −1]], r = −y, ∇Q = (−1, 0);
    // cone s_1 d_1 ≥ 0, s_2 d_2 ≤ 0. With s_1 = −1, Q rises along d_1 < 0 (first order). With s_1 = +1,
    // ∇Q·d ≤ 0 on the cone, its face is d_1 = 0, and there row 1 of A vanishes but row 2 (−d_2) does not:
    // Q rises at second order. So all four sign cases fail (indeed L grows along z_2 at w_2 = −1).
    const net = network(F, { layers: [{ weights: [row(1), row(-1)], activation: relu(F) }, { weights: [row(0, 0)] }] });
    const result = reparametrisedOptimality(net, ratData([[1], [-1]], [1, 0]), halfSum, { sense: 'max' });
    expect(result).toMatchObject({ applicable: true, holds: false, casesChecked: 4 });
    if (!result.applicable) return;
    expect(result.failures.length).toBe(4);
    const secondOrder = result.failures.filter((f) => f.outputSigns[0] === 1);
    expect(secondOrder.length).toBe(2);
    for (const f of secondOrder) expect([f.direction[0]!.isZero(), f.direction[1]!.isZero()]).toEqual([true, false]);
  });
});
