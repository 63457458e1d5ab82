import type { Field } from '../numbers/field.ts';
import { NetworkError } from './errors.ts';

export type ActivationKind = 'relu' | 'linear' | 'two-piece' | 'leaky-relu' | 'piecewise-linear';

/**
 * A continuous piecewise linear activation h: ℝ → ℝ. Representation:
 * - `breakpoints` t_0 < t_1 < … < t_{m-1} (m ≥ 0, strictly increasing);
 * - `slopes` s_0, …, s_m: piece k is the open interval (t_{k-1}, t_k) with t_{-1} = −∞, t_m = +∞;
 * - `valueAtZero` h(0), the reference value that fixes the additive constant;
 * - `offsets` o_0, …, o_m, derived from h(0) and continuity, so that h(x) = s_k·x + o_k on piece k
 *   (and on its closure).
 * ReLU is (breakpoints [0], slopes [0, 1]); h_{s−,s+} of He et al. eq. (4) is ([0], [s−, s+]).
 */
export interface Activation<T> {
  readonly kind: ActivationKind;
  readonly breakpoints: readonly T[];
  readonly slopes: readonly T[];
  readonly valueAtZero: T;
  readonly offsets: readonly T[];
}

/**
 * Where a pre-activation x lies, ordered like x: 2k means inside piece k, 2k+1 means exactly on
 * breakpoint t_k (between pieces k and k+1). For ReLU: 0 inactive (x < 0), 1 at zero, 2 active.
 */
export type Position = number;

export const insidePiece = (piece: number): Position => 2 * piece;
export const onBreakpoint = (breakpoint: number): Position => 2 * breakpoint + 1;
export const isOnBreakpoint = (p: Position): boolean => p % 2 === 1;

/** The piece of a position that is not on a breakpoint. */
export function pieceOf(p: Position): number {
  if (isOnBreakpoint(p)) throw new NetworkError(`position ${p} is on breakpoint ${(p - 1) / 2}, not inside a piece`);
  return p / 2;
}

/** sign(x − t_b) read off a position: for ReLU and two-piece activations (b = 0) this is sign(x). */
export function signRelativeTo(p: Position, breakpoint = 0): -1 | 0 | 1 {
  const at = onBreakpoint(breakpoint);
  return p < at ? -1 : p > at ? 1 : 0;
}

export function pieceCount<T>(act: Activation<T>): number {
  return act.slopes.length;
}

/** The position of pre-activation x (an exact decision over rationals, an estimate over floats). */
export function locate<T>(F: Field<T>, act: Activation<T>, x: T): Position {
  const bs = act.breakpoints;
  for (let k = 0; k < bs.length; k++) {
    const c = F.compare(x, bs[k]!);
    if (c < 0) return insidePiece(k);
    if (c === 0) return onBreakpoint(k);
  }
  return insidePiece(bs.length);
}

/** h(x). On a breakpoint both neighbouring pieces give the same value (continuity). */
export function evaluate<T>(F: Field<T>, act: Activation<T>, x: T): T {
  const p = locate(F, act, x);
  const { slope, offset } = pieceCoefficients(act, isOnBreakpoint(p) ? (p - 1) / 2 : p / 2);
  return F.add(F.mul(slope, x), offset);
}

/** Slope and offset of piece k: h(x) = slope·x + offset there. Used by frozen evaluation. */
export function pieceCoefficients<T>(act: Activation<T>, piece: number): { slope: T; offset: T } {
  if (!Number.isInteger(piece) || piece < 0 || piece >= act.slopes.length) {
    throw new NetworkError(`piece ${piece} does not exist: the ${act.kind} activation has ${act.slopes.length} piece(s)`);
  }
  return { slope: act.slopes[piece]!, offset: act.offsets[piece]! };
}

/** The general constructor: validates the representation and derives the offsets. */
export function piecewiseLinear<T>(
  F: Field<T>,
  spec: { breakpoints: readonly T[]; slopes: readonly T[]; valueAtZero?: T },
  kind: ActivationKind = 'piecewise-linear',
): Activation<T> {
  const { breakpoints, slopes } = spec;
  const valueAtZero = spec.valueAtZero ?? F.zero;
  if (slopes.length !== breakpoints.length + 1) {
    throw new NetworkError(`a piecewise linear activation with ${breakpoints.length} breakpoint(s) needs ${breakpoints.length + 1} slopes, got ${slopes.length}`);
  }
  for (let k = 1; k < breakpoints.length; k++) {
    if (F.compare(breakpoints[k - 1]!, breakpoints[k]!) >= 0) {
      throw new NetworkError(`breakpoints must increase strictly: t_${k - 1} = ${F.toString(breakpoints[k - 1]!)}, t_${k} = ${F.toString(breakpoints[k]!)}`);
    }
  }
  return Object.freeze({
    kind,
    breakpoints: Object.freeze([...breakpoints]),
    slopes: Object.freeze([...slopes]),
    valueAtZero,
    offsets: Object.freeze(deriveOffsets(F, breakpoints, slopes, valueAtZero)),
  });
}

/** o_k from h(0) on the piece holding 0, then continuity o_{k+1} = o_k + (s_k − s_{k+1})·t_k. */
function deriveOffsets<T>(F: Field<T>, bs: readonly T[], ss: readonly T[], h0: T): T[] {
  let home = bs.findIndex((t) => F.sign(t) >= 0);
  if (home < 0) home = bs.length;
  const offsets: T[] = new Array(ss.length);
  offsets[home] = h0;
  for (let k = home; k + 1 < ss.length; k++) {
    offsets[k + 1] = F.add(offsets[k]!, F.mul(F.sub(ss[k]!, ss[k + 1]!), bs[k]!));
  }
  for (let k = home; k > 0; k--) {
    offsets[k - 1] = F.sub(offsets[k]!, F.mul(F.sub(ss[k - 1]!, ss[k]!), bs[k - 1]!));
  }
  return offsets;
}

/** ReLU: max(x, 0). */
export function relu<T>(F: Field<T>): Activation<T> {
  return piecewiseLinear(F, { breakpoints: [F.zero], slopes: [F.zero, F.one] }, 'relu');
}

/** x ↦ slope·x (one piece, no breakpoint); slope 1 is the identity. */
export function linear<T>(F: Field<T>, slope: T = F.one): Activation<T> {
  return piecewiseLinear(F, { breakpoints: [], slopes: [slope] }, 'linear');
}

export function identity<T>(F: Field<T>): Activation<T> {
  return linear(F);
}

/** h_{s−,s+}(x) = s+·x for x > 0, s−·x for x ≤ 0 (He, Wang & Tao, eq. (4)). */
export function twoPiece<T>(F: Field<T>, sMinus: T, sPlus: T): Activation<T> {
  return piecewiseLinear(F, { breakpoints: [F.zero], slopes: [sMinus, sPlus] }, 'two-piece');
}

/** Leaky ReLU = h_{α,1}. */
export function leakyRelu<T>(F: Field<T>, alpha: T): Activation<T> {
  return piecewiseLinear(F, { breakpoints: [F.zero], slopes: [alpha, F.one] }, 'leaky-relu');
}

/** The slopes (s−, s+) if the activation is h_{s−,s+} (one breakpoint at 0, h(0) = 0), else null. */
export function twoPieceSlopes<T>(F: Field<T>, act: Activation<T>): { sMinus: T; sPlus: T } | null {
  if (act.breakpoints.length !== 1 || !F.isZero(act.breakpoints[0]!) || !F.isZero(act.valueAtZero)) return null;
  return { sMinus: act.slopes[0]!, sPlus: act.slopes[1]! };
}

/**
 * h̃(u) = h(−u): breakpoints and slopes negated and reversed, same h(0). For h_{s−,s+} this is
 * h_{−s+,−s−}, the identity h_{s−,s+}(x) = h_{−s+,−s−}(−x) of He et al. App. A.2.
 */
export function mirrorActivation<T>(F: Field<T>, act: Activation<T>): Activation<T> {
  const breakpoints = act.breakpoints.map((t) => F.neg(t)).reverse();
  const slopes = act.slopes.map((s) => F.neg(s)).reverse();
  const kind: ActivationKind = act.kind === 'linear' || act.kind === 'piecewise-linear' ? act.kind : 'two-piece';
  return piecewiseLinear(F, { breakpoints, slopes, valueAtZero: act.valueAtZero }, kind);
}

/** The same activation in another field. */
export function mapActivation<T, U>(act: Activation<T>, target: Field<U>, convert: (x: T) => U): Activation<U> {
  return piecewiseLinear(
    target,
    { breakpoints: act.breakpoints.map(convert), slopes: act.slopes.map(convert), valueAtZero: convert(act.valueAtZero) },
    act.kind,
  );
}

/** A readable name: "relu", "two-piece(-1/2, 1)", "piecewise-linear(t=[0, 1], s=[0, 1, 0], h(0)=0)". */
export function describeActivation<T>(F: Field<T>, act: Activation<T>): string {
  const s = (xs: readonly T[]): string => xs.map((x) => F.toString(x)).join(', ');
  switch (act.kind) {
    case 'relu':
      return 'relu';
    case 'linear':
      return F.eq(act.slopes[0]!, F.one) ? 'identity' : `linear(${F.toString(act.slopes[0]!)})`;
    case 'leaky-relu':
      return `leaky-relu(${F.toString(act.slopes[0]!)})`;
    case 'two-piece':
      return `two-piece(${s(act.slopes)})`;
    case 'piecewise-linear':
      return `piecewise-linear(t=[${s(act.breakpoints)}], s=[${s(act.slopes)}], h(0)=${F.toString(act.valueAtZero)})`;
  }
}
