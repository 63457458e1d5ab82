// he, App. A.1, Lemmas 2 and 3: the squared and the softmax cross-entropy loss meet Theorem 1's loss conditions.
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import {
  Rational,
  RationalField,
  decimalField,
  fail,
  failOutside,
  forAll,
  numerical,
  pass,
  rationalVector,
  smallRational,
  softmaxCrossEntropyPoint,
  squaredErrorPoint,
  theorem,
  rationalDot as dot,
} from '../../src/index.ts';
import { confirmCrossEntropyFails, confirmSquaredLossFails } from './_confirm.ts';

const Q = RationalField;
const vec = (d: number) => rationalVector(d, { maxNumerator: 3, maxDenominator: 2 });

const squaredLoss = forAll({
  name: 'squared loss: l(ŷ+tv) = l(ŷ) + t∇l·v + t²‖v‖², ∇l(ŷ+w) − ∇l(ŷ) = 2w, ∇l = 0 iff ŷ = y',
  basis: 'exact',
  arbitrary: fc.integer({ min: 1, max: 3 }).chain((d) =>
    fc.record({
      y: vec(d),
      yHat: vec(d),
      v: vec(d),
      w: vec(d),
      t: smallRational({ nonZero: true }),
      // Half of the cases put the prediction on the label, so both sides of "iff" occur.
      onLabel: fc.boolean(),
    }),
  ),
  check: ({ y, yHat: raw, v, w, t, onLabel }) => {
    const yHat = onLabel ? y : raw;
    const l = (p: readonly Rational[]): Rational => squaredErrorPoint.value(Q, p, y);
    const grad = (p: readonly Rational[]): Rational[] => squaredErrorPoint.gradient(Q, p, y);
    const g = grad(yHat);
    const moved = yHat.map((p, k) => p.add(t.mul(v[k]!)));
    // The remainder is exactly t²‖v‖², so (l(ŷ+tv) − l(ŷ))/t → ∇l·v: l is differentiable with gradient ∇l.
    const remainder = l(moved).sub(l(yHat)).sub(t.mul(dot(g, v)));
    if (!remainder.equals(t.mul(t).mul(dot(v, v)))) return fail({ yHat, y, v, t, remainder, 't²‖v‖²': t.mul(t).mul(dot(v, v)) });
    // ∇l is affine with slope 2: continuous (Lipschitz).
    const shiftedGrad = grad(yHat.map((p, k) => p.add(w[k]!)));
    if (!shiftedGrad.every((s, k) => s.sub(g[k]!).equals(w[k]!.mul(Rational.of(2))))) {
      return fail({ yHat, y, w, gradient: g, 'gradient at ŷ + w': shiftedGrad });
    }
    const zero = g.every((gk) => gk.isZero());
    const equal = yHat.every((p, k) => p.equals(y[k]!));
    return zero === equal ? pass() : fail({ yHat, y, gradient: g, 'gradient is zero': zero, 'ŷ = y': equal });
  },
  confirm: ({ y, yHat, v, w, t, onLabel }) => confirmSquaredLossFails({ y, yHat: onLabel ? y : yHat, v, w, t }),
});

const DIGITS = 40;
const D = decimalField(DIGITS);
const STEP = D.one.div(D.fromInt(10n ** 12n));
/** Central difference error ≤ h²/6·|κ₃| + rounding; |κ₃| ≤ range(v)³ ≤ 6³ here, so 1e-20 is far above both. */
const DIFFERENCE_TOLERANCE = new Decimal('1e-20');
/** Rounding of a handful of 40-digit operations on values of size ≤ 10. */
const ROUNDING = new Decimal('1e-34');

/** [x − r, x + r]. */
const around = (x: Decimal, r: Decimal) => ({ lo: x.minus(r), hi: x.plus(r) });

const crossEntropy = forAll({
  name: 'softmax cross-entropy, one-hot labels: differentiable with Lipschitz gradient, gradient never zero',
  basis: numerical(DIGITS),
  arbitrary: fc.integer({ min: 2, max: 4 }).chain((d) =>
    fc.record({ logits: vec(d), label: fc.integer({ min: 0, max: d - 1 }), v: vec(d), w: vec(d) }),
  ),
  check: ({ logits, label, v, w }) => {
    const y = logits.map((_, k) => (k === label ? D.one : D.zero));
    const at = (p: readonly Rational[], dir: readonly Rational[], s: Decimal): Decimal[] => p.map((pk, k) => D.fromRational(pk).plus(s.times(D.fromRational(dir[k]!))));
    const z = logits.map((p) => D.fromRational(p));
    const l = (p: Decimal[]): Decimal => softmaxCrossEntropyPoint.value(D, p, y);
    const g = softmaxCrossEntropyPoint.gradient(D, z, y);
    // Eq. (10) by hand: ∂l/∂ŷ_j = e^{ŷ_j}/Σe^{ŷ_k} − y_j.
    const total = z.reduce((s, zk) => s.plus(zk.exp()), D.zero);
    const byHand = z.map((zk, j) => zk.exp().div(total).minus(y[j]!));
    // Each side is within ROUNDING of its exact value: a gap beyond that excludes equality.
    const gap = byHand.reduce((m, b, j) => Decimal.max(m, b.minus(g[j]!).abs()), new Decimal(0));
    if (gap.gt(ROUNDING)) {
      return failOutside('max_j |∂l/∂ŷ_j − eq. (10)_j|', around(gap, ROUNDING), 0, { logits, label, gradient: g.map(String), 'eq. (10)': byHand.map(String) }, 'above');
    }
    // Never zero: for j ≠ label, ∂l/∂ŷ_j = p_j ≥ e^{−(max ŷ − min ŷ)}/dY > 0.
    const range = logits.reduce((a, b) => a.max(b)).sub(logits.reduce((a, b) => a.min(b)));
    const floor = D.fromRational(range).neg().exp().div(logits.length);
    const off = g.filter((_, j) => j !== label);
    const lowest = off.reduce((m, gj) => Decimal.min(m, gj.minus(floor)), new Decimal(Infinity));
    if (lowest.lt(ROUNDING.neg())) {
      return failOutside('min_{j ≠ label} ∂l/∂ŷ_j − e^{−range}/dY', around(lowest, ROUNDING), 0, { logits, label, gradient: g.map(String), 'lower bound e^{−range}/dY': floor.toString() }, 'below');
    }
    // Differentiable with gradient ∇l: the central difference quotient along v matches ∇l·v.
    const quotient = l(at(logits, v, STEP)).minus(l(at(logits, v, STEP.neg()))).div(STEP.times(2));
    const directional = g.reduce((s, gk, k) => s.plus(gk.times(D.fromRational(v[k]!))), D.zero);
    // The quotient is within DIFFERENCE_TOLERANCE of the true derivative along v, which must equal ∇l·v.
    const miss = quotient.minus(directional);
    if (miss.abs().gt(DIFFERENCE_TOLERANCE)) {
      return failOutside('the derivative along v minus ∇l·v', around(miss, DIFFERENCE_TOLERANCE), 0, { logits, label, v, 'difference quotient': quotient.toString(), '∇l·v': directional.toString() });
    }
    // Continuous gradient: ‖∇l(ŷ+w) − ∇l(ŷ)‖² ≤ ¼‖w‖² (Hessian diag(p) − ppᵀ has Gershgorin radius ≤ 2p(1−p) ≤ ½).
    const shifted = softmaxCrossEntropyPoint.gradient(D, at(logits, w, D.one), y);
    const change = shifted.reduce((s, gk, k) => s.plus(gk.minus(g[k]!).pow(2)), D.zero);
    const bound = D.fromRational(dot(w, w)).div(4);
    const excess = change.minus(bound);
    return excess.lte(ROUNDING) ? pass() : failOutside('‖Δ∇l‖² − ¼‖w‖²', around(excess, ROUNDING), 0, { logits, label, w, '‖Δ∇l‖²': change.toString(), '¼‖w‖²': bound.toString() }, 'above');
  },
  confirm: (instance, witness) => confirmCrossEntropyFails(instance, witness),
});

export default theorem({
  id: 'he/lemma-2-3',
  paper: 'he',
  title: 'Squared and softmax cross-entropy losses satisfy the loss conditions of Theorem 1',
  statement:
    'Lemma 2: the squared loss l(ŷ, y) = ‖ŷ − y‖² (eq. (5); any positive factor gives the same statement) ' +
    'is continuously differentiable in the prediction ŷ and its gradient vanishes only when ŷ = y (the ' +
    'printed "equal to zero when the prediction and the label are different" is read as "not equal to ' +
    'zero"; the printed gradient 2(y − ŷ) has the wrong sign, the check uses 2(ŷ − y)). Checked exactly: the ' +
    'Taylor remainder is exactly t²‖v‖², the gradient is affine, and ∇l = 0 iff ŷ = y. Lemma 3: the softmax ' +
    'cross-entropy l(ŷ, y) = −Σ_k y_k log softmax(ŷ)_k with a one-hot label y (dY ≥ 2) is continuously ' +
    'differentiable and its gradient, eq. (10) softmax(ŷ) − y, never vanishes. Checked in 40-digit ' +
    'decimals: the gradient matches eq. (10) to 1e-34; every off-label component is at least ' +
    'e^{−(max ŷ − min ŷ)}/dY (a proven bound, far above the rounding error); the central difference ' +
    'quotient with h = 1e-12 matches ∇l·v to 1e-20 (truncation ≤ h²·range(v)³/6 ≤ 4e-23); and ' +
    '‖∇l(ŷ+w) − ∇l(ŷ)‖² ≤ ¼‖w‖² (Lipschitz gradient); each numerical failure is an enclosure that excludes ' +
    'the needed value. Second routes: z3 on Lemma 2\'s identities written out; decimal.js at 120 digits with ' +
    'its own softmax formulas for Lemma 3.',
  checks: [squaredLoss, crossEntropy],
});
