import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { solve } from '../linalg/elimination.ts';
import { Matrix } from '../linalg/matrix.ts';
import { pseudoInverse } from '../linalg/pseudo-inverse.ts';
import type { Dataset } from '../network/dataset.ts';
import { NetworkError } from '../network/errors.ts';
import type { Normalisation } from '../network/loss.ts';
import type { Network } from '../network/network.ts';
import { oneHiddenLayerNetwork, type OneHiddenLayerPoint } from './one-hidden-layer.ts';
import { scalarTargets, scaledSquaredNorm } from './subglobal-minimum.ts';

/** Decomposition §3.1: a network in the all-active ("linear") region that computes the linear fit. */
export type LinearRegionConstruction =
  | {
      readonly realisable: true;
      /** The least-squares linear fit uᵀx + d (least-norm when not unique). */
      readonly fit: { readonly u: readonly Rational[]; readonly d: Rational };
      /** c_N Σ (uᵀx_i + d − y_i)²: the linear-regression loss. */
      readonly regressionLoss: Rational;
      /** b_j = −min_i w_jᵀx_i + 1 (eq. (5)), v with vᵀW = uᵀ, c = d − vᵀb. */
      readonly point: OneHiddenLayerPoint;
      readonly network: Network<Rational>;
    }
  | {
      readonly realisable: false;
      readonly fit: { readonly u: readonly Rational[]; readonly d: Rational };
      readonly regressionLoss: Rational;
      /** y with yᵀWᵀ = 0 and yᵀu = 1: u is not in the row space of W, so vᵀW = uᵀ has no solution. */
      readonly certificate: readonly Rational[];
    };

/**
 * The construction of decomposition §3.1 for given hidden weights W (K×d): biases by eq. (5)
 * make every pre-activation ≥ 1, output weights solve vᵀW = uᵀ and c = d − vᵀb. Nothing is
 * claimed about the result; `classifyPoint` checks it independently.
 */
export function linearRegionPoint(data: Dataset<Rational>, weights: readonly (readonly Rational[])[], normalisation: Normalisation): LinearRegionConstruction {
  const N = data.inputs.length;
  if (N === 0) throw new NetworkError('the linear region of an empty dataset is undefined');
  const d = data.inputs[0]!.length;
  weights.forEach((w, j) => {
    if (w.length !== d) throw new NetworkError(`weights[${j}] has ${w.length} entries, input dimension is ${d}`);
  });
  if (weights.length === 0) throw new NetworkError('the construction needs at least one hidden unit');
  const y = scalarTargets(data);
  const X1 = Matrix.from(RationalField, data.inputs.map((x) => [...x, Rational.ONE]), d + 1);
  const coefficients = pseudoInverse(X1).mulVec(y);
  const fit = { u: coefficients.slice(0, d), d: coefficients[d]! };
  const regressionLoss = scaledSquaredNorm(X1.mulVec(coefficients).map((f, i) => f.sub(y[i]!)), normalisation);
  const Wt = Matrix.from(RationalField, weights, d).transpose();
  const solution = solve(Wt, fit.u);
  if (solution.kind === 'inconsistent') return { realisable: false, fit, regressionLoss, certificate: solution.certificate };
  const v = solution.particular;
  const biases = weights.map((w) => minimum(data.inputs.map((x) => dotOf(w, x))).neg().add(Rational.ONE));
  const c = fit.d.sub(dotOf(v, biases));
  const point: OneHiddenLayerPoint = { weights: weights.map((w) => [...w]), biases, outputWeights: v, outputBias: c };
  return { realisable: true, fit, regressionLoss, point, network: oneHiddenLayerNetwork(point) };
}

function minimum(xs: readonly Rational[]): Rational {
  return xs.reduce((m, x) => (x.lt(m) ? x : m));
}

function dotOf(a: readonly Rational[], b: readonly Rational[]): Rational {
  return a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);
}
