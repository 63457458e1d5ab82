// he, §3.1 eq. (4) and App. A.2: the two-piece linear activation and its mirror image.
import fc from 'fast-check';
import {
  Rational,
  RationalField,
  evaluate,
  fail,
  forAll,
  forwardDataset,
  mirrorLayers,
  network,
  pass,
  passIf,
  rationalRows,
  rationalVector,
  smallRational,
  theorem,
  twoPiece,
  twoPieceSlopes,
  type Network,
} from '../../src/index.ts';
import { confirmMirrorIdentityFails, confirmMirrorNetworkFails } from './_confirm.ts';

const F = RationalField;
const value = smallRational({ maxNumerator: 4, maxDenominator: 3 });
const slope = smallRational({ maxNumerator: 3, maxDenominator: 2 });

/** h_{s−,s+}(x) = I{x ≤ 0}s−x + I{x > 0}s+x, written out as in eq. (4). */
const h = (sMinus: Rational, sPlus: Rational, x: Rational): Rational => (x.sign() <= 0 ? sMinus.mul(x) : sPlus.mul(x));

const scalarIdentity = forAll({
  name: 'h_{s−,s+}(x) = h_{−s+,−s−}(−x), and the library activation is eq. (4)',
  basis: 'exact',
  arbitrary: fc.record({ sMinus: slope, sPlus: slope, x: value }),
  check: ({ sMinus, sPlus, x }) => {
    const left = h(sMinus, sPlus, x);
    const right = h(sPlus.neg(), sMinus.neg(), x.neg());
    const library = evaluate(F, twoPiece(F, sMinus, sPlus), x);
    return passIf(left.equals(right) && library.equals(left), () => ({
      'h_{s−,s+}(x)': left,
      'h_{−s+,−s−}(−x)': right,
      'library h_{s−,s+}(x)': library,
    }));
  },
  confirm: ({ sMinus, sPlus, x }) => confirmMirrorIdentityFails(sMinus, sPlus, x),
});

/** A network with h_{s−,s+} on 1–3 hidden layers, biases, and a few inputs, as plain data. */
const networkData = fc
  .record({
    inputDim: fc.integer({ min: 1, max: 2 }),
    widths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    outputs: fc.integer({ min: 1, max: 2 }),
    sMinus: slope,
    sPlus: slope,
  })
  .chain(({ inputDim, widths, outputs, sMinus, sPlus }) => {
    const sizes = [inputDim, ...widths, outputs];
    return fc.record({
      sMinus: fc.constant(sMinus),
      sPlus: fc.constant(sPlus),
      weights: fc.tuple(...sizes.slice(1).map((d, l) => rationalRows(d, sizes[l]!, { maxNumerator: 3, maxDenominator: 2 }))),
      biases: fc.tuple(...sizes.slice(1).map((d) => rationalVector(d, { maxNumerator: 3, maxDenominator: 2 }))),
      inputs: fc.array(rationalVector(inputDim, { maxNumerator: 3, maxDenominator: 2 }), { minLength: 1, maxLength: 4 }),
    });
  });

type NetworkData = { sMinus: Rational; sPlus: Rational; weights: Rational[][][]; biases: Rational[][]; inputs: Rational[][] };

/** The network of the data with activation h_{a,b} on every hidden layer. */
function build(d: NetworkData, a: Rational, b: Rational, sign: (l: number) => 1 | -1): Network<Rational> {
  const act = twoPiece(F, a, b);
  const last = d.weights.length - 1;
  return network(F, {
    layers: d.weights.map((W, l) => ({
      weights: W.map((row) => row.map((w) => w.mul(Rational.of(sign(l))))),
      bias: d.biases[l]!.map((v) => v.mul(Rational.of(sign(l)))),
      activation: l === last ? undefined : act,
    })),
  });
}

const networkIdentity = forAll({
  name: 'W′_i = −W_i, b′_i = −b_i (i < L), W′_L = W_L with h_{−s+,−s−} computes the same outputs',
  basis: 'exact',
  arbitrary: networkData,
  check: (d) => {
    const last = d.weights.length - 1;
    const original = build(d, d.sMinus, d.sPlus, () => 1);
    // The paper's map, written out independently of the library's mirrorLayers.
    const byHand = build(d, d.sPlus.neg(), d.sMinus.neg(), (l) => (l === last ? 1 : -1));
    const byLibrary = mirrorLayers(original);
    const slopes = twoPieceSlopes(F, byLibrary.layers[0]!.activation);
    const y = forwardDataset(original, d.inputs).outputs;
    const yHand = forwardDataset(byHand, d.inputs).outputs;
    const yLibrary = forwardDataset(byLibrary, d.inputs).outputs;
    const same = (a: Rational[][], b: Rational[][]): boolean => a.every((r, i) => r.every((v, k) => v.equals(b[i]![k]!)));
    if (!same(y, yHand) || !same(y, yLibrary)) {
      return fail({ outputs: y, 'outputs with −W, −b and h_{−s+,−s−}': yHand, 'outputs of mirrorLayers': yLibrary });
    }
    if (!slopes || !slopes.sMinus.equals(d.sPlus.neg()) || !slopes.sPlus.equals(d.sMinus.neg())) {
      return fail({ 'mirrored activation slopes': slopes ? [slopes.sMinus, slopes.sPlus] : 'not two-piece', expected: [d.sPlus.neg(), d.sMinus.neg()] });
    }
    // The map is one-to-one: applying it twice gives back the parameters.
    const twice = mirrorLayers(byLibrary);
    const back = twice.layers.every((layer, l) =>
      layer.weights.every((row, i) => row.every((w, j) => w.equals(original.layers[l]!.weights[i]![j]!))),
    );
    return back ? pass() : fail({ reason: 'mirroring twice does not restore the weights' });
  },
  confirm: (d) => confirmMirrorNetworkFails(d),
});

export default theorem({
  id: 'he/eq-4',
  paper: 'he',
  title: 'Two-piece linear activation and its mirror: h_{s−,s+}(x) = h_{−s+,−s−}(−x)',
  statement:
    'The two-piece linear activation of eq. (4) is h_{s−,s+}(x) = I{x ≤ 0}s−x + I{x > 0}s+x (the side ' +
    'condition printed as "|s+| = |s−|" is garbled; we read it as s+ ≠ s−, i.e. h non-linear, which the ' +
    'identity does not need). For all rationals s−, s+, x: h_{s−,s+}(x) = h_{−s+,−s−}(−x). Network level ' +
    '(App. A.2): a network with h_{s−,s+} on its hidden layers and the network with W′_i = −W_i, ' +
    'b′_i = −b_i for the hidden layers i = 1, …, L−1, the output layer unchanged (the garbled "W_L = W_L"), ' +
    'and activation h_{−s+,−s−} compute the same output on every input; the map is its own inverse, hence ' +
    'one-to-one. Checked exactly for 1–3 hidden layers with biases, both with the weights negated by hand ' +
    'and with the library map mirrorLayers. Second route (z3): h_{s−,s+}(x), h_{−s+,−s−}(−x) and both networks ' +
    'written out from eq. (4); a failure that is the library\'s alone is contradicted there.',
  checks: [scalarIdentity, networkIdentity],
});
