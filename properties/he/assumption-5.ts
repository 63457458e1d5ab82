// he, §3.2 Assumption 5 and App. A.4 Corollary 3: spurious minima without Assumption 4.
import {
  Rational,
  RationalField,
  certifyLinearRegimeMinimum,
  discard,
  fitsExactly,
  forAll,
  forwardDataset,
  leastSquaresFit,
  linearRegimeMinimum,
  lowerRiskPoint,
  network,
  pass,
  squaredError,
  theorem,
  twoPiece,
  undecided,
} from '../../src/index.ts';
import { activationOf, datasetOf, networkInstance } from './_instances.ts';

const loss = squaredError('mean');

const corollary3 = forAll({
  name: 'every turning point has s− + s+ = 0, d_1 ≥ dY + 2, d_i ≥ dY + 1: certified local minima of risk f(W̃) and a point of lower risk',
  basis: 'certified',
  cannotFail: 'Corollary 3 is an existence statement: a construction that does not come out is undecided, and no instance can refute it',
  arbitrary: networkInstance('symmetric', { maxDepth: 3, firstExtra: 1 }),
  check: (instance) => {
    const data = datasetOf(instance);
    const fit = leastSquaresFit(data, loss);
    if (fitsExactly(fit, data)) return discard('a linear model fits the data (Assumption 1 fails)');
    const act = activationOf(instance.activation);
    // The generator draws only activations where Assumption 4 fails at every turning point.
    if (act.breakpoints.some((_, k) => !act.slopes[k]!.add(act.slopes[k + 1]!).isZero())) return discard('Assumption 4 holds at some turning point');
    const minimum = linearRegimeMinimum(data, loss, { hidden: instance.hidden, activation: act });
    const certificate = certifyLinearRegimeMinimum(minimum.network, data, loss);
    if (!certificate.certified) return undecided(`the Lemma 6 point was not certified: ${certificate.reason}`);
    const found = lowerRiskPoint(data, loss, { hidden: instance.hidden, activation: act });
    if (!found.found) return undecided(`${found.reason}; α tried: ${found.tried.map(String).join(', ')}`);
    if (found.construction !== 'corollary-3') return undecided(`the search used ${found.construction}'s construction, not Corollary 3's`);
    const { parameters: p, separation: sep, kink } = found;
    // Corollary 3's outputs: row k becomes Ŷ_k − γ on I and Ŷ_k + γ on J, the other rows are unchanged.
    const inFirst = new Set(sep.first);
    const expected = fit.predictions.map((y, j) => y.map((v, i) => (i !== p.row ? v : inFirst.has(j) ? v.sub(p.gamma) : v.add(p.gamma))));
    const shallow = network(RationalField, {
      layers: [
        { weights: found.shallow.W1, bias: found.shallow.b1, activation: twoPiece(RationalField, kink.sMinus, kink.sPlus) },
        { weights: found.shallow.W2, bias: found.shallow.b2 },
      ],
    });
    const same = (a: Rational[][]): boolean => a.every((o, j) => o.every((v, i) => v.equals(expected[j]![i]!)));
    // The point is our completion of a construction the paper leaves to "modifications": a miss is ours.
    if (!same(forwardDataset(shallow, data).outputs)) return undecided('our completion of Corollary 3\'s one-hidden-layer point does not output Ŷ ∓ γ');
    if (!same(forwardDataset(found.network, data).outputs)) return undecided('our deepened and embedded Corollary 3 point does not output Ŷ ∓ γ');
    // The search returns only a point below f(W̃) = the certified minimum's risk.
    return found.risk.lt(certificate.risk) ? pass() : undecided(`the point found has risk ${found.risk.toString()}, not below f(W̃)`);
  },
});

export default theorem({
  id: 'he/assumption-5',
  paper: 'he',
  title: 'Assumption 5 / Corollary 3: spurious local minima without Assumption 4',
  statement:
    'Activations whose every turning point has s− + s+ = 0 (slopes alternating ±s: h = s|x − t| + c and ' +
    'the like, 1–2 breakpoints), so Assumption 4 fails; widths d_1 ≥ dY + 2, d_i ≥ dY + 1 (Assumption 5, ' +
    'd_1 = dY + 2 included), 1–3 hidden layers, squared loss, Assumptions 1, 2. The Lemma 6 points (which do ' +
    'not use Assumption 4) are certified local minima of risk f(W̃). Corollary 3\'s point, completed where ' +
    'the paper leaves it to "modifications": hidden units (W̃_k − αβᵀ, W̃_{k,dX+1} − η_1 + γ), (W̃_k, ' +
    'W̃_{k,dX+1} − η), (−W̃_k + αβᵀ, −W̃_{k,dX+1} + η_1 + γ), the other rows passed through, read out by ' +
    '[1/(2s+), 1/s+, −1/(2s+)] with bias η (the garbled matrix read so that, as the text derives, row k of the ' +
    'output becomes Ŷ_k − γ on I and Ŷ_k + γ on J), sgn γ = sgn Σ_{i∈I}V_{k,i}; deeper layers as in ' +
    'Theorem 5 and the scaling of Theorem 1\'s proof at the turning point: its outputs are exactly Ŷ ∓ γ and ' +
    'its exact risk is strictly below f(W̃) for the α found by search (α = 2^{−k}, the first at which (1.1) ' +
    'holds and g_{l0} = v_{l0} − αβᵀx_{l0} is the largest g_i over I, as "α small enough" gives, so that η_1 ' +
    'lies between I and J). Nothing of the corollary is left unconstructed here; but the point is our ' +
    'completion, so a point whose outputs are not Ŷ ∓ γ, a Lemma 6 point not certified, or no α found is ' +
    'undecided, never a refutation: the corollary is an existence statement and this check cannot refute it.',
  checks: [corollary3],
});
