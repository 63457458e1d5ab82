import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { twoPiece, type Activation } from './activation.ts';
import type { Dataset } from './dataset.ts';
import { NetworkError } from './errors.ts';
import { forwardDataset } from './forward.ts';
import { embedAtKink, mirrorHiddenLayers } from './he-embedding.ts';
import { orientKink, type Kink } from './he-kink.ts';
import { leastSquaresFit, type LinearFit } from './he-linear-model.ts';
import type { Loss } from './loss.ts';
import { network, type Network } from './network.ts';

const F = RationalField;

const zeros = (n: number): Rational[] => Array.from({ length: n }, () => Rational.ZERO);
const unit = (n: number, k: number, c: Rational): Rational[] => zeros(n).map((z, j) => (j === k ? c : z));

/** Assumption 3 (every hidden layer wider than the output), which the constructions need. */
export function requireWiderHidden(hidden: readonly number[], outputs: number, extra = 1): void {
  if (hidden.length === 0) throw new NetworkError('the construction needs at least one hidden layer');
  hidden.forEach((d, i) => {
    if (!Number.isInteger(d) || d < outputs + extra) {
      throw new NetworkError(`hidden layer ${i + 1} has width ${d}; the construction needs at least dY + ${extra} = ${outputs + extra}`);
    }
  });
}

/** η must satisfy η < 0 and W̃X̃ − η1 > 0 (eq. (14)/(27)): η < min(0, min Ŷ). Returns that bound. */
export function etaBound(fit: LinearFit): Rational {
  return fit.predictions.flat().reduce((m, v) => m.min(v), Rational.ZERO);
}

/**
 * Lemma 5 (Lemma 4 for one hidden layer) with h_{s−,s+}:
 *   W_1 = [W̃_{·,1:dX}; 0], b_1 = [W̃_{·,dX+1} − η1; −η1],
 *   W_i = (1/s+)(Σ_{j≤dY} E_{jj} + Σ_{j>dY} E_{j,dY+1}), b_i = 0 (1 < i < L),
 *   W_L = [(1/s+) I_dY, 0], b_L = η1.
 * Eq. (13) is garbled in the text; (1/s+) I_dY is the reading under which Ŷ = W̃X̃ (eq. (15)).
 */
export function lemma5Network(fit: LinearFit, hidden: readonly number[], sMinus: Rational, sPlus: Rational, eta: Rational): Network<Rational> {
  const dY = fit.weights.length;
  const dX = fit.weights[0]!.length - 1;
  requireWiderHidden(hidden, dY);
  if (sPlus.isZero()) throw new NetworkError('lemma5Network needs s+ ≠ 0 (mirror the activation first)');
  const act = twoPiece(F, sMinus, sPlus);
  const inv = sPlus.inv();
  const d1 = hidden[0]!;
  const first = {
    weights: Array.from({ length: d1 }, (_, j) => (j < dY ? fit.weights[j]!.slice(0, dX) : zeros(dX))),
    bias: Array.from({ length: d1 }, (_, j) => (j < dY ? fit.weights[j]![dX]!.sub(eta) : eta.neg())),
    activation: act,
  };
  const middle = hidden.slice(1).map((d, i) => ({
    weights: Array.from({ length: d }, (_, j) => unit(hidden[i]!, Math.min(j, dY), inv)),
    bias: zeros(d),
    activation: act,
  }));
  const last = {
    weights: Array.from({ length: dY }, (_, j) => unit(hidden[hidden.length - 1]!, j, inv)),
    bias: Array.from({ length: dY }, () => eta),
  };
  return network(F, { inputDim: dX, layers: [first, ...middle, last] });
}

/** The layer-1 pre-activations W_1X + b_1 1ᵀ of a network on a dataset (d1 × n, as rows per unit). */
export function firstLayerPreActivations(net: Network<Rational>, inputs: readonly (readonly Rational[])[]): Rational[][] {
  const traces = forwardDataset(net, inputs).traces;
  return net.layers[0]!.weights.map((_, j) => traces.map((tr) => tr.preActivations[0]![j]!));
}

/** ‖Z‖²_F of a list of rows. */
export function frobeniusSquared(rows: readonly (readonly Rational[])[]): Rational {
  return rows.flat().reduce((s, v) => s.add(v.mul(v)), Rational.ZERO);
}

/** The least positive integer M with ‖Z‖_F / M < σ (eq. (40)/(45)), or 1 when σ is unbounded. */
export function scaleFor(rows: readonly (readonly Rational[])[], sigma: Rational | null): Rational {
  if (sigma === null) return Rational.ONE;
  const norm2 = frobeniusSquared(rows);
  let M = norm2.div(sigma.mul(sigma)).floor();
  if (M < 1n) M = 1n;
  // ‖Z‖²_F < M²σ², with M grown from a rough start (the root is irrational in general).
  let m = sqrtFloor(M);
  while (!Rational.of(m * m).mul(sigma).mul(sigma).gt(norm2)) m += 1n;
  return Rational.of(m);
}

function sqrtFloor(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

export interface LinearMinimumSpec {
  /** Hidden widths d_1, …, d_{L−1} (each ≥ dY + 1). */
  readonly hidden: readonly number[];
  /** The activation of every hidden layer (any non-linear piecewise linear one). */
  readonly activation: Activation<Rational>;
  /** Which breakpoint t to use (default 0). */
  readonly breakpoint?: number;
  /** η (default: etaBound − 1). */
  readonly eta?: Rational;
  /** M of Lemma 6 (default: the least integer satisfying eq. (40)). */
  readonly scale?: Rational;
  /** α_2, …, α_{L−1} of Lemma 6 (default ½ each; α_1 = 1). */
  readonly alphas?: readonly Rational[];
}

/** A constructed point of Lemmas 4–6 and what it was built from. */
export interface LinearMinimum {
  readonly network: Network<Rational>;
  readonly fit: LinearFit;
  /** The turning point the build used (of the mirrored activation when `mirrored`). */
  readonly kink: Kink;
  readonly mirrored: boolean;
  readonly eta: Rational;
  readonly scale: Rational;
  readonly alphas: readonly Rational[];
  /** The Lemma 5 network with h_{s−,s+} that was scaled and translated. */
  readonly prototype: Network<Rational>;
}

/** Lemma 4 (one hidden layer), Lemma 5 (deeper) and Lemma 6 (any piecewise linear h), in one build. */
export function linearRegimeMinimum(data: Dataset<Rational>, loss: Loss, spec: LinearMinimumSpec): LinearMinimum {
  const fit = leastSquaresFit(data, loss);
  const { activation, kink, mirrored } = orientKink(spec.activation, spec.breakpoint ?? 0);
  const eta = spec.eta ?? etaBound(fit).sub(Rational.ONE);
  const prototype = lemma5Network(fit, spec.hidden, kink.sMinus, kink.sPlus, eta);
  const scale = spec.scale ?? scaleFor(firstLayerPreActivations(prototype, data.inputs), kink.sigma);
  const alphas = spec.alphas ?? spec.hidden.slice(1).map(() => Rational.of(1, 2));
  if (alphas.length !== spec.hidden.length - 1) throw new NetworkError(`${alphas.length} α's for ${spec.hidden.length} hidden layers (need one per layer after the first)`);
  alphas.forEach((a, i) => {
    if (a.sign() <= 0 || a.gt(Rational.ONE)) throw new NetworkError(`α_${i + 2} = ${a.toString()} must lie in (0, 1] (eq. (41))`);
  });
  const embedded = embedAtKink(prototype, activation, kink, [scale.inv(), ...alphas]);
  const net = mirrored ? mirrorHiddenLayers(embedded, spec.activation) : embedded;
  return { network: net, fit, kink, mirrored, eta, scale, alphas, prototype };
}
