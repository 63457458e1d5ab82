import type { Witness } from './outcome.ts';

/**
 * What a second route, sharing no evaluator code with the check, found when it re-decided the
 * negation of the statement at a failing instance:
 * - `confirmed`: the statement fails there, by the second route too;
 * - `contradicted`: the second route shows that the statement holds there (one of the two routes is wrong);
 * - `unknown`: the second route could not decide (solver gave up, precision too low, …).
 * Only a confirmed failure refutes a claim.
 */
export type Confirmation =
  | { readonly status: 'confirmed'; readonly route: string; readonly evidence: Witness }
  | { readonly status: 'contradicted'; readonly route: string; readonly reason: string; readonly evidence?: Witness }
  | { readonly status: 'unknown'; readonly route: string; readonly reason: string; readonly evidence?: Witness };

/** The second route re-decides the instance with the witness as a hint (never as a premise it trusts). */
export type Confirm<T> = (instance: T, witness: Witness) => Confirmation | Promise<Confirmation>;

/** `route` names the second computation (e.g. "z3 on the SMT-LIB query below"); `evidence` is what it found. */
export function confirmed(route: string, evidence: Witness = {}): Confirmation {
  return { status: 'confirmed', route, evidence };
}

export function contradicted(route: string, reason: string, evidence?: Witness): Confirmation {
  return evidence === undefined ? { status: 'contradicted', route, reason } : { status: 'contradicted', route, reason, evidence };
}

export function unconfirmed(route: string, reason: string, evidence?: Witness): Confirmation {
  return evidence === undefined ? { status: 'unknown', route, reason } : { status: 'unknown', route, reason, evidence };
}

/** Several second-route decisions of parts of one negation: confirmed only when every part is. */
export function allConfirmed(route: string, parts: readonly Confirmation[]): Confirmation {
  const contra = parts.find((p) => p.status === 'contradicted');
  if (contra !== undefined) return contradicted(route, `${contra.route}: ${reasonOf(contra)}`, contra.evidence);
  const open = parts.find((p) => p.status === 'unknown');
  if (open !== undefined) return unconfirmed(route, `${open.route}: ${reasonOf(open)}`, open.evidence);
  return confirmed(route, Object.fromEntries(parts.map((p, i) => [`${i + 1}. ${p.route}`, p.evidence ?? {}])));
}

/** The first confirmed of several alternative routes, else the last verdict (contradictions first). */
export function anyConfirmed(parts: readonly Confirmation[]): Confirmation {
  if (parts.length === 0) throw new Error('anyConfirmed of no routes');
  return parts.find((p) => p.status === 'confirmed') ?? parts.find((p) => p.status === 'contradicted') ?? parts[parts.length - 1]!;
}

function reasonOf(c: Confirmation): string {
  return c.status === 'confirmed' ? 'confirmed' : c.reason;
}

export function isConfirmation(value: unknown): value is Confirmation {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { status?: unknown; route?: unknown; reason?: unknown; evidence?: unknown };
  if (typeof v.route !== 'string') return false;
  if (v.status === 'confirmed') return typeof v.evidence === 'object' && v.evidence !== null;
  return (v.status === 'contradicted' || v.status === 'unknown') && typeof v.reason === 'string';
}
