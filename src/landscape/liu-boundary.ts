import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import type { LinearConstraint } from '../geometry/constraint.ts';
import type { Region } from '../geometry/region.ts';
import { solve } from '../linalg/elimination.ts';
import { Matrix } from '../linalg/matrix.ts';
import type { Dataset } from '../network/dataset.ts';
import { NetworkError } from '../network/errors.ts';
import { designMatrix, regionActivations } from './design-matrix.ts';
import { genuineness, type Genuineness, type OutputSign } from './genuineness.ts';
import type { OneHiddenLayerPoint } from './one-hidden-layer.ts';
import { scalarTargets } from './subglobal-minimum.ts';

/** Liu Theorem 3 / App. D: a candidate non-differentiable local minimum with w_m on the hyperplane of x_n. */
export type LiuBoundaryConstruction =
  | {
      readonly solvable: false;
      readonly D: Matrix<Rational>;
      readonly d: readonly Rational[];
      /** y with yᵀD = 0 and yᵀd = 1. */
      readonly certificate: readonly Rational[];
    }
  | {
      readonly solvable: true;
      readonly D: Matrix<Rational>;
      readonly d: readonly Rational[];
      /** The solutions R = particular + span(nullBasis) of DR = d (D.20). */
      readonly particular: readonly Rational[];
      readonly nullBasis: readonly (readonly Rational[])[];
      /** The region with entry (m, n) set to 0. */
      readonly region: Region;
      /** The LP over the solutions: cells, (18), (19) for the sign of z_m. */
      readonly genuineness: Genuineness;
      readonly point: OneHiddenLayerPoint | null;
    };

/**
 * Builds Liu's D and d (eq. (17), one row x_nᵀ for D(K+1, ·): the stated (K+1)d rows read as Kd + 1)
 * and looks for a solution R with every w̃_j = R_j / z_j in its cell (w_m on the kink of x_n) that
 * satisfies (18) and (19) for the sign of z_m. (19) is read as s·[Σ_{i≠n} e_i I_im x_i·x_n +
 * e_n |x_n|²] > 0 with e_n = Σ_k I_nk R_k·x_n − y_n (the printed Σ_k(… − y_n) would count y_n K
 * times). Only the signs matter, so Liu's factors 2/N are dropped. The point is then checked by
 * `classifyPoint`, not trusted.
 */
export function liuBoundaryPoint(data: Dataset<Rational>, cell: Region, m: number, n: number): LiuBoundaryConstruction {
  const K = cell.length;
  const N = data.inputs.length;
  if (!Number.isInteger(m) || m < 0 || m >= K) throw new NetworkError(`unit ${m} outside 0..${K - 1}`);
  if (!Number.isInteger(n) || n < 0 || n >= N) throw new NetworkError(`sample ${n} outside 0..${N - 1}`);
  const region = cell.map((signs, j) => signs.map((s, i) => (j === m && i === n ? 0 : s)));
  const xs = data.inputs;
  const dim = xs[0]!.length;
  const y = scalarTargets(data);
  const I = regionActivations(region);
  const xn = xs[n]!;
  const xnNorm = dotOf(xn, xn);
  // u_i = (x_i·x_n) x_n − |x_n|² x_i: the component of x_i that (D.14) keeps.
  const u = xs.map((x) => xn.map((v, k) => dotOf(x, xn).mul(v).sub(xnNorm.mul(x[k]!))));
  const rows: Rational[][] = [];
  const rhs: Rational[] = [];
  for (let j = 0; j < K; j++) {
    for (let r = 0; r < dim; r++) {
      const row = new Array<Rational>(K * dim).fill(Rational.ZERO);
      let right = Rational.ZERO;
      xs.forEach((x, i) => {
        if (j === m && i === n) return;
        const factor = j === m ? u[i]![r]! : x[r]!;
        const weight = I[i]![j]!.mul(factor);
        if (weight.isZero()) return;
        for (let k = 0; k < K; k++) x.forEach((v, c) => (row[k * dim + c] = row[k * dim + c]!.add(weight.mul(I[i]![k]!).mul(v))));
        right = right.add(weight.mul(y[i]!));
      });
      rows.push(row);
      rhs.push(right);
    }
  }
  const last = new Array<Rational>(K * dim).fill(Rational.ZERO);
  xn.forEach((v, c) => (last[m * dim + c] = v));
  rows.push(last);
  rhs.push(Rational.ZERO);
  const D = Matrix.from(RationalField, rows, K * dim);
  const solution = solve(D, rhs);
  if (solution.kind === 'inconsistent') return { solvable: false, D, d: rhs, certificate: solution.certificate };
  const { particular, nullBasis } = solution;
  const A = designMatrix(xs, I, { bias: false, outputBias: false });
  // e(c) = A(P + Σ c_k N_k) − y, linear in c.
  const e0 = A.mulVec(particular).map((f, i) => f.sub(y[i]!));
  const eN = nullBasis.map((b) => A.mulVec(b));
  const firstOrder = (i: number): Rational => I[i]![m]!.mul(dotOf(xs[i]!, xn));
  const side1 = combine(e0, eN, (i) => (i === n ? Rational.ZERO : firstOrder(i)));
  const side2 = combine(e0, eN, (i) => (i === n ? xnNorm : firstOrder(i)));
  const extraRows = (signs: readonly OutputSign[]): LinearConstraint[] => {
    const s = Rational.fromInt(signs[m]!);
    // (18): s·side1(c) < 0, i.e. (−s·coefficients)·c > s·constant; (19): s·side2(c) > 0.
    return [
      { coefficients: side1.coefficients.map((v) => v.mul(s).neg()), kind: '>', bound: side1.constant.mul(s) },
      { coefficients: side2.coefficients.map((v) => v.mul(s)), kind: '>', bound: side2.constant.mul(s).neg() },
    ];
  };
  const layout = { units: K, inputDim: dim, bias: false, outputBias: false };
  const result = genuineness({ layout, lifted: xs, minimiser: particular, nullBasis }, region, {
    outputSigns: (j) => (j === m ? [1, -1] : [1, -1, 0]),
    extraRows,
  });
  return { solvable: true, D, d: rhs, particular, nullBasis, region, genuineness: result, point: result.genuine ? result.point : null };
}

/** Σ_i weight(i)·e_i(c) = constant + coefficients·c. */
function combine(e0: readonly Rational[], eN: readonly (readonly Rational[])[], weight: (i: number) => Rational): { constant: Rational; coefficients: Rational[] } {
  const constant = e0.reduce((s, e, i) => s.add(weight(i).mul(e)), Rational.ZERO);
  const coefficients = eN.map((col) => col.reduce((s, e, i) => s.add(weight(i).mul(e)), Rational.ZERO));
  return { constant, coefficients };
}

function dotOf(a: readonly Rational[], b: readonly Rational[]): Rational {
  return a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);
}
