/**
 * SMT-LIB 2 terms over the reals, written as text. This is the second engine's own arithmetic:
 * nothing here evaluates anything; the solver does, independently of the library's evaluators.
 */
export type Term = string & { readonly __smtTerm: true };

const SYMBOL = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** A declared or defined name (letters, digits, '_' and '.'), used as it is. */
export function sym(name: string): Term {
  if (!SYMBOL.test(name)) throw new Error(`not an SMT symbol: ${JSON.stringify(name)}`);
  return name as Term;
}

const INTEGER = /^[+-]?\d+$/;
const FRACTION = /^([+-]?\d+)\/(\d+)$/;

/**
 * An exact real literal from an integer, a bigint, or a rational's text "p/q" (how every exact
 * value of the library prints). Written as (/ p.0 q.0), with (- …) for negatives.
 */
export function real(value: bigint | number | { toString(): string }): Term {
  const text = typeof value === 'bigint' ? value.toString() : typeof value === 'number' ? integerText(value) : value.toString();
  if (INTEGER.test(text)) return integerLiteral(BigInt(text));
  const m = FRACTION.exec(text);
  if (m === null) throw new Error(`not an exact rational: ${JSON.stringify(text)}`);
  const den = BigInt(m[2]!);
  if (den === 0n) throw new Error(`zero denominator: ${text}`);
  const num = BigInt(m[1]!);
  const body = `(/ ${(num < 0n ? -num : num).toString()}.0 ${den.toString()}.0)`;
  return (num < 0n ? `(- ${body})` : body) as Term;
}

function integerText(x: number): string {
  if (!Number.isSafeInteger(x)) throw new Error(`only safe integers are exact as numbers, got ${x} (pass a rational)`);
  return String(x);
}

function integerLiteral(n: bigint): Term {
  return (n < 0n ? `(- ${(-n).toString()}.0)` : `${n.toString()}.0`) as Term;
}

export const ZERO = real(0);
export const ONE = real(1);

function app(op: string, args: readonly Term[]): Term {
  return `(${op} ${args.join(' ')})` as Term;
}

export function add(...terms: readonly Term[]): Term {
  if (terms.length === 0) return ZERO;
  return terms.length === 1 ? terms[0]! : app('+', terms);
}

export function mul(...terms: readonly Term[]): Term {
  if (terms.length === 0) return ONE;
  return terms.length === 1 ? terms[0]! : app('*', terms);
}

export function sub(a: Term, b: Term): Term {
  return app('-', [a, b]);
}

export function neg(a: Term): Term {
  return app('-', [a]);
}

/** a / b (the solver treats b = 0 as an uninterpreted value: callers divide by non-zero literals). */
export function div(a: Term, b: Term): Term {
  return app('/', [a, b]);
}

export function ite(condition: Term, then: Term, otherwise: Term): Term {
  return app('ite', [condition, then, otherwise]);
}

export function lt(a: Term, b: Term): Term {
  return app('<', [a, b]);
}

export function le(a: Term, b: Term): Term {
  return app('<=', [a, b]);
}

export function gt(a: Term, b: Term): Term {
  return app('>', [a, b]);
}

export function ge(a: Term, b: Term): Term {
  return app('>=', [a, b]);
}

export function eq(a: Term, b: Term): Term {
  return app('=', [a, b]);
}

export function and(...terms: readonly Term[]): Term {
  if (terms.length === 0) return 'true' as Term;
  return terms.length === 1 ? terms[0]! : app('and', terms);
}

export function or(...terms: readonly Term[]): Term {
  if (terms.length === 0) return 'false' as Term;
  return terms.length === 1 ? terms[0]! : app('or', terms);
}

export function not(a: Term): Term {
  return app('not', [a]);
}

/** Σ a_i b_i. */
export function dot(a: readonly Term[], b: readonly Term[]): Term {
  if (a.length !== b.length) throw new Error(`dot of lengths ${a.length} and ${b.length}`);
  return add(...a.map((x, i) => mul(x, b[i]!)));
}

export function square(a: Term): Term {
  return mul(a, a);
}

/** max(0, a). */
export function relu(a: Term): Term {
  return ite(gt(a, ZERO), a, ZERO);
}

export function abs(a: Term): Term {
  return ite(ge(a, ZERO), a, neg(a));
}

export function max(a: Term, b: Term): Term {
  return ite(ge(a, b), a, b);
}

export function min(a: Term, b: Term): Term {
  return ite(le(a, b), a, b);
}
