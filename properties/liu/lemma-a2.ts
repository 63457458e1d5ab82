// liu, App. F, Lemmas A1/A2: L(R) is convex with Hessian (1/N)Σ l''·x̃_i x̃_iᵀ — and "positive definite".
import fc from 'fast-check';
import {
  Matrix,
  Rational,
  RationalField,
  anyConfirmed,
  confirmed,
  contradicted,
  cubicHinge,
  fail,
  forAll,
  inertiaCounts,
  lossDerivatives,
  oneHiddenLayerNetwork,
  pass,
  pointInRegion,
  rank,
  selectParameters,
  smallRational,
  smt,
  squaredError,
  theorem,
  type Dataset,
  type Loss,
} from '../../src/index.ts';
import { blocks, cellIndicators, cellInstance, cellPrediction, dataWitness, paperDesign, showRows, type CellInstance } from './_cells.ts';
import {
  cellConvexLoss,
  confirmSat,
  expectDecision,
  formulaEntry,
  formulaQuadraticForm,
  hessianDiffersFrom,
  nonZero,
  satisfiable,
  cellDesign,
  dotT,
  type CellPoint,
  type LossKind,
} from './_confirm.ts';

const F = RationalField;

/** A convex l with its second derivative l''(ŷ, y) in ŷ; both exact over the rationals. */
interface ConvexLoss {
  readonly name: string;
  readonly loss: Loss;
  readonly l: (yHat: Rational, y: Rational) => Rational;
  readonly l2: (yHat: Rational, y: Rational) => Rational;
}

const hingeResidual = (yHat: Rational, y: Rational): Rational => {
  const r = Rational.ONE.sub(y.mul(yHat));
  return r.sign() > 0 ? r : Rational.ZERO;
};

const LOSSES: readonly (ConvexLoss & { readonly kind: LossKind })[] = [
  { name: 'squared', kind: 'squared', loss: squaredError('mean'), l: (yHat, y) => yHat.sub(y).mul(yHat.sub(y)), l2: () => Rational.fromInt(2) },
  {
    name: 'cubic hinge',
    kind: 'cubic hinge',
    loss: cubicHinge('mean'),
    l: (yHat, y) => hingeResidual(yHat, y).mul(hingeResidual(yHat, y)).mul(hingeResidual(yHat, y)),
    l2: (yHat, y) => Rational.fromInt(6).mul(y).mul(y).mul(hingeResidual(yHat, y)),
  },
];

interface Instance extends CellInstance {
  /** R inside the cell (w_j = R_j with z_j = 1 lies in the cell, so the network is differentiable there). */
  readonly R: Rational[][];
  readonly lossIndex: number;
}

const instances: fc.Arbitrary<Instance> = cellInstance({ maxPoints: 4, maxUnits: 2, maxDim: 2 }).chain((instance) =>
  fc
    .tuple(pointInRegion(instance.data.inputs, instance.region), fc.integer({ min: 0, max: LOSSES.length - 1 }))
    .map(([hidden, lossIndex]) => ({ ...instance, R: hidden.weights.map((w) => [...w]), lossIndex })),
);

/** x̃_i = (I_i1 x_i, …, I_iK x_i) of (F.2). */
const lifted = (data: Dataset<Rational>, I: readonly (readonly number[])[]): Rational[][] => paperDesign(data.inputs, I).toArrays();

/** (F.1): (1/N) Σ_i l''(ŷ_i, y_i) x̃_i x̃_iᵀ at R. */
function formulaHessian(data: Dataset<Rational>, I: readonly (readonly number[])[], R: readonly (readonly Rational[])[], l2: ConvexLoss['l2']): Matrix<Rational> {
  const X = lifted(data, I);
  const n = X[0]!.length;
  const H = Array.from({ length: n }, () => new Array<Rational>(n).fill(Rational.ZERO));
  data.inputs.forEach((x, i) => {
    const c = l2(cellPrediction(x, I[i]!, R), data.targets[i]![0]!);
    if (c.isZero()) return;
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) H[a]![b] = H[a]![b]!.add(c.mul(X[i]![a]!).mul(X[i]![b]!));
  });
  const N = Rational.fromInt(data.inputs.length);
  return Matrix.from(F, H.map((row) => row.map((v) => v.div(N))), n);
}

/** L(R) of eq. (2) with the cell's I fixed, for any R. */
function lossOfR(data: Dataset<Rational>, I: readonly (readonly number[])[], R: readonly (readonly Rational[])[], l: ConvexLoss['l']): Rational {
  const total = data.inputs.reduce((s, x, i) => s.add(l(cellPrediction(x, I[i]!, R), data.targets[i]![0]!)), Rational.ZERO);
  return total.div(Rational.fromInt(data.inputs.length));
}

const ROUTE = 'z3 on L(R) and (F.1) written from the raw instance';

const cellPoint = ({ data, region, R, lossIndex }: Instance): CellPoint => ({ data, region, R, kind: LOSSES[lossIndex]!.kind });

/** vᵀ(F.1)v ≤ 0 for some v ≠ 0: (F.1) is not positive definite. */
const notDefinite = (cp: CellPoint) =>
  satisfiable('vᵀ(F.1)v ≤ 0 for some v ≠ 0', (q) => {
    const v = cp.R.flat().map((_, k) => q.declare(`v_${k + 1}`));
    return smt.and(nonZero(v), smt.le(formulaQuadraticForm(cp, v), smt.ZERO));
  });

/** A v = 0 for some v ≠ 0: the x̃_i do not span ℝ^{Kd}. */
const notSpanning = ({ data, region, R }: CellPoint) =>
  satisfiable('x̃_i·v = 0 for every i, for some v ≠ 0', (q) => {
    const v = R.flat().map((_, k) => q.declare(`v_${k + 1}`));
    return smt.and(nonZero(v), ...cellDesign(data.inputs, region).map((row) => smt.eq(dotT(v, row), smt.ZERO)));
  });

const hessianFormula = forAll({
  name: '(F.1)/(F.2): the Hessian of L(R) in a cell is (1/N)Σ l″·x̃_i x̃_iᵀ (squared loss and cubic hinge; against exact network derivatives in w at z = 1)',
  basis: 'exact',
  arbitrary: instances,
  check: ({ data, region, R, lossIndex }) => {
    const { name, loss, l2 } = LOSSES[lossIndex]!;
    const I = cellIndicators(region, data.inputs.length);
    const H = formulaHessian(data, I, R, l2);
    // With z_j = 1 and w_j = R_j inside the cell, L(z, w) = L(R) near w: its w-Hessian is the Hessian of L(R).
    const net = oneHiddenLayerNetwork({ weights: R, biases: null, outputWeights: R.map(() => Rational.ONE), outputBias: null });
    const parameters = selectParameters(net, (p) => p.kind === 'weight' && p.layer === 0);
    const exact = lossDerivatives(net, data, loss, { parameters }).hessian;
    return exact.equals(H) ? pass() : fail({ loss: name, ...dataWitness(data), R: showRows(R), '(F.1)': H.toStrings(), 'network Hessian': exact.toStrings() });
  },
  confirm: (instance) => {
    const cp = cellPoint(instance);
    return hessianDiffersFrom(ROUTE, cp, (a, b) => formulaEntry(cp, a, b));
  },
});

const convexity = forAll({
  name: 'Lemma A1: L(R) is convex — (F.1) is positive semidefinite and L(tR + (1 − t)R′) ≤ tL(R) + (1 − t)L(R′)',
  basis: 'exact',
  arbitrary: instances.chain((instance) => {
    const n = instance.R.length * instance.R[0]!.length;
    return fc.tuple(
      fc.constant(instance),
      fc.array(smallRational({ maxNumerator: 3, maxDenominator: 2 }), { minLength: n, maxLength: n }),
      smallRational({ positive: true, maxNumerator: 3, maxDenominator: 4 }).filter((t) => t.lt(Rational.ONE)),
    );
  }),
  check: ([{ data, region, R, lossIndex }, other, t]) => {
    const { name, l, l2 } = LOSSES[lossIndex]!;
    const I = cellIndicators(region, data.inputs.length);
    const counts = inertiaCounts(formulaHessian(data, I, R, l2));
    const S = blocks(other, R[0]!.length);
    const mixed = R.map((Rj, j) => Rj.map((v, k) => t.mul(v).add(Rational.ONE.sub(t).mul(S[j]![k]!))));
    const left = lossOfR(data, I, mixed, l);
    const right = t.mul(lossOfR(data, I, R, l)).add(Rational.ONE.sub(t).mul(lossOfR(data, I, S, l)));
    return counts.negative === 0 && left.le(right)
      ? pass()
      : fail({ loss: name, ...dataWitness(data), R: showRows(R), 'R′': showRows(S), t: String(t), inertia: counts, 'L(mix)': String(left), 'mix of L': String(right) });
  },
  // Either (F.1) has a direction of negative curvature, or Jensen's inequality fails on the segment.
  confirm: async ([instance, other, t]) => {
    const cp = cellPoint(instance);
    const negative = await satisfiable('vᵀ(F.1)v < 0 for some v', (q) => smt.lt(formulaQuadraticForm(cp, cp.R.flat().map((_, k) => q.declare(`v_${k + 1}`))), smt.ZERO));
    const jensen = await confirmSat(`${ROUTE}: Jensen's inequality fails`, 'L(tR + (1 − t)R′) > tL(R) + (1 − t)L(R′)', () => {
      const R = cp.R.flat();
      const mixed = R.map((v, k) => smt.real(t.mul(v).add(Rational.ONE.sub(t).mul(other[k]!))));
      const right = smt.add(smt.mul(smt.real(t), cellConvexLoss(cp, R.map(smt.real))), smt.mul(smt.real(Rational.ONE.sub(t)), cellConvexLoss(cp, other.map(smt.real))));
      return smt.gt(cellConvexLoss(cp, mixed), right);
    });
    return anyConfirmed([expectDecision(ROUTE, negative, true), jensen]);
  },
});

const positiveDefinite = forAll({
  name: 'literal: the Hessian (1/N)Σ l″·x̃_i x̃_iᵀ is positive definite',
  basis: 'exact',
  arbitrary: instances,
  check: ({ data, region, R, lossIndex }) => {
    const { name, l2 } = LOSSES[lossIndex]!;
    const I = cellIndicators(region, data.inputs.length);
    const H = formulaHessian(data, I, R, l2);
    const counts = inertiaCounts(H);
    return counts.positive === H.rows
      ? pass()
      : fail({ loss: name, ...dataWitness(data), region: region.map((s) => s.join(' ')), R: showRows(R), Hessian: H.toStrings(), inertia: counts, 'rank of the x̃_i': rank(paperDesign(data.inputs, I)), Kd: H.rows });
  },
  confirm: async (instance) => expectDecision(ROUTE, await notDefinite(cellPoint(instance)), true),
});

const definiteIffSpanning = forAll({
  name: 'squared loss: the Hessian is positive definite iff the x̃_i span ℝ^{Kd} (rank A = Kd), the condition the proof leaves out',
  basis: 'exact',
  arbitrary: instances,
  check: ({ data, region, R }) => {
    const I = cellIndicators(region, data.inputs.length);
    const H = formulaHessian(data, I, R, LOSSES[0]!.l2);
    const definite = inertiaCounts(H).positive === H.rows;
    const spanning = rank(paperDesign(data.inputs, I)) === H.rows;
    return definite === spanning ? pass() : fail({ ...dataWitness(data), region: region.map((s) => s.join(' ')), definite, spanning, R: showRows(R) });
  },
  confirm: async (instance) => {
    const cp = { ...cellPoint(instance), kind: 'squared' as const };
    const [indefinite, deficient] = [await notDefinite(cp), await notSpanning(cp)];
    if (indefinite.value === null || deficient.value === null) return expectDecision(ROUTE, indefinite.value === null ? indefinite : deficient, true);
    const evidence = { '(F.1) not definite': indefinite.evidence, 'x̃_i not spanning': deficient.evidence };
    return indefinite.value !== deficient.value
      ? confirmed(ROUTE, evidence)
      : contradicted(ROUTE, `z3: (F.1) is ${indefinite.value ? 'not ' : ''}definite and the x̃_i ${deficient.value ? 'do not span' : 'span'}: the equivalence holds`, evidence);
  },
});

export default theorem({
  id: 'liu/lemma-a2',
  paper: 'liu',
  title: 'Lemmas A1/A2: L(R) is convex, Hessian (1/N)Σ l″·x̃_i x̃_iᵀ, positive definite',
  statement:
    'In a cell (I_ij fixed), L(R) = (1/N)Σ_i l(Σ_j I_ij R_j·x_i, y_i) with homogeneous inputs (x, 1), K ≤ 2, ' +
    'N ≤ 4, d ≤ 3, for the squared loss and the convex, twice differentiable cubic hinge max(0, 1 − yŷ)³. ' +
    'Checked exactly: the Hessian is (F.1)/(F.2) (1/N)Σ_i l″ x̃_i x̃_iᵀ with x̃_i = (I_i1 x_i, …, I_iK x_i), ' +
    'compared with the exact w-Hessian of the network at z_j = 1, w_j = R_j inside the cell; L(R) is convex ' +
    '(Lemma A1: the Hessian has no negative eigenvalue by LDLᵀ inertia, and Jensen\'s inequality holds on ' +
    'random segments). The proof claims the Hessian is positive definite; App. F states no rank condition, ' +
    'so this is checked literally: it fails whenever the x̃_i do not span ℝ^{Kd} (N < Kd, a unit inactive on ' +
    'every sample, two units with the same active samples) or l″ = 0 (cubic hinge beyond the margin), and ' +
    'the paper\'s own §4.1 case 2 (non-unique R*) contradicts it. The correct condition is checked as well: ' +
    'for the squared loss the Hessian is positive definite iff rank A = Kd. Only positive semidefiniteness ' +
    'is needed for convexity, so Lemma A1 and Theorem 1\'s use of it are unaffected.',
  checks: [hessianFormula, convexity, positiveDefinite, definiteIffSpanning],
});
