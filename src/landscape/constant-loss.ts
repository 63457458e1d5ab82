import { Rational } from '../numbers/rational.ts';
import { pieceCoefficients } from '../network/activation.ts';
import type { Dataset } from '../network/dataset.ts';
import { squaredErrorPoint, type Loss } from '../network/loss.ts';
import type { Network } from '../network/network.ts';
import { parameterCount } from '../network/parameters.ts';
import type { DatasetPattern } from '../network/pattern.ts';
import { penalisedIndices, type Penalty } from '../network/penalty.ts';

/** A polynomial in the flat parameters: monomial key (sorted indices, "3,3,7") → coefficient. */
type SparsePolynomial = Map<string, Rational>;

const DEFAULT_TERM_LIMIT = 20_000;

/**
 * Whether the region's loss L_{g_A}(θ) (squared error) is a constant polynomial in the parameters,
 * i.e. the loss is locally constant wherever the pattern holds. For squared error this is the case
 * iff every frozen output g_A(x_i) is constant (the top-degree parts of a sum of squares cannot
 * cancel) and the penalty vanishes. Null when the loss is not squared error or the expansion would
 * exceed `termLimit` monomials.
 */
export function regionLossIsConstant(
  net: Network<Rational>,
  data: Dataset<Rational>,
  loss: Loss,
  pattern: DatasetPattern,
  options: { readonly penalty?: Penalty<Rational>; readonly termLimit?: number } = {},
): boolean | null {
  if (loss.point !== squaredErrorPoint || net.expUnits.length > 0) return null;
  if (options.penalty && !options.penalty.lambda.isZero() && penalisedIndices(net, options.penalty).length > 0) return false;
  const limit = options.termLimit ?? DEFAULT_TERM_LIMIT;
  for (let i = 0; i < data.inputs.length; i++) {
    const outputs = frozenOutputPolynomials(net, data.inputs[i]!, pattern[i]!, limit);
    if (outputs === null) return null;
    if (outputs.some((p) => [...p.keys()].some((k) => k !== ''))) return false;
  }
  return true;
}

/** g_A(x) coordinate by coordinate as sparse polynomials in θ, or null beyond `limit` terms. */
function frozenOutputPolynomials(net: Network<Rational>, x: readonly Rational[], pattern: DatasetPattern[number], limit: number): SparsePolynomial[] | null {
  let a: SparsePolynomial[] = x.map((v) => constant(v));
  let k = 0;
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l]!;
    const z: SparsePolynomial[] = layer.weights.map((row) => {
      const s: SparsePolynomial = new Map();
      row.forEach((_, j) => addInto(s, timesVariable(a[j]!, k + j)));
      k += row.length;
      return s;
    });
    if (layer.bias) z.forEach((s, u) => addInto(s, variable(k + u)));
    k += layer.bias?.length ?? 0;
    a = z.map((s, u) => {
      const { slope, offset } = pieceCoefficients(layer.activation, pattern[l]![u]! / 2);
      const out = scaled(s, slope);
      addInto(out, constant(offset));
      return out;
    });
    if (a.reduce((n, p) => n + p.size, 0) > limit) return null;
  }
  if (k !== parameterCount(net)) throw new Error('internal: parameter count mismatch in polynomial expansion');
  return a;
}

function constant(c: Rational): SparsePolynomial {
  return c.isZero() ? new Map() : new Map([['', c]]);
}

function variable(k: number): SparsePolynomial {
  return new Map([[String(k), Rational.ONE]]);
}

function timesVariable(p: SparsePolynomial, k: number): SparsePolynomial {
  const out: SparsePolynomial = new Map();
  for (const [key, c] of p) {
    const vars = key === '' ? [k] : [...key.split(',').map(Number), k].sort((x, y) => x - y);
    out.set(vars.join(','), c);
  }
  return out;
}

function scaled(p: SparsePolynomial, s: Rational): SparsePolynomial {
  const out: SparsePolynomial = new Map();
  if (s.isZero()) return out;
  for (const [key, c] of p) out.set(key, c.mul(s));
  return out;
}

function addInto(target: SparsePolynomial, p: SparsePolynomial): void {
  for (const [key, c] of p) {
    const sum = (target.get(key) ?? Rational.ZERO).add(c);
    if (sum.isZero()) target.delete(key);
    else target.set(key, sum);
  }
}
