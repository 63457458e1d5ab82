import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { relu } from '../../src/network/activation.ts';
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
