import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../../src/generators/rational.ts';
import { relu } from '../../../src/network/activation.ts';
import {
  augmentedGradient,
  augmentedNetwork,
  augmentedProblem,
  augmentedProblemOf,
  augmentedValue,
  baseValue,
  convertHead,
  convertProblem,
  eq9Residuals,
  formalExpField,
  formalExponential,
  outputLayerGradient,
  type AugmentedProblem,
  type ExpUnitParameters,
} from '../../../src/network/augmented-objective.ts';
import { intervalField } from '../../../src/numbers/decimal-interval.ts';
import { lossGradient } from '../../../src/network/derivatives.ts';
import { cubicHinge, empiricalRisk, squaredError, type Loss } from '../../../src/network/loss.ts';
import { mapNetwork, network, ratNetwork } from '../../../src/network/network.ts';
import { penaltyValue } from '../../../src/network/penalty.ts';
import { nonConvexQuartic } from '../../../src/network/quartic-loss.ts';
import { decimalField } from '../../../src/numbers/decimal-field.ts';
import { Rational, q } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';

const D = decimalField(120);
const I = intervalField(60);
const entry = smallRational({ maxNumerator: 2, maxDenominator: 2 });
const vec = (n: number) => fc.array(entry, { minLength: n, maxLength: n });

/** A base network with integer and half-integer weights (exact in decimals), data, a loss and a head. */
const setting = fc
  .record({ d: fc.integer({ min: 1, max: 2 }), dy: fc.integer({ min: 1, max: 2 }), m: fc.integer({ min: 1, max: 3 }), loss: fc.constantFrom('squared', 'hinge', 'quartic') })
  .chain(({ d, dy: dy0, m, loss }) => {
    const dy = loss === 'hinge' ? 1 : dy0;
    return fc.record({
      d: fc.constant(d),
      loss: fc.constant(loss),
      W1: fc.array(vec(d), { minLength: 2, maxLength: 2 }),
      c1: vec(2),
      W2: fc.array(vec(2), { minLength: dy, maxLength: dy }),
      c2: vec(dy),
      inputs: fc.array(vec(d), { minLength: m, maxLength: m }),
      targets: fc.array(loss === 'hinge' ? fc.array(fc.constantFrom(q(1), q(-1)), { minLength: 1, maxLength: 1 }) : vec(dy), { minLength: m, maxLength: m }),
      lambda: smallRational({ maxNumerator: 3, maxDenominator: 2, positive: true }),
      a: vec(dy),
      b: vec(dy),
      w: fc.array(vec(d), { minLength: dy, maxLength: dy }),
    });
  });

type Setting = typeof setting extends fc.Arbitrary<infer S> ? S : never;

const lossOf = (name: string): Loss => (name === 'squared' ? squaredError('mean') : name === 'hinge' ? cubicHinge('mean') : nonConvexQuartic('mean'));
const baseNet = (s: Setting) => ratNetwork({ layers: [{ weights: s.W1, bias: s.c1, activation: relu(RationalField) }, { weights: s.W2, bias: s.c2 }] });
const headOf = (s: Setting): ExpUnitParameters<Rational> => ({ a: s.a, b: s.b, w: s.w });

describe('augmentedValue: L̃ = (1/m)Σ ℓ(f + g) + λ‖a‖²', () => {
  it('agrees with the network module (forward pass with the exp head, empiricalRisk, penaltyValue) in decimals', () => {
    fc.assert(
      fc.property(setting, (s) => {
        const net = baseNet(s);
        const data = { inputs: s.inputs, targets: s.targets };
        const loss = lossOf(s.loss);
        const p = augmentedProblemOf(D, net, data, loss, s.lambda);
        const head = convertHead(D, headOf(s));
        const own = augmentedValue(p, head).value;
        // Independent: the whole network f + g evaluated by the network module in the same field.
        const dNet = mapNetwork(net, D);
        const aug = augmentedNetwork(dNet, head);
        const dData = { inputs: s.inputs.map((x) => x.map((v) => D.fromRational(v))), targets: s.targets.map((y) => y.map((v) => D.fromRational(v))) };
        const reference = empiricalRisk(aug.network, dData, loss).plus(penaltyValue(aug.network, aug.penalty(D.fromRational(s.lambda))));
        expect(own.minus(reference).abs().lte(new Decimal('1e-100').times(Decimal.max(1, reference.abs())))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('its interval enclosure contains the 120-digit decimal value', () => {
    fc.assert(
      fc.property(setting, (s) => {
        const net = baseNet(s);
        const data = { inputs: s.inputs, targets: s.targets };
        const exact = augmentedProblemOf(RationalField, net, data, lossOf(s.loss), s.lambda, formalExponential);
        const v = augmentedValue(convertProblem(exact, I), convertHead(I, headOf(s))).value;
        const d = augmentedValue(convertProblem(exact, D), convertHead(D, headOf(s))).value;
        expect(v.contains(d)).toBe(true);
        expect(v.width().lte(new Decimal('1e-45').times(Decimal.max(1, d.abs())))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a = 0 gives L(θ) exactly, and the hinge at its kink encloses 0', () => {
    const p = augmentedProblem(RationalField, { inputs: [[q(1)]], outputs: [[q(-1)]], targets: [[q(1)]], loss: cubicHinge('sum'), lambda: q(1) }, formalExponential);
    expect(baseValue(p).toString()).toBe('8');
    expect(augmentedValue(p, { a: [q(0)], b: [q(3)], w: [[q(5)]] }).value.toString()).toBe('8');
    // g(x1) = 2 exactly only mathematically: a = 2e^{-1}, b + w·x1 = 1.
    const pI = convertProblem(p, I);
    const a = I.mul(I.fromInt(2), I.exp(I.fromInt(-1)));
    const v = augmentedValue(pI, { a: [a], b: [I.fromInt(1)], w: [[I.zero]] });
    expect(v.data.contains(0)).toBe(true);
    expect(v.data.hi.lt('1e-150')).toBe(true);
  });

  it('rejects mismatched heads and non-positive λ', () => {
    const spec = { inputs: [[q(1)]], outputs: [[q(0)]], targets: [[q(1)]], loss: squaredError('mean'), lambda: q(1) };
    const p = augmentedProblem(RationalField, spec, formalExponential);
    expect(() => augmentedValue(p, { a: [q(1), q(2)], b: [q(0)], w: [[q(0)]] })).toThrow(/one entry per output/);
    expect(() => augmentedValue(p, { a: [q(1)], b: [q(0)], w: [[q(0), q(1)]] })).toThrow(/w_0 has 2 entries/);
    expect(() => augmentedProblem(RationalField, { ...spec, lambda: q(0) }, formalExponential)).toThrow(/λ must be positive/);
    expect(() => augmentedProblem(RationalField, spec)).toThrow(/needs exp/);
  });
});

/** Central differences of augmentedValue in decimal.js at 120 digits, step 1e-40 (error ~1e-80). */
function finiteDifferences(p: AugmentedProblem<Decimal>, head: ExpUnitParameters<Decimal>): { a: Decimal[]; b: Decimal[]; w: Decimal[][] } {
  const h = new Decimal('1e-40');
  const at = (change: (x: { a: Decimal[]; b: Decimal[]; w: Decimal[][] }) => void): Decimal => {
    const x = { a: [...head.a], b: [...head.b], w: head.w.map((r) => [...r]) };
    change(x);
    return augmentedValue(p, x).value;
  };
  const diff = (set: (x: { a: Decimal[]; b: Decimal[]; w: Decimal[][] }, d: Decimal) => void): Decimal =>
    at((x) => set(x, h))
      .minus(at((x) => set(x, h.neg())))
      .div(h.times(2));
  return {
    a: head.a.map((_, k) => diff((x, d) => (x.a[k] = x.a[k]!.plus(d)))),
    b: head.b.map((_, k) => diff((x, d) => (x.b[k] = x.b[k]!.plus(d)))),
    w: head.w.map((row, k) => row.map((_, j) => diff((x, d) => (x.w[k]![j] = x.w[k]![j]!.plus(d))))),
  };
}

describe('augmentedGradient and eq. (9)', () => {
  it('the gradient in (a, b, W) matches finite differences at 120 digits', () => {
    fc.assert(
      fc.property(setting, (s) => {
        const p = augmentedProblemOf(D, baseNet(s), { inputs: s.inputs, targets: s.targets }, lossOf(s.loss), s.lambda);
        const head = convertHead(D, headOf(s));
        const g = augmentedGradient(p, head);
        const fd = finiteDifferences(p, head);
        const close = (x: Decimal, y: Decimal): boolean => x.minus(y).abs().lte(new Decimal('1e-60').times(Decimal.max(1, x.abs())));
        g.a.forEach((v, k) => expect(close(v, fd.a[k]!)).toBe(true));
        g.b.forEach((v, k) => expect(close(v, fd.b[k]!)).toBe(true));
        g.w.forEach((row, k) => row.forEach((v, j) => expect(close(v, fd.w[k]![j]!)).toBe(true)));
      }),
      { numRuns: 40 },
    );
  });

  it('over the formal exponential the gradient equals the network module’s jets and eq. (9) is exactly 0', () => {
    fc.assert(
      fc.property(setting, (s) => {
        const net = baseNet(s);
        const data = { inputs: s.inputs, targets: s.targets };
        const loss = lossOf(s.loss);
        const p = augmentedProblemOf(RationalField, net, data, loss, s.lambda, formalExponential);
        const head = headOf(s);
        const FE = formalExpField();
        const aug = augmentedNetwork(network(FE, { inputDim: s.d, layers: net.layers }), head);
        let jets: Rational[];
        try {
          jets = lossGradient(aug.network, data, loss, { penalty: aug.penalty(s.lambda), parameters: [...aug.a, ...aug.b, ...aug.w.flat()] });
        } catch {
          return; // a hidden unit exactly on its kink: the jets need a region
        }
        const own = augmentedGradient(p, head);
        expect([...own.a, ...own.b, ...own.w.flat()].map(String)).toEqual(jets.map(String));
        expect(eq9Residuals(p, head).every((r) => r.isZero())).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('breaking the identity is noticed: the residual of a_k ∂L̃/∂a_k − ∂L̃/∂b_k − λa_k² is 2λa² − λa² ≠ 0', () => {
    const p = augmentedProblem(RationalField, { inputs: [[q(1)]], outputs: [[q(0)]], targets: [[q(1)]], loss: squaredError('mean'), lambda: q(1, 2) }, formalExponential);
    const head = { a: [q(3)], b: [q(0)], w: [[q(1)]] };
    const g = augmentedGradient(p, head);
    const wrong = q(3).mul(g.a[0]!).sub(g.b[0]!).sub(q(1, 2).mul(q(9)));
    expect(wrong.toString()).toBe('9/2');
    // Hand computation: E = formalExponential(1) = 65/24, ŷ = 3E, ∂a = 2(ŷ − 1)E + 2λa, ∂b = 2(ŷ − 1)·3E.
    const E = formalExponential(q(1));
    expect(E.toString()).toBe('65/24');
    const r = q(3).mul(E).sub(q(1));
    expect(g.a[0]!.equals(q(2).mul(r).mul(E).add(q(3)))).toBe(true);
    expect(g.b[0]!.equals(q(2).mul(r).mul(q(3)).mul(E))).toBe(true);
  });
});

describe('outputLayerGradient', () => {
  it('equals the network module’s exact gradient in the output layer', () => {
    fc.assert(
      fc.property(setting, (s) => {
        const net = baseNet(s);
        const data = { inputs: s.inputs, targets: s.targets };
        const loss = lossOf(s.loss);
        const outIdx = Array.from({ length: s.W2.length * 2 + s.c2.length }, (_, i) => 2 * s.d + 2 + i);
        let jets: Rational[];
        try {
          jets = lossGradient(net, data, loss, { parameters: outIdx });
        } catch {
          return;
        }
        expect(outputLayerGradient(net, data, loss).map(String)).toEqual(jets.map(String));
      }),
      { numRuns: 60 },
    );
  });
});
