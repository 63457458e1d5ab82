import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { twoPiece, type Activation } from './activation.ts';
import type { Dataset } from './dataset.ts';
import { NetworkError } from './errors.ts';
import { forwardDataset } from './forward.ts';
import { embedAtKink, mirrorHiddenLayers } from './he-embedding.ts';
import { orientKink, satisfiesAssumption4, type Kink } from './he-kink.ts';
import { fitsExactly, leastSquaresFit, type LinearFit } from './he-linear-model.ts';
import { etaBound, firstLayerPreActivations, requireWiderHidden, scaleFor } from './he-minimum.ts';
import { firstSum, gammaBound, lemma7Separation, separationGap, shiftedValues, type Separation } from './he-separation.ts';
import { empiricalRisk, type Loss } from './loss.ts';
import { network, type LayerSpec, type Network } from './network.ts';

const F = RationalField;

const zeros = (n: number): Rational[] => Array.from({ length: n }, () => Rational.ZERO);

/** One hidden layer with h_{s−,s+}: the layers (W_1, b_1, W_2, b_2) of a construction. */
export interface OneHiddenLayer {
  readonly W1: Rational[][];
  readonly b1: Rational[];
  readonly W2: Rational[][];
  readonly b2: Rational[];
}

/** The free quantities of eqs. (19)–(22): the special output row k, α, γ, η_1 and η (rows i ≠ k). */
export interface LowerRiskParameters {
  readonly row: number;
  readonly beta: readonly Rational[];
  readonly alpha: Rational;
  readonly gamma: Rational;
  readonly eta1: Rational;
  /** η_i for the other rows, and η of Lemma 4 in Corollary 3's middle unit. */
  readonly eta: Rational;
}

/** Row k of W̃ split into its input part and its bias. */
function rowParts(fit: LinearFit, k: number): { w: Rational[]; b: Rational } {
  const row = fit.weights[k]!;
  return { w: row.slice(0, -1), b: row[row.length - 1]! };
}

/** Units for the rows i ≠ k: weights W̃_i, bias W̃_{i,dX+1} − η_i, read out with 1/s+ and bias η_i. */
function passThroughRows(fit: LinearFit, p: LowerRiskParameters): { rows: number[]; W: Rational[][]; b: Rational[] } {
  const rows = fit.weights.map((_, i) => i).filter((i) => i !== p.row);
  return { rows, W: rows.map((i) => rowParts(fit, i).w), b: rows.map((i) => rowParts(fit, i).b.sub(p.eta)) };
}

/**
 * Eqs. (19)–(22) with the special row k in place of row 1 (the paper permutes the rows first):
 * units ±(W̃_k − αβᵀ) with biases ∓(W̃_{k,dX+1} − η_1) + γ, the other rows passed through, zeros
 * after; row k of W_2 is [1/(s+ + s−), −1/(s+ + s−), 0, …], b_2 = (η_1 at k, η_i elsewhere).
 */
export function theorem4Layers(fit: LinearFit, d1: number, sMinus: Rational, sPlus: Rational, p: LowerRiskParameters): OneHiddenLayer {
  const dY = fit.weights.length;
  requireWiderHidden([d1], dY);
  const sum = sPlus.add(sMinus);
  if (sum.isZero()) throw new NetworkError('eqs. (19)–(22) need s+ + s− ≠ 0 (Assumption 4)');
  if (sPlus.isZero()) throw new NetworkError('eqs. (19)–(22) need s+ ≠ 0 (mirror the activation first)');
  const { w, b } = rowParts(fit, p.row);
  const tilt = w.map((wj, j) => wj.sub(p.alpha.mul(p.beta[j]!)));
  const pass = passThroughRows(fit, p);
  const special = { W: [tilt, tilt.map((v) => v.neg())], b: [b.sub(p.eta1).add(p.gamma), b.neg().add(p.eta1).add(p.gamma)] };
  return assemble(fit, d1, special, pass, p, [sum.inv(), sum.inv().neg()], sPlus);
}

/**
 * Corollary 3 (s− + s+ = 0, d_1 ≥ dY + 2): units (W̃_k − αβᵀ, W̃_{k,dX+1} − η_1 + γ),
 * (W̃_k, W̃_{k,dX+1} − η), (−W̃_k + αβᵀ, −W̃_{k,dX+1} + η_1 + γ), read out by
 * [1/(2s+), 1/s+, −1/(2s+)] with bias η (the garbled matrix read so that row k becomes Ŷ_k ∓ γ).
 */
export function corollary3Layers(fit: LinearFit, d1: number, sMinus: Rational, sPlus: Rational, p: LowerRiskParameters): OneHiddenLayer {
  const dY = fit.weights.length;
  requireWiderHidden([d1], dY, 2);
  if (!sPlus.add(sMinus).isZero() || sPlus.isZero()) throw new NetworkError('Corollary 3 is for s− = −s+ ≠ 0');
  const { w, b } = rowParts(fit, p.row);
  const tilt = w.map((wj, j) => wj.sub(p.alpha.mul(p.beta[j]!)));
  const pass = passThroughRows(fit, p);
  const special = {
    W: [tilt, [...w], tilt.map((v) => v.neg())],
    b: [b.sub(p.eta1).add(p.gamma), b.sub(p.eta), b.neg().add(p.eta1).add(p.gamma)],
  };
  const half = sPlus.mul(Rational.of(2)).inv();
  return assemble(fit, d1, special, pass, { ...p, eta1: p.eta }, [half, sPlus.inv(), half.neg()], sPlus);
}

/** Stacks the special units, the pass-through units and zero units; builds the read-out layer. */
function assemble(
  fit: LinearFit,
  d1: number,
  special: { W: Rational[][]; b: Rational[] },
  pass: { rows: number[]; W: Rational[][]; b: Rational[] },
  p: LowerRiskParameters,
  readout: Rational[],
  sPlus: Rational,
): OneHiddenLayer {
  const dY = fit.weights.length;
  const dX = fit.weights[0]!.length - 1;
  const used = special.W.length + pass.W.length;
  const W1 = [...special.W, ...pass.W, ...Array.from({ length: d1 - used }, () => zeros(dX))];
  const b1 = [...special.b, ...pass.b, ...zeros(d1 - used)];
  const W2 = Array.from({ length: dY }, (_, i) => {
    const row = zeros(d1);
    if (i === p.row) readout.forEach((c, u) => (row[u] = c));
    else row[special.W.length + pass.rows.indexOf(i)] = sPlus.inv();
    return row;
  });
  const b2 = Array.from({ length: dY }, (_, i) => (i === p.row ? p.eta1 : p.eta));
  return { W1, b1, W2, b2 };
}

/**
 * Theorem 5's deeper network from a one-hidden-layer construction: layer 2 = [W_2; 0] with bias
 * [b_2; 0] + λ1, then (1/s+)Σ_{i≤dY}E_{ii} with zero bias, and the output (1/s+)Σ_{i≤dY}E_{ii} with
 * bias −λ1. With λ > −min Ŷ' (eq. (34)) the output equals the one-hidden-layer output.
 */
export function theorem5Network(layers: OneHiddenLayer, hidden: readonly number[], act: Activation<Rational>, sPlus: Rational, lambda: Rational): Network<Rational> {
  const dY = layers.W2.length;
  const d1 = layers.W1.length;
  const dX = layers.W1[0]!.length;
  if (hidden[0] !== d1) throw new NetworkError(`theorem5Network: the first hidden width ${hidden[0]} differs from the construction's ${d1}`);
  const first: LayerSpec<Rational> = { weights: layers.W1, bias: layers.b1, activation: act };
  if (hidden.length === 1) return network(F, { inputDim: dX, layers: [first, { weights: layers.W2, bias: layers.b2 }] });
  // Layers 2, 3, … carry the dY outputs through (numbered as in `hidden`, not as in the slice).
  hidden.forEach((d, i) => {
    if (i > 0 && (!Number.isInteger(d) || d < dY)) throw new NetworkError(`theorem5Network: hidden layer ${i + 1} has width ${d}; Theorem 5 needs at least dY = ${dY}`);
  });
  const inv = sPlus.inv();
  const copy = (rows: number, cols: number): Rational[][] =>
    Array.from({ length: rows }, (_, i) => zeros(cols).map((z, j) => (i === j && i < dY ? inv : z)));
  const second: LayerSpec<Rational> = {
    weights: Array.from({ length: hidden[1]! }, (_, i) => (i < dY ? layers.W2[i]! : zeros(d1))),
    bias: Array.from({ length: hidden[1]! }, (_, i) => (i < dY ? layers.b2[i]!.add(lambda) : lambda)),
    activation: act,
  };
  const middle = hidden.slice(2).map((d, i) => ({ weights: copy(d, hidden[i + 1]!), bias: zeros(d), activation: act }));
  const last = { weights: copy(dY, hidden[hidden.length - 1]!), bias: Array.from({ length: dY }, () => lambda.neg()) };
  return network(F, { inputDim: dX, layers: [first, second, ...middle, last] });
}

export interface LowerRiskSpec {
  readonly hidden: readonly number[];
  readonly activation: Activation<Rational>;
  /** Which breakpoint t to use (default: the first with s− + s+ ≠ 0, else the first). */
  readonly breakpoint?: number;
  /** α = 2^{−k} is tried for k = 1 … maxHalvings (default 40). */
  readonly maxHalvings?: number;
}

/** A point of lower risk than the constructed local minima, with everything it was built from. */
export interface LowerRiskPoint {
  readonly found: true;
  readonly network: Network<Rational>;
  readonly risk: Rational;
  readonly fit: LinearFit;
  readonly construction: 'theorem-4' | 'corollary-3';
  readonly kink: Kink;
  readonly mirrored: boolean;
  readonly separation: Separation;
  readonly parameters: LowerRiskParameters;
  readonly lambda: Rational;
  /** M and M̄ of the proof of Theorem 1 (1 for h_{s−,s+} itself). */
  readonly scales: readonly Rational[];
  /** Every α tried, the last one being the one used. */
  readonly tried: readonly Rational[];
  /** The one-hidden-layer construction for h_{s−,s+} before deepening and embedding. */
  readonly shallow: OneHiddenLayer;
}

export type LowerRiskSearch = LowerRiskPoint | { readonly found: false; readonly tried: readonly Rational[]; readonly reason: string };

/** The default turning point: the first with s− + s+ ≠ 0 (Assumption 4), else the first one. */
export function defaultBreakpoint(act: Activation<Rational>): number {
  const k = act.breakpoints.findIndex((_, i) => !act.slopes[i]!.add(act.slopes[i + 1]!).isZero());
  return k < 0 ? 0 : k;
}

/**
 * Theorem 4 (one hidden layer), Theorem 5 (deeper), the proof of Theorem 1 (any piecewise linear h)
 * and Corollary 3 (s− + s+ = 0): searches α = 2^{−k} (small enough: the split separates and g_{l0} is the
 * highest g_i of I, so that η_1 lies between I and J), takes |γ| = half the paper's bound with the sign
 * that makes the first-order change −2γ Σ_{i∈I}(s+ − s−)/(s+ + s−)V_{k,i} negative, and returns the
 * first point whose exact risk is below f(W̃).
 */
export function lowerRiskPoint(data: Dataset<Rational>, loss: Loss, spec: LowerRiskSpec): LowerRiskSearch {
  const fit = leastSquaresFit(data, loss);
  if (fitsExactly(fit, data)) throw new NetworkError('a linear model fits the data exactly (Assumption 1 fails)');
  const { activation, kink, mirrored } = orientKink(spec.activation, spec.breakpoint ?? defaultBreakpoint(spec.activation));
  const construction = satisfiesAssumption4(kink) ? 'theorem-4' : 'corollary-3';
  const row = fit.lossGradients[0]!.findIndex((_, k) => fit.lossGradients.some((g) => !g[k]!.isZero()));
  const u = fit.lossGradients.map((g) => g[row]!);
  const v = fit.predictions.map((p) => p[row]!);
  const separation = lemma7Separation(u, v, data.inputs);
  const c = construction === 'theorem-4' ? kink.sPlus.sub(kink.sMinus).div(kink.sPlus.add(kink.sMinus)) : Rational.ONE;
  const sign = c.mul(firstSum(separation, u)).sign();
  if (sign === 0) return { found: false, tried: [], reason: 'Σ_{i∈I} u_i = 0: the separation of Lemma 7 failed (1.2)' };
  const eta = etaBound(fit).sub(Rational.ONE);
  const tried: Rational[] = [];
  for (let k = 1; k <= (spec.maxHalvings ?? 40); k++) {
    const alpha = Rational.of(1n, 1n << BigInt(k));
    tried.push(alpha);
    const gap = separationGap(separation, v, data.inputs, alpha);
    if (gap.sign() <= 0) continue;
    // "α small enough" also orders I as the proof does: g_{l0} is the largest g_i over I, so
    // η_1 = g_{l0} + ½min_J(g_j − g_{l0}) lies above every g_i of I (not only for the gap to be positive).
    if (!pivotIsHighest(separation, v, data.inputs, alpha)) continue;
    const gamma = gammaBound(separation, data.inputs, alpha).div(Rational.of(2)).mul(Rational.of(sign));
    if (!gamma.abs().lt(halfGapToPivot(separation, v, data.inputs, alpha))) continue;
    const parameters = { row, beta: separation.beta, alpha, gamma, eta1: eta1Of(separation, v, data.inputs, alpha), eta };
    const shallow = (construction === 'theorem-4' ? theorem4Layers : corollary3Layers)(fit, spec.hidden[0]!, kink.sMinus, kink.sPlus, parameters);
    const built = deepenAndEmbed(data, shallow, spec, activation, kink);
    const net = mirrored ? mirrorHiddenLayers(built.network, spec.activation) : built.network;
    const risk = empiricalRisk(net, data, loss);
    if (risk.lt(fit.risk)) {
      return { found: true, network: net, risk, fit, construction, kink, mirrored, separation, parameters, lambda: built.lambda, scales: built.scales, tried, shallow };
    }
  }
  return { found: false, tried, reason: `no α = 2^{-k}, k = 1…${spec.maxHalvings ?? 40}, gave a risk below f(W̃)` };
}

/** Whether g_{l0} = max_{i∈I} g_i at this α (true for every small enough α, by the order of Lemma 7's I). */
function pivotIsHighest(sep: Separation, v: readonly Rational[], x: readonly (readonly Rational[])[], alpha: Rational): boolean {
  const g = shiftedValues(v, x, sep.beta, alpha);
  return sep.first.every((i) => g[i]!.le(g[sep.pivot]!));
}

/** ½·min_{j∈J}(g_j − g_{l0}), the right-hand side of eq. (18). */
function halfGapToPivot(sep: Separation, v: readonly Rational[], x: readonly (readonly Rational[])[], alpha: Rational): Rational {
  const g = shiftedValues(v, x, sep.beta, alpha);
  return sep.rest.map((j) => g[j]!.sub(g[sep.pivot]!)).reduce((a, b) => a.min(b)).div(Rational.of(2));
}

/** η_1 = g_{l0} + ½·min_{j∈J}(g_j − g_{l0}) (Theorem 4). */
function eta1Of(sep: Separation, v: readonly Rational[], x: readonly (readonly Rational[])[], alpha: Rational): Rational {
  const g = shiftedValues(v, x, sep.beta, alpha);
  return g[sep.pivot]!.add(halfGapToPivot(sep, v, x, alpha));
}

/** Theorem 5's layers (λ from eq. (34)), then the scaling and translation with M, M̄ of eqs. (45)–(46). */
function deepenAndEmbed(
  data: Dataset<Rational>,
  shallow: OneHiddenLayer,
  spec: LowerRiskSpec,
  act: Activation<Rational>,
  kink: Kink,
): { network: Network<Rational>; lambda: Rational; scales: Rational[] } {
  const proto2 = twoPiece(F, kink.sMinus, kink.sPlus);
  const outputs = forwardDataset(theorem5Network(shallow, [spec.hidden[0]!], proto2, kink.sPlus, Rational.ZERO), data.inputs).outputs;
  const lambda = outputs.flat().reduce((m, y) => m.min(y), Rational.ZERO).neg().add(Rational.ONE);
  const prototype = theorem5Network(shallow, spec.hidden, proto2, kink.sPlus, lambda);
  const M = scaleFor(firstLayerPreActivations(prototype, data.inputs), kink.sigma);
  const scales = [M.inv()];
  if (spec.hidden.length > 1) {
    const second = forwardDataset(prototype, data.inputs).traces.map((tr) => tr.preActivations[1]!.map((z) => z.div(M)));
    scales.push(scaleFor(second, kink.sigma).inv(), ...spec.hidden.slice(2).map(() => Rational.ONE));
  }
  return { network: embedAtKink(prototype, act, kink, scales), lambda, scales: scales.map((s) => s.inv()) };
}
