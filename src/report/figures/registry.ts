import type { Figure, PlannedFigure, RegisteredFigure } from './figure.ts';

const FIGURE_ID = /^[a-z0-9][a-z0-9-]*$/;

function checkId(id: string): void {
  if (!FIGURE_ID.test(id)) throw new RangeError(`figure id ${JSON.stringify(id)} must be lower-case letters, digits and dashes`);
}

/** The figures of a report, in registration order, and the planned ones not drawn yet. */
export interface FigureSelection {
  readonly figures: readonly RegisteredFigure[];
  readonly planned: readonly PlannedFigure[];
}

/**
 * Figures registered per claim ID or free-standing, and figures planned but not yet drawable.
 * Adding a figure with a planned figure's id replaces the plan.
 */
export class FigureRegistry {
  readonly #figures: RegisteredFigure[] = [];
  readonly #planned: PlannedFigure[] = [];

  /** Registers a figure for a claim (shown when the claim is in the report) or free-standing (claim omitted). */
  add(figure: Figure, claim: string | null = null): this {
    checkId(figure.id);
    if (this.#figures.some((f) => f.figure.id === figure.id)) throw new RangeError(`figure ${figure.id} is registered twice`);
    this.#figures.push({ figure, claim });
    return this;
  }

  plan(planned: PlannedFigure): this {
    checkId(planned.id);
    if (this.#planned.some((p) => p.id === planned.id)) throw new RangeError(`planned figure ${planned.id} is listed twice`);
    this.#planned.push(planned);
    return this;
  }

  figures(): readonly RegisteredFigure[] {
    return [...this.#figures];
  }

  /** Planned figures that no registered figure provides yet. */
  planned(): readonly PlannedFigure[] {
    return this.#planned.filter((p) => !this.#figures.some((f) => f.figure.id === p.id));
  }

  /** What a report of these claims shows: free-standing figures and those of the claims present. */
  select(claimIds: Iterable<string>): FigureSelection {
    const present = new Set(claimIds);
    const shown = (claim: string | null): boolean => claim === null || present.has(claim);
    return {
      figures: this.figures().filter((f) => shown(f.claim)),
      planned: this.planned().filter((p) => shown(p.claim)),
    };
  }
}
