// milne, Lemma 4 and the proof of Lemma 3: the permutations with non-zero Leibniz terms in det A(a, W).
import {
  fail,
  forAll,
  milneActivePaths,
  milneDepth,
  milneMatrix,
  milneWidths,
  nonZeroLeibnizTerms,
  pass,
  permutationStructure,
  powerOfMinusOne,
  theorem,
} from '../../src/index.ts';
import { confirmLeibnizSignDiffers, confirmLemma4StructureBroken, confirmPathCorrespondenceFails } from './_confirm.ts';
import { point } from './_instances.ts';

/** Instances with at least one active input–output path (otherwise every statement is vacuous). */
const instances = point({ maxDepth: 2 }).filter(({ a, W }) => milneActivePaths(a, W).length > 0);

/** 1-based indices, as in the paper. */
const oneBased = (p: readonly number[]): number[] => p.map((i) => i + 1);

const structure = forAll({
  name: 'σ(1) ∈ J_0, σ(n) = 1, and for each k = 0..H one index of J_k moves, into J_{k+1} (eq. (10))',
  basis: 'exact',
  arbitrary: instances,
  check: ({ a, W }) => {
    const widths = milneWidths(W);
    for (const term of nonZeroLeibnizTerms(milneMatrix(a, W))) {
      const s = permutationStructure(term.permutation, widths);
      if (!s.endsAtFirstIndex || !s.oneMovePerLayer) {
        return fail({ widths, permutation: oneBased(term.permutation), 'σ(1) ∈ J_0 and σ(n) = 1': s.endsAtFirstIndex, 'one move per layer': s.oneMovePerLayer });
      }
    }
    return pass();
  },
  confirm: ({ a, W }) => confirmLemma4StructureBroken(a, W),
});

const bijection = forAll({
  name: 'non-zero Leibniz terms ↔ active paths, each product (−1)^{H+1}·(path product of eq. (8))',
  basis: 'exact',
  arbitrary: instances,
  check: ({ a, W }) => {
    const widths = milneWidths(W);
    const corner = powerOfMinusOne(milneDepth(W) + 1);
    const paths = new Map(milneActivePaths(a, W).map((p) => [p.nodes.join('-'), p.product]));
    const seen = new Set<string>();
    for (const term of nonZeroLeibnizTerms(milneMatrix(a, W))) {
      const path = permutationStructure(term.permutation, widths).path;
      const key = path === null ? null : path.join('-');
      if (key === null || !paths.has(key) || seen.has(key)) {
        return fail({ widths, permutation: oneBased(term.permutation), path, 'active paths': [...paths.keys()] });
      }
      seen.add(key);
      const expected = corner.mul(paths.get(key)!);
      if (!term.product.equals(expected)) return fail({ path, 'Leibniz product': term.product, '(−1)^{H+1}·path product': expected });
    }
    const missing = [...paths.keys()].filter((k) => !seen.has(k));
    return missing.length === 0 ? pass() : fail({ widths, 'active paths without a permutation': missing });
  },
  confirm: ({ a, W }) => confirmPathCorrespondenceFails(a, W),
});

const sign = forAll({
  name: 'every permutation with a non-zero Leibniz term has sign (−1)^{H+1}',
  basis: 'exact',
  arbitrary: instances,
  check: ({ a, W }) => {
    const H = milneDepth(W);
    const claimed = powerOfMinusOne(H + 1).sign();
    const wrong = nonZeroLeibnizTerms(milneMatrix(a, W)).find((t) => t.sign !== claimed);
    if (wrong === undefined) return pass();
    const moved = wrong.permutation.filter((p, i) => p !== i).length;
    return fail({ H, 'permutation (1-based, σ(i) for i = 1..n)': oneBased(wrong.permutation), 'cycle length': moved, 'sign computed': wrong.sign, 'sign claimed (−1)^{H+1}': claimed });
  },
  confirm: ({ a, W }) => confirmLeibnizSignDiffers(a, W),
});

export default theorem({
  id: 'milne/lemma-4',
  paper: 'milne',
  title: 'Non-zero Leibniz terms of det A ↔ active paths (Lemma 4), each of sign (−1)^{H+1} (proof of Lemma 3)',
  statement:
    'For A(a, W) of eq. (7) (V_i = S_iW_iS_{i+1}, see milne/lemma-3): (Lemma 4) every permutation σ with a non-zero ' +
    'term in the Leibniz formula (9) has σ(1) ∈ J_0, σ(n) = 1 and, for each k = 0..H, exactly one index of J_k that ' +
    'moves, into J_{k+1}; and these permutations correspond one-to-one to the paths of eq. (8) with a non-zero term ' +
    '(active neurons, non-zero input entry and weights), the Leibniz product being (−1)^{H+1} times the path product. ' +
    'The sign sentence is stated in the proof of Lemma 3, not in Lemma 4: each such σ has sign (−1)^{H+1}, "a ' +
    'composition of H + 1 transpositions". The non-zero terms are enumerated exhaustively (depth-first over non-zero ' +
    'entries) and the paths independently from the switches. Such a σ is one cycle through index 1, one index of each ' +
    'of the H + 2 blocks J_0..J_{H+1} (J_{H+1} is the last index n), so H + 3 indices: the proof counts H + 1 ' +
    'transpositions but H + 2 are needed. A failure counts when z3 confirms it on the Leibniz products over the ' +
    'non-zero pattern of A written from the raw numbers (signs by counting inversions, paths of eq. (8) from the switches).',
  checks: [structure, bijection, sign],
});
