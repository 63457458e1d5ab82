// decomposition, Corollary 2.7: L_f is non-convex and non-concave, its differentiable local minima are subglobal minima, its other critical points saddles.
import {
  Rational,
  classifyPoint,
  currentPattern,
  discard,
  empiricalRisk,
  fail,
  flattenParameters,
  forAll,
  lossDerivatives,
  negativeDirection,
  inertiaCounts,
  pass,
  passIf,
  regionCriticalPoint,
  subglobalMinimum,
  theorem,
  undecided,
  unflattenParameters,
  rationalDot as dot,
  type Dataset,
  type Network,
  type OneHiddenLayerPoint,
  type Witness,
} from '../../src/index.ts';
import { WITH_BIASES, criticalRegionInstance, describeInstance, loss, networkInstance, networkOf, otherCells, show, type CriticalRegionInstance } from './_fixed.ts';
import { confirmExtremumAboveSubglobal, confirmReluProofPointNotIndefinite, witnessPoint } from './_confirm.ts';

const half = Rational.of(1, 2);
const relu = (z: Rational): Rational => (z.sign() > 0 ? z : Rational.ZERO);

/** Unit 0 made active on every sample (b_0 = 1 − min_i w_0ᵀx_i, eq. (5)), v_0 = 0, and c so large that f(x_i) > y_i. */
function proofPoint({ data, point }: { data: Dataset<Rational>; point: OneHiddenLayerPoint }): OneHiddenLayerPoint {
  const w0 = point.weights[0]!;
  const b0 = Rational.ONE.sub(data.inputs.map((x) => dot(w0, x)).reduce((m, v) => (v.lt(m) ? v : m)));
  const biases = point.biases!.map((b, j) => (j === 0 ? b0 : b));
  const v = point.outputWeights.map((x, j) => (j === 0 ? Rational.ZERO : x));
  const moved = { ...point, biases, outputWeights: v, outputBias: Rational.ZERO };
  const outputs = data.inputs.map((x) => moved.weights.reduce((s, w, j) => s.add(v[j]!.mul(relu(dot(w, x).add(biases[j]!)))), Rational.ZERO));
  const c = data.targets.map((t, i) => t[0]!.sub(outputs[i]!)).reduce((m, r) => (r.gt(m) ? r : m)).add(Rational.ONE);
  return { ...moved, outputBias: c };
}

/** t = 2^−k (k < 60) with L_f(θ+td) + L_f(θ−td) − 2L_f(θ) of the given sign (d scaled to ‖d‖∞ = 1), or null. */
function midpointGap(net: Network<Rational>, data: Dataset<Rational>, direction: readonly Rational[], sign: -1 | 1) {
  const size = direction.reduce((m, v) => (v.abs().gt(m) ? v.abs() : m), Rational.ZERO);
  const d = direction.map((v) => v.div(size));
  const theta = flattenParameters(net);
  const L = (t: Rational) => empiricalRisk(unflattenParameters(net, theta.map((v, k) => v.add(t.mul(d[k]!)))), data, loss);
  const centre = L(Rational.ZERO);
  for (let k = 0, t = Rational.ONE; k < 60; k++, t = t.mul(half)) {
    if (L(t).add(L(t.neg())).sub(centre.add(centre)).sign() === sign) return t;
  }
  return null;
}

const shape = forAll({
  name: '(1) at the proof\'s point the Hessian of L_f is indefinite and exact points along its directions violate convexity and concavity',
  basis: 'exact',
  arbitrary: networkInstance(true),
  check: (instance) => {
    const point = proofPoint(instance);
    const net = networkOf(point);
    const { breakpoints } = currentPattern(net, instance.data);
    if (breakpoints.length > 0) return discard('the moved point has a zero pre-activation');
    const H = lossDerivatives(net, instance.data, loss).hessian;
    const [down, up] = [negativeDirection(H), negativeDirection(H.neg())];
    const inertia = inertiaCounts(H);
    if (!down || !up) return fail({ ...describeInstance({ data: instance.data, point }), inertia });
    // The indefinite Hessian at a differentiable point already rules out convexity and concavity; the
    // points exhibit it, and a search that finds none decides nothing.
    const notConvex = midpointGap(net, instance.data, down, -1);
    const notConcave = midpointGap(net, instance.data, up, 1);
    if (notConvex === null || notConcave === null) {
      return undecided(`Hessian indefinite (inertia ${inertia.positive}+, ${inertia.negative}−, ${inertia.zero} zero) but no ${notConvex === null ? 'convexity' : 'concavity'}-violating pair within 60 halvings`);
    }
    return pass();
  },
  confirm: ({ data, point }) => confirmReluProofPointNotIndefinite(data, { weights: point.weights, biases: point.biases!, outputWeights: point.outputWeights, outputBias: point.outputBias! }),
});

const isMin = (kind: string) => kind === 'local-min' || kind === 'strict-local-min' || kind === 'locally-constant';
const isMax = (kind: string) => kind === 'local-max' || kind === 'strict-local-max' || kind === 'locally-constant';

/** A differentiable critical point of L_f in the region, its classification and its region's subglobal minimum. */
function classified({ data, region, stationary }: CriticalRegionInstance) {
  const { critical, reason } = regionCriticalPoint(data, region, stationary, WITH_BIASES, otherCells(data));
  if (!critical) return { reason };
  const point = critical.point;
  const net = networkOf(point);
  const k = classifyPoint(net, data, loss);
  // The subglobal minimum of θ's own activation values (read from the network, not from the construction).
  const { pattern } = currentPattern(net, data);
  const activations = pattern.map((p) => p[0]!.map((pos) => (pos === 2 ? Rational.ONE : Rational.ZERO)));
  const minimum = subglobalMinimum(data, activations, WITH_BIASES).value;
  const witness = () => ({
    inputs: data.inputs.map(show),
    targets: data.targets.map((t) => String(t[0])),
    W: point.weights.map(show),
    b: show(point.biases!),
    v: show(point.outputWeights),
    c: String(point.outputBias),
    kind: k.kind,
    basis: k.basis,
    value: String(k.value),
    'subglobal minimum': String(minimum),
    reason: `${k.localMin.nonStrict.reason}; ${k.localMax.nonStrict.reason}`,
  });
  // The construction solves ∇L = 0 inside an open region by design; anything else is a construction bug, not a finding.
  if (!k.differentiable || k.critical !== true) throw new Error(`internal: constructed point is not a differentiable critical point (${JSON.stringify(witness())})`);
  return { k, minimum, witness };
}

/** Second route of (2) and (3): θ from the witness, a local minimum (maximum) of L_f above the subglobal minimum. */
const confirmExtremumAbove = ({ data }: CriticalRegionInstance, witness: Witness) =>
  confirmExtremumAboveSubglobal(data, witnessPoint(witness), isMin(String(witness.kind)) ? 'minimum' : 'maximum');

const localMinimaSubglobal = forAll({
  name: '(2) every differentiable local minimum found by classifyPoint has the subglobal minimum value of its region',
  basis: 'certified',
  arbitrary: criticalRegionInstance('any'),
  check: (instance) => {
    const r = classified(instance);
    if (!r.k) return discard(r.reason!);
    if (r.k.basis === 'evidence') return undecided(`classifyPoint: ${r.k.kind} on evidence only`);
    return isMin(r.k.kind) ? passIf(r.k.value.equals(r.minimum), r.witness) : pass();
  },
  confirm: confirmExtremumAbove,
});

const otherCriticalSaddles = forAll({
  name: '(3) every differentiable critical point above its region\'s subglobal minimum is a saddle (classifyPoint, certified)',
  basis: 'certified',
  arbitrary: criticalRegionInstance('saddle-prone'),
  check: (instance) => {
    const r = classified(instance);
    if (!r.k) return discard(r.reason!);
    if (r.k.value.equals(r.minimum)) return pass();
    if (r.k.kind === 'saddle' && r.k.basis !== 'evidence') return pass();
    // Only a certified local minimum or maximum contradicts "saddle"; anything less decided is open.
    if (r.k.basis === 'evidence' || !(isMin(r.k.kind) || isMax(r.k.kind))) return undecided(`classifyPoint: ${r.k.kind} (${r.k.basis})`);
    return fail(r.witness());
  },
  confirm: confirmExtremumAbove,
});

export default theorem({
  id: 'decomposition/corollary-2.7',
  paper: 'decomposition',
  title: 'Corollary 2.7: differentiable local minima of L_f are subglobal minima; other critical points are saddles',
  statement:
    'L_f = ½Σ(vᵀσ(Wx_i + b) + c − y_i)² with ReLU σ. (1) Non-convex and non-concave: at the proof\'s point of ' +
    'Thm 2.5 (unit 0 active on every sample via b_0 = 1 − min_i w_0ᵀx_i, v_0 = 0, c so large that f(x_i) > y_i; ' +
    'differentiable) the exact Hessian is indefinite and exact points θ ± td along its negative (positive) ' +
    'direction d (scaled to ‖d‖∞ = 1) violate the midpoint inequality of convexity (concavity); a search that ' +
    'finds no such pair leaves the case undecided. (2), (3) A subglobal minimum is read ' +
    'as θ with L_f(θ) equal to the least value of L_gA for θ\'s own activation values A (Def. 2.6). ' +
    'Differentiable critical points are generated in random open regions for random sets S of units with ' +
    'v_j ≠ 0 (restricted minimiser realised inside the cells, v_j = ±1; the other units v_j = 0 with w̃_j in ' +
    'the open cell on g_j^⊥; exact LPs — every differentiable critical point has this form, the LP picks one ' +
    'per region and S). They are classified by classifyPoint (exact gradient, LDLᵀ inertia, certified rays, ' +
    'reparametrisation certificate) and compared with the exact subglobal minimum of their current pattern: ' +
    '(2) every one certified a local minimum (strict, non-strict or locally constant) has the subglobal minimum ' +
    'value; (3) none above it is a certified local minimum or maximum (a point the classifier leaves partly ' +
    'undecided is undecided).',
  checks: [shape, localMinimaSubglobal, otherCriticalSaddles],
});
