import { Matrix } from '../linalg/matrix.ts';
import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { relu } from './activation.ts';
import { NetworkError } from './errors.ts';
import { forward } from './forward.ts';
import { network, type Network } from './network.ts';

/*
 * Milne's determinant formula (Piecewise Strong Convexity of Neural Networks, §3.2): a bias-free
 * ReLU network with a ReLU on its scalar output, y(a, W) = σ(W_Hᵀσ(…σ(W_0ᵀa))), and the matrix
 * A(a, W) of eq. (7) built from the switched weights V_i.
 */

const F = RationalField;

/**
 * Milne's weights in the paper's orientation: W[i] ∈ ℚ^{n_i×n_{i+1}}, W[i][j][k] = w^i_{j,k} joins
 * neuron j of layer i to neuron k of layer i+1 (the library stores the transpose W_iᵀ), n_{H+1} = 1.
 */
export type MilneWeights = readonly (readonly (readonly Rational[])[])[];

/** [n_0, …, n_{H+1}], checking that consecutive matrices chain and that the output is scalar. */
export function milneWidths(W: MilneWeights): number[] {
  if (W.length === 0) throw new NetworkError('a Milne network needs at least one weight matrix W_0');
  const widths = [W[0]!.length];
  W.forEach((Wi, i) => {
    if (Wi.length !== widths[i]) throw new NetworkError(`W_${i} has ${Wi.length} rows, expected n_${i} = ${widths[i]}`);
    const cols = Wi[0]?.length ?? 0;
    if (cols < 1) throw new NetworkError(`W_${i} has no columns`);
    Wi.forEach((row, j) => {
      if (row.length !== cols) throw new NetworkError(`row ${j} of W_${i} has ${row.length} entries, expected ${cols}`);
      row.forEach((v, k) => {
        if (!(v instanceof Rational)) throw new NetworkError(`W_${i}[${j},${k}] is ${String(v)}, not a Rational`);
      });
    });
    widths.push(cols);
  });
  if (widths[widths.length - 1] !== 1) {
    throw new NetworkError(`Milne's networks have a scalar output: W_${W.length - 1} has ${widths[widths.length - 1]} columns`);
  }
  return widths;
}

/** H, the number of hidden layers. */
export function milneDepth(W: MilneWeights): number {
  return milneWidths(W).length - 2;
}

function checkInput(a: readonly Rational[], n0: number): void {
  if (a.length !== n0) throw new NetworkError(`input a has ${a.length} entries, the network expects n_0 = ${n0}`);
}

/** The same network as a library Network: layer i has weights W_iᵀ, no bias, ReLU everywhere (output included). */
export function milneNetwork(W: MilneWeights): Network<Rational> {
  const widths = milneWidths(W);
  return network(F, {
    inputDim: widths[0],
    layers: W.map((Wi) => ({ weights: Matrix.from(F, Wi).transpose(), bias: null, activation: relu(F) })),
  });
}

/** Inverse of milneNetwork: the paper-oriented weights of a bias-free network with scalar output. */
export function milneWeightsOf(net: Network<Rational>): Rational[][][] {
  return net.layers.map((layer, l) => {
    if (layer.bias !== null) throw new NetworkError(`layer ${l + 1} has a bias; Milne's networks have none`);
    return Matrix.from(F, layer.weights).transpose().toArrays();
  });
}

/** A weight direction X (paper orientation, shaped like W) as a flat parameter vector of milneNetwork(W). */
export function milneDirection(X: MilneWeights): Rational[] {
  milneWidths(X);
  const out: Rational[] = [];
  X.forEach((Xi) => {
    const cols = Xi[0]!.length;
    for (let k = 0; k < cols; k++) for (let j = 0; j < Xi.length; j++) out.push(Xi[j]![k]!);
  });
  return out;
}

/** Inverse of milneDirection: a flat parameter vector of milneNetwork(W) as a direction shaped like W. */
export function milneDirectionOf(flat: readonly Rational[], W: MilneWeights): Rational[][][] {
  const widths = milneWidths(W);
  const expected = W.reduce((s, Wi) => s + Wi.length * Wi[0]!.length, 0);
  if (flat.length !== expected) throw new NetworkError(`direction has ${flat.length} entries, the network has ${expected} weights`);
  let k = 0;
  return W.map((_, i) => {
    const X = Array.from({ length: widths[i]! }, () => new Array<Rational>(widths[i + 1]!));
    for (let c = 0; c < widths[i + 1]!; c++) for (let j = 0; j < widths[i]!; j++) X[j]![c] = flat[k++]!;
    return X;
  });
}

/** y(a, W) by the library's forward pass (nested ReLUs, eq. (1)). */
export function milneOutput(a: readonly Rational[], W: MilneWeights): Rational {
  const net = milneNetwork(W);
  checkInput(a, net.inputDim);
  return forward(net, a).output[0]!;
}

/** Diagonals of the switches S_0 = I, S_1, …, S_{H+1} of eq. (2): 1 where the pre-activation is > 0, else 0. */
export function milneSwitches(a: readonly Rational[], W: MilneWeights): Rational[][] {
  const net = milneNetwork(W);
  checkInput(a, net.inputDim);
  const trace = forward(net, a);
  const indicator = (z: Rational): Rational => (z.sign() > 0 ? Rational.ONE : Rational.ZERO);
  return [a.map(() => Rational.ONE), ...trace.preActivations.map((z) => z.map(indicator))];
}

/** S_i M S_{i+1} for each layer i: rows of inactive layer-i neurons and columns of inactive layer-(i+1) neurons zeroed. */
function switched(S: readonly (readonly Rational[])[], M: MilneWeights): Matrix<Rational>[] {
  return M.map((Mi, i) => Matrix.build(F, Mi.length, Mi[0]!.length, (j, k) => Mi[j]![k]!.mul(S[i]![j]!).mul(S[i + 1]![k]!)));
}

/** V_i = S_i W_i S_{i+1} ∈ ℚ^{n_i×n_{i+1}}, the reading of §3.2 under which y = aᵀV_0⋯V_H type-checks. */
export function switchedWeights(a: readonly Rational[], W: MilneWeights): Matrix<Rational>[] {
  return switched(milneSwitches(a, W), W);
}

/** S_i X_i S_{i+1}: a weight direction X as it moves the switched weights while the switches stay put. */
export function switchedDirection(a: readonly Rational[], W: MilneWeights, X: MilneWeights): Matrix<Rational>[] {
  const widths = milneWidths(W);
  const xWidths = milneWidths(X);
  if (xWidths.join(',') !== widths.join(',')) throw new NetworkError(`direction X has widths ${xWidths.join(',')}, W has ${widths.join(',')}`);
  return switched(milneSwitches(a, W), X);
}

/** One block of the text's literal V_i = S_{i+1} W_i S_i: the product, or the dimension error it raises. */
export type LiteralBlock = { readonly layer: number; readonly value: Matrix<Rational> } | { readonly layer: number; readonly error: string };

/** The literal V_i = S_{i+1}W_iS_i of §3.2 with W_i ∈ ℚ^{n_i×n_{i+1}}: defined only when n_{i+1} = n_i. */
export function literalSwitchedWeights(a: readonly Rational[], W: MilneWeights): LiteralBlock[] {
  const S = milneSwitches(a, W).map((s) => Matrix.diag(F, s));
  return W.map((Wi, i) => {
    try {
      return { layer: i, value: S[i + 1]!.mul(Matrix.from(F, Wi)).mul(S[i]!) };
    } catch (error) {
      return { layer: i, error: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** Start index (0-based) of each block J_0, …, J_{H+1} in A; index 0 is the first row/column, n − 1 is J_{H+1}. */
export function milneBlockOffsets(widths: readonly number[]): number[] {
  const offsets: number[] = [];
  let k = 1;
  for (const n of widths) {
    offsets.push(k);
    k += n;
  }
  return offsets;
}

export interface DeterminantMatrixOptions {
  /** Diagonal entries of the blocks J_0, …, J_H (default ones: the identity matrices of eq. (7)). */
  readonly diagonal?: readonly (readonly Rational[])[];
  /** The (n, 1) entry, (−1)^{H+1} in eq. (7). */
  readonly corner?: Rational;
}

/** (−1)^k as a Rational. */
export function powerOfMinusOne(k: number): Rational {
  return k % 2 === 0 ? Rational.ONE : Rational.MINUS_ONE;
}

function checkDiagonal(diagonal: readonly (readonly Rational[])[], widths: readonly number[]): void {
  if (diagonal.length !== widths.length - 1) throw new NetworkError(`diagonal has ${diagonal.length} blocks, expected H + 1 = ${widths.length - 1}`);
  diagonal.forEach((d, i) => {
    if (d.length !== widths[i]) throw new NetworkError(`diagonal block ${i} has ${d.length} entries, expected n_${i} = ${widths[i]}`);
  });
}

/**
 * The matrix of eq. (7) from the input row a and blocks V_0, …, V_H:
 * row 0 is (0, aᵀ, 0, …), block row J_i holds D_i on the diagonal and V_i to its right, and the
 * last row (J_{H+1}) is (corner, 0, …, 0).
 */
export function determinantMatrixOf(
  a: readonly Rational[],
  V: readonly Matrix<Rational>[],
  options: DeterminantMatrixOptions = {},
): Matrix<Rational> {
  if (V.length === 0) throw new NetworkError('determinant matrix: no blocks V_i');
  const widths = [...V.map((Vi) => Vi.rows), V[V.length - 1]!.cols];
  V.forEach((Vi, i) => {
    if (i > 0 && Vi.rows !== V[i - 1]!.cols) throw new NetworkError(`V_${i} has ${Vi.rows} rows, V_${i - 1} has ${V[i - 1]!.cols} columns`);
  });
  if (widths[widths.length - 1] !== 1) throw new NetworkError('determinant matrix: the last block must have one column');
  checkInput(a, widths[0]!);
  const H = V.length - 1;
  const diagonal = options.diagonal ?? widths.slice(0, -1).map((n) => Array.from({ length: n }, () => Rational.ONE));
  checkDiagonal(diagonal, widths);
  const corner = options.corner ?? powerOfMinusOne(H + 1);
  const offsets = milneBlockOffsets(widths);
  const n = 1 + widths.reduce((s, w) => s + w, 0);
  const rows = Array.from({ length: n }, () => Array.from({ length: n }, () => Rational.ZERO));
  a.forEach((v, j) => (rows[0]![offsets[0]! + j] = v));
  V.forEach((Vi, i) => {
    for (let j = 0; j < Vi.rows; j++) {
      rows[offsets[i]! + j]![offsets[i]! + j] = diagonal[i]![j]!;
      for (let k = 0; k < Vi.cols; k++) rows[offsets[i]! + j]![offsets[i + 1]! + k] = Vi.get(j, k);
    }
  });
  rows[n - 1]![0] = corner;
  return Matrix.from(F, rows, n);
}

/** A(a, W) of eq. (7), V_i = S_iW_iS_{i+1}; options replace the identity blocks or the corner (−1)^{H+1}. */
export function milneMatrix(a: readonly Rational[], W: MilneWeights, options: DeterminantMatrixOptions = {}): Matrix<Rational> {
  return determinantMatrixOf(a, switchedWeights(a, W), options);
}

/** X_i: A(a, W + tX) = A(a, W) + tX_i while the switches stay constant (zero outside the V blocks). */
export function milnePerturbation(a: readonly Rational[], W: MilneWeights, X: MilneWeights): Matrix<Rational> {
  const blocks = switchedDirection(a, W, X);
  const widths = milneWidths(W);
  const offsets = milneBlockOffsets(widths);
  const n = 1 + widths.reduce((s, w) => s + w, 0);
  return Matrix.build(F, n, n, (r, c) => {
    for (let i = 0; i < blocks.length; i++) {
      const j = r - offsets[i]!;
      const k = c - offsets[i + 1]!;
      if (j >= 0 && j < widths[i]! && k >= 0 && k < widths[i + 1]!) return blocks[i]!.get(j, k);
    }
    return Rational.ZERO;
  });
}

/**
 * C(a, W) of eq. (25): first row ((−1)^H, 0, …), block rows J_0..J_H as in A with diagonals D_i,
 * last row (0, aᵀ, 0, …, 0, β).
 */
export function milneCMatrix(
  a: readonly Rational[],
  W: MilneWeights,
  diagonal: readonly (readonly Rational[])[],
  beta: Rational,
): Matrix<Rational> {
  const V = switchedWeights(a, W);
  const H = V.length - 1;
  const A = determinantMatrixOf(a, V, { diagonal });
  const n = A.rows;
  const offsets = milneBlockOffsets(milneWidths(W));
  return Matrix.build(F, n, n, (r, c) => {
    if (r === 0) return c === 0 ? powerOfMinusOne(H) : Rational.ZERO;
    if (r === n - 1) {
      if (c === n - 1) return beta;
      const j = c - offsets[0]!;
      return j >= 0 && j < a.length ? a[j]! : Rational.ZERO;
    }
    return A.get(r, c);
  });
}
