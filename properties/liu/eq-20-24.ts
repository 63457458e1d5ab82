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
  solve,
  squaredError,
  theorem,
  twoWeightClosedForm,
  type Dataset,
  type ParallelWeights,
} from '../../src/index.ts';

interface ParallelInstance {
  readonly data: Dataset<Rational>;
  readonly weights: ParallelWeights;
}

const show = (xs: readonly Rational[]): string[] => xs.map(String);
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
