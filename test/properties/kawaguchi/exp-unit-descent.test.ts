import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../../src/generators/rational.ts';
import { relu } from '../../../src/network/activation.ts';
import { augmentedNetwork, augmentedProblem, augmentedProblemOf, baseValue, convertHead, convertProblem, formalExponential, type ExpUnitParameters } from '../../../src/network/augmented-objective.ts';
import { intervalField } from '../../../src/numbers/decimal-interval.ts';
import { certainlyBelow, descentPath, describeEnclosure, enclosuresOverlap, momentDescent, notLocalMinimum, rescaledHead, rescalingRay } from '../../../src/network/exp-unit-descent.ts';
import { cubicHinge, empiricalRisk, squaredError, type Loss } from '../../../src/network/loss.ts';
import { mapNetwork, ratNetwork, type Network } from '../../../src/network/network.ts';
import type { Dataset } from '../../../src/network/dataset.ts';
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

/** L̃ by the network module in decimals for any rational base network. */
function moduleValue(net: Network<Rational>, data: Dataset<Rational>, loss: Loss, lambda: Rational, head: ExpUnitParameters<Decimal>): Decimal {
  const aug = augmentedNetwork(mapNetwork(net, D), head);
  const dData = { inputs: data.inputs.map((x) => x.map((v) => D.fromRational(v))), targets: data.targets.map((y) => y.map((v) => D.fromRational(v))) };
  return empiricalRisk(aug.network, dData, loss).plus(penaltyValue(aug.network, aug.penalty(D.fromRational(lambda))));
}

const tenTo = (n: number): Rational => Rational.of(10n ** BigInt(n));

/** Example 7’s configuration: f ≡ 0, inputs 0 and 1, labels ±1, the summed cubic hinge, λ = 1/2 (∇ℓ = (−3, 3), ζ(0) = 0). */
const example7 = {
  net: ratNetwork({ layers: [{ weights: [[0]], bias: [0] }] }),
  data: { inputs: [[q(0)], [q(1)]], targets: [[q(1)], [q(-1)]] },
  loss: cubicHinge('sum'),
  lambda: q(1, 2),
};
const example7Problem = () => augmentedProblemOf(RationalField, example7.net, example7.data, example7.loss, example7.lambda, formalExponential);

/** Two inputs 0 and 1, f = 0, y = 1, the mean squared error, λ = 1/2: L̃ = (σ − 1)² + σ²/2 along a = σ at w = 0. */
const quadratic = () =>
  augmentedProblem(RationalField, { inputs: [[q(0)], [q(1)]], outputs: [[q(0)], [q(0)]], targets: [[q(1)], [q(1)]], loss: squaredError('mean'), lambda: q(1, 2) }, formalExponential);

describe('enclosure comparisons', () => {
  it('overlap needs each interval to reach the other; certainlyBelow needs a gap', () => {
    const low = I.between(0, 1);
    const high = I.between(2, 3);
    const middle = I.between(1, 2);
    expect(enclosuresOverlap(low, high)).toBe(false);
    expect(enclosuresOverlap(high, low)).toBe(false);
    expect(enclosuresOverlap(low, middle) && enclosuresOverlap(middle, high)).toBe(true);
    expect(certainlyBelow(low, high)).toBe(true);
    expect(certainlyBelow(low, middle)).toBe(false);
  });
});

describe('the rescaling ray: what it does not certify', () => {
  it('at a = 0 L̃ is constant along the ray: not strictly decreasing, though the closed form holds', () => {
    const ray = rescalingRay(convertProblem(quadratic(), I), convertHead(I, { a: [q(0)], b: [q(0)], w: [[q(0)]] }), [q(1, 10), q(1)]);
    expect(ray.strictlyDecreasing).toBe(false);
    expect(ray.matchesClosedForm).toBe(true);
  });

  it('with a stand-in exp that is not exponential, g changes along the ray and the closed form fails', () => {
    const I10 = intervalField(10);
    // "exp"(z) = 1 + z at a = 1, λ = 1: g = (1 − t)(1 + t), L̃ = t⁴ + (1 − t)², closed form 1 − 2t.
    const problem = augmentedProblem(RationalField, { inputs: [[q(0)]], outputs: [[q(0)]], targets: [[q(1)]], loss: squaredError('mean'), lambda: q(1) }, formalExponential);
    const p = convertProblem(problem, I10, (z) => I10.add(I10.one, z));
    // t = 10⁻²⁰: the mismatch 10⁻⁴⁰ hides in 10-digit enclosures; t = 1: L̃ = 1 but the closed form says −1.
    const ray = rescalingRay(p, convertHead(I10, { a: [q(1)], b: [q(0)], w: [[q(0)]] }), [tenTo(20).inv(), q(1)]);
    expect(enclosuresOverlap(ray.points[0]!.value, ray.points[0]!.predicted)).toBe(true);
    expect(enclosuresOverlap(ray.points[1]!.value, ray.points[1]!.predicted)).toBe(false);
    expect(ray.matchesClosedForm).toBe(false);
  });
});

describe('momentDescent on a hand-computable instance', () => {
  it('order 0: ζ = z_0 = 2(0 − 1) + 2(0 − 1) = −4, so a moves up at ε̄ = 0 until the samples decrease', () => {
    const problem = quadratic();
    const out = momentDescent(problem, I, { b: [q(0)], w: [[q(0)]] }, { radii: [q(1)], samples: 8 });
    expect(out.kind).toBe('moments');
    if (out.kind !== 'moments') return;
    expect(out.unit).toBe(0);
    expect(out.groupSums.map(String)).toEqual(['-2', '-2']);
    expect(out.order).toBe(0);
    // Only the moments up to the first certified one are kept.
    expect(out.moments).toHaveLength(1);
    expect(out.moments[0]!.contains(-4)).toBe(true);
    expect(out.baseValue.contains(1)).toBe(true);
    const [point] = out.points;
    expect(out.points).toHaveLength(1);
    expect(point!.epsilon.isZero()).toBe(true);
    expect(point!.slope.contains(-4)).toBe(true);
    // L̃(σ) = 1 − 2σ + 3σ²/2 decreases only up to σ = 2/3: at τ = 1 the end (1/2) is below L(θ) = 1 but
    // the samples j/8 turn up after 5/8, so τ = 1/10 is the first step whose eight samples all decrease.
    expect(point!.tau.toString()).toBe('1/10');
    expect(point!.samples).toHaveLength(8);
    point!.samples.forEach((v, j) => {
      const sigma = q(j + 1, 80);
      expect(v.contains(D.fromRational(q(1).sub(sigma.mul(q(2))).add(sigma.mul(sigma).mul(q(3, 2)))))).toBe(true);
    });
    expect(point!.samples[7]).toBe(point!.value);
    // Without options: one sample per point, the end point itself.
    const plain = momentDescent(problem, I, { b: [q(0)], w: [[q(0)]] });
    expect(plain.kind === 'moments' && plain.points.every((pt) => pt.samples.length === 1 && pt.samples[0] === pt.value && pt.epsilon.isZero())).toBe(true);
  });

  it('reports failure when no moment is certified non-zero at the working precision', () => {
    // Inputs 1 and 1 + 10⁻³⁰ with ∇ℓ = ∓2: z_0 = 0 and z_1 = 2·10⁻³⁰, below the width of 20-digit enclosures.
    const problem = augmentedProblem(
      RationalField,
      { inputs: [[q(1)], [q(1).add(tenTo(30).inv())]], outputs: [[q(0)], [q(0)]], targets: [[q(1)], [q(-1)]], loss: squaredError('mean'), lambda: q(1) },
      formalExponential,
    );
    const out = momentDescent(problem, intervalField(20), { b: [q(0)], w: [[q(0)]] });
    expect(out).toEqual({ kind: 'failed', reason: 'no moment z_0 … z_1 certified non-zero at 20 digits' });
  });

  it('reports failure when ζ(ε̄) is not certified non-zero, or no step τ is certified to descend', () => {
    const problem = example7Problem();
    const head = { b: [q(0)], w: [[q(0)]] };
    // ζ(ε̄) ≈ 3ε̄ = 3·10⁻⁷⁰ is swamped by the 60-digit enclosure of z_0 = 0.
    const tiny = momentDescent(problem, I, head, { radii: [tenTo(70).inv()] });
    expect(tiny.kind).toBe('failed');
    if (tiny.kind === 'failed') expect(tiny.reason).toMatch(/^ζ\(1\/10{70}\) not certified non-zero: \[/);
    // ζ(10⁻⁵⁰) ≈ 3·10⁻⁵⁰ is certified, but the best decrease, about ζ²/(4·13) ≈ 10⁻¹⁰¹, is far below 10⁻⁵⁹.
    const small = momentDescent(problem, I, head, { radii: [tenTo(50).inv()] });
    expect(small).toEqual({ kind: 'failed', reason: `no step τ ≤ 1/1${'0'.repeat(50)} certified to lower L̃ below L(θ) at ε̄ = 1/1${'0'.repeat(50)}` });
  });
});

describe('notLocalMinimum and descentPath: which route, and failures', () => {
  const twoOutputs = () =>
    augmentedProblem(
      RationalField,
      { inputs: [[q(0)], [q(1)]], outputs: [[q(0), q(0)], [q(0), q(0)]], targets: [[q(1), q(1)], [q(1), q(1)]], loss: squaredError('mean'), lambda: q(1, 2) },
      formalExponential,
    );

  it('takes the rescaling ray as soon as one a_k ≠ 0, and the ray exhibits points below the start', () => {
    const head = { a: [q(1), q(0)], b: [q(0), q(0)], w: [[q(0)], [q(0)]] };
    const cert = notLocalMinimum(twoOutputs(), I, head);
    expect(cert.kind).toBe('ray');
    if (cert.kind === 'ray') {
      expect(cert.points.length).toBeGreaterThan(0);
      expect(cert.points.every((pt) => certainlyBelow(pt.value, cert.start))).toBe(true);
    }
    expect(descentPath(twoOutputs(), I, head).kind).toBe('ray');
  });

  it('fails when the ray’s decrease is below the enclosure width, and the path is then not strictly decreasing', () => {
    const head = { a: [q(1)], b: [q(0)], w: [[q(0)]] };
    const p = quadratic();
    // At t = 10⁻⁸⁰ the decrease λa²(1 − e^{−2t}) ≈ 10⁻⁸⁰ is invisible in 60 digits; the closed form still agrees.
    expect(notLocalMinimum(p, I, head, [tenTo(80).inv()])).toEqual({ kind: 'failed', reason: 'rescaling ray: decreasing false, closed form true' });
    const path = descentPath(p, I, head, [tenTo(80).inv()]);
    expect(path.kind === 'ray' && path.strictlyDecreasing).toBe(false);
    expect(path.kind).toBe('ray');
  });

  it('descentPath at a per-input optimal θ reports it; from Example 7 it is the a-segment then the ray', () => {
    const optimal = augmentedProblem(RationalField, { inputs: [[q(0)]], outputs: [[q(1)]], targets: [[q(1)]], loss: squaredError('mean'), lambda: q(1) }, formalExponential);
    expect(descentPath(optimal, I, { a: [q(0)], b: [q(0)], w: [[q(0)]] })).toEqual({ kind: 'optimal' });
    const path = descentPath(example7Problem(), I, { a: [q(0)], b: [q(0)], w: [[q(0)]] }, [q(1, 1000), q(1)]);
    expect(path.kind).toBe('moments-then-ray');
    if (path.kind !== 'moments-then-ray') return;
    // Eight samples along the a-segment, then one value per time.
    expect(path.values).toHaveLength(8 + 2);
    expect(path.strictlyDecreasing).toBe(true);
    // The ray starts where the a-segment ended, w moved by ε̄u: recompute its first value independently.
    const step = momentDescent(example7Problem(), I, { b: [q(0)], w: [[q(0)]] }, { radii: [q(1, 100)], samples: 8 });
    if (step.kind !== 'moments') throw new Error('Example 7 has a moment certificate');
    const pt = step.points[0]!;
    const a = D.fromRational(pt.tau).times(pt.slope.isPositive() ? -1 : 1);
    const t = D.fromRational(q(1, 1000));
    const moved = { a: [D.mul(a, D.exp!(D.neg(t)))], b: [t], w: [[D.fromRational(pt.epsilon.mul(step.direction[0]!))]] };
    expect(path.values[8]!.contains(moduleValue(example7.net, example7.data, example7.loss, example7.lambda, moved))).toBe(true);
  });
});

describe('describeEnclosure', () => {
  it('prints the midpoint to 12 significant digits and the radius to 2, in exponent form when tiny or huge', () => {
    expect(describeEnclosure(I.between(0.25, 0.75))).toBe('0.5 ± 0.25');
    expect(describeEnclosure(I.zero)).toBe('0 ± 0');
    expect(describeEnclosure(I.between('1.99999999999999999999', '2.00000000000000000001'))).toBe('2 ± 1.0e-20');
    expect(describeEnclosure(I.point('2e12'))).toBe('2.00000000000e+12 ± 0');
    expect(describeEnclosure(I.point('0.0000001234'))).toBe('1.23400000000e-7 ± 0');
    expect(describeEnclosure(I.between('0.33333', '0.33334'), 4)).toBe('0.3333 ± 0.000005');
  });
});
