// he, §4.3 eqs. (7)–(9) and App. B.3 eqs. (59)–(65): inside a cell the risk is convex in W̄ = diag(W_2)W_1.
import fc from 'fast-check';
import {
  Matrix,
  Rational,
  RationalField,
  cellFeatures,
  cellNetwork,
  cellSlopes,
  collapsedOutputs,
  collapsedRisk,
  collapsedRiskHessian,
  collapsedWeights,
  discard,
  empiricalRisk,
  fail,
  forAll,
  forwardDataset,
  isPositiveSemidefinite,
  pass,
  rationalVector,
  squaredError,
  theorem,
  twoPiece,
} from '../../src/index.ts';
import { confirmConvexityFails, confirmEq8Fails } from './_confirm.ts';
import { cellInstance, datasetOf, insideCell } from './_instances.ts';

const F = RationalField;
const loss = squaredError('mean');

const identity8 = forAll({
  name: 'eq. (8): W_2 diag(A_·i) W_1 x_i = A_·iᵀ diag(W_2) W_1 x_i = Ŷ_i, and eq. (64): = W̄·(A_·i ⊗ x_i)',
  basis: 'exact',
  arbitrary: cellInstance({ maxInputDim: 3, maxUnits: 3 }),
  check: (instance) => {
    if (!insideCell(instance)) return discard('a pre-activation is 0 (not inside a cell)');
    const data = datasetOf(instance);
    const net = cellNetwork(instance.W1, instance.w2, twoPiece(F, ...instance.slopes));
    const A = cellSlopes(net, data);
    const W1 = Matrix.from(F, instance.W1);
    const W2 = Matrix.from(F, [instance.w2]);
    const outputs = forwardDataset(net, data).outputs.map((o) => o[0]!);
    const collapsed = collapsedOutputs(cellFeatures(A, data.inputs), collapsedWeights(net));
    for (let i = 0; i < data.inputs.length; i++) {
      const a = A.map((row) => row[i]!);
      const x = Matrix.column(F, data.inputs[i]!);
      const lhs = W2.mul(Matrix.diag(F, a)).mul(W1).mul(x).get(0, 0);
      const rhs = Matrix.from(F, [a]).mul(Matrix.diag(F, instance.w2)).mul(W1).mul(x).get(0, 0);
      if (!lhs.equals(rhs) || !lhs.equals(outputs[i]!) || !collapsed[i]!.equals(lhs)) {
        return fail({ sample: i, 'W_2 diag(A) W_1 x': lhs, 'Aᵀ diag(W_2) W_1 x': rhs, network: outputs[i]!, 'W̄·x̂': collapsed[i]! });
      }
    }
    return pass();
  },
  confirm: (instance) => confirmEq8Fails(instance),
});

/** The cell's slopes and features, with two extra points of W̄-space for the convexity check. */
const convexityInstance = cellInstance({ maxInputDim: 2, maxUnits: 3 }).chain((instance) => {
  const size = instance.W1.length * instance.W1[0]!.length;
  return fc.record({
    instance: fc.constant(instance),
    u: rationalVector(size, { maxNumerator: 3, maxDenominator: 2 }),
    v: rationalVector(size, { maxNumerator: 3, maxDenominator: 2 }),
  });
});

const convexity = forAll({
  name: 'eq. (65): R(W_1, W_2) = (1/n)Σ(y_i − W̄x̂_i)², a quadratic in W̄ with PSD Hessian (checked against second differences)',
  basis: 'exact',
  arbitrary: convexityInstance,
  check: ({ instance, u, v }) => {
    if (!insideCell(instance)) return discard('a pre-activation is 0 (not inside a cell)');
    const data = datasetOf(instance);
    const y = data.targets.map((t) => t[0]!);
    const net = cellNetwork(instance.W1, instance.w2, twoPiece(F, ...instance.slopes));
    const features = cellFeatures(cellSlopes(net, data), data.inputs);
    const q = (w: readonly Rational[]): Rational => collapsedRisk(features, y, w, loss);
    const wbar = collapsedWeights(net);
    const risk = empiricalRisk(net, data, loss);
    if (!risk.equals(q(wbar))) return fail({ 'R(W_1, W_2)': risk, 'R(W̄)': q(wbar) });
    const H = collapsedRiskHessian(features, loss);
    // q is quadratic, so q(w + e_a + e_b) − q(w + e_a) − q(w + e_b) + q(w) is exactly H_ab.
    const e = (k: number): Rational[] => wbar.map((_, i) => (i === k ? Rational.ONE : Rational.ZERO));
    const plus = (a: readonly Rational[], b: readonly Rational[]): Rational[] => a.map((x, i) => x.add(b[i]!));
    for (let a = 0; a < wbar.length; a++) {
      for (let b = 0; b < wbar.length; b++) {
        const diff = q(plus(plus(wbar, e(a)), e(b))).sub(q(plus(wbar, e(a)))).sub(q(plus(wbar, e(b)))).add(q(wbar));
        if (!diff.equals(H.get(a, b))) return fail({ entry: [a, b], 'second difference': diff, Hessian: H.get(a, b) });
      }
    }
    if (!isPositiveSemidefinite(H)) return fail({ Hessian: H.toStrings(), reason: 'not positive semidefinite' });
    const mid = q(u.map((x, i) => x.add(v[i]!).div(Rational.of(2))));
    const chord = q(u).add(q(v)).div(Rational.of(2));
    return mid.le(chord) ? pass() : fail({ u, v, 'R((u+v)/2)': mid, '(R(u)+R(v))/2': chord });
  },
  confirm: ({ instance, u, v }) => confirmConvexityFails(instance, u, v),
});

export default theorem({
  id: 'he/eq-8',
  paper: 'he',
  title: 'Eqs. (7)–(9), (59)–(65): inside a cell the risk is a convex function of W̄ = diag(W_2)W_1',
  statement:
    'One hidden layer, no biases, scalar output Ŷ_i = W_2 h_{s−,s+}(W_1x_i) (W_2 a row), s− ≠ s+, a point ' +
    'inside a cell (every (W_1)_j x_i ≠ 0), A_{ji} = h′((W_1)_j x_i) the slope matrix of eq. (7). Eq. (8): ' +
    'W_2 diag(A_·i) W_1 x_i = A_·iᵀ diag(W_2) W_1 x_i, and both equal the network output (exact, d1 ≤ 3, ' +
    'dX ≤ 3). Eq. (64): A_·iᵀ W̄_1 x_i = W̄·x̂_i with W̄ = vec(diag(W_2)W_1) row by row and x̂_i = A_·i ⊗ x_i ' +
    '(eq. (63)). Eq. (65) with the squared loss (1/n)Σ(y_i − ŷ_i)²: R(W_1, W_2) = (1/n)Σ(y_i − W̄x̂_i)², a ' +
    'quadratic in W̄ whose Hessian (2/n)Σx̂_ix̂_iᵀ equals its exact second differences and is positive ' +
    'semidefinite (exact LDLᵀ inertia), and which satisfies R((u+v)/2) ≤ (R(u)+R(v))/2 at random u, v: ' +
    'convex in W̄ on the whole space for the cell\'s fixed A. Second route (z3): A from the signs of (W_1)_j x_i, ' +
    'both sides of eqs. (8), (64), the risk, q(W̄), its second differences against (2/n)Σx̂x̂ᵀ, that matrix\'s ' +
    'semidefiniteness (no z with zᵀHz < 0) and the midpoint inequality, written out.',
  checks: [identity8, convexity],
});
