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

interface Z3Solver {
  set(key: string, value: number): void;
  fromString(text: string): void;
  check(): Promise<'sat' | 'unsat' | 'unknown'>;
  reasonUnknown(): string;
  release?(): void;
}

interface Z3Api {
  /** The Emscripten module, whose worker threads `releaseSolver` ends. */
  readonly em: unknown;
  readonly Context: new (name: string) => { readonly Solver: new () => Z3Solver };
  readonly Z3: { get_full_version(): string };
}

let api: Promise<{ readonly z3: Z3Api; readonly context: { readonly Solver: new () => Z3Solver } }> | undefined;
let killThreads: ((em: unknown) => Promise<void>) | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** z3 (the npm z3-solver build) is loaded on first use only: most runs never need a second route. */
function loadZ3() {
  api ??= import('z3-solver').then(async (m) => {
    killThreads = m.killThreads;
    const z3 = (await m.init()) as unknown as Z3Api;
    return { z3, context: new z3.Context('landscape-check') };
  });
  return api;
}

/** Ends the solver's worker threads (they would keep a finished process alive); the next query starts it again. */
export async function releaseSolver(): Promise<void> {
  const loaded = api;
  if (loaded === undefined) return;
  api = undefined;
  await queue;
  const { z3 } = await loaded;
  await killThreads?.(z3.em);
}

/** Asks z3 whether the query is satisfiable; queries run one at a time per thread. */
export function checkSat(query: SmtQuery | string, options: SmtOptions = {}): Promise<SmtResult> {
  const text = typeof query === 'string' ? query : query.text();
  const run = queue.then(() => solve(text, options.rlimit ?? DEFAULT_RLIMIT));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The text is parsed synchronously into a fresh solver and only the solver handle crosses to z3's
 * worker thread for the search (passing the text itself to an asynchronous call can race with its release).
 */
async function solve(text: string, rlimit: number): Promise<SmtResult> {
  const { z3, context } = await loadZ3();
  const solverName = z3.Z3.get_full_version();
  const solver = new context.Solver();
  solver.set('rlimit', rlimit);
  solver.set('timeout', TIMEOUT_MS);
  try {
    solver.fromString(text);
  } catch (error) {
    // A query that does not parse answers nothing: an assertion left out would change the question.
    return { answer: 'unknown', query: text, solver: solverName, reason: error instanceof Error ? error.message.trim() : String(error) };
  }
  const answer = await solver.check();
  if (answer === 'unknown') return { answer, query: text, solver: solverName, reason: `gave up: ${solver.reasonUnknown()} (rlimit ${rlimit})` };
  return { answer, query: text, solver: solverName };
}
