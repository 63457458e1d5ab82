// liu, Lemma 2 / Theorem 3 / App. D: non-differentiable local minima with w_m on the hyperplane of x_n.
import {
  Rational,
  allConfirmed,
  classifyPoint,
  discard,
  fail,
  forAll,
  liuBoundaryCriterionAt,
  liuBoundaryPoint,
  oneHiddenLayerNetwork,
  pass,
  smt,
  squaredError,
  theorem,
  unconfirmed,
  undecided,
  type Dataset,
  type OneHiddenLayerPoint,
  type PointClassification,
  type Sign,
} from '../../src/index.ts';
import { boundaryInstances, unplantedBoundaryInstances, type BoundaryInstance } from './_boundary-instances.ts';
import { rayWitness } from './_cells.ts';
import { boundaryConditions, boundaryPlacement, confirmSat, confirmUnsat, directionHint, localExtremum, notLocallyConstant, pointHint } from './_confirm.ts';

const loss = squaredError('mean');

const show = (xs: readonly Rational[]): string[] => xs.map(String);

/**
 * The classifier with 32 float-ranked random directions (default 128): a local minimum is certified
 * by the reparametrisation, a descent by an exact ray; the structured directions tried first
 * (neighbouring pieces, coordinates) are unchanged.
 */
const classify = (point: OneHiddenLayerPoint, data: Dataset<Rational>): PointClassification =>
  classifyPoint(oneHiddenLayerNetwork(point), data, loss, { randomDirections: 32 });

function pointOf({ weights, z }: BoundaryInstance): OneHiddenLayerPoint {
  return { weights, biases: null, outputWeights: z, outputBias: null };
}

function witnessOf(instance: BoundaryInstance, point: OneHiddenLayerPoint, k: PointClassification) {
  const { data, m, n } = instance;
  const c = liuBoundaryCriterionAt(data, point, m, n);
  return {
    inputs: data.inputs.map(show),
    targets: data.targets.map((t) => String(t[0])),
    z: show(point.outputWeights),
    w: point.weights.map(show),
    m,
    n,
    '(18) left side': String(c.side18),
    '(19) left side': String(c.side19),
    'DR = d': c.stationary,
    classifier: k.kind,
    basis: k.basis,
    reason: k.localMin.nonStrict.reason,
    'descent ray': rayWitness(k.localMin.nonStrict, point.weights.length, data.inputs[0]!.length, 'descent') ?? 'none',
  };
}

/** The criterion at the point, re-evaluated from its forward values, has the signs the instance was planted with. */
function plantedAsAsked(instance: BoundaryInstance): boolean {
  const c = liuBoundaryCriterionAt(instance.data, pointOf(instance), instance.m, instance.n);
  return c.stationary && c.side18.sign() === instance.sides[0] && c.side19.sign() === instance.sides[1];
}

/** The cell of every unit at the point, with + for unit m on sample n (liuBoundaryPoint puts it back on the kink). */
function cellOf({ data, weights }: BoundaryInstance): Sign[][] {
  return weights.map((w) => data.inputs.map((x) => (x.reduce((s, v, k) => s.add(v.mul(w[k]!)), Rational.ZERO).sign() < 0 ? -1 : 1)));
}

/** Local minimality by the classifier: true / false when certified, null when it rests on evidence only. */
function classifierSays(k: PointClassification): boolean | null {
  const min = k.localMin.nonStrict;
  return min.basis === 'evidence' ? null : min.holds;
}

const ROUTE = 'z3 on L(z, w) and on (17)–(19) written from the raw instance';
const unconfirmedPoint = unconfirmed(ROUTE, 'the witness names no point');

/** Theorem 3's setting at the point and the given conditions on (17)–(19), decided by z3. */
function criterionAt(point: OneHiddenLayerPoint, data: Dataset<Rational>, m: number, n: number, what: string, condition: (c: ReturnType<typeof boundaryConditions>) => smt.Term) {
  return confirmSat(`${ROUTE}: ${what}`, `w_m on the hyperplane of x_n, other signs strict, z_m ≠ 0, and ${what}`, (q) =>
    smt.and(boundaryPlacement(point, data.inputs, m, n), condition(boundaryConditions(q, data, point, m, n))),
  );
}

/** The second route of the "only if" checks: the hypotheses hold at the instance's point, and it is a local minimum. */
const confirmMinimumDespite =
  (what: string, condition: (c: ReturnType<typeof boundaryConditions>) => smt.Term) =>
  async (instance: Omit<BoundaryInstance, 'sides'>) => {
    const point = pointOf({ ...instance, sides: [0, 0] });
    return allConfirmed(ROUTE, [
      await criterionAt(point, instance.data, instance.m, instance.n, what, condition),
      await localExtremum(`${ROUTE}: local minimum`, instance.data, point, 'minimum'),
    ]);
  };

const sufficient = forAll({
  name: 'if: DR = d with (18) and (19) for the sign of z_m ⇒ a local minimum (planted point and liuBoundaryPoint\'s point)',
  basis: 'certified',
  arbitrary: boundaryInstances([[-1, 1]]),
  check: (instance) => {
    const { data, m, n } = instance;
    if (!plantedAsAsked(instance)) return undecided('the planted point does not have the requested signs (a construction of ours)');
    const built = liuBoundaryPoint(data, cellOf(instance), m, n);
    if (!built.solvable || built.point === null) return undecided('liuBoundaryPoint finds no point although the planted one satisfies the criterion');
    for (const point of [pointOf(instance), built.point]) {
      if (!liuBoundaryCriterionAt(data, point, m, n).criterion) return undecided('liuBoundaryPoint\'s point fails the criterion at the point');
      const k = classify(point, data);
      if (k.differentiable) return undecided('the constructed point is not on a kink');
      const says = classifierSays(k);
      if (says === false) return fail(witnessOf(instance, point, k));
      if (says === null) return undecided(`classifier: ${k.localMin.nonStrict.reason}`);
    }
    return pass();
  },
  // The failing point (the planted one or liuBoundaryPoint's, named in the witness) meets the criterion and has a descent ray.
  confirm: async ({ data, m, n }, witness) => {
    const point = pointHint(witness);
    if (point === null) return unconfirmedPoint;
    return allConfirmed(ROUTE, [
      await criterionAt(point, data, m, n, 'DR = d, (18) < 0 and (19) > 0', (c) => smt.and(c.system, smt.lt(c.side18, smt.ZERO), smt.gt(c.side19, smt.ZERO))),
      await notLocallyConstant(`${ROUTE}: descent ray`, data, point, directionHint(witness['descent ray']), 'descent'),
    ]);
  },
});

const necessarySystem = forAll({
  name: 'only if: DR = d fails at the point ⇒ the classifier finds a descent direction',
  basis: 'certified',
  arbitrary: unplantedBoundaryInstances(),
  check: (instance) => {
    const { data, m, n } = instance;
    const point = pointOf({ ...instance, sides: [0, 0] });
    if (liuBoundaryCriterionAt(data, point, m, n).stationary) return discard('DR = d holds at this point (the other checks cover it)');
    const k = classify(point, data);
    const says = classifierSays(k);
    if (says === null) return undecided(`classifier: ${k.localMin.nonStrict.reason}`);
    return says ? fail(witnessOf({ ...instance, sides: [0, 0] }, point, k)) : pass();
  },
  confirm: async (instance) => {
    const point = pointOf({ ...instance, sides: [0, 0] });
    return allConfirmed(ROUTE, [
      await confirmSat(`${ROUTE}: setting`, 'w_m on the hyperplane of x_n, other signs strict, z_m ≠ 0', () => boundaryPlacement(point, instance.data.inputs, instance.m, instance.n)),
      await confirmUnsat(`${ROUTE}: DR = d fails`, 'DR = d has no α: Σ_i e_i I_ij x_i = 0 (j ≠ m), Σ_{i≠n} e_i I_im x_i = α x_n', (q) =>
        boundaryConditions(q, instance.data, point, instance.m, instance.n).system,
      ),
      await localExtremum(`${ROUTE}: local minimum`, instance.data, point, 'minimum'),
    ]);
  },
});

const necessaryStrict = forAll({
  name: 'only if: DR = d with (18) or (19) violated strictly ⇒ the classifier finds a descent direction',
  basis: 'certified',
  arbitrary: boundaryInstances([
    [1, 1],
    [1, -1],
    [-1, -1],
  ]),
  check: (instance) => {
    if (!plantedAsAsked(instance)) return undecided('the planted point does not have the requested signs (a construction of ours)');
    const point = pointOf(instance);
    const k = classify(point, instance.data);
    const says = classifierSays(k);
    if (says === null) return undecided(`classifier: ${k.localMin.nonStrict.reason}`);
    return says ? fail(witnessOf(instance, point, k)) : pass();
  },
  confirm: confirmMinimumDespite('DR = d with (18) > 0 or (19) < 0', (c) => smt.and(c.system, smt.or(smt.gt(c.side18, smt.ZERO), smt.lt(c.side19, smt.ZERO)))),
});

const necessaryAtEquality = forAll({
  name: 'only if, at equality: DR = d, (18) strict and (19) with equality ⇒ not a local minimum',
  basis: 'certified',
  arbitrary: boundaryInstances([[-1, 0]]),
  check: (instance) => {
    if (!plantedAsAsked(instance)) return undecided('the planted point does not have the requested signs (a construction of ours)');
    const point = pointOf(instance);
    const k = classify(point, instance.data);
    const says = classifierSays(k);
    if (says === null) return undecided(`classifier: ${k.localMin.nonStrict.reason}`);
    return says ? fail(witnessOf(instance, point, k)) : pass();
  },
  confirm: confirmMinimumDespite('DR = d with (18) < 0 and (19) = 0', (c) => smt.and(c.system, smt.lt(c.side18, smt.ZERO), smt.eq(c.side19, smt.ZERO))),
});

export default theorem({
  id: 'liu/theorem-3',
  paper: 'liu',
  title: 'Lemma 2 / Theorem 3: non-differentiable local minima on the boundary of two cells',
  statement:
    'Squared loss L = (1/N)Σ(Σ_k z_k[w_k·x_i]_+ − y_i)², homogeneous inputs (x, 1), no biases, K ≤ 2 units. A ' +
    'point whose unit m lies on the hyperplane w_m·x_n = 0 and whose other signs are strict is a ' +
    'non-differentiable local minimum iff R = (z_k w_k) solves DR = d of (17) and (18), (19) hold for the sign ' +
    'of z_m. Readings: D has Kd + 1 rows (the last block D(K+1, ·) is the single row x_nᵀ, not d rows); in ' +
    '(19) the printed Σ_k(I_nk R_k·x_n − y_n) is read as e_n = Σ_k I_nk R_k·x_n − y_n (y_n once); I_nm = 0 on ' +
    'the kink; "local minimum" is non-strict (rescaling (cz, w/c) never gives a strict one); z_m ≠ 0. DR = d ' +
    'is the KKT system of min ‖AR − y‖² subject to x_n·R_m = 0, so it is always solvable; the content is in ' +
    'the inequalities at its solutions. Instances are planted exactly: data, a point with w_m on the kink and ' +
    'every other sign strict, z (z_m ≠ 0), then errors e from an exact LP with Σ_i e_i I_ij x_i = 0 (j ≠ m) and ' +
    'Σ_{i≠n} e_i I_im x_i = αx_n (that is DR = d at the point) and prescribed signs of z_m·α and z_m·(α + e_n) ' +
    '(the sides of (18), (19) over |x_n|²), labels y = f(x) − e. The criterion is re-evaluated at the point from ' +
    'its forward values (liuBoundaryCriterionAt); in the "if" check liuBoundaryPoint (the exact LP over the ' +
    'solutions of DR = d) must also find a point, and both points are classified. Local minimality is decided ' +
    'by classifyPoint (certified descent rays; the ' +
    'convex-reparametrisation certificate over every adjacent region). Checks: "if" (criterion ⇒ local ' +
    'minimum); "only if" at boundary points with random labels where DR = d fails (⇒ descent); "only if" ' +
    'with (18) or (19) violated strictly (⇒ descent); and "only if" at the edge where ' +
    '(18) holds and (19) holds with equality, i.e. ∂L/∂w_m = 0 on the cell-2 side. There the point is still ' +
    'a local minimum: by convexity of Q_k(R) in each adjacent region, Q_1(R) ≥ L + α z_m(w_m·x_n) and ' +
    'Q_2(R) ≥ L + (α + e_n) z_m(w_m·x_n) with ∂L/∂R_m|_1 ∝ α x_n, so the exact condition has ≤ 0 in (18) ' +
    'and ≥ 0 in (19); such a point is not a genuine differentiable minimum of either cell by (10) (w_m·x_n ' +
    '= 0 is not > 0), so the strict criterion misses it.',
  checks: [sufficient, necessarySystem, necessaryStrict, necessaryAtEquality],
});
