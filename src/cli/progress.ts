import type { ProgressEvent } from '../claims/runner.ts';
import type { Verdict } from '../claims/verdict.ts';
import { formatDuration, truncate } from '../report/format-value.ts';
import type { CliIo } from './io.ts';

const REDRAW_EVERY_MS = 100;

/** A claim being checked: where it is in the run, which check, how many cases so far. */
interface RunningClaim {
  readonly id: string;
  readonly index: number;
  readonly total: number;
  readonly started: number;
  readonly checks: number;
  check: number;
  cases: string;
}

/**
 * Progress of a run on stderr: on a terminal one line redrawn in place (claim, check, cases,
 * tallies so far; with worker threads, every claim being checked); otherwise one plain line per
 * finished claim, numbered by its place in the run. Warnings are always written.
 */
export class ProgressDisplay {
  private readonly tally = new Map<Verdict, number>();
  private readonly running = new Map<string, RunningClaim>();
  private finished = 0;
  private line = '';
  private lastDraw = 0;

  constructor(
    private readonly io: CliIo,
    private readonly quiet: boolean,
  ) {}

  readonly handle = (event: ProgressEvent): void => {
    switch (event.type) {
      case 'claim-start':
        this.running.set(event.id, { id: event.id, index: event.index, total: event.total, started: performance.now(), checks: event.checks, check: 0, cases: '' });
        this.draw(true);
        break;
      case 'check-start': {
        const claim = this.running.get(event.id);
        if (claim !== undefined) Object.assign(claim, { check: event.checkIndex, cases: '' });
        this.draw(true);
        break;
      }
      case 'case': {
        const claim = this.running.get(event.id);
        if (claim !== undefined) claim.cases = `${event.checked}/${event.runs} cases`;
        this.draw(false);
        break;
      }
      case 'stale-counterexample':
        this.warn(`warning: ${event.file} no longer refutes ${event.id}: ${event.reason}. A regression, or a fix to record by deleting the file and updating the baseline.`);
        break;
      case 'claim-end': {
        const r = event.result;
        this.running.delete(r.id);
        this.finished++;
        this.tally.set(r.verdict, (this.tally.get(r.verdict) ?? 0) + 1);
        if (!this.io.errIsTTY && !this.quiet) {
          this.io.err(`[${event.index + 1}/${event.total}] ${r.id}: ${r.verdict} (${r.basis}, ${r.runs} run${r.runs === 1 ? '' : 's'}, ${formatDuration(r.durationMs)})\n`);
        }
        break;
      }
    }
  };

  /** Clears the progress line (before the results are printed). */
  finish(): void {
    if (this.line !== '') this.io.err('\r\x1b[2K');
    this.line = '';
  }

  warn(message: string): void {
    const line = this.line;
    this.finish();
    this.io.err(`${message}\n`);
    if (line !== '') this.redraw(line);
  }

  private draw(force: boolean): void {
    if (this.quiet || !this.io.errIsTTY) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = now;
    const tally = [...this.tally].map(([v, n]) => `${n} ${v}`).join(', ');
    const claims = [...this.running.values()];
    let parts: string[];
    if (claims.length === 1) {
      const { id, index, total, started, checks, check, cases } = claims[0]!;
      const checkPart = checks > 1 ? ` · check ${check + 1}/${checks}` : '';
      parts = [`[${index + 1}/${total}] ${id}${checkPart}`, cases, formatDuration(now - started), tally];
    } else {
      const total = claims[0]?.total ?? 0;
      const names = claims.sort((a, b) => a.index - b.index).map((c) => (c.cases === '' ? c.id : `${c.id} ${c.cases}`));
      parts = [`[${this.finished}/${total} done]`, names.length > 0 ? `running ${names.join(', ')}` : '', tally];
    }
    this.redraw(parts.filter((p) => p !== '').join(' · '));
  }

  private redraw(line: string): void {
    this.line = truncate(line, Math.max(20, this.io.columns - 1));
    this.io.err(`\r\x1b[2K${this.line}`);
  }
}
