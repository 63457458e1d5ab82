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
  return {
    cwd: process.cwd(),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    errIsTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns || 100,
  };
}

/** Exit codes of the contract. */
export const EXIT = { ok: 0, changed: 1, badInput: 2, internal: 3 } as const;
