// he, §4.2 Corollary 2 and App. B.5: with linear activations the loss surface is a single cell.
import fc from 'fast-check';
import {
  Rational,
  RationalField,
  empiricalRisk,
  evaluatePolynomial,
  fail,
  flattenParameters,
  forAll,
  forwardDataset,
  frozenOutputs,
  insidePiece,
  lossAlongLine,
  network,
  pass,
  rationalRows,
  rationalVector,
  smallRational,
  squaredError,
  theorem,
  twoPiece,
  unflattenParameters,
  type DatasetPattern,
  type Network,
} from '../../src/index.ts';
import { confirmOneCellFails, type OneCellData } from './_confirm.ts';

const F = RationalField;
const loss = squaredError('mean');
const small = { maxNumerator: 3, maxDenominator: 2 };

/** Two parameter points of one architecture with h_{s,s} hidden layers, data, and an arbitrary pattern. */
const instance = fc
  .record({
    inputDim: fc.integer({ min: 1, max: 2 }),
    widths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }),
    outputs: fc.integer({ min: 1, max: 2 }),
    points: fc.integer({ min: 1, max: 3 }),
    s: smallRational({ maxNumerator: 3, maxDenominator: 2 }),
  })
  .chain(({ inputDim, widths, outputs, points, s }) => {
    const sizes = [inputDim, ...widths, outputs];
    const parameters = fc.tuple(
      fc.tuple(...sizes.slice(1).map((d, l) => rationalRows(d, sizes[l]!, small))),
      fc.tuple(...sizes.slice(1).map((d) => rationalVector(d, small))),
    );
    return fc.record({
      s: fc.constant(s),
      first: parameters,
      second: parameters,
      inputs: fc.array(rationalVector(inputDim, small), { minLength: points, maxLength: points }),
      targets: fc.array(rationalVector(outputs, small), { minLength: points, maxLength: points }),
      // Piece 0 or 1 of h_{s,s} for every (point, hidden unit): any of the 2^(n·units) "cells".
      pieces: fc.array(fc.array(fc.boolean(), { minLength: widths.reduce((a, b) => a + b, 0), maxLength: widths.reduce((a, b) => a + b, 0) }), { minLength: points, maxLength: points }),
      widths: fc.constant(widths),
      outputs: fc.constant(outputs),
    });
  });

function build(s: Rational, [weights, biases]: [Rational[][][], Rational[][]]): Network<Rational> {
  const act = twoPiece(F, s, s);
  return network(F, { layers: weights.map((W, l) => ({ weights: W, bias: biases[l]!, activation: l === weights.length - 1 ? undefined : act })) });
}

/** The pattern that freezes each hidden unit on the chosen piece (the output layer has one piece). */
function patternOf(pieces: boolean[][], widths: number[], outputs: number): DatasetPattern {
  return pieces.map((row) => {
    let k = 0;
    const hidden = widths.map((w) => Array.from({ length: w }, () => insidePiece(row[k++]! ? 1 : 0)));
    return [...hidden, Array.from({ length: outputs }, () => insidePiece(0))];
  });
}

const singleCell = forAll({
  name: 'with s− = s+ every activation pattern gives the same polynomial: the frozen network and risk equal the real ones everywhere',
  basis: 'exact',
  arbitrary: instance,
  check: ({ s, first, second, inputs, targets, pieces, widths, outputs }) => {
    const data = { inputs, targets };
    const a = build(s, first as [Rational[][][], Rational[][]]);
    const b = build(s, second as [Rational[][][], Rational[][]]);
    const pattern = patternOf(pieces, widths, outputs);
    // The polynomial of an arbitrary "cell", evaluated at b, is b's real output.
    const frozen = frozenOutputs(b, data, pattern);
    const real = forwardDataset(b, data).outputs;
    if (!frozen.every((o, i) => o.every((v, k) => v.equals(real[i]![k]!)))) return fail({ pattern: pieces, frozen, real });
    // The risk on the whole segment from a to b is one polynomial: expanded in a's pattern, it matches b (t = 1) and beyond.
    const thetaA = flattenParameters(a);
    const direction = flattenParameters(b).map((v, k) => v.sub(thetaA[k]!));
    const ownPattern = forwardDataset(a, data).pattern.map((p) => p.map((layer, l) => layer.map((pos) => (l === p.length - 1 ? pos : pos % 2 === 1 ? pos - 1 : pos))));
    const line = lossAlongLine(a, data, loss, direction, { pattern: ownPattern });
    for (const t of [Rational.ZERO, Rational.of(1, 3), Rational.ONE, Rational.of(-2), Rational.of(5, 2)]) {
      const point = unflattenParameters(a, thetaA.map((v, k) => v.add(t.mul(direction[k]!))));
      const risk = empiricalRisk(point, data, loss);
      const polynomial = evaluatePolynomial(F, line, t);
      if (!risk.equals(polynomial)) return fail({ t, risk, 'polynomial of a\'s cell': polynomial });
    }
    return pass();
  },
  confirm: ({ s, ...d }) => confirmOneCellFails(d as OneCellData, s, s),
});

export default theorem({
  id: 'he/corollary-2',
  paper: 'he',
  title: 'Corollary 2: with linear activations the partitioned loss surface is a single cell',
  statement:
    'With s− = s+ = s the activation h_{s,s}(x) = sx is linear (any s, including 0). Networks with 1–2 ' +
    'hidden layers of width ≤ 3, biases, 1–2 outputs, squared loss. A cell is where the network (hence the ' +
    'risk) equals the polynomial of one activation pattern (a choice of linear piece per unit and sample). ' +
    'Checked exactly: for two arbitrary parameter points a, b and an arbitrary pattern, the frozen network of ' +
    'that pattern at b equals the real network at b on every sample — every pattern gives one and the same ' +
    'polynomial, defined on the whole parameter space; and the exact risk polynomial along the line through ' +
    'a and b, expanded in a\'s pattern, equals the real risk at t = 0, ⅓, 1, −2, 5/2. So the partition has ' +
    'one cell (no non-differentiable boundary: the risk is a polynomial). Second route (z3): the real network ' +
    'with h_{s,s} and the frozen networks (each unit on its chosen piece, slope s), written out.',
  checks: [singleCell],
});
