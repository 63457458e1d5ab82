import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { empiricalRisk, squaredError } from '../../../src/network/loss.ts';
import { oneHiddenLayerNetwork } from '../../../src/landscape/one-hidden-layer.ts';
import type { Sign } from '../../../src/geometry/pattern.ts';
import {
  blocks,
  cellIndicators,
  cellInstance,
  cellPrediction,
  indicators,
  paperDesign,
  squaredLossGradientInR,
} from '../../../properties/liu/_cells.ts';
import { paperCriterion, signConditions, uniqueRealisable } from '../../../properties/liu/criteria-11-13.ts';
import { parallelNetwork, regionSystem, type ParallelInstance } from '../../../properties/liu/appendix-e1.ts';
import criteria from '../../../properties/liu/criteria-11-13.ts';
import theorem1 from '../../../properties/liu/theorem-1.ts';
import lemmaA2 from '../../../properties/liu/lemma-a2.ts';
import eq79 from '../../../properties/liu/eq-7-9.ts';
import type { Claim, PropertyCheck } from '../../../src/claims/claim.ts';
import { nearbyLosses } from '../../landscape/support.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const check = (claim: Claim, name: RegExp): PropertyCheck => {
  const found = claim.checks.find((c) => name.test(c.name));
  if (!found || found.kind !== 'property') throw new Error(`no check ${String(name)}`);
  return found;
};
const strs = (xs: readonly Rational[]): string[] => xs.map(String);

describe('liu §3–§4 quantities used by the claims', () => {
  it('A of eq. (6) on a hand example: rows (I_i1 x_iᵀ, I_i2 x_iᵀ)', () => {
    const inputs = [[q(1), q(1)], [q(-2), q(1)]];
    const I = [[1, 0], [1, 1]];
    expect(paperDesign(inputs, I).toStrings()).toEqual([
      ['1', '1', '0', '0'],
      ['-2', '1', '-2', '1'],
    ]);
    expect(indicators(inputs, [[q(1), q(0)], [q(-1), q(0)]])).toEqual([[1, 0], [0, 1]]);
  });

  it('∂L/∂R of the mean squared loss equals exact central differences of L(R) (exact for a quadratic)', () => {
    fc.assert(
      fc.property(cellInstance({ maxPoints: 4, maxUnits: 2 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 4, maxLength: 4 }), ({ data, region }, raw) => {
        const N = data.inputs.length;
        const I = cellIndicators(region, N);
        const d = data.inputs[0]!.length;
        const R = blocks(raw.slice(0, region.length * d).map((v) => q(v)), d);
        const L = (S: Rational[][]) =>
          data.inputs
            .reduce((s, x, i) => {
              const e = cellPrediction(x, I[i]!, S).sub(data.targets[i]![0]!);
              return s.add(e.mul(e));
            }, Rational.ZERO)
            .div(q(N));
        const g = squaredLossGradientInR(data, I, R);
        const t = q(1, 3);
        R.forEach((Rj, j) =>
          Rj.forEach((_, k) => {
            const shift = (s: Rational) => R.map((B, b) => B.map((v, c) => (b === j && c === k ? v.add(s) : v)));
            const central = L(shift(t)).sub(L(shift(t.neg()))).div(t.mul(q(2)));
            expect(central.equals(g[j]![k]!)).toBe(true);
          }),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('criteria (10)–(13) on hand-made cells', () => {
  const region = (...signs: Sign[][]): Sign[][] => signs;

  it('App. B with y = (1, −1): R* of r4 is (1, −1), outside r4; r3 (x1 active) has R* = (1, c2), inside for c2 < 0', () => {
    const data = ratData([[1, 0], [0, 1]], [1, -1]);
    const r4 = paperCriterion({ data, region: region([1, 1]) });
    expect(r4.unique).toBe(true);
    expect(strs(r4.Rstar[0]!)).toEqual(['1', '-1']);
    expect(r4.holds).toBe(false);
    const r3 = paperCriterion({ data, region: region([1, -1]) });
    expect(r3.unique).toBe(false);
    expect(r3.holds).toBe(true);
  });

  it('(11)/(12) by hand: R = (1, 0) is on the kink of x2 = (0, 1); the closed (11) accepts it, strict membership does not', () => {
    const inputs = [[q(1), q(0)], [q(0), q(1)]];
    expect(signConditions([q(1), q(0)], inputs, [1, 0], 1)).toBe(true);
    expect(signConditions([q(1), q(0)], inputs, [1, 0], -1)).toBe(false);
    expect(uniqueRealisable([[q(1), q(0)]], inputs, [[1, -1]])).toBe(false);
    expect(uniqueRealisable([[q(1), q(-1)]], inputs, [[1, -1]])).toBe(true);
  });

  it('±1 labels with R* = 0 in the all-active cell: the criterion says no, yet z = 0 is a local minimum with the cell\'s minimal loss', () => {
    // Σ y_i x_i = (−1 + 1 + 2 − 2, 1 + 1 − 1 − 1) = 0, and the x_i span ℝ²: R* = A⁺y = 0, unique.
    const data = ratData([[-1, 1], [1, 1], [-2, 1], [2, 1]], [1, 1, -1, -1]);
    const cell = region([1, 1, 1, 1]);
    const criterion = paperCriterion({ data, region: cell });
    expect(criterion.unique).toBe(true);
    expect(criterion.Rstar[0]!.every((v) => v.isZero())).toBe(true);
    expect(criterion.holds).toBe(false);
    // z = 0, w = (0, 1) lies in the open cell; brute force: no nearby point has a lower loss than (1/4)Σy² = 1.
    const net = oneHiddenLayerNetwork({ weights: [[q(0), q(1)]], biases: null, outputWeights: [q(0)], outputBias: null });
    const value = empiricalRisk(net, data, squaredError('mean'));
    expect(value.equals(q(1))).toBe(true);
    nearbyLosses(net, data, squaredError('mean')).forEach((v) => expect(v.ge(value)).toBe(true));
    expect(check(criteria, /case 1\)/).evaluate({ data, region: cell }).status).toBe('fail');
  });
});

describe('theorem 1 on hand-made points', () => {
  it('x = (0, 1), y = 1, z = 2, w = 0: L ≤ 1 nearby (brute force) and < 1 at some points: a local maximum that is not flat', () => {
    const data = ratData([[0, 1]], [1]);
    const point = { weights: [[q(0), q(0)]], biases: null, outputWeights: [q(2)], outputBias: null };
    const net = oneHiddenLayerNetwork(point);
    const nearby = nearbyLosses(net, data, squaredError('mean'));
    expect(nearby.every((v) => v.le(q(1)))).toBe(true);
    expect(nearby.some((v) => v.lt(q(1)))).toBe(true);
    expect(check(theorem1, /at a kink/).evaluate({ family: 'kink', data, point }).status).toBe('fail');
    expect(check(theorem1, /no strict local maximum/).evaluate({ family: 'kink', data, point }).status).toBe('pass');
  });

  it('the dead cell w = (0, −1) is a flat non-strict local maximum; the differentiable reading holds there, the literal one fails', () => {
    const data = ratData([[0, 1], [1, 1]], [1, -1]);
    const point = { weights: [[q(0), q(-1)]], biases: null, outputWeights: [q(1)], outputBias: null };
    const candidate = { family: 'cell-point' as const, data, point };
    expect(check(theorem1, /locally constant \(what convexity/).evaluate(candidate).status).toBe('pass');
    expect(check(theorem1, /literal/).evaluate(candidate).status).toBe('fail');
  });
});

describe('lemma A2 and eqs. (7)–(9) on hand-made cells', () => {
  it('one sample x = (0, 1): the Hessian 2xxᵀ = [[0, 0], [0, 2]] is semidefinite, not definite', () => {
    const instance = { data: ratData([[0, 1]], [1]), region: [[1]] as Sign[][], R: [[q(0), q(1)]], lossIndex: 0 };
    expect(check(lemmaA2, /^\(F\.1\)/).evaluate(instance).status).toBe('pass');
    expect(check(lemmaA2, /literal/).evaluate(instance).status).toBe('fail');
    expect(check(lemmaA2, /iff the x̃_i span/).evaluate(instance).status).toBe('pass');
  });

  it('App. B, y = (1, 1): eqs. (7)–(9) hold in every cell (minimal losses 1, ½, ½, 0)', () => {
    const data = ratData([[1, 0], [0, 1]], [1, 1]);
    for (const signs of [[-1, -1], [-1, 1], [1, -1], [1, 1]] as Sign[][]) {
      const instance = { data, region: [signs], c: [q(1), q(-2)] };
      for (const c of eq79.checks) if (c.kind === 'property' && !/free units|inactive on every/.test(c.name)) expect(c.evaluate(instance).status).toBe('pass');
    }
  });
});

describe('App. E.1: F by regions (E.2) against the sample-wise normal equations of (20)', () => {
  const instance = fc
    .record({
      x: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 5 }),
      w: fc.array(fc.tuple(fc.constantFrom<1 | -1>(1, -1), fc.integer({ min: -16, max: 15 })), { minLength: 1, maxLength: 4 }),
    })
    .chain(({ x, w }) =>
      fc.array(fc.integer({ min: -2, max: 2 }), { minLength: x.length, maxLength: x.length }).map(
        (y): ParallelInstance => ({
          x: x.map((v) => q(v)),
          y: y.map((v) => q(v)),
          normals: w.map(([n]) => n),
          // Quarter-integer locations never meet an integer sample.
          h: w.map(([, k]) => q(2 * k + 1, 4)),
        }),
      ),
    );

  it('F = MᵀM and f = Mᵀa with M_ik = I_ik, a_i = Σ_k I_ik x_i − y_i; the network computes Σ_k I_ik(x_i − h_k)', () => {
    fc.assert(
      fc.property(instance, (p) => {
        const M = p.x.map((x) => p.normals.map((n, k) => (x.sub(p.h[k]!).sign() * n > 0 ? 1 : 0)));
        const a = p.x.map((x, i) => x.mul(q(M[i]!.reduce((s: number, v) => s + v, 0))).sub(p.y[i]!));
        const { F, f } = regionSystem(p);
        const K = p.h.length;
        for (let l = 0; l < K; l++) {
          for (let k = 0; k < K; k++) expect(F.get(l, k).equals(q(M.reduce((s, row) => s + row[l]! * row[k]!, 0)))).toBe(true);
          expect(f[l]!.equals(a.reduce((s, v, i) => (M[i]![l] === 1 ? s.add(v) : s), Rational.ZERO))).toBe(true);
        }
        const { point, data } = parallelNetwork(p);
        const loss = empiricalRisk(oneHiddenLayerNetwork(point), data, squaredError('sum'));
        const direct = p.x.reduce((s, x, i) => {
          const e = M[i]!.reduce((t, v, k) => (v === 1 ? t.add(x.sub(p.h[k]!)) : t), Rational.ZERO).sub(p.y[i]!);
          return s.add(e.mul(e));
        }, Rational.ZERO);
        expect(loss.equals(direct)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
