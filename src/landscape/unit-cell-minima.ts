import type { Rational } from '../numbers/rational.ts';
import { arrangementCells } from '../geometry/arrangement.ts';
import type { Sign } from '../geometry/pattern.ts';
import type { Dataset } from '../network/dataset.ts';
import type { Normalisation } from '../network/loss.ts';
import { regionActivations } from './design-matrix.ts';
import { genuineness, type Genuineness, type OutputSign } from './genuineness.ts';
import { subglobalMinimum, type SubglobalMinimum } from './subglobal-minimum.ts';

/** The shape of a cell's minimiser set R* = A⁺y + ker A in the weight space ℝ^d of one unit. */
export type MinimiserShape = 'point' | 'line' | 'plateau' | `${number}-dimensional affine set`;

/** One cell of a single bias-free unit (Liu §4.2): its minimum, the minimiser set's shape, and whether it is genuine. */
export interface UnitCellMinimum {
  readonly signs: Sign[];
  readonly minimum: SubglobalMinimum;
  /** dim ker A: 0 for a unique minimiser, d when the cell's loss is constant (A = 0). */
  readonly dimension: number;
  readonly shape: MinimiserShape;
  /** Is some minimiser, realised with an allowed sign of z, inside the open cell? */
  readonly genuine: Genuineness;
}

/** 'plateau' when every R is a minimiser (A = 0: the loss does not depend on w in the cell). */
export function minimiserShape(dimension: number, weightDim: number): MinimiserShape {
  if (dimension === weightDim) return 'plateau';
  if (dimension === 0) return 'point';
  if (dimension === 1) return 'line';
  return `${dimension}-dimensional affine set`;
}

/**
 * The differentiable minima of every cell of one bias-free ReLU unit f(x) = z[w·x]_+ (Liu §4.1–4.3,
 * App. B): per full-dimensional cell of the arrangement of the inputs, the exact subglobal minimum
 * (A⁺y, ker A, (1/N)‖AA⁺y − y‖² for 'mean') and its genuineness for the allowed signs of z.
 */
export function unitCellMinima(
  data: Dataset<Rational>,
  options: { readonly normalisation?: Normalisation; readonly outputSigns?: readonly OutputSign[] } = {},
): UnitCellMinimum[] {
  const d = data.inputs[0]?.length ?? 0;
  return arrangementCells(data.inputs).map((cell) => {
    const region = [cell.signs];
    const minimum = subglobalMinimum(data, regionActivations(region), {
      bias: false,
      outputBias: false,
      normalisation: options.normalisation ?? 'mean',
    });
    const dimension = minimum.nullBasis.length;
    const genuine = genuineness(minimum, region, { outputSigns: options.outputSigns ?? [1, -1] });
    return { signs: cell.signs, minimum, dimension, shape: minimiserShape(dimension, d), genuine };
  });
}
