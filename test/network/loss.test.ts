import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { networkAndDataset } from '../../src/generators/network.ts';
import { smallRational } from '../../src/generators/rational.ts';
import { decimalField } from '../../src/numbers/decimal-field.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { ratData } from '../../src/network/dataset.ts';
import { forwardDataset } from '../../src/network/forward.ts';
import { frozenOutputs } from '../../src/network/frozen.ts';
import {
  cubicHinge,
  cubicHingePoint,
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
