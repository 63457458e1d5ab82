// npm run fuzz [-- --runs N] [--reader NAME]... [--seed S]
// Feeds each file reader of the CLI generated hostile documents and kinds of file (fast-check: mutated
// valid examples, arbitrary JSON, bytes, folders, FIFOs, devices), in a worker thread per reader, and
// fails on an exit code other than 0/1/2, a refusal that wrote a file or said nothing, or a case that
// runs past the hang limit (the worker is then ended and the case printed).
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { READERS } from './readers.ts';

const HANG_MS = 20_000;

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10000' }, reader: { type: 'string', multiple: true }, seed: { type: 'string', default: '1' } },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error('fuzz: --runs must be a positive integer and --seed an integer');
  process.exit(2);
}
const chosen = values.reader ?? READERS.map((r) => r.name);
const unknown = chosen.filter((n) => !READERS.some((r) => r.name === n));
if (unknown.length > 0) {
  console.error(`fuzz: unknown reader(s) ${unknown.join(', ')}; choose from ${READERS.map((r) => r.name).join(', ')}`);
  process.exit(2);
}

function fuzzReader(reader: string): Promise<{ problem: string | null; exits: readonly number[] }> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { reader, runs, seed } });
    let last = '(before the first case)';
    let count = 0;
    let timer = setTimeout(hang, HANG_MS);
    function hang(): void {
      void worker.terminate();
      resolve({ problem: `no answer within ${HANG_MS / 1000} s on case ${count}: ${last}`, exits: [] });
    }
    worker.on('message', (m: { type: 'case'; index: number; description: string } | { type: 'done'; failed: boolean; message: string | null; cases: number; exits: number[] }) => {
      clearTimeout(timer);
      if (m.type === 'case') {
        last = m.description;
        count = m.index + 1;
        if (count % 1000 === 0) process.stderr.write(`  ${reader}: ${count} of ${runs}\n`);
        timer = setTimeout(hang, HANG_MS);
        return;
      }
      void worker.terminate();
      resolve({ problem: m.failed ? m.message : null, exits: m.exits });
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      resolve({ problem: `the worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, exits: [] });
    });
  });
}

let failures = 0;
for (const reader of chosen) {
  const started = performance.now();
  process.stderr.write(`${reader}: ${runs} cases (seed ${seed})\n`);
  const { problem, exits } = await fuzzReader(reader);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const tally = exits.map((n, code) => `${n}× exit ${code}`).join(', ');
  if (problem === null) console.log(`${reader}: ${runs} cases (${tally}), no hang, no internal error, nothing written on refusal (${seconds} s)`);
  else {
    failures++;
    console.log(`${reader}: FAILED after ${seconds} s\n${problem}`);
  }
}
process.exit(failures === 0 ? 0 : 1);
