import fc from 'fast-check';
import { Rational } from '../../src/numbers/rational.ts';
import type { Dataset } from '../../src/network/dataset.ts';
import { empiricalRisk, type Loss } from '../../src/network/loss.ts';
import type { Network } from '../../src/network/network.ts';
import { flattenParameters, parameterCount, unflattenParameters } from '../../src/network/parameters.ts';
import type { Penalty } from '../../src/network/penalty.ts';
import { seededRandom } from '../../src/landscape/rng.ts';
import type { RayExpansion } from '../../src/landscape/ray.ts';
import { dataset } from '../../src/generators/dataset.ts';
import { pointInRegion, realizableRegion } from '../../src/generators/region.ts';
import { arrangementFaces } from '../../src/geometry/arrangement.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { relu } from '../../src/network/activation.ts';
import { network } from '../../src/network/network.ts';

const F = RationalField;

/** The real loss (forward pass, no frozen pattern) at θ + tX, exactly. */
export function lossAt(net: Network<Rational>, data: Dataset<Rational>, loss: Loss, X: readonly Rational[], t: Rational, penalty?: Penalty<Rational>): Rational {
  const theta = flattenParameters(net).map((v, k) => v.add(t.mul(X[k]!)));
  return empiricalRisk(unflattenParameters(net, theta), data, loss, { penalty });
}

export const pow2 = (k: number): Rational => Rational.of(1n, 1n << BigInt(k));

/**
 * Exact losses at many rational points near θ: θ + 2^−k·U for random small-rational U and
 * k in `scales`. An independent brute-force probe of local optimality.
 */
export function nearbyLosses(
  net: Network<Rational>,
  data: Dataset<Rational>,
  loss: Loss,
  options: { count?: number; scales?: readonly number[]; seed?: number; penalty?: Penalty<Rational> } = {},
): Rational[] {
  const random = seededRandom(options.seed ?? 7);
  const n = parameterCount(net);
  const out: Rational[] = [];
  for (let s = 0; s < (options.count ?? 40); s++) {
    const U = Array.from({ length: n }, () => Rational.of(BigInt(Math.floor(random() * 9) - 4), BigInt(1 + Math.floor(random() * 3))));
    if (U.every((u) => u.isZero())) continue;
    for (const k of options.scales ?? [12, 20]) out.push(lossAt(net, data, loss, U, pow2(k), options.penalty));
  }
  return out;
}

/** A small rational vector of length n. */
export function smallVector(n: number): fc.Arbitrary<Rational[]> {
  return fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }).map((xs) => xs.map((x) => Rational.fromInt(x)));
}

export const str = (xs: readonly Rational[]): string[] => xs.map((x) => x.toString());

/** A one-hidden-layer ReLU network whose unit 0 sits on a face with some kink (a non-differentiable point). */
export const kinkCase = dataset({ minDim: 1, maxDim: 2, minPoints: 2, maxPoints: 3, nonZeroInputs: true }).chain((data) =>
  fc.boolean().chain((bias) =>
    fc.tuple(fc.constantFrom(...arrangementFaces(data.inputs, { bias }).filter((f) => f.signs.includes(0))), realizableRegion(data.inputs, 1, { bias })).chain(([face, [cell]]) =>
      pointInRegion(data.inputs, [face.signs, cell!], { bias }).chain((hidden) =>
        fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 2, maxLength: 2 }).map((v) => ({
          data,
          net: network(F, {
            layers: [
              { weights: hidden.weights, bias: hidden.biases ?? null, activation: relu(F) },
              { weights: [v.map((x) => Rational.fromInt(x))], bias: null },
            ],
          }),
        })),
      ),
    ),
  ),
);


/**
 * A step 2^−k small enough that the first non-zero coefficient decides the sign of Σ_{k≥1} c_k t^k
 * (t·Σ_{k>o}|c_k| < |c_o| with t ≤ 1) and that t·max|X_i| ≤ 2^−30, so the pieces cannot change.
 */
function safeStep(direction: readonly Rational[], coefficients: readonly Rational[], order: number | null): Rational {
  const largest = direction.reduce((m, v) => (v.abs().gt(m) ? v.abs() : m), Rational.ONE);
  if (order === null) return pow2(30).div(largest);
  const rest = coefficients.slice(order + 1).reduce((s, v) => s.add(v.abs()), Rational.ZERO);
  let t = pow2(30).div(largest);
  while (t.mul(rest).ge(coefficients[order]!.abs()) || !t.le(Rational.ONE)) t = t.div(Rational.fromInt(2));
  return t;
}

/** L(θ + tX) − L(θ) on the real network at a step where the ray's expansion must decide the sign. */
export function realChangeAlong(net: Network<Rational>, data: Dataset<Rational>, loss: Loss, ray: RayExpansion, penalty?: Penalty<Rational>): Rational {
  const t = safeStep(ray.direction, ray.coefficients, ray.order);
  return lossAt(net, data, loss, ray.direction, t, penalty).sub(lossAt(net, data, loss, ray.direction, Rational.ZERO, penalty));
}
