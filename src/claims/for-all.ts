import type fc from 'fast-check';
import type { Basis } from './basis.ts';
import { parseBasis } from './basis.ts';
import type { PropertyCheck } from './claim.ts';
import { ClaimDefinitionError } from './errors.ts';
import type { Outcome } from './outcome.ts';

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
  const check = spec.check;
  return Object.freeze({
    kind: 'property',
    name: spec.name,
    basis: parseBasis(spec.basis, `forAll '${spec.name}'`),
    arbitrary: spec.arbitrary as fc.Arbitrary<unknown>,
    // Instances decoded from a stored file have the shape the arbitrary produced.
    evaluate: (instance: unknown) => check(instance as T),
  });
}

/** Duck-typed so that an arbitrary from another copy of fast-check is accepted too. */
function isArbitrary(value: unknown): value is fc.Arbitrary<unknown> {
  const a = value as { generate?: unknown; shrink?: unknown } | null;
  return typeof a === 'object' && a !== null && typeof a.generate === 'function' && typeof a.shrink === 'function';
}
