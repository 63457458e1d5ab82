import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { builtInFigures } from '../../src/report/figures/built-in.ts';
import { landscapePanel, type MinimiserMark } from '../../src/report/figures/liu-landscape.ts';
import { findAll, parseMarkup, type XmlElement } from './html-xml.ts';

const q = (n: number, d = 1) => Rational.of(n, d);

/** ½Σ([w·x_i]_+ − y_i)² for x1 = (1, 0), x2 = (0, 1), written out in floats. */
const directLoss = (w1: number, w2: number, y2: number): number => (Math.max(0, w1) - 1) ** 2 / 2 + (Math.max(0, w2) - y2) ** 2 / 2;

const byCell = (marks: readonly MinimiserMark[]) => Object.fromEntries(marks.map((m) => [m.signs.map((s) => (s > 0 ? '+' : '-')).join(''), m]));

function renderFig2(): XmlElement {
  const entry = builtInFigures().figures().find((f) => f.figure.id === 'liu-fig-2');
  expect(entry?.claim).toBe('liu/example-appendix-b');
  const root = parseMarkup(entry!.figure.render());
  return root.children[0] as XmlElement;
}

describe('liu Fig. 2: the Appendix B landscape', () => {
  it('grid values are the loss at the cell centres', () => {
    for (const y2 of [1, -1]) {
      const panel = landscapePanel(q(y2), q(2), 8);
      expect(panel.grid.xEdges).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
      panel.grid.values.forEach((row, j) =>
        row.forEach((v, i) => {
          const c = (k: number) => -2 + 0.5 * k + 0.25;
          expect(v).toBeCloseTo(directLoss(c(i), c(j), y2), 12);
        }),
      );
    }
  });

  it('y2 = 1: plateau in (−,−), lines w2 = 1 and w1 = 1, the point (1, 1); all inside their cells', () => {
    const panel = landscapePanel(q(1), q(2), 4);
    const marks = byCell(panel.marks);
    expect(Object.keys(marks).sort()).toEqual(['++', '+-', '-+', '--']);
    expect(Object.values(marks).every((m) => m.genuine)).toBe(true);
    expect(marks['--']!.kind).toBe('plateau');
    const line = (m: MinimiserMark) => (m.kind === 'line' ? [m.from, m.to].map((p) => p.map(String)).sort() : null);
    expect(line(marks['+-']!)).toEqual([['1', '-2'], ['1', '0']]);
    expect(line(marks['-+']!)).toEqual([['-2', '1'], ['0', '1']]);
    expect(marks['++']!.kind === 'point' && marks['++']!.at.map(String)).toEqual(['1', '1']);
    const minima = Object.fromEntries(panel.cells.map((c) => [c.signs.map((s) => (s > 0 ? '+' : '-')).join(''), String(c.minimalLoss)]));
    expect(minima).toEqual({ '--': '1', '-+': '1/2', '+-': '1/2', '++': '0' });
  });

  it('y2 = −1: the minimiser (1, −1) of the upper-right cell and the line w2 = −1 lie outside their cells', () => {
    const marks = byCell(landscapePanel(q(-1), q(2), 4).marks);
    expect(marks['++']!.kind === 'point' && marks['++']!.at.map(String)).toEqual(['1', '-1']);
    expect(marks['++']!.genuine).toBe(false);
    expect(marks['-+']!.genuine).toBe(false);
    expect(marks['-+']!.kind === 'line' && [marks['-+']!.from, marks['-+']!.to].every((p) => p[1].equals(q(-1)))).toBe(true);
    expect(marks['+-']!.genuine && marks['--']!.genuine).toBe(true);
  });

  it('renders two panels with the expected marks and replaces the planned figure', () => {
    const svg = renderFig2();
    expect(svg.name).toBe('svg');
    const panels = findAll(svg, 'g', 'panel');
    expect(panels.map((p) => p.attributes['data-y2'])).toEqual(['1', '-1']);
    for (const panel of panels) {
      expect(findAll(panel, 'rect', 'cell')).toHaveLength(40 * 40);
      expect(findAll(panel, 'line', 'hyperplane')).toHaveLength(2);
      expect(findAll(panel, 'g', 'cell-min')).toHaveLength(4);
      expect(findAll(panel, 'g', 'minimiser-plateau')).toHaveLength(1);
    }
    const [a, b] = panels as [XmlElement, XmlElement];
    expect(findAll(a, 'g', 'minimiser-point').map((m) => m.attributes['data-genuine'])).toEqual(['true']);
    expect(findAll(b, 'g', 'minimiser-point').map((m) => m.attributes['data-genuine'])).toEqual(['false']);
    expect(findAll(b, 'g', 'minimiser-line').map((m) => m.attributes['data-genuine']).sort()).toEqual(['false', 'true']);
    expect(findAll(b, 'g', 'cell-min').filter((c) => c.attributes['data-genuine'] === 'false').map((c) => c.attributes['data-signs']).sort()).toEqual(['++', '-+']);
    expect(builtInFigures().planned().some((p) => p.id === 'liu-fig-2')).toBe(false);
  });
});
