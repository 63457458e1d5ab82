// decomposition, §3.1 eq. (5): the linear region holds a local minimum with the linear-regression loss.
import fc from 'fast-check';
import {
  Matrix,
  Rational,
  RationalField,
  classifyPoint,
  dataset,
  discard,
  empiricalRisk,
  fail,
  forAll,
  forwardDataset,
  linearRegionPoint,
  lossDerivatives,
  pass,
  squaredError,
  theorem,
  undecided,
  rationalDot as dot,
  type Dataset,
} from '../../src/index.ts';
import { refutingDirection } from './_fixed.ts';
import { confirmLinearRegionPointFails, rational, rationals } from './_confirm.ts';

const loss = squaredError('half-sum');
const integerRow = (d: number) => fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }).map((r) => r.map((v) => Rational.fromInt(v)));

/** Data and K ∈ {d, d+1} hidden weight rows (the construction needs uᵀ in the row space of W). */
const instance = dataset({ minDim: 1, maxDim: 2, minPoints: 1, maxPoints: 4 }).chain((data) => {
  const d = data.inputs[0]!.length;
  return fc.integer({ min: d, max: d + 1 }).chain((K) => fc.array(integerRow(d), { minLength: K, maxLength: K }).map((weights) => ({ data, weights })));
});

/** Xᵀ(Xβ − y) with X = [x_i, 1]: zero iff β = (u, d) is a least-squares linear fit (independent of the pseudo-inverse). */
function normalResidual(data: Dataset<Rational>, beta: readonly Rational[]): Rational[] {
  const X = Matrix.from(RationalField, data.inputs.map((x) => [...x, Rational.ONE]), beta.length);
  const r = X.mulVec(beta).map((f, i) => f.sub(data.targets[i]![0]!));
  return X.transpose().mulVec(r);
}

const construction = forAll({
  name: 'eq. (5) biases, vᵀW = uᵀ, c = d − vᵀb: all units active, f = uᵀx + d, a local minimum with the regression loss',
  basis: 'certified',
  arbitrary: instance,
  check: ({ data, weights }) => {
    const built = linearRegionPoint(data, weights, 'half-sum');
    if (!built.realisable) return discard('uᵀ is not in the row space of W (vᵀW = uᵀ has no solution)');
    const { fit, point, network: net } = built;
    const beta = [...fit.u, fit.d];
    // The construction's own steps (least-squares fit, eq. (5), vᵀW = uᵀ, c): a mismatch is a bug of ours, not a finding.
    if (normalResidual(data, beta).some((g) => !g.isZero())) return undecided('internal: the fit is not a least-squares fit');
    // Eq. (5) written out: b_j = −min_i w_jᵀx_i + 1.
    const eq5 = weights.map((w) => data.inputs.map((x) => dot(w, x)).reduce((m, p) => (p.lt(m) ? p : m)).neg().add(Rational.ONE));
    if (!point.biases!.every((b, j) => b.equals(eq5[j]!))) return undecided(`internal: biases ${point.biases!.join(', ')} are not those of eq. (5), ${eq5.join(', ')}`);
    const v = point.outputWeights;
    const vW = fit.u.map((_, k) => weights.reduce((s, w, j) => s.add(v[j]!.mul(w[k]!)), Rational.ZERO));
    if (!vW.every((x, k) => x.equals(fit.u[k]!))) return undecided(`internal: vᵀW = ${vW.join(', ')} is not uᵀ = ${fit.u.join(', ')}`);
    if (!point.outputBias!.equals(fit.d.sub(dot(v, eq5)))) return undecided(`internal: c = ${point.outputBias} is not d − vᵀb = ${fit.d.sub(dot(v, eq5))}`);
    const construction = { W: weights, b: eq5, v, c: point.outputBias!, u: fit.u, d: fit.d };
    const { traces, outputs } = forwardDataset(net, data);
    const inactive = traces.flatMap((t, i) => t.preActivations[0]!.flatMap((z, j) => (z.sign() > 0 ? [] : [{ sample: i, unit: j, z }])));
    if (inactive.length > 0) return fail({ ...construction, reason: 'not in the all-active region', inactive });
    const linear = data.inputs.map((x) => dot(fit.u, x).add(fit.d));
    if (!outputs.every((o, i) => o[0]!.equals(linear[i]!))) return fail({ ...construction, reason: 'f is not the linear fit', outputs: outputs.map((o) => o[0]!), 'uᵀx + d': linear });
    const value = empiricalRisk(net, data, loss);
    if (!value.equals(built.regressionLoss)) return fail({ ...construction, reason: 'the loss is not the regression loss', loss: value, 'regression loss': built.regressionLoss });
    // Independent of the paper's argument: the classifier of the real loss decides local minimality.
    const k = classifyPoint(net, data, loss);
    const min = k.localMin.nonStrict;
    if (min.holds === null || min.basis === 'evidence') return undecided(`local minimality not certified: ${min.reason}`);
    if (min.holds) return pass();
    const direction = refutingDirection(min, 'minimum', () => lossDerivatives(net, data, loss).hessian);
    return fail({ ...construction, reason: `not a local minimum: ${min.reason}`, kind: k.kind, loss: value, ...(direction ? { descentDirection: direction } : {}) });
  },
  confirm: ({ data, weights }, witness) => {
    if (witness.reason === 'not in the all-active region') return confirmLinearRegionPointFails(data, weights, null);
    const descent = Array.isArray(witness.descentDirection) ? { descent: rationals(witness.descentDirection) } : {};
    return confirmLinearRegionPointFails(data, weights, { u: rationals(witness.u), d: rational(witness.d), v: rationals(witness.v), ...descent });
  },
});

export default theorem({
  id: 'decomposition/sec-3.1',
  paper: 'decomposition',
  title: '§3.1: the linear region contains a local minimum whose loss is the linear-regression loss',
  statement:
    'One hidden ReLU layer with biases, f(x) = vᵀσ(Wx + b) + c, loss ½Σ(f(x_i) − y_i)². Let uᵀx + d be a least-squares ' +
    'linear fit (least-norm when not unique). For hidden weights W whose row space contains u (instances: K ∈ {d, d+1} ' +
    'small-integer rows; instances where vᵀW = uᵀ is unsolvable are discarded), set b_j = −min_i w_jᵀx_i + 1 (eq. (5)), ' +
    'v any solution of vᵀW = uᵀ and c = d − vᵀb. The construction is checked first (the fit against the normal ' +
    'equations, the biases of eq. (5), vᵀW = uᵀ, c = d − vᵀb; a mismatch is a bug of ours and leaves the case ' +
    'undecided). Then, exactly: every pre-activation is positive (the all-active "linear" region), f(x_i) = uᵀx_i + d, ' +
    'the loss equals the linear-regression loss, and the point is a local minimum of the ' +
    'real loss as decided by the independent classifier (exact gradient and Hessian, the convex reparametrisation ' +
    'certificate at singular Hessians) — never by the paper\'s argument alone.',
  checks: [construction],
});
