import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../../src/generators/rational.ts';
import { linear, relu, twoPiece } from '../../../src/network/activation.ts';
import {
  augmentedGradient,
  augmentedNetwork,
  augmentedProblem,
  augmentedProblemOf,
  augmentedValue,
  baseOutputs,
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
import { flattenParameters } from '../../../src/network/parameters.ts';
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
    expect(() => augmentedProblem(RationalField, spec)).toThrow(/the exponential unit needs exp/);
    // b and W are counted per output as well as a.
    expect(() => augmentedValue(p, { a: [q(1)], b: [q(0), q(1)], w: [[q(0)]] })).toThrow(/one entry per output \(1\); got 1, 2, 1/);
    expect(() => augmentedValue(p, { a: [q(1)], b: [q(0)], w: [[q(0)], [q(1)]] })).toThrow(/one entry per output \(1\); got 1, 1, 2/);
  });

  it('rejects data of inconsistent shape, naming the offending point', () => {
    const spec = { inputs: [[q(1)], [q(2)]], outputs: [[q(0)], [q(1)]], targets: [[q(1)], [q(1)]], loss: squaredError('mean'), lambda: q(1) };
    const make = (change: Partial<typeof spec>) => () => augmentedProblem(RationalField, { ...spec, ...change }, formalExponential);
    expect(make({})).not.toThrow();
    expect(make({ inputs: [], outputs: [], targets: [] })).toThrow(/needs at least one data point/);
    expect(make({ outputs: [[q(0)]] })).toThrow(/2 inputs but 1 base outputs/);
    expect(make({ inputs: [[q(1)], [q(2), q(3)]] })).toThrow(/input 1 has 2 entries, input 0 has 1/);
    expect(make({ outputs: [[q(0)], [q(1), q(2)]] })).toThrow(/base output 1 has 2 entries, output 0 has 1/);
  });

  it('refuses a base network that already has exponential units', () => {
    const withExp = ratNetwork({ layers: [{ weights: [[1]] }], expUnits: [{ a: 1, w: [0], b: 0 }] });
    const data = { inputs: [[q(1)]], targets: [[q(0)]] };
    expect(() => baseOutputs(withExp, data)).toThrow(/must not have exponential units/);
    expect(() => augmentedNetwork(withExp, { a: [q(1)], b: [q(0)], w: [[q(0)]] })).toThrow(/must not have exponential units/);
    expect(baseOutputs(ratNetwork({ layers: [{ weights: [[2]] }] }), data).map((o) => o.map(String))).toEqual([['2']]);
  });
});

describe('augmentedNetwork: where a, b, W and θ sit in the flat parameter vector', () => {
  it('each index list points at the entries it names (all values distinct, so positions are identified)', () => {
    const base = ratNetwork({
      layers: [
        { weights: [[1, 2], [3, 4]], bias: [5, 6], activation: relu(RationalField) },
        { weights: [[7, 8], [9, 10]], bias: [11, 12] },
      ],
    });
    const head = { a: [q(13), q(14)], b: [q(15), q(16)], w: [[q(17), q(18)], [q(19), q(20)]] };
    const aug = augmentedNetwork(base, head);
    const flat = flattenParameters(aug.network).map(String);
    const at = (idx: readonly number[]): string[] => idx.map((i) => flat[i]!);
    expect(at(aug.a)).toEqual(['13', '14']);
    expect(at(aug.b)).toEqual(['15', '16']);
    expect(aug.w.map(at)).toEqual([['17', '18'], ['19', '20']]);
    // θ is every parameter of f, in f's own order.
    expect(at(aug.theta)).toEqual(flattenParameters(base).map(String));
    expect(aug.penalty(q(3)).parameters).toEqual(aug.a);
    expect(() => augmentedNetwork(base, { a: [q(1)], b: [q(0)], w: [[q(0), q(0)]] })).toThrow(/exp head: 1 units for 2 outputs/);
  });
});

describe('the interval hinge at its kink', () => {
  it('∂L̃ is enclosed through max(0, r)² where the residual straddles 0: ∂a = 2λa, ∂b = 0', () => {
    const p = augmentedProblem(RationalField, { inputs: [[q(1)]], outputs: [[q(-1)]], targets: [[q(1)]], loss: cubicHinge('sum'), lambda: q(1) }, formalExponential);
    // a = 2e^{-1}, b = 1, w = 0: g = 2, the prediction is 1 and the residual 1 − 1·1 = 0 (only enclosed).
    const a = I.mul(I.fromInt(2), I.exp(I.fromInt(-1)));
    const g = augmentedGradient(convertProblem(p, I), { a: [a], b: [I.fromInt(1)], w: [[I.zero]] });
    const fourOverE = D.div(D.fromInt(4), D.exp!(D.one));
    expect(g.a[0]!.contains(fourOverE)).toBe(true);
    expect(g.a[0]!.width().lt('1e-50')).toBe(true);
    expect(g.b[0]!.contains(0) && g.b[0]!.width().lt('1e-100')).toBe(true);
  });
});

describe('formalExpField', () => {
  it('is the rationals with E in place of exp, and says so in its name', () => {
    const FE = formalExpField();
    expect(FE.exp!(q(1)).equals(formalExponential(q(1)))).toBe(true);
    expect(FE.name).toMatch(/formal exp/);
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
        } catch (error) {
          // A hidden unit exactly on its kink: the jets need a region. Anything else is a failure.
          if (!/on a breakpoint/.test(String(error))) throw error;
          return;
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
        } catch (error) {
          if (!/on a breakpoint/.test(String(error))) throw error;
          return;
        }
        expect(outputLayerGradient(net, data, loss).map(String)).toEqual(jets.map(String));
      }),
      { numRuns: 60 },
    );
  });

  it('a single affine layer, with and without bias (hand computed), and only an identity output layer', () => {
    const data = { inputs: [[q(1)], [q(3)]], targets: [[q(0)], [q(0)]] };
    // f = wx, L = ½((w − 0)² + (3w − 0)²) = 5w²: ∂L/∂w = 10w = 20 at w = 2.
    expect(outputLayerGradient(ratNetwork({ layers: [{ weights: [[2]] }] }), data, squaredError('mean')).map(String)).toEqual(['20']);
    // f = 2x + 1 = 3, 7: ∂L/∂w = ½(2·3·1 + 2·7·3) = 24, ∂L/∂c = ½(2·3 + 2·7) = 10.
    expect(outputLayerGradient(ratNetwork({ layers: [{ weights: [[2]], bias: [1] }] }), data, squaredError('mean')).map(String)).toEqual(['24', '10']);
    const hidden = { weights: [[1]], activation: relu(RationalField) };
    const scaled = ratNetwork({ layers: [hidden, { weights: [[1]], activation: linear(RationalField, q(2)) }] });
    const bent = ratNetwork({ layers: [hidden, { weights: [[1]], activation: twoPiece(RationalField, q(1), q(2)) }] });
    expect(() => outputLayerGradient(scaled, data, squaredError('mean'))).toThrow(/needs an identity output layer/);
    expect(() => outputLayerGradient(bent, data, squaredError('mean'))).toThrow(/needs an identity output layer/);
  });
});
