import { EigenvalueDecomposition, LuDecomposition, Matrix as MlMatrix, pseudoInverse as floatPseudoInverse } from 'ml-matrix';
import { determinant } from '../linalg/determinant.ts';
import { solve } from '../linalg/elimination.ts';
import { toMlMatrix } from '../linalg/float.ts';
import type { Inertia } from '../linalg/inertia.ts';
import { inertia } from '../linalg/inertia.ts';
import type { Matrix } from '../linalg/matrix.ts';
import { pseudoInverse } from '../linalg/pseudo-inverse.ts';
import type { Rational } from '../numbers/rational.ts';
import { randomRationalMatrix, seededRandom, smallEntry } from './random-matrix.ts';
import { medianTimePerCall } from './timing.ts';

export type KernelName = 'solve' | 'pseudoInverse' | 'determinant' | 'inertia';

export const KERNELS: readonly KernelName[] = ['solve', 'pseudoInverse', 'determinant', 'inertia'];

/** What each kernel is given and what the float64 side runs. */
export const KERNEL_INPUTS: Readonly<Record<KernelName, { readonly input: string; readonly float: string }>> = {
  solve: { input: 'Ax = b, A n×n', float: 'LU solve' },
  pseudoInverse: { input: 'M = FG n×n of rank n/2', float: 'SVD pseudo-inverse' },
  determinant: { input: 'det A, A n×n', float: 'LU determinant' },
  inertia: { input: 'S = A + Aᵀ', float: 'symmetric eigenvalues' },
};

/** One kernel at one size: the median exact and float64 times and what the exact result costs in bits. */
export interface KernelRow {
  readonly kernel: KernelName;
  readonly n: number;
  readonly exactMs: number;
  readonly floatMs: number;
  /** exactMs / floatMs: the price of exactness. */
  readonly ratio: number;
  /** The largest Rational.bitLength() among the entries of the exact result. */
  readonly maxBits: number;
  /** Whether the float64 answer agrees with the exact one (relative 1e-8, or the same inertia). */
  readonly floatAgrees: boolean;
}

export interface KernelBenchOptions {
  readonly sizes: readonly number[];
  readonly repetitions: number;
  /** Each timing runs the kernel for at least this long (many calls for fast kernels). */
  readonly minMs: number;
  readonly seed: number;
}

/** The inputs of one size, drawn from the seed: the same matrices for the exact and the float side. */
interface Inputs {
  readonly A: Matrix<Rational>;
  readonly b: Rational[];
  readonly M: Matrix<Rational>;
  readonly S: Matrix<Rational>;
}

function inputsOf(n: number, seed: number): Inputs {
  const random = seededRandom(seed * 1009 + n);
  const A = randomRationalMatrix(random, n, n);
  const b = Array.from({ length: n }, () => smallEntry(random));
  const k = Math.max(1, n >> 1);
  const M = randomRationalMatrix(random, n, k).mul(randomRationalMatrix(random, k, n));
  return { A, b, M, S: A.add(A.transpose()) };
}

/** Times the four exact kernels and their float64 counterparts at every size. */
export function benchExactKernels(options: KernelBenchOptions, onRow?: (row: KernelRow) => void): KernelRow[] {
  const rows: KernelRow[] = [];
  for (const n of options.sizes) {
    const inputs = inputsOf(n, options.seed);
    for (const kernel of KERNELS) {
      const row = benchKernel(kernel, n, inputs, options);
      rows.push(row);
      onRow?.(row);
    }
  }
  return rows;
}

function benchKernel(kernel: KernelName, n: number, inputs: Inputs, options: KernelBenchOptions): KernelRow {
  const { exact, float, bits, agrees } = KERNEL_RUNS[kernel](inputs);
  const exactMs = medianTimePerCall(exact, options.repetitions, options.minMs);
  const floatMs = medianTimePerCall(float, options.repetitions, options.minMs);
  return { kernel, n, exactMs, floatMs, ratio: exactMs / floatMs, maxBits: bits, floatAgrees: agrees };
}

/** A kernel's two timed calls, the bit length of its exact result and whether the float result agrees. */
interface KernelRun {
  readonly exact: () => unknown;
  readonly float: () => unknown;
  readonly bits: number;
  readonly agrees: boolean;
}

const KERNEL_RUNS: Readonly<Record<KernelName, (inputs: Inputs) => KernelRun>> = {
  solve: ({ A, b }) => {
    const exact = (): Rational[] => {
      const s = solve(A, b);
      if (s.kind !== 'solution') throw new Error('benchmark matrix A is singular');
      return s.particular;
    };
    const lu = toMlMatrix(A);
    const rhs = MlMatrix.columnVector(b.map((x) => x.toNumber()));
    const float = (): number[] => new LuDecomposition(lu).solve(rhs).getColumn(0);
    const x = exact();
    return { exact, float, bits: maxBitLength(x), agrees: close(float(), x) };
  },
  pseudoInverse: ({ M }) => {
    const exact = (): Matrix<Rational> => pseudoInverse(M);
    const m = toMlMatrix(M);
    const float = (): MlMatrix => floatPseudoInverse(m);
    const P = exact();
    const entries = P.toArrays().flat();
    return { exact, float, bits: maxBitLength(entries), agrees: close(float().to2DArray().flat(), entries) };
  },
  determinant: ({ A }) => {
    const exact = (): Rational => determinant(A);
    const m = toMlMatrix(A);
    const float = (): number => new LuDecomposition(m).determinant;
    const d = exact();
    return { exact, float, bits: d.bitLength(), agrees: close([float()], [d]) };
  },
  inertia: ({ S }) => {
    const exact = (): Inertia<Rational> => inertia(S);
    const m = toMlMatrix(S);
    const float = (): number[] => new EigenvalueDecomposition(m, { assumeSymmetric: true }).realEigenvalues;
    const result = exact();
    const { L, D } = result.factorization;
    const evidence = [...L.toArrays().flat(), ...D.toArrays().flat(), ...(result.negativeDirection ?? []), ...(result.nullDirection ?? [])];
    const eigenvalues = float();
    const scale = Math.max(...eigenvalues.map(Math.abs));
    const sign = (v: number): number => (Math.abs(v) <= 1e-9 * scale ? 0 : Math.sign(v));
    const counts = { positive: 0, negative: 0, zero: 0 };
    for (const v of eigenvalues) counts[sign(v) > 0 ? 'positive' : sign(v) < 0 ? 'negative' : 'zero']++;
    const agrees = counts.positive === result.positive && counts.negative === result.negative && counts.zero === result.zero;
    return { exact, float, bits: maxBitLength(evidence), agrees };
  },
};

function maxBitLength(values: readonly Rational[]): number {
  return values.reduce((m, x) => Math.max(m, x.bitLength()), 0);
}

/** Float64 values within 1e-8 of the exact ones, relative to the largest exact magnitude. */
function close(floats: readonly number[], exact: readonly Rational[]): boolean {
  if (floats.length !== exact.length) return false;
  const scale = Math.max(1e-300, ...exact.map((x) => Math.abs(x.toNumber())));
  return floats.every((v, i) => Number.isFinite(v) && Math.abs(v - exact[i]!.toNumber()) <= 1e-8 * scale);
}
