import type fc from 'fast-check';
import type { Basis } from './basis.ts';
import { parseBasis } from './basis.ts';
import type { PropertyCheck } from './claim.ts';
import type { Confirm } from './confirmation.ts';
import { ClaimDefinitionError } from './errors.ts';
import type { Outcome, Witness } from './outcome.ts';

export interface ForAllSpec<T> {
  /** What this check asserts, in a few words; unique within its claim (stored counterexamples name it). */
  readonly name: string;
  /** What a `holds` of this check rests on. */
  readonly basis: Basis;
  /** The instances: plain data (Rationals, integers, booleans, strings, arrays, plain objects). */
  readonly arbitrary: fc.Arbitrary<T>;
  /**
   * The statement on one instance: `pass()`, `fail(witness)`, `discard(reason)` when the
   * hypotheses are not met (or `fc.pre(condition)`), `undecided(reason)` when it cannot be decided.
   */
  readonly check: (instance: T) => Outcome;
  /**
   * The second route: given a failing instance and its witness, re-decide the negation of the
   * statement with code that shares no evaluator with `check` (e.g. z3 on an SMT-LIB query, or a
   * minimal independent evaluator). A failure counts as a refutation only when this confirms it.
   */
  readonly confirm?: Confirm<T>;
  /**
   * For a check that can only pass or be undecided (it exhibits a construction, or gathers
   * evidence for an existence statement): why it can never refute. A `fail` from such a check is
   * treated as an error of the check. A check declares `confirm` or `cannotFail`, not both.
   */
  readonly cannotFail?: string;
}

/** A check of a universal statement over the instances of an arbitrary. */
export function forAll<T>(spec: ForAllSpec<T>): PropertyCheck {
  if (typeof spec.name !== 'string' || spec.name.trim() === '') {
    throw new ClaimDefinitionError('forAll: name must be a non-empty string');
  }
  if (!isArbitrary(spec.arbitrary)) {
    throw new ClaimDefinitionError(`forAll '${spec.name}': arbitrary must be a fast-check Arbitrary`);
  }
  if (typeof spec.check !== 'function') {
    throw new ClaimDefinitionError(`forAll '${spec.name}': check must be a function`);
  }
  if (spec.confirm !== undefined && typeof spec.confirm !== 'function') {
    throw new ClaimDefinitionError(`forAll '${spec.name}': confirm must be a function`);
  }
  if (spec.cannotFail !== undefined && (typeof spec.cannotFail !== 'string' || spec.cannotFail.trim() === '')) {
    throw new ClaimDefinitionError(`forAll '${spec.name}': cannotFail must say why the check cannot fail`);
  }
  if (spec.cannotFail !== undefined && spec.confirm !== undefined) {
    throw new ClaimDefinitionError(`forAll '${spec.name}': a check that cannot fail needs no second route (give confirm or cannotFail, not both)`);
  }
  const cannotFail = spec.cannotFail;
  const check = spec.check;
  const confirm = spec.confirm;
  return Object.freeze({
    kind: 'property',
    name: spec.name,
    basis: parseBasis(spec.basis, `forAll '${spec.name}'`),
    arbitrary: spec.arbitrary as fc.Arbitrary<unknown>,
    // Instances decoded from a stored file have the shape the arbitrary produced.
    evaluate: (instance: unknown) => {
      const outcome = check(instance as T);
      if (cannotFail !== undefined && typeof outcome === 'object' && outcome !== null && outcome.status === 'fail') {
        throw new Error(`the check returned fail although it declares it cannot fail (${cannotFail})`);
      }
      return outcome;
    },
    ...(cannotFail !== undefined ? { cannotFail } : {}),
    ...(confirm !== undefined ? { confirm: (instance: unknown, witness: Witness) => confirm(instance as T, witness) } : {}),
  });
}

/** Duck-typed so that an arbitrary from another copy of fast-check is accepted too. */
function isArbitrary(value: unknown): value is fc.Arbitrary<unknown> {
  const a = value as { generate?: unknown; shrink?: unknown } | null;
  return typeof a === 'object' && a !== null && typeof a.generate === 'function' && typeof a.shrink === 'function';
}
