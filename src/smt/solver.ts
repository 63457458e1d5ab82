import type { SmtQuery } from './query.ts';

export type SmtAnswer = 'sat' | 'unsat' | 'unknown';

/** What the solver said about a query, with the query's text so that anyone can re-check it. */
export interface SmtResult {
  readonly answer: SmtAnswer;
  readonly query: string;
  readonly solver: string;
  /** Why the answer is unknown (resource limit, solver message). */
  readonly reason?: string;
}

export interface SmtOptions {
  /**
   * z3's deterministic resource limit: the same query gives the same answer on every machine.
   * Past it the answer is `unknown`.
   */
  readonly rlimit?: number;
}

export const DEFAULT_RLIMIT = 50_000_000;

/** A wall-clock guard on top of rlimit, only against a solver that does not stop (never reached in practice). */
const TIMEOUT_MS = 60_000;

interface Z3Api {
  readonly Z3: {
    mk_config(): unknown;
    del_config(config: unknown): void;
    mk_context(config: unknown): unknown;
    del_context(context: unknown): void;
    eval_smtlib2_string(context: unknown, text: string): Promise<string>;
    get_full_version(): string;
  };
}

let api: Promise<Z3Api> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** z3 (the npm z3-solver build) is loaded on first use only: most runs never need a second route. */
function z3(): Promise<Z3Api> {
  api ??= import('z3-solver').then((m) => m.init() as unknown as Promise<Z3Api>);
  return api;
}

/** Asks z3 whether the query is satisfiable; queries run one at a time per thread. */
export function checkSat(query: SmtQuery | string, options: SmtOptions = {}): Promise<SmtResult> {
  const text = typeof query === 'string' ? query : query.text();
  const run = queue.then(() => solve(text, options.rlimit ?? DEFAULT_RLIMIT));
  queue = run.catch(() => undefined);
  return run;
}

async function solve(text: string, rlimit: number): Promise<SmtResult> {
  const { Z3 } = await z3();
  const solver = `z3 ${Z3.get_full_version()}`;
  const config = Z3.mk_config();
  const context = Z3.mk_context(config);
  Z3.del_config(config);
  try {
    const limited = `(set-option :rlimit ${rlimit})\n(set-option :timeout ${TIMEOUT_MS})\n${text}`;
    const out = (await Z3.eval_smtlib2_string(context, limited)).trim();
    // An error anywhere means some assertion was not read: the answer would be about another question.
    if (out.includes('(error')) return { answer: 'unknown', query: text, solver, reason: out };
    const last = out.split('\n').pop()!.trim();
    if (last === 'sat' || last === 'unsat') return { answer: last, query: text, solver };
    return { answer: 'unknown', query: text, solver, reason: out === 'unknown' ? `gave up within rlimit ${rlimit}` : out };
  } finally {
    Z3.del_context(context);
  }
}
