import type { SmtQuery } from './query.ts';
import type { Term } from './term.ts';
import { add, dot, mul, real, relu, sub, ZERO } from './term.ts';

/**
 * A continuous piecewise linear activation as the solver sees it, written independently of the
 * library's activation code: h(z) = c + s_0 z + Σ_k (s_{k+1} − s_k) relu(z − t_k), with c fixed by h(0).
 * 'identity' is h(z) = z; ReLU is { breakpoints: [0], slopes: [0, 1] }.
 */
export type ActivationTerms =
  | 'identity'
  | { readonly breakpoints: readonly Term[]; readonly slopes: readonly Term[]; readonly valueAtZero?: Term };

export const RELU: ActivationTerms = { breakpoints: [ZERO], slopes: [ZERO, real(1)] };

/** An activation given by exact values (anything that prints as an exact rational). */
export function activationTerms(spec: {
  readonly breakpoints: readonly { toString(): string }[];
  readonly slopes: readonly { toString(): string }[];
  readonly valueAtZero?: { toString(): string };
}): ActivationTerms {
  return {
    breakpoints: spec.breakpoints.map(real),
    slopes: spec.slopes.map(real),
    ...(spec.valueAtZero !== undefined ? { valueAtZero: real(spec.valueAtZero) } : {}),
  };
}

export function applyActivation(h: ActivationTerms, z: Term): Term {
  if (h === 'identity') return z;
  if (h.slopes.length !== h.breakpoints.length + 1) throw new Error(`activation with ${h.breakpoints.length} breakpoints needs ${h.breakpoints.length + 1} slopes`);
  const kinks = h.breakpoints.map((t, k) => mul(sub(h.slopes[k + 1]!, h.slopes[k]!), relu(sub(z, t))));
  const atZero = h.breakpoints.map((t, k) => mul(sub(h.slopes[k + 1]!, h.slopes[k]!), relu(sub(ZERO, t))));
  const c = sub(h.valueAtZero ?? ZERO, add(...atZero));
  return add(c, mul(h.slopes[0]!, z), ...kinks);
}

/** One layer: z = W·x + b, then h(z) elementwise. `weights[i]` is the row of unit i. */
export interface LayerTerms {
  readonly weights: readonly (readonly Term[])[];
  readonly bias: readonly Term[] | null;
  readonly activation: ActivationTerms;
}

/**
 * The outputs of a feed-forward network at one input, each unit defined once in the query (so the
 * text grows with the number of units, not exponentially with depth). `name` prefixes the definitions.
 */
export function forwardTerms(query: SmtQuery, layers: readonly LayerTerms[], input: readonly Term[], name: string): Term[] {
  let x: readonly Term[] = input;
  layers.forEach((layer, l) => {
    x = layer.weights.map((row, i) => {
      if (row.length !== x.length) throw new Error(`layer ${l + 1}, unit ${i + 1}: ${row.length} weights for ${x.length} inputs`);
      const z = add(dot(row, x), layer.bias === null ? ZERO : layer.bias[i]!);
      return query.define(query.fresh(`${name}_l${l + 1}_u${i + 1}`), applyActivation(layer.activation, z));
    });
  });
  return [...x];
}

/** scale · Σ_i Σ_k (f_ik − y_ik)². */
export function squaredErrorTerm(outputs: readonly (readonly Term[])[], targets: readonly (readonly Term[])[], scale: Term = real(1)): Term {
  if (outputs.length !== targets.length) throw new Error(`${outputs.length} outputs for ${targets.length} targets`);
  const terms = outputs.flatMap((f, i) => f.map((fk, k) => { const r = sub(fk, targets[i]![k]!); return mul(r, r); }));
  return mul(scale, add(...terms));
}
