import type fc from 'fast-check';
import type { Basis } from './basis.ts';
import { parseBasis } from './basis.ts';
import type { JsonValue } from './codec.ts';
import { ClaimDefinitionError } from './errors.ts';
import type { Confirmation } from './confirmation.ts';
import type { Outcome, Witness } from './outcome.ts';
import type { TableRow } from './table-row.ts';

/** `theorem` for universally quantified statements, `example` for worked examples, figures and tables. */
export type ClaimKind = 'theorem' | 'example';

/** A check of a universal statement: a property over generated instances. */
export interface PropertyCheck {
  readonly kind: 'property';
  readonly name: string;
  readonly basis: Basis;
  readonly arbitrary: fc.Arbitrary<unknown>;
  /** Evaluates one instance; the runner calls it on generated, shrunk and replayed instances alike. */
  readonly evaluate: (instance: unknown) => Outcome;
  /**
   * The second route: re-decides the negation at a failing instance with code that shares no
   * evaluator with `evaluate`. Without one, a failure is shown but never counts as a refutation.
   */
  readonly confirm?: (instance: unknown, witness: Witness) => Confirmation | Promise<Confirmation>;
  /** Why the check can only pass or be undecided (then it has no `confirm`). */
  readonly cannotFail?: string;
}

/** One line of a paper-versus-computed table. */
export interface QuantityRow {
  readonly quantity: string;
  /** The value as the paper states it (a Rational, an integer, a decimal string, a string, or arrays of these). */
  readonly paper: unknown;
  /** The value as computed now. */
  readonly computed: unknown;
  /** Largest admissible |paper − computed| for numerical quantities (exact comparison otherwise). */
  readonly tolerance?: unknown;
  /** A relation other than equality (e.g. set inclusion), named in `relation` for the table. */
  readonly compare?: (paper: unknown, computed: unknown) => boolean;
  readonly relation?: string;
}

/** What an example's reproduction computes: its table of quantities. */
export interface Reproduction {
  readonly values: readonly QuantityRow[];
  readonly note?: string;
  /** The computed numbers in machine-readable form (printed as "data" by `reproduce --json`). */
  readonly data?: JsonValue;
}

/**
 * An integer parameter of a reproduction (e.g. the largest network size of a figure), set on the
 * command line as `reproduce ID --NAME N`; `check` and `report` always use the default.
 */
export interface IntegerParameter {
  readonly description: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

/** The values of a reproduction's parameters, by name. */
export type ParameterValues = Readonly<Record<string, number>>;

/** A check of a worked example: compute the paper's numbers and compare them with the stated ones. */
export interface ReproductionCheck {
  readonly kind: 'reproduction';
  readonly name: string;
  readonly basis: Basis;
  /** Declared parameters, by option name (empty when there are none). */
  readonly parameters: Readonly<Record<string, IntegerParameter>>;
  readonly reproduce: (parameters: ParameterValues) => Reproduction;
  /** The second route for rows that differ from the paper (see `ExampleSpec.confirm`). */
  readonly confirm?: ConfirmDifference;
}

/**
 * Recomputes the rows that differ from the paper by a second route sharing no evaluator with
 * `reproduce`, and says whether the paper's values are contradicted there too.
 */
export type ConfirmDifference = (differing: readonly TableRow[], data: JsonValue | undefined) => Confirmation | Promise<Confirmation>;

export type Check = PropertyCheck | ReproductionCheck;

const CLAIM_BRAND = Symbol.for('landscape-check.claim');

/** A statement of a paper with a stable ID, our reading of it, and the checks that decide it. */
export interface Claim {
  readonly id: string;
  readonly paper: string;
  readonly title: string;
  /** Our reading in words, including how an ambiguous text was read. */
  readonly statement: string;
  readonly kind: ClaimKind;
  readonly checks: readonly Check[];
}

export interface ClaimSpec {
  readonly id: string;
  readonly paper: string;
  readonly title: string;
  readonly statement: string;
}

export interface TheoremSpec extends ClaimSpec {
  readonly checks: readonly Check[];
}

export interface ExampleSpec extends ClaimSpec {
  /** Basis of `reproduce` (default 'exact'). */
  readonly basis?: Basis;
  /** The example's computation; becomes a check named 'reproduce'. */
  readonly reproduce?: (parameters: ParameterValues) => Reproduction;
  /** Integer parameters of `reproduce` (default values are used by check and report). */
  readonly parameters?: Readonly<Record<string, IntegerParameter>>;
  /** Further checks, e.g. a property that generalises the example. */
  readonly checks?: readonly Check[];
  /** Second route for differing rows of `reproduce`; without one a difference is shown but never counts. */
  readonly confirm?: ConfirmDifference;
}

/** IDs look like `paper/claim-name`, e.g. `milne/theorem-3-qi` or `decomposition/sec-3.1`. */
export const CLAIM_ID = /^([a-z][a-z0-9]*)\/([a-z0-9][a-z0-9.-]*)$/;

/** A universally quantified statement, decided by its property checks. */
export function theorem(spec: TheoremSpec): Claim {
  return makeClaim(spec, 'theorem', spec.checks);
}

/** A worked example, figure or table, decided by comparing computed numbers with the paper's. */
export function example(spec: ExampleSpec): Claim {
  const checks: Check[] = [];
  if (spec.reproduce !== undefined) {
    checks.push(
      reproduction({
        name: 'reproduce',
        basis: spec.basis ?? 'exact',
        reproduce: spec.reproduce,
        parameters: spec.parameters ?? {},
        ...(spec.confirm !== undefined ? { confirm: spec.confirm } : {}),
      }),
    );
  }
  checks.push(...(spec.checks ?? []));
  return makeClaim(spec, 'example', checks);
}

/** A named reproduction check, for examples with more than one table. */
export function reproduction(spec: {
  name: string;
  basis: Basis;
  reproduce: (parameters: ParameterValues) => Reproduction;
  parameters?: Readonly<Record<string, IntegerParameter>>;
  confirm?: ConfirmDifference;
}): ReproductionCheck {
  if (typeof spec.name !== 'string' || spec.name.trim() === '') {
    throw new ClaimDefinitionError('reproduction: name must be a non-empty string');
  }
  if (typeof spec.reproduce !== 'function') {
    throw new ClaimDefinitionError(`reproduction '${spec.name}': reproduce must be a function`);
  }
  if (spec.confirm !== undefined && typeof spec.confirm !== 'function') {
    throw new ClaimDefinitionError(`reproduction '${spec.name}': confirm must be a function`);
  }
  const parameters = checkParameters(spec.parameters ?? {}, `reproduction '${spec.name}'`);
  return Object.freeze({
    kind: 'reproduction',
    name: spec.name,
    basis: parseBasis(spec.basis, `reproduction '${spec.name}'`),
    parameters,
    reproduce: spec.reproduce,
    ...(spec.confirm !== undefined ? { confirm: spec.confirm } : {}),
  });
}

/** Option names of `reproduce` itself, which a parameter may not take. */
export const RESERVED_PARAMETER_NAMES: readonly string[] = ['json', 'claims', 'catalogue', 'help'];

const PARAMETER_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function checkParameters(
  parameters: Readonly<Record<string, IntegerParameter>>,
  where: string,
): Readonly<Record<string, IntegerParameter>> {
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    throw new ClaimDefinitionError(`${where}: parameters must be an object {name: {description, default, min, max}}`);
  }
  const out: Record<string, IntegerParameter> = {};
  for (const [name, p] of Object.entries(parameters)) {
    const at = `${where}: parameter '${name}'`;
    if (!PARAMETER_NAME.test(name)) throw new ClaimDefinitionError(`${at}: names are lower-case words joined by '-'`);
    if (RESERVED_PARAMETER_NAMES.includes(name)) throw new ClaimDefinitionError(`${at}: --${name} is an option of reproduce itself`);
    if (typeof p?.description !== 'string' || p.description.trim() === '') throw new ClaimDefinitionError(`${at}: needs a description`);
    if (![p.min, p.max, p.default].every(Number.isSafeInteger)) throw new ClaimDefinitionError(`${at}: min, max and default must be integers`);
    if (!(p.min <= p.default && p.default <= p.max)) {
      throw new ClaimDefinitionError(`${at}: default ${p.default} is not in [${p.min}, ${p.max}]`);
    }
    out[name] = Object.freeze({ description: p.description, default: p.default, min: p.min, max: p.max });
  }
  return Object.freeze(out);
}

/**
 * The parameters of all reproduction checks of a claim (what `reproduce ID` accepts); a name
 * declared by several checks must mean the same parameter.
 */
export function claimParameters(claim: Pick<Claim, 'id' | 'checks'>): Readonly<Record<string, IntegerParameter>> {
  return mergeParameters(claim.checks, `claim ${JSON.stringify(claim.id)}`);
}

function mergeParameters(checks: readonly Check[], where: string): Readonly<Record<string, IntegerParameter>> {
  const merged: Record<string, IntegerParameter> = {};
  for (const check of checks) {
    if (check.kind !== 'reproduction') continue;
    for (const [name, p] of Object.entries(check.parameters ?? {})) {
      const seen = merged[name];
      if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(p)) {
        throw new ClaimDefinitionError(`${where}: parameter '${name}' is declared differently by two checks`);
      }
      merged[name] = p;
    }
  }
  return merged;
}

/** Every parameter at its default value. */
export function defaultParameters(parameters: Readonly<Record<string, IntegerParameter>>): ParameterValues {
  return Object.fromEntries(Object.entries(parameters).map(([name, p]) => [name, p.default]));
}

export function isClaim(value: unknown): value is Claim {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CLAIM_BRAND] === true;
}

function makeClaim(spec: ClaimSpec, kind: ClaimKind, checks: readonly Check[]): Claim {
  const where = `claim ${JSON.stringify(spec.id)}`;
  const m = typeof spec.id === 'string' ? CLAIM_ID.exec(spec.id) : null;
  if (m === null) throw new ClaimDefinitionError(`${where}: id must look like 'paper/claim-name' (lower case)`);
  if (spec.paper !== m[1]) {
    throw new ClaimDefinitionError(`${where}: paper is ${JSON.stringify(spec.paper)} but the id starts with '${m[1]}/'`);
  }
  for (const field of ['title', 'statement'] as const) {
    if (typeof spec[field] !== 'string' || spec[field].trim() === '') {
      throw new ClaimDefinitionError(`${where}: ${field} must be a non-empty string`);
    }
  }
  if (!Array.isArray(checks) || checks.length === 0) throw new ClaimDefinitionError(`${where}: needs at least one check`);
  const names = new Set<string>();
  for (const check of checks) {
    if (typeof check !== 'object' || check === null || (check.kind !== 'property' && check.kind !== 'reproduction')) {
      throw new ClaimDefinitionError(`${where}: checks must be built with forAll(...) or reproduction(...)`);
    }
    if (names.has(check.name)) throw new ClaimDefinitionError(`${where}: two checks are named '${check.name}'`);
    names.add(check.name);
  }
  mergeParameters(checks, where);
  const claim = {
    id: spec.id,
    paper: spec.paper,
    title: spec.title,
    statement: spec.statement,
    kind,
    checks: Object.freeze([...checks]),
  };
  Object.defineProperty(claim, CLAIM_BRAND, { value: true });
  return Object.freeze(claim);
}
