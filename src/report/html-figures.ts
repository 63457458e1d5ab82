import { anchorId, tag, textTag } from './html-element.ts';
import { claimAnchor } from './html-claims.ts';
import type { PlannedFigure, RegisteredFigure } from './figures/figure.ts';
import type { FigureSelection } from './figures/registry.ts';

export function figureAnchor(figureId: string): string {
  return anchorId('figure', figureId);
}

function claimLink(claim: string | null, present: ReadonlySet<string>): string[] {
  if (claim === null) return [];
  const name = textTag('code', {}, claim);
  return [' Claim ', present.has(claim) ? tag('a', { href: `#${claimAnchor(claim)}` }, [name]) : name, '.'];
}

/**
 * The drawing of a figure, or a visible error in its place: a figure that cannot be computed must
 * not hide the rest of the report, nor pass unnoticed.
 */
function drawing(registered: RegisteredFigure): string {
  try {
    return registered.figure.render();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return textTag('p', { class: 'figure-error' }, `This figure could not be computed: ${message}`);
  }
}

function figureElement(registered: RegisteredFigure, present: ReadonlySet<string>): string {
  const { figure, claim } = registered;
  return tag('figure', { class: 'report-figure', id: figureAnchor(figure.id), 'data-figure': figure.id, 'data-claim': claim ?? undefined }, [
    tag('div', { class: 'figure-drawing' }, [drawing(registered)]),
    tag('figcaption', {}, [
      textTag('strong', {}, figure.title),
      ' ',
      textTag('span', { class: 'caption' }, figure.caption),
      ' ',
      textTag('span', { class: 'basis' }, `Basis: ${figure.basis}.`),
      ...claimLink(claim, present),
    ]),
  ]);
}

function plannedItem(planned: PlannedFigure, present: ReadonlySet<string>): string {
  return tag('li', { 'data-planned': planned.id }, [textTag('strong', {}, planned.title), textTag('span', {}, ` — needs ${planned.needs}.`), ...claimLink(planned.claim, present)]);
}

/** The drawn figures, then the list of figures that cannot be drawn yet (listed only: no placeholder data). */
export function figuresSection(selection: FigureSelection, present: ReadonlySet<string>): string {
  const parts = [textTag('h2', {}, 'Figures')];
  if (selection.figures.length === 0) parts.push(textTag('p', {}, 'No figure belongs to the claims of this report.'));
  parts.push(...selection.figures.map((f) => figureElement(f, present)));
  if (selection.planned.length > 0) {
    parts.push(
      tag('section', { id: 'figures-planned' }, [
        textTag('h3', {}, 'Figures not available yet'),
        textTag('p', {}, 'These figures of the papers need evaluators that do not exist yet; nothing is drawn for them.'),
        tag('ul', {}, selection.planned.map((p) => plannedItem(p, present))),
      ]),
    );
  }
  return tag('section', { id: 'figures' }, parts);
}
