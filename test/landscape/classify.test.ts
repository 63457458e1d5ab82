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
import { leakyRelu, relu } from '../../src/network/activation.ts';
import { ratData, type Dataset } from '../../src/network/dataset.ts';
import { empiricalRisk, logistic, squaredError, type Loss } from '../../src/network/loss.ts';
import { flattenParameters, unflattenParameters } from '../../src/network/parameters.ts';
import { network, type Network } from '../../src/network/network.ts';
import type { Penalty } from '../../src/network/penalty.ts';
import type { Decision, PointClassification } from '../../src/landscape/classification.ts';
import { classifyPoint } from '../../src/landscape/classify.ts';
import { regionActivations } from '../../src/landscape/design-matrix.ts';
import { genuineness } from '../../src/landscape/genuineness.ts';
import { liuSaddlePoint } from '../../src/landscape/liu-saddle.ts';
import { oneHiddenLayerNetwork } from '../../src/landscape/one-hidden-layer.ts';
import { subglobalMinimum } from '../../src/landscape/subglobal-minimum.ts';
import { kinkCase, lossAt, nearbyLosses, pow2, realChangeAlong } from './support.ts';

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
    const linear = network(F, { layers: [{ weights: [[fit.particular[0]!]], bias: [fit.particular[1]!] }] });
    const loss = squaredError('half-sum');
    const min = classifyPoint(linear, data, loss);
    expect(min.kind).toBe('strict-local-min');
    checkByNeighbours(min, linear, data, loss);
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
    expect(() => classifyPoint(net, data, logistic('mean'))).toThrow(/logistic/);
    expect(() => classifyPoint(net, ratData([[1, 2]], [1]), squaredError('mean'))).toThrow(/input 0 has 2 entries/);
    expect(() => genuineness(subglobalMinimum(data, [[Rational.ONE], [Rational.ONE]], { bias: false, outputBias: false, normalisation: 'mean' }), [[1]])).toThrow(/region unit 0 has 1 signs/);
    expect(() => liuSaddlePoint(data, [[1, 1]], [0])).toThrow(/K' < K/);
  });
});
