// liu, §7.1 eqs. (20)–(24): parallel weight vectors reduce the loss to one dimension.
import fc from 'fast-check';
import {
  Rational,
  classCounts,
  empiricalRisk,
  fail,
  forAll,
  lossDerivatives,
  oneHiddenLayerNetwork,
  parallelLoss,
  parallelPoint,
  parallelRegions,
  parallelSystem,
  parameterIndex,
  pass,
  smallRational,
  smt,
  solve,
  squaredError,
  theorem,
  unconfirmed,
  twoWeightClosedForm,
  type Dataset,
  type ParallelWeights,
} from '../../src/index.ts';

interface ParallelInstance {
  readonly data: Dataset<Rational>;
  readonly weights: ParallelWeights;
}

import { confirmSat, literalPoint, lossTerm, parallelIndicator, parallelPointFromRaw, parallelSystemTerms } from './_confirm.ts';

const show = (xs: readonly Rational[]): string[] => xs.map(String);

const ROUTE = 'z3 on the network and on (20)–(24) written from the raw instance';

/** N·L(z, w) of the §7.1 network at positions h, as a term (the network written from the raw numbers). */
function networkSum(q: smt.SmtQuery, data: Dataset<Rational>, normals: readonly (1 | -1)[], h: readonly Rational[], name: string): smt.Term {
  const point = parallelPointFromRaw(normals, h, data.inputs[0]!.length);
  return smt.mul(smt.real(data.inputs.length), lossTerm(q, homogeneous(data), literalPoint(point), name));
}

/** The largest 2^−k below every |x_i − h_k| / 2: moving every h_k by at most that keeps each sample's side. */
function sideKeepingStep(x: readonly Rational[], h: readonly Rational[]): Rational {
  let s = Rational.ONE;
  for (const xi of x) for (const hk of h) while (!s.mul(Rational.fromInt(2)).lt(xi.sub(hk).abs())) s = s.div(Rational.fromInt(2));
  return s;
}
const coordinatesOf = (data: Dataset<Rational>): Rational[] => data.inputs.map((x) => x[0]!);
const labelsOf = (data: Dataset<Rational>): Rational[] => data.targets.map((t) => t[0]!);
/** Homogeneous inputs (x, 1) of the network. */
const homogeneous = (data: Dataset<Rational>): Dataset<Rational> => ({ inputs: data.inputs.map((x) => [...x, Rational.ONE]), targets: data.targets });
const noSampleOnAWeight = ({ data, weights }: ParallelInstance): boolean => coordinatesOf(data).every((x) => weights.positions.every((h) => !h.equals(x)));

/** Inputs in ℝ^d (d ≤ 2; i = e_1), labels ±1, K ≤ 3 parallel weights with random normals and positions. */
const instances: fc.Arbitrary<ParallelInstance> = fc
  .record({
    dim: fc.integer({ min: 1, max: 2 }),
    points: fc.integer({ min: 1, max: 5 }),
    normals: fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: 1, maxLength: 3 }),
  })
  .chain(({ dim, points, normals }) =>
    fc.record({
      inputs: fc.array(fc.array(smallRational(), { minLength: dim, maxLength: dim }), { minLength: points, maxLength: points }),
      labels: fc.array(fc.constantFrom(Rational.ONE, Rational.MINUS_ONE), { minLength: points, maxLength: points }),
      positions: fc.array(smallRational(), { minLength: normals.length, maxLength: normals.length }),
      normals: fc.constant(normals),
    }),
  )
  .map(({ inputs, labels, positions, normals }) => ({ data: { inputs, targets: labels.map((y) => [y]) }, weights: { normals, positions } }))
  .filter(noSampleOnAWeight);

const reducedLoss = forAll({
  name: '(20): with w_k = n_k(i, −h_k) and z_k = n_k the loss N·L(z, w) is the 1-D sum over the regions Ω_j',
  basis: 'exact',
  arbitrary: instances,
  check: ({ data, weights }) => {
    const net = oneHiddenLayerNetwork(parallelPoint(weights, data.inputs[0]!.length));
    const N = Rational.fromInt(data.inputs.length);
    const network = empiricalRisk(net, homogeneous(data), squaredError('mean')).mul(N);
    const reduced = parallelLoss(coordinatesOf(data), labelsOf(data), weights);
    return network.equals(reduced) ? pass() : fail({ x: show(coordinatesOf(data)), y: show(labelsOf(data)), h: show(weights.positions), n: [...weights.normals], 'N·L(z, w)': network, '(20)': reduced });
  },
  confirm: ({ data, weights }) =>
    confirmSat(ROUTE, 'N·L(z, w) of the network differs from (20) Σ_i(Σ_k I_ik(x_i − h_k) − y_i)²', (q) => {
      const x = coordinatesOf(data);
      const y = labelsOf(data);
      const reduced = smt.add(
        ...x.map((xi, i) => {
          const f = smt.add(...weights.normals.map((n, k) => smt.mul(parallelIndicator(xi, n, smt.real(weights.positions[k]!)), smt.real(xi.sub(weights.positions[k]!)))));
          return smt.square(smt.sub(f, smt.real(y[i]!)));
        }),
      );
      return smt.not(smt.eq(networkSum(q, data, weights.normals, weights.positions, 'net'), reduced));
    }),
});

const normalEquations = forAll({
  name: '(21)–(22): the exact network gradient and Hessian in h are (2/N)(Fh − f) and (2/N)F',
  basis: 'exact',
  arbitrary: instances,
  check: ({ data, weights }) => {
    const d = data.inputs[0]!.length;
    const net = oneHiddenLayerNetwork(parallelPoint(weights, d));
    const { gradient, hessian } = lossDerivatives(net, homogeneous(data), squaredError('mean'));
    const { F, f } = parallelSystem(coordinatesOf(data), labelsOf(data), weights);
    const N = Rational.fromInt(data.inputs.length);
    const K = weights.normals.length;
    // h_k enters only through the last (homogeneous) coordinate −n_k h_k of w_k.
    const index = (k: number) => parameterIndex(net, `W1[${k},${d}]`);
    const n = (k: number) => Rational.fromInt(weights.normals[k]!);
    const Fh = F.mulVec(weights.positions);
    const mismatches: string[] = [];
    for (let l = 0; l < K; l++) {
      const dh = gradient[index(l)]!.mul(n(l)).neg().mul(N);
      if (!dh.equals(Fh[l]!.sub(f[l]!).mul(Rational.fromInt(2)))) mismatches.push(`N ∂L/∂h_${l + 1} = ${dh}, 2(Fh − f) = ${Fh[l]!.sub(f[l]!).mul(Rational.fromInt(2))}`);
      for (let k = 0; k < K; k++) {
        const hkl = hessian.get(index(l), index(k)).mul(n(l)).mul(n(k)).mul(N);
        if (!hkl.equals(F.get(l, k).mul(Rational.fromInt(2)))) mismatches.push(`N ∂²L/∂h_${l + 1}∂h_${k + 1} = ${hkl}, 2F = ${F.get(l, k).mul(Rational.fromInt(2))}`);
      }
    }
    return mismatches.length === 0
      ? pass()
      : fail({ x: show(coordinatesOf(data)), y: show(labelsOf(data)), h: show(weights.positions), n: [...weights.normals], F: F.toStrings(), f: show(f), mismatches });
  },
  // Exact differences of N·L in h (one quadratic piece while no h_k crosses a sample) against 2(Fh − f) and 2F.
  confirm: ({ data, weights }) =>
    confirmSat(ROUTE, 'a central difference of N·L(h) (exact on its quadratic piece) differs from 2(Fh − f) or 2F', (q) => {
      const x = coordinatesOf(data);
      const h = weights.positions;
      const K = h.length;
      const s = sideKeepingStep(x, h);
      const at = (u: readonly number[], t: Rational): smt.Term =>
        q.define(q.fresh('NL'), networkSum(q, data, weights.normals, h.map((v, k) => v.add(t.mul(Rational.fromInt(u[k]!)))), q.fresh('net')));
      const unit = (a: number, b: number | null) => h.map((_, k) => (k === a || k === b ? 1 : 0));
      const p0 = at(unit(-1, null), Rational.ZERO);
      const second = (u: readonly number[]) => smt.div(smt.add(at(u, s), at(u, s.neg()), smt.mul(smt.real(-2), p0)), smt.real(s.mul(s)));
      const { F, f } = parallelSystemTerms(x, labelsOf(data), weights.normals, h.map(smt.real));
      const two = smt.real(2);
      const broken: smt.Term[] = [];
      for (let l = 0; l < K; l++) {
        const first = smt.div(smt.sub(at(unit(l, null), s), at(unit(l, null), s.neg())), smt.real(s.mul(Rational.fromInt(2))));
        const Fh = smt.add(...h.map((hk, k) => smt.mul(F[l]![k]!, smt.real(hk))));
        broken.push(smt.not(smt.eq(first, smt.mul(two, smt.sub(Fh, f[l]!)))));
        const dll = second(unit(l, null));
        broken.push(smt.not(smt.eq(dll, smt.mul(two, F[l]![l]!))));
        for (let k = l + 1; k < K; k++) {
          const mixed = smt.div(smt.sub(second(unit(l, k)), smt.add(dll, second(unit(k, null)))), two);
          broken.push(smt.not(smt.eq(mixed, smt.mul(two, F[l]![k]!))));
        }
      }
      return smt.or(...broken);
    }),
});

/** Equal class sizes (1–3 each), 1-D coordinates, w_1 = +i at h_1 and w_2 = −i at h_2 < h_1. */
const twoWeights = fc
  .record({
    size: fc.integer({ min: 1, max: 3 }),
    ends: fc.uniqueArray(smallRational(), { minLength: 2, maxLength: 2, selector: String }),
  })
  .chain(({ size, ends }) =>
    fc.record({
      coordinates: fc.uniqueArray(smallRational(), { minLength: 2 * size, maxLength: 2 * size, selector: String }),
      h: fc.constant(([...ends].sort((a, b) => b.compare(a)) as [Rational, Rational])),
    }),
  )
  .map(({ coordinates, h }) => ({
    data: { inputs: coordinates.map((x) => [x]), targets: coordinates.map((_, i) => [i % 2 === 0 ? Rational.ONE : Rational.MINUS_ONE]) },
    weights: { normals: [1, -1] as (1 | -1)[], positions: [...h] },
  }))
  .filter(noSampleOnAWeight);

const closedForm = forAll({
  name: '(23)–(24): for two weights F = diag(N_1, N_3), f is (23)’s, and (24) is the solution of Fh = f',
  basis: 'exact',
  arbitrary: twoWeights,
  check: ({ data, weights }) => {
    const x = coordinatesOf(data);
    const y = labelsOf(data);
    const [h1, h2] = weights.positions as [Rational, Rational];
    const { F, f } = parallelSystem(x, y, weights);
    const regions = parallelRegions(x, weights);
    const omega1 = regions.find((r) => r.lower !== null && r.lower.equals(h1) && r.upper === null)!;
    const omega3 = regions.find((r) => r.lower === null && r.upper !== null && r.upper.equals(h2))!;
    const rhs23 = [omega1, omega3].map((r) => {
      const c = classCounts(x, y, r.samples);
      const moment = (count: number, mean: Rational | null) => (mean === null ? Rational.ZERO : Rational.fromInt(count).mul(mean));
      return moment(c.positives, c.positiveMean).add(moment(c.negatives, c.negativeMean)).sub(Rational.fromInt(c.positives)).add(Rational.fromInt(c.negatives));
    });
    const F23 = [
      [Rational.fromInt(omega1.samples.length), Rational.ZERO],
      [Rational.ZERO, Rational.fromInt(omega3.samples.length)],
    ];
    const witness = () => ({ x: show(x), y: show(y), h: show([h1, h2]), F: F.toStrings(), f: show(f), '(23) F': F23.map(show), '(23) rhs': show(rhs23) });
    if (!F.toArrays().every((row, l) => row.every((v, k) => v.equals(F23[l]![k]!))) || !f.every((v, l) => v.equals(rhs23[l]!))) return fail(witness());
    const closed = twoWeightClosedForm(x, y, [h1, h2]);
    const solved = solve(F, f);
    if (solved.kind !== 'solution') return fail({ ...witness(), reason: 'Fh = f inconsistent' });
    // (24) is defined exactly when its region has samples; then that coordinate of h* is determined.
    const mismatch = closed.some((value, l) => {
      const determined = solved.nullBasis.every((b) => b[l]!.isZero());
      if (value === null) return determined;
      return !determined || !value.equals(solved.particular[l]!);
    });
    return mismatch ? fail({ ...witness(), '(24)': closed.map(String), 'solution of (21)': show(solved.particular), free: solved.nullBasis.length }) : pass();
  },
  confirm: ({ data, weights }) => {
    const x = coordinatesOf(data);
    const y = labelsOf(data);
    const h = weights.positions.map(smt.real);
    if (weights.normals[0] !== 1 || weights.normals[1] !== -1) return unconfirmed(ROUTE, 'not the two-weight setting of Fig. 3');
    return confirmSat(ROUTE, 'F ≠ diag(N_1, N_3), f differs from (23), or (24) is not the solution of Fh = f where it is determined', () => {
      const { F, f } = parallelSystemTerms(x, y, weights.normals, h);
      const inRegion = (l: number, i: number) => (l === 0 ? smt.gt(smt.real(x[i]!), h[0]!) : smt.lt(smt.real(x[i]!), h[1]!));
      const count = (l: number, label: number | null) => smt.add(...x.map((_, i) => (label === null || y[i]!.equals(Rational.fromInt(label)) ? smt.ite(inRegion(l, i), smt.ONE, smt.ZERO) : smt.ZERO)));
      const sum = (l: number, label: number) => smt.add(...x.map((xi, i) => (y[i]!.equals(Rational.fromInt(label)) ? smt.ite(inRegion(l, i), smt.real(xi), smt.ZERO) : smt.ZERO)));
      // N_j± x̄_j± with x̄ the class mean in the region (0 when the class is absent there).
      const moment = (l: number, label: number) => smt.ite(smt.eq(count(l, label), smt.ZERO), smt.ZERO, smt.mul(count(l, label), smt.div(sum(l, label), count(l, label))));
      const rhs23 = [0, 1].map((l) => smt.add(moment(l, 1), moment(l, -1), smt.neg(count(l, 1)), count(l, -1)));
      const classSize = smt.real(y.filter((v) => v.sign() > 0).length);
      // (24) with P_j± = N_j±/N_± and equal class sizes N_+ = N_−.
      const closed = [0, 1].map((l) => {
        const [pp, pm] = [smt.div(count(l, 1), classSize), smt.div(count(l, -1), classSize)];
        const xp = smt.ite(smt.eq(count(l, 1), smt.ZERO), smt.ZERO, smt.div(sum(l, 1), count(l, 1)));
        const xm = smt.ite(smt.eq(count(l, -1), smt.ZERO), smt.ZERO, smt.div(sum(l, -1), count(l, -1)));
        return smt.div(smt.add(smt.mul(pp, xp), smt.mul(pm, xm), smt.neg(pp), pm), smt.add(pp, pm));
      });
      const broken = [0, 1].flatMap((l) => [
        smt.not(smt.eq(F[l]![l]!, count(l, null))),
        smt.not(smt.eq(F[l]![1 - l]!, smt.ZERO)),
        smt.not(smt.eq(f[l]!, rhs23[l]!)),
        smt.and(smt.gt(count(l, null), smt.ZERO), smt.not(smt.eq(smt.mul(F[l]![l]!, closed[l]!), f[l]!))),
      ]);
      return smt.or(...broken);
    });
  },
});

export default theorem({
  id: 'liu/eq-20-24',
  paper: 'liu',
  title: 'Eqs. (20)–(24): parallel weight vectors, the 1-D loss, Fh = f and the two-weight closed form',
  statement:
    'Inputs x_i ∈ ℝ^d (d ≤ 2) made homogeneous (x, 1), labels ±1, direction i = e_1, coordinates x_i = x_i·i. ' +
    'K parallel weights: w_k = n_k(i, −h_k) with n_k = ±1 and z_k = n_k, so z_k w_k·(x, 1) = x − h_k and unit k ' +
    'is active iff n_k(x − h_k) > 0. Regions Ω_j are the open intervals between adjacent distinct h_k (samples ' +
    'on a weight are excluded: they belong to no region). (20): N·L(z, w) = Σ_j Σ_{i∈Ω_j}(Σ_k I_jk x_i − ' +
    'Σ_k I_jk h_k − y_i)² (the printed (20) has no 1/N). (21)–(22): ∂(20)/∂h = 2(Fh − f) with F(l,k) = ' +
    'Σ_j I_jl I_jk N_j and f(l) = Σ_k Σ_j I_jl I_jk Σ_{i∈Ω_j} x_i − Σ_j I_jl Σ_{i∈Ω_j} y_i, checked against ' +
    'the exact gradient and Hessian of the general network loss (chain rule through w_k’s last coordinate ' +
    '−n_k h_k), so Fh = f are exactly the stationary points for the fixed pattern. (23)–(24), read from ' +
    'Fig. 3 (right): w_1 with normal +i at h_1 and w_2 with normal −i at h_2 < h_1, so Ω_1 = (h_1, ∞) sees ' +
    'only w_1, Ω_3 = (−∞, h_2) only w_2 and Ω_2 neither; then F = diag(N_1, N_3), f = (N_1+ x̄_1+ + N_1− x̄_1− ' +
    '− N_1+ + N_1−, same for Ω_3), and with equal class sizes and P_j± = N_j±/N_± the solution is (24) ' +
    'h* = (P_+ x̄_+ + P_− x̄_− − P_+ + P_−)/(P_+ + P_−) per region; when a region has no samples, (24) divides ' +
    'by 0 and that h_k is free in Fh = f. All exact over the rationals.',
  checks: [reducedLoss, normalEquations, closedForm],
});
