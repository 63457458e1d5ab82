import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { nullSpace } from '../linalg/elimination.ts';
import { inertia as inertiaOf, negativeDirection, type InertiaCounts } from '../linalg/inertia.ts';
import type { Matrix } from '../linalg/matrix.ts';
import type { Dataset } from '../network/dataset.ts';
import { lossDerivatives } from '../network/derivatives.ts';
import { NetworkError } from '../network/errors.ts';
import { activationPattern } from '../network/forward.ts';
import { cubicHingePoint, empiricalRisk, squaredErrorPoint, type Loss } from '../network/loss.ts';
import type { Network } from '../network/network.ts';
import { parameterCount } from '../network/parameters.ts';
import { breakpointLocations, type DatasetPattern, type UnitLocation } from '../network/pattern.ts';
import type { Penalty } from '../network/penalty.ts';
import { decision, kindOf, type Decision, type ExtremumDecisions, type PointClassification } from './classification.ts';
import { TimeLimitReached, withTimeCheck } from './adjacent-regions.ts';
import { regionLossIsConstant } from './constant-loss.ts';
import {
  combinations,
  coordinateDirections,
  emptySearch,
  floatRankedDirections,
  neighbouringPatterns,
  pieceDirections,
  searchRays,
  type RaySearchContext,
  type RaySearchState,
} from './direction-search.ts';
import { rescalingCurve } from './equal-loss.ts';
import { lossOnRay } from './ray.ts';
import { reparametrisedOptimality, type ReparametrisedOptimality } from './reparametrised-optimality.ts';
import { reparametrisedDirections } from './reparametrised-directions.ts';
import { seededRandom } from './rng.ts';

export interface ClassifyOptions {
  readonly penalty?: Penalty<Rational>;
  /** Seed of the float search (default 1). */
  readonly seed?: number;
  /** Random directions ranked in floats (default 128). */
  readonly randomDirections?: number;
  /** Best-ranked random directions then checked exactly, per kind (default 8). */
  readonly keepRandom?: number;
  /** Neighbouring pieces whose derivatives give candidate directions (default 32). */
  readonly neighbouringPatterns?: number;
  /** Random combinations of Hessian null directions tried (default 24). */
  readonly nullCombinations?: number;
  /**
   * Seconds the classification may take (default: no limit). Checked between directions, adjacent
   * regions and pieces; once spent, what is not decided yet is reported undecided (evidence).
   */
  readonly timeLimitSeconds?: number;
}

/** The time budget of one classification; `spent` stays true once the limit has passed. */
class Budget {
  private readonly deadline: number;
  private over = false;
  /** True once some search or check was skipped or stopped for lack of time. */
  cut = false;
  constructor(readonly seconds: number | undefined) {
    this.deadline = seconds === undefined ? Infinity : performance.now() + seconds * 1000;
  }

  get spent(): boolean {
    if (!this.over && performance.now() > this.deadline) this.over = true;
    return this.over;
  }

  /** Throws TimeLimitReached once spent (the check run inside the adjacent-cell enumeration). */
  readonly check = (): void => {
    if (this.spent) throw new TimeLimitReached();
  };

  /** True, and recorded as a cut, when the time is spent: the caller skips its work. */
  skip(): boolean {
    const spent = this.spent;
    if (spent) this.cut = true;
    return spent;
  }

  /** The candidate directions, cut off once the time is spent (before the next is computed): searchRays then ends with what it found. */
  *directions(candidates: Iterable<readonly Rational[]>): Generator<readonly Rational[]> {
    const iterator = candidates[Symbol.iterator]();
    while (!this.skip()) {
      const next = iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }

  /** What the reparametrised optimality check gives within the time left, or "not applicable" once it is spent. */
  reparametrised(work: () => ReparametrisedOptimality): ReparametrisedOptimality {
    if (this.skip()) return { applicable: false, reason: this.note() };
    try {
      return withTimeCheck(this.check, work);
    } catch (error) {
      if (!(error instanceof TimeLimitReached)) throw error;
      this.cut = true;
      return { applicable: false, reason: this.note() };
    }
  }

  note(): string {
    return `time limit of ${this.seconds} s reached (--time-limit)`;
  }

  /** An evidence decision made after the time ran out is undecided: the search behind it was cut short. */
  settle(d: Decision): Decision {
    if (!this.cut || d.basis !== 'evidence') return d;
    return decision(null, 'evidence', `undecided: ${this.note()}; ${d.reason}`, d.certificate);
  }

  settleBoth(ds: ExtremumDecisions): ExtremumDecisions {
    return { strict: this.settle(ds.strict), nonStrict: this.settle(ds.nonStrict) };
  }
}

/**
 * Classifies a parameter point of the real (non-frozen) loss: differentiable or not, critical or
 * not, local minimum / maximum in the strict and non-strict sense, each decision with its basis
 * and certificate. Over the rationals only; the loss must be evaluable exactly (squared error for
 * complete ray expansions; other polynomial losses to second order).
 */
export function classifyPoint(net: Network<Rational>, data: Dataset<Rational>, loss: Loss, options: ClassifyOptions = {}): PointClassification {
  if (net.field !== RationalField) throw new NetworkError('classifyPoint: the network must be over the rationals');
  if (!loss.point.polynomial) throw new NetworkError(`classifyPoint: the ${loss.point.name} loss cannot be decided over the rationals`);
  const ctx: RaySearchContext = { net, data, loss, penalty: options.penalty };
  const value = empiricalRisk(net, data, loss, { penalty: options.penalty });
  const { pattern, breakpoints } = currentPattern(net, data);
  const budget = new Budget(options.timeLimitSeconds);
  const result =
    breakpoints.length === 0
      ? classifyDifferentiable(ctx, value, pattern, options, budget)
      : classifyNonDifferentiable(ctx, value, pattern, breakpoints, options, budget);
  if (!budget.cut) return result;
  // Decisions taken on a search the time limit cut short are undecided; the kind follows from them.
  const localMin = budget.settleBoth(result.localMin);
  const localMax = budget.settleBoth(result.localMax);
  return { ...result, ...kindOf(localMin, localMax), localMin, localMax };
}

/**
 * The network's pattern with its breakpoint locations. A bias-free first-layer unit on the input
 * x_i = 0 has pre-activation 0 for every weight: it never switches, so it is frozen to its left
 * piece (both pieces give h(0) there) and does not count as a breakpoint.
 */
export function currentPattern(net: Network<Rational>, data: Dataset<Rational>): { pattern: DatasetPattern; breakpoints: UnitLocation[] } {
  const raw = activationPattern(net, data);
  const degenerate = (loc: UnitLocation): boolean =>
    loc.layer === 0 && net.layers[0]!.bias === null && data.inputs[loc.point]!.every((v) => v.isZero());
  const frozen = raw.map((p, i) => p.map((layer, l) => layer.map((pos, u) => (degenerate({ point: i, layer: l, unit: u }) && pos % 2 === 1 ? pos - 1 : pos))));
  return { pattern: frozen, breakpoints: breakpointLocations(frozen) };
}

function classifyDifferentiable(ctx: RaySearchContext, value: Rational, pattern: DatasetPattern, options: ClassifyOptions, budget: Budget): PointClassification {
  const { net, data, loss, penalty } = ctx;
  const d = lossDerivatives(net, data, loss, { pattern, penalty });
  const base = { value, differentiable: true, breakpoints: [], gradient: d.gradient, directionsTried: 0 };
  if (d.gradient.some((g) => !g.isZero())) {
    const no = decision(false, 'exact', 'the gradient is not zero', { kind: 'gradient', gradient: d.gradient });
    const both: ExtremumDecisions = { strict: no, nonStrict: no };
    return { ...base, kind: 'not-critical', basis: 'exact', critical: false, inertia: null, localMin: both, localMax: both };
  }
  const H = d.hessian;
  const inertia = inertiaOf(H);
  const counts: InertiaCounts = { positive: inertia.positive, negative: inertia.negative, zero: inertia.zero };
  const random = seededRandom(options.seed ?? 1);
  const search = emptySearch();
  const facts = new LazyFacts(ctx, pattern, value, budget);
  const localMin = minimumAtCriticalPoint(ctx, H, counts, facts, search, random, options, budget);
  const localMax = maximumAtCriticalPoint(ctx, H, counts, facts, search, random, options, localMin, budget);
  const { kind, basis } = kindOf(localMin, localMax);
  return { ...base, kind, basis, critical: true, inertia: counts, localMin, localMax, directionsTried: search.tried };
}

/** Facts computed at most once per classification. */
class LazyFacts {
  private reparametrisation?: ReparametrisedOptimality;
  private constant?: boolean | null;
  constructor(
    private readonly ctx: RaySearchContext,
    private readonly pattern: DatasetPattern,
    private readonly value: Rational,
    private readonly budget: Budget,
  ) {}

  reparametrised(): ReparametrisedOptimality {
    this.reparametrisation ??= this.budget.reparametrised(() =>
      reparametrisedOptimality(this.ctx.net, this.ctx.data, this.ctx.loss, { penalised: this.ctx.penalty !== undefined }),
    );
    return this.reparametrisation;
  }

  /** L(θ) = 0 and the loss cannot be negative. */
  zeroLoss(): boolean {
    return isZeroOfNonNegativeLoss(this.ctx, this.value);
  }

  /** The region's loss is a constant polynomial (null: unknown). */
  regionConstant(): boolean | null {
    if (this.constant === undefined) this.constant = regionLossIsConstant(this.ctx.net, this.ctx.data, this.ctx.loss, this.pattern, { penalty: this.ctx.penalty });
    return this.constant;
  }
}

function minimumAtCriticalPoint(
  ctx: RaySearchContext,
  H: Matrix<Rational>,
  counts: InertiaCounts,
  facts: LazyFacts,
  search: RaySearchState,
  random: () => number,
  options: ClassifyOptions,
  budget: Budget,
): ExtremumDecisions {
  const n = H.rows;
  if (counts.negative > 0) {
    const ray = verifiedRay(ctx, negativeDirection(H)!, -1, search);
    const no = decision(false, 'certified', 'the Hessian has a negative direction (dᵀHd < 0 at a critical point)', { kind: 'ray', expansion: ray });
    return { strict: no, nonStrict: no };
  }
  if (counts.positive === n) {
    const yes = decision(true, 'certified', 'gradient zero and positive-definite Hessian (LDLᵀ inertia)', { kind: 'hessian', inertia: counts });
    return { strict: yes, nonStrict: yes };
  }
  const nonStrict = singularMinimum(ctx, H, facts, search, random, options, budget);
  if (nonStrict.holds !== true) return { strict: nonStrict, nonStrict };
  return { strict: strictness(ctx, H, search, random, options, 'minimum', budget), nonStrict };
}

/** Gradient zero, Hessian PSD and singular: the reparametrisation, a higher-order descent, or a constant loss decides. */
function singularMinimum(
  ctx: RaySearchContext,
  H: Matrix<Rational>,
  facts: LazyFacts,
  search: RaySearchState,
  random: () => number,
  options: ClassifyOptions,
  budget: Budget,
): Decision {
  if (facts.zeroLoss()) return zeroLossDecision();
  const opt = facts.reparametrised();
  if (opt.applicable && opt.holds) {
    return decision(true, 'certified', 'the reparametrised parameters minimise the region\'s convex loss (a subglobal minimum whose region contains θ)', {
      kind: 'reparametrisation',
      casesChecked: opt.casesChecked,
    });
  }
  const basis = nullSpace(H);
  searchRays(ctx, search, budget.directions(combinations(basis, options.nullCombinations ?? 24, random)), { descent: true, ascent: false, flat: false });
  if (search.descent) return decision(false, 'certified', `a Hessian null direction descends at order ${search.descent.order}`, { kind: 'ray', expansion: search.descent });
  if (facts.regionConstant() === true) return decision(true, 'certified', 'the region\'s loss is constant near θ', { kind: 'locally-constant', regionsChecked: 1 });
  const why = opt.applicable ? 'the reparametrised optimality check failed' : `no reparametrisation certificate (${opt.reason})`;
  return decision(null, 'evidence', `singular positive-semidefinite Hessian: ${why}; no descent among ${search.tried} directions tried`);
}

function maximumAtCriticalPoint(
  ctx: RaySearchContext,
  H: Matrix<Rational>,
  counts: InertiaCounts,
  facts: LazyFacts,
  search: RaySearchState,
  random: () => number,
  options: ClassifyOptions,
  localMin: ExtremumDecisions,
  budget: Budget,
): ExtremumDecisions {
  const n = H.rows;
  if (counts.positive > 0) {
    const ray = verifiedRay(ctx, negativeDirection(H.neg())!, 1, search);
    const no = decision(false, 'certified', 'the Hessian has a positive direction (dᵀHd > 0 at a critical point)', { kind: 'ray', expansion: ray });
    return { strict: no, nonStrict: no };
  }
  if (counts.negative === n && n > 0) {
    const yes = decision(true, 'certified', 'gradient zero and negative-definite Hessian (LDLᵀ inertia)', { kind: 'hessian', inertia: counts });
    return { strict: yes, nonStrict: yes };
  }
  const constant = facts.regionConstant();
  if (constant === true) {
    const yes = decision(true, 'certified', 'the region\'s loss is constant near θ', { kind: 'locally-constant', regionsChecked: 1 });
    return { strict: strictness(ctx, H, search, random, options, 'maximum', budget), nonStrict: yes };
  }
  if (constant === false && localMin.nonStrict.holds === true && localMin.nonStrict.basis !== 'evidence') {
    // L ≥ L(θ) near θ and L is a non-constant polynomial near θ: larger values arbitrarily close.
    const no = decision(false, 'certified', 'θ is a local minimum and the region\'s loss is not constant near θ', localMin.nonStrict.certificate);
    return { strict: no, nonStrict: no };
  }
  searchRays(ctx, search, budget.directions(combinations(nullSpace(H), options.nullCombinations ?? 24, random)), { descent: false, ascent: true, flat: false });
  if (search.ascent) {
    const no = decision(false, 'certified', `a Hessian null direction ascends at order ${search.ascent.order}`, { kind: 'ray', expansion: search.ascent });
    return { strict: no, nonStrict: no };
  }
  const open = decision(null, 'evidence', `singular negative-semidefinite Hessian; no ascent among ${search.tried} directions tried`);
  return { strict: open, nonStrict: open };
}

/** At a non-strict extremum: a flat ray or an equal-loss curve shows it is not strict. */
function strictness(
  ctx: RaySearchContext,
  H: Matrix<Rational> | null,
  search: RaySearchState,
  random: () => number,
  options: ClassifyOptions,
  what: 'minimum' | 'maximum',
  budget: Budget,
): Decision {
  const n = parameterCount(ctx.net);
  const candidates = H ? [...combinations(nullSpace(H), options.nullCombinations ?? 24, random), ...coordinateDirections(n)] : [...coordinateDirections(n)];
  searchRays(ctx, search, budget.directions(candidates), { descent: false, ascent: false, flat: true });
  if (search.flat) return decision(false, 'certified', `the loss is constant along a ray from θ: not a strict local ${what}`, { kind: 'ray', expansion: search.flat });
  const curve = rescalingCurve(ctx.net, ctx.data, ctx.loss, ctx.penalty);
  if (curve) return decision(false, 'certified', `positive homogeneity: ${curve.description} keeps the loss; not a strict local ${what}`, { kind: 'equal-loss-curve', curve });
  return decision(null, 'evidence', `strictness undecided: no flat ray among ${search.tried} directions and no rescaling curve`);
}

/** The ray along a Hessian certificate direction, checked to go the expected way. */
function verifiedRay(ctx: RaySearchContext, direction: readonly Rational[], expected: -1 | 1, search: RaySearchState) {
  const ray = lossOnRay(ctx.net, ctx.data, ctx.loss, direction, { penalty: ctx.penalty });
  search.tried++;
  if (ray.sign !== expected) throw new Error(`internal: Hessian direction does not ${expected < 0 ? 'descend' : 'ascend'} along its ray`);
  return ray;
}

function classifyNonDifferentiable(
  ctx: RaySearchContext,
  value: Rational,
  pattern: DatasetPattern,
  breakpoints: UnitLocation[],
  options: ClassifyOptions,
  budget: Budget,
): PointClassification {
  const random = seededRandom(options.seed ?? 1);
  const search = emptySearch();
  const n = parameterCount(ctx.net);
  const opt = budget.reparametrised(() => reparametrisedOptimality(ctx.net, ctx.data, ctx.loss, { penalised: ctx.penalty !== undefined }));
  const proven = opt.applicable && opt.holds;
  const wants = { descent: true, ascent: true, flat: true };
  const structured = function* () {
    if (opt.applicable && !opt.holds) yield* reparametrisedDirections(ctx.net, opt.failures);
    yield* pieceDirections(ctx, neighbouringPatterns(pattern, breakpoints, options.neighbouringPatterns ?? 32, random));
    yield* coordinateDirections(n);
  };
  searchRays(ctx, search, budget.directions(structured()), wants);
  if ((!search.descent || !search.ascent) && !budget.skip()) {
    const ranked = floatRankedDirections(ctx, options.randomDirections ?? 128, options.keepRandom ?? 8, random);
    searchRays(ctx, search, budget.directions([...ranked.descent, ...ranked.ascent]), wants);
  }
  if ((proven || isZeroOfNonNegativeLoss(ctx, value)) && search.descent) throw new Error('internal: a descent ray contradicts a local-minimum certificate');
  const minNS = minimumAtKink(ctx, search, value, opt, pattern, breakpoints, budget);
  const maxNS = maximumAtKink(ctx, search, pattern, breakpoints, budget);
  const strictOf = (ns: Decision, what: 'minimum' | 'maximum'): Decision => (ns.holds === true ? strictness(ctx, null, search, random, options, what, budget) : ns);
  const localMin = { nonStrict: minNS, strict: strictOf(minNS, 'minimum') };
  const localMax = { nonStrict: maxNS, strict: strictOf(maxNS, 'maximum') };
  const { kind, basis } = kindOf(localMin, localMax);
  return {
    kind,
    basis,
    value,
    differentiable: false,
    breakpoints,
    gradient: null,
    critical: null,
    inertia: null,
    localMin,
    localMax,
    directionsTried: search.tried,
  };
}

/** Non-strict local minimum at a kink: a descent ray, zero loss, the reparametrised certificate, constancy, or evidence. */
function minimumAtKink(
  ctx: RaySearchContext,
  search: RaySearchState,
  value: Rational,
  opt: ReparametrisedOptimality,
  pattern: DatasetPattern,
  breakpoints: readonly UnitLocation[],
  budget: Budget,
): Decision {
  if (search.descent) return decision(false, 'certified', `descent ray (order ${search.descent.order})`, { kind: 'ray', expansion: search.descent });
  if (isZeroOfNonNegativeLoss(ctx, value)) return zeroLossDecision();
  if (opt.applicable && opt.holds) {
    return decision(true, 'certified', 'R(θ) minimises the convex loss of every adjacent region over its reachable cone', {
      kind: 'reparametrisation',
      casesChecked: opt.casesChecked,
    });
  }
  const constant = search.ascent ? null : neighbouringConstancy(ctx, pattern, breakpoints, budget);
  if (constant !== null) return decision(true, 'certified', 'the loss of every neighbouring piece is constant', { kind: 'locally-constant', regionsChecked: constant });
  const why = opt.applicable ? '' : ` (no reparametrisation certificate: ${opt.reason})`;
  return decision(true, 'evidence', `no descent among ${search.tried} directions tried${why}`);
}

/** Non-strict local maximum at a kink: an ascent ray, the reparametrised certificate, constancy, or evidence. */
function maximumAtKink(ctx: RaySearchContext, search: RaySearchState, pattern: DatasetPattern, breakpoints: readonly UnitLocation[], budget: Budget): Decision {
  const ascent = (): Decision => decision(false, 'certified', `ascent ray (order ${search.ascent!.order})`, { kind: 'ray', expansion: search.ascent! });
  if (search.ascent) return ascent();
  const opt = budget.reparametrised(() => reparametrisedOptimality(ctx.net, ctx.data, ctx.loss, { sense: 'max', penalised: ctx.penalty !== undefined }));
  if (opt.applicable && opt.holds) {
    return decision(true, 'certified', 'R(θ) maximises the convex loss of every adjacent region near R(θ) over its reachable cone', {
      kind: 'reparametrisation',
      casesChecked: opt.casesChecked,
    });
  }
  if (opt.applicable) {
    searchRays(ctx, search, budget.directions(reparametrisedDirections(ctx.net, opt.failures)), { descent: false, ascent: true, flat: false });
    if (search.ascent) return ascent();
  }
  const constant = neighbouringConstancy(ctx, pattern, breakpoints, budget);
  if (constant !== null) return decision(true, 'certified', 'the loss of every neighbouring piece is constant', { kind: 'locally-constant', regionsChecked: constant });
  return decision(true, 'evidence', `no ascent among ${search.tried} directions tried`);
}

/** Squared error and cubic hinge are never negative; a penalty only adds λ‖θ_S‖² ≥ 0 when λ ≥ 0. */
function isZeroOfNonNegativeLoss(ctx: RaySearchContext, value: Rational): boolean {
  const nonNegative = ctx.loss.point === squaredErrorPoint || ctx.loss.point === cubicHingePoint;
  return nonNegative && value.isZero() && (ctx.penalty === undefined || ctx.penalty.lambda.sign() >= 0);
}

function zeroLossDecision(): Decision {
  return decision(true, 'certified', 'the loss is 0 and never negative: a global minimum', { kind: 'zero-loss' });
}

/**
 * Near θ every point's loss is the frozen loss of some resolution of θ's breakpoint positions
 * (left or right piece for each; a unit staying on its kink has the same value in both). If every
 * resolution's loss is a constant polynomial, the loss is constant near θ: returns their number,
 * or null (not constant, unknown, or more than 2^12 resolutions).
 */
function neighbouringConstancy(ctx: RaySearchContext, pattern: DatasetPattern, breakpoints: readonly UnitLocation[], budget: Budget): number | null {
  if (breakpoints.length > 12) return null;
  const resolutions = neighbouringPatterns(pattern, breakpoints, 2 ** breakpoints.length, () => 0);
  for (const r of resolutions) {
    if (budget.skip()) return null;
    if (regionLossIsConstant(ctx.net, ctx.data, ctx.loss, r, { penalty: ctx.penalty }) !== true) return null;
  }
  return resolutions.length;
}
