// liu, App. E.1: when all weights are parallel, F of (E.1)–(E.3) loses rank in two typical ways.
import fc from 'fast-check';
import {
  Matrix,
  Rational,
  RationalField,
  anyConfirmed,
  classifyPoint,
  confirmed,
  contradicted,
  empiricalRisk,
  fail,
  forAll,
  oneHiddenLayerNetwork,
  pass,
  rank,
  smallRational,
  smt,
  squaredError,
  theorem,
  undecided,
  unconfirmed,
  type Dataset,
  type OneHiddenLayerPoint,
} from '../../src/index.ts';
import { rayWitness, show } from './_cells.ts';
import {
  confirmSat,
  directionHint,
  literalPoint,
  lossTerm,
  nonZero,
  notLocallyConstant,
  parallelPointFromRaw,
  parallelSystemTerms,
  satisfiable,
  type Decided,
} from './_confirm.ts';

const F = RationalField;

/**
 * Samples x_i on the line of the direction i (inputs (x_i, 1)), and K parallel weights with normal
 * n_k = ±i at x = h_k (§7.1): z_k = n_k, w_k = n_k(1, −h_k), so z_k[w_k·x_i]_+ = I_ik(x_i − h_k).
 * Samples are integers and every h_k is in ℤ + {¼, ½, ¾}, so no sample lies on a weight.
 */
export interface ParallelInstance {
  readonly x: readonly Rational[];
  readonly y: readonly Rational[];
  readonly normals: readonly (1 | -1)[];
  readonly h: readonly Rational[];
}

/** I_ik = 1 iff x_i is on the positive side of w_k: n_k(x − h_k) > 0. */
const active = (x: Rational, normal: 1 | -1, h: Rational): number => (x.sub(h).sign() * normal > 0 ? 1 : 0);

/**
 * F and f of (E.2), (E.3), built region by region: the weights cut the line into regions Ω_j
 * (open intervals between consecutive weight locations), with N_j samples each. Exported for the tests.
 */
export function regionSystem({ x, y, normals, h }: ParallelInstance): { F: Matrix<Rational>; f: Rational[] } {
  const cuts = [...new Set(h.map(String))].map((s) => h.find((v) => String(v) === s)!).sort((a, b) => a.compare(b));
  const inside = [cuts[0]!.sub(Rational.ONE), ...cuts.slice(1).map((c, m) => c.add(cuts[m]!).div(Rational.fromInt(2))), cuts.at(-1)!.add(Rational.ONE)];
  // Ω_j = (cuts[j−1], cuts[j]); `inside[j]` is a point of it.
  const inRegion = (v: Rational, j: number): boolean => (j === 0 || v.gt(cuts[j - 1]!)) && (j === cuts.length || v.lt(cuts[j]!));
  const K = h.length;
  const regions = inside.map((p, j) => {
    const members = x.flatMap((v, i) => (inRegion(v, j) ? [i] : []));
    return {
      I: normals.map((n, k) => active(p, n, h[k]!)),
      count: members.length,
      sumX: members.reduce((s, i) => s.add(x[i]!), Rational.ZERO),
      sumY: members.reduce((s, i) => s.add(y[i]!), Rational.ZERO),
    };
  });
  const Fm = Matrix.build(F, K, K, (l, k) => Rational.fromInt(regions.reduce((s, r) => s + r.I[l]! * r.I[k]! * r.count, 0)));
  const f = Array.from({ length: K }, (_, l) =>
    regions.reduce((s, r) => {
      if (r.I[l] !== 1) return s;
      const shared = r.I.reduce((c, v) => c + v, 0);
      return s.add(r.sumX.mul(Rational.fromInt(shared))).sub(r.sumY);
    }, Rational.ZERO),
  );
  return { F: Fm, f };
}

/** The network of §7.1 for the instance and its data set. */
export function parallelNetwork({ x, y, normals, h }: ParallelInstance): { point: OneHiddenLayerPoint; data: Dataset<Rational> } {
  const point: OneHiddenLayerPoint = {
    weights: normals.map((n, k) => [Rational.fromInt(n), h[k]!.neg().mul(Rational.fromInt(n))]),
    biases: null,
    outputWeights: normals.map((n) => Rational.fromInt(n)),
    outputBias: null,
  };
  return { point, data: { inputs: x.map((v) => [v, Rational.ONE]), targets: y.map((v) => [v]) } };
}

/** The loss (20) Σ_i(Σ_k I_ik(x_i − h_k) − y_i)² by the network forward pass at locations h + t·u. */
function lossAt(instance: ParallelInstance, u: readonly number[], t: Rational): Rational {
  const moved = { ...instance, h: instance.h.map((v, k) => v.add(t.mul(Rational.fromInt(u[k]!)))) };
  const { point, data } = parallelNetwork(moved);
  return empiricalRisk(oneHiddenLayerNetwork(point), data, squaredError('sum'));
}

/** A step that cannot move any h_k onto a sample (h_k is at distance ≥ ¼ from every integer). */
const STEP = Rational.of(1, 16);

/** The loss is unchanged along u (both ways): the components of h along u are free. */
const freeAlong = (instance: ParallelInstance, u: readonly number[]): boolean => {
  const here = lossAt(instance, u, Rational.ZERO);
  return lossAt(instance, u, STEP).equals(here) && lossAt(instance, u, STEP.neg()).equals(here);
};

const ROUTE = 'z3 on F, f and the network loss written from the raw instance';

/** Σ_i(Σ_k z_k[w_k·(x_i, 1)]_+ − y_i)² at positions h + t·u, written from the raw numbers. */
function lossTermAt(q: smt.SmtQuery, { x, y, normals, h }: ParallelInstance, u: readonly number[], t: Rational): smt.Term {
  const point = parallelPointFromRaw(normals, h.map((v, k) => v.add(t.mul(Rational.fromInt(u[k]!)))), 1);
  const data = { inputs: x.map((v) => [v, Rational.ONE]), targets: y.map((v) => [v]) };
  return smt.mul(smt.real(x.length), lossTerm(q, data, literalPoint(point), q.fresh('L')));
}

/** The loss is the same at h ± STEP·u as at h (on one quadratic piece, constant along u). */
const constantAlong = (instance: ParallelInstance, u: readonly number[]): Promise<Decided> =>
  satisfiable('the loss at h ± u/16 equals the loss at h', (q) => {
    const here = q.define('L_h', lossTermAt(q, instance, u, Rational.ZERO));
    return smt.and(smt.eq(lossTermAt(q, instance, u, STEP), here), smt.eq(lossTermAt(q, instance, u, STEP.neg()), here));
  });

/** F v = 0 for some v ≠ 0, F by its per-sample definition. */
const rankDeficient = (instance: ParallelInstance): Promise<Decided> =>
  satisfiable('F v = 0 for some v ≠ 0', (q) => {
    const { F } = parallelSystemTerms(instance.x, instance.y, instance.normals, instance.h.map(smt.real));
    const v = instance.h.map((_, k) => q.declare(`v_${k + 1}`));
    return smt.and(nonZero(v), ...F.map((row) => smt.eq(smt.add(...row.map((c, k) => smt.mul(c, v[k]!))), smt.ZERO)));
  });

/** Confirmed when one of the decided facts the check needs is false. */
function oneFails(decided: readonly Decided[]) {
  const evidence = Object.fromEntries(decided.map((d) => [d.meaning, d.evidence]));
  if (decided.some((d) => d.value === null)) return unconfirmed(ROUTE, 'the solver gave no answer', evidence);
  const broken = decided.filter((d) => d.value === false).map((d) => d.meaning);
  return broken.length > 0 ? confirmed(ROUTE, { failing: broken, ...evidence }) : contradicted(ROUTE, 'z3 decides every fact true', evidence);
}

const samples = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 5 });
const labels = (n: number) =>
  fc.oneof(fc.array(fc.constantFrom(1, -1).map((v) => Rational.fromInt(v)), { minLength: n, maxLength: n }), fc.array(smallRational(), { minLength: n, maxLength: n }));
const normal = fc.constantFrom<1 | -1>(1, -1);
const location = fc.integer({ min: -4, max: 3 }).map((k) => Rational.of(2 * k + 1, 2));
const weights = (max: number) => fc.array(fc.tuple(normal, location), { minLength: 0, maxLength: max });

const build = (xs: readonly number[], y: readonly Rational[], ws: readonly (readonly [1 | -1, Rational])[]): ParallelInstance => ({
  x: xs.map((v) => Rational.fromInt(v)),
  y,
  normals: ws.map(([n]) => n),
  h: ws.map(([, v]) => v),
});

const witnessOf = (instance: ParallelInstance, system: { F: Matrix<Rational>; f: Rational[] }) => ({
  x: show(instance.x),
  y: show(instance.y),
  normals: [...instance.normals],
  h: show(instance.h),
  F: system.F.toStrings(),
  f: show(system.f),
});

/** Case a): two weights l, l′ (the last two) with the same normal and no sample between them: k + ¼ and k + ¾. */
const pairInstances = fc.tuple(samples, weights(2), normal, fc.integer({ min: -4, max: 3 })).chain(([xs, others, n, k]) =>
  labels(xs.length).map((y) => build(xs, y, [...others, [n, Rational.of(4 * k + 1, 4)], [n, Rational.of(4 * k + 3, 4)]])),
);

const equalRows = forAll({
  name: 'a) no sample between two weights with the same normal: their rows of F (and entries of f) are equal, F is rank-deficient, and h_l − h_l′ is free',
  basis: 'exact',
  arbitrary: pairInstances,
  check: (instance) => {
    const system = regionSystem(instance);
    const K = instance.h.length;
    const [l, m] = [K - 2, K - 1];
    const rowsEqual = system.F.row(l).every((v, k) => v.equals(system.F.row(m)[k]!)) && system.f[l]!.equals(system.f[m]!);
    const deficient = rank(system.F) < K;
    const direction = instance.h.map((_, k) => (k === l ? 1 : k === m ? -1 : 0));
    const free = freeAlong(instance, direction);
    return rowsEqual && deficient && free ? pass() : fail({ ...witnessOf(instance, system), pair: [l, m], rowsEqual, deficient, 'loss constant along e_l − e_l′': free });
  },
  confirm: async (instance) => {
    const K = instance.h.length;
    const [l, m] = [K - 2, K - 1];
    const equal = await satisfiable('rows l, l′ of F and entries l, l′ of f are equal', () => {
      const { F, f } = parallelSystemTerms(instance.x, instance.y, instance.normals, instance.h.map(smt.real));
      return smt.and(smt.eq(f[l]!, f[m]!), ...F[l]!.map((v, k) => smt.eq(v, F[m]![k]!)));
    });
    return oneFails([equal, await rankDeficient(instance), await constantAlong(instance, instance.h.map((_, k) => (k === l ? 1 : k === m ? -1 : 0)))]);
  },
});

/** Case b): the last weight has no sample on its positive side. */
const emptySideInstances = fc.tuple(samples, weights(2), normal, fc.integer({ min: 0, max: 2 })).chain(([xs, others, n, gap]) => {
  const beyond = n > 0 ? Math.max(...xs) + gap : Math.min(...xs) - gap;
  return labels(xs.length).map((y) => build(xs, y, [...others, [n, Rational.of(2 * beyond + n, 2)]]));
});

const zeroRow = forAll({
  name: 'b) no sample on the positive side of w_k: row k of F is zero (and f(k) = 0), F is rank-deficient, and h_k is free',
  basis: 'exact',
  arbitrary: emptySideInstances,
  check: (instance) => {
    const system = regionSystem(instance);
    const k = instance.h.length - 1;
    const zero = system.F.row(k).every((v) => v.isZero()) && system.f[k]!.isZero();
    const deficient = rank(system.F) < instance.h.length;
    const free = freeAlong(instance, instance.h.map((_, m) => (m === k ? 1 : 0)));
    return zero && deficient && free ? pass() : fail({ ...witnessOf(instance, system), unit: k, 'zero row': zero, deficient, 'loss constant along e_k': free });
  },
  confirm: async (instance) => {
    const k = instance.h.length - 1;
    const zero = await satisfiable('row k of F and f(k) are zero', () => {
      const { F, f } = parallelSystemTerms(instance.x, instance.y, instance.normals, instance.h.map(smt.real));
      return smt.and(smt.eq(f[k]!, smt.ZERO), ...F[k]!.map((v) => smt.eq(v, smt.ZERO)));
    });
    return oneFails([zero, await rankDeficient(instance), await constantAlong(instance, instance.h.map((_, m) => (m === k ? 1 : 0)))]);
  },
});

/** Case c): every weight has its positive side empty. */
const plateauInstances = fc.tuple(samples, fc.array(fc.tuple(normal, fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 3 })).chain(([xs, ws]) =>
  labels(xs.length).map((y) =>
    build(
      xs,
      y,
      ws.map(([n, gap]) => [n, Rational.of(2 * (n > 0 ? Math.max(...xs) + gap : Math.min(...xs) - gap) + n, 2)] as const),
    ),
  ),
);

const plateau = forAll({
  name: 'F = 0 when no sample is on the positive side of any weight, and L(z, w) is locally constant there (a flat plateau)',
  basis: 'certified',
  arbitrary: plateauInstances,
  check: (instance) => {
    const system = regionSystem(instance);
    const { point, data } = parallelNetwork(instance);
    const k = classifyPoint(oneHiddenLayerNetwork(point), data, squaredError('mean'));
    const witness = () => ({
      ...witnessOf(instance, system),
      classifier: k.kind,
      reason: `${k.localMin.nonStrict.reason}; ${k.localMax.nonStrict.reason}`,
      'descent ray': rayWitness(k.localMin.nonStrict, point.weights.length, 2, 'descent') ?? 'none',
      'ascent ray': rayWitness(k.localMax.nonStrict, point.weights.length, 2, 'ascent') ?? 'none',
    });
    if (!system.F.isZero()) return fail(witness());
    // Locally constant = a non-strict local minimum and maximum; a certified ray against either fails.
    const certified = (d: { holds: boolean | null; basis: string }) => (d.basis === 'evidence' ? null : d.holds);
    const [min, max] = [certified(k.localMin.nonStrict), certified(k.localMax.nonStrict)];
    if (min === false || max === false) return fail(witness());
    return min === true && max === true ? pass() : undecided(`classifier: ${k.kind} (${k.localMin.nonStrict.reason})`);
  },
  confirm: async (instance, witness) => {
    const nonZeroF = await confirmSat(`${ROUTE}: F ≠ 0`, 'some entry of F is non-zero', () =>
      smt.or(...parallelSystemTerms(instance.x, instance.y, instance.normals, instance.h.map(smt.real)).F.flat().map((v) => smt.not(smt.eq(v, smt.ZERO)))),
    );
    if (nonZeroF.status === 'confirmed') return nonZeroF;
    const point = parallelPointFromRaw(instance.normals, instance.h, 1);
    const data = { inputs: instance.x.map((v) => [v, Rational.ONE]), targets: instance.y.map((v) => [v]) };
    return anyConfirmed([
      await notLocallyConstant(`${ROUTE}: descent ray`, data, point, directionHint(witness['descent ray']), 'descent'),
      await notLocallyConstant(`${ROUTE}: ascent ray`, data, point, directionHint(witness['ascent ray']), 'ascent'),
    ]);
  },
});

export default theorem({
  id: 'liu/appendix-e1',
  paper: 'liu',
  title: 'App. E.1: rank deficiency of F for parallel weights — equal rows, zero rows, the F = 0 plateau',
  statement:
    'Setting of §7.1: samples on the line of a direction i (inputs (x_i, 1)), K parallel weights with normals ' +
    'n_k = ±i at locations h_k and z_k = n_k, so z_k[w_k·x_i]_+ = I_ik(x_i − h_k); F and f are built region by ' +
    'region as written in (E.2), (E.3) (F(l, k) = Σ_j I_Ωj,l I_Ωj,k N_j). Integer samples and h_k ∈ ℤ + {¼, ½, ¾} ' +
    'keep every sample off every weight. Checked exactly: a) two weights with the same normal and no sample ' +
    'between them (h_l = k + ¼, h_l′ = k + ¾) give equal rows of F (and equal entries of f), so F is ' +
    'rank-deficient, and h_l − h_l′ is free: the network loss (20) does not change along e_l − e_l′; b) a weight ' +
    'with no sample on its positive side gives a zero row of F (f(k) = 0), rank deficiency, and a free h_k; ' +
    'c) when this holds for every weight, F = 0 and the classifier certifies that L(z, w) is locally constant ' +
    '(a flat plateau). Labels ±1 or small rationals, N ≤ 5, K ≤ 4.',
  checks: [equalRows, zeroRow, plateau],
});
