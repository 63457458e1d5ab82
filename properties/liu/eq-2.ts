// liu, §3 eq. (2): inside a cell the loss depends on the two layers only through R_j = z_j w_j.
import fc from 'fast-check';
import {
  Rational,
  cubicHinge,
  empiricalRisk,
  fail,
  forAll,
  forwardDataset,
  oneHiddenLayerNetwork,
  pass,
  smallRational,
  smt,
  squaredError,
  theorem,
  type Dataset,
  type Loss,
  type OneHiddenLayerPoint,
} from '../../src/index.ts';
import { blocksOf, cellInstance, cellPrediction, dataWitness, indicators, pointInCell, pointWitness, type CellInstance } from './_cells.ts';
import { confirmSat, literalPoint, lossTerm, outputTerm, reparametrisedPrediction, sampleLoss, type LossKind } from './_confirm.ts';

const ROUTE = 'z3 on the network and on eq. (2) written from the raw instance';
const KINDS: readonly LossKind[] = ['squared', 'cubic hinge'];

/** L(R) of eq. (2) as a term: (1/N)Σ_i l(Σ_j I_ij R_j·x_i, y_i). */
const lossOfRTerm = (data: Dataset<Rational>, point: OneHiddenLayerPoint, kind: LossKind): smt.Term =>
  smt.div(smt.add(...data.inputs.map((x, i) => sampleLoss(kind, reparametrisedPrediction(x, point), data.targets[i]![0]!))), smt.real(data.inputs.length));

/** The convex losses l checked: squared error and the cubic hinge max(0, 1 − yŷ)³, both exact over the rationals. */
const LOSSES: readonly { name: string; loss: Loss; l: (yHat: Rational, y: Rational) => Rational }[] = [
  { name: 'squared', loss: squaredError('mean'), l: (yHat, y) => yHat.sub(y).mul(yHat.sub(y)) },
  {
    name: 'cubic hinge',
    loss: cubicHinge('mean'),
    l: (yHat, y) => {
      const r = Rational.ONE.sub(y.mul(yHat));
      return r.sign() > 0 ? r.mul(r).mul(r) : Rational.ZERO;
    },
  },
];

/** Points inside a cell, and arbitrary small rational points (some on kinks, where I_ij = 0 since [0]_+ = 0). */
const instances: fc.Arbitrary<{ instance: CellInstance; point: OneHiddenLayerPoint }> = cellInstance({ maxPoints: 4, maxUnits: 3 }).chain((instance) => {
  const K = instance.region.length;
  const d = instance.data.inputs[0]!.length;
  const entry = smallRational({ maxNumerator: 3, maxDenominator: 2 });
  const raw = fc
    .tuple(fc.array(fc.array(entry, { minLength: d, maxLength: d }), { minLength: K, maxLength: K }), fc.array(entry, { minLength: K, maxLength: K }))
    .map(([weights, z]): OneHiddenLayerPoint => ({ weights, biases: null, outputWeights: z, outputBias: null }));
  return fc.oneof(pointInCell(instance), raw).map((point) => ({ instance, point }));
});

/** L(R) of eq. (2): (1/N) Σ_i l(Σ_j I_ij R_j·x_i, y_i), with I_ij read off the point's own w. */
function lossOfR(data: Dataset<Rational>, point: OneHiddenLayerPoint, l: (yHat: Rational, y: Rational) => Rational): Rational {
  const I = indicators(data.inputs, point.weights);
  const R = blocksOf(point);
  const total = data.inputs.reduce((s, x, i) => s.add(l(cellPrediction(x, I[i]!, R), data.targets[i]![0]!)), Rational.ZERO);
  return total.div(Rational.fromInt(data.inputs.length));
}

const rewrite = forAll({
  name: 'Σ_j z_j[w_j·x_i]_+ = Σ_j I_ij R_j·x_i for every sample, so L(z, w) (forward pass) = L(R) of (2) for the squared and cubic-hinge losses',
  basis: 'exact',
  arbitrary: instances,
  check: ({ instance, point }) => {
    const { data } = instance;
    const net = oneHiddenLayerNetwork(point);
    const outputs = forwardDataset(net, data).outputs.map((o) => o[0]!);
    const I = indicators(data.inputs, point.weights);
    const R = blocksOf(point);
    const predicted = data.inputs.map((x, i) => cellPrediction(x, I[i]!, R));
    const witness = () => ({ ...dataWitness(data), ...pointWitness(point), network: outputs.map(String), 'Σ I_ij R_j·x_i': predicted.map(String) });
    if (outputs.some((o, i) => !o.equals(predicted[i]!))) return fail(witness());
    for (const { name, loss, l } of LOSSES) {
      const lzw = empiricalRisk(net, data, loss);
      const lR = lossOfR(data, point, l);
      if (!lzw.equals(lR)) return fail({ ...witness(), loss: name, 'L(z, w)': String(lzw), 'L(R)': String(lR) });
    }
    return pass();
  },
  confirm: ({ instance: { data }, point }) =>
    confirmSat(ROUTE, 'some prediction Σ_j z_j[w_j·x_i]_+ differs from Σ_j I_ij R_j·x_i, or L(z, w) ≠ L(R) for the squared loss or the cubic hinge', (q) => {
      const p = literalPoint(point);
      const predictions = data.inputs.map((x, i) => smt.not(smt.eq(outputTerm(x, p, i), reparametrisedPrediction(x, point))));
      const losses = KINDS.map((kind) => smt.not(smt.eq(lossTerm(q, data, p, kind === 'squared' ? 'sq' : 'hinge', { kind }), lossOfRTerm(data, point, kind))));
      return smt.or(...predictions, ...losses);
    }),
});

const rescaling = forAll({
  name: 'inside a cell L depends on (z, w) only through R: (c z_j, w_j / c) with c > 0 stays in the cell with the same loss',
  basis: 'exact',
  arbitrary: cellInstance({ maxPoints: 4, maxUnits: 3 }).chain((instance) =>
    fc.tuple(fc.constant(instance), pointInCell(instance), fc.array(smallRational({ positive: true, maxNumerator: 4, maxDenominator: 3 }), { minLength: instance.region.length, maxLength: instance.region.length })),
  ),
  check: ([instance, point, c]) => {
    const { data } = instance;
    const moved: OneHiddenLayerPoint = {
      ...point,
      weights: point.weights.map((w, j) => w.map((v) => v.div(c[j]!))),
      outputWeights: point.outputWeights.map((z, j) => z.mul(c[j]!)),
    };
    const sameCell = JSON.stringify(indicators(data.inputs, moved.weights)) === JSON.stringify(indicators(data.inputs, point.weights));
    const same = blocksOf(moved).every((Rj, j) => Rj.every((v, k) => v.equals(blocksOf(point)[j]![k]!)));
    const before = empiricalRisk(oneHiddenLayerNetwork(point), data, squaredError('mean'));
    const after = empiricalRisk(oneHiddenLayerNetwork(moved), data, squaredError('mean'));
    return sameCell && same && before.equals(after)
      ? pass()
      : fail({ ...dataWitness(data), ...pointWitness(point), c: c.map(String), sameCell, 'same R': same, before: String(before), after: String(after) });
  },
  confirm: ([{ data }, point, c]) =>
    confirmSat(ROUTE, '(c z_j, w_j / c) changes a sign of w_j·x_i, the product R_j = z_j w_j, or the squared loss', (q) => {
      const z = point.outputWeights.map((v, j) => smt.mul(smt.real(v), smt.real(c[j]!)));
      const w = point.weights.map((row, j) => row.map((v) => smt.div(smt.real(v), smt.real(c[j]!))));
      const sign = (row: readonly smt.Term[], x: readonly Rational[]) => smt.gt(smt.add(...row.map((v, k) => smt.mul(v, smt.real(x[k]!)))), smt.ZERO);
      const cellChanged = w.flatMap((row, j) => data.inputs.map((x) => smt.not(smt.eq(sign(row, x), sign(point.weights[j]!.map(smt.real), x)))));
      const productChanged = w.flatMap((row, j) => row.map((v, k) => smt.not(smt.eq(smt.mul(z[j]!, v), smt.mul(smt.real(point.outputWeights[j]!), smt.real(point.weights[j]![k]!))))));
      const lossChanged = smt.not(smt.eq(lossTerm(q, data, { W: w, Z: z }, 'moved'), lossTerm(q, data, literalPoint(point), 'theta')));
      return smt.or(...cellChanged, ...productChanged, lossChanged);
    }),
});

export default theorem({
  id: 'liu/eq-2',
  paper: 'liu',
  title: 'Eq. (2): inside a cell L(z, w) = L(R) with R_j = z_j w_j',
  statement:
    'One hidden layer, K ReLU units, homogeneous inputs x_i = (x_i, 1) (bias folded into x), output Σ_j z_j[w_j·x]_+, ' +
    'loss L(z, w) = (1/N)Σ_i l(f(x_i), y_i). With I_ij = 1 if w_j·x_i > 0 and 0 otherwise and R_j = z_j w_j, ' +
    'L(z, w) = L(R) = (1/N)Σ_i l(Σ_j I_ij R_j·x_i, y_i) (eq. (2)), so inside a cell (I_ij fixed) the loss is a ' +
    'function of R alone. Checked exactly, prediction by prediction, against the library forward pass on points ' +
    'inside generated cells and on arbitrary small rational points (kinks included: [0]_+ = 0 matches I_ij = 0), ' +
    'for the squared loss and the convex cubic hinge max(0, 1 − yŷ)³; labels ±1 (§2) or small rationals. ' +
    'Second check: the rescaling (c z_j, w_j/c), c > 0, keeps the cell, R and the loss.',
  checks: [rewrite, rescaling],
});
