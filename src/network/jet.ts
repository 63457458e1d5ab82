import type { Field } from '../numbers/field.ts';

/**
 * A second-order jet of a scalar quantity over P directions: its value, its derivatives along the
 * P directions (grad) and its second derivatives (hess, P×P; null when only first order is
 * tracked). Propagating jets through the frozen network and the loss is forward-mode
 * differentiation: exact in any field, because every step is a ring operation.
 */
export interface Jet<T> {
  readonly value: T;
  readonly grad: T[];
  readonly hess: T[][] | null;
}

/** How a parameter moves along the P directions, as a sparse vector: [direction, rate] pairs. */
export type Seed<T> = readonly (readonly [number, T])[];

/** Jet arithmetic in a field over a fixed number of directions. Zero entries are skipped. */
export class JetAlgebra<T> {
  readonly F: Field<T>;
  readonly dim: number;
  readonly secondOrder: boolean;

  constructor(F: Field<T>, dim: number, secondOrder: boolean) {
    this.F = F;
    this.dim = dim;
    this.secondOrder = secondOrder;
  }

  private zeros(): T[] {
    return new Array<T>(this.dim).fill(this.F.zero);
  }

  private zeroHess(): T[][] | null {
    return this.secondOrder ? Array.from({ length: this.dim }, () => this.zeros()) : null;
  }

  constant(value: T): Jet<T> {
    return { value, grad: this.zeros(), hess: this.zeroHess() };
  }

  /** A parameter with the given value that moves along the directions as its seed says. */
  variable(value: T, seed: Seed<T> | null): Jet<T> {
    const grad = this.zeros();
    if (seed) for (const [p, r] of seed) grad[p] = this.F.add(grad[p]!, r);
    return { value, grad, hess: this.zeroHess() };
  }

  add(a: Jet<T>, b: Jet<T>): Jet<T> {
    const F = this.F;
    const grad = a.grad.map((g, i) => F.add(g, b.grad[i]!));
    const hess = a.hess && b.hess ? a.hess.map((row, i) => row.map((h, j) => F.add(h, b.hess![i]![j]!))) : null;
    return { value: F.add(a.value, b.value), grad, hess };
  }

  /** c·a + d for constants c, d (a frozen activation piece, a normalisation factor). */
  affine(a: Jet<T>, c: T, d: T = this.F.zero): Jet<T> {
    const F = this.F;
    if (F.isZero(c)) return this.constant(d);
    return {
      value: F.add(F.mul(c, a.value), d),
      grad: a.grad.map((g) => F.mul(c, g)),
      hess: a.hess ? a.hess.map((row) => row.map((h) => F.mul(c, h))) : null,
    };
  }

  /** a·b: (ab)'' = a b'' + b a'' + a'b'ᵀ + b'a'ᵀ. */
  mul(a: Jet<T>, b: Jet<T>): Jet<T> {
    const F = this.F;
    const grad = this.zeros();
    addScaled(F, grad, a.value, b.grad);
    addScaled(F, grad, b.value, a.grad);
    const hess = this.zeroHess();
    if (hess) {
      addScaledMatrix(F, hess, a.value, b.hess!);
      addScaledMatrix(F, hess, b.value, a.hess!);
      addSymmetricOuter(F, hess, F.one, a.grad, b.grad);
    }
    return { value: F.mul(a.value, b.value), grad, hess };
  }

  /** φ(a) given φ(a), φ'(a), φ''(a): grad φ'·a', hess φ'·a'' + φ''·a'a'ᵀ. */
  compose(a: Jet<T>, f0: T, f1: T, f2: T): Jet<T> {
    const F = this.F;
    const grad = a.grad.map((g) => F.mul(f1, g));
    const hess = this.zeroHess();
    if (hess) {
      addScaledMatrix(F, hess, f1, a.hess!);
      addOuter(F, hess, f2, a.grad, a.grad);
    }
    return { value: f0, grad, hess };
  }

  /**
   * z = Σ_j w_j·a_j + b where the weights and the bias are parameters (seeded or constant) and the
   * a_j are jets: z'' = Σ_j w_j a_j'' + Σ_j (s_j a_j'ᵀ + a_j' s_jᵀ), since weights enter linearly.
   */
  linearUnit(inputs: readonly Jet<T>[], weights: readonly T[], weightSeeds: readonly (Seed<T> | null)[], bias: T | null, biasSeed: Seed<T> | null): Jet<T> {
    const F = this.F;
    let value = bias ?? F.zero;
    const grad = this.zeros();
    const hess = this.zeroHess();
    inputs.forEach((a, j) => {
      const w = weights[j]!;
      value = F.add(value, F.mul(w, a.value));
      addScaled(F, grad, w, a.grad);
      const seed = weightSeeds[j];
      if (seed) for (const [p, r] of seed) grad[p] = F.add(grad[p]!, F.mul(r, a.value));
      if (hess) {
        addScaledMatrix(F, hess, w, a.hess!);
        if (seed) for (const [p, r] of seed) addSeedOuter(F, hess, p, r, a.grad);
      }
    });
    if (biasSeed) for (const [p, r] of biasSeed) grad[p] = F.add(grad[p]!, r);
    return { value, grad, hess };
  }

  /**
   * ℓ(ŷ) for a vector of jets ŷ, given ℓ, ∇ℓ and ∇²ℓ at ŷ's value (chain rule):
   * grad Σ_k ∂_kℓ ŷ_k', hess Σ_k ∂_kℓ ŷ_k'' + Σ_{k,m} ∂_{km}ℓ ŷ_k' ŷ_m'ᵀ.
   */
  chain(ys: readonly Jet<T>[], value: T, gradient: readonly T[], hessian: readonly (readonly T[])[]): Jet<T> {
    const F = this.F;
    const grad = this.zeros();
    const hess = this.zeroHess();
    ys.forEach((y, k) => {
      addScaled(F, grad, gradient[k]!, y.grad);
      if (hess) {
        addScaledMatrix(F, hess, gradient[k]!, y.hess!);
        ys.forEach((z, m) => addOuter(F, hess, hessian[k]![m]!, y.grad, z.grad));
      }
    });
    return { value, grad, hess };
  }
}

/** y += c·x. */
function addScaled<T>(F: Field<T>, y: T[], c: T, x: readonly T[]): void {
  if (F.isZero(c)) return;
  for (let i = 0; i < x.length; i++) if (!F.isZero(x[i]!)) y[i] = F.add(y[i]!, F.mul(c, x[i]!));
}

/** H += c·M. */
function addScaledMatrix<T>(F: Field<T>, H: T[][], c: T, M: readonly (readonly T[])[]): void {
  if (F.isZero(c)) return;
  for (let i = 0; i < M.length; i++) addScaled(F, H[i]!, c, M[i]!);
}

/** H += c·u vᵀ. */
function addOuter<T>(F: Field<T>, H: T[][], c: T, u: readonly T[], v: readonly T[]): void {
  if (F.isZero(c)) return;
  for (let i = 0; i < u.length; i++) if (!F.isZero(u[i]!)) addScaled(F, H[i]!, F.mul(c, u[i]!), v);
}

/** H += c·(u vᵀ + v uᵀ). */
function addSymmetricOuter<T>(F: Field<T>, H: T[][], c: T, u: readonly T[], v: readonly T[]): void {
  addOuter(F, H, c, u, v);
  addOuter(F, H, c, v, u);
}

/** H += r·(e_p gᵀ + g e_pᵀ): row p and column p gain r·g. */
function addSeedOuter<T>(F: Field<T>, H: T[][], p: number, r: T, g: readonly T[]): void {
  for (let j = 0; j < g.length; j++) {
    if (F.isZero(g[j]!)) continue;
    const v = F.mul(r, g[j]!);
    H[p]![j] = F.add(H[p]![j]!, v);
    H[j]![p] = F.add(H[j]![p]!, v);
  }
}
