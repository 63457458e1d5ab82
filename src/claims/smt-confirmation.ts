import { SmtQuery } from '../smt/query.ts';
import type { SmtAnswer, SmtOptions, SmtResult } from '../smt/solver.ts';
import { checkSat } from '../smt/solver.ts';
import type { Term } from '../smt/term.ts';
import { abs, and, ge, gt, le, lt, or, not, eq, real, ZERO } from '../smt/term.ts';
import type { Confirmation } from './confirmation.ts';
import { confirmed, contradicted, unconfirmed } from './confirmation.ts';

/** The evidence of an SMT route: the query a person or another solver can re-run, and the answer. */
function evidence(result: SmtResult, meaning: string): Record<string, string> {
  return { solver: result.solver, answer: result.answer, meaning, query: result.query };
}

/**
 * Confirms a negation with one solver query: `confirmsWhen` is the answer that certifies the
 * negation (e.g. `unsat` for "no point near θ has a lower loss"); the other definite answer
 * contradicts the first route.
 */
export async function confirmBySmt(
  route: string,
  query: SmtQuery,
  confirmsWhen: Exclude<SmtAnswer, 'unknown'>,
  meaning: string,
  options: SmtOptions = {},
): Promise<Confirmation> {
  const result = await checkSat(query, options);
  const e = evidence(result, meaning);
  if (result.answer === confirmsWhen) return confirmed(route, e);
  if (result.answer === 'unknown') return unconfirmed(route, `the solver gave no answer (${result.reason ?? 'unknown'})`, e);
  return contradicted(route, `the solver answered ${result.answer}, so the negation does not hold there`, e);
}

export type Relation = '<' | '<=' | '>' | '>=' | '=' | '!=';

function relate(a: Term, relation: Relation, b: Term): Term {
  switch (relation) {
    case '<': return lt(a, b);
    case '<=': return le(a, b);
    case '>': return gt(a, b);
    case '>=': return ge(a, b);
    case '=': return eq(a, b);
    case '!=': return not(eq(a, b));
  }
}

/**
 * A closed statement about numbers (no unknowns): "lhs relation rhs" is what the negation of the
 * claim needs. `build` writes lhs and rhs into the query (definitions allowed); the solver evaluates.
 */
export function confirmGround(
  route: string,
  relation: Relation,
  build: (query: SmtQuery) => { lhs: Term; rhs: Term },
  meaning: string,
): Promise<Confirmation> {
  const query = new SmtQuery(`${meaning}\nsat: it holds (the negation of the claim is confirmed)`);
  const { lhs, rhs } = build(query);
  query.assert(relate(lhs, relation, rhs));
  return confirmBySmt(route, query, 'sat', meaning);
}

/** Several closed statements that must all hold. */
export function confirmGroundAll(
  route: string,
  build: (query: SmtQuery) => readonly { lhs: Term; relation: Relation; rhs: Term }[],
  meaning: string,
): Promise<Confirmation> {
  const query = new SmtQuery(`${meaning}\nsat: all hold (the negation of the claim is confirmed)`);
  const facts = build(query);
  query.assert(and(...facts.map((f) => relate(f.lhs, f.relation, f.rhs))));
  return confirmBySmt(route, query, 'sat', meaning);
}

export interface DescentRaySpec {
  /** L at θ (the value to beat), written into the query. */
  readonly base: (query: SmtQuery) => Term;
  /** L(θ + tX) for the unknown step t, written into the query (the network and loss from raw numbers). */
  readonly along: (query: SmtQuery, t: Term) => Term;
  /** First step bound to try (default 1); each failure halves it. */
  readonly start?: { toString(): string };
  /** How many halvings to try (default 24). */
  readonly halvings?: number;
  /** Also accept L(θ + tX) = L(θ)?: no: a descent ray needs strictly lower values. Ascent rays use `ascent`. */
  readonly direction?: 'descent' | 'ascent';
}

/**
 * θ is not a local minimum (or, with `direction: 'ascent'`, not a local maximum): there is t₀ > 0 with
 * L(θ + tX) < L(θ) for every t in (0, t₀]. Each try asks the solver for a t in (0, t₀] where the
 * loss is not lower; `unsat` certifies the ray on (0, t₀].
 */
export async function confirmDescentRay(route: string, spec: DescentRaySpec): Promise<Confirmation> {
  const ascent = spec.direction === 'ascent';
  const [num, den] = fraction(String(spec.start ?? 1));
  let last: Confirmation | null = null;
  const halvings = spec.halvings ?? 24;
  for (let k = 0; k <= halvings; k++) {
    const t0 = `${num}/${den * 2n ** BigInt(k)}`;
    const bound = real(t0);
    const meaning = `for every t in (0, ${t0}] the loss along the ray is ${ascent ? 'above' : 'below'} L(θ): θ is not a local ${ascent ? 'maximum' : 'minimum'}`;
    const query = new SmtQuery(`${meaning}\nunsat: no t in (0, t0] with a loss that is not ${ascent ? 'higher' : 'lower'} (the ray is certified)`);
    const t = query.declare('t');
    const L0 = query.define('L_theta', spec.base(query));
    const Lt = query.define('L_ray', spec.along(query, t));
    query.assert(and(gt(t, ZERO), le(t, bound), ascent ? le(Lt, L0) : ge(Lt, L0)));
    last = await confirmBySmt(route, query, 'unsat', meaning);
    if (last.status === 'confirmed') return last;
    if (last.status === 'unknown') return last;
  }
  return unconfirmed(route, `no step bound down to 2^-${halvings} certifies the ray`, last?.status === 'contradicted' ? last.evidence : undefined);
}

function fraction(text: string): [bigint, bigint] {
  const m = /^(\d+)(?:\/(\d+))?$/.exec(text);
  if (m === null || BigInt(m[1]!) === 0n || BigInt(m[2] ?? '1') === 0n) throw new Error(`a step bound must be a positive rational, got ${text}`);
  return [BigInt(m[1]!), BigInt(m[2] ?? '1')];
}

export interface LocalExtremumSpec {
  readonly kind: 'maximum' | 'minimum';
  /** Number of parameters perturbed. */
  readonly dimension: number;
  readonly base: (query: SmtQuery) => Term;
  /** L(θ + δ) for unknown δ, written into the query. */
  readonly at: (query: SmtQuery, delta: readonly Term[]) => Term;
  /** Box radii to try, largest first (default 1, 1/2, …, 2^-16). */
  readonly radii?: readonly { toString(): string }[];
  /** Strict: L(θ + δ) < L(θ) (maximum) for every δ ≠ 0 in the box. */
  readonly strict?: boolean;
}

/**
 * θ is a local maximum (minimum): for some r > 0, no δ with ‖δ‖∞ ≤ r has L(θ + δ) > L(θ)
 * (< for a minimum). The solver is asked for such a δ at each radius; `unsat` certifies.
 */
export async function confirmLocalExtremum(route: string, spec: LocalExtremumSpec): Promise<Confirmation> {
  const radii = spec.radii ?? Array.from({ length: 17 }, (_, k) => `1/${2 ** k}`);
  let last: Confirmation | null = null;
  for (const r of radii) {
    const what = `${spec.strict === true ? 'strict ' : ''}local ${spec.kind}`;
    const meaning = `θ is a ${what}: no δ with ‖δ‖∞ ≤ ${r.toString()} ${spec.strict === true ? '(δ ≠ 0) ' : ''}has L(θ + δ) ${spec.kind === 'maximum' ? (spec.strict === true ? '≥' : '>') : spec.strict === true ? '≤' : '<'} L(θ)`;
    const query = new SmtQuery(`${meaning}\nunsat: no such δ (the ${what} is certified)`);
    const delta = Array.from({ length: spec.dimension }, (_, i) => query.declare(`d${i + 1}`));
    const L0 = query.define('L_theta', spec.base(query));
    const Ld = query.define('L_moved', spec.at(query, delta));
    const radius = real(r);
    const inBox = delta.map((d) => le(abs(d), radius));
    const worse =
      spec.kind === 'maximum' ? (spec.strict === true ? ge(Ld, L0) : gt(Ld, L0)) : spec.strict === true ? le(Ld, L0) : lt(Ld, L0);
    const moved = spec.strict === true ? [or(...delta.map((d) => not(eq(d, ZERO))))] : [];
    query.assert(and(...inBox, ...moved, worse));
    last = await confirmBySmt(route, query, 'unsat', meaning);
    if (last.status !== 'contradicted') return last;
  }
  return unconfirmed(route, `no radius down to ${radii[radii.length - 1]!.toString()} certifies the local ${spec.kind}`, last?.evidence);
}
