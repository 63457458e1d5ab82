import { Matrix } from '../linalg/matrix.ts';
import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { lossGradient } from './derivatives.ts';
import { networkOutput } from './forward.ts';
import { squaredError } from './loss.ts';
import type { Network } from './network.ts';
import type { DatasetPattern } from './pattern.ts';

/**
 * The exact Jacobian of the outputs in the parameters, row i·d_y + k = ∇_θ f_k(x_i; θ) (the transpose
 * of m·A[θ] in Kawaguchi & Kaelbling's App. C). Row by row it is the gradient of ½(f_k(x_i) − y)² with
 * y = f_k(x_i) − 1, whose residual is exactly 1, so the network module's jets compute it.
 */
export function outputJacobian(
  net: Network<Rational>,
  inputs: readonly (readonly Rational[])[],
  options: { readonly pattern?: DatasetPattern; readonly parameters?: readonly number[] } = {},
): Matrix<Rational> {
  const rows = inputs.flatMap((x, i) => {
    const f = networkOutput(net, x);
    return f.map((_, k) => {
      const target = f.map((v, j) => (j === k ? v.sub(Rational.ONE) : v));
      const pattern = options.pattern ? [options.pattern[i]!] : undefined;
      return lossGradient(net, { inputs: [x], targets: [target] }, squaredError('half-sum'), { pattern, parameters: options.parameters });
    });
  });
  return Matrix.from(RationalField, rows);
}
