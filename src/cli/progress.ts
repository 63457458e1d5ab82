import type { ProgressEvent } from '../claims/runner.ts';
import type { Verdict } from '../claims/verdict.ts';
import { formatDuration, truncate } from '../report/format-value.ts';
import type { CliIo } from './io.ts';

const REDRAW_EVERY_MS = 100;

/**
 * Progress of a run on stderr: on a terminal one line redrawn in place (claim, check, cases,
 * tallies so far); otherwise one plain line per finished claim. Warnings are always written.
 */
export class ProgressDisplay {
  private readonly tally = new Map<Verdict, number>();
  private line = '';
  private lastDraw = 0;
  private claim = { id: '', index: 0, total: 0, started: 0 };
  private check = { name: '', index: 0, count: 0 };

  constructor(
    private readonly io: CliIo,
    private readonly quiet: boolean,
  ) {}

  readonly handle = (event: ProgressEvent): void => {
    switch (event.type) {
      case 'claim-start':
        this.claim = { id: event.id, index: event.index, total: event.total, started: performance.now() };
        this.check = { name: '', index: 0, count: event.checks };
        this.draw('', true);
        break;
      case 'check-start':
        this.check = { ...this.check, name: event.check, index: event.checkIndex };
        this.draw('', true);
        break;
      case 'case':
        this.draw(`${event.checked}/${event.runs} cases`, false);
        break;
      case 'stale-counterexample':
        this.warn(`warning: ${event.file} no longer refutes ${event.id}: ${event.reason}. A regression, or a fix to record by deleting the file and updating the baseline.`);
        break;
      case 'claim-end': {
        const r = event.result;
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

  private draw(cases: string, force: boolean): void {
    if (this.quiet || !this.io.errIsTTY) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = now;
    const { id, index, total, started } = this.claim;
    const check = this.check.count > 1 ? ` · check ${this.check.index + 1}/${this.check.count}` : '';
    const tally = [...this.tally].map(([v, n]) => `${n} ${v}`).join(', ');
    const parts = [`[${index + 1}/${total}] ${id}${check}`, cases, formatDuration(now - started), tally].filter((p) => p !== '');
    this.redraw(parts.join(' · '));
  }

  private redraw(line: string): void {
    this.line = truncate(line, Math.max(20, this.io.columns - 1));
    this.io.err(`\r\x1b[2K${this.line}`);
  }
}
