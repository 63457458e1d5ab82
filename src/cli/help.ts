const SELECTION = `Selection and budget:
  --claim ID          check this claim (repeatable); default: every claim
  --paper KEY         only the claims of one paper (decomposition, liu, milne, kawaguchi, he)
  --shard i/n         only shard i of n (1-based; claims dealt round-robin in catalogue order)
  --runs N            decided cases per property check (default 100); undecided cases are
                      replaced by further draws, up to 10×N cases in all
  --seed S            run seed (default 0); each claim's seed is derived from S and its ID
  --time-limit SEC    time limit per claim (default 600); the search stops there, the cases
                      checked before it still count and the detail says it was cut short
  --claims PATH       check user claim modules (a .ts/.js file or a folder) instead of the
                      built-in catalogue (repeatable); they are loaded and checked only in
                      worker threads: a module or check that hangs, exits, never settles, leaves
                      a rejection unhandled or runs out of memory ends the run with exit 2, and a
                      check still running 10% (at least 2 s) past --time-limit is stopped
  --load-time-limit SEC  time a user claim module may take to load (default 30)
  --memory-limit MB   heap limit of each worker running user claims (default 2048, 64 to 65536)
  --catalogue FILE    claim catalogue in CLAIMS.md format (order and "not implemented" rows)
  --store DIR         counterexample store (default ./counterexamples)
  --no-store          replay stored counterexamples but do not store new ones
  --workers N         check claims in N worker threads (default: the number of cores);
                      1 checks them in this process (user claims: in one worker thread);
                      results are the same for any N
  --quiet             no progress display on stderr`;

export const HELP: Readonly<Record<string, string>> = {
  main: `landscape-check — property-based verification and exact checking of loss-landscape theorems

Usage: landscape-check <command> [options]

Commands:
  list        list the claims (ID, paper, kind, title)
  check       check claims and print their verdicts
  reproduce   compute the numbers of a paper example, figure or table
  replay      re-run one stored counterexample and show its arithmetic
  report      check claims and write report/REPORT.md, report/report.json and report/index.html
  soak        check the catalogue at many seeds and compare every verdict with the baseline
  bench       time the exact kernels and the claims; write bench/results.json
  classify    classify one parameter point of a network on a dataset (local min, saddle, …)
  regions     enumerate the activation regions of a one-hidden-layer ReLU network on a dataset
              with each region's subglobal minimum

Run 'landscape-check <command> --help' for its options.
Exit codes: 0 checked; 1 --gate found a verdict different from the baseline (or replay: the
stored counterexample no longer refutes); 2 bad usage or input, including a limit reached (nothing
written); 3 an internal error of the tool.
`,
  list: `Usage: landscape-check list [--json] [--paper KEY] [--claims PATH]... [--catalogue FILE]

Lists the implemented claims in catalogue order.
  --json              print [{id, paper, title, statement, kind}]
  --paper KEY         only the claims of one paper
  --claims PATH       list user claim modules instead of the built-in catalogue (repeatable)
  --load-time-limit SEC, --memory-limit MB   limits of loading user claim modules (as for check)
  --catalogue FILE    claim catalogue in CLAIMS.md format
`,
  check: `Usage: landscape-check check [options]

Checks claims: replays each claim's stored counterexamples first (a claim whose stored witness
still fails is refuted without searching), then searches with fast-check, shrinks any failure,
re-evaluates the shrunk instance exactly, and stores it under counterexamples/.

${SELECTION}

Output and baseline:
  --json              print {results: [{id, verdict, basis, runs, seed, counterexample, detail}]}
  --gate              compare verdicts with the baseline; exit 1 and list the changes if any differ
  --update-baseline   write this run's verdicts into the baseline
  --baseline FILE     baseline file (default ./verdicts.json)
`,
  reproduce: `Usage: landscape-check reproduce ID [--json] [--PARAMETER N]... [--claims PATH]... [--catalogue FILE]

Computes the quantities of a paper example, figure or table and shows them beside the paper's
values (quantity, paper, computed, match). The verdict is reproduced or differs.
  --json              print {id, title, verdict, basis, parameters, data, tables: [...]};
                      data (when the claim computes any) holds its numbers in machine-readable
                      form, parameters the values used
  --PARAMETER N       a claim may declare integer parameters, e.g.
                      'reproduce decomposition/fig-3 --max-h 10'; check and report use their
                      defaults. 'landscape-check reproduce ID --help' lists those of claim ID.
  --claims PATH       reproduce a user claim module (a .ts/.js file or a folder)
  --load-time-limit SEC, --memory-limit MB   limits of loading user claim modules (as for check)
  --catalogue FILE    claim catalogue in CLAIMS.md format
`,
  soak: `Usage: landscape-check soak --seeds A..B [selection and budget options] [--out DIR] [--baseline FILE] [--json]
       landscape-check soak --compare REPORT.json... [--out DIR] [--baseline FILE] [--json]

Checks the selected claims at every seed of a range (A..B, a seed, or a comma-separated list such
as 1..5,9) and compares each verdict with the baseline (default verdicts.json). Each seed starts
from an empty counterexample store, so every refutation must be found again by search and
confirmed by its second route; new witnesses go to DIR/seed-S/counterexamples (default DIR: ./soak),
each seed's results to DIR/seed-S/report.json, and the changes to DIR/summary.json.
Exit 0 when no verdict changed, 1 on any change (each printed with its witness file), 2 on bad input.
  --runs N            decided cases per property check (default 100)
  --store DIR         use this store for every seed instead (replayed first, new witnesses written)
  --compare           compare report.json files of whole runs (one per seed; join the shards of a
                      seed with 'report --merge' first) instead of running
  --json              print the summary {version, runs, seeds, baseline, claims, changes, perSeed}
Also --claim, --paper, --shard, --time-limit, --claims, --load-time-limit, --memory-limit, --catalogue,
--workers, --quiet as for check.
`,
  replay: `Usage: landscape-check replay FILE [--json] [--refresh] [--claims PATH]...

Re-evaluates one stored counterexample exactly, re-confirms it by the check's second route, and
prints its instance, witness values and confirmation. Exit 0 if it still refutes its claim, 1 if
it no longer does (the check passes there, or the second route no longer confirms it).
  --json              print {file, claim, check, instance, storedWitness, witness, certificate,
                      confirmation, stillRefutes}
  --refresh           when it still refutes, rewrite the file with the recomputed witness,
                      certificate and confirmation (same instance, seed and path)
  --claims PATH       where the claim lives, for counterexamples of user claims
  --load-time-limit SEC, --memory-limit MB   limits of loading user claim modules (as for check)
`,
  report: `Usage: landscape-check report [options] [--out DIR]
       landscape-check report --merge FILE... [--claims PATH]... [--catalogue FILE] [--claim ID]... [--paper KEY] [--out DIR]

Checks claims like 'check' and writes DIR/REPORT.md, DIR/report.json and DIR/index.html (default DIR: ./report):
one row per catalogue claim (not implemented ones included), a summary per verdict and paper,
and the errata (every refuted statement with its witness, every differing example).

${SELECTION}
  --out DIR           where to write the report (default ./report)
  --readme FILE       also replace the verdict table between <!-- verdicts:start --> and
                      <!-- verdicts:end --> in FILE (README.md) with this run's

Merging shards:
  --merge FILE...     check nothing: combine the report.json files of the runs
                      'report --shard 1/n' … 'report --shard n/n' into one report, equal to the
                      unsharded run's apart from times. Give the same --claims, --catalogue,
                      --claim and --paper as the shard runs. Shards of different version, seed,
                      runs or time limit, a shard given twice, a missing shard or a claim in two
                      files are rejected (exit 2).
`,
  bench: `Usage: landscape-check bench [--quick] [--runs N] [--out FILE] [--quiet]

Times the exact linear-algebra kernels (solve, pseudoInverse, determinant, inertia on seeded
rational matrices of size 4, 8, 16, 32) beside float64 ml-matrix, and the checked cases per
second of one claim per paper, and the decomposition/fig-3 enumeration for h = 1..10 beside a
naive one (one exact solve per ordered h-tuple of unit regions, stopped once a run takes over a
minute); prints a table with the machine it ran on and writes the numbers to FILE. Medians of 5
(kernels) and 3 (claims) repetitions; about three to four minutes.
  --quick             sizes 4, 8, 16, fewer repetitions, naive fig-3 runs stopped after 1 s
                      (a few seconds)
  --runs N            cases per property check of the claims (default 100, as for check)
  --out FILE          where to write the numbers (default ./bench/results.json)
  --quiet             no progress lines on stderr
`,
  classify: `Usage: landscape-check classify --net FILE --data FILE [--loss squared|cubic-hinge]
                                  [--normalisation mean|half-mean|sum|half-sum] [--seed N] [--json]

Classifies the parameter point given by the network file on the dataset, exactly: the activation
pattern, whether the loss is differentiable there, the loss, whether the point is critical, and
whether it is a local minimum / maximum (strict and non-strict) or a saddle, each answer with its
basis (exact, certified, evidence) and certificate (gradient, Hessian inertia with its LDLᵀ
factorisation, a descent or ascent ray with its exact loss polynomial, …).
  --net FILE          the network and its weights (schemas/network.schema.json)
  --data FILE         the dataset (schemas/dataset.schema.json)
  --loss NAME         squared (default) or cubic-hinge; losses with exp/log cannot be decided exactly
  --normalisation N   how point losses are combined: mean (default, (1/N)Σ), half-mean, sum, half-sum
  --seed N            seed of the float search for candidate directions (default 1)
  --time-limit SEC    stop searching after SEC seconds (default 60): what is not decided by
                      then is reported undecided (evidence), with the reason
  --json              print the machine format (schemas/classify-output.schema.json)
Numbers in the files are exact: a JSON number is the decimal as written (0.1 is 1/10), strings
are rationals such as "-3/4"; at most 1000 digits per numerator or denominator. Refused before
any work: more than 1000 points, 200 parameters or 16 layers, and parameters² × points above
4,000,000 (one exact Hessian, which no time limit can interrupt).
`,
  regions: `Usage: landscape-check regions --data FILE --hidden K [--bias|--no-bias] [--genuine]
                                 [--normalisation mean|half-mean|sum|half-sum] [--max-regions N] [--all] [--json]

Enumerates the activation regions of a one-hidden-layer ReLU network f(x) = Σ_j v_j relu(w_jᵀx + b_j) + c
with K hidden units on the dataset (scalar targets), and each region's subglobal minimum: the
exact minimum of its convex reparametrised squared loss, whether the minimiser is unique, and
whether it is genuine (attained by a network inside the region; exact LP). Each unit's cells come
from the incremental hyperplane arrangement; a region is a choice of one cell per unit, listed up
to the order of the units (interchangeable), with the number of orderings it stands for.
  --data FILE         the dataset (schemas/dataset.schema.json)
  --hidden K          number of hidden units (1 to 8)
  --bias              hidden biases b_j and an output bias c (default)
  --no-bias           neither (homogeneous units, as in Liu et al.)
  --genuine           list only the regions whose subglobal minimum is genuine
  --normalisation N   mean (default, (1/N)Σ), half-mean, sum or half-sum (½Σ, as in decomposition)
  --max-regions N     refuse, before any LP, a request that may give more than N regions
                      (counted from Cover's bound on one unit's cells; default 5000, at most 100000)
  --time-limit SEC    stop (exit 2, nothing printed) after SEC seconds (default 600)
  --all               list every cell and region (default: the counts, the first 10 cells and the
                      10 regions with the least subglobal minima)
  --json              print the machine format (schemas/regions-output.schema.json), everything
`,
};
