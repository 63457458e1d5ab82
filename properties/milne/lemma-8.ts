// milne, §3.4 eqs. (17)–(18) and Lemma 8: modified diagonals and the widened network φ(a, W).
import fc from 'fast-check';
import {
  determinant,
  fail,
  forAll,
  Matrix,
  milneBlockOffsets,
  milneCMatrix,
  milneMatrix,
  milneNormBound,
  milneOutput,
  milneSwitchDiagonal,
  milneWidenedDiagonal,
  milneWidening,
  milneWidths,
  negativeDirection,
  pass,
  passIf,
  qiIntervals,
  Rational,
  RationalField,
  SingularValues,
  smallRational,
  theorem,
  unconfirmed,
} from '../../src/index.ts';
import {
  confirmQiIntervalBelowFloor,
  confirmSmallSingularValue,
  confirmSwitchDiagonalDeterminantDiffers,
  confirmWidenedDeterminantDiffers,
  confirmWidenedOutputDiffers,
  rationalHint,
  rationalMatrixHint,
  widenedDiagonal,
  widthsOf,
} from './_confirm.ts';
import { point, type Weights } from './_instances.ts';

const widening = fc.integer({ min: 1, max: 2 });
const gamma = smallRational({ maxNumerator: 3, maxDenominator: 2, positive: true });

const withWidening = fc.record({ p: point({ maxDepth: 2 }), d: widening, gamma });

const sameOutput = forAll({
  name: 'ỹ(φ(a, W)) = y(a, W) (20)',
  basis: 'exact',
  arbitrary: fc.record({ p: point({ maxDepth: 2 }), d: fc.integer({ min: 1, max: 3 }) }),
  check: ({ p: { a, W }, d }) => {
    const phi = milneWidening(a, W, d);
    const wide = milneOutput(phi.input, phi.weights);
    const y = milneOutput(a, W);
    return passIf(wide.equals(y), () => ({ 'y(a, W)': y, 'ỹ(φ(a, W))': wide, d }));
  },
  confirm: ({ p: { a, W }, d }) => confirmWidenedOutputDiffers(a, W, d),
});

const widenedDeterminant = forAll({
  name: 'det Ã(φ(a, W)) = det A(a, W) with D_i = diag(β I_{n_i}, α_i I_d), β = γ^d, α_i = β^{(1−n_i)/d}',
  basis: 'exact',
  arbitrary: withWidening,
  check: ({ p: { a, W }, d, gamma: g }) => {
    const phi = milneWidening(a, W, d);
    const diagonal = milneWidenedDiagonal(milneWidths(W), d, g);
    const wide = determinant(milneMatrix(phi.input, phi.weights, { diagonal }));
    const original = determinant(milneMatrix(a, W));
    return passIf(wide.equals(original), () => ({ 'det A(a, W)': original, 'det Ã(φ(a, W))': wide, d, β: g.pow(d), 'α_i': diagonal.map((D) => D[D.length - 1]!) }));
  },
  confirm: ({ p: { a, W }, d, gamma: g }) => confirmWidenedDeterminantDiffers(a, W, d, widenedDiagonal(widthsOf(W), d, g)),
});

const switchDeterminant = forAll({
  name: 'off neurons α_j, on neurons β_j with α_j^{n_j−p_j}β_j^{p_j−1} = 1 leave det A unchanged (17)',
  basis: 'exact',
  arbitrary: fc.record({ p: point({ maxDepth: 2 }), gamma }),
  check: ({ p: { a, W }, gamma: g }) => {
    const diagonal = milneSwitchDiagonal(a, W, g);
    const modified = determinant(milneMatrix(a, W, { diagonal }));
    const original = determinant(milneMatrix(a, W));
    return passIf(modified.equals(original), () => ({ 'det A': original, 'det with (17)': modified, diagonal }));
  },
  confirm: ({ p: { a, W } }, w) => {
    const diagonal = rationalMatrixHint(w.diagonal);
    return diagonal === null ? unconfirmed('z3', 'the witness lacks the diagonal') : confirmSwitchDiagonalDeterminantDiffers(a, W, diagonal);
  },
});

/** (23): ‖a‖_∞ ≤ R and every row and column of every W_i has 1-norm ≤ R. */
const normRadius = (a: readonly Rational[], W: Weights): Rational => a.reduce((m, v) => m.max(v.abs()), milneNormBound(W));

/** The smallest d with β^{(1−n_i)/d} ≥ 1 − ε for all i = 0..H, i.e. (1 − ε)^d ≤ β^{1−n_i} (exact). */
function wideningFor(beta: Rational, epsilon: Rational, widths: readonly number[]): number {
  const target = beta.pow(1 - Math.max(...widths.slice(0, -1)));
  const base = Rational.ONE.sub(epsilon);
  let d = 1;
  while (base.pow(d).gt(target)) d++;
  return d;
}

/** α ≥ c for α > 0 given by α^d = power, c rational: decided as α^d ≥ c^d when c > 0. */
const rootAtLeast = (power: Rational, d: number, c: Rational): boolean => c.sign() <= 0 || power.ge(c.pow(d));

const intervalsAwayFromZero = forAll({
  name: '(22): with β = R + 1 and d large enough, every Qi interval B̃_j, j = 2..ñ−1, lies in [1 − ε, ∞)',
  basis: 'exact',
  arbitrary: fc.record({
    p: point({ maxDepth: 2 }),
    epsilon: fc.constantFrom(Rational.of(1, 2), Rational.of(1, 3), Rational.of(1, 4)),
    slack: smallRational({ maxNumerator: 2, maxDenominator: 2 }).map((s) => s.abs()),
  }),
  check: ({ p: { a, W }, epsilon, slack }) => {
    const widths = milneWidths(W);
    const R = normRadius(a, W).add(slack);
    const beta = R.add(Rational.ONE);
    const d = wideningFor(beta, epsilon, widths);
    const phi = milneWidening(a, W, d);
    // Off-diagonal sums do not depend on the diagonal; b_j is β (original neurons) or α_i (padded ones).
    const radii = qiIntervals(milneMatrix(phi.input, phi.weights)).map((B) => B.d);
    const wideWidths = milneWidths(phi.weights);
    const offsets = milneBlockOffsets(wideWidths);
    const floor = Rational.ONE.sub(epsilon);
    for (let i = 0; i < wideWidths.length - 1; i++) {
      for (let j = 0; j < wideWidths[i]!; j++) {
        const index = offsets[i]! + j;
        const radius = radii[index]!;
        const ok = j < widths[i]! ? beta.sub(radius).ge(floor) : rootAtLeast(beta.pow(1 - widths[i]!), d, floor.add(radius));
        if (!ok) {
          return fail({ 'index j (1-based)': index + 1, layer: i, padded: j >= widths[i]!, β: beta, d, 'd_j': radius, ε: epsilon, R });
        }
      }
    }
    return pass();
  },
  confirm: ({ p: { a, W }, epsilon, slack }, w) => {
    const index = w['index j (1-based)'];
    const d = w.d;
    return typeof index === 'number' && typeof d === 'number'
      ? confirmQiIntervalBelowFloor(a, W, epsilon, slack, d, index - 1)
      : unconfirmed('z3', 'the witness lacks the index or d');
  },
});

/** The smallest k/4 ≥ 1 with (k/4)^d ≥ x. */
function quarterRoot(x: Rational, d: number): Rational {
  let k = 4;
  while (Rational.of(k, 4).pow(d).lt(x)) k++;
  return Rational.of(k, 4);
}

const smallestSingularValue = forAll({
  name: 'consequence used in Lemma 9: σ_min(C̃(φ(a, W))) ≥ min(1, min_i α_i) when ‖a‖₁ and all row/column 1-norms are ≤ β − 1',
  basis: 'exact',
  arbitrary: fc.record({ p: point({ maxDepth: 2 }), d: widening }),
  check: ({ p: { a, W }, d }) => {
    const widths = milneWidths(W);
    const need = milneNormBound(W).max(a.reduce((s, v) => s.add(v.abs()), Rational.ZERO)).add(Rational.ONE);
    const g = quarterRoot(need, d);
    const beta = g.pow(d);
    const phi = milneWidening(a, W, d);
    const diagonal = milneWidenedDiagonal(widths, d, g);
    const C = milneCMatrix(phi.input, phi.weights, diagonal, beta);
    const floor = diagonal.reduce((m, D) => m.min(D[D.length - 1]!), Rational.ONE);
    const sv = new SingularValues(C);
    const below = sv.countIn(Rational.ZERO, floor) - sv.countIn(floor, floor);
    return passIf(below === 0, () => ({ γ: g, β: beta, d, 'min(1, α)': floor, 'singular values below': below, C: C.toStrings(), 'x with ‖C̃x‖ < min(1, α)‖x‖': belowFloor(C, floor) }));
  },
  confirm: ({ p: { a, W }, d }, w) => {
    const g = rationalHint(w['γ']);
    const x = w['x with ‖C̃x‖ < min(1, α)‖x‖'];
    const vector = Array.isArray(x) ? x.map(rationalHint) : null;
    return g === null || vector === null || vector.some((v) => v === null) ? unconfirmed('z3', 'the witness lacks γ or x') : confirmSmallSingularValue(a, W, d, g, vector as Rational[]);
  },
});

/** A vector x with xᵀ(C̃ᵀC̃ − c²I)x < 0, i.e. ‖C̃x‖ < c‖x‖ (exact LDLᵀ), or null. */
function belowFloor(C: Matrix<Rational>, c: Rational): Rational[] | null {
  const G = C.transpose().mul(C).sub(Matrix.identity(RationalField, C.cols).scale(c.mul(c)));
  return negativeDirection(G);
}

export default theorem({
  id: 'milne/lemma-8',
  paper: 'milne',
  title: 'Modified diagonals keep det A; the widened network φ(a, W) keeps the output',
  statement:
    '(17)–(18): replacing the identity block of layer j in A(a, W) (eq. (7), V_i = S_iW_iS_{i+1}) by off neurons α_j, ' +
    'on neurons β_j with α_j^{n_j−p_j}β_j^{p_j−1} = 1 leaves det A unchanged (rational choice β_j = γ^{n_j−p_j}, ' +
    'α_j = γ^{1−p_j}; layers with every neuron on, the input layer among them, need β_j^{n_j−1} = 1). Lemma 8: the ' +
    'zero-padded φ(a, W) (widths n_i + d, i = 0..H) computes the same output (20), and with D_i = diag(β I_{n_i}, ' +
    'α_i I_d), α_i = β^{(1−n_i)/d} (exactly rational by taking β = γ^d), det Ã(φ(a, W)) = det A(a, W); the text’s ' +
    '(21) ỹ = det Ã carries the sign of Lemma 3 (det Ã = −ỹ, see milne/lemma-3). (22): for ε > 0 and R, with ' +
    'β = R + 1 and d the smallest with β^{(1−n_i)/d} ≥ 1 − ε for all i, every Qi interval B̃_j (j = 2..ñ−1) of Ã lies ' +
    'in [1 − ε, ∞) whenever ‖a‖_∞ ≤ R and every row/column 1-norm of every W_i is ≤ R (23); the α rows are decided ' +
    'exactly through α_i^d = β^{1−n_i}. The displayed inclusion in the proof takes the minimum over the hidden ' +
    'layers i = 1..H only, but the padded input rows have diagonal α_0 = β^{(1−n_0)/d}, so i = 0 must be included ' +
    '(as "for all i" in the choice of d does). A further check confirms the consequence used in Lemma 9: every ' +
    'singular value of C̃ (eq. (25)) is ≥ min(1, min_i α_i) when ‖a‖₁ ≤ β − 1 and the 1-norms are ≤ β − 1.',
  checks: [sameOutput, widenedDeterminant, switchDeterminant, intervalsAwayFromZero, smallestSingularValue],
});

