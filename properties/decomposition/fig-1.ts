// decomposition, Fig. 1: the activation regions of one hidden node without bias.
import fc from 'fast-check';
import {
  arrangementCells,
  dataset,
  example,
  forAll,
  generalPositionCellCount,
  inGeneralPosition,
  passIf,
  ratData,
  signString,
  discard,
  type Rational,
} from '../../src/index.ts';
import { confirmRegionCountDiffers } from './_confirm.ts';

const fig1 = ratData(
  [
    [-1, 1],
    [2, 1],
    [1, 3],
  ],
  [1, 2, 3],
);

/** Cells of one unit over the inputs, as sign strings ("+-+" …). */
function cellSigns(inputs: readonly (readonly Rational[])[], bias: boolean): string[] {
  return arrangementCells(inputs, { bias }).map((cell) => signString(cell.signs));
}

export default example({
  id: 'decomposition/fig-1',
  paper: 'decomposition',
  title: 'Activation regions of one hidden node (Fig. 1)',
  statement:
    'For x1 = [-1, 1], x2 = [2, 1], x3 = [1, 3], one hidden node without bias (weight w ∈ R², ' +
    'pre-activations wᵀx_i) has exactly six non-empty activation regions (full-dimensional cells of ' +
    'the arrangement of the three lines wᵀx_i = 0). Generalisation: for N inputs in general position ' +
    'in R^d the number of regions is the hyperplane-arrangement count 2·Σ_{k<d} C(N−1, k); with a ' +
    'bias the same count holds in R^{d+1} for inputs whose lifts (x_i, 1) are in general position.',
  reproduce: () => {
    const cells = cellSigns(fig1.inputs, false);
    return {
      values: [
        { quantity: 'number of non-empty activation regions', paper: 6, computed: cells.length },
      ],
      note: `Regions (signs of wᵀx1, wᵀx2, wᵀx3): ${cells.join(' ')}; enumerated exactly, inserting one line at a time and splitting each cell by exact LP.`,
    };
  },
  checks: [
    forAll({
      name: 'region count of general-position data equals the arrangement count',
      basis: 'exact',
      arbitrary: fc
        .tuple(fc.boolean(), dataset({ minPoints: 1, maxPoints: 5, minDim: 1, maxDim: 3, nonZeroInputs: true }))
        .map(([bias, data]) => ({ bias, inputs: data.inputs })),
      check: ({ bias, inputs }) => {
        if (!inGeneralPosition(inputs, bias ? 'affine' : 'central')) {
          return discard('inputs not in general position');
        }
        const dim = inputs[0]!.length + (bias ? 1 : 0);
        const predicted = generalPositionCellCount(inputs.length, dim);
        const cells = cellSigns(inputs, bias);
        return passIf(cells.length === predicted, () => ({
          predicted,
          computed: cells.length,
          regions: cells.join(' '),
        }));
      },
      confirm: ({ bias, inputs }) => confirmRegionCountDiffers(inputs, bias),
    }),
  ],
  // The paper's six regions against one z3 query per sign vector of the Fig. 1 inputs.
  confirm: () => confirmRegionCountDiffers(fig1.inputs, false, 6),
});
