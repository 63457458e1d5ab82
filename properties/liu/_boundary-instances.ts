// Instances for liu/theorem-3: a point with w_m on the kink of x_n and labels planted so that R solves DR = d.
import fc from 'fast-check';
import {
  Rational,
  checkFeasibility,
  dataset,
  smallRational,
  rationalDot as dot,
  type Dataset,
  type LinearConstraint,
} from '../../src/index.ts';

/** A wanted sign of a left side of (18) or (19): −1 (< 0), 0 (= 0), 1 (> 0). */
export type SideSign = -1 | 0 | 1;

export interface BoundaryInstance {
  readonly data: Dataset<Rational>;
  /** w_1..w_K (w_m on the hyperplane of x_n, every other sign strict) and z_1..z_K (z_m ≠ 0). */
  readonly weights: Rational[][];
  readonly z: Rational[];
  readonly m: number;
  readonly n: number;
  /** The wanted signs of the left sides of (18) and (19). */
  readonly sides: readonly [SideSign, SideSign];
}

/** Rows "sign(a·v) = want" over v (> 0, < 0 as > 0 of −a, = 0). */
function signRow(a: readonly Rational[], want: SideSign): LinearConstraint {
  if (want === 0) return { coefficients: [...a], kind: '=', bound: Rational.ZERO };
  return { coefficients: a.map((v) => (want > 0 ? v : v.neg())), kind: '>', bound: Rational.ZERO };
}

/**
 * Errors e = f(x) − y with Σ_i e_i I_ij x_i = 0 (j ≠ m) and Σ_{i≠n} e_i I_im x_i = α x_n — exactly
 * DR = d at the point's R — and the wanted signs of z_m·α and z_m·(α + e_n), the sides of (18) and
 * (19) divided by |x_n|². Variables (e_1..e_N, α); the labels are then y = f(x) − e. Null if infeasible.
 */
function plantedErrors(inputs: readonly (readonly Rational[])[], weights: readonly (readonly Rational[])[], zm: Rational, m: number, n: number, sides: readonly [SideSign, SideSign]): Rational[] | null {
  const N = inputs.length;
  const d = inputs[0]!.length;
  const active = inputs.map((x) => weights.map((w) => dot(w, x).sign() > 0));
  const rows: LinearConstraint[] = [];
  weights.forEach((_, j) => {
    for (let r = 0; r < d; r++) {
      const coefficients = inputs.map((x, i) => (active[i]![j] && !(j === m && i === n) ? x[r]! : Rational.ZERO));
      coefficients.push(j === m ? inputs[n]![r]!.neg() : Rational.ZERO);
      rows.push({ coefficients, kind: '=', bound: Rational.ZERO });
    }
  });
  const s = Rational.fromInt(zm.sign());
  const alpha = Array.from({ length: N + 1 }, (_, k) => (k === N ? s : Rational.ZERO));
  const alphaPlusEn = alpha.map((v, k) => (k === n ? s : v));
  rows.push(signRow(alpha, sides[0]), signRow(alphaPlusEn, sides[1]));
  const result = checkFeasibility({ dimension: N + 1, constraints: rows });
  return result.feasible ? result.point.slice(0, N) : null;
}

/** w_m minus its component along x_n: the nearest point of the hyperplane w·x_n = 0. */
function ontoHyperplane(w: readonly Rational[], x: readonly Rational[]): Rational[] {
  const t = dot(w, x).div(dot(x, x));
  return w.map((v, k) => v.sub(t.mul(x[k]!)));
}

/**
 * Homogeneous inputs (x, 1), K ≤ 2 units with small weights, w_m projected onto the hyperplane of
 * x_n, every other sign strict (instances with another zero are filtered out), z with z_m ≠ 0, and
 * planted labels.
 */
export function boundaryInstances(sides: readonly (readonly [SideSign, SideSign])[]): fc.Arbitrary<BoundaryInstance> {
  return boundaryPoints().chain(({ inputs, m, n, weights, z }) =>
    fc.constantFrom(...sides).map((wanted) => {
      const e = plantedErrors(inputs, weights, z[m]!, m, n, wanted);
      if (e === null) return null;
      const f = inputs.map((x) => weights.reduce((s, w, k) => s.add(z[k]!.mul(dot(w, x).max(Rational.ZERO))), Rational.ZERO));
      const data: Dataset<Rational> = { inputs, targets: f.map((v, i) => [v.sub(e[i]!)]) };
      return { data, weights, z, m, n, sides: wanted };
    }),
  ).filter((instance): instance is BoundaryInstance => instance !== null);
}

/** The same points with small rational labels, not planted (DR = d then fails except by accident). */
export function unplantedBoundaryInstances(): fc.Arbitrary<Omit<BoundaryInstance, 'sides'>> {
  return boundaryPoints().chain(({ inputs, m, n, weights, z }) =>
    fc.array(smallRational(), { minLength: inputs.length, maxLength: inputs.length }).map((y) => ({ data: { inputs, targets: y.map((v) => [v]) }, weights, z, m, n })),
  );
}

/** Inputs, m, n, weights with w_m on the kink of x_n and every other sign strict, z with z_m ≠ 0. */
function boundaryPoints() {
  return fc
    .record({ data: dataset({ minDim: 1, maxDim: 2, minPoints: 2, maxPoints: 4 }), units: fc.integer({ min: 1, max: 2 }) })
    .map(({ data, units }) => ({ units, inputs: data.inputs.map((x) => [...x, Rational.ONE]) }))
    .chain(({ inputs, units }) =>
      fc.record({
        inputs: fc.constant(inputs),
        m: fc.nat(units - 1),
        n: fc.nat(inputs.length - 1),
        weights: fc.array(fc.array(smallRational(), { minLength: inputs[0]!.length, maxLength: inputs[0]!.length }), { minLength: units, maxLength: units }),
        z: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: units, maxLength: units }),
      }),
    )
    .map(({ inputs, m, n, weights: raw, z }) => {
      const weights = raw.map((w, j) => (j === m ? ontoHyperplane(w, inputs[n]!) : [...w]));
      const strict = weights.every((w, j) => inputs.every((x, i) => (j === m && i === n) || !dot(w, x).isZero()));
      return strict ? { inputs, m, n, weights, z: z.map((v, j) => Rational.fromInt(j === m && v === 0 ? 1 : v)) } : null;
    })
    .filter((p): p is { inputs: Rational[][]; m: number; n: number; weights: Rational[][]; z: Rational[] } => p !== null);
}
