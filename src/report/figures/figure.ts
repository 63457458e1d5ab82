import type { Basis } from '../../claims/basis.ts';

/**
 * A figure of the HTML report, drawn from our own computations. `caption` says what was computed
 * and how; `basis` is what the plotted values rest on (`exact` when every mark is an exact
 * quantity, `numerical (P digits)` for sampled evaluations). `render` returns one `<svg>` element.
 */
export interface Figure {
  /** Unique, usable as an HTML id: lower-case letters, digits and dashes. */
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly basis: Basis;
  render(): string;
}

/** A figure of a paper that the report cannot draw yet, and what it still needs. */
export interface PlannedFigure {
  readonly id: string;
  readonly title: string;
  /** The claim the figure belongs to, or null for a free-standing figure. */
  readonly claim: string | null;
  /** What is missing, e.g. the evaluator that would compute the plotted values. */
  readonly needs: string;
}

/** A figure with the claim it illustrates (null: free-standing, shown in every report). */
export interface RegisteredFigure {
  readonly figure: Figure;
  readonly claim: string | null;
}
