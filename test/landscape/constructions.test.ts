import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/generators/dataset.ts';
import { realizableRegion } from '../../src/generators/region.ts';
import { activationPattern } from '../../src/geometry/pattern.ts';
import { solve } from '../../src/linalg/elimination.ts';
import { Matrix } from '../../src/linalg/matrix.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { ratData } from '../../src/network/dataset.ts';
import { lossDerivatives } from '../../src/network/derivatives.ts';
import { empiricalRisk, squaredError } from '../../src/network/loss.ts';
import { parameterIndex } from '../../src/network/parameters.ts';
import { classifyPoint } from '../../src/landscape/classify.ts';
import { addDeadUnit } from '../../src/landscape/dead-unit.ts';
import { linearRegionPoint } from '../../src/landscape/linear-region.ts';
import { liuBoundaryPoint } from '../../src/landscape/liu-boundary.ts';
import { liuSaddlePoint } from '../../src/landscape/liu-saddle.ts';
import { oneHiddenLayerNetwork } from '../../src/landscape/one-hidden-layer.ts';
import { designMatrix, regionActivations } from '../../src/landscape/design-matrix.ts';
import { nearbyLosses, realChangeAlong, smallVector } from './support.ts';

const F = RationalField;
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/** Data and hidden weights whose rows span ℝ^d (the identity rows first), so vᵀW = uᵀ is solvable. */
const linearCase = dataset({ minDim: 1, maxDim: 2, minPoints: 2, maxPoints: 4 }).chain((data) => {
  const d = data.inputs[0]!.length;
  const identity = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, k) => (i === k ? Rational.ONE : Rational.ZERO)));
  return fc.array(smallVector(d), { maxLength: 1 }).map((extra) => ({ data, weights: [...identity, ...extra] }));
});

/** Least squares for uᵀx + d by Gauss–Jordan on the normal equations (independent of the construction). */
function regressionLoss(data: { inputs: readonly (readonly Rational[])[]; targets: readonly (readonly Rational[])[] }): Rational {
  const X = Matrix.from(F, data.inputs.map((x) => [...x, Rational.ONE]));
  const y = data.targets.map((t) => t[0]!);
  const s = solve(X.transpose().mul(X), X.transpose().mulVec(y));
  if (s.kind !== 'solution') throw new Error('normal equations are consistent');
  return X.mulVec(s.particular).reduce((acc, f, i) => acc.add(f.sub(y[i]!).pow(2)), Rational.ZERO).div(Rational.fromInt(2));
}

describe('decomposition §3.1 and §3.2 constructions, checked by the classifier', () => {
  it('§3.1: all pre-activations ≥ 1, the linear-regression loss, and a certified local minimum', () => {
    fc.assert(
      fc.property(linearCase, ({ data, weights }) => {
        const c = linearRegionPoint(data, weights, 'half-sum');
        if (!c.realisable) throw new Error('the identity rows make vᵀW = uᵀ solvable');
        const pattern = activationPattern(data.inputs, c.point.weights, c.point.biases!);
        expect(pattern.every((row) => row.every((s) => s === 1))).toBe(true);
        const pre = data.inputs.map((x) => c.point.weights.map((w, j) => dot(w, x).add(c.point.biases![j]!)));
        expect(pre.every((row) => row.every((z) => z.ge(Rational.ONE)))).toBe(true);
        expect(c.regressionLoss.equals(regressionLoss(data))).toBe(true);
        const k = classifyPoint(c.network, data, squaredError('half-sum'));
        expect(k.value.equals(c.regressionLoss)).toBe(true);
        expect(['local-min', 'locally-constant']).toContain(k.kind);
        expect(k.basis).toBe('certified');
        expect(nearbyLosses(c.network, data, squaredError('half-sum'), { count: 15 }).every((v) => v.ge(k.value))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('§3.2 as written puts the new unit on its kink; the classifier decides, and with a margin the minimum survives', () => {
    fc.assert(
      fc.property(linearCase, smallVector(2), fc.integer({ min: -2, max: 2 }), ({ data, weights }, w, v) => {
        const base = linearRegionPoint(data, weights, 'half-sum');
        if (!base.realisable) throw new Error('unreachable');
        const weight = w.slice(0, data.inputs[0]!.length);
        const outgoing = Rational.fromInt(v);
        const dead = addDeadUnit(base.point, data.inputs, weight, outgoing);
        // Independent: the kink samples are exactly the maximisers of wᵀx_i.
        const products = data.inputs.map((x) => dot(weight, x));
        const max = products.reduce((m, p) => (p.gt(m) ? p : m));
        expect(dead.boundarySamples).toEqual(products.flatMap((p, i) => (p.equals(max) ? [i] : [])));
        const newUnit = activationPattern(data.inputs, dead.point.weights, dead.point.biases!).map((row) => row[row.length - 1]);
        newUnit.forEach((s, i) => expect(s).toBe(dead.boundarySamples.includes(i) ? 0 : -1));
        const loss = squaredError('half-sum');
        expect(empiricalRisk(dead.network, data, loss).equals(base.regressionLoss)).toBe(true);
        const c = classifyPoint(dead.network, data, loss, { randomDirections: 32 });
        expect(c.differentiable).toBe(false);
        const descent = c.localMin.nonStrict.certificate;
        if (descent?.kind === 'ray') expect(realChangeAlong(dead.network, data, loss, descent.expansion).sign()).toBe(-1);
        // Strictly inactive (margin 1): the old minimum, still certified.
        const safe = addDeadUnit(base.point, data.inputs, weight, outgoing, { margin: Rational.ONE });
        expect(safe.boundarySamples).toEqual([]);
        const k = classifyPoint(safe.network, data, loss);
        expect(k.value.equals(base.regressionLoss)).toBe(true);
        expect(k.localMin.nonStrict.holds && k.localMin.nonStrict.basis === 'certified').toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});

describe("Liu's Theorem 2 and Theorem 3 constructions", () => {
  it('Theorem 2: critical, z_j = 0 with w_j on (C.4), and ∂²L/∂z_j∂w_j = (2/N)·Σe_i I_ij x_i ≠ 0 (from the exact Hessian)', () => {
    const problem = fc
      .record({ data: dataset({ minDim: 1, maxDim: 2, minPoints: 2, maxPoints: 4 }), units: fc.integer({ min: 1, max: 2 }) })
      .map((p) => ({ ...p, data: { inputs: p.data.inputs.map((x) => [...x, Rational.ONE]), targets: p.data.targets } }))
      .chain((p) => realizableRegion(p.data.inputs, p.units).chain((region) => fc.subarray(Array.from({ length: p.units - 1 }, (_, j) => j)).map((S) => ({ ...p, region, S }))))
      .map((p) => ({ ...p, saddle: liuSaddlePoint(p.data, p.region, p.S) }))
      .filter((p) => p.saddle.point !== null && p.saddle.premise);
    fc.assert(
      fc.property(problem, ({ data, region, saddle }) => {
        const point = saddle.point!;
        const net = oneHiddenLayerNetwork(point);
        const pattern = activationPattern(data.inputs, point.weights);
        region.forEach((signs, j) => signs.forEach((s, i) => expect(pattern[i]![j]).toBe(s)));
        const d = lossDerivatives(net, data, squaredError('mean'));
        expect(d.gradient.every((g) => g.isZero())).toBe(true);
        const N = Rational.fromInt(data.inputs.length);
        for (const [j, normal] of saddle.hyperplaneNormals) {
          expect(point.outputWeights[j]!.isZero()).toBe(true);
          expect(dot(normal, point.weights[j]!).isZero()).toBe(true);
          normal.forEach((g, k) => {
            const h = d.hessian.get(parameterIndex(net, `W2[0,${j}]`), parameterIndex(net, `W1[${j},${k}]`));
            expect(h.equals(g.mul(Rational.fromInt(2)).div(N))).toBe(true);
          });
        }
      }),
      { numRuns: 15 },
    );
  });

  it('Theorem 3: w_m on the kink of x_n, (18) and (19) hold at the point, and it is a certified non-differentiable local minimum', () => {
    // Found by a seeded search over small integer data; the numbers below are inputs, the rest is computed.
    const data = ratData([[-1, 2], [-2, 2], [3, 0]], [1, -1, 0]);
    const built = liuBoundaryPoint(data, [[1, 1, 1]], 0, 1);
    if (!built.solvable || built.point === null) throw new Error('expected a genuine boundary point');
    const point = built.point;
    const [w] = point.weights;
    const z = point.outputWeights[0]!;
    const xs = data.inputs;
    expect(dot(w!, xs[1]!).isZero()).toBe(true);
    expect(dot(w!, xs[0]!).sign()).toBe(1);
    expect(dot(w!, xs[2]!).sign()).toBe(1);
    // (18), (19) recomputed from the point: e_i = z[w·x_i]₊ − y_i.
    const e = xs.map((x, i) => z.mul(dot(w!, x).max(Rational.ZERO)).sub(data.targets[i]![0]!));
    const side1 = [0, 2].reduce((s, i) => s.add(e[i]!.mul(dot(xs[i]!, xs[1]!))), Rational.ZERO);
    expect(side1.mul(z).sign()).toBe(-1);
    expect(side1.add(e[1]!.mul(dot(xs[1]!, xs[1]!))).mul(z).sign()).toBe(1);
    const net = oneHiddenLayerNetwork(point);
    const c = classifyPoint(net, data, squaredError('mean'));
    expect(c.differentiable).toBe(false);
    expect(c.kind).toBe('local-min');
    expect(c.basis).toBe('certified');
    // Not a zero of the loss: the convex reparametrisation is what certifies it.
    expect(c.value.isZero()).toBe(false);
    expect(c.localMin.nonStrict).toMatchObject({
      holds: true,
      basis: 'certified',
      reason: 'R(θ) minimises the convex loss of every adjacent region over its reachable cone',
      certificate: { kind: 'reparametrisation' },
    });
    expect(nearbyLosses(net, data, squaredError('mean')).every((v) => v.ge(c.value))).toBe(true);
  });

  it('Theorem 3: DR = d holds exactly at the KKT points of min ‖AR − y‖² subject to x_n·R_m = 0 (so it is always solvable)', () => {
    const problem = fc
      .record({ data: dataset({ minDim: 1, maxDim: 2, minPoints: 2, maxPoints: 4, nonZeroInputs: true }), units: fc.integer({ min: 1, max: 2 }) })
      .chain((p) =>
        fc
          .record({ region: realizableRegion(p.data.inputs, p.units), m: fc.nat(p.units - 1), n: fc.nat(p.data.inputs.length - 1) })
          .map((r) => ({ ...p, ...r })),
      );
    fc.assert(
      fc.property(problem, ({ data, region, m, n }) => {
        const built = liuBoundaryPoint(data, region, m, n);
        expect(built.solvable).toBe(true);
        if (!built.solvable) return;
        // Independent: the KKT system [AᵀA, c; cᵀ, 0][R; λ] = [Aᵀy; 0] with c = x_n in block m.
        const A = designMatrix(data.inputs, regionActivations(built.region), { bias: false, outputBias: false });
        const dim = data.inputs[0]!.length;
        const c = Array.from({ length: A.cols }, (_, k) => (Math.floor(k / dim) === m ? data.inputs[n]![k % dim]! : Rational.ZERO));
        const G = A.transpose().mul(A);
        const kkt = Matrix.from(F, [...G.toArrays().map((row, k) => [...row, c[k]!]), [...c, Rational.ZERO]]);
        const rhs = [...A.transpose().mulVec(data.targets.map((t) => t[0]!)), Rational.ZERO];
        const s = solve(kkt, rhs);
        if (s.kind !== 'solution') throw new Error('a feasible equality-constrained least-squares problem has KKT points');
        const R = s.particular.slice(0, A.cols);
        expect(built.D.mulVec(R).every((v, k) => v.equals(built.d[k]!))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('construction inputs', () => {
  const r = (...xs: (number | string)[]): Rational[] => xs.map((x) => Rational.from(x));

  it('§3.2 validates the point, the samples, the weight and the margin', () => {
    const point = { weights: [r(1)], biases: r(0), outputWeights: r(1), outputBias: Rational.ZERO };
    const inputs = [r(1), r(3)];
    expect(() => addDeadUnit({ ...point, biases: null }, inputs, r(1), Rational.ONE)).toThrow(/addDeadUnit: the construction sets a bias, the point has none/);
    expect(() => addDeadUnit(point, [], r(1), Rational.ONE)).toThrow(/addDeadUnit: no samples/);
    expect(() => addDeadUnit(point, inputs, r(1, 2), Rational.ONE)).toThrow(/addDeadUnit: weight has 2 entries, input dimension is 1/);
    expect(() => addDeadUnit(point, inputs, r(1), Rational.ONE, { margin: Rational.MINUS_ONE })).toThrow(/addDeadUnit: margin must be ≥ 0, got -1/);
    expect(() => addDeadUnit(point, [r(1), r(1, 2)], r(1), Rational.ONE)).toThrow(/addDeadUnit: inputs\[1\] has 2 entries, expected 1/);
    // Margin 0 is the paper's formula: b = −max(2·1, 2·3) = −6, so sample 1 sits on the kink.
    const dead = addDeadUnit(point, inputs, r(2), Rational.ONE, { margin: Rational.ZERO });
    expect([String(dead.bias), dead.boundarySamples]).toEqual(['-6', [1]]);
  });

  it('§3.1 validates the data and the weights', () => {
    const data = ratData([[0], [1]], [0, 1]);
    expect(() => linearRegionPoint({ inputs: [], targets: [] }, [r(1)], 'mean')).toThrow(/the linear region of an empty dataset is undefined/);
    expect(() => linearRegionPoint(data, [r(1, 2)], 'mean')).toThrow(/weights\[0\] has 2 entries, input dimension is 1/);
    expect(() => linearRegionPoint(data, [], 'mean')).toThrow(/the construction needs at least one hidden unit/);
  });

  it('§3.1 without the fit direction in the row space of W: not realisable, with a checkable certificate', () => {
    // y = x₂ on three points: the fit is u = (0, 1), d = 0 with loss 0; W = [(1, 0)] cannot give vᵀW = (0, 1).
    const data = ratData([[0, 0], [0, 1], [1, 0]], [0, 1, 0]);
    const c = linearRegionPoint(data, [r(1, 0)], 'mean');
    expect(c.realisable).toBe(false);
    if (c.realisable) return;
    expect([c.fit.u.map(String), String(c.fit.d), String(c.regressionLoss)]).toEqual([['0', '1'], '0', '0']);
    // The certificate y: W y = 0 and uᵀy = 1.
    expect(dot(r(1, 0), c.certificate).isZero()).toBe(true);
    expect(dot(c.fit.u, c.certificate).equals(Rational.ONE)).toBe(true);
  });
});
