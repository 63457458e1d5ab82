import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signString } from '../../src/geometry/pattern.ts';
import { Rational } from '../../src/numbers/rational.ts';
import {
  activationRegions,
  activationRegionsFigure,
  signLabel,
  type PlanePoint,
} from '../../src/report/figures/activation-regions.ts';
import { builtInFigures } from '../../src/report/figures/built-in.ts';
import type { Figure } from '../../src/report/figures/figure.ts';
import { FigureRegistry } from '../../src/report/figures/registry.ts';
import { findAll, parseMarkup, textOf, type XmlElement } from './html-xml.ts';

const r = (n: number) => Rational.of(n);
const FIG1 = [
  [r(-1), r(1)],
  [r(2), r(1)],
  [r(1), r(3)],
];

/** Signs of wᵀx_i computed directly, as '+'/'-' characters. */
function directSigns(inputs: readonly (readonly Rational[])[], w: PlanePoint): string {
  return inputs.map((x) => {
    const s = x[0]!.mul(w[0]).add(x[1]!.mul(w[1])).sign();
    return s > 0 ? '+' : s < 0 ? '-' : '0';
  }).join('');
}

/** Twice the signed area of a polygon (shoelace), exact. */
function twiceArea(polygon: readonly PlanePoint[]): Rational {
  let sum = Rational.ZERO;
  polygon.forEach((p, k) => {
    const q = polygon[(k + 1) % polygon.length]!;
    sum = sum.add(p[0].mul(q[1]).sub(q[0].mul(p[1])));
  });
  return sum;
}

function centroidOfVertices(polygon: readonly PlanePoint[]): PlanePoint {
  const n = Rational.of(polygon.length);
  return [polygon.reduce((s, p) => s.add(p[0]), Rational.ZERO).div(n), polygon.reduce((s, p) => s.add(p[1]), Rational.ZERO).div(n)];
}

function renderFig1(): XmlElement {
  const figure = builtInFigures().figures().find((f) => f.figure.id === 'decomposition-fig-1')!.figure;
  const root = parseMarkup(figure.render());
  expect(root.children).toHaveLength(1);
  return root.children[0] as XmlElement;
}

describe('decomposition Fig. 1: activation regions', () => {
  const regions = activationRegions(FIG1, r(3));

  it('has the six regions of the paper, each label point inside its region', () => {
    expect(regions.cells).toHaveLength(6);
    expect(regions.lines.map((l) => l.sample)).toEqual([0, 1, 2]);
    for (const cell of regions.cells) {
      expect(directSigns(FIG1, cell.labelPoint)).toBe(signString(cell.signs));
      expect(cell.labelPoint.every((v) => v.abs().le(r(3)))).toBe(true);
    }
  });

  it('agrees with the sign vectors met walking once round the origin', () => {
    // Independent of any LP: the directions (cos, sin) at 720 angles, rounded to rationals.
    const seen = new Set<string>();
    for (let k = 0; k < 720; k++) {
      const t = (2 * Math.PI * (k + 0.5)) / 720;
      const w: PlanePoint = [Rational.fromNumber(Math.cos(t)), Rational.fromNumber(Math.sin(t))];
      const signs = directSigns(FIG1, w);
      if (!signs.includes('0')) seen.add(signs);
    }
    expect([...seen].sort()).toEqual(regions.cells.map((c) => signString(c.signs)).sort());
  });

  it('tiles the view square: region areas sum to its area, each polygon inside its region', () => {
    const total = regions.cells.reduce((s, c) => s.add(twiceArea(c.polygon)), Rational.ZERO);
    expect(total.equals(r(2 * 36))).toBe(true);
    for (const cell of regions.cells) {
      expect(twiceArea(cell.polygon).sign()).toBe(1); // counter-clockwise
      expect(directSigns(FIG1, centroidOfVertices(cell.polygon))).toBe(signString(cell.signs));
    }
  });

  it('draws exactly three lines and six labelled regions', () => {
    const svg = renderFig1();
    expect(svg.name).toBe('svg');
    const lines = findAll(svg, 'line', 'hyperplane');
    expect(lines.map((l) => l.attributes['data-sample'])).toEqual(['1', '2', '3']);
    const labels = findAll(svg, 'text', 'cell-label');
    expect(labels).toHaveLength(6);
    expect(new Set(labels.map((l) => l.attributes['data-signs'])).size).toBe(6);
    for (const label of labels) expect(textOf(label)).toBe(signLabel([...label.attributes['data-signs']!].map((c) => (c === '+' ? 1 : -1))));
    expect(findAll(svg, 'polygon', 'region')).toHaveLength(6);
    expect(findAll(svg, 'text', 'line-label').map(textOf)).toEqual(['wᵀx₁ = 0', 'wᵀx₂ = 0', 'wᵀx₃ = 0']);
  });

  it('ticks run from −3 to 3 on both axes, and the line w2 = w1 runs corner to corner', () => {
    const svg = renderFig1();
    const ticks = findAll(svg, 'line', 'tick');
    for (const axis of ['x', 'y']) {
      expect(ticks.filter((t) => t.attributes['data-axis'] === axis).map((t) => Number(t.attributes['data-value']))).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    }
    const tickAt = (axis: string, v: number) => ticks.find((t) => t.attributes['data-axis'] === axis && Number(t.attributes['data-value']) === v)!;
    // x1 = [−1, 1]: the line −w1 + w2 = 0 joins the corners (−3, −3) and (3, 3) of the view.
    const line = findAll(svg, 'line', 'hyperplane')[0]!;
    const ends = [[line.attributes.x1, line.attributes.y1], [line.attributes.x2, line.attributes.y2]].map(([x, y]) => [Number(x), Number(y)]);
    expect(ends.sort((p, q) => p[0]! - q[0]!)).toEqual([
      [Number(tickAt('x', -3).attributes.x1), Number(tickAt('y', -3).attributes.y1)],
      [Number(tickAt('x', 3).attributes.x1), Number(tickAt('y', 3).attributes.y1)],
    ]);
  });

  it('random 2-D data: two regions per distinct line, tiling the square, labels inside', () => {
    const entry = fc.integer({ min: -3, max: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(entry, entry), { minLength: 1, maxLength: 5 }), (points) => {
        const inputs = points.map(([a, b]) => [r(a), r(b)]);
        const result = activationRegions(inputs, r(2));
        // Distinct lines through the origin: non-zero inputs up to scaling.
        const directions = points.filter(([a, b]) => a !== 0 || b !== 0);
        const distinct = directions.filter((p, i) => directions.findIndex((q) => q[0] * p[1] === q[1] * p[0]) === i).length;
        expect(result.cells).toHaveLength(distinct === 0 ? 1 : 2 * distinct);
        expect(result.cells.reduce((s, c) => s.add(twiceArea(c.polygon)), Rational.ZERO).equals(r(32))).toBe(true);
        for (const cell of result.cells) expect(directSigns(inputs, cell.labelPoint)).toBe(signString(cell.signs));
      }),
      { numRuns: 60, examples: [[[[0, 0]]], [[[0, 0], [0, 0]]]] },
    );
  });

  it('rejects inputs that are not 2-D', () => {
    expect(() => activationRegions([[r(1), r(2), r(3)]], r(3))).toThrow(/2-D inputs/);
    expect(() => activationRegions(FIG1, r(0))).toThrow(/halfWidth must be positive/);
  });
});

describe('figure registry', () => {
  const stub = (id: string): Figure => ({ id, title: `t ${id}`, caption: 'c', basis: 'exact', render: () => '<svg/>' });

  it('selects free-standing figures and those of the claims present', () => {
    const registry = new FigureRegistry().add(stub('a'), 'p/one').add(stub('b')).add(stub('c'), 'p/two');
    expect(registry.select(['p/two']).figures.map((f) => f.figure.id)).toEqual(['b', 'c']);
    expect(registry.select([]).figures.map((f) => f.figure.id)).toEqual(['b']);
  });

  it('a figure added under a planned id replaces the plan', () => {
    const registry = new FigureRegistry().plan({ id: 'later', title: 'Later', claim: 'p/one', needs: 'an evaluator' });
    expect(registry.select(['p/one']).planned.map((p) => p.id)).toEqual(['later']);
    registry.add(stub('later'), 'p/one');
    expect(registry.select(['p/one']).planned).toEqual([]);
  });

  it('refuses duplicate and malformed ids', () => {
    expect(() => new FigureRegistry().add(stub('a')).add(stub('a'))).toThrow(/registered twice/);
    expect(() => new FigureRegistry().add(stub('Fig 1'))).toThrow(/lower-case/);
  });

  it('the built-in figures: Fig. 1 drawn, the figures still needing evaluators planned', () => {
    const all = builtInFigures().select(['decomposition/fig-1', 'decomposition/fig-3', 'liu/example-appendix-b', 'liu/probability']);
    expect(all.figures.map((f) => [f.figure.id, f.claim, f.figure.basis])).toEqual([
      ['decomposition-fig-1', 'decomposition/fig-1', 'exact'],
      ['decomposition-fig-3', 'decomposition/fig-3', 'exact'],
      ['liu-fig-2', 'liu/example-appendix-b', 'exact'],
      ['liu-fig-4', 'liu/probability', 'evidence'],
    ]);
    expect(all.planned.map((p) => p.id)).toEqual([]);
  });

  it('activationRegionsFigure computes only when rendered', () => {
    const figure = activationRegionsFigure({ id: 'bad', title: 'Bad', caption: '', inputs: [[r(1)]], halfWidth: r(1) });
    expect(() => figure.render()).toThrow(/2-D inputs/);
  });
});
