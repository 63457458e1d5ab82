import type { Term } from './term.ts';
import { sym } from './term.ts';

/**
 * One satisfiability question in SMT-LIB 2 over the reals: constants, definitions (shared
 * sub-terms, so a deep network does not blow up), assertions. Its text is what the solver reads,
 * what a witness file stores and what any other SMT solver can re-check.
 */
export class SmtQuery {
  private readonly lines: string[] = [];
  private readonly names = new Set<string>();

  /** `purpose` becomes a comment at the top: what a `sat` or `unsat` answer means. */
  constructor(readonly purpose: string) {}

  /** A real unknown. */
  declare(name: string): Term {
    const s = this.claim(name);
    this.lines.push(`(declare-const ${s} Real)`);
    return s;
  }

  /** A name for a term (a macro: the solver sees the term, the text stays small). */
  define(name: string, term: Term): Term {
    const s = this.claim(name);
    this.lines.push(`(define-fun ${s} () Real ${term})`);
    return s;
  }

  /** A fresh name `prefix_k` not used yet. */
  fresh(prefix: string): string {
    for (let k = 0; ; k++) {
      const name = `${prefix}_${k}`;
      if (!this.names.has(name)) return name;
    }
  }

  assert(term: Term): this {
    this.lines.push(`(assert ${term})`);
    return this;
  }

  comment(text: string): this {
    for (const line of text.split('\n')) this.lines.push(`; ${line}`);
    return this;
  }

  /** The whole script, ending in (check-sat). */
  text(): string {
    const head = this.purpose.split('\n').map((l) => `; ${l}`);
    return [...head, '(set-logic QF_NRA)', ...this.lines, '(check-sat)', ''].join('\n');
  }

  private claim(name: string): Term {
    const s = sym(name);
    if (this.names.has(name)) throw new Error(`SMT name used twice: ${name}`);
    this.names.add(name);
    return s;
  }
}
