import { ClaimDefinitionError } from './errors.ts';

/** What a verdict rests on, written as in reports: strongest first. */
export type Basis = 'exact' | 'certified' | `numerical (${number} digits)` | 'evidence';

/** `numerical (P digits)`: a high-precision computation whose error bound is stated by the check. */
export function numerical(digits: number): Basis {
  if (!Number.isInteger(digits) || digits < 1) {
    throw new ClaimDefinitionError(`numerical basis needs a positive integer number of digits, got ${digits}`);
  }
  return `numerical (${digits} digits)`;
}

const NUMERICAL = /^numerical \((\d+) digits\)$/;

/** Rank of a basis: higher is stronger; numerical bases rank by their digits below certified. */
function strength(basis: Basis): number {
  if (basis === 'exact') return Number.MAX_SAFE_INTEGER;
  if (basis === 'certified') return Number.MAX_SAFE_INTEGER - 1;
  if (basis === 'evidence') return 0;
  return Number(NUMERICAL.exec(basis)![1]);
}

export function isBasis(value: unknown): value is Basis {
  if (value === 'exact' || value === 'certified' || value === 'evidence') return true;
  if (typeof value !== 'string') return false;
  const m = NUMERICAL.exec(value);
  return m !== null && Number(m[1]) >= 1;
}

/** The basis as declared by an author, checked (plain JavaScript callers may pass anything). */
export function parseBasis(value: unknown, where: string): Basis {
  if (isBasis(value)) return value;
  throw new ClaimDefinitionError(
    `${where}: basis must be 'exact', 'certified', 'numerical (P digits)' or 'evidence', got ${JSON.stringify(value)}`,
  );
}

/** The weakest of several bases: a verdict is only as strong as the weakest check it rests on. */
export function weakestBasis(bases: readonly Basis[]): Basis {
  if (bases.length === 0) throw new Error('weakestBasis of no bases');
  return bases.reduce((a, b) => (strength(b) < strength(a) ? b : a));
}
