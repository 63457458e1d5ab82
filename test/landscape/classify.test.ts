import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/generators/dataset.ts';
import { networkAndDataset } from '../../src/generators/network.ts';
import { realizableRegion } from '../../src/generators/region.ts';
import { solve } from '../../src/linalg/elimination.ts';
import { Matrix } from '../../src/linalg/matrix.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { FloatField } from '../../src/numbers/float-field.ts';
import { leakyRelu, linear, relu } from '../../src/network/activation.ts';
import { ratData, type Dataset } from '../../src/network/dataset.ts';
import { empiricalRisk, logistic, squaredError, type Loss } from '../../src/network/loss.ts';
import { activationPattern } from '../../src/network/forward.ts';
import { flattenParameters, unflattenParameters } from '../../src/network/parameters.ts';
import { network, type Network } from '../../src/network/network.ts';
import type { Penalty } from '../../src/network/penalty.ts';
import type { Decision, PointClassification } from '../../src/landscape/classification.ts';
import { classifyPoint, currentPattern } from '../../src/landscape/classify.ts';
import { regionActivations } from '../../src/landscape/design-matrix.ts';
import { genuineness } from '../../src/landscape/genuineness.ts';
import { liuSaddlePoint } from '../../src/landscape/liu-saddle.ts';
import { oneHiddenLayerNetwork } from '../../src/landscape/one-hidden-layer.ts';
import { subglobalMinimum } from '../../src/landscape/subglobal-minimum.ts';
import { kinkCase, lossAt, nearbyLosses, pow2, realChangeAlong, str } from './support.ts';

const F = RationalField;

/** Every ray certificate in the classification, re-checked with the real network at a tiny step. */
function checkRayCertificates(c: PointClassification, net: Network<Rational>, data: Dataset<Rational>, loss: Loss, penalty?: Penalty<Rational>): void {
  for (const d of [c.localMin.nonStrict, c.localMin.strict, c.localMax.nonStrict, c.localMax.strict]) {
    if (d.certificate?.kind === 'ray') {
      const ray = d.certificate.expansion;
      expect(realChangeAlong(net, data, loss, ray, penalty).sign()).toBe(ray.sign);
    }
    if (d.certificate?.kind === 'gradient') {
      const g = d.certificate.gradient;
      const size = g.reduce((m, v) => (v.abs().gt(m) ? v.abs() : m), Rational.ONE);
      const t = pow2(40).div(size.mul(size));
      expect(lossAt(net, data, loss, g.map((v) => v.neg()), t, penalty).lt(c.value)).toBe(true);
      expect(lossAt(net, data, loss, g, t, penalty).gt(c.value)).toBe(true);
    }
    if (d.certificate?.kind === 'equal-loss-curve') {
      const theta = flattenParameters(net);
      for (const point of d.certificate.curve.points) {
        expect(point.some((v, k) => !v.equals(theta[k]!))).toBe(true);
        expect(empiricalRisk(unflattenParameters(net, point), data, loss, { penalty }).equals(c.value)).toBe(true);
      }
    }
  }
}

/** Brute force: the claimed local minimum (maximum) has no lower (higher) exact loss at nearby rational points. */
function checkByNeighbours(c: PointClassification, net: Network<Rational>, data: Dataset<Rational>, loss: Loss, penalty?: Penalty<Rational>): void {
  const near = nearbyLosses(net, data, loss, { penalty });
  const claimed = (d: Decision): boolean => d.holds === true && d.basis !== 'evidence';
  if (claimed(c.localMin.nonStrict)) expect(near.every((v) => v.ge(c.value))).toBe(true);
  if (claimed(c.localMin.strict)) expect(near.every((v) => v.gt(c.value))).toBe(true);
  if (claimed(c.localMax.nonStrict)) expect(near.every((v) => v.le(c.value))).toBe(true);
  if (claimed(c.localMax.strict)) expect(near.every((v) => v.lt(c.value))).toBe(true);
}

/** A one-hidden-layer network at a genuine subglobal minimum of a random region (a differentiable critical point). */
const subglobalPoint = fc
  .record({
    data: dataset({ minDim: 1, maxDim: 2, minPoints: 1, maxPoints: 4, nonZeroInputs: true }),
    units: fc.integer({ min: 1, max: 2 }),
    bias: fc.boolean(),
    outputBias: fc.boolean(),
    leaky: fc.boolean(),
  })
  .chain((p) => realizableRegion(p.data.inputs, p.units, { bias: p.bias }).map((region) => ({ ...p, region })))
  .map((p) => {
    const slopes = p.leaky ? { sMinus: q(1, 2), sPlus: Rational.ONE } : undefined;
    const m = subglobalMinimum(p.data, regionActivations(p.region, slopes), { ...p, normalisation: 'half-sum' });
    const g = genuineness(m, p.region);
    return { ...p, value: m.value, net: g.genuine ? oneHiddenLayerNetwork(g.point, p.leaky ? leakyRelu(F, q(1, 2)) : relu(F)) : null };
  })
  .filter((p) => p.net !== null);

describe('classification of parameter points on the real loss', () => {
  it('at random differentiable points: not critical exactly when the gradient is non-zero, with checked certificates', () => {
    fc.assert(
      fc.property(networkAndDataset(), ({ network: net, data }) => {
        const loss = squaredError('mean');
        const c = classifyPoint(net, data, loss);
        expect(c.differentiable).toBe(true);
        expect(c.critical).toBe(c.gradient!.every((g) => g.isZero()));
        if (c.kind === 'not-critical') expect(c.basis).toBe('exact');
        checkRayCertificates(c, net, data, loss);
        checkByNeighbours(c, net, data, loss);
      }),
      { numRuns: 25 },
    );
  });

  it('a genuine subglobal minimum is a certified local minimum (never strict: rescaling), confirmed by nearby points', () => {
    fc.assert(
      fc.property(subglobalPoint, (p) => {
        const loss = squaredError('half-sum');
        const c = classifyPoint(p.net!, p.data, loss);
        expect(c.value.equals(p.value)).toBe(true);
        expect(c.differentiable && c.critical).toBe(true);
        expect(['local-min', 'locally-constant']).toContain(c.kind);
        expect(c.basis).toBe('certified');
        expect(c.localMin.strict.holds).toBe(false);
        checkRayCertificates(c, p.net!, p.data, loss);
        checkByNeighbours(c, p.net!, p.data, loss);
      }),
      { numRuns: 30 },
    );
  });

  it("Liu's Theorem 2 points are saddles: the negative and positive certificate directions check out on the real network", () => {
    const problem = fc
      .record({ data: dataset({ minDim: 1, maxDim: 2, minPoints: 2, maxPoints: 4 }), units: fc.integer({ min: 1, max: 2 }) })
      .map((p) => ({ ...p, data: { inputs: p.data.inputs.map((x) => [...x, Rational.ONE]), targets: p.data.targets } }))
      .chain((p) => realizableRegion(p.data.inputs, p.units).chain((region) => fc.subarray(Array.from({ length: p.units - 1 }, (_, j) => j)).map((S) => ({ ...p, region, S }))))
      .map((p) => ({ ...p, saddle: liuSaddlePoint(p.data, p.region, p.S) }))
      .filter((p) => p.saddle.point !== null && p.saddle.premise);
    fc.assert(
      fc.property(problem, (p) => {
        const loss = squaredError('mean');
        const net = oneHiddenLayerNetwork(p.saddle.point!);
        const c = classifyPoint(net, p.data, loss);
        expect(c.kind).toBe('saddle');
        expect(c.inertia!.negative).toBeGreaterThan(0);
        expect(c.inertia!.positive).toBeGreaterThan(0);
        checkRayCertificates(c, net, p.data, loss);
      }),
      { numRuns: 15 },
    );
  });

  it('positive-definite Hessians give strict local minima, negative-definite ones strict local maxima (nearby points agree)', () => {
    // Linear least squares: the unique minimiser of a full-rank problem.
    const data = ratData([[0], [1], [3]], [1, 0, 4]);
    const X = Matrix.from(F, data.inputs.map((x) => [...x, Rational.ONE]));
    const y = data.targets.map((t) => t[0]!);
    const fit = solve(X.transpose().mul(X), X.transpose().mulVec(y));
    if (fit.kind !== 'solution') throw new Error('unexpected');
    const fitted = network(F, { layers: [{ weights: [[fit.particular[0]!]], bias: [fit.particular[1]!] }] });
    const loss = squaredError('half-sum');
    const min = classifyPoint(fitted, data, loss);
    expect(min.kind).toBe('strict-local-min');
    // Two parameters (w, b), Hessian XᵀX positive definite.
    expect(min.localMin.strict).toEqual({
      holds: true,
      basis: 'certified',
      reason: 'gradient zero and positive-definite Hessian (LDLᵀ inertia)',
      certificate: { kind: 'hessian', inertia: { positive: 2, negative: 0, zero: 0 } },
    });
    checkByNeighbours(min, fitted, data, loss);
    // A negative weight penalty −‖θ‖² with small data makes the Hessian 2cXᵀX − 2I negative definite.
    const small = ratData([['1/4'], ['-1/4']], [1, 0]);
    const penalty = { lambda: Rational.MINUS_ONE };
    const Xs = Matrix.from(F, small.inputs.map((x) => [...x, Rational.ONE]));
    const c = q(1, 4); // 'half-mean' with N = 2
    const lhs = Xs.transpose().mul(Xs).scale(c).sub(Matrix.identity(F, 2));
    const crit = solve(lhs, Xs.transpose().mulVec(small.targets.map((t) => t[0]!)).map((v) => v.mul(c)));
    if (crit.kind !== 'solution') throw new Error('unexpected');
    const concave = network(F, { layers: [{ weights: [[crit.particular[0]!]], bias: [crit.particular[1]!] }] });
    const max = classifyPoint(concave, small, squaredError('half-mean'), { penalty });
    expect(max.kind).toBe('strict-local-max');
    expect(max.localMax.strict).toEqual({
      holds: true,
      basis: 'certified',
      reason: 'gradient zero and negative-definite Hessian (LDLᵀ inertia)',
      certificate: { kind: 'hessian', inertia: { positive: 0, negative: 2, zero: 0 } },
    });
    expect(max.localMin.nonStrict.reason).toBe('the Hessian has a negative direction (dᵀHd < 0 at a critical point)');
    checkByNeighbours(max, concave, small, squaredError('half-mean'), penalty);
  });

  it('a network whose units are all dead and has no output bias is locally constant', () => {
    const data = ratData([[1], [2]], [1, -1]);
    const net = network(F, { layers: [{ weights: [[q(-1)], [q(-2)]], activation: relu(F) }, { weights: [[q(3), q(-1)]] }] });
    const loss = squaredError('mean');
    const c = classifyPoint(net, data, loss);
    expect(c.kind).toBe('locally-constant');
    expect(c.localMin.strict.holds).toBe(false);
    expect(c.localMax.strict.holds).toBe(false);
    expect(nearbyLosses(net, data, loss).every((v) => v.equals(c.value))).toBe(true);
  });

  it('at non-differentiable points every certificate checks out and certified minima survive nearby points', () => {
    const nets = fc.oneof(
      kinkCase,
      networkAndDataset({ generalPosition: false, network: { weights: { maxNumerator: 1, maxDenominator: 1 } }, data: { entries: { maxNumerator: 2, maxDenominator: 1 } } }).map((c) => ({
        net: c.network,
        data: c.data,
      })),
    );
    let kinks = 0;
    fc.assert(
      fc.property(nets, ({ net, data }) => {
        const loss = squaredError('half-sum');
        const c = classifyPoint(net, data, loss, { randomDirections: 48 });
        if (!c.differentiable) kinks++;
        checkRayCertificates(c, net, data, loss);
        checkByNeighbours(c, net, data, loss);
      }),
      { numRuns: 30 },
    );
    expect(kinks).toBeGreaterThan(5);
  });

  it('rejects bad input with a clear error', () => {
    const data = ratData([[1], [2]], [1, -1]);
    const floatNet = network(FloatField, { layers: [{ weights: [[1]] }] });
    expect(() => classifyPoint(floatNet as unknown as Network<Rational>, data, squaredError('mean'))).toThrow(/rationals/);
    const net = network(F, { layers: [{ weights: [[q(1)]], activation: relu(F) }, { weights: [[q(1)]] }] });
    expect(() => classifyPoint(net, data, logistic('mean'))).toThrow(/classifyPoint: the logistic loss cannot be decided over the rationals/);
    expect(() => classifyPoint(net, ratData([[1, 2]], [1]), squaredError('mean'))).toThrow(/input 0 has 2 entries/);
    expect(() => genuineness(subglobalMinimum(data, [[Rational.ONE], [Rational.ONE]], { bias: false, outputBias: false, normalisation: 'mean' }), [[1]])).toThrow(/region unit 0 has 1 signs/);
    expect(() => liuSaddlePoint(data, [[1, 1]], [0])).toThrow(/K' < K/);
  });
});

describe('the pattern at θ: bias-free first-layer units on a zero input never switch', () => {
  const x0 = ratData([[0], [1]], [0, 0]);

  it('a bias-free ReLU unit on x = 0 is frozen to its left piece and is no breakpoint', () => {
    const net = network(F, { layers: [{ weights: [[q(1)]], activation: relu(F) }, { weights: [[q(1)]] }] });
    // Point 0: z = 1·0 = 0 sits on the ReLU breakpoint (position 1); point 1: z = 1 > 0 (position 2).
    expect(activationPattern(net, x0)[0]![0]).toEqual([1]);
    const { pattern, breakpoints } = currentPattern(net, x0);
    expect(pattern).toEqual([[[0], [0]], [[2], [0]]]);
    expect(breakpoints).toEqual([]);
    expect(classifyPoint(net, x0, squaredError('mean')).differentiable).toBe(true);
  });

  it('a first-layer unit with a bias, a unit on a non-zero input, and a deeper unit stay breakpoints', () => {
    // With a bias b = 0 the pre-activation 0·w + b moves with b.
    const biased = network(F, { layers: [{ weights: [[q(1)]], bias: [q(0)], activation: relu(F) }, { weights: [[q(1)]] }] });
    expect(currentPattern(biased, x0).breakpoints).toEqual([{ point: 0, layer: 0, unit: 0 }]);
    // x = (1, −1) with w = (1, 1): z = 0, but z moves with w.
    const plane = network(F, { layers: [{ weights: [[q(1), q(1)]], activation: relu(F) }, { weights: [[q(1)]] }] });
    expect(currentPattern(plane, ratData([[1, -1]], [0])).breakpoints).toEqual([{ point: 0, layer: 0, unit: 0 }]);
    // Second layer: z = v·h(0) + c = c = 0 moves with c although the input is 0 and layer 1 has no bias.
    const deep = network(F, {
      layers: [{ weights: [[q(1)]], activation: relu(F) }, { weights: [[q(1)]], bias: [q(0)], activation: relu(F) }, { weights: [[q(1)]] }],
    });
    expect(currentPattern(deep, ratData([[0]], [0])).breakpoints).toEqual([{ point: 0, layer: 1, unit: 0 }]);
  });

  it('a bias-free unit on x = 0 inside a piece keeps its position', () => {
    // The identity has one piece (position 0) and no breakpoint.
    const net = network(F, { layers: [{ weights: [[q(2)]], activation: linear(F) }, { weights: [[q(1)]] }] });
    expect(currentPattern(net, x0).pattern).toEqual(activationPattern(net, x0));
  });
});

describe('classification at differentiable points: each decision and its certificate', () => {
  const half = squaredError('half-sum');

  it('a non-critical point: the penalised value, the exact gradient as certificate, no breakpoints', () => {
    // f = w·x with w = 1, x = 1, y = 0; L = ½(w − 0)² + λw² with λ = 1: L = 3/2, L′ = w + 2w = 3.
    const net = network(F, { layers: [{ weights: [[q(1)]] }] });
    const data = ratData([[1]], [0]);
    const c = classifyPoint(net, data, half, { penalty: { lambda: Rational.ONE } });
    expect(c.value.equals(q(3, 2))).toBe(true);
    expect(c.breakpoints).toEqual([]);
    expect(c.kind).toBe('not-critical');
    for (const d of [c.localMin.nonStrict, c.localMin.strict, c.localMax.nonStrict, c.localMax.strict]) {
      expect(d).toMatchObject({ holds: false, basis: 'exact', reason: 'the gradient is not zero' });
      expect(d.certificate?.kind === 'gradient' && str(d.certificate.gradient)).toEqual(['3']);
    }
  });

  it('a zero-loss point with a singular Hessian: a global minimum, not strict (rescaling), not a maximum', () => {
    // f = v·relu(w·x), x = 1, y = 1, (w, v) = (1, 1): L = ½(vw − 1)² = 0, H = [[v², 2vw − 1], [2vw − 1, w²]] = [[1, 1], [1, 1]].
    const net = network(F, { layers: [{ weights: [[q(1)]], activation: relu(F) }, { weights: [[q(1)]] }] });
    const data = ratData([[1]], [1]);
    const c = classifyPoint(net, data, half);
    expect(c.inertia).toEqual({ positive: 1, negative: 0, zero: 1 });
    expect(c.kind).toBe('local-min');
    expect(c.localMin.nonStrict).toMatchObject({ holds: true, basis: 'certified', certificate: { kind: 'zero-loss' } });
    expect(c.localMin.strict.holds).toBe(false);
    expect(c.localMin.strict.reason).toMatch(/not a strict local minimum/);
    expect(c.localMax.nonStrict).toMatchObject({ holds: false, basis: 'certified', reason: 'the Hessian has a positive direction (dᵀHd > 0 at a critical point)' });
    expect(c.localMax.nonStrict.certificate?.kind === 'ray' && c.localMax.nonStrict.certificate.expansion.sign).toBe(1);
    expect(c.localMax.strict).toBe(c.localMax.nonStrict);
    checkRayCertificates(c, net, data, half);
  });

  it('a subglobal minimum with non-zero loss is certified by the reparametrisation', () => {
    // f = v·relu(w·x) on x = (1, 2), y = (1, 1): the best u = vw is Σxy/Σx² = 3/5, L = ½(4/25 + 1/25) = 1/10.
    const net = network(F, { layers: [{ weights: [[q(1)]], activation: relu(F) }, { weights: [[q(3, 5)]] }] });
    const data = ratData([[1], [2]], [1, 1]);
    const c = classifyPoint(net, data, half);
    expect(c.value.equals(q(1, 10))).toBe(true);
    // The rescaling direction (w, −v) is a Hessian null direction.
    expect(c.inertia).toEqual({ positive: 1, negative: 0, zero: 1 });
    expect(c.localMin.nonStrict).toMatchObject({ holds: true, basis: 'certified', certificate: { kind: 'reparametrisation' } });
    expect(c.localMin.nonStrict.reason).toMatch(/reparametrised parameters minimise/);
    checkByNeighbours(c, net, data, half);
  });

  /** Two dead ReLU units (w = −1, −2 on x > 0) with output weights v = (0, 0): the data loss is constant. */
  const dead = network(F, { layers: [{ weights: [[q(-1)], [q(-2)]], activation: relu(F) }, { weights: [[q(0), q(0)]] }] });
  const deadData = ratData([[1], [2]], [1, -1]);
  const outputWeights = [2, 3];

  it('a penalty with λ = 0 blocks the reparametrisation; the constant region loss decides', () => {
    const penalty = { lambda: Rational.ZERO };
    const c = classifyPoint(dead, deadData, half, { penalty });
    expect(c.inertia).toEqual({ positive: 0, negative: 0, zero: 4 });
    expect(c.kind).toBe('locally-constant');
    for (const d of [c.localMin.nonStrict, c.localMax.nonStrict]) {
      expect(d).toEqual({ holds: true, basis: 'certified', reason: 'the region\'s loss is constant near θ', certificate: { kind: 'locally-constant', regionsChecked: 1 } });
    }
    expect(c.localMin.strict.reason).toMatch(/not a strict local minimum/);
    expect(c.localMax.strict.reason).toMatch(/not a strict local maximum/);
    expect(c.localMax.strict.holds).toBe(false);
    expect(nearbyLosses(dead, deadData, half, { penalty }).every((v) => v.equals(c.value))).toBe(true);
  });

  it('a positive penalty on zero output weights: singular PSD Hessian, no certificate, left open', () => {
    // L = const + v₁² + v₂²: H = diag(0, 0, 2, 2); no descent exists, but the region loss is not constant.
    const c = classifyPoint(dead, deadData, half, { penalty: { lambda: Rational.ONE, parameters: outputWeights } });
    expect(c.inertia).toEqual({ positive: 2, negative: 0, zero: 2 });
    expect(c.localMin.nonStrict.holds).toBe(null);
    expect(c.localMin.nonStrict.basis).toBe('evidence');
    expect(c.localMin.nonStrict.reason).toMatch(/^singular positive-semidefinite Hessian: no reparametrisation certificate \(a weight penalty .*\); no descent among \d+ directions tried$/);
    expect(c.localMin.strict).toBe(c.localMin.nonStrict);
    expect(c.localMax.nonStrict.holds).toBe(false);
  });

  it('a negative penalty on zero output weights: singular NSD Hessian, no ascent found, left open', () => {
    // L = const − v₁² − v₂²: H = diag(0, 0, −2, −2); moving w keeps the units dead, so no ascent exists.
    const penalty = { lambda: Rational.MINUS_ONE, parameters: outputWeights };
    const c = classifyPoint(dead, deadData, half, { penalty });
    expect(c.inertia).toEqual({ positive: 0, negative: 2, zero: 2 });
    expect(c.localMin.nonStrict).toMatchObject({ holds: false, basis: 'certified', reason: 'the Hessian has a negative direction (dᵀHd < 0 at a critical point)' });
    expect(c.localMin.nonStrict.certificate?.kind === 'ray' && c.localMin.nonStrict.certificate.expansion.sign).toBe(-1);
    expect(c.localMax.nonStrict).toMatchObject({ holds: null, basis: 'evidence' });
    expect(c.localMax.nonStrict.reason).toMatch(/^singular negative-semidefinite Hessian; no ascent among \d+ directions tried$/);
    expect(c.localMax.strict).toEqual(c.localMax.nonStrict);
    expect(c.kind).toBe('not-local-min');
    checkRayCertificates(c, dead, deadData, half, penalty);
  });

  it('a zero-loss point with a zero Hessian in a non-constant region is a minimum and hence no maximum', () => {
    // f = v·w·x (two linear layers), x = 1, y = 0 at (w, v) = (0, 0): L = ½(vw)² ≥ 0 = L(θ), H = 0.
    const net = network(F, { layers: [{ weights: [[q(0)]] }, { weights: [[q(0)]] }] });
    const data = ratData([[1]], [0]);
    const c = classifyPoint(net, data, half);
    expect(c.inertia).toEqual({ positive: 0, negative: 0, zero: 2 });
    expect(c.kind).toBe('local-min');
    expect(c.localMin.nonStrict.certificate).toEqual({ kind: 'zero-loss' });
    const no = { holds: false, basis: 'certified', reason: 'θ is a local minimum and the region\'s loss is not constant near θ', certificate: { kind: 'zero-loss' } };
    expect(c.localMax.nonStrict).toEqual(no);
    expect(c.localMax.strict).toEqual(no);
    // Larger values arbitrarily close: L(t, t) = t⁴/2 > 0.
    expect(lossAt(net, data, half, [Rational.ONE, Rational.ONE], pow2(20)).gt(c.value)).toBe(true);
  });

  it('a zero Hessian with a cubic loss term: descent and ascent at order 3 along Hessian null directions', () => {
    // f = u·v·w·x (three linear layers), x = 1, y = −1 at 0: L = ½ + uvw + ½(uvw)²; H = 0, the sign of uvw decides.
    const net = network(F, { layers: [{ weights: [[q(0)]] }, { weights: [[q(0)]] }, { weights: [[q(0)]] }] });
    const data = ratData([[1]], [-1]);
    const c = classifyPoint(net, data, half);
    expect(c.inertia).toEqual({ positive: 0, negative: 0, zero: 3 });
    expect(c.kind).toBe('saddle');
    expect(c.localMin.nonStrict).toMatchObject({ holds: false, basis: 'certified', reason: 'a Hessian null direction descends at order 3' });
    expect(c.localMax.nonStrict).toMatchObject({ holds: false, basis: 'certified', reason: 'a Hessian null direction ascends at order 3' });
    for (const [d, sign] of [[c.localMin.nonStrict, -1], [c.localMax.nonStrict, 1]] as const) {
      const ray = d.certificate?.kind === 'ray' ? d.certificate.expansion : null;
      expect(ray?.sign).toBe(sign);
      // Along d the loss is ½ + t³·d₁d₂d₃ + …: the product's sign is the ray's.
      expect(Math.sign(ray!.direction.reduce((p, v) => p.mul(v), Rational.ONE).sign())).toBe(sign);
    }
    checkRayCertificates(c, net, data, half);
  });

  it('the float search is reproducible from its seed, whose default is 1', () => {
    const net = network(F, { layers: [{ weights: [[q(0)]] }, { weights: [[q(0)]] }, { weights: [[q(0)]] }] });
    const data = ratData([[1]], [-1]);
    expect(classifyPoint(net, data, squaredError('half-sum'))).toEqual(classifyPoint(net, data, squaredError('half-sum'), { seed: 1 }));
  });
});
