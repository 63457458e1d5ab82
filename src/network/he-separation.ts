import { Rational } from '../numbers/rational.ts';
import { NetworkError } from './errors.ts';

/**
 * The separation of He, Wang & Tao, Lemma 7: for u ≠ 0 with Σu_i = 0, values v_i and points x_i,
 * a split S = I ∪ J and a direction β such that, for every small α > 0,
 * (1.1) v_i − αβᵀx_i < v_j − αβᵀx_j for i ∈ I, j ∈ J, and (1.2) Σ_{i∈I} u_i ≠ 0.
 */
export interface Separation {
  /** 'level-set': β = 0 and I is a union of the lowest level sets of v; 'projection': β = x_{l0}. */
  readonly kind: 'level-set' | 'projection';
  /** I, in the lemma's order (the paper's [1 : l0]); the pivot l0 is last. */
  readonly first: number[];
  /** J = S \ I. */
  readonly rest: number[];
  readonly beta: Rational[];
  /** The sample l0, whose shifted value is the largest in I. */
  readonly pivot: number;
  /** The samples of J at the pivot's level of v (the paper's l0+1 … s_{t+1}); empty when l0 = s_{t+1}. */
  readonly tiedAfter: number[];
}

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/** The level sets of v in increasing order of v (indices in increasing order inside each). */
function levelSets(v: readonly Rational[]): number[][] {
  const order = v.map((_, i) => i).sort((a, b) => v[a]!.compare(v[b]!) || a - b);
  const groups: number[][] = [];
  for (const i of order) {
    const last = groups[groups.length - 1];
    if (last && v[last[0]!]!.equals(v[i]!)) last.push(i);
    else groups.push([i]);
  }
  return groups;
}

/** The lemma's construction, step by step as in its proof (App. A.5). */
export function lemma7Separation(u: readonly Rational[], v: readonly Rational[], x: readonly (readonly Rational[])[]): Separation {
  const n = u.length;
  if (v.length !== n || x.length !== n) throw new NetworkError(`Lemma 7: u, v and x must have one entry per sample (got ${n}, ${v.length}, ${x.length})`);
  if (u.every((ui) => ui.isZero())) throw new NetworkError('Lemma 7 needs u ≠ 0');
  const total = u.reduce((s, ui) => s.add(ui), Rational.ZERO);
  if (!total.isZero()) throw new NetworkError(`Lemma 7 needs Σu_i = 0, got ${total.toString()}`);
  const groups = levelSets(v);
  // First case of the proof: a union of the lowest level sets already has Σu ≠ 0 (β = 0).
  let prefix = Rational.ZERO;
  for (let k = 0; k + 1 < groups.length; k++) {
    prefix = groups[k]!.reduce((s, i) => s.add(u[i]!), prefix);
    if (!prefix.isZero()) {
      const first = groups.slice(0, k + 1).flat();
      return {
        kind: 'level-set',
        first,
        rest: groups.slice(k + 1).flat(),
        beta: x[0]!.map(() => Rational.ZERO),
        pivot: first[first.length - 1]!,
        tiedAfter: [],
      };
    }
  }
  // Otherwise every level set sums to zero: inside the first one holding a non-zero u, tilt by β = x_l.
  const t = groups.findIndex((g) => g.some((i) => !u[i]!.isZero()));
  const group = groups[t]!;
  const norm2 = (i: number): Rational => dot(x[i]!, x[i]!);
  const l = group
    .filter((i) => !u[i]!.isZero())
    .reduce((best, i) => (norm2(i).gt(norm2(best)) ? i : best));
  const beta = [...x[l]!];
  const top = norm2(l);
  const ahead = group.filter((i) => i !== l && dot(beta, x[i]!).ge(top));
  const tiedAfter = group.filter((i) => i !== l && dot(beta, x[i]!).lt(top));
  return {
    kind: 'projection',
    first: [...groups.slice(0, t).flat(), ...ahead, l],
    rest: [...tiedAfter, ...groups.slice(t + 1).flat()],
    beta,
    pivot: l,
    tiedAfter,
  };
}

/** g_i = v_i − αβᵀx_i. */
export function shiftedValues(v: readonly Rational[], x: readonly (readonly Rational[])[], beta: readonly Rational[], alpha: Rational): Rational[] {
  return v.map((vi, i) => vi.sub(alpha.mul(dot(beta, x[i]!))));
}

/** min_J g − max_I g: (1.1) holds at this α iff it is positive. */
export function separationGap(sep: Separation, v: readonly Rational[], x: readonly (readonly Rational[])[], alpha: Rational): Rational {
  const g = shiftedValues(v, x, sep.beta, alpha);
  const maxFirst = sep.first.map((i) => g[i]!).reduce((a, b) => a.max(b));
  const minRest = sep.rest.map((i) => g[i]!).reduce((a, b) => a.min(b));
  return minRest.sub(maxFirst);
}

/** Σ_{i∈I} u_i: (1.2) holds iff it is non-zero. */
export function firstSum(sep: Separation, u: readonly Rational[]): Rational {
  return sep.first.reduce((s, i) => s.add(u[i]!), Rational.ZERO);
}

/**
 * The paper's bound on |γ| (Theorem 4): ½·min_{i tied after l0} αβᵀ(x_{l0} − x_i) when l0 < s_{t+1},
 * α when l0 = s_{t+1}; γ must satisfy 0 < |γ| < this bound (read as a strict inequality).
 */
export function gammaBound(sep: Separation, x: readonly (readonly Rational[])[], alpha: Rational): Rational {
  if (sep.tiedAfter.length === 0) return alpha;
  const p = x[sep.pivot]!;
  return sep.tiedAfter
    .map((i) => alpha.mul(dot(sep.beta, p.map((pk, k) => pk.sub(x[i]![k]!)))))
    .reduce((a, b) => a.min(b))
    .div(Rational.of(2));
}
