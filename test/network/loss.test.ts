import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { networkAndDataset } from '../../src/generators/network.ts';
import { smallRational } from '../../src/generators/rational.ts';
import { decimalField } from '../../src/numbers/decimal-field.ts';
import { FloatField } from '../../src/numbers/float-field.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { ratData } from '../../src/network/dataset.ts';
import { forwardDataset } from '../../src/network/forward.ts';
import { frozenOutputs } from '../../src/network/frozen.ts';
import {
  checkTargetShape,
  cubicHinge,
  cubicHingePoint,
  describeLoss,
  empiricalRisk,
  logistic,
  logisticPoint,
  normalisationFactor,
  riskOfOutputs,
  softmaxCrossEntropy,
  softmaxCrossEntropyPoint,
  squaredError,
  squaredErrorPoint,
  type Normalisation,
  type PointLoss,
} from '../../src/network/loss.ts';
import { ratNetwork } from '../../src/network/network.ts';
import { naturalLog } from '../../src/network/transcendental.ts';

const F = RationalField;
const D = decimalField(60);
const dec = (r: Rational): Decimal => D.fromRational(r);

describe('losses', () => {
  it('squared error under each normalisation is the stated multiple of Σ_i Σ_k (ŷ_ik − y_ik)²', () => {
    const pairs = fc.integer({ min: 1, max: 4 }).chain((n) =>
      fc.tuple(fc.array(fc.tuple(smallRational(), smallRational(), smallRational(), smallRational()), { minLength: n, maxLength: n })),
    );
    fc.assert(
      fc.property(pairs, fc.constantFrom<Normalisation>('sum', 'half-sum', 'mean', 'half-mean'), ([rows], norm) => {
        const outputs = rows.map(([a, b]) => [a, b]);
        const targets = rows.map(([, , c, d]) => [c, d]);
        let s = Rational.ZERO;
        rows.forEach(([a, b, c, d]) => (s = s.add(a.sub(c).pow(2)).add(b.sub(d).pow(2))));
        const n = q(rows.length);
        const expected = { sum: s, 'half-sum': s.div(q(2)), mean: s.div(n), 'half-mean': s.div(n.mul(q(2))) }[norm];
        expect(riskOfOutputs(F, squaredError(norm), outputs, targets).equals(expected)).toBe(true);
      }),
    );
    expect(() => normalisationFactor(F, 'mean', 0)).toThrow(/empty dataset/);
  });

  it('normalisation factors: sums are defined on an empty dataset, means are not', () => {
    expect(normalisationFactor(F, 'sum', 0).equals(q(1))).toBe(true);
    expect(normalisationFactor(F, 'half-sum', 0).equals(q(1, 2))).toBe(true);
    expect(normalisationFactor(F, 'half-mean', 3).equals(q(1, 6))).toBe(true);
    expect(() => normalisationFactor(F, 'mean', 0)).toThrow("the 'mean' normalisation of an empty dataset is undefined");
    expect(() => normalisationFactor(F, 'half-mean', 0)).toThrow("the 'half-mean' normalisation of an empty dataset is undefined");
  });

  it('in float64, softmax cross-entropy and the logistic loss stay finite where a naive e^{±1000} overflows', () => {
    const X = FloatField;
    // ŷ = (0, 1000), y = e_1: log(e^0 + e^1000) − 0 = 1000 + log(1 + e^{−1000}) = 1000 in float64.
    expect(softmaxCrossEntropyPoint.value(X, [0, 1000], [1, 0])).toBe(1000);
    expect(softmaxCrossEntropyPoint.value(X, [1000, 0], [0, 1])).toBe(1000);
    // Gradient p − y with p = softmax(ŷ) = (e^{−1000}, 1) ≈ (0, 1).
    expect(softmaxCrossEntropyPoint.gradient(X, [0, 1000], [1, 0])).toEqual([-1, 1]);
    // log(1 + e^{−m}) at margin m = yŷ = −1000 is 1000 + log(1 + e^{−1000}) = 1000; at m = 1000 it is e^{−1000} ≈ 0.
    expect(logisticPoint.value(X, [1000], [-1])).toBe(1000);
    expect(logisticPoint.value(X, [-1000], [1])).toBe(1000);
    expect(logisticPoint.value(X, [1000], [1])).toBe(0);
    // ∂ℓ/∂ŷ = −y·σ(−yŷ): at m = −1000, σ(1000) = 1, so the gradient is −y.
    expect(logisticPoint.gradient(X, [1000], [-1])).toEqual([1]);
    // At m = 720, σ(−720) = e^{−720}/(1 + e^{−720}) is a subnormal double, not 1/(1 + ∞) = 0.
    const g = logisticPoint.gradient(X, [720], [1])[0]!;
    expect(Math.abs(g / -Math.exp(-720) - 1)).toBeLessThan(1e-6);
    // Hessian y²σ(m)σ(−m) at m = 1000: σ(1000) = 1 and σ(−1000) underflows to 0.
    expect(logisticPoint.hessian(X, [1000], [1])).toEqual([[0]]);
  });

  it('transcendental point losses name themselves when the field has no exp', () => {
    expect(() => softmaxCrossEntropyPoint.value(F, [q(0), q(1)], [q(1), q(0)])).toThrow(/^softmax cross-entropy needs exp, which the .* field does not have/);
    expect(() => logisticPoint.value(F, [q(0)], [q(1)])).toThrow(/^the logistic loss needs exp/);
    expect(() => logisticPoint.gradient(F, [q(0)], [q(1)])).toThrow(/^the logistic loss needs exp/);
  });

  it('describes itself and checks predictions and targets against each other', () => {
    expect(describeLoss(cubicHinge('half-mean'))).toBe('cubic hinge (half-mean)');
    expect(describeLoss(squaredError('sum'))).toBe('squared error (sum)');
    expect(() => riskOfOutputs(F, squaredError('sum'), [[q(1)], [q(2)]], [[q(1)]])).toThrow('2 predictions but 1 targets');
    expect(() => riskOfOutputs(F, cubicHinge('sum'), [[q(1), q(2)]], [[q(1), q(1)]])).toThrow('the cubic hinge loss needs a scalar output, got 2 outputs');
    // Two outputs are fine for the squared error: (1 − 1)² + (2 − 1)² = 1.
    expect(riskOfOutputs(F, squaredError('sum'), [[q(1), q(2)]], [[q(1), q(1)]]).equals(q(1))).toBe(true);
    expect(() => checkTargetShape(squaredError('sum'), 1, 2, [[q(1)]])).toThrow('dataset has 2 inputs but 1 targets');
    expect(() => checkTargetShape(cubicHinge('sum'), 2, 1, [[q(1), q(1)]])).toThrow('the cubic hinge loss needs a scalar output, the network has 2 outputs');
    expect(() => checkTargetShape(squaredError('sum'), 2, 1, [[q(1)]])).toThrow('target 0 has 1 entries, the network has 2 outputs');
    expect(() => checkTargetShape(cubicHinge('sum'), 1, 1, [[q(1)]])).not.toThrow();
  });

  it('cubic hinge: Kawaguchi Examples 6 and 7 give L = 8 and L = 16', () => {
    // f(x) = x on x1 = −1, x2 = 1: f(x1) = −1 with y1 = 1, f(x2) = 1 with y2 = −1.
    const f = ratNetwork({ layers: [{ weights: [[1]] }] });
    expect(empiricalRisk(f, ratData([[-1]], [1]), cubicHinge('sum')).toString()).toBe('8');
    expect(empiricalRisk(f, ratData([[-1], [1]], [1, -1]), cubicHinge('sum')).toString()).toBe('16');
    expect(empiricalRisk(f, ratData([[2]], [1]), cubicHinge('sum')).toString()).toBe('0');
  });

  it('cross-entropy and logistic in decimal match direct decimal.js formulas, also far in the tails', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -60, max: 60 }), { minLength: 2, maxLength: 3 }), fc.integer({ min: 0, max: 2 }), (logits, label) => {
        const z = logits.map((v) => D.fromInt(v));
        const y = z.map((_, k) => (k === label % z.length ? D.one : D.zero));
        const Z = z.reduce((s, v) => s.plus(v.exp()), D.zero);
        const direct = Z.ln().minus(z[label % z.length]!);
        expect(softmaxCrossEntropyPoint.value(D, z, y).minus(direct).abs().lte(new Decimal('1e-50').times(Decimal.max(1, direct)))).toBe(true);
        for (const s of [1, -1]) {
          const m = z[0]!.times(s);
          const l = m.neg().exp().plus(1).ln();
          expect(logisticPoint.value(D, [z[0]!], [D.fromInt(s)]).minus(l).abs().lte(new Decimal('1e-55'))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('every point loss: its gradient and Hessian in ŷ agree with finite differences of its value', () => {
    const h = new Decimal('1e-20');
    const check = (loss: PointLoss, yHat: Decimal[], y: Decimal[]): void => {
      const g = loss.gradient(D, yHat, y);
      const H = loss.hessian(D, yHat, y);
      const at = (moves: [number, number][]): Decimal => loss.value(D, yHat.map((v, k) => moves.reduce((s, [i, c]) => (i === k ? s.plus(h.times(c)) : s), v)), y);
      yHat.forEach((_, i) => {
        const fd = at([[i, 1]]).minus(at([[i, -1]])).div(h.times(2));
        expect(fd.minus(g[i]!).abs().lte('1e-15')).toBe(true);
        yHat.forEach((__, j) => {
          const fd2 = at([[i, 1], [j, 1]]).minus(at([[i, 1], [j, -1]])).minus(at([[i, -1], [j, 1]])).plus(at([[i, -1], [j, -1]])).div(h.times(h).times(4));
          expect(fd2.minus(H[i]![j]!).abs().lte('1e-15')).toBe(true);
        });
      });
    };
    fc.assert(
      fc.property(fc.array(smallRational(), { minLength: 2, maxLength: 3 }), fc.array(smallRational(), { minLength: 3, maxLength: 3 }), fc.constantFrom(1, -1), (yHat, y, s) => {
        const Y = yHat.map(dec);
        check(squaredErrorPoint, Y, y.slice(0, yHat.length).map(dec));
        check(softmaxCrossEntropyPoint, Y, y.slice(0, yHat.length).map((v) => dec(v.abs())));
        check(logisticPoint, [Y[0]!], [D.fromInt(s)]);
        check(cubicHingePoint, [Y[0]!], [D.fromInt(s)]);
      }),
      { numRuns: 40 },
    );
  });

  it('natural log by Halley iteration on exp agrees with decimal.js ln to 58 digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: -300, max: 300 }), (m, e) => {
        const x = D.fromRational(q(m)).times(new Decimal(10).pow(e));
        const expected = x.ln();
        expect(naturalLog(D, x).minus(expected).abs().lte(Decimal.max(1, expected.abs()).times('1e-58'))).toBe(true);
      }),
      { numRuns: 60 },
    );
    expect(() => naturalLog(D, D.zero)).toThrow(/must be positive/);
  });

  it('empirical risk: of the network by default, of g_A with a frozen pattern; transcendental losses refused over ℚ', () => {
    fc.assert(
      fc.property(networkAndDataset({ architecture: { maxDepth: 2 } }), ({ network: net, data }) => {
        const loss = squaredError('mean');
        const { outputs, pattern } = forwardDataset(net, data);
        expect(empiricalRisk(net, data, loss).equals(riskOfOutputs(F, loss, outputs, data.targets))).toBe(true);
        // Every unit frozen to piece 0, mostly not its own piece.
        const flipped = pattern.map((p) => p.map((layer) => layer.map(() => 0)));
        const frozen = frozenOutputs(net, data, flipped);
        expect(empiricalRisk(net, data, loss, { pattern: flipped }).equals(riskOfOutputs(F, loss, frozen, data.targets))).toBe(true);
      }),
      { numRuns: 30 },
    );
    const net = ratNetwork({ layers: [{ weights: [[1]] }] });
    expect(() => empiricalRisk(net, ratData([[1]], [1]), logistic('mean'))).toThrow(/needs exp/);
    expect(() => empiricalRisk(net, ratData([[1]], [[1, 0]]), softmaxCrossEntropy('mean'))).toThrow(/prediction has 1 entries, target has 2/);
  });
});
