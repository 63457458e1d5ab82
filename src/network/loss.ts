import type { Field } from '../numbers/field.ts';
import type { Dataset } from './dataset.ts';
import { NetworkError } from './errors.ts';
import { forwardDataset } from './forward.ts';
import { frozenOutputs } from './frozen.ts';
import type { Network } from './network.ts';
import type { DatasetPattern } from './pattern.ts';
import { penaltyValue, type Penalty } from './penalty.ts';
import { naturalLog, requireExp } from './transcendental.ts';

/**
 * How per-point losses are combined; the papers differ: decomposition ½Σ ('half-sum'),
 * Liu, Milne, He and Kawaguchi (1/N)Σ ('mean'), Kawaguchi's Examples 6–7 the plain sum ('sum').
 */
export type Normalisation = 'sum' | 'half-sum' | 'mean' | 'half-mean';

/** A loss ℓ(ŷ, y) of one prediction, with its derivatives in ŷ (what the chain rule needs). */
export interface PointLoss {
  readonly name: string;
  /** Only these can be evaluated over the rationals (and expanded as polynomials along lines). */
  readonly polynomial: boolean;
  /** Required output dimension, or null for any. */
  readonly outputs: 1 | null;
  value<T>(F: Field<T>, yHat: readonly T[], y: readonly T[]): T;
  gradient<T>(F: Field<T>, yHat: readonly T[], y: readonly T[]): T[];
  hessian<T>(F: Field<T>, yHat: readonly T[], y: readonly T[]): T[][];
}

/** Empirical risk R = c_N · Σ_i ℓ(f(x_i), y_i) with c_N given by the normalisation. */
export interface Loss {
  readonly point: PointLoss;
  readonly normalisation: Normalisation;
}

export function normalisationFactor<T>(F: Field<T>, normalisation: Normalisation, points: number): T {
  if ((normalisation === 'mean' || normalisation === 'half-mean') && points === 0) {
    throw new NetworkError(`the '${normalisation}' normalisation of an empty dataset is undefined`);
  }
  switch (normalisation) {
    case 'sum':
      return F.one;
    case 'half-sum':
      return F.div(F.one, F.fromInt(2));
    case 'mean':
      return F.div(F.one, F.fromInt(points));
    case 'half-mean':
      return F.div(F.one, F.fromInt(2 * points));
  }
}

const diagonal = <T>(F: Field<T>, d: readonly T[]): T[][] => d.map((v, i) => d.map((_, j) => (i === j ? v : F.zero)));

/** ℓ(ŷ, y) = ‖ŷ − y‖² = Σ_k (ŷ_k − y_k)². */
export const squaredErrorPoint: PointLoss = {
  name: 'squared error',
  polynomial: true,
  outputs: null,
  value: (F, yHat, y) => yHat.reduce((s, v, k) => {
    const e = F.sub(v, y[k]!);
    return F.add(s, F.mul(e, e));
  }, F.zero),
  gradient: (F, yHat, y) => yHat.map((v, k) => F.mul(F.fromInt(2), F.sub(v, y[k]!))),
  hessian: (F, yHat) => diagonal(F, yHat.map(() => F.fromInt(2))),
};

/** ℓ(ŷ, y) = max(0, 1 − yŷ)³ (Kawaguchi's Examples 6–7), scalar output; twice continuously differentiable. */
export const cubicHingePoint: PointLoss = {
  name: 'cubic hinge',
  polynomial: true,
  outputs: 1,
  value: (F, yHat, y) => {
    const r = hingeResidual(F, yHat, y);
    return F.mul(r, F.mul(r, r));
  },
  gradient: (F, yHat, y) => {
    const r = hingeResidual(F, yHat, y);
    return [F.neg(F.mul(F.fromInt(3), F.mul(y[0]!, F.mul(r, r))))];
  },
  hessian: (F, yHat, y) => [[F.mul(F.fromInt(6), F.mul(F.mul(y[0]!, y[0]!), hingeResidual(F, yHat, y)))]],
};

function hingeResidual<T>(F: Field<T>, yHat: readonly T[], y: readonly T[]): T {
  const r = F.sub(F.one, F.mul(y[0]!, yHat[0]!));
  return F.sign(r) > 0 ? r : F.zero;
}

/**
 * Softmax cross-entropy ℓ(ŷ, y) = −Σ_k y_k log softmax(ŷ)_k = (Σ_k y_k)·logΣ_k e^{ŷ_k} − yᵀŷ
 * (y a probability vector, e.g. one-hot). Needs exp and log: float or decimal fields only.
 */
export const softmaxCrossEntropyPoint: PointLoss = {
  name: 'softmax cross-entropy',
  polynomial: false,
  outputs: null,
  value: (F, yHat, y) => {
    const { logSumExp } = softmax(F, yHat);
    const mass = y.reduce((s, v) => F.add(s, v), F.zero);
    const linear = yHat.reduce((s, v, k) => F.add(s, F.mul(v, y[k]!)), F.zero);
    return F.sub(F.mul(mass, logSumExp), linear);
  },
  gradient: (F, yHat, y) => {
    const { p } = softmax(F, yHat);
    const mass = y.reduce((s, v) => F.add(s, v), F.zero);
    return p.map((pk, k) => F.sub(F.mul(mass, pk), y[k]!));
  },
  hessian: (F, yHat, y) => {
    const { p } = softmax(F, yHat);
    const mass = y.reduce((s, v) => F.add(s, v), F.zero);
    return p.map((pi, i) => p.map((pj, j) => F.mul(mass, F.sub(i === j ? pi : F.zero, F.mul(pi, pj)))));
  },
};

/** Softmax probabilities and log Σ e^{ŷ_k}, shifted by max ŷ so that nothing overflows. */
function softmax<T>(F: Field<T>, yHat: readonly T[]): { p: T[]; logSumExp: T } {
  const exp = requireExp(F, 'softmax cross-entropy');
  const m = yHat.reduce((a, b) => (F.compare(a, b) >= 0 ? a : b));
  const e = yHat.map((v) => exp(F.sub(v, m)));
  const total = e.reduce((s, v) => F.add(s, v), F.zero);
  return { p: e.map((v) => F.div(v, total)), logSumExp: F.add(m, naturalLog(F, total, 'softmax cross-entropy')) };
}

/** ℓ(ŷ, y) = log(1 + e^{−yŷ}) (labels y = ±1), scalar output. Needs exp and log. */
export const logisticPoint: PointLoss = {
  name: 'logistic',
  polynomial: false,
  outputs: 1,
  value: (F, yHat, y) => {
    const exp = requireExp(F, 'the logistic loss');
    const m = F.mul(y[0]!, yHat[0]!);
    // log(1 + e^{−m}) = −m + log(1 + e^{m}) keeps the exponent ≤ 0.
    return F.sign(m) >= 0
      ? naturalLog(F, F.add(F.one, exp(F.neg(m))), 'the logistic loss')
      : F.sub(naturalLog(F, F.add(F.one, exp(m)), 'the logistic loss'), m);
  },
  gradient: (F, yHat, y) => [F.neg(F.mul(y[0]!, sigmoid(F, F.neg(F.mul(y[0]!, yHat[0]!)))))],
  hessian: (F, yHat, y) => {
    const m = F.mul(y[0]!, yHat[0]!);
    return [[F.mul(F.mul(y[0]!, y[0]!), F.mul(sigmoid(F, m), sigmoid(F, F.neg(m))))]];
  },
};

function sigmoid<T>(F: Field<T>, u: T): T {
  const exp = requireExp(F, 'the logistic loss');
  if (F.sign(u) >= 0) return F.div(F.one, F.add(F.one, exp(F.neg(u))));
  const e = exp(u);
  return F.div(e, F.add(F.one, e));
}

export const squaredError = (normalisation: Normalisation): Loss => ({ point: squaredErrorPoint, normalisation });
export const cubicHinge = (normalisation: Normalisation): Loss => ({ point: cubicHingePoint, normalisation });
export const softmaxCrossEntropy = (normalisation: Normalisation): Loss => ({ point: softmaxCrossEntropyPoint, normalisation });
export const logistic = (normalisation: Normalisation): Loss => ({ point: logisticPoint, normalisation });

export function describeLoss(loss: Loss): string {
  return `${loss.point.name} (${loss.normalisation})`;
}

/** Checks that predictions and targets agree in count and dimension and suit the loss. */
export function checkTargets<T>(loss: Loss, outputs: readonly (readonly T[])[], targets: readonly (readonly T[])[]): void {
  if (outputs.length !== targets.length) throw new NetworkError(`${outputs.length} predictions but ${targets.length} targets`);
  outputs.forEach((o, i) => {
    const t = targets[i]!;
    if (o.length !== t.length) throw new NetworkError(`point ${i}: prediction has ${o.length} entries, target has ${t.length}`);
    if (loss.point.outputs !== null && o.length !== loss.point.outputs) {
      throw new NetworkError(`the ${loss.point.name} loss needs a scalar output, got ${o.length} outputs`);
    }
  });
}

/** Checks a dataset's targets against a network's output dimension before anything is evaluated. */
export function checkTargetShape<T>(loss: Loss, outputs: number, inputs: number, targets: readonly (readonly T[])[]): void {
  if (inputs !== targets.length) throw new NetworkError(`dataset has ${inputs} inputs but ${targets.length} targets`);
  if (loss.point.outputs !== null && outputs !== loss.point.outputs) {
    throw new NetworkError(`the ${loss.point.name} loss needs a scalar output, the network has ${outputs} outputs`);
  }
  targets.forEach((t, i) => {
    if (t.length !== outputs) throw new NetworkError(`target ${i} has ${t.length} entries, the network has ${outputs} outputs`);
  });
}

/** c_N Σ_i ℓ(ŷ_i, y_i) for given predictions. */
export function riskOfOutputs<T>(F: Field<T>, loss: Loss, outputs: readonly (readonly T[])[], targets: readonly (readonly T[])[]): T {
  checkTargets(loss, outputs, targets);
  let s = F.zero;
  outputs.forEach((o, i) => (s = F.add(s, loss.point.value(F, o, targets[i]!))));
  return F.mul(normalisationFactor(F, loss.normalisation, outputs.length), s);
}

export interface RiskOptions<T> {
  /** Evaluate g_A with this frozen pattern instead of the network itself. */
  readonly pattern?: DatasetPattern;
  readonly penalty?: Penalty<T>;
}

/** The empirical risk of the network (or of g_A) on a dataset, plus an optional weight penalty. */
export function empiricalRisk<T>(net: Network<T>, data: Dataset<T>, loss: Loss, options: RiskOptions<T> = {}): T {
  const F = net.field;
  const outputs = options.pattern ? frozenOutputs(net, data, options.pattern) : forwardDataset(net, data).outputs;
  const risk = riskOfOutputs(F, loss, outputs, data.targets);
  return options.penalty ? F.add(risk, penaltyValue(net, options.penalty)) : risk;
}
