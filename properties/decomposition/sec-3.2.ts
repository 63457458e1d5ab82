// decomposition, §3.2: a hidden node whose activations are all zero keeps every local minimum.
import fc from 'fast-check';
import {
  Rational,
  addDeadUnit,
  classifyPoint,
  dataset,
  discard,
  empiricalRisk,
  fail,
  flattenParameters,
  forAll,
  genuineness,
  linearRegionPoint,
  oneHiddenLayerNetwork,
  pass,
  rationalVector,
  realizableRegion,
  regionActivations,
  smallRational,
  squaredError,
  subglobalMinimum,
  theorem,
  undecided,
  unconfirmed,
  unflattenParameters,
  type Confirmation,
  type Dataset,
  type Network,
  type OneHiddenLayerPoint,
  type PointClassification,
  type RayExpansion,
  type Sign,
  type Witness,
} from '../../src/index.ts';
import { confirmDeadUnitBreaksMinimum, matrix, rational, rationals } from './_confirm.ts';

const loss = squaredError('half-sum');

/**
 * A local minimum of the smaller network: the §3.1 linear-region point (hidden weights = the identity)
 * or the genuine subglobal minimum of a realizable region, placed inside its open region.
 */
const smallerNetwork = fc
  .record({ data: dataset({ minDim: 1, maxDim: 2, minPoints: 2, maxPoints: 4 }), units: fc.integer({ min: 1, max: 2 }), fromRegion: fc.boolean() })
  .chain((p) => realizableRegion(p.data.inputs, p.units, { bias: true }).map((region) => ({ ...p, region })));

/** w ≠ 0: with w = 0 every sample would sit on the kink; the claim is checked in the less degenerate case. */
const newUnit = (d: number) =>
  fc.record({ weight: rationalVector(d, { maxNumerator: 3, maxDenominator: 1 }).filter((w) => w.some((v) => !v.isZero())), outgoing: smallRational({ maxNumerator: 2, maxDenominator: 2 }) });

function basePoint(p: { data: Dataset<Rational>; fromRegion: boolean; region: Sign[][] }): OneHiddenLayerPoint | null {
  if (p.fromRegion) {
    const m = subglobalMinimum(p.data, regionActivations(p.region), { bias: true, outputBias: true, normalisation: 'half-sum' });
    const g = genuineness(m, p.region);
    if (g.genuine) return g.point;
  }
  const d = p.data.inputs[0]!.length;
  const identity = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, k) => (i === k ? Rational.ONE : Rational.ZERO)));
  const built = linearRegionPoint(p.data, identity, 'half-sum');
  return built.realisable ? built.point : null;
}

/** A step t = 2^−k at which the real loss (a plain forward pass) is below L(θ): the descent confirmed without the classifier. */
function confirmDescent(net: Network<Rational>, data: Dataset<Rational>, ray: RayExpansion, value: Rational): { t: Rational; loss: Rational } | null {
  const theta = flattenParameters(net);
  let t = Rational.ONE;
  for (let k = 0; k < 64; k++, t = t.div(Rational.fromInt(2))) {
    const moved = unflattenParameters(net, theta.map((v, i) => v.add(t.mul(ray.direction[i]!))));
    const at = empiricalRisk(moved, data, loss);
    if (at.lt(value)) return { t, loss: at };
  }
  return null;
}

type Instance = { data: Dataset<Rational>; fromRegion: boolean; region: Sign[][]; weight: Rational[]; outgoing: Rational; margin: Rational };

const instances = (margin: fc.Arbitrary<Rational>): fc.Arbitrary<Instance> =>
  smallerNetwork.chain((p) => fc.tuple(newUnit(p.data.inputs[0]!.length), margin).map(([u, m]) => ({ ...p, ...u, margin: m })));

/** Classifies the smaller network's point and the point with the added unit. */
function compare(instance: Instance) {
  const { data } = instance;
  const base = basePoint(instance);
  if (base === null) return { kind: 'skip', reason: 'no local minimum of the smaller network from this instance' } as const;
  const small = addDeadUnit(base, data.inputs, instance.weight, instance.outgoing, { margin: instance.margin });
  const before = classifyPoint(oneHiddenLayerNetwork(base), data, loss);
  const premise = before.localMin.nonStrict;
  if (premise.holds === false) return { kind: 'skip', reason: `the smaller network's point is not a local minimum (${premise.reason})` } as const;
  if (premise.holds === null || premise.basis === 'evidence') {
    return { kind: 'open', reason: `local minimality of the smaller network's point not certified: ${premise.reason}` } as const;
  }
  const after = classifyPoint(small.network, data, loss);
  return { kind: 'classified', base, built: small, before, after } as const;
}

/** The descent direction a certificate of "not a local minimum" gives: the ray's, or −∇L. */
function descentOf(min: PointClassification['localMin']['nonStrict']): { direction: Rational[]; ray: RayExpansion | null } | null {
  const c = min.certificate;
  if (c?.kind === 'ray') return { direction: [...c.expansion.direction], ray: c.expansion };
  if (c?.kind === 'gradient') return { direction: c.gradient.map((g) => g.neg()), ray: null };
  return null;
}

function verdict(instance: Instance, after: PointClassification, value: Rational, built: ReturnType<typeof addDeadUnit>, data: Dataset<Rational>) {
  const min = after.localMin.nonStrict;
  const point = {
    inputs: data.inputs,
    targets: data.targets.map((t) => t[0]!),
    hiddenWeights: built.point.weights,
    hiddenBiases: built.point.biases,
    outputWeights: built.point.outputWeights,
    outputBias: built.point.outputBias,
    'new unit (last row): pre-activations wᵀx_i + b': built.preactivations,
    loss: value,
  };
  if (!after.value.equals(value)) return fail({ ...point, reason: 'the loss changed', after: after.value, margin: instance.margin });
  if (min.holds === null || min.basis === 'evidence') return undecided(`local minimality of the larger network not certified: ${min.reason}`);
  if (min.holds) return pass();
  const descent = descentOf(min);
  const confirmed = descent?.ray ? confirmDescent(built.network, data, descent.ray, value) : null;
  return fail({
    ...point,
    reason: min.reason,
    ...(descent ? { descentDirection: descent.direction } : {}),
    ...(descent?.ray ? { 'L(θ + tX) − L(θ) coefficients': descent.ray.coefficients.slice(1) } : {}),
    ...(confirmed ? { 'step t': confirmed.t, 'L(θ + tX) by a forward pass': confirmed.loss } : {}),
    margin: instance.margin,
  });
}

/**
 * Second route: θ of the smaller network (the witness's first units) a local minimum by z3, and the
 * larger network — θ plus the unit rebuilt from the instance's raw numbers — losing value along the
 * witness's descent direction (or having another loss).
 */
function confirmNotKept(instance: Instance, witness: Witness): Promise<Confirmation> {
  const K = (witness.hiddenWeights as unknown[]).length - 1;
  const first = <T>(xs: T[]) => xs.slice(0, K);
  const small = {
    weights: first(matrix(witness.hiddenWeights)),
    biases: first(rationals(witness.hiddenBiases)),
    outputWeights: first(rationals(witness.outputWeights)),
    outputBias: rational(witness.outputBias),
  };
  const unit = { weight: instance.weight, outgoing: instance.outgoing, margin: instance.margin };
  if (witness.reason === 'the loss changed') return confirmDeadUnitBreaksMinimum(instance.data, small, unit, null);
  if (!Array.isArray(witness.descentDirection)) return Promise.resolve(unconfirmed('z3', 'the witness has no descent direction to check'));
  return confirmDeadUnitBreaksMinimum(instance.data, small, unit, rationals(witness.descentDirection));
}

const asWritten = forAll({
  name: 'as written: b = −max_i wᵀx_i (the unit sits on its kink at the maximising sample) keeps the local minimum',
  basis: 'certified',
  arbitrary: instances(fc.constant(Rational.ZERO)),
  check: (instance) => {
    const r = compare(instance);
    if (r.kind === 'skip') return discard(r.reason);
    if (r.kind === 'open') return undecided(r.reason);
    return verdict(instance, r.after, r.before.value, r.built, instance.data);
  },
  confirm: confirmNotKept,
});

const strictlyDead = forAll({
  name: 'strictly dead: b < −max_i wᵀx_i keeps the local minimum and its loss',
  basis: 'certified',
  arbitrary: instances(smallRational({ positive: true, maxNumerator: 2, maxDenominator: 2 })),
  check: (instance) => {
    const r = compare(instance);
    if (r.kind === 'skip') return discard(r.reason);
    if (r.kind === 'open') return undecided(r.reason);
    // b = −max_i wᵀx_i − m with m > 0 leaves every pre-activation ≤ −m: anything else is a construction bug.
    if (r.built.preactivations.some((z) => z.sign() >= 0)) return undecided(`internal: the new unit is not strictly inactive (${r.built.preactivations.join(', ')})`);
    return verdict(instance, r.after, r.before.value, r.built, instance.data);
  },
  confirm: confirmNotKept,
});

export default theorem({
  id: 'decomposition/sec-3.2',
  paper: 'decomposition',
  title: '§3.2: adding a hidden node with all activations zero keeps every local minimum and its loss',
  statement:
    'One hidden ReLU layer with biases, ½Σ squared loss. θ is a local minimum of the network f with K units (instances: ' +
    'the §3.1 linear-region point, or the genuine subglobal minimum of a realizable region placed inside its open region; ' +
    'each certified a local minimum by the classifier; a point it cannot certify is undecided). f\' adds a unit with any weights w ≠ 0 (w = 0 would put every ' +
    'sample on the kink), outgoing weight v and bias b; ' +
    'h_i = x_i. Claim: (θ, w, b, v) is a local minimum of f\' with the loss of θ. Two readings are checked separately, ' +
    'each with the independent classifier of the real loss: (1) as written, b = −max_i wᵀx_i — then wᵀx_i + b = 0 at ' +
    'the maximising sample, a kink of the new unit, and the unit can be switched on; (2) strictly dead, b = −max_i wᵀx_i − m ' +
    'with m > 0, so that no pre-activation of the new unit is 0 and the unit stays off near θ. A refutation of (1) ' +
    'records the descent direction, its exact one-sided loss polynomial and a step t whose loss, by a plain forward ' +
    'pass, is below L(θ); it counts once z3 confirms it from the raw numbers: θ is a local minimum of the smaller ' +
    'network (every sign kept on a small box, and L(θ) the least value of ½‖AR − y‖² for θ\'s activation values), ' +
    'and the larger network\'s loss is below L(θ) for every t in (0, t₀] along the direction. Switching the unit on at a maximising sample i changes the loss by v·r_i·s + O(s²) for a ' +
    'small activation s (r_i the residual), and with v = 0 by a second-order term whose sign can be chosen through v: ' +
    'so reading (1) can fail whenever the maximising sample is not fitted exactly, while reading (2) holds because the ' +
    'loss near the point does not depend on the new unit.',
  checks: [asWritten, strictlyDead],
});
