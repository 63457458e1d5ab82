// milne, Lemma 1: W ↦ y(a, W) is smooth off a measure-zero set.
import fc from 'fast-check';
import {
  countRealRoots,
  fail,
  forAll,
  milneActivePaths,
  milneFrozenOutputAlongLine,
  milneOutput,
  milnePreActivationsAlongLine,
  milneSwitches,
  milneSwitchRadius,
  pass,
  Rational,
  theorem,
  unconfirmed,
  undecided,
  type Polynomial,
} from '../../src/index.ts';
import { confirmFrozenPolynomialDiffers, confirmOutputNonZeroOnB, confirmZeroPolynomial, rationalHint } from './_confirm.ts';
import { problem, zeroPreActivation, type Weights } from './_instances.ts';

const along = (W: Weights, X: Weights, t: Rational): Weights => W.map((Wi, i) => Wi.map((row, j) => row.map((w, k) => w.add(t.mul(X[i]![j]![k]!)))));
const key = (S: Rational[][]): string => S.map((s) => s.map(String).join('')).join('/');
const hintMissing = (what: string) => unconfirmed('z3', `the witness gives no ${what}`);

/** A differentiable point (no zero pre-activation at a) and a direction. */
const smooth = problem({ targets: 'free', maxPoints: 1, maxDepth: 2 }).map((p) => ({ a: p.inputs[0]!, W: p.W, X: p.X }));

const frozenNearby = forAll({
  name: 'with no zero pre-activation, y(a, ·) equals its frozen-switch polynomial (3) on a neighbourhood (along W + tX, |t| ≤ r)',
  basis: 'exact',
  arbitrary: smooth,
  check: ({ a, W, X }) => {
    const r = milneSwitchRadius(a, W, X);
    const frozen = milneFrozenOutputAlongLine(a, W, X);
    const switches = key(milneSwitches(a, W));
    for (const t of [r.neg(), r.div(Rational.of(-2)), r.div(Rational.of(3)), r]) {
      const Wt = along(W, X, t);
      // A switch that moves inside the radius is a radius of ours that is too large, not a failure of (3).
      if (key(milneSwitches(a, Wt)) !== switches) return undecided('the certified radius did not keep the switches');
      const y = milneOutput(a, Wt);
      if (!y.equals(frozen.evaluate(t))) return fail({ r, t, 'y(a, W + tX)': y, 'frozen polynomial at t': frozen.evaluate(t), 'switches at W': switches });
    }
    return pass();
  },
  confirm: ({ a, W, X }, w) => {
    const r = rationalHint(w.r);
    const t = rationalHint(w.t);
    return r === null || t === null ? hintMissing('r and t') : confirmFrozenPolynomialDiffers(a, W, X, r, t);
  },
});

/** The same point with hidden or output unit (layer, unit) moved to a zero pre-activation (the set C of the proof). */
const onC = fc
  .record({ base: smooth, layer: fc.nat(), unit: fc.nat() })
  .map(({ base: { a, W, X }, layer, unit }) => {
    const H = W.length - 1;
    const i = 1 + (layer % (H + 1));
    const j = i === H + 1 ? 0 : unit % W[i]!.length;
    return { a, W: zeroPreActivation(a, W, i, j), X, layer: i, unit: j };
  })
  .filter((c): c is typeof c & { W: Weights } => c.W !== null);

/**
 * Paths a^{i_0} → … → unit j of layer i through active neurons of layers 1..i−1 (switches frozen at W):
 * each is a monomial of y_{i,j} (eq. (4)) with coefficient a^{i_0}, whatever the current weights.
 */
function monomialsOfYij(a: readonly Rational[], W: Weights, layer: number, unit: number): number[][] {
  const S = milneSwitches(a, W);
  const paths: number[][] = [];
  const walk = (k: number, nodes: number[]): void => {
    if (k === layer) {
      paths.push([...nodes, unit]);
      return;
    }
    for (let u = 0; u < W[k - 1]![0]!.length; u++) if (!S[k]![u]!.isZero()) walk(k + 1, [...nodes, u]);
  };
  a.forEach((v, c) => {
    if (!v.isZero()) walk(1, [c]);
  });
  return paths;
}

const zeroSetOfPolynomial = forAll({
  name: 'a zero pre-activation after non-zero earlier layers (set C) lies in the zero set of the non-zero polynomial y_{i,j} of eq. (4)',
  basis: 'exact',
  arbitrary: onC,
  check: ({ a, W, layer, unit }) => {
    const z = milnePreActivationsAlongLine(a, W, W.map((Wi) => Wi.map((row) => row.map(() => Rational.ZERO))));
    const at = (k: number, j: number): Rational => z[k - 1]![j]!.evaluate(Rational.ZERO);
    const earlierNonZero = z.slice(0, layer - 1).every((l) => l.every((p) => !p.evaluate(Rational.ZERO).isZero()));
    const previousActive = layer === 1 ? a.some((v) => !v.isZero()) : milneSwitches(a, W)[layer - 1]!.some((s) => !s.isZero());
    if (!earlierNonZero || !previousActive || !at(layer, unit).isZero()) return undecided('the construction did not give a point of C');
    const monomials = monomialsOfYij(a, W, layer, unit);
    return monomials.length > 0 ? pass() : fail({ layer, unit, 'switches at W': key(milneSwitches(a, W)), note: 'y_{i,j} is the zero polynomial' });
  },
  confirm: ({ a, W, layer, unit }) => confirmZeroPolynomial(a, W, layer, unit),
});

/** A point of the set B: every unit of hidden layer k is switched off, so layer k + 1 sees only zeros. */
const onB = fc.record({ base: smooth, layer: fc.nat() }).map(({ base: { a, W, X }, layer }) => {
  const H = W.length - 1;
  const k = 1 + (layer % H);
  const off = W.map((Wi, i) =>
    Wi.map((row, c) => row.map((w) => (i !== k - 1 ? w : k === 1 ? w.abs().add(Rational.ONE).mul(Rational.of(-(a[c]!.sign() || 1))) : w.abs().add(Rational.ONE).neg()))),
  );
  return { a, W: off, X, layer: k };
});

const constantOnB = forAll({
  name: 'on B (a hidden layer entirely off, earlier pre-activations non-zero) y(a, ·) ≡ 0 near W (along W + tX, |t| ≤ r)',
  basis: 'exact',
  arbitrary: onB,
  check: ({ a, W, X, layer }) => {
    const z = milnePreActivationsAlongLine(a, W, X).slice(0, layer);
    const allOff = z[layer - 1]!.every((p) => p.evaluate(Rational.ZERO).sign() < 0);
    if (!allOff || milneActivePaths(a, W).length > 0) return undecided('the construction did not switch the layer off');
    // The switches of layers 1..k keep their signs for |t| ≤ r: layer k stays off and y(a, W + tX) = 0.
    const polys: Polynomial[] = z.flat();
    let r = Rational.ONE;
    while (!polys.every((p) => p.isConstant() || countRealRoots(p, r.neg(), r) === 0)) r = r.div(Rational.of(2));
    for (const t of [r.neg(), r.div(Rational.of(3)), r]) {
      const y = milneOutput(a, along(W, X, t));
      if (!y.isZero()) return fail({ layer, r, t, 'y(a, W + tX)': y });
    }
    return pass();
  },
  confirm: ({ a, W, X, layer }, w) => {
    const r = rationalHint(w.r);
    const t = rationalHint(w.t);
    return r === null || t === null ? hintMissing('r and t') : confirmOutputNonZeroOnB(a, W, X, layer, r, t);
  },
});

export default theorem({
  id: 'milne/lemma-1',
  paper: 'milne',
  title: 'y(a, W) is smooth in W off a measure-zero set',
  statement:
    'For any input a, W ↦ y(a, W) is smooth almost everywhere: (i) where no pre-activation (output included) is ' +
    'zero, y equals on a neighbourhood the polynomial with the switches frozen at W, S_{H+1}W_HᵀS_H⋯S_1W_0ᵀa (eq. (3) ' +
    'as printed omits S_{H+1}, which is needed when the output unit is off: y ≡ 0 there while W_HᵀS_H⋯W_0ᵀa < 0); ' +
    'checked along W + tX for |t| ≤ r, r certified by Sturm counts so that no pre-activation changes sign, the forward ' +
    'pass agreeing with the frozen polynomial (a switch that moved inside r would be an error of the radius: undecided). ' +
    '(ii) A point where the first zero pre-activation (unit j of layer i) follows a layer with an active unit (the ' +
    'set C) lies in the zero set of y_{i,j} (eq. (4)), a polynomial that is not identically zero (certified by a ' +
    'monomial: a path from a non-zero input entry through active units, coefficient a^{i_0}); zero sets of non-zero ' +
    'polynomials have measure zero. (iii) On the set B (a hidden layer entirely off) y ≡ 0 near W, checked along ' +
    'W + tX for |t| ≤ r with a Sturm-certified radius r keeping the layer off.',
  checks: [frozenNearby, zeroSetOfPolynomial, constantOnB],
});
