import { Matrix } from '../linalg/matrix.ts';
import { pieceCoefficients } from './activation.ts';
import type { Dataset } from './dataset.ts';
import { NetworkError } from './errors.ts';
import { checkDatasetPattern } from './frozen.ts';
import { activationPattern, checkInput } from './forward.ts';
import { JetAlgebra, type Jet, type Seed } from './jet.ts';
import { checkTargetShape, normalisationFactor, type Loss } from './loss.ts';
import { outputDim, type Network } from './network.ts';
import { flattenParameters, parameterCount, parameterInfo, validateSelection } from './parameters.ts';
import { breakpointLocations, type DatasetPattern } from './pattern.ts';
import { penalisedIndices, type Penalty } from './penalty.ts';
import { requireExp } from './transcendental.ts';

export interface RegionOptions<T> {
  /**
   * The frozen activation pattern A: derivatives are those of L_{g_A}. By default the pattern of the
   * current parameters, which must then have no pre-activation on a breakpoint (else the loss need
   * not be differentiable there, and the caller must say which region is meant).
   */
  readonly pattern?: DatasetPattern;
  readonly penalty?: Penalty<T>;
}

export interface DerivativeOptions<T> extends RegionOptions<T> {
  /** Flat indices (parameterInfo order) to differentiate in; default all. */
  readonly parameters?: readonly number[];
}

/** The region's pattern: the given one (checked), or the current one if it is off every breakpoint. */
export function regionPattern<T>(net: Network<T>, data: Dataset<T>, pattern?: DatasetPattern): DatasetPattern {
  if (pattern) {
    checkDatasetPattern(net, pattern, data.inputs.length);
    return pattern;
  }
  const current = activationPattern(net, data);
  const on = breakpointLocations(current);
  if (on.length > 0) {
    const { point, layer, unit } = on[0]!;
    throw new NetworkError(
      `not inside a region: unit ${unit} of layer ${layer + 1} is on a breakpoint for data point ${point} ` +
        `(${on.length} such); pass an explicit pattern to differentiate g_A`,
    );
  }
  return current;
}

/**
 * The jet of the empirical risk L_{g_A} (+ penalty) when parameter k moves as seeds[k] says
 * (null: held fixed). Shared by gradients, Hessians and directional derivatives.
 */
function riskJet<T>(
  net: Network<T>,
  data: Dataset<T>,
  loss: Loss,
  seeds: readonly (Seed<T> | null)[],
  J: JetAlgebra<T>,
  options: RegionOptions<T>,
): Jet<T> {
  const F = net.field;
  const pattern = regionPattern(net, data, options.pattern);
  const exp = net.expUnits.length > 0 ? requireExp(F, 'the exponential unit') : null;
  checkTargetShape(loss, outputDim(net), data.inputs.length, data.targets);
  const offsets = parameterOffsets(net);
  let total: Jet<T> | null = null;
  data.inputs.forEach((x, i) => {
    checkInput(net, x, `input ${i}`);
    let a: Jet<T>[] = x.map((v) => J.constant(v));
    net.layers.forEach((layer, l) => {
      a = layer.weights.map((row, u) => {
        const base = offsets.weights[l]! + u * row.length;
        const z = J.linearUnit(
          a,
          row,
          row.map((_, j) => seeds[base + j] ?? null),
          layer.bias ? layer.bias[u]! : null,
          layer.bias ? (seeds[offsets.bias[l]! + u] ?? null) : null,
        );
        const { slope, offset } = pieceCoefficients(layer.activation, pattern[i]![l]![u]! / 2);
        return J.affine(z, slope, offset);
      });
    });
    net.expUnits.forEach((unit, k) => {
      const base = offsets.exp[k]!;
      const xs = x.map((v) => J.constant(v));
      const z = J.linearUnit(xs, unit.w, unit.w.map((_, j) => seeds[base + 1 + j] ?? null), unit.b, seeds[base + 1 + unit.w.length] ?? null);
      const e = exp!(z.value);
      const term = J.mul(J.variable(unit.a, seeds[base] ?? null), J.compose(z, e, e, e));
      a[unit.output] = J.add(a[unit.output]!, term);
    });
    const yHat = a.map((j) => j.value);
    const y = data.targets[i]!;
    const hessian = J.secondOrder ? loss.point.hessian(F, yHat, y) : [];
    const point = J.chain(a, loss.point.value(F, yHat, y), loss.point.gradient(F, yHat, y), hessian);
    total = total ? J.add(total, point) : point;
  });
  let risk = J.affine(total ?? J.constant(F.zero), normalisationFactor(F, loss.normalisation, data.inputs.length));
  if (options.penalty) {
    const theta = flattenParameters(net);
    for (const k of penalisedIndices(net, options.penalty)) {
      const v = J.variable(theta[k]!, seeds[k] ?? null);
      risk = J.add(risk, J.affine(J.mul(v, v), options.penalty.lambda));
    }
  }
  return risk;
}

/** Where each layer's weights and bias, and each exp unit, start in the flat parameter vector. */
function parameterOffsets<T>(net: Network<T>): { weights: number[]; bias: number[]; exp: number[] } {
  const weights: number[] = [];
  const bias: number[] = [];
  const exp: number[] = [];
  let k = 0;
  for (const l of net.layers) {
    weights.push(k);
    k += l.weights.length * l.weights[0]!.length;
    bias.push(k);
    k += l.bias?.length ?? 0;
  }
  for (const u of net.expUnits) {
    exp.push(k);
    k += u.w.length + 2;
  }
  return { weights, bias, exp };
}

function coordinateSeeds<T>(net: Network<T>, parameters: readonly number[]): (Seed<T> | null)[] {
  validateSelection(net, parameters);
  const seeds: (Seed<T> | null)[] = new Array(parameterCount(net)).fill(null);
  parameters.forEach((k, p) => (seeds[k] = [[p, net.field.one]]));
  return seeds;
}

function allParameters<T>(net: Network<T>, parameters?: readonly number[]): readonly number[] {
  return parameters ?? Array.from({ length: parameterCount(net) }, (_, i) => i);
}

export interface LossDerivatives<T> {
  readonly value: T;
  /** ∂L/∂θ_k for the selected k, in the order given. */
  readonly gradient: T[];
  readonly hessian: Matrix<T>;
  /** The selected flat indices and their names ("W1[0,1]", …). */
  readonly parameters: readonly number[];
  readonly names: readonly string[];
}

/** Value, gradient and Hessian of the risk of g_A in the selected parameters (exact over rationals). */
export function lossDerivatives<T>(net: Network<T>, data: Dataset<T>, loss: Loss, options: DerivativeOptions<T> = {}): LossDerivatives<T> {
  const parameters = allParameters(net, options.parameters);
  const J = new JetAlgebra(net.field, parameters.length, true);
  const jet = riskJet(net, data, loss, coordinateSeeds(net, parameters), J, options);
  const info = parameterInfo(net);
  return {
    value: jet.value,
    gradient: jet.grad,
    hessian: Matrix.from(net.field, jet.hess!, parameters.length),
    parameters,
    names: parameters.map((k) => info[k]!.name),
  };
}

/** ∇L in the selected parameters (first order only: cheaper than lossDerivatives). */
export function lossGradient<T>(net: Network<T>, data: Dataset<T>, loss: Loss, options: DerivativeOptions<T> = {}): T[] {
  const parameters = allParameters(net, options.parameters);
  const J = new JetAlgebra(net.field, parameters.length, false);
  return riskJet(net, data, loss, coordinateSeeds(net, parameters), J, options).grad;
}

export function lossHessian<T>(net: Network<T>, data: Dataset<T>, loss: Loss, options: DerivativeOptions<T> = {}): Matrix<T> {
  return lossDerivatives(net, data, loss, options).hessian;
}

function directionSeeds<T>(net: Network<T>, directions: readonly (readonly T[])[]): (Seed<T> | null)[] {
  const n = parameterCount(net);
  const F = net.field;
  directions.forEach((X, p) => {
    if (X.length !== n) throw new NetworkError(`direction ${p} has ${X.length} entries, the network has ${n} parameters`);
  });
  return Array.from({ length: n }, (_, k) => {
    const seed = directions.flatMap((X, p): [number, T][] => (F.isZero(X[k]!) ? [] : [[p, X[k]!]]));
    return seed.length > 0 ? seed : null;
  });
}

/**
 * The risk along several full-length parameter directions X_1..X_m at once:
 * gradient[p] = ∇L·X_p and hessian[p][q] = X_pᵀ ∇²L X_q (cost grows with m, not with the parameter count).
 */
export function lossAlongDirections<T>(
  net: Network<T>,
  data: Dataset<T>,
  loss: Loss,
  directions: readonly (readonly T[])[],
  options: RegionOptions<T> = {},
): { value: T; gradient: T[]; hessian: Matrix<T> } {
  const J = new JetAlgebra(net.field, directions.length, true);
  const jet = riskJet(net, data, loss, directionSeeds(net, directions), J, options);
  return { value: jet.value, gradient: jet.grad, hessian: Matrix.from(net.field, jet.hess!, directions.length) };
}

/** d/dt and d²/dt² of t ↦ L_{g_A}(θ + tX) at t = 0. */
export function directionalDerivatives<T>(
  net: Network<T>,
  data: Dataset<T>,
  loss: Loss,
  direction: readonly T[],
  options: RegionOptions<T> = {},
): { value: T; first: T; second: T } {
  const r = lossAlongDirections(net, data, loss, [direction], options);
  return { value: r.value, first: r.gradient[0]!, second: r.hessian.get(0, 0) };
}
