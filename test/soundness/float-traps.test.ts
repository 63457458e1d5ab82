// Planted cases where float64 arithmetic gives the wrong answer: a pre-activation that rounds to
// the wrong side of a kink, residuals that do not cancel, a nearly singular design matrix, loss
// differences below float resolution. In each the float answer is shown to be wrong first (so the
// trap is real), then the exact verdict is checked against an independent exact computation.
import { Matrix as MlMatrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { FloatField } from '../../src/numbers/float-field.ts';
import { ratData, mapDataset } from '../../src/network/dataset.ts';
import { forwardDataset } from '../../src/network/forward.ts';
import { mapNetwork, ratNetwork } from '../../src/network/network.ts';
import { relu } from '../../src/network/activation.ts';
import { empiricalRisk, squaredError } from '../../src/network/loss.ts';
import { lossDerivatives } from '../../src/network/derivatives.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { classifyPoint } from '../../src/landscape/classify.ts';
import { subglobalMinimum } from '../../src/landscape/subglobal-minimum.ts';
import { regionActivations } from '../../src/landscape/design-matrix.ts';
import { lossAt } from '../landscape/support.ts';

const R = (x: string | number): Rational => Rational.from(x);
const loss = squaredError('half-sum');
const floatNet = (net: ReturnType<typeof ratNetwork>) => mapNetwork(net, FloatField, (x) => x.toNumber());

describe('a pre-activation that floats put on the wrong side of the kink', () => {
  // w·x + b = (1/10)·3 − 3/10 = 0 exactly; in float64 0.1·3 − 0.3 = 5.55e−17 > 0.
  const net = ratNetwork({
    layers: [
      { weights: [['1/10']], bias: ['-3/10'], activation: relu(RationalField) },
      { weights: [[2]], bias: [0] },
    ],
  });
  const data = ratData([[3], [1]], [1, 0]);

  it('floats see the unit active on x = 3, exactly it sits on the kink', () => {
    const pre = forwardDataset(floatNet(net), mapDataset(FloatField, data)).traces[0]!.preActivations[0]![0]!;
    expect(pre).toBeGreaterThan(0);
    expect(forwardDataset(net, data).traces[0]!.preActivations[0]![0]!.isZero()).toBe(true);
  });

  it('the classification reports a non-differentiable point with the breakpoint at sample 1', () => {
    const c = classifyPoint(net, data, loss);
    expect(c.differentiable).toBe(false);
    expect(c.breakpoints).toHaveLength(1);
    expect(c.gradient).toBeNull();
  });
});

describe('a zero-loss critical point whose float residuals do not cancel', () => {
  // f(x) = 1·relu((1/10)x + 1/5) + 1/3 fits y = x/10 + 1/5 + 1/3 exactly at x = 1, 3, 7.
  const net = ratNetwork({
    layers: [
      { weights: [['1/10']], bias: ['1/5'], activation: relu(RationalField) },
      { weights: [[1]], bias: ['1/3'] },
    ],
  });
  const xs = [1, 3, 7];
  const data = ratData(
    xs.map((x) => [x]),
    xs.map((x) => R(x).div(R(10)).add(R('1/5')).add(R('1/3')).toString()),
  );

  it('floats give a non-zero loss and gradient; exactly both are zero', () => {
    const floatRisk = empiricalRisk(floatNet(net), mapDataset(FloatField, data), loss);
    expect(floatRisk).not.toBe(0);
    expect(empiricalRisk(net, data, loss).isZero()).toBe(true);
    expect(lossDerivatives(net, data, loss).gradient.every((g) => g.isZero())).toBe(true);
  });

  it('the classification says critical and a local minimum (zero loss of a non-negative loss)', () => {
    const c = classifyPoint(net, data, loss);
    expect(c.differentiable).toBe(true);
    expect(c.critical).toBe(true);
    expect(c.localMin.nonStrict.holds).toBe(true);
    expect(c.value.isZero()).toBe(true);
  });
});

describe('a nearly singular design matrix', () => {
  // Inputs 10^−20 apart: in float64 they are all 1 and the design matrix has rank 1; exactly it has rank 2.
  const eps = R('1/100000000000000000000');
  const inputs = [[R(1)], [R(1).add(eps)], [R(1).add(eps.mul(R(2)))]];
  const data = { inputs, targets: [[R(0)], [R(1)], [R(0)]] };
  const all = regionActivations([[1, 1, 1]]);

  it('floats lose a rank; the exact subglobal minimum is unique and satisfies the normal equations', () => {
    const min = subglobalMinimum(data, all, { bias: true, outputBias: false, normalisation: 'half-sum' });
    const A = new MlMatrix(min.design.toArrays().map((r) => r.map((v) => v.toNumber())));
    const floatRank = new SingularValueDecomposition(A).rank;
    expect(min.rank).toBe(2);
    expect(floatRank).toBeLessThan(min.rank);
    expect(min.unique).toBe(true);
    // Independent check: Aᵀ(A R* − y) = 0 exactly.
    for (let k = 0; k < min.design.cols; k++) {
      const dot = min.residual.reduce((s, r, i) => s.add(r.mul(min.design.get(i, k))), R(0));
      expect(dot.isZero()).toBe(true);
    }
    // By symmetry the best line is the constant 1/3: ½(1/9 + 4/9 + 1/9) = 1/3.
    expect(min.value.equals(R('1/3'))).toBe(true);
  });
});

describe('loss differences below float resolution', () => {
  // Large unfittable residuals (±10^8) make the loss ≈ 10^16 + 3/2, whose float64 spacing (2) hides
  // the exact decrease along −∇L.
  const big = R(100000000);
  const net = ratNetwork({
    layers: [
      { weights: [[1]], bias: [1], activation: relu(RationalField) },
      { weights: [[1]], bias: [0] },
    ],
  });
  const data = ratData([[0], [0], [0], [1]], [big, big.neg(), R(0), R(2).add(R('1/1000000000000'))].map(String));

  it('float loss cannot tell θ from θ − t·∇L, the exact loss can', () => {
    const c = classifyPoint(net, data, loss);
    expect(c.critical).toBe(false);
    const g = c.gradient!;
    const t = R('1/1000000000');
    const down = g.map((v) => v.neg());
    const exactBefore = lossAt(net, data, loss, down, R(0));
    const exactAfter = lossAt(net, data, loss, down, t);
    expect(exactAfter.lt(exactBefore)).toBe(true);
    expect(exactAfter.toNumber()).toBe(exactBefore.toNumber());
    expect(c.kind).toBe('not-critical');
    expect(c.localMin.nonStrict.holds).toBe(false);
  });
});
