// he, App. A.4, Lemma 6 and the proof of Theorem 1: spurious local minima for any piecewise linear activation.
import fc from 'fast-check';
import {
  Rational,
  RationalField,
  certifyLinearRegimeMinimum,
  discard,
  fail,
  firstLayerPreActivations,
  fitsExactly,
  forAll,
  forwardDataset,
  frobeniusSquared,
  isLinearStationary,
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
import { confirmLinearRegime, confirmTurningPointEmbedding, regimeHint } from './_confirm.ts';
import { activationOf, datasetOf, networkInstance } from './_instances.ts';

const loss = squaredError('mean');
const alpha = fc.constantFrom(Rational.of(1, 2), Rational.ONE, Rational.of(1, 3), Rational.of(3, 4));

const lemma6Instance = networkInstance('piecewise', { maxDepth: 3 }).chain((instance) =>
  fc.record({
    instance: fc.constant(instance),
    breakpoint: fc.integer({ min: 0, max: instance.activation.breakpoints.length - 1 }),
    alphas: fc.array(alpha, { minLength: instance.hidden.length - 1, maxLength: instance.hidden.length - 1 }),
  }),
);

const localMinimum = forAll({
  name: 'Lemma 6: with M from eq. (40), every pre-activation is t + (α_2⋯α_i/M)·(Lemma 5 value) ∈ (t, t + σ); Ŷ = W̃X̃; certified local minimum',
  basis: 'certified',
  arbitrary: lemma6Instance,
  check: ({ instance, breakpoint, alphas }) => {
    const data = datasetOf(instance);
    const act = activationOf(instance.activation);
    const built = linearRegimeMinimum(data, loss, { hidden: instance.hidden, activation: act, breakpoint, alphas });
    const { kink, scale: M, mirrored, prototype, fit } = built;
    if (!isLinearStationary(fit.weights, data, loss)) return undecided('the least-squares W̃ fails the normal equations');
    // Eq. (40): ‖W′_1X + b′_1 1ᵀ‖_F / M < σ (our M; if it misses, nothing about the lemma is decided).
    const z1 = firstLayerPreActivations(prototype, data.inputs);
    if (kink.sigma !== null && !frobeniusSquared(z1).lt(M.mul(M).mul(kink.sigma).mul(kink.sigma))) {
      return undecided(`the chosen M = ${M.toString()} does not meet eq. (40)`);
    }
    const hint = regimeHint({ W: fit.weights, eta: built.eta, breakpoint, scale: M, alphas });
    // The induction of Lemma 6, layer by layer (mirrored builds negate the hidden pre-activations).
    const sign = Rational.of(mirrored ? -1 : 1);
    const real = forwardDataset(built.network, data);
    const proto = forwardDataset(prototype, data);
    let c = M.inv();
    for (let l = 0; l < instance.hidden.length; l++) {
      if (l > 0) c = c.mul(alphas[l - 1]!);
      for (let i = 0; i < data.inputs.length; i++) {
        const expected = proto.traces[i]!.preActivations[l]!.map((z) => kink.t.add(c.mul(z)).mul(sign));
        const got = real.traces[i]!.preActivations[l]!;
        const offset = got.map((z) => z.mul(sign).sub(kink.t));
        const inside = offset.every((u) => u.sign() > 0 && (kink.sigma === null || u.lt(kink.sigma)));
        if (!got.every((z, j) => z.equals(expected[j]!)) || !inside) {
          return fail({ layer: l + 1, sample: i, 'pre-activations': got, expected, t: kink.t.mul(sign), sigma: kink.sigma ?? 'unbounded', hint });
        }
      }
    }
    if (!real.outputs.every((o, i) => o.every((v, k) => v.equals(fit.predictions[i]![k]!)))) return fail({ outputs: real.outputs, 'W̃X̃': fit.predictions, hint });
    const certificate = certifyLinearRegimeMinimum(built.network, data, loss);
    return certificate.certified ? pass() : undecided(`the cell argument did not certify the point: ${certificate.reason}`);
  },
  confirm: ({ instance }, witness) => confirmLinearRegime(instance, witness, { exactValues: true }),
});

const spurious = forAll({
  name: 'proof of Theorem 1: the scaled and translated Theorem 5 point (M, M̄ of eqs. (45), (46)) keeps its outputs and has risk < f(W̃)',
  basis: 'certified',
  arbitrary: networkInstance('piecewise', { maxDepth: 3 }),
  check: (instance) => {
    const data = datasetOf(instance);
    const fit = leastSquaresFit(data, loss);
    if (fitsExactly(fit, data)) return discard('a linear model fits the data (Assumption 1 fails)');
    const act = activationOf(instance.activation);
    const certificate = certifyLinearRegimeMinimum(linearRegimeMinimum(data, loss, { hidden: instance.hidden, activation: act }).network, data, loss);
    if (!certificate.certified) return undecided(`the Lemma 6 point was not certified: ${certificate.reason}`);
    const found = lowerRiskPoint(data, loss, { hidden: instance.hidden, activation: act });
    if (!found.found) return undecided(`${found.reason}; α tried: ${found.tried.map(String).join(', ')}`);
    const hint = { shallow: found.shallow, 'λ': found.lambda, scales: found.scales };
    // Every hidden pre-activation lies within σ of t, where h(t + u) = h(t) + h_{s−,s+}(u).
    const { kink } = found;
    const sign = Rational.of(found.mirrored ? -1 : 1);
    const far = forwardDataset(found.network, data).traces.some((tr) =>
      tr.preActivations.slice(0, -1).some((layer) => layer.some((z) => kink.sigma !== null && !z.mul(sign).sub(kink.t).abs().lt(kink.sigma))),
    );
    if (far) return fail({ reason: 'a pre-activation leaves (t − σ, t + σ)', t: kink.t, sigma: kink.sigma ?? 'unbounded', scales: found.scales, hint });
    // The outputs are those of the one-hidden-layer h_{s−,s+} construction (eq. (49) with Theorem 5).
    const shallow = network(RationalField, {
      layers: [
        { weights: found.shallow.W1, bias: found.shallow.b1, activation: twoPiece(RationalField, kink.sMinus, kink.sPlus) },
        { weights: found.shallow.W2, bias: found.shallow.b2 },
      ],
    });
    const expected = forwardDataset(shallow, data).outputs;
    const outputs = forwardDataset(found.network, data).outputs;
    if (!outputs.every((o, i) => o.every((v, k) => v.equals(expected[i]![k]!)))) return fail({ outputs, 'Theorem 4/5 outputs': expected, scales: found.scales, hint });
    // The search returns only a point below f(W̃) = the certified minimum's risk.
    return found.risk.lt(certificate.risk) ? pass() : undecided(`the point found has risk ${found.risk.toString()}, not below f(W̃)`);
  },
  confirm: (instance, witness) => confirmTurningPointEmbedding(instance, witness),
});

export default theorem({
  id: 'he/lemma-6',
  paper: 'he',
  title: 'Lemma 6: spurious local minima for arbitrary piecewise linear activations',
  statement:
    'Any continuous piecewise linear activation h with 1–2 breakpoints (adjacent slopes distinct), 1–3 ' +
    'hidden layers of widths ≥ dY + 1, squared loss. Lemma 6 at any turning point t (s± the one-sided slopes, ' +
    'σ the distance to the nearest other breakpoint, unbounded if none): from the Lemma 5 point (W′_i, b′_i) ' +
    'for h_{s−,s+}, W″_1 = W′_1/M, b″_1 = b′_1/M + t1, W″_i = α_iW′_i, b″_i = −α_iW′_ih(t)1 + t1 + ' +
    '(α_2⋯α_i/M)b′_i, W″_L = (M/α_2⋯α_{L−1})W′_L, b″_L = b′_L − (M/α_2⋯α_{L−1})W′_Lh(t)1, with M the least ' +
    'integer satisfying eq. (40) ‖W′_1X + b′_1 1ᵀ‖_F/M < σ and α_i ∈ (0, 1] (the printed "0 < α_i < 1" also ' +
    'admits 1 in the proof; values ½, ⅓, ¾, 1 are drawn): every layer-i pre-activation equals ' +
    't + (α_2⋯α_i/M)·(the Lemma 5 value) ∈ (t, t + σ), the output is W̃X̃, and the point is a certified local ' +
    'minimum with risk f(W̃) (cell argument). If s+ = 0 at t the build uses h̃(u) = h(−u) at −t and is ' +
    'mirrored back (then the pre-activations lie in (t − σ, t)). Spuriousness (proof of Theorem 1, ' +
    'Assumptions 1, 2, 4 at the turning point used): the Theorem 5 point scaled by M and M̄ (eqs. (45), ' +
    '(46); read as W″_2 = W′_2/M̄, b″_2 = t1 − h(t)W′_2 1/M̄ + b′_2/(MM̄), the garbled "MM" being M·M̄) keeps ' +
    'every hidden pre-activation within σ of t, computes the Theorem 5 outputs, and has risk strictly below ' +
    'f(W̃) for the α found by search (else undecided). Our M (eq. (40)), our α search and the certificates ' +
    'are ours: a miss is undecided. Second routes (z3): the Lemma 6 point rebuilt from W̃ (normal equations ' +
    'verified), η, M (eq. (40) verified) and the α_i, with its pre-activations and outputs written out; the ' +
    'proof of Theorem 1\'s point rebuilt from the one-hidden-layer point, λ and M, M̄ (eqs. (34), (45), (46) ' +
    'verified), with the window around t and the outputs written out.',
  checks: [localMinimum, spurious],
});
