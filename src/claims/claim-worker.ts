import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { Claim } from './claim.ts';
import { ClaimDefinitionError, InputError, messageOf } from './errors.ts';
import { claimsOfModule } from './registry.ts';
import type { ProgressEvent } from './runner.ts';
import { runClaim } from './runner.ts';
import { CounterexampleStore } from './store.ts';
import type { WorkerJob, WorkerMessage, WorkerSetup } from './worker-protocol.ts';

/** Case events are many and only redraw a progress line: forward at most this often. */
const CASE_EVENT_EVERY_MS = 100;

const setup = workerData as WorkerSetup;
const port = parentPort!;
const store = setup.store === null ? undefined : new CounterexampleStore(setup.store.root, setup.store.cwd);
const modules = new Map<string, Promise<Claim[]>>();

/** The claims of a module, imported once per worker (the same module paths as the parent's registry). */
function claimsOf(source: string): Promise<Claim[]> {
  let claims = modules.get(source);
  if (claims === undefined) {
    claims = import(pathToFileURL(source).href).then((module: Record<string, unknown>) => claimsOfModule(module, source));
    modules.set(source, claims);
  }
  return claims;
}

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

async function run(job: WorkerJob): Promise<void> {
  const claim = (await claimsOf(job.source)).find((c) => c.id === job.id);
  if (claim === undefined) throw new InputError(`${job.source}: no longer defines claim ${job.id}`);
  post({ type: 'begin', index: job.index });
  let lastCase = 0;
  const onProgress = (event: ProgressEvent): void => {
    if (event.type === 'claim-end') return; // the parent announces the end, once it has stored the refutations
    if (event.type === 'case') {
      const now = performance.now();
      if (now - lastCase < CASE_EVENT_EVERY_MS) return;
      lastCase = now;
    }
    post({ type: 'progress', event });
  };
  const result = await runClaim(
    claim,
    { runs: setup.runs, seed: setup.seed, timeLimitSeconds: setup.timeLimitSeconds ?? undefined, store, writeStore: false, onProgress },
    { index: job.index, total: job.total },
  );
  post({ type: 'result', index: job.index, result });
}

/**
 * A load probe: imports the modules one after the other, then lets a moment pass so that a
 * rejection they left unhandled surfaces here, not later in the parent. The port is not listened
 * on, so a top-level await that can never settle ends the thread (exit code 13) instead of idling.
 */
async function probe(files: readonly string[]): Promise<void> {
  for (const file of files) {
    post({ type: 'loading', file });
    try {
      claimsOfModule((await import(pathToFileURL(file).href)) as Record<string, unknown>, file);
    } catch {
      break; // the parent's own import of this module reports the error as it always has
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
  post({ type: 'loaded' });
}

if (setup.load !== undefined && setup.load.length > 0) {
  await probe(setup.load);
} else {
  port.on('message', (job: WorkerJob) => {
    run(job).catch((error: unknown) => {
      const input = error instanceof InputError || error instanceof ClaimDefinitionError;
      post({ type: 'error', index: job.index, input, message: input ? messageOf(error) : error instanceof Error ? (error.stack ?? error.message) : String(error) });
    });
  });
}
