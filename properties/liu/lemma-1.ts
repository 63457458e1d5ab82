// liu, Lemma 1 / App. A: every differentiable local minimum of L(z, w) is a stationary point of L(R).
import {
  allConfirmed,
  classifyPoint,
  fail,
  forAll,
  oneHiddenLayerNetwork,
  pass,
  squaredError,
  theorem,
  undecided,
  discard,
} from '../../src/index.ts';
import { candidates } from './_candidates.ts';
import { blocksOf, dataWitness, indicators, pointWitness, showRows, squaredLossGradientInR } from './_cells.ts';
import { differentiableAt, gradientInR, localExtremum, someNonZero } from './_confirm.ts';

const ROUTE = 'z3 on L(z, w) and ∂L/∂R written from the raw instance';

const loss = squaredError('mean');

const stationary = forAll({
  name: 'a differentiable point the classifier certifies as a local minimum has ∂L/∂R_j = 0 for every j, units with z_j = 0 included',
  basis: 'certified',
  arbitrary: candidates(['cell-minimum', 'saddle', 'cell-point']),
  check: ({ family, data, point }) => {
    const k = classifyPoint(oneHiddenLayerNetwork(point), data, loss);
    if (!k.differentiable) return discard('the point is not differentiable');
    const I = indicators(data.inputs, point.weights);
    const gradient = squaredLossGradientInR(data, I, blocksOf(point));
    const nonZero = gradient.flatMap((g, j) => (g.some((v) => !v.isZero()) ? [j] : []));
    const min = k.localMin.nonStrict;
    const witness = () => ({
      family,
      ...dataWitness(data),
      ...pointWitness(point),
      'dL/dR': showRows(gradient),
      'units with dL/dR_j ≠ 0': nonZero,
      classifier: k.kind,
      reason: min.reason,
    });
    if (min.holds === true && min.basis !== 'evidence') return nonZero.length === 0 ? pass() : fail(witness());
    if (min.holds === false) return pass();
    // Undecided points only matter when they could contradict the lemma.
    return nonZero.length === 0 ? pass() : undecided(`classifier undecided at a point with ∂L/∂R ≠ 0: ${min.reason}`);
  },
  confirm: async ({ data, point }) =>
    allConfirmed(ROUTE, [
      await differentiableAt(`${ROUTE}: differentiable`, data, point),
      await localExtremum(`${ROUTE}: local minimum`, data, point, 'minimum'),
      await someNonZero(`${ROUTE}: ∂L/∂R ≠ 0`, 'some entry of ∂L/∂R_j = (2/N)Σ_i e_i I_ij x_i is non-zero', gradientInR(data, point).flat()),
    ]),
});

export default theorem({
  id: 'liu/lemma-1',
  paper: 'liu',
  title: 'Lemma 1: differentiable local minima of L(z, w) have ∂L/∂R_j = 0 for all j',
  statement:
    'Squared loss L(z, w) = (1/N)Σ_i(Σ_j z_j[w_j·x_i]_+ − y_i)², homogeneous inputs (x, 1), K ≤ 2 units, N ≤ 3. ' +
    'At every differentiable local minimum (all w_j·x_i ≠ 0) the gradient of L(R) of eq. (2), ' +
    '∂L/∂R_j = (2/N)Σ_i e_i I_ij x_i with e_i = Σ_k I_ik R_k·x_i − y_i, vanishes for every unit j — also for ' +
    'units with z_j = 0, where ∂L/∂w_j = z_j ∂L/∂R_j = 0 says nothing. Local minimality is decided by the ' +
    'independent classifier classifyPoint (exact gradient in (z, w), LDLᵀ inertia of the exact Hessian, ' +
    'certified descent rays, the reparametrised certificate); ∂L/∂R is computed exactly from the formula. ' +
    'Candidates: minimisers of the cell\'s L(R) realised inside the open cell (z_j = ±1 or z_j = 0 with R_j = 0), ' +
    'the critical points of Theorem 2 (z_j = 0, w_j on (C.4), ∂L/∂R_j ≠ 0: the case the lemma excludes from ' +
    'being a minimum) and arbitrary points of open cells with small z (dead cells included). A point with ' +
    '∂L/∂R ≠ 0 the classifier cannot decide makes the verdict inconclusive.',
  checks: [stationary],
});
