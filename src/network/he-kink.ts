import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { evaluate, mirrorActivation, type Activation } from './activation.ts';
import { NetworkError } from './errors.ts';

/**
 * A turning point t of a piecewise linear activation h, as He, Wang & Tao use it in Lemma 6 and the
 * proof of Theorem 1: slopes s− = h'(t−), s+ = h'(t+), and σ such that h is linear on (t − σ, t)
 * and on (t, t + σ).
 */
export interface Kink {
  /** Index of t among the activation's breakpoints. */
  readonly index: number;
  readonly t: Rational;
  /** h(t). */
  readonly value: Rational;
  readonly sMinus: Rational;
  readonly sPlus: Rational;
  /** The distance to the nearest other breakpoint; null when t is the only one (any σ > 0 works). */
  readonly sigma: Rational | null;
}

export function kinkOf(act: Activation<Rational>, index: number): Kink {
  const bs = act.breakpoints;
  if (!Number.isInteger(index) || index < 0 || index >= bs.length) {
    throw new NetworkError(`breakpoint ${index} does not exist: the activation has ${bs.length} breakpoint(s)`);
  }
  const t = bs[index]!;
  const gaps = [index > 0 ? t.sub(bs[index - 1]!) : null, index + 1 < bs.length ? bs[index + 1]!.sub(t) : null].filter(
    (g): g is Rational => g !== null,
  );
  return {
    index,
    t,
    value: evaluate(RationalField, act, t),
    sMinus: act.slopes[index]!,
    sPlus: act.slopes[index + 1]!,
    sigma: gaps.length === 0 ? null : gaps.reduce((a, b) => a.min(b)),
  };
}

/** Assumption 4 at this turning point: s− + s+ ≠ 0. */
export function satisfiesAssumption4(kink: Kink): boolean {
  return !kink.sMinus.add(kink.sPlus).isZero();
}

/**
 * The constructions divide by s+; when s+ = 0 they run on the mirrored activation h̃(u) = h(−u)
 * (App. A.2), whose turning point −t has right slope −s− ≠ 0. Returns the activation and kink to
 * build with, and whether the result must be mirrored back.
 */
export function orientKink(act: Activation<Rational>, index: number): { activation: Activation<Rational>; kink: Kink; mirrored: boolean } {
  const kink = kinkOf(act, index);
  if (kink.sMinus.equals(kink.sPlus)) throw new NetworkError(`breakpoint ${index} is not a turning point: both slopes are ${kink.sPlus.toString()}`);
  if (!kink.sPlus.isZero()) return { activation: act, kink, mirrored: false };
  const mirrored = mirrorActivation(RationalField, act);
  return { activation: mirrored, kink: kinkOf(mirrored, act.breakpoints.length - 1 - index), mirrored: true };
}
