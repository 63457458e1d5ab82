import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkAndDataset, parameterDirection } from '../../src/generators/network.ts';
import { smallRational } from '../../src/generators/rational.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { relu, twoPiece } from '../../src/network/activation.ts';
import { mapDataset, ratData, type Dataset } from '../../src/network/dataset.ts';
import { FloatField } from '../../src/numbers/float-field.ts';
import {
  directionalDerivatives,
  lossAlongDirections,
  lossDerivatives,
  lossGradient,
  lossHessian,
} from '../../src/network/derivatives.ts';
import { activationPattern } from '../../src/network/forward.ts';
import { evaluatePolynomial, lossAlongLine } from '../../src/network/line.ts';
import { cubicHinge, empiricalRisk, logistic, softmaxCrossEntropy, squaredError, type Loss } from '../../src/network/loss.ts';
import { mapNetwork, network, ratNetwork, type Network } from '../../src/network/network.ts';
import { flattenParameters, parameterCount, unflattenParameters } from '../../src/network/parameters.ts';
import { patternsEqual, resolveBreakpoints } from '../../src/network/pattern.ts';
import { D, closeTo, fdFirst, fdSecond, toDecimalProblem, unit } from './fd.ts';

const F = RationalField;

const polynomialLosses: Loss[] = [
  squaredError('half-sum'),
  squaredError('mean'),
  squaredError('sum'),
  squaredError('half-mean'),
  cubicHinge('sum'),
];

/** A small network on a small dataset, in general position, with sign labels for the hinge. */
const instance = (maxDepth: number, maxWidth = 2) =>
  networkAndDataset({ architecture: { maxDepth, maxWidth }, data: { maxPoints: 3, labels: 'sign' } });

const vecDot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, i) => s.add(v.mul(b[i]!)), Rational.ZERO);

describe('exact gradient and Hessian vs finite differences at 60 digits', () => {
  it('every gradient coordinate and Hessian entries, depth 1–3, all activation families, polynomial losses', () => {
    fc.assert(
      fc.property(instance(3), fc.constantFrom(...polynomialLosses), fc.infiniteStream(smallRational()), ({ network: net, data }, loss, draws) => {
        const exact = lossDerivatives(net, data, loss);
        const p = toDecimalProblem(net, data);
        const n = parameterCount(net);
        for (let k = 0; k < n; k++) expect(closeTo(F, exact.gradient[k]!, fdFirst(p, loss, unit(n, k)))).toBe(true);
        expect(exact.hessian.isSymmetric()).toBe(true);
        // All entries of small Hessians; for larger ones a few random bilinear forms Xᵀ H Y.
        if (n <= 6) {
          for (let i = 0; i < n; i++) for (let j = i; j < n; j++) {
            expect(closeTo(F, exact.hessian.get(i, j), fdSecond(p, loss, unit(n, i), unit(n, j)))).toBe(true);
          }
        } else {
          for (let r = 0; r < 3; r++) {
            const X = Array.from({ length: n }, () => draws.next().value as Rational);
            const Y = Array.from({ length: n }, () => draws.next().value as Rational);
            const xHy = vecDot(X, exact.hessian.mulVec(Y));
            expect(closeTo(F, xHy, fdSecond(p, loss, X.map((v) => D.fromRational(v)), Y.map((v) => D.fromRational(v))))).toBe(true);
          }
        }
      }),
      { numRuns: 40, seed: 20240601 },
    );
  });

  it('cross-entropy, logistic and the exponential unit in decimal arithmetic', () => {
    const cases = fc.oneof(
      networkAndDataset({ architecture: { maxDepth: 2, maxWidth: 2, outputDim: 2 }, data: { maxPoints: 3, labels: 'real', entries: { positive: true, maxNumerator: 1 } } }).map((c) => ({ ...c, loss: softmaxCrossEntropy('mean'), exp: false })),
      instance(2).map((c) => ({ ...c, loss: logistic('mean'), exp: false })),
      instance(2).map((c) => ({ ...c, loss: squaredError('mean'), exp: true })),
    );
    fc.assert(
      fc.property(cases, smallRational(), smallRational(), ({ network: net, data, loss, exp }, a, b) => {
        const p0 = toDecimalProblem(net, data);
        // The exp head g(x) = a·exp(wᵀx + b) with w = (b, …, b).
        const head = [{ a: D.fromRational(a), w: Array.from({ length: p0.net.inputDim }, () => D.fromRational(b)), b: D.fromRational(b) }];
        const dnet = exp ? network(D, { layers: p0.net.layers, expUnits: head }) : p0.net;
        const p = { net: dnet, data: p0.data, theta: flattenParameters(dnet) };
        const exact = lossDerivatives(dnet, p.data, loss);
        const n = p.theta.length;
        for (let k = 0; k < n; k++) expect(closeTo(D, exact.gradient[k]!, fdFirst(p, loss, unit(n, k)), 14)).toBe(true);
        for (let i = 0; i < n; i += 2) for (let j = i; j < n; j += 3) {
          expect(closeTo(D, exact.hessian.get(i, j), fdSecond(p, loss, unit(n, i), unit(n, j)), 14)).toBe(true);
        }
      }),
      { numRuns: 15, seed: 7 },
    );
  });
});

describe('consistency of the derivative views (exact)', () => {
  it('a parameter subset gives the sub-gradient and the principal submatrix', () => {
    fc.assert(
      fc.property(instance(2).chain((c) => fc.tuple(fc.constant(c), fc.subarray(Array.from({ length: parameterCount(c.network) }, (_, i) => i), { minLength: 1 }))), ([{ network: net, data }, subset]) => {
        const loss = squaredError('half-sum');
        const full = lossDerivatives(net, data, loss);
        const part = lossDerivatives(net, data, loss, { parameters: subset });
        expect(part.value.equals(full.value)).toBe(true);
        expect(part.gradient.map(String)).toEqual(subset.map((k) => full.gradient[k]!.toString()));
        expect(part.hessian.equals(full.hessian.select(subset, subset))).toBe(true);
        expect(lossGradient(net, data, loss, { parameters: subset }).map(String)).toEqual(part.gradient.map(String));
      }),
      { numRuns: 30 },
    );
  });

  it('directional derivatives are ∇L·X, XᵀHX and XᵀHY', () => {
    fc.assert(
      fc.property(instance(3).chain((c) => fc.tuple(fc.constant(c), parameterDirection(c.network), parameterDirection(c.network))), ([{ network: net, data }, X, Y]) => {
        const loss = squaredError('mean');
        const full = lossDerivatives(net, data, loss);
        const d = directionalDerivatives(net, data, loss, X);
        expect(d.first.equals(vecDot(full.gradient, X))).toBe(true);
        expect(d.second.equals(vecDot(X, full.hessian.mulVec(X)))).toBe(true);
        const both = lossAlongDirections(net, data, loss, [X, Y]);
        expect(both.hessian.get(0, 1).equals(vecDot(X, full.hessian.mulVec(Y)))).toBe(true);
        expect(both.gradient[1]!.equals(vecDot(full.gradient, Y))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('the polynomial t ↦ L(θ + tX) is g_A\'s risk for every t and the network\'s while the pattern holds', () => {
    fc.assert(
      fc.property(instance(3).chain((c) => fc.tuple(fc.constant(c), parameterDirection(c.network))), smallRational(), ([{ network: net, data }, X], t) => {
        const loss = squaredError('half-sum');
        const pattern = activationPattern(net, data);
        const poly = lossAlongLine(net, data, loss, X);
        expect(poly.length).toBeLessThanOrEqual(2 * net.layers.length + 1);
        const d = directionalDerivatives(net, data, loss, X);
        expect((poly[0] ?? Rational.ZERO).equals(d.value)).toBe(true);
        expect((poly[1] ?? Rational.ZERO).equals(d.first)).toBe(true);
        expect((poly[2] ?? Rational.ZERO).mul(q(2)).equals(d.second)).toBe(true);
        const theta = flattenParameters(net);
        const moved = unflattenParameters(net, theta.map((v, k) => v.add(t.mul(X[k]!))));
        expect(evaluatePolynomial(F, poly, t).equals(empiricalRisk(moved, data, loss, { pattern }))).toBe(true);
        const tiny = t.div(q(10 ** 6));
        const near = unflattenParameters(net, theta.map((v, k) => v.add(tiny.mul(X[k]!))));
        if (patternsEqual(activationPattern(near, data), pattern)) {
          expect(evaluatePolynomial(F, poly, tiny).equals(empiricalRisk(near, data, loss))).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a weight penalty λ‖θ_S‖² adds 2λθ_S to the gradient and 2λ on the diagonal', () => {
    fc.assert(
      fc.property(instance(2), smallRational({ positive: true }), ({ network: net, data }, lambda) => {
        const loss = squaredError('mean');
        const S = Array.from({ length: parameterCount(net) }, (_, i) => i).filter((i) => i % 2 === 0);
        const plain = lossDerivatives(net, data, loss);
        const pen = lossDerivatives(net, data, loss, { penalty: { lambda, parameters: S } });
        const theta = flattenParameters(net);
        pen.gradient.forEach((g, k) => {
          const extra = S.includes(k) ? lambda.mul(q(2)).mul(theta[k]!) : Rational.ZERO;
          expect(g.equals(plain.gradient[k]!.add(extra))).toBe(true);
        });
        expect(pen.hessian.sub(plain.hessian).equals(pen.hessian.sub(plain.hessian).transpose())).toBe(true);
        for (let i = 0; i < theta.length; i++) {
          const extra = S.includes(i) ? lambda.mul(q(2)) : Rational.ZERO;
          expect(pen.hessian.get(i, i).equals(plain.hessian.get(i, i).add(extra))).toBe(true);
        }
        // And the penalised value agrees with the finite-difference slope of the penalised risk.
        const p = toDecimalProblem(net, data);
        expect(closeTo(F, pen.gradient[0]!, fdFirst(p, loss, unit(theta.length, 0), { penalty: { lambda: D.fromRational(lambda), parameters: S } }))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});

describe('where derivatives are refused', () => {
  const net: Network<Rational> = ratNetwork({ layers: [{ weights: [[1, -1]], activation: relu(F) }, { weights: [[2]] }] });
  const onKink: Dataset<Rational> = ratData([[1, 1], [2, 0]], [1, 3]);

  it('at a point on a breakpoint unless a pattern is given, then the derivative of that g_A', () => {
    expect(() => lossGradient(net, onKink, squaredError('mean'))).toThrow(
      /^not inside a region: unit 0 of layer 1 is on a breakpoint for data point 0 \(1 such\); pass an explicit pattern to differentiate g_A$/,
    );
    const left = resolveBreakpoints(activationPattern(net, onKink), 'left');
    const right = resolveBreakpoints(activationPattern(net, onKink), 'right');
    const gl = lossGradient(net, onKink, squaredError('mean'), { pattern: left });
    const gr = lossGradient(net, onKink, squaredError('mean'), { pattern: right });
    // The one-sided derivatives differ: ∂/∂v has the extra term from point 0 only on the right.
    expect(gl.map(String)).not.toEqual(gr.map(String));
    expect(lossHessian(net, onKink, squaredError('mean'), { pattern: left }).isSymmetric()).toBe(true);
  });

  it('exp units, cross-entropy and logistic over the rationals, with a message', () => {
    const data = ratData([[1, 2]], [1]);
    const good = ratNetwork({ layers: [{ weights: [[1, 1]], activation: relu(F) }, { weights: [[1]] }] });
    const withExp = ratNetwork({ layers: [{ weights: [[1, 1]], activation: relu(F) }, { weights: [[1]] }], expUnits: [{ a: 1, w: [0, 0], b: 0 }] });
    expect(() => lossGradient(withExp, data, squaredError('mean'))).toThrow(/^the exponential unit needs exp.*rational.*exact/);
    expect(() => lossGradient(good, data, logistic('mean'))).toThrow(/exp/);
    expect(() => lossGradient(good, ratData([[1, 2]], [[1, 0]]), softmaxCrossEntropy('mean'))).toThrow(/1 outputs/);
    expect(() => lossGradient(good, ratData([[1, 2]], [[1, 0]]), squaredError('mean'))).toThrow(/target 0 has 2 entries/);
    expect(() => lossGradient(good, data, squaredError('mean'), { parameters: [0, 0] })).toThrow(/twice/);
    expect(() => directionalDerivatives(good, data, squaredError('mean'), [q(1)])).toThrow(/1 entries.*3 parameters/);
    expect(() => lossAlongLine(good, data, cubicHinge('sum'), [q(1), q(0), q(0)])).toThrow(/squared error only/);
  });

  it('with an explicit pattern, an input of the wrong length is named by its index', () => {
    const good = ratNetwork({ layers: [{ weights: [[1, 1]], activation: relu(F) }, { weights: [[1]] }] });
    const pattern = activationPattern(good, ratData([[1, 2], [1, 2]], [1, 1]));
    const short: Dataset<Rational> = { inputs: [[q(1), q(2)], [q(1)]], targets: [[q(1)], [q(1)]] };
    expect(() => lossGradient(good, short, squaredError('mean'), { pattern })).toThrow(/^input 1 has 1 entries, the network expects 2$/);
  });

  it('names the selected coordinates in the order asked', () => {
    const withBias = ratNetwork({ layers: [{ weights: [[1, 1]], bias: [0], activation: relu(F) }, { weights: [[1]] }] });
    const d = lossDerivatives(withBias, ratData([[1, 2]], [1]), squaredError('mean'), { parameters: [3, 0, 2] });
    // Flat order: W1[0,0], W1[0,1], b1[0], W2[0,0].
    expect(d.names).toEqual(['W2[0,0]', 'W1[0,0]', 'b1[0]']);
  });

  it('the same code in float64 and decimal agrees with the exact values', () => {
    const net2 = ratNetwork({ layers: [{ weights: [[1, '-1/2'], ['3/2', 1]], bias: [1, -1], activation: twoPiece(F, q('-1/2'), q(2)) }, { weights: [[1, -2]], bias: [0] }] });
    const data = ratData([[1, 2], [-1, 1], [2, -3]], [1, 0, 2]);
    const exact = lossDerivatives(net2, data, squaredError('half-sum'));
    const float = lossDerivatives(mapNetwork(net2, FloatField), mapDataset(FloatField, data), squaredError('half-sum'));
    const dec = lossDerivatives(mapNetwork(net2, D), mapDataset(D, data), squaredError('half-sum'));
    exact.gradient.forEach((g, k) => {
      expect(float.gradient[k]!).toBeCloseTo(g.toNumber(), 12);
      expect(closeTo(F, g, dec.gradient[k]!, 55)).toBe(true);
    });
  });
});
