import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { Polynomial } from '../linalg/polynomial.ts';
import { insidePiece, locate, isOnBreakpoint, pieceCoefficients, type Activation, type Position } from '../network/activation.ts';
import type { Dataset } from '../network/dataset.ts';
import { lossAlongDirections } from '../network/derivatives.ts';
import { NetworkError } from '../network/errors.ts';
import { lossAlongLine, outputsAlongLine, penaltyAlongLine } from '../network/line.ts';
import { checkTargetShape, cubicHingePoint, normalisationFactor, squaredErrorPoint, type Loss } from '../network/loss.ts';
import { outputDim, type Network } from '../network/network.ts';
import { flattenParameters, parameterCount } from '../network/parameters.ts';
import type { DatasetPattern } from '../network/pattern.ts';
import type { Penalty } from '../network/penalty.ts';

/**
 * t ↦ L(θ + tX) for small t > 0, expanded exactly in the piece the ray enters. The first
 * non-zero coefficient after c_0 decides: negative = X is a descent direction (θ is not a local
 * minimum), positive = an ascent direction (θ is not a local maximum), all zero = the loss is
 * constant along the ray near θ.
 */
export interface RayExpansion {
  readonly direction: readonly Rational[];
  /** The activation pattern on (0, ε): every pre-activation on a breakpoint resolved by the ray. */
  readonly pattern: DatasetPattern;
  /** c_0, c_1, …: L(θ + tX) = Σ c_k t^k on (0, ε). */
  readonly coefficients: readonly Rational[];
  /** All coefficients (squared error: a polynomial); false when only c_0, c_1, c_2 are known. */
  readonly complete: boolean;
  /** Index ≥ 1 of the first non-zero coefficient, null when every known one is zero. */
  readonly order: number | null;
  /** −1 descent, +1 ascent, 0 constant along the ray (complete expansions only), null undecided. */
  readonly sign: -1 | 0 | 1 | null;
}

export interface RayOptions {
  readonly penalty?: Penalty<Rational>;
}

/**
 * The pattern the ray θ + tX is in for all small t > 0: each pre-activation is expanded as a
 * polynomial in t (layer by layer, through the pieces already chosen); one sitting on breakpoint
 * t_k goes to the piece given by the sign of its first non-zero coefficient of z(t) − t_k (the left
 * piece when z(t) ≡ t_k: then both pieces give h(t_k)).
 */
export function enteringPattern(net: Network<Rational>, data: Dataset<Rational>, direction: readonly Rational[]): DatasetPattern {
  checkDirection(net, direction);
  if (net.expUnits.length > 0) throw new NetworkError('enteringPattern: the exponential head is not piecewise polynomial');
  const theta = flattenParameters(net);
  return data.inputs.map((x) => {
    let a: Polynomial[] = x.map((v) => new Polynomial([v]));
    let k = 0;
    return net.layers.map((layer) => {
      const z = layer.weights.map((row) => {
        let s = Polynomial.ZERO;
        row.forEach((_, j) => (s = s.add(line(theta, direction, k + j).mul(a[j]!))));
        k += row.length;
        return s;
      });
      const withBias = layer.bias ? z.map((s, u) => s.add(line(theta, direction, k + u))) : z;
      k += layer.bias?.length ?? 0;
      const positions = withBias.map((s) => enteredPosition(layer.activation, s));
      a = withBias.map((s, u) => {
        const { slope, offset } = pieceCoefficients(layer.activation, positions[u]! / 2);
        return s.scale(slope).add(new Polynomial([offset]));
      });
      return positions;
    });
  });
}

function enteredPosition(act: Activation<Rational>, z: Polynomial): Position {
  const at = locate(RationalField, act, z.coefficient(0));
  if (!isOnBreakpoint(at)) return at;
  const b = (at - 1) / 2;
  const offset = z.sub(new Polynomial([act.breakpoints[b]!]));
  if (offset.isZero()) return insidePiece(b);
  return offset.coefficient(offset.orderAtZero()).sign() > 0 ? insidePiece(b + 1) : insidePiece(b);
}

/** The exact one-sided expansion of the real loss along the ray θ + tX, t > 0 small. */
export function lossOnRay(
  net: Network<Rational>,
  data: Dataset<Rational>,
  loss: Loss,
  direction: readonly Rational[],
  options: RayOptions = {},
): RayExpansion {
  const pattern = enteringPattern(net, data, direction);
  if (loss.point === squaredErrorPoint) {
    const coefficients = trim(lossAlongLine(net, data, loss, direction, { pattern, penalty: options.penalty }));
    return expansion(direction, pattern, coefficients, true);
  }
  if (loss.point === cubicHingePoint) return expansion(direction, pattern, cubicHingeOnRay(net, data, loss, direction, pattern, options.penalty), true);
  if (!loss.point.polynomial) throw new NetworkError(`lossOnRay: the ${loss.point.name} loss cannot be decided over the rationals`);
  const jet = lossAlongDirections(net, data, loss, [direction], { pattern, penalty: options.penalty });
  const coefficients = [jet.value, jet.gradient[0]!, jet.hessian.get(0, 0).div(Rational.fromInt(2))];
  return expansion(direction, pattern, coefficients, false);
}

/**
 * Σ max(0, 1 − y_i f_i(θ + tX))³ (normalised, + penalty) on (0, ε): every residual is a polynomial
 * in t, positive on (0, ε) exactly when its first non-zero coefficient is, so the sum is one polynomial there.
 */
function cubicHingeOnRay(
  net: Network<Rational>,
  data: Dataset<Rational>,
  loss: Loss,
  direction: readonly Rational[],
  pattern: DatasetPattern,
  penalty: Penalty<Rational> | undefined,
): Rational[] {
  checkTargetShape(loss, outputDim(net), data.inputs.length, data.targets);
  let total = Polynomial.ZERO;
  outputsAlongLine(net, data, direction, { pattern }).forEach((outputs, i) => {
    const residual = Polynomial.ONE.sub(new Polynomial(outputs[0]!).scale(data.targets[i]![0]!));
    if (!residual.isZero() && residual.coefficient(residual.orderAtZero()).sign() > 0) total = total.add(residual.pow(3));
  });
  total = total.scale(normalisationFactor(RationalField, loss.normalisation, data.inputs.length));
  const { coefficients } = total.add(new Polynomial(penaltyAlongLine(net, direction, penalty)));
  return coefficients.length === 0 ? [Rational.ZERO] : [...coefficients];
}

function expansion(direction: readonly Rational[], pattern: DatasetPattern, coefficients: readonly Rational[], complete: boolean): RayExpansion {
  const order = coefficients.findIndex((c, k) => k >= 1 && !c.isZero());
  if (order < 0) return { direction, pattern, coefficients, complete, order: null, sign: complete ? 0 : null };
  return { direction, pattern, coefficients, complete, order, sign: coefficients[order]!.sign() };
}

function trim(cs: readonly Rational[]): Rational[] {
  let end = cs.length;
  while (end > 1 && cs[end - 1]!.isZero()) end--;
  return cs.slice(0, end);
}

function line(theta: readonly Rational[], direction: readonly Rational[], k: number): Polynomial {
  return new Polynomial([theta[k]!, direction[k]!]);
}

function checkDirection(net: Network<Rational>, direction: readonly Rational[]): void {
  const n = parameterCount(net);
  if (direction.length !== n) throw new NetworkError(`direction has ${direction.length} entries, the network has ${n} parameters`);
  direction.forEach((v, k) => {
    if (!(v instanceof Rational)) throw new NetworkError(`direction[${k}] is not a Rational: ${String(v)}`);
  });
}
