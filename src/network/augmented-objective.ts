import type { Field } from '../numbers/field.ts';
import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import type { Dataset } from './dataset.ts';
import { asIntervalField, type DecimalInterval } from '../numbers/decimal-interval.ts';
import { NetworkError } from './errors.ts';
import { forwardDataset } from './forward.ts';
import { checkTargetShape, cubicHingePoint, normalisationFactor, type Loss } from './loss.ts';
import { kawaguchiHead, network, outputDim, type Network } from './network.ts';
import { parameterInfo } from './parameters.ts';
import type { Penalty } from './penalty.ts';
import { requireExp } from './transcendental.ts';

/**
 * Kawaguchi & Kaelbling's augmented objective at a fixed θ:
 *   L̃(θ, a, b, W) = c_m Σ_i ℓ(f(x_i; θ) + g(x_i; a, b, W), y_i) + λ‖a‖²,  g_k(x) = a_k exp(w_kᵀx + b_k),
 * with c_m = 1/m in the paper's definition (the loss's normalisation says which). θ enters only
 * through the base outputs f(x_i; θ), computed once (exactly, for a rational network).
 */
export interface AugmentedProblem<T> {
  readonly field: Field<T>;
  /** x_i (m × d_x). */
  readonly inputs: readonly (readonly T[])[];
  /** f(x_i; θ) (m × d_y). */
  readonly outputs: readonly (readonly T[])[];
  /** y_i (m × d_y). */
  readonly targets: readonly (readonly T[])[];
  readonly loss: Loss;
  readonly lambda: T;
  /** exp of the field, or a formal stand-in (see formalExponential). */
  readonly exp: (z: T) => T;
}

/** The exponential units, one per output k: a_k, b_k and w_k ∈ ℝ^{d_x}. */
export interface ExpUnitParameters<T> {
  readonly a: readonly T[];
  readonly b: readonly T[];
  readonly w: readonly (readonly T[])[];
}

export interface AugmentedProblemSpec {
  readonly inputs: readonly (readonly Rational[])[];
  readonly outputs: readonly (readonly Rational[])[];
  readonly targets: readonly (readonly Rational[])[];
  readonly loss: Loss;
  readonly lambda: Rational;
}

/**
 * The problem in a field from exact data; `exp` defaults to the field's own (decimal, interval).
 * Exact fields have no exp: pass a stand-in such as formalExponential.
 */
export function augmentedProblem<T>(F: Field<T>, spec: AugmentedProblemSpec, exp?: (z: T) => T): AugmentedProblem<T> {
  const m = spec.inputs.length;
  if (m === 0) throw new NetworkError('the augmented objective needs at least one data point');
  if (spec.outputs.length !== m) throw new NetworkError(`${m} inputs but ${spec.outputs.length} base outputs`);
  const dx = spec.inputs[0]!.length;
  spec.inputs.forEach((x, i) => {
    if (x.length !== dx) throw new NetworkError(`input ${i} has ${x.length} entries, input 0 has ${dx}`);
  });
  const dy = spec.outputs[0]!.length;
  spec.outputs.forEach((o, i) => {
    if (o.length !== dy) throw new NetworkError(`base output ${i} has ${o.length} entries, output 0 has ${dy}`);
  });
  checkTargetShape(spec.loss, dy, m, spec.targets);
  if (spec.lambda.sign() <= 0) throw new NetworkError(`λ must be positive, got ${spec.lambda.toString()}`);
  const c = (r: Rational): T => F.fromRational(r);
  return {
    field: F,
    inputs: spec.inputs.map((x) => x.map(c)),
    outputs: spec.outputs.map((o) => o.map(c)),
    targets: spec.targets.map((y) => y.map(c)),
    loss: spec.loss,
    lambda: c(spec.lambda),
    exp: exp ?? requireExp(F, 'the exponential unit'),
  };
}

/** f(x_i; θ) of a rational network without exponential units, exactly. */
export function baseOutputs(net: Network<Rational>, data: Dataset<Rational>): Rational[][] {
  if (net.expUnits.length > 0) throw new NetworkError('the base network f must not have exponential units of its own');
  return forwardDataset(net, data).outputs;
}

/** The problem of a rational base network on a dataset (outputs exact, then converted into F). */
export function augmentedProblemOf<T>(
  F: Field<T>,
  net: Network<Rational>,
  data: Dataset<Rational>,
  loss: Loss,
  lambda: Rational,
  exp?: (z: T) => T,
): AugmentedProblem<T> {
  return augmentedProblem(F, { inputs: data.inputs, outputs: baseOutputs(net, data), targets: data.targets, loss, lambda }, exp);
}

/** The same problem in another field (exact data converted once). */
export function convertProblem<T>(spec: AugmentedProblem<Rational>, F: Field<T>, exp?: (z: T) => T): AugmentedProblem<T> {
  return augmentedProblem(F, spec, exp);
}

/** A head with every entry converted from exact values. */
export function convertHead<T>(F: Field<T>, head: ExpUnitParameters<Rational>): ExpUnitParameters<T> {
  return { a: head.a.map((v) => F.fromRational(v)), b: head.b.map((v) => F.fromRational(v)), w: head.w.map((r) => r.map((v) => F.fromRational(v))) };
}

function checkHead<T>(p: AugmentedProblem<T>, head: ExpUnitParameters<T>): void {
  const dy = p.outputs[0]!.length;
  const dx = p.inputs[0]!.length;
  if (head.a.length !== dy || head.b.length !== dy || head.w.length !== dy) {
    throw new NetworkError(`exp head: a, b and W need one entry per output (${dy}); got ${head.a.length}, ${head.b.length}, ${head.w.length}`);
  }
  head.w.forEach((w, k) => {
    if (w.length !== dx) throw new NetworkError(`exp head: w_${k} has ${w.length} entries, the inputs have ${dx}`);
  });
}

/** exp(w_kᵀx_i + b_k) for every point i and unit k. */
export function unitExponentials<T>(p: AugmentedProblem<T>, head: Pick<ExpUnitParameters<T>, 'b' | 'w'>): T[][] {
  const F = p.field;
  // Repeated inputs give repeated exponents: exp (the costly step in decimals) runs once per value.
  const memo = new Map<string, T>();
  const exp = (z: T): T => {
    const key = F.toString(z);
    let e = memo.get(key);
    if (e === undefined) memo.set(key, (e = p.exp(z)));
    return e;
  };
  return p.inputs.map((x) => head.w.map((w, k) => exp(w.reduce((s, wj, j) => F.add(s, F.mul(wj, x[j]!)), head.b[k]!))));
}

/** The augmented predictions f(x_i) + g(x_i). */
function predictions<T>(p: AugmentedProblem<T>, head: ExpUnitParameters<T>, E: readonly (readonly T[])[]): T[][] {
  const F = p.field;
  return p.outputs.map((o, i) => o.map((v, k) => F.add(v, F.mul(head.a[k]!, E[i]![k]!))));
}

export interface AugmentedValue<T> {
  /** ℓ(f(x_i) + g(x_i), y_i) per point. */
  readonly points: T[];
  /** c_m Σ_i ℓ_i. */
  readonly data: T;
  /** λ‖a‖². */
  readonly penalty: T;
  /** L̃ = data + penalty. */
  readonly value: T;
}

/** L̃ and its two terms. */
export function augmentedValue<T>(p: AugmentedProblem<T>, head: ExpUnitParameters<T>): AugmentedValue<T> {
  checkHead(p, head);
  const F = p.field;
  const yHat = predictions(p, head, unitExponentials(p, head));
  const points = yHat.map((v, i) => pointValue(p, v, p.targets[i]!));
  const data = F.mul(normalisationFactor(F, p.loss.normalisation, points.length), points.reduce((s, v) => F.add(s, v), F.zero));
  const penalty = F.mul(p.lambda, head.a.reduce((s, v) => F.add(s, F.mul(v, v)), F.zero));
  return { points, data, penalty, value: F.add(data, penalty) };
}

/** L(θ) = c_m Σ_i ℓ(f(x_i; θ), y_i): the objective without the unit (L̃ at a = 0). */
export function baseValue<T>(p: AugmentedProblem<T>): T {
  const F = p.field;
  const points = p.outputs.map((o, i) => pointValue(p, o, p.targets[i]!));
  return F.mul(normalisationFactor(F, p.loss.normalisation, points.length), points.reduce((s, v) => F.add(s, v), F.zero));
}

/** ∇ℓ_{y_i}(q_i) for given predictions q_i. */
export function pointLossGradients<T>(p: AugmentedProblem<T>, yHat: readonly (readonly T[])[]): T[][] {
  return yHat.map((v, i) => pointGradient(p, v, p.targets[i]!));
}

/** ∇ℓ_{y_i}(f(x_i; θ)) at the base outputs (the r[f(·; θ)] of App. C). */
export function baseLossGradients<T>(p: AugmentedProblem<T>): T[][] {
  return pointLossGradients(p, p.outputs);
}

export interface AugmentedGradient<T> {
  readonly a: T[];
  readonly b: T[];
  /** ∂L̃/∂w_kj as w[k][j]. */
  readonly w: T[][];
}

/**
 * ∂L̃ in the unit's parameters, from ∂g_k/∂a_k = E_k, ∂g_k/∂b_k = a_k E_k, ∂g_k/∂w_kj = a_k E_k x_j
 * (E_k = exp(w_kᵀx + b_k)) and the chain rule through ∇ℓ.
 */
export function augmentedGradient<T>(p: AugmentedProblem<T>, head: ExpUnitParameters<T>): AugmentedGradient<T> {
  checkHead(p, head);
  const F = p.field;
  const E = unitExponentials(p, head);
  const grads = pointLossGradients(p, predictions(p, head, E));
  const c = normalisationFactor(F, p.loss.normalisation, p.inputs.length);
  const two = F.fromInt(2);
  const a = head.a.map((ak, k) => {
    const s = grads.reduce((acc, g, i) => F.add(acc, F.mul(g[k]!, E[i]![k]!)), F.zero);
    return F.add(F.mul(c, s), F.mul(two, F.mul(p.lambda, ak)));
  });
  const b = head.a.map((ak, k) => F.mul(c, grads.reduce((acc, g, i) => F.add(acc, F.mul(g[k]!, F.mul(ak, E[i]![k]!))), F.zero)));
  const w = head.w.map((wk, k) =>
    wk.map((_, j) =>
      F.mul(c, grads.reduce((acc, g, i) => F.add(acc, F.mul(g[k]!, F.mul(head.a[k]!, F.mul(E[i]![k]!, p.inputs[i]![j]!)))), F.zero)),
    ),
  );
  return { a, b, w };
}

/** Eq. (9) as a residual per unit: a_k ∂L̃/∂a_k − ∂L̃/∂b_k − 2λa_k² (zero identically). */
export function eq9Residuals<T>(p: AugmentedProblem<T>, head: ExpUnitParameters<T>): T[] {
  const F = p.field;
  const g = augmentedGradient(p, head);
  return head.a.map((ak, k) => F.sub(F.sub(F.mul(ak, g.a[k]!), g.b[k]!), F.mul(F.fromInt(2), F.mul(p.lambda, F.mul(ak, ak)))));
}

/**
 * ℓ of one prediction. Intervals cannot decide the sign of a hinge residual that contains 0, so
 * there the cubic hinge is enclosed through its monotone form max(0, r)³ instead.
 */
function pointValue<T>(p: AugmentedProblem<T>, yHat: readonly T[], y: readonly T[]): T {
  const I = p.loss.point === cubicHingePoint ? asIntervalField(p.field) : null;
  if (I) {
    const r = hingeResidual(p.field, yHat, y) as unknown as DecimalInterval;
    return I.pow(I.max0(r), 3) as unknown as T;
  }
  return p.loss.point.value(p.field, yHat, y);
}

function pointGradient<T>(p: AugmentedProblem<T>, yHat: readonly T[], y: readonly T[]): T[] {
  const I = p.loss.point === cubicHingePoint ? asIntervalField(p.field) : null;
  if (I) {
    const r = hingeResidual(p.field, yHat, y) as unknown as DecimalInterval;
    const yi = y[0] as unknown as DecimalInterval;
    return [I.neg(I.mul(I.fromInt(3), I.mul(yi, I.pow(I.max0(r), 2)))) as unknown as T];
  }
  return p.loss.point.gradient(p.field, yHat, y);
}

function hingeResidual<T>(F: Field<T>, yHat: readonly T[], y: readonly T[]): T {
  return F.sub(F.one, F.mul(y[0]!, yHat[0]!));
}

/**
 * A formal stand-in for exp over the rationals: E(z) = 1 + z + z²/2 + z³/6 + z⁴/24 (positive for
 * every real z). Identities that use only E' = E (the chain rule through exp, as in eq. (9)) hold
 * for E exactly when they hold for exp, so they can be decided over the rationals.
 */
export function formalExponential(z: Rational): Rational {
  const z2 = z.mul(z);
  return Rational.ONE.add(z).add(z2.div(Rational.of(2))).add(z2.mul(z).div(Rational.of(6))).add(z2.mul(z2).div(Rational.of(24)));
}

/** The rationals with exp replaced by formalExponential (for the network module's jets: E' = E). */
export function formalExpField(): Field<Rational> {
  return { ...RationalField, name: 'rational (formal exp)', exp: formalExponential };
}

/** The base network with the units attached, and where a, b, w sit in its flat parameter vector. */
export interface AugmentedNetwork<T> {
  readonly network: Network<T>;
  readonly a: number[];
  readonly b: number[];
  readonly w: number[][];
  /** Indices of θ (every non-unit parameter). */
  readonly theta: number[];
  /** λ‖a‖² as a network penalty. */
  penalty(lambda: T): Penalty<T>;
}

/** f(·; θ) + g(·; a, b, W) as one network of the network module (its forward pass and jets include g). */
export function augmentedNetwork<T>(base: Network<T>, head: ExpUnitParameters<T>): AugmentedNetwork<T> {
  if (base.expUnits.length > 0) throw new NetworkError('the base network f must not have exponential units of its own');
  const dy = outputDim(base);
  if (head.a.length !== dy) throw new NetworkError(`exp head: ${head.a.length} units for ${dy} outputs`);
  const net = network(base.field, { inputDim: base.inputDim, layers: base.layers, expUnits: kawaguchiHead(head.a, head.w, head.b) });
  const info = parameterInfo(net);
  const of = (kind: string): number[] => info.filter((q) => q.kind === kind).map((q) => q.index);
  const a = of('exp-a');
  const b = of('exp-b');
  const w = head.a.map((_, k) => info.filter((q) => q.kind === 'exp-w' && q.unit === k).map((q) => q.index));
  const theta = info.filter((q) => q.kind === 'weight' || q.kind === 'bias').map((q) => q.index);
  return { network: net, a, b, w, theta, penalty: (lambda) => ({ lambda, parameters: a }) };
}

/**
 * ∂L/∂θ for the output layer's weights and bias, exactly: f is affine in them whatever the hidden
 * activation pattern, so a non-zero entry certifies that θ is not a local, hence not a global,
 * minimum of L, even where a hidden unit sits on a breakpoint.
 */
export function outputLayerGradient(net: Network<Rational>, data: Dataset<Rational>, loss: Loss): Rational[] {
  const last = net.layers[net.layers.length - 1]!;
  if (last.activation.breakpoints.length > 0 || !last.activation.slopes[0]!.equals(Rational.ONE)) {
    throw new NetworkError('outputLayerGradient needs an identity output layer');
  }
  const { outputs, traces } = forwardDataset(net, data);
  const grads = outputs.map((o, i) => loss.point.gradient(RationalField, o, data.targets[i]!));
  const c = normalisationFactor(RationalField, loss.normalisation, outputs.length);
  const inputsToLast = traces.map((t, i) => (net.layers.length > 1 ? t.activations[net.layers.length - 2]! : data.inputs[i]!));
  const weights = last.weights.flatMap((row, k) =>
    row.map((_, j) => c.mul(grads.reduce((s, g, i) => s.add(g[k]!.mul(inputsToLast[i]![j]!)), Rational.ZERO))),
  );
  const bias = last.bias ? last.bias.map((_, k) => c.mul(grads.reduce((s, g) => s.add(g[k]!), Rational.ZERO))) : [];
  return [...weights, ...bias];
}
