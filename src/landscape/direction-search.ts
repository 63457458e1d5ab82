import { Rational } from '../numbers/rational.ts';
import { FloatField } from '../numbers/float-field.ts';
import { negativeDirection } from '../linalg/inertia.ts';
import { isOnBreakpoint } from '../network/activation.ts';
import { mapDataset, type Dataset } from '../network/dataset.ts';
import { lossDerivatives } from '../network/derivatives.ts';
import { empiricalRisk, type Loss } from '../network/loss.ts';
import { mapNetwork, type Network } from '../network/network.ts';
import { flattenParameters, parameterCount, unflattenParameters } from '../network/parameters.ts';
import type { DatasetPattern, UnitLocation } from '../network/pattern.ts';
import type { Penalty } from '../network/penalty.ts';
import { lossOnRay, type RayExpansion } from './ray.ts';
import { gaussian } from './rng.ts';

/** What an exact ray search has found so far. */
export interface RaySearchState {
  descent: RayExpansion | null;
  ascent: RayExpansion | null;
  /** A ray along which the loss is exactly constant near θ (so θ is not a strict extremum). */
  flat: RayExpansion | null;
  /** Exact ray expansions computed. */
  tried: number;
}

export interface RaySearchContext {
  readonly net: Network<Rational>;
  readonly data: Dataset<Rational>;
  readonly loss: Loss;
  readonly penalty?: Penalty<Rational>;
}

export function emptySearch(): RaySearchState {
  return { descent: null, ascent: null, flat: null, tried: 0 };
}

/**
 * Checks candidate directions exactly (each by its one-sided loss polynomial) until every wanted
 * kind of ray is found. Zero directions are skipped; the state is updated in place.
 */
export function searchRays(
  ctx: RaySearchContext,
  state: RaySearchState,
  candidates: Iterable<readonly Rational[]>,
  wants: { readonly descent: boolean; readonly ascent: boolean; readonly flat: boolean },
): RaySearchState {
  const satisfied = (): boolean => (!wants.descent || state.descent !== null) && (!wants.ascent || state.ascent !== null) && (!wants.flat || state.flat !== null);
  if (satisfied()) return state;
  for (const direction of candidates) {
    if (direction.every((v) => v.isZero())) continue;
    const ray = lossOnRay(ctx.net, ctx.data, ctx.loss, direction, { penalty: ctx.penalty });
    state.tried++;
    if (ray.sign === -1 && state.descent === null) state.descent = ray;
    if (ray.sign === 1 && state.ascent === null) state.ascent = ray;
    if (ray.sign === 0 && state.flat === null) state.flat = ray;
    if (satisfied()) break;
  }
  return state;
}

/** ±e_k for every parameter. */
export function* coordinateDirections(n: number): Generator<Rational[]> {
  for (let k = 0; k < n; k++) {
    for (const s of [Rational.ONE, Rational.MINUS_ONE]) {
      const e = new Array<Rational>(n).fill(Rational.ZERO);
      e[k] = s;
      yield e;
    }
  }
}

/** v and −v for each v. */
export function* bothSigns(vectors: Iterable<readonly Rational[]>): Generator<Rational[]> {
  for (const v of vectors) {
    yield [...v];
    yield v.map((x) => x.neg());
  }
}

/**
 * The pieces next to a non-differentiable point: every way of moving the on-breakpoint
 * pre-activations to the piece on their left or right (at most `limit`, chosen by `random` when
 * there are more). Candidates only: for deeper networks the ray decides the real piece.
 */
export function neighbouringPatterns(pattern: DatasetPattern, on: readonly UnitLocation[], limit: number, random: () => number): DatasetPattern[] {
  const count = on.length > 30 ? Infinity : 2 ** on.length;
  const masks: number[][] = [];
  if (count <= limit) {
    for (let m = 0; m < count; m++) masks.push(on.map((_, b) => (m >> b) & 1));
  } else {
    for (let r = 0; r < limit; r++) masks.push(on.map(() => (random() < 0.5 ? 0 : 1)));
  }
  return masks.map((mask) => {
    const copy = pattern.map((p) => p.map((layer) => [...layer]));
    on.forEach(({ point, layer, unit }, b) => {
      const pos = copy[point]![layer]![unit]!;
      if (!isOnBreakpoint(pos)) throw new Error('internal: expected a breakpoint position');
      copy[point]![layer]![unit] = mask[b] ? pos + 1 : pos - 1;
    });
    return copy;
  });
}

/** ∓ the gradient and the negative / positive curvature directions of each neighbouring piece's loss. */
export function* pieceDirections(ctx: RaySearchContext, patterns: readonly DatasetPattern[]): Generator<Rational[]> {
  for (const pattern of patterns) {
    const d = lossDerivatives(ctx.net, ctx.data, ctx.loss, { pattern, penalty: ctx.penalty });
    if (d.gradient.some((g) => !g.isZero())) {
      yield d.gradient.map((g) => g.neg());
      yield [...d.gradient];
    }
    const down = negativeDirection(d.hessian);
    if (down) yield* bothSigns([down]);
    const up = negativeDirection(d.hessian.neg());
    if (up) yield* bothSigns([up]);
  }
}

/**
 * Float search: random small-rational directions ranked by the float loss change at a small step
 * (descent candidates first, most negative first; then ascent candidates). Only ranks; every
 * candidate is re-checked exactly by `searchRays`.
 */
export function floatRankedDirections(ctx: RaySearchContext, samples: number, keep: number, random: () => number): { descent: Rational[][]; ascent: Rational[][] } {
  const floatNet = mapNetwork(ctx.net, FloatField);
  const floatData = mapDataset(FloatField, ctx.data);
  const penalty = ctx.penalty ? { lambda: ctx.penalty.lambda.toNumber(), parameters: ctx.penalty.parameters } : undefined;
  const theta = flattenParameters(floatNet);
  const n = parameterCount(ctx.net);
  const risk = (t: readonly number[]): number => empiricalRisk(unflattenParameters(floatNet, t), floatData, ctx.loss, { penalty });
  const base = risk(theta);
  const scored: { direction: Rational[]; change: number }[] = [];
  for (let s = 0; s < samples; s++) {
    const direction = Array.from({ length: n }, () => Rational.approximate(gaussian(random), 0.05, 10n));
    if (direction.every((v) => v.isZero())) continue;
    const u = direction.map((v) => v.toNumber());
    // The smaller step catches second-order and higher effects that a linear term would hide.
    const rates = [1e-2, 1e-4].map((eps) => (risk(theta.map((t, k) => t + eps * u[k]!)) - base) / eps);
    const down = Math.min(...rates);
    scored.push({ direction, change: down < 0 ? down : Math.max(...rates) });
  }
  const descent = scored.filter((c) => c.change < 0).sort((a, b) => a.change - b.change).slice(0, keep).map((c) => c.direction);
  const ascent = scored.filter((c) => c.change > 0).sort((a, b) => b.change - a.change).slice(0, keep).map((c) => c.direction);
  return { descent, ascent };
}

/** Small integer combinations of basis vectors (e.g. of a Hessian's null space), both signs. */
export function* combinations(basis: readonly (readonly Rational[])[], count: number, random: () => number): Generator<Rational[]> {
  yield* bothSigns(basis);
  for (let i = 0; i + 1 < basis.length; i++) {
    for (let j = i + 1; j < basis.length; j++) {
      yield* bothSigns([basis[i]!.map((v, k) => v.add(basis[j]![k]!)), basis[i]!.map((v, k) => v.sub(basis[j]![k]!))]);
    }
  }
  if (basis.length === 0) return;
  for (let r = 0; r < count; r++) {
    const coefficients = basis.map(() => Rational.fromInt(Math.floor(random() * 7) - 3));
    yield basis[0]!.map((_, k) => coefficients.reduce((s, c, b) => s.add(c.mul(basis[b]![k]!)), Rational.ZERO));
  }
}
