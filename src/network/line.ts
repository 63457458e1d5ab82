import type { Field } from '../numbers/field.ts';
import { pieceCoefficients } from './activation.ts';
import type { Dataset } from './dataset.ts';
import { NetworkError } from './errors.ts';
import { regionPattern, type RegionOptions } from './derivatives.ts';
import { checkTargetShape, normalisationFactor, squaredErrorPoint, type Loss } from './loss.ts';
import { outputDim, type Network } from './network.ts';
import { flattenParameters, parameterCount } from './parameters.ts';
import { penalisedIndices } from './penalty.ts';

/** A polynomial in t as its coefficients c_0, c_1, … (c_k multiplies t^k). */
export type Polynomial<T> = T[];

function polyAdd<T>(F: Field<T>, a: Polynomial<T>, b: Polynomial<T>): Polynomial<T> {
  const n = Math.max(a.length, b.length);
  return Array.from({ length: n }, (_, k) => F.add(a[k] ?? F.zero, b[k] ?? F.zero));
}

function polyMul<T>(F: Field<T>, a: Polynomial<T>, b: Polynomial<T>): Polynomial<T> {
  if (a.length === 0 || b.length === 0) return [];
  const out = new Array<T>(a.length + b.length - 1).fill(F.zero);
  a.forEach((x, i) => {
    if (!F.isZero(x)) b.forEach((y, j) => (out[i + j] = F.add(out[i + j]!, F.mul(x, y))));
  });
  return out;
}

const polyScale = <T>(F: Field<T>, c: T, a: Polynomial<T>): Polynomial<T> => a.map((x) => F.mul(c, x));

/** The value of a polynomial at t (Horner). */
export function evaluatePolynomial<T>(F: Field<T>, p: Polynomial<T>, t: T): T {
  let v = F.zero;
  for (let k = p.length - 1; k >= 0; k--) v = F.add(F.mul(v, t), p[k]!);
  return v;
}

/**
 * The network's outputs along the line θ + tX with pattern A frozen (default: the current one):
 * one exact polynomial in t per sample and output coordinate, degree ≤ number of layers.
 */
export function outputsAlongLine<T>(
  net: Network<T>,
  data: Dataset<T>,
  direction: readonly T[],
  options: RegionOptions<T> = {},
  caller = 'outputsAlongLine',
): Polynomial<T>[][] {
  const F = net.field;
  if (net.expUnits.length > 0) throw new NetworkError(`${caller}: the exponential unit is not polynomial in its parameters`);
  const n = parameterCount(net);
  if (direction.length !== n) throw new NetworkError(`direction has ${direction.length} entries, the network has ${n} parameters`);
  const pattern = regionPattern(net, data, options.pattern);
  const theta = flattenParameters(net);
  const line = (k: number): Polynomial<T> => [theta[k]!, direction[k]!];
  return data.inputs.map((x, i) => {
    let a: Polynomial<T>[] = x.map((v) => [v]);
    let k = 0;
    net.layers.forEach((layer, l) => {
      const next = layer.weights.map((row) => {
        let z: Polynomial<T> = [];
        row.forEach((_, j) => (z = polyAdd(F, z, polyMul(F, line(k + j), a[j]!))));
        k += row.length;
        return z;
      });
      a = next.map((z, u) => {
        const withBias = layer.bias ? polyAdd(F, z, line(k + u)) : z;
        const { slope, offset } = pieceCoefficients(layer.activation, pattern[i]![l]![u]! / 2);
        return polyAdd(F, polyScale(F, slope, withBias), [offset]);
      });
      k += layer.bias?.length ?? 0;
    });
    return a;
  });
}

/** The penalty λ Σ_{k∈S} (θ_k + tX_k)² along the line; [] without a penalty. */
export function penaltyAlongLine<T>(net: Network<T>, direction: readonly T[], penalty: RegionOptions<T>['penalty']): Polynomial<T> {
  const F = net.field;
  if (!penalty) return [];
  const theta = flattenParameters(net);
  let total: Polynomial<T> = [];
  for (const k of penalisedIndices(net, penalty)) {
    const line: Polynomial<T> = [theta[k]!, direction[k]!];
    total = polyAdd(F, total, polyScale(F, penalty.lambda, polyMul(F, line, line)));
  }
  return total;
}

/**
 * The exact polynomial t ↦ L_{g_A}(θ + tX) (+ penalty) for the squared error, pattern A frozen
 * (default: the current one). Inside the region it is the risk itself; its coefficients give all
 * directional derivatives (c_1 = first, 2c_2 = second). Degree ≤ 2·(number of layers).
 */
export function lossAlongLine<T>(
  net: Network<T>,
  data: Dataset<T>,
  loss: Loss,
  direction: readonly T[],
  options: RegionOptions<T> = {},
): Polynomial<T> {
  const F = net.field;
  if (loss.point !== squaredErrorPoint) {
    throw new NetworkError(`lossAlongLine expands the squared error only, not the ${loss.point.name} loss (not one polynomial along a line)`);
  }
  checkTargetShape(loss, outputDim(net), data.inputs.length, data.targets);
  let total: Polynomial<T> = [];
  outputsAlongLine(net, data, direction, options, 'lossAlongLine').forEach((outputs, i) =>
    outputs.forEach((p, m) => {
      const e = polyAdd(F, p, [F.neg(data.targets[i]![m]!)]);
      total = polyAdd(F, total, polyMul(F, e, e));
    }),
  );
  total = polyScale(F, normalisationFactor(F, loss.normalisation, data.inputs.length), total);
  return polyAdd(F, total, penaltyAlongLine(net, direction, options.penalty));
}
