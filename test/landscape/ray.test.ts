import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkAndDataset, parameterDirection } from '../../src/generators/network.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { activationPattern } from '../../src/network/forward.ts';
import { cubicHinge, squaredError } from '../../src/network/loss.ts';
import { flattenParameters, unflattenParameters } from '../../src/network/parameters.ts';
import { patternKey, resolveBreakpoints } from '../../src/network/pattern.ts';
import { enteringPattern, lossOnRay } from '../../src/landscape/ray.ts';
import { kinkCase, lossAt, pow2, realChangeAlong } from './support.ts';

const evaluate = (cs: readonly Rational[], t: Rational): Rational => cs.reduce((s, c, k) => s.add(c.mul(t.pow(k))), Rational.ZERO);

describe('one-sided loss expansion along a ray', () => {
  it('equals the real loss at tiny t and predicts the pattern the ray enters (any depth, kinks included)', () => {
    const nets = fc.oneof(
      networkAndDataset({ generalPosition: false, network: { weights: { maxNumerator: 2, maxDenominator: 1 } }, data: { entries: { maxNumerator: 2, maxDenominator: 1 } } }),
      kinkCase.map((c) => ({ network: c.net, data: c.data })),
    );
    fc.assert(
      fc.property(nets.chain((c) => parameterDirection(c.network).map((X) => ({ ...c, X }))), ({ network: net, data, X }) => {
        const loss = squaredError('half-sum');
        const ray = lossOnRay(net, data, loss, X);
        expect(ray.complete).toBe(true);
        for (const k of [30, 34]) {
          const t = pow2(k);
          expect(evaluate(ray.coefficients, t).equals(lossAt(net, data, loss, X, t))).toBe(true);
          const moved = unflattenParameters(net, flattenParameters(net).map((v, i) => v.add(t.mul(X[i]!))));
          // A pre-activation that stays exactly on its kink (z(t) ≡ t_k) is frozen to the left piece.
          expect(patternKey(resolveBreakpoints(activationPattern(moved, data), 'left'))).toBe(patternKey(enteringPattern(net, data, X)));
        }
        if (ray.sign !== null) expect(realChangeAlong(net, data, loss, ray).sign()).toBe(ray.sign);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the first two coefficients for a non-squared polynomial loss and rejects bad directions', () => {
    fc.assert(
      fc.property(kinkCase.chain((c) => parameterDirection(c.net).map((X) => ({ ...c, X }))), ({ net, data, X }) => {
        const hingeData = { inputs: data.inputs, targets: data.targets.map((y) => [y[0]!.sign() >= 0 ? Rational.ONE : Rational.MINUS_ONE]) };
        const ray = lossOnRay(net, hingeData, cubicHinge('mean'), X);
        expect(ray.complete).toBe(false);
        // c₀ + c₁t + c₂t² matches the real loss up to o(t²): the gap over t² is tiny at a tiny t.
        const t = pow2(60);
        const gap = lossAt(net, hingeData, cubicHinge('mean'), X, t).sub(evaluate(ray.coefficients, t)).abs();
        expect(gap.div(t.pow(2)).le(pow2(8))).toBe(true);
      }),
      { numRuns: 30 },
    );
    const { net, data } = fc.sample(kinkCase, { numRuns: 1, seed: 1 })[0]!;
    expect(() => lossOnRay(net, data, squaredError('mean'), [Rational.ONE])).toThrow(/direction has 1 entries/);
  });
});
