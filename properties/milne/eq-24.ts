// milne, §3.5 eqs. (24)–(25): moving the zero diagonal entries of A into C.
import fc from 'fast-check';
import {
  determinant,
  forAll,
  milneCMatrix,
  milneDepth,
  milneMatrix,
  milneWidenedDiagonal,
  milneWidening,
  milneWidths,
  passIf,
  powerOfMinusOne,
  Rational,
  smallRational,
  theorem,
} from '../../src/index.ts';
import { confirmEq24Differs, widenedDiagonal, widenedInstance, widthsOf } from './_confirm.ts';
import { point, type Weights } from './_instances.ts';

/** det(A) = det(C) + (−1)^{H+1}β^{H+2} for A with diagonal blocks D_i (det D_i = β) and C of (25). */
function identity(a: readonly Rational[], W: Weights, diagonal: Rational[][], beta: Rational) {
  const H = milneDepth(W);
  const detA = determinant(milneMatrix(a, W, { diagonal }));
  const detC = determinant(milneCMatrix(a, W, diagonal, beta));
  const rhs = detC.add(powerOfMinusOne(H + 1).mul(beta.pow(H + 2)));
  return passIf(detA.equals(rhs), () => ({ H, β: beta, 'det A': detA, 'det C': detC, 'det C + (−1)^{H+1}β^{H+2}': rhs, diagonal }));
}

const widened = forAll({
  name: 'det Ã = det C̃ + (−1)^{H+1}β^{H+2} for the widened matrix of Lemma 8 (D_i = diag(β I, α_i I), det D_i = β)',
  basis: 'exact',
  arbitrary: fc.record({ p: point({ maxDepth: 2 }), d: fc.integer({ min: 1, max: 2 }), gamma: smallRational({ maxNumerator: 3, maxDenominator: 2, positive: true }) }),
  check: ({ p: { a, W }, d, gamma }) => {
    const phi = milneWidening(a, W, d);
    return identity(phi.input, phi.weights, milneWidenedDiagonal(milneWidths(W), d, gamma), gamma.pow(d));
  },
  confirm: ({ p: { a, W }, d, gamma }) => {
    const wide = widenedInstance(a, W, d);
    return confirmEq24Differs(wide.a, wide.W, widenedDiagonal(widthsOf(W), d, gamma), gamma.pow(d));
  },
});

/** Non-zero diagonal blocks with one common determinant β: all entries drawn, the last of each block rescaled. */
const equalDeterminants = point({ maxDepth: 2 }).chain(({ a, W }) => {
  const widths = milneWidths(W);
  const entry = smallRational({ maxNumerator: 3, maxDenominator: 2, nonZero: true });
  return fc
    .record({ blocks: fc.tuple(...widths.slice(0, -1).map((n) => fc.array(entry, { minLength: n, maxLength: n }))), beta: entry })
    .map(({ blocks, beta }) => ({
      a,
      W,
      beta,
      diagonal: blocks.map((D) => {
        const rest = D.slice(0, -1).reduce((p, x) => p.mul(x), Rational.ONE);
        return [...D.slice(0, -1), beta.div(rest)];
      }),
    }));
});

const general = forAll({
  name: 'the same for any diagonal blocks with det D_i = β for every i',
  basis: 'exact',
  arbitrary: equalDeterminants,
  check: ({ a, W, diagonal, beta }) => identity(a, W, diagonal, beta),
  confirm: ({ a, W, diagonal, beta }) => confirmEq24Differs(a, W, diagonal, beta),
});

export default theorem({
  id: 'milne/eq-24',
  paper: 'milne',
  title: 'det A(a, W) = det C(a, W) + (−1)^{H+1}β^{H+2}',
  statement:
    'For A(a, W) of eq. (7) (V_i = S_iW_iS_{i+1}) with its identity blocks replaced by diagonal blocks D_i of ' +
    'determinant β (§3.4–3.5: β on original neurons, α_i on the d padded ones of Lemma 8), and C(a, W) of eq. (25) ' +
    '(first row ((−1)^H, 0, …), the same block rows, last row (0, aᵀ, 0, …, 0, β)), det A = det C + (−1)^{H+1}β^{H+2}. ' +
    'Checked exactly on the widened matrices of Lemma 8 (β = γ^d so that every α_i is rational) and on arbitrary ' +
    'non-zero diagonal blocks with a common determinant β. The first equality of (24), y(a, W) = det A(a, W), is ' +
    'Lemma 3 and carries its sign (milne/lemma-3).',
  checks: [widened, general],
});
