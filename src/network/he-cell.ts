import { Matrix } from '../linalg/matrix.ts';
import { solve } from '../linalg/elimination.ts';
import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { isOnBreakpoint, pieceCoefficients, type Activation } from './activation.ts';
import type { Dataset } from './dataset.ts';
import { NetworkError } from './errors.ts';
import { forwardDataset } from './forward.ts';
import { normalisationFactor, squaredErrorPoint, type Loss } from './loss.ts';
import { network, type Network } from './network.ts';

const F = RationalField;
type Rows = readonly (readonly Rational[])[];

/**
 * He, Wang & Tao §4: one hidden layer, no biases, scalar output, Ŷ_i = W_2 h(W_1 x_i). Inside a cell
 * (every W_1 x_i off the breakpoints) h acts through the slope matrix A (d1 × n), eq. (7).
 */
export function cellNetwork(W1: Rows, w2: readonly Rational[], act: Activation<Rational>): Network<Rational> {
  return network(F, { layers: [{ weights: W1, bias: null, activation: act }, { weights: [w2], bias: null }] });
}

/** W_1 (d1 × dX) and the row W_2 of a §4 network; other shapes are rejected. */
export function cellParts(net: Network<Rational>): { W1: Rational[][]; w2: Rational[] } {
  const [first, second] = net.layers;
  if (net.layers.length !== 2 || !first || !second) throw new NetworkError(`§4 networks have one hidden layer, this one has ${net.layers.length - 1}`);
  if (second.weights.length !== 1) throw new NetworkError(`§4 networks have a scalar output, this one has ${second.weights.length}`);
  if (first.bias !== null || second.bias !== null) throw new NetworkError('§4 networks have no biases');
  return { W1: first.weights.map((r) => [...r]), w2: [...second.weights[0]!] };
}

/** A_{ji} = h'((W_1)_j x_i), the slope of the piece holding each pre-activation (eq. (7)). */
export function cellSlopes(net: Network<Rational>, data: Dataset<Rational>): Rational[][] {
  cellParts(net);
  const act = net.layers[0]!.activation;
  const { pattern } = forwardDataset(net, data);
  return net.layers[0]!.weights.map((_, j) =>
    pattern.map((p, i) => {
      const pos = p[0]![j]!;
      if (isOnBreakpoint(pos)) throw new NetworkError(`not inside a cell: unit ${j + 1} is on a breakpoint for sample ${i}`);
      return pieceCoefficients(act, pos / 2).slope;
    }),
  );
}

/** x̂_i = A_{·i} ⊗ x_i (block j is A_{ji} x_i): the columns of X̂ in eq. (63). */
export function cellFeatures(slopes: Rows, inputs: Rows): Rational[][] {
  return inputs.map((x, i) => slopes.flatMap((a) => x.map((v) => a[i]!.mul(v))));
}

/** Q(W_1, W_2) = vec(diag(W_2) W_1), rows of W_1 one after the other (eqs. (61), (62)). */
export function collapsedWeights(net: Network<Rational>): Rational[] {
  const { W1, w2 } = cellParts(net);
  return W1.flatMap((row, j) => row.map((w) => w2[j]!.mul(w)));
}

/** Ŷ_i = W̄·x̂_i (eq. (64)). */
export function collapsedOutputs(features: Rows, wbar: readonly Rational[]): Rational[] {
  return features.map((f) => f.reduce((s, v, k) => s.add(v.mul(wbar[k]!)), Rational.ZERO));
}

/** c_N Σ_i (y_i − W̄·x̂_i)²: the risk of eq. (65) under the squared loss. */
export function collapsedRisk(features: Rows, targets: readonly Rational[], wbar: readonly Rational[], loss: Loss): Rational {
  requireSquared(loss);
  const c = normalisationFactor(F, loss.normalisation, targets.length);
  return collapsedOutputs(features, wbar)
    .reduce((s, y, i) => s.add(y.sub(targets[i]!).mul(y.sub(targets[i]!))), Rational.ZERO)
    .mul(c);
}

/** The Hessian of W̄ ↦ collapsedRisk: 2c_N Σ_i x̂_i x̂_iᵀ. */
export function collapsedRiskHessian(features: Rows, loss: Loss): Matrix<Rational> {
  requireSquared(loss);
  const X = Matrix.from(F, features);
  return X.transpose().mul(X).scale(normalisationFactor(F, loss.normalisation, features.length).mul(Rational.of(2)));
}

/** The minimisers of the convex collapsed risk: the normal equations X̂ᵀX̂ W̄ = X̂ᵀy, and the minimum. */
export interface CellLeastSquares {
  readonly risk: Rational;
  readonly particular: Rational[];
  /** A basis of the directions along which the minimiser is not unique (the null space of X̂). */
  readonly nullBasis: Rational[][];
  /** The normal equations as rows [X̂ᵀX̂ | X̂ᵀy], for exact LPs over the minimiser set. */
  readonly normal: { readonly matrix: Rational[][]; readonly rhs: Rational[] };
}

export function cellLeastSquares(features: Rows, targets: readonly Rational[], loss: Loss): CellLeastSquares {
  requireSquared(loss);
  const X = Matrix.from(F, features);
  const G = X.transpose().mul(X);
  const rhs = X.transpose().mulVec(targets);
  const s = solve(G, rhs);
  if (s.kind !== 'solution') throw new Error('internal: the normal equations are always consistent');
  return {
    risk: collapsedRisk(features, targets, s.particular, loss),
    particular: s.particular,
    nullBasis: s.nullBasis,
    normal: { matrix: G.toArrays(), rhs },
  };
}

/** ∂R/∂W̄ = 2c_N Σ_i (Ŷ_i − y_i) x̂_i, split into the blocks g_j of the hidden units. */
export function collapsedGradientBlocks(features: Rows, targets: readonly Rational[], wbar: readonly Rational[], loss: Loss, units: number): Rational[][] {
  requireSquared(loss);
  const c = normalisationFactor(F, loss.normalisation, targets.length).mul(Rational.of(2));
  const residual = collapsedOutputs(features, wbar).map((y, i) => y.sub(targets[i]!));
  const grad = wbar.map((_, k) => features.reduce((s, f, i) => s.add(f[k]!.mul(residual[i]!)), Rational.ZERO).mul(c));
  const width = grad.length / units;
  return Array.from({ length: units }, (_, j) => grad.slice(j * width, (j + 1) * width));
}

function requireSquared(loss: Loss): void {
  if (loss.point !== squaredErrorPoint) throw new NetworkError(`the collapsed risk is computed for the squared loss, not the ${loss.point.name} loss`);
}

/** The scalar targets of a §4 dataset. */
export function cellTargets(data: Dataset<Rational>): Rational[] {
  return data.targets.map((y, i) => {
    if (y.length !== 1) throw new NetworkError(`§4 needs scalar targets; target ${i} has ${y.length} entries`);
    return y[0]!;
  });
}
