// milne, Lemma 3 (the determinant formula), eq. (7).
import {
  determinant,
  fail,
  forAll,
  literalSwitchedWeights,
  milneDepth,
  milneMatrix,
  milneOutput,
  milneSwitches,
  pass,
  passIf,
  powerOfMinusOne,
  theorem,
} from '../../src/index.ts';
import { confirmDeterminantDiffersFromOutput, confirmLiteralBlocksDefined } from './_confirm.ts';
import { point } from './_instances.ts';

const instances = point({ maxDepth: 2 });

const determinantFormula = forAll({
  name: 'y(a, W) = det A(a, W), A of eq. (7) with V_i = S_iW_iS_{i+1}',
  basis: 'exact',
  arbitrary: instances,
  check: ({ a, W }) => {
    const y = milneOutput(a, W);
    const A = milneMatrix(a, W);
    const det = determinant(A);
    return passIf(det.equals(y), () => ({
      H: milneDepth(W),
      'y(a, W)': y,
      'det A(a, W)': det,
      'A(a, W)': A.toStrings(),
      'switches S_1..S_{H+1} (units on/off)': milneSwitches(a, W).map((s) => s.map((v) => (v.isZero() ? 'off' : 'on')).join(' ')),
    }));
  },
  confirm: ({ a, W }) => confirmDeterminantDiffersFromOutput(a, W),
});

// The text's V_i = S_{i+1}W_iS_i multiplies an n_{i+1}×n_{i+1} switch by an n_i×n_{i+1} matrix.
const literalReading = forAll({
  name: "the text's literal V_i = S_{i+1}W_iS_i is undefined (so (7) read literally is not a matrix)",
  basis: 'exact',
  arbitrary: instances,
  check: ({ a, W }) => {
    const blocks = literalSwitchedWeights(a, W);
    const undefinedBlocks = blocks.flatMap((b) => ('error' in b ? [`V_${b.layer}: ${b.error}`] : []));
    return undefinedBlocks.length > 0 ? pass() : fail({ note: 'every literal block is defined', blocks: blocks.map((b) => ('value' in b ? b.value.toStrings() : b.error)) });
  },
  confirm: ({ W }) => confirmLiteralBlocksDefined(W),
});

const correctedCorner = forAll({
  name: 'with (n, 1) entry (−1)^H instead of (−1)^{H+1}: y(a, W) = det',
  basis: 'exact',
  arbitrary: instances,
  check: ({ a, W }) => {
    const y = milneOutput(a, W);
    const det = determinant(milneMatrix(a, W, { corner: powerOfMinusOne(milneDepth(W)) }));
    return passIf(det.equals(y), () => ({ H: milneDepth(W), 'y(a, W)': y, det }));
  },
  confirm: ({ a, W }) => confirmDeterminantDiffersFromOutput(a, W, powerOfMinusOne(W.length - 1)),
});

export default theorem({
  id: 'milne/lemma-3',
  paper: 'milne',
  title: 'The output of a ReLU network is det A(a, W)',
  statement:
    'For every input a and weights W (W_i ∈ ℝ^{n_i×n_{i+1}}, hidden widths n_i > 1, ReLU on the scalar output), ' +
    'y(a, W) = σ(W_Hᵀσ(…σ(W_0ᵀa))) equals det A(a, W), A the matrix of eq. (7): first row (0, aᵀ, 0, …), block row J_i ' +
    '(i = 0..H) with I_{n_i} on the diagonal and V_i to its right, last row ((−1)^{H+1}, 0, …, 0). The text defines ' +
    'V_i = S_{i+1}W_iS_i, which does not type-check (S_{i+1} is n_{i+1}×n_{i+1}, W_i is n_i×n_{i+1}; a second check ' +
    'computes that the product is undefined); we read V_i = S_iW_iS_{i+1} (S_0 = I), the reading under which ' +
    'y = aᵀV_0⋯V_H holds. Switches use 1_{x>0}, so zero pre-activations are included. Decided exactly (Bareiss ' +
    'determinant against the forward pass). A third check shows that with the corner (−1)^H the identity holds: a ' +
    'contributing permutation is a cycle through 1, one index of each of J_0, …, J_{H+1} (H + 3 indices), of sign ' +
    '(−1)^H, so with the printed corner det A = −y. A failure counts when z3 confirms it on A written from the raw ' +
    'numbers (switches 1_{z>0}, determinant by Laplace expansion) against y written as nested ReLUs.',
  checks: [determinantFormula, literalReading, correctedCorner],
});
