// he, Theorem 1: infinitely many spurious local minima, for any depth and piecewise linear activation.
import {
  Rational,
  certifyLinearRegimeMinimum,
  discard,
  etaBound,
  fail,
  firstLayerPreActivations,
  fitsExactly,
  flattenParameters,
  isLinearStationary,
  forAll,
  leastSquaresFit,
  linearRegimeMinimum,
  lemma5Network,
  lowerRiskPoint,
  orientKink,
  pass,
  scaleFor,
  squaredError,
  theorem,
  undecided,
  type Activation,
  type Dataset,
} from '../../src/index.ts';
import { confirmLinearRegime, regimeHint } from './_confirm.ts';
import { activationOf, datasetOf, networkInstance } from './_instances.ts';

const loss = squaredError('mean');
const MEMBERS = 5;

/** The Lemma 6 point at η with M fixed (the one valid at the far end of the family). */
function member(data: Dataset<Rational>, act: Activation<Rational>, hidden: number[], eta: Rational, scale: Rational) {
  return linearRegimeMinimum(data, loss, { hidden, activation: act, eta, scale });
}

const family = forAll({
  name: 'η ↦ θ(η) on [η_b, η_a] is a segment of distinct certified local minima, all of risk f(W̃) > the risk of an exhibited point',
  basis: 'certified',
  arbitrary: networkInstance('piecewise', { maxDepth: 3 }),
  check: (instance) => {
    const data = datasetOf(instance);
    const fit = leastSquaresFit(data, loss);
    if (fitsExactly(fit, data)) return discard('a linear model fits the data (Assumption 1 fails)');
    if (!isLinearStationary(fit.weights, data, loss)) return undecided('the least-squares W̃ fails the normal equations');
    const act = activationOf(instance.activation);
    const etaA = etaBound(fit).sub(Rational.ONE);
    const etaB = etaA.sub(Rational.of(3));
    // M from eq. (40) at η_b, where the pre-activations are largest; it then serves the whole family.
    const { kink } = orientKink(act, 0);
    const far = lemma5Network(fit, instance.hidden, kink.sMinus, kink.sPlus, etaB);
    const scale = scaleFor(firstLayerPreActivations(far, data.inputs), kink.sigma);
    const etas = Array.from({ length: MEMBERS }, (_, k) => etaB.add(etaA.sub(etaB).mul(Rational.of(k, MEMBERS - 1))));
    const members = etas.map((eta) => member(data, act, instance.hidden, eta, scale));
    const thetas = members.map((m) => flattenParameters(m.network));
    const certificates = members.map((m) => certifyLinearRegimeMinimum(m.network, data, loss));
    const broken = certificates.findIndex((c) => !c.certified);
    if (broken >= 0) {
      // Each member is a Lemma 6 point (η < min(0, min W̃X̃), M meets eq. (40) at η_b hence at η): not one piece per unit, or Ŷ ≠ W̃X̃, fails the lemma.
      const c = certificates[broken]!;
      const m = members[broken]!;
      const hint = regimeHint({ W: fit.weights, eta: etas[broken]!, breakpoint: 0, scale, alphas: m.alphas });
      return fail({ eta: etas[broken]!, scale, reason: c.certified ? '' : c.reason, hint });
    }
    // Distinct points: consecutive members differ in some parameter.
    const same = thetas.findIndex((t, k) => k > 0 && t.every((v, i) => v.equals(thetas[k - 1]![i]!)));
    if (same >= 0) return undecided(`two members of our family coincide (η = ${etas[same - 1]!.toString()}, ${etas[same]!.toString()})`);
    // θ is affine in η: the middle member is the average of the ends.
    const mid = Math.floor(MEMBERS / 2);
    const affine = thetas[mid]!.every((v, i) => v.equals(thetas[0]![i]!.add(thetas[MEMBERS - 1]![i]!).div(Rational.of(2))));
    if (!affine) return undecided('θ(η) of our family is not affine in η');
    // Same piece per unit at both ends: with θ affine in η, every pre-activation on the segment stays in it.
    const ends = [certificates[0]!, certificates[MEMBERS - 1]!].map((c) => (c.certified ? c.pieces.flat().join(',') : ''));
    if (ends[0] !== ends[1]) return undecided('the ends of our family lie in different cells');
    const better = lowerRiskPoint(data, loss, { hidden: instance.hidden, activation: act });
    if (!better.found) return undecided(`${better.reason}; α tried: ${better.tried.map(String).join(', ')}`);
    return better.risk.lt(fit.risk) ? pass() : undecided(`the point found has risk ${better.risk.toString()}, not below f(W̃)`);
  },
  confirm: (instance, witness) => confirmLinearRegime(instance, witness, { exactValues: true }),
});

export default theorem({
  id: 'he/theorem-1',
  paper: 'he',
  title: 'Theorem 1: infinitely many spurious local minima for any depth and piecewise linear activation',
  statement:
    'Networks with 1–3 hidden layers of widths ≥ dY + 1, any continuous piecewise linear non-linear ' +
    'activation with a turning point where s− + s+ ≠ 0 (1–2 breakpoints), data with distinct inputs that a ' +
    'linear model does not fit; loss: the squared loss (the theorem\'s "any continuously differentiable loss ' +
    'whose gradient vanishes only at the label" is instantiated; other losses are not checked, the ' +
    'construction needs a minimiser W̃ of the linear risk, which is not rational for cross-entropy). The ' +
    'constructed local minima form a continuum: for η ∈ [η_b, η_a], η_a = min(0, min W̃X̃) − 1, ' +
    'η_b = η_a − 3, and M fixed by eq. (40) at η_b, the Lemma 6 points θ(η) are certified local minima ' +
    '(every unit sees all samples strictly inside one linear piece, output W̃X̃: the cell argument) at five ' +
    'equally spaced members, all with risk f(W̃), pairwise distinct; θ is affine ' +
    'in η (the middle member is the mean of the ends, exactly) and both ends put every unit in the same ' +
    'piece, so every θ(η) of the segment lies in that cell with output W̃X̃: a continuum of local minima of ' +
    'risk f(W̃). They are spurious: the construction of the proof of Theorem 1 (Theorems 4/5 scaled by M, M̄) ' +
    'has exact risk strictly below f(W̃) (α found by search, else undecided). The family (η range, M at η_b) ' +
    'is our choice: coinciding or non-affine members, ends in different cells, or no lower point found are ' +
    'undecided; a member that is not in one piece per unit (or whose output is not W̃X̃) fails Lemma 6, ' +
    'confirmed by z3 on the member rebuilt from W̃, η and M.',
  checks: [family],
});
