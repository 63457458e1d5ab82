import { Rational } from '../numbers/rational.ts';
import type { Network } from '../network/network.ts';
import { blockSize, layoutOf, oneHiddenLayerPoint, reparametrisedDimension } from './one-hidden-layer.ts';
import type { ReparametrisedFailure } from './reparametrised-optimality.ts';

/**
 * Parameter directions that move R(θ) along a failing cone direction d (candidates only, each
 * later checked by its exact ray). Flat order: W1 row by row, b1, then v (W2), then c (b2).
 * A unit with z_j ≠ 0 moves w̃_j by d_j / z_j (so R_j moves by d_j); a unit with z_j = 0 moves
 * z_j by s_j and w̃_j by λ·s_j·d_j, so that R_j(t) = t s_j w̃_j + t² λ d_j.
 */
export function* reparametrisedDirections(net: Network<Rational>, failures: readonly ReparametrisedFailure[]): Generator<Rational[]> {
  const point = oneHiddenLayerPoint(net);
  const layout = layoutOf(point);
  const s = blockSize(layout);
  const { units: K, inputDim: d } = layout;
  const weightsEnd = K * d;
  const biasesEnd = weightsEnd + (layout.bias ? K : 0);
  const total = biasesEnd + K + (layout.outputBias ? 1 : 0);
  for (const failure of failures) {
    if (failure.direction.length !== reparametrisedDimension(layout)) throw new Error('internal: failure direction has the wrong length');
    for (const lambda of [Rational.ONE, Rational.fromInt(16)]) {
      const X = new Array<Rational>(total).fill(Rational.ZERO);
      for (let j = 0; j < K; j++) {
        const dj = failure.direction.slice(j * s, (j + 1) * s);
        if (dj.every((v) => v.isZero())) continue;
        const z = point.outputWeights[j]!;
        const sign = Rational.fromInt(failure.outputSigns[j]!);
        const move = z.isZero() ? dj.map((v) => v.mul(sign).mul(lambda)) : dj.map((v) => v.div(z));
        if (z.isZero()) X[biasesEnd + j] = sign;
        for (let k = 0; k < d; k++) X[j * d + k] = move[k]!;
        if (layout.bias) X[weightsEnd + j] = move[d]!;
      }
      if (layout.outputBias) X[total - 1] = failure.direction[failure.direction.length - 1]!;
      yield X;
      if (point.outputWeights.every((z) => !z.isZero())) break;
    }
  }
}
