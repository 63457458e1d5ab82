import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrangementCells } from '../../../src/geometry/arrangement.ts';
import { classifyPoint } from '../../../src/landscape/classify.ts';
import { regionActivations, type UnitActivations } from '../../../src/landscape/design-matrix.ts';
import { classifyFixedActivationPoint, fixedActivationDerivatives, fixedActivationLoss } from '../../../src/landscape/fixed-activation.ts';
import { fixedCriticalPoint, regionCriticalPoint } from '../../../src/landscape/fixed-critical.ts';
import { oneHiddenLayerNetwork, type OneHiddenLayerPoint } from '../../../src/landscape/one-hidden-layer.ts';
import { seededRandom } from '../../../src/landscape/rng.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { ratData, type Dataset } from '../../../src/network/dataset.ts';
import { empiricalRisk, squaredError } from '../../../src/network/loss.ts';
import { criticalRegionInstance, fixedCriticalInstance, flatPoint, patternInstance, pointFromFlat, WITH_BIASES } from '../../../properties/decomposition/_fixed.ts';
import { smallRational } from '../../../src/generators/rational.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);
const sum = (xs: readonly Rational[]): Rational => xs.reduce((s, v) => s.add(v), Rational.ZERO);

/** Reference g_A(x_i) = Σ_j a_ij v_j (w_jᵀx_i + b_j) + c by plain loops (eq. (2)). */
function referenceOutputs(p: OneHiddenLayerPoint, data: Dataset<Rational>, a: UnitActivations): Rational[] {
  return data.inputs.map((x, i) => sum(p.weights.map((w, j) => a[i]![j]!.mul(p.outputWeights[j]!).mul(dot(w, x).add(p.biases![j]!)))).add(p.outputBias!));
}

/** Reference ½Σ r_i². */
function referenceLoss(p: OneHiddenLayerPoint, data: Dataset<Rational>, a: UnitActivations): Rational {
  const r = referenceOutputs(p, data, a).map((g, i) => g.sub(data.targets[i]![0]!));
  return sum(r.map((v) => v.mul(v))).div(q(2));
}

/** Eq. (11) of the paper by loops, in the flat order (W row by row, b, v, c). */
function referenceGradient(p: OneHiddenLayerPoint, data: Dataset<Rational>, a: UnitActivations): Rational[] {
  const r = referenceOutputs(p, data, a).map((g, i) => g.sub(data.targets[i]![0]!));
  const d = p.weights[0]!.length;
  const K = p.weights.length;
  const gw = p.weights.flatMap((_, j) => Array.from({ length: d }, (_, k) => p.outputWeights[j]!.mul(sum(data.inputs.map((x, i) => r[i]!.mul(a[i]![j]!).mul(x[k]!))))));
  const gb = Array.from({ length: K }, (_, j) => p.outputWeights[j]!.mul(sum(data.inputs.map((_, i) => r[i]!.mul(a[i]![j]!)))));
  const gv = Array.from({ length: K }, (_, j) => sum(data.inputs.map((x, i) => r[i]!.mul(a[i]![j]!).mul(dot(p.weights[j]!, x).add(p.biases![j]!)))));
  return [...gw, ...gb, ...gv, sum(r)];
}


const entries = fc.array(smallRational({ maxNumerator: 3, maxDenominator: 2 }), { minLength: 13, maxLength: 13 });
const randomPoint = (K: number, d: number, e: readonly Rational[]): OneHiddenLayerPoint => pointFromFlat({ weights: Array.from({ length: K }, () => new Array(d).fill(Rational.ZERO)), biases: [], outputWeights: [], outputBias: null }, e);

/**
 * Exact losses near θ: θ + t·U for random small dense U, and for every sparse U = e_k + β e_l
 * (β = ±1, ±1/4, ±1/16, ±1/64), which catches narrow descent cones. A brute-force probe.
 */
function neighbours(p: OneHiddenLayerPoint, data: Dataset<Rational>, a: UnitActivations, t: Rational, count = 60): Rational[] {
  const random = seededRandom(11);
  const theta = flatPoint(p);
  const at = (U: readonly Rational[]) => referenceLoss(pointFromFlat(p, theta.map((v, k) => v.add(t.mul(U[k]!)))), data, a);
  const dense = Array.from({ length: count }, () => at(theta.map(() => q(Math.floor(random() * 7) - 3, 1 + Math.floor(random() * 2)))));
  const betas = [1, 4, 16, 64].flatMap((m) => [q(1, m), q(-1, m)]);
  const sparse = theta.flatMap((_, k) =>
    theta.flatMap((__, l) => (l === k ? [] : betas.map((beta) => at(theta.map((___, i) => (i === k ? q(1) : i === l ? beta : q(0))))))),
  );
  return [...dense, ...sparse];
}

describe('fixed-activation loss L_gA', () => {
  it('value and jet gradient agree with eq. (2) and eq. (11) by loops; the jet Hessian with exact five-point stencils', () => {
    fc.assert(
      fc.property(patternInstance, entries, ({ data, activations }, e) => {
        const K = activations[0]!.length;
        const d = data.inputs[0]!.length;
        const p = randomPoint(K, d, e);
        expect(fixedActivationLoss(p, data, activations, 'half-sum').equals(referenceLoss(p, data, activations))).toBe(true);
        const jets = fixedActivationDerivatives(p, data, activations, 'half-sum');
        expect(jets.gradient.map(String)).toEqual(referenceGradient(p, data, activations).map(String));
        // L_gA(θ + t e_k) is a quartic in t: the five-point second-difference stencil is exact.
        const theta = flatPoint(p);
        const h = q(1, 3);
        theta.forEach((_, k) => {
          const at = (m: number) => referenceLoss(pointFromFlat(p, theta.map((v, l) => (l === k ? v.add(h.mul(q(m))) : v))), data, activations);
          const second = at(-2).neg().add(at(1).add(at(-1)).mul(q(16))).sub(at(0).mul(q(30))).sub(at(2)).div(q(12).mul(h).mul(h));
          expect(second.equals(jets.hessian.get(k, k))).toBe(true);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('the worked saddle: x = 0, 1, y = 0, 2, one active unit, v = w = 0, b = 1, c = 1', () => {
    const data = ratData([[0], [1]], [0, 2]);
    const a = [[q(1)], [q(1)]];
    const p: OneHiddenLayerPoint = { weights: [[q(0)]], biases: [q(1)], outputWeights: [q(0)], outputBias: q(1) };
    // r = (1, −1): ∂/∂v = Σ r_i (w x_i + b) = 0, ∂/∂c = Σ r_i = 0, ∂/∂w = ∂/∂b = 0 since v = 0; the line y = 2x fits exactly.
    const k = classifyFixedActivationPoint(p, data, a, 'half-sum');
    expect(k.gradient.every((g) => g.isZero())).toBe(true);
    expect(k.value.equals(q(1))).toBe(true);
    expect(k.minimum.isZero()).toBe(true);
    expect(k.kind).toBe('saddle');
    // The (w, v) block is [[0, Σ r_i x_i], [Σ r_i x_i, Σ z_i²]] = [[0, −1], [−1, 2]].
    const H = fixedActivationDerivatives(p, data, a, 'half-sum').hessian;
    expect([H.get(0, 0), H.get(0, 2), H.get(2, 2)].map(String)).toEqual(['0', '-1', '2']);
  });

  it('classification is sound: global minima have no lower neighbour, saddles have lower and higher ones', () => {
    const critical = fixedCriticalInstance(2, 3);
    let saddles = 0;
    fc.assert(
      fc.property(critical, (instance) => {
        const built = fixedCriticalPoint(instance.data, instance.activations, WITH_BIASES, instance);
        // Every constructed point is critical by eq. (11).
        expect(referenceGradient(built.point, instance.data, instance.activations).every((g) => g.isZero())).toBe(true);
        const k = classifyFixedActivationPoint(built.point, instance.data, instance.activations, 'half-sum');
        expect(k.kind === 'global-min' || k.kind === 'saddle').toBe(true);
        const near = neighbours(built.point, instance.data, instance.activations, q(1, 1 << 16));
        if (k.kind === 'global-min') expect(near.every((v) => v.ge(k.value))).toBe(true);
        if (k.kind === 'saddle') {
          saddles++;
          expect(near.some((v) => v.lt(k.value)) && near.some((v) => v.gt(k.value))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
    expect(saddles).toBeGreaterThan(5);
  });

  it('region critical points lie in their region, are critical by eq. (11), and L_f classifies them like L_gA', () => {
    fc.assert(
      fc.property(criticalRegionInstance('saddle-prone'), ({ data, region, stationary }) => {
        const cells = arrangementCells(data.inputs, { bias: true }).map((c) => [...c.signs]);
        const { critical } = regionCriticalPoint(data, region, stationary, WITH_BIASES, cells);
        fc.pre(critical !== null);
        const p = critical!.point;
        const signs = critical!.region.map((_, j) => data.inputs.map((x) => dot(p.weights[j]!, x).add(p.biases![j]!).sign()));
        expect(signs).toEqual(critical!.region);
        const a = regionActivations(critical!.region);
        expect(referenceGradient(p, data, a).every((g) => g.isZero())).toBe(true);
        const net = oneHiddenLayerNetwork(p);
        expect(empiricalRisk(net, data, squaredError('half-sum')).equals(referenceLoss(p, data, a))).toBe(true);
        const fixed = classifyFixedActivationPoint(p, data, a, 'half-sum').kind;
        const real = classifyPoint(net, data, squaredError('half-sum')).kind;
        expect(fixed === 'saddle' ? real === 'saddle' : real === 'local-min' || real === 'strict-local-min').toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
