import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import type { Matrix } from '../linalg/matrix.ts';
import { nullSpace } from '../linalg/elimination.ts';
import { fullRankFactorization, pseudoInverse } from '../linalg/pseudo-inverse.ts';
import type { Dataset } from '../network/dataset.ts';
import { NetworkError } from '../network/errors.ts';
import { normalisationFactor, type Normalisation } from '../network/loss.ts';
import { designMatrix, type UnitActivations } from './design-matrix.ts';
import { blockSize, liftedInputs, unitBlock, type OneHiddenLayerPoint, type ReparametrisationLayout } from './one-hidden-layer.ts';

export interface SubglobalMinimumOptions {
  /** Hidden biases b_j (decomposition) or none (Liu: homogeneous inputs instead). */
  readonly bias: boolean;
  /** An output bias c (decomposition) or none (Liu). */
  readonly outputBias: boolean;
  /** ½Σ for decomposition ('half-sum'), (1/N)Σ for Liu ('mean'). */
  readonly normalisation: Normalisation;
}

/**
 * The global minimum of the region's convex loss Q(R) = c_N ‖A R − y‖² (a subglobal minimum,
 * decomposition Def. 2.6; Liu eqs. (5)–(9)). The minimisers are exactly
 * minimiser + span(nullBasis) (Liu's A⁺y + (I − A⁺A)c), all with the same fitted values.
 */
export interface SubglobalMinimum {
  readonly layout: ReparametrisationLayout;
  /** x̃_i: the inputs with a trailing 1 when there are hidden biases. */
  readonly lifted: readonly (readonly Rational[])[];
  readonly activations: UnitActivations;
  readonly design: Matrix<Rational>;
  readonly targets: readonly Rational[];
  readonly normalisation: Normalisation;
  /** A⁺y, the minimiser of least norm. */
  readonly minimiser: readonly Rational[];
  /** A basis of ker A; empty iff the minimiser is unique. */
  readonly nullBasis: readonly (readonly Rational[])[];
  readonly rank: number;
  /** rank A = number of coordinates of R (Liu: rank A = Kd, so N ≥ Kd is necessary). */
  readonly unique: boolean;
  /** A R* and A R* − y (the same for every minimiser). */
  readonly fitted: readonly Rational[];
  readonly residual: readonly Rational[];
  /** c_N ‖A A⁺ y − y‖² (Liu eq. (9) for c_N = 1/N). */
  readonly value: Rational;
  /** value = 0, i.e. A R = y is solvable. */
  readonly interpolates: boolean;
  /** v_j = 1, w̃_j = R*_j (and c): a point whose reparametrisation is the minimiser, not necessarily in the region. */
  readonly point: OneHiddenLayerPoint;
}

/** Scalar targets y_i of a dataset (throws when an output is not scalar). */
export function scalarTargets(data: Dataset<Rational>): Rational[] {
  return data.targets.map((t, i) => {
    if (t.length !== 1) throw new NetworkError(`target ${i} has ${t.length} entries; the reparametrisation needs a scalar output`);
    return t[0]!;
  });
}

/** The subglobal minimum of the region with unit slopes a_ij (see `regionActivations`). */
export function subglobalMinimum(data: Dataset<Rational>, activations: UnitActivations, options: SubglobalMinimumOptions): SubglobalMinimum {
  const N = data.inputs.length;
  if (N === 0) throw new NetworkError('the subglobal minimum of an empty dataset is undefined');
  const K = activations[0]?.length ?? 0;
  if (K === 0) throw new NetworkError('the activations must name at least one hidden unit');
  const layout: ReparametrisationLayout = { units: K, inputDim: data.inputs[0]!.length, bias: options.bias, outputBias: options.outputBias };
  const design = designMatrix(data.inputs, activations, layout);
  const targets = scalarTargets(data);
  const minimiser = pseudoInverse(design).mulVec(targets);
  const nullBasis = nullSpace(design);
  const rank = fullRankFactorization(design).rank;
  const fitted = design.mulVec(minimiser);
  const residual = fitted.map((f, i) => f.sub(targets[i]!));
  const value = scaledSquaredNorm(residual, options.normalisation);
  return {
    layout,
    lifted: liftedInputs(data.inputs, options.bias),
    activations,
    design,
    targets,
    normalisation: options.normalisation,
    minimiser,
    nullBasis,
    rank,
    unique: rank === design.cols,
    fitted,
    residual,
    value,
    interpolates: value.isZero(),
    point: realisingPoint(layout, minimiser),
  };
}

/** c_N Σ r_i². */
export function scaledSquaredNorm(residual: readonly Rational[], normalisation: Normalisation): Rational {
  const s = residual.reduce((acc, r) => acc.add(r.mul(r)), Rational.ZERO);
  return normalisationFactor(RationalField, normalisation, residual.length).mul(s);
}

/** Q(R) = c_N ‖A R − y‖² at any R. */
export function regionLoss(minimum: Pick<SubglobalMinimum, 'design' | 'targets' | 'normalisation'>, R: readonly Rational[]): Rational {
  const fitted = minimum.design.mulVec(R);
  return scaledSquaredNorm(fitted.map((f, i) => f.sub(minimum.targets[i]!)), minimum.normalisation);
}

/** The minimiser minimiser + Σ_k c_k nullBasis[k]. */
export function minimiserAt(minimum: Pick<SubglobalMinimum, 'minimiser' | 'nullBasis'>, coefficients: readonly Rational[]): Rational[] {
  if (coefficients.length !== minimum.nullBasis.length) {
    throw new RangeError(`expected ${minimum.nullBasis.length} coefficients, got ${coefficients.length}`);
  }
  return minimum.minimiser.map((r, k) => coefficients.reduce((s, c, b) => s.add(c.mul(minimum.nullBasis[b]![k]!)), r));
}

/** v_j = 1, w̃_j = R_j, c = R_c: the simplest point with reparametrisation R. */
export function realisingPoint(layout: ReparametrisationLayout, R: readonly Rational[]): OneHiddenLayerPoint {
  const s = blockSize(layout);
  const blocks = Array.from({ length: layout.units }, (_, j) => unitBlock(layout, R, j));
  return {
    weights: blocks.map((b) => b.slice(0, layout.inputDim)),
    biases: layout.bias ? blocks.map((b) => b[s - 1]!) : null,
    outputWeights: blocks.map(() => Rational.ONE),
    outputBias: layout.outputBias ? R[R.length - 1]! : null,
  };
}
