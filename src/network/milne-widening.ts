import { Rational } from '../numbers/rational.ts';
import { NetworkError } from './errors.ts';
import { milneSwitches, milneWidths, type MilneWeights } from './milne-matrix.ts';

/** φ(a, W) of Lemma 8: the input and every weight matrix padded with d zero rows/columns (the output stays scalar). */
export interface MilneWidening {
  readonly input: Rational[];
  readonly weights: Rational[][][];
}

function requireCount(d: number, what: string): void {
  if (!Number.isInteger(d) || d < 0) throw new NetworkError(`${what} must be a non-negative integer, got ${d}`);
}

/** φ(a, W) = ([a; 0], [[W_0, 0], [0, 0]], …, [W_H; 0]) with ñ_i = n_i + d for i = 0..H. */
export function milneWidening(a: readonly Rational[], W: MilneWeights, d: number): MilneWidening {
  requireCount(d, 'the widening d');
  const widths = milneWidths(W);
  if (a.length !== widths[0]) throw new NetworkError(`input a has ${a.length} entries, the network expects n_0 = ${widths[0]}`);
  const H = W.length - 1;
  const input = [...a, ...Array.from({ length: d }, () => Rational.ZERO)];
  const weights = W.map((Wi, i) => {
    const rows = widths[i]! + d;
    const cols = i === H ? 1 : widths[i + 1]! + d;
    return Array.from({ length: rows }, (_, j) => Array.from({ length: cols }, (_, k) => Wi[j]?.[k] ?? Rational.ZERO));
  });
  return { input, weights };
}

function requirePositive(x: Rational, what: string): void {
  if (x.sign() <= 0) throw new NetworkError(`${what} must be > 0, got ${x.toString()}`);
}

/**
 * The diagonal of Ã(φ(a, W)) in Lemma 8 with β = γ^d: for layer i = 0..H, the first n_i entries
 * are β and the d padded ones are α_i = β^{(1−n_i)/d} = γ^{1−n_i} (rational because β is a d-th power).
 */
export function milneWidenedDiagonal(widths: readonly number[], d: number, gamma: Rational): Rational[][] {
  requireCount(d, 'the widening d');
  if (d === 0) throw new NetworkError('the widened diagonal needs d ≥ 1 padded neurons per layer');
  requirePositive(gamma, 'γ');
  const beta = gamma.pow(d);
  return widths.slice(0, -1).map((n) => [
    ...Array.from({ length: n }, () => beta),
    ...Array.from({ length: d }, () => gamma.pow(1 - n)),
  ]);
}

/**
 * The switch-dependent diagonal of §3.4, eq. (17): in layer j with p_j of n_j neurons on, on
 * neurons get β_j and off neurons α_j with α_j^{n_j−p_j}β_j^{p_j−1} = 1, chosen rational as
 * β_j = γ^{n_j−p_j}, α_j = γ^{1−p_j}. Layers with every neuron on (the input layer always) need
 * β_j^{n_j−1} = 1 and keep β_j = 1 (any β_0 when n_0 = 1); layers with none on get α_j = γ.
 */
export function milneSwitchDiagonal(a: readonly Rational[], W: MilneWeights, gamma: Rational): Rational[][] {
  requirePositive(gamma, 'γ');
  const S = milneSwitches(a, W).slice(0, -1);
  return S.map((s) => {
    const n = s.length;
    const p = s.filter((v) => !v.isZero()).length;
    const beta = p === n ? (n === 1 ? gamma : Rational.ONE) : gamma.pow(n - p);
    const alpha = p === 0 ? gamma : gamma.pow(1 - p);
    return s.map((v) => (v.isZero() ? alpha : beta));
  });
}
