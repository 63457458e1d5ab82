import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkAndDataset, parameterDirection } from '../../src/generators/network.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { activationPattern } from '../../src/network/forward.ts';
import { insidePiece, piecewiseLinear, relu } from '../../src/network/activation.ts';
import { ratData } from '../../src/network/dataset.ts';
import { cubicHinge, logistic, squaredError } from '../../src/network/loss.ts';
import { network, ratNetwork } from '../../src/network/network.ts';
import { nonConvexQuartic } from '../../src/network/quartic-loss.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
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

  it('is the exact loss on (0, ε) for the cubic hinge: a residual enters once it turns positive', () => {
    fc.assert(
      fc.property(kinkCase.chain((c) => parameterDirection(c.net).map((X) => ({ ...c, X }))), ({ net, data, X }) => {
        const hingeData = { inputs: data.inputs, targets: data.targets.map((y) => [y[0]!.sign() >= 0 ? Rational.ONE : Rational.MINUS_ONE]) };
        const loss = cubicHinge('mean');
        const ray = lossOnRay(net, hingeData, loss, X);
        expect(ray.complete).toBe(true);
        for (const k of [30, 34]) expect(evaluate(ray.coefficients, pow2(k)).equals(lossAt(net, hingeData, loss, X, pow2(k)))).toBe(true);
        if (ray.sign !== null && ray.sign !== 0) expect(realChangeAlong(net, hingeData, loss, ray).sign()).toBe(ray.sign);
      }),
      { numRuns: 30 },
    );
  });

  it('gives the first two coefficients for another polynomial loss and rejects bad directions', () => {
    fc.assert(
      fc.property(kinkCase.chain((c) => parameterDirection(c.net).map((X) => ({ ...c, X }))), ({ net, data, X }) => {
        const loss = nonConvexQuartic('mean');
        const ray = lossOnRay(net, data, loss, X);
        expect(ray.complete).toBe(false);
        // c₀ + c₁t + c₂t² matches the real loss up to o(t²): the gap over t² is tiny at a tiny t.
        const t = pow2(60);
        const gap = lossAt(net, data, loss, X, t).sub(evaluate(ray.coefficients, t)).abs();
        expect(gap.div(t.pow(2)).le(pow2(8))).toBe(true);
      }),
      { numRuns: 30 },
    );
    const { net, data } = fc.sample(kinkCase, { numRuns: 1, seed: 1 })[0]!;
    expect(() => lossOnRay(net, data, squaredError('mean'), [Rational.ONE])).toThrow(/direction has 1 entries/);
  });

  it('the cubic hinge at a zero of the loss: a residual that turns positive at order 1 ascends at order 3', () => {
    // f = v·relu(w·x + b) + c with w = 0, b = 0, v = 1, c = 1 on x = 0, y = 1: residual 1 − f = 0.
    // Along X = (0, 0, 0, −1) (c decreases) the residual is t > 0, so L(θ + tX) = t³.
    const net = network(RationalField, { inputDim: 1, layers: [{ weights: [[q(0)]], bias: [q(0)], activation: relu(RationalField) }, { weights: [[q(1)]], bias: [q(1)] }] });
    const data = ratData([[0]], [1]);
    const ray = lossOnRay(net, data, cubicHinge('sum'), [q(0), q(0), q(0), q(-1)]);
    expect(ray.coefficients.map(String)).toEqual(['0', '0', '0', '1']);
    expect(ray).toMatchObject({ complete: true, order: 3, sign: 1 });
    // Raising c keeps the residual negative: the loss stays 0 along the ray.
    const flat = lossOnRay(net, data, cubicHinge('sum'), [q(0), q(0), q(0), q(1)]);
    expect(flat).toMatchObject({ complete: true, order: null, sign: 0 });
    expect(flat.coefficients.map(String)).toEqual(['0']);
  });
});

describe('the entered pattern and expansion on hand-made rays', () => {
  const F = RationalField;
  // Clamp: 0 on z ≤ 0, z on [0, 1], 1 on z ≥ 1 (breakpoints 0 and 1; piece 2 is the constant 1).
  const clamp = piecewiseLinear(F, { breakpoints: [Rational.ZERO, Rational.ONE], slopes: [Rational.ZERO, Rational.ONE, Rational.ZERO] });
  const r = (...xs: number[]): Rational[] => xs.map((x) => Rational.fromInt(x));

  it('resolves a pre-activation on the second breakpoint by the side the ray moves to', () => {
    // z = w·x = 1 sits on t₁ = 1; moving w up enters piece 2 (position 4), down piece 1 (position 2).
    const net = ratNetwork({ layers: [{ weights: [[1]], activation: clamp }] });
    const data = ratData([[1]], [0]);
    expect(enteringPattern(net, data, r(1))).toEqual([[[insidePiece(2)]]]);
    expect(enteringPattern(net, data, r(-1))).toEqual([[[insidePiece(1)]]]);
  });

  it("carries a hidden piece's offset into the next layer", () => {
    // Hidden z = 2 is on the constant piece h = 1; the ReLU output then has z = 1·1 − 1 = 0, on its kink,
    // and moving its bias up by t gives z = t > 0: active.
    const net = ratNetwork({ layers: [{ weights: [[1]], bias: [1], activation: clamp }, { weights: [[1]], bias: [-1], activation: relu(F) }] });
    expect(enteringPattern(net, ratData([[1]], [0]), r(0, 0, 0, 1))).toEqual([[[insidePiece(2)], [insidePiece(1)]]]);
  });

  it('keeps c₀ when the loss is identically zero along the ray', () => {
    // g = 0·x with target 0, moving nothing: L ≡ 0.
    const net = ratNetwork({ layers: [{ weights: [[0]] }] });
    const ray = lossOnRay(net, ratData([[1]], [0]), squaredError('mean'), r(0));
    expect(ray.coefficients.map(String)).toEqual(['0']);
    expect([ray.order, ray.sign]).toEqual([null, 0]);
  });

  it('refuses what it cannot expand exactly', () => {
    const net = ratNetwork({ layers: [{ weights: [[1]] }] });
    const data = ratData([[1]], [1]);
    expect(() => lossOnRay(net, data, logistic('mean'), r(1))).toThrow(/lossOnRay: the logistic loss cannot be decided over the rationals/);
    expect(() => enteringPattern(net, data, [1 as unknown as Rational])).toThrow(/direction\[0\] is not a Rational: 1/);
    const withHead = ratNetwork({ layers: [{ weights: [[1]] }], expUnits: [{ a: 1, w: [1], b: 0 }] });
    expect(() => enteringPattern(withHead, data, r(0, 0, 0, 0))).toThrow(/enteringPattern: the exponential head is not piecewise polynomial/);
  });
});
