import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../../src/generators/rational.ts';
import { relu } from '../../../src/network/activation.ts';
import { augmentedNetwork, augmentedProblemOf, baseValue, convertHead, convertProblem, formalExponential, type ExpUnitParameters } from '../../../src/network/augmented-objective.ts';
import { intervalField } from '../../../src/numbers/decimal-interval.ts';
import { descentPath, momentDescent, notLocalMinimum, rescaledHead, rescalingRay } from '../../../src/network/exp-unit-descent.ts';
import { cubicHinge, empiricalRisk, squaredError, type Loss } from '../../../src/network/loss.ts';
import { mapNetwork, ratNetwork } from '../../../src/network/network.ts';
import { penaltyValue } from '../../../src/network/penalty.ts';
import { decimalField } from '../../../src/numbers/decimal-field.ts';
import { Rational, q } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';

const I = intervalField(60);
const D = decimalField(100);
const entry = smallRational({ maxNumerator: 2, maxDenominator: 2 });
const key = (x: readonly Rational[]): string => x.map(String).join(',');

const setting = fc
  .record({ d: fc.integer({ min: 1, max: 2 }), hinge: fc.boolean() })
  .chain(({ d, hinge }) =>
    fc.record({
      hinge: fc.constant(hinge),
      W1: fc.array(fc.array(entry, { minLength: d, maxLength: d }), { minLength: 2, maxLength: 2 }),
      c1: fc.array(entry, { minLength: 2, maxLength: 2 }),
      W2: fc.array(entry, { minLength: 2, maxLength: 2 }),
      c2: entry,
      inputs: fc.uniqueArray(fc.array(entry, { minLength: d, maxLength: d }), { minLength: 1, maxLength: 3, selector: key }),
      labels: fc.array(hinge ? fc.constantFrom(q(1), q(-1)) : entry, { minLength: 3, maxLength: 3 }),
      lambda: smallRational({ maxNumerator: 2, maxDenominator: 2, positive: true }),
      b: entry,
      w: fc.array(entry, { minLength: d, maxLength: d }),
    }),
  );
type Setting = typeof setting extends fc.Arbitrary<infer S> ? S : never;

function build(s: Setting) {
  const net = ratNetwork({ layers: [{ weights: s.W1, bias: s.c1, activation: relu(RationalField) }, { weights: [s.W2], bias: [s.c2] }] });
  const data = { inputs: s.inputs, targets: s.inputs.map((_, i) => [s.labels[i]!]) };
  const loss: Loss = s.hinge ? cubicHinge('mean') : squaredError('mean');
  return { net, data, loss, problem: augmentedProblemOf(RationalField, net, data, loss, s.lambda, formalExponential) };
}

/** L̃ recomputed by the network module in decimals (forward pass with the exp head, risk, penalty). */
function networkModuleValue(s: Setting, head: ExpUnitParameters<Decimal>): Decimal {
  const { net, data, loss } = build(s);
  const aug = augmentedNetwork(mapNetwork(net, D), head);
  const dData = { inputs: data.inputs.map((x) => x.map((v) => D.fromRational(v))), targets: data.targets.map((y) => y.map((v) => D.fromRational(v))) };
  return empiricalRisk(aug.network, dData, loss).plus(penaltyValue(aug.network, aug.penalty(D.fromRational(s.lambda))));
}

describe('the rescaling ray', () => {
  it('leaves g unchanged: L̃ along the ray is L̃ − λa²(1 − e^{−2t}), recomputed by the network module', () => {
    fc.assert(
      fc.property(setting, smallRational({ maxNumerator: 2, maxDenominator: 2, nonZero: true }), (s, a) => {
        const { problem } = build(s);
        const head = { a: [a], b: [s.b], w: [s.w] };
        const ts = [q(1, 1000), q(1), q(7)];
        const ray = rescalingRay(convertProblem(problem, I), convertHead(I, head), ts);
        expect(ray.strictlyDecreasing && ray.matchesClosedForm).toBe(true);
        const start = networkModuleValue(s, { a: [D.fromRational(a)], b: [D.fromRational(s.b)], w: [s.w.map((v) => D.fromRational(v))] });
        ts.forEach((t, j) => {
          const moved = rescaledHead(D, (z) => z.exp(), { a: [D.fromRational(a)], b: [D.fromRational(s.b)], w: [s.w.map((v) => D.fromRational(v))] }, D.fromRational(t));
          const v = networkModuleValue(s, moved);
          const closed = start.minus(D.fromRational(s.lambda.mul(a).mul(a)).times(D.one.minus(D.fromRational(t).times(-2).exp())));
          expect(v.minus(closed).abs().lt("1e-80")).toBe(true);
          expect(ray.points[j]!.value.contains(v)).toBe(true);
        });
      }),
      { numRuns: 30 },
    );
  });
});

describe('the moment descent at a = 0', () => {
  it('each certified point has L̃ < L(θ) when recomputed by the network module; optimal θ is reported as such', () => {
    let certified = 0;
    fc.assert(
      fc.property(setting, (s) => {
        const { problem } = build(s);
        const out = momentDescent(problem, I, { b: [s.b], w: [s.w] });
        if (out.kind === 'optimal') {
          expect(problem.outputs.every((o, i) => problem.loss.point.gradient(RationalField, o, problem.targets[i]!)[0]!.isZero())).toBe(true);
          return;
        }
        expect(out.kind).toBe('moments');
        if (out.kind !== 'moments') return;
        certified++;
        const L = D.fromRational(baseValue(problem));
        for (const point of out.points) {
          const s0 = point.slope.isPositive() ? -1 : 1;
          const head = {
            a: [D.fromRational(point.tau).times(s0)],
            b: [D.fromRational(s.b)],
            w: [s.w.map((v, c) => D.fromRational(v.add(point.epsilon.mul(out.direction[c]!))))],
          };
          expect(networkModuleValue(s, head).lt(L)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
    expect(certified).toBeGreaterThan(10);
  });

  it('needs the W perturbation when ∂L̃/∂a = 0 at a = 0 (Example 7’s configuration)', () => {
    const problem = augmentedProblemOf(
      RationalField,
      ratNetwork({ layers: [{ weights: [[0]], bias: [0] }] }),
      { inputs: [[q(0)], [q(1)]], targets: [[q(1)], [q(-1)]] },
      cubicHinge('sum'),
      q(1, 2),
      formalExponential,
    );
    // f ≡ 0 here, so ∇ℓ = (−3, 3): ζ(0) = −3 + 3 = 0 with w = 0 and the first moment decides.
    const out = momentDescent(problem, I, { b: [q(0)], w: [[q(0)]] });
    expect(out.kind).toBe('moments');
    if (out.kind === 'moments') {
      expect(out.order).toBe(1);
      expect(out.moments[0]!.containsZero()).toBe(true);
    }
  });
});

describe('descentPath and notLocalMinimum', () => {
  it('descentPath decreases strictly and ends with b + 40; notLocalMinimum certifies every generated point', () => {
    fc.assert(
      fc.property(setting, smallRational({ maxNumerator: 1, maxDenominator: 2 }), (s, a) => {
        const { problem } = build(s);
        const head = { a: [a], b: [s.b], w: [s.w] };
        const path = descentPath(problem, I, head);
        if (path.kind === 'optimal') return;
        expect(path.kind === 'ray' || path.kind === 'moments-then-ray').toBe(true);
        if (path.kind === 'failed') return;
        expect(path.strictlyDecreasing).toBe(true);
        expect(path.finalB.map(String)).toEqual([s.b.add(q(40)).toString()]);
        const cert = notLocalMinimum(problem, I, head);
        expect(cert.kind === 'ray' || cert.kind === 'moments').toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
