import type { Rational } from '../numbers/rational.ts';
import { isOnBreakpoint } from './activation.ts';
import type { Dataset } from './dataset.ts';
import { forwardDataset } from './forward.ts';
import { isLinearStationary, leastSquaresFit, type LinearFit } from './he-linear-model.ts';
import { riskOfOutputs, type Loss } from './loss.ts';
import type { Network } from './network.ts';
import { RationalField } from '../numbers/rational-field.ts';

/**
 * Why a point is a local minimum, by the cell argument of He, Wang & Tao, Lemmas 4–6:
 * (i) every unit (hidden and output) sees all samples strictly inside one and the same linear piece, so on the
 * open cell around the point each layer is affine and the output is M(θ)[x; 1] with one matrix M(θ)
 * for all samples, hence R(θ) = f(M(θ)) there; (ii) W̃ is a stationary point of the convex f, hence
 * its global minimiser; (iii) R(θ*) = f(W̃). Then R ≥ f(W̃) = R(θ*) on the whole cell.
 */
export type LinearRegimeCertificate =
  | {
      readonly certified: true;
      readonly risk: Rational;
      readonly fit: LinearFit;
      /** The piece of each unit: pieces[layer][unit]. */
      readonly pieces: number[][];
    }
  | { readonly certified: false; readonly reason: string };

export function certifyLinearRegimeMinimum(net: Network<Rational>, data: Dataset<Rational>, loss: Loss): LinearRegimeCertificate {
  const { outputs, pattern } = forwardDataset(net, data);
  const pieces: number[][] = [];
  for (let l = 0; l < net.layers.length; l++) {
    const row: number[] = [];
    for (let u = 0; u < net.layers[l]!.weights.length; u++) {
      const positions = pattern.map((p) => p[l]![u]!);
      const on = positions.findIndex(isOnBreakpoint);
      if (on >= 0) return { certified: false, reason: `unit ${u + 1} of layer ${l + 1} is on a breakpoint for sample ${on}` };
      if (positions.some((p) => p !== positions[0])) {
        return { certified: false, reason: `unit ${u + 1} of layer ${l + 1} sees the samples in different pieces (${positions.map((p) => p / 2).join(', ')})` };
      }
      row.push(positions[0]! / 2);
    }
    pieces.push(row);
  }
  const fit = leastSquaresFit(data, loss);
  if (!isLinearStationary(fit.weights, data, loss)) return { certified: false, reason: 'the least-squares W̃ fails the normal equations' };
  const risk = riskOfOutputs(RationalField, loss, outputs, data.targets);
  if (!risk.equals(fit.risk)) {
    return { certified: false, reason: `R(θ) = ${risk.toString()} differs from min f = f(W̃) = ${fit.risk.toString()}` };
  }
  return { certified: true, risk, fit, pieces };
}
