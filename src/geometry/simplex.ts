import { Rational } from '../numbers/rational.ts';

/** maximise cᵀz subject to A z = b, z ≥ 0 (the standard form the tableau works on). */
export interface StandardFormProblem {
  /** m×n constraint matrix A. */
  readonly matrix: readonly (readonly Rational[])[];
  /** b, length m (any signs). */
  readonly rhs: readonly Rational[];
  /** c, length n. */
  readonly objective: readonly Rational[];
}

/**
 * `optimal`: primal z and a dual y with Aᵀy ≥ c and bᵀy = cᵀz = value (LP duality certificate).
 * `infeasible`: y with Aᵀy ≥ 0 and bᵀy < 0 (Farkas: no z ≥ 0 has Az = b).
 * `unbounded`: feasible z and a ray r ≥ 0 with Ar = 0 and cᵀr > 0.
 */
export type StandardFormResult =
  | { readonly status: 'optimal'; readonly primal: Rational[]; readonly dual: Rational[]; readonly value: Rational }
  | { readonly status: 'infeasible'; readonly farkas: Rational[] }
  | { readonly status: 'unbounded'; readonly primal: Rational[]; readonly ray: Rational[] };

/**
 * Exact two-phase primal simplex with Bland's rule (lowest-index entering and leaving variables),
 * which cannot cycle, so the loop always terminates. Every row gets an artificial variable; the
 * artificial columns keep B⁻¹ in the tableau, from which the dual and Farkas vectors are read.
 */
export function solveStandardForm(problem: StandardFormProblem): StandardFormResult {
  const { matrix, rhs, objective } = problem;
  const m = matrix.length;
  const n = objective.length;
  if (rhs.length !== m) throw new RangeError(`simplex: ${m} rows but rhs has length ${rhs.length}`);
  matrix.forEach((r, i) => {
    if (r.length !== n) throw new RangeError(`simplex: row ${i} has ${r.length} entries, expected ${n}`);
  });
  // Rows with b < 0 are negated so that the artificial basis starts feasible.
  const flip = rhs.map((b) => (b.sign() < 0 ? -1 : 1));
  const tableau = new Tableau(matrix, rhs, flip, n);

  const phase1Cost = [...new Array<Rational>(n).fill(Rational.ZERO), ...new Array<Rational>(m).fill(Rational.MINUS_ONE)];
  tableau.setObjective(phase1Cost);
  const phase1 = tableau.run(n + m);
  if (phase1 !== 'optimal') throw new Error('simplex: phase 1 cannot be unbounded');
  if (tableau.value().sign() < 0) {
    // y_k = cost_k − reduced cost_k on the artificial columns.
    const y = Array.from({ length: m }, (_, k) => Rational.MINUS_ONE.sub(tableau.reducedCost(n + k)));
    return { status: 'infeasible', farkas: y.map((v, k) => (flip[k]! < 0 ? v.neg() : v)) };
  }

  tableau.driveOutArtificials();
  tableau.setObjective([...objective, ...new Array<Rational>(m).fill(Rational.ZERO)]);
  const phase2 = tableau.run(n);
  const primal = tableau.primal().slice(0, n);
  if (typeof phase2 === 'number') {
    return { status: 'unbounded', primal, ray: tableau.ray(phase2).slice(0, n) };
  }
  const y = Array.from({ length: m }, (_, k) => tableau.reducedCost(n + k).neg());
  return {
    status: 'optimal',
    primal,
    dual: y.map((v, k) => (flip[k]! < 0 ? v.neg() : v)),
    value: tableau.value(),
  };
}

/** The dense tableau [B⁻¹A | B⁻¹ | B⁻¹b] plus a reduced-cost row whose last entry is −(objective value). */
class Tableau {
  private readonly rows: Rational[][];
  private objectiveRow: Rational[] = [];
  private readonly basis: number[];
  private readonly width: number;
  private readonly n: number;
  private readonly m: number;

  constructor(matrix: readonly (readonly Rational[])[], rhs: readonly Rational[], flip: readonly number[], n: number) {
    this.n = n;
    this.m = matrix.length;
    this.width = n + this.m + 1;
    this.rows = matrix.map((r, i) => {
      const s = flip[i]!;
      const row = r.map((v) => (s < 0 ? v.neg() : v));
      for (let k = 0; k < this.m; k++) row.push(k === i ? Rational.ONE : Rational.ZERO);
      row.push(s < 0 ? rhs[i]!.neg() : rhs[i]!);
      return row;
    });
    this.basis = Array.from({ length: this.m }, (_, i) => n + i);
  }

  /** Reduced costs c_j − c_Bᵀ B⁻¹ A_j for a cost vector over all n + m columns. */
  setObjective(cost: readonly Rational[]): void {
    const row = [...cost, Rational.ZERO];
    this.rows.forEach((r, i) => {
      const cb = cost[this.basis[i]!]!;
      if (cb.isZero()) return;
      for (let j = 0; j < this.width; j++) if (!r[j]!.isZero()) row[j] = row[j]!.sub(cb.mul(r[j]!));
    });
    this.objectiveRow = row;
  }

  reducedCost(j: number): Rational {
    return this.objectiveRow[j]!;
  }

  value(): Rational {
    return this.objectiveRow[this.width - 1]!.neg();
  }

  /** Bland's rule until optimal ('optimal') or an unbounded entering column (its index). */
  run(enterable: number): 'optimal' | number {
    for (;;) {
      let enter = -1;
      for (let j = 0; j < enterable; j++) {
        if (this.objectiveRow[j]!.sign() > 0) {
          enter = j;
          break;
        }
      }
      if (enter < 0) return 'optimal';
      const leave = this.leavingRow(enter);
      if (leave < 0) return enter;
      this.pivot(leave, enter);
    }
  }

  /** Minimum ratio test; ties go to the lowest basic index (Bland). */
  private leavingRow(enter: number): number {
    let leave = -1;
    let best = Rational.ZERO;
    for (let i = 0; i < this.m; i++) {
      const a = this.rows[i]![enter]!;
      if (a.sign() <= 0) continue;
      const ratio = this.rows[i]![this.width - 1]!.div(a);
      const c = leave < 0 ? -1 : ratio.compare(best);
      if (c < 0 || (c === 0 && this.basis[i]! < this.basis[leave]!)) {
        leave = i;
        best = ratio;
      }
    }
    return leave;
  }

  private pivot(r: number, c: number): void {
    const p = this.rows[r]![c]!;
    const pivotRow = p.equals(Rational.ONE) ? this.rows[r]! : this.rows[r]!.map((v) => (v.isZero() ? v : v.div(p)));
    this.rows[r] = pivotRow;
    const nonZero: number[] = [];
    for (let j = 0; j < this.width; j++) if (!pivotRow[j]!.isZero()) nonZero.push(j);
    const eliminate = (row: Rational[]): void => {
      const f = row[c]!;
      if (f.isZero()) return;
      for (const j of nonZero) row[j] = row[j]!.sub(f.mul(pivotRow[j]!));
    };
    this.rows.forEach((row, i) => {
      if (i !== r) eliminate(row);
    });
    eliminate(this.objectiveRow);
    this.basis[r] = c;
  }

  /** After phase 1 an artificial may stay basic at level 0; swap in any original column of its row. */
  driveOutArtificials(): void {
    for (let i = 0; i < this.m; i++) {
      if (this.basis[i]! < this.n) continue;
      const row = this.rows[i]!;
      const j = row.findIndex((v, k) => k < this.n && !v.isZero());
      // A row with no original entry is redundant: its artificial stays at 0 for good.
      if (j >= 0) this.pivot(i, j);
    }
  }

  primal(): Rational[] {
    const z = new Array<Rational>(this.n + this.m).fill(Rational.ZERO);
    this.basis.forEach((b, i) => {
      z[b] = this.rows[i]![this.width - 1]!;
    });
    return z;
  }

  /** Raising non-basic column `enter` by 1 moves the basic variables by −B⁻¹A_enter. */
  ray(enter: number): Rational[] {
    const r = new Array<Rational>(this.n + this.m).fill(Rational.ZERO);
    r[enter] = Rational.ONE;
    this.basis.forEach((b, i) => {
      r[b] = this.rows[i]![enter]!.neg();
    });
    return r;
  }
}
