/** Where the CLI writes: stdout for results (only JSON with --json), stderr for progress and messages. */
export interface CliIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress redraws one line) or a pipe/file (plain lines). */
  readonly errIsTTY: boolean;
  readonly columns: number;
}

export function processIo(): CliIo {
  closedEarlyIsNotAnError();
  return {
    cwd: process.cwd(),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    errIsTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns || 100,
  };
}

let guarded = false;

/**
 * A reader that stops early (`list --json | head`) closes our stdout: that is the reader's choice,
 * not an error of ours, so the process ends quietly with the exit code it already has.
 */
function closedEarlyIsNotAnError(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

/** Exit codes of the contract. */
export const EXIT = { ok: 0, changed: 1, badInput: 2, internal: 3 } as const;
