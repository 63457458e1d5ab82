import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/report/html-escape.ts';
import { axes } from '../../src/report/svg-axes.ts';
import { barMarks, equalWidthEdges, histogramBins, histogramMarks } from '../../src/report/svg-bars.ts';
import { sequentialColor } from '../../src/report/svg-color.ts';
import { element, svgDocument, svgNumber, textElement } from '../../src/report/svg-element.ts';
import { plotFrame, plotScales } from '../../src/report/svg-frame.ts';
import { heatMap, levelBands, outlineSegments, type GridValues } from '../../src/report/svg-heatmap.ts';
import { colorBar, legend } from '../../src/report/svg-legend.ts';
import { linePlot } from '../../src/report/svg-line.ts';
import { markers } from '../../src/report/svg-markers.ts';
import { linearScale, niceTicks } from '../../src/report/svg-scale.ts';
import { findAll, parseMarkup, textOf, type XmlElement } from './html-xml.ts';

/** Parses one SVG fragment (it must be well formed) and returns its root element. */
function parseOne(svg: string): XmlElement {
  const root = parseMarkup(svg);
  expect(root.children).toHaveLength(1);
  return root.children[0] as XmlElement;
}

const num = (e: XmlElement, name: string): number => Number(e.attributes[name]);
const labelValue = (label: string): number => Number(label.replace('−', '-'));

const awkward = fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", ';', '#', 'a', 'é', '−', ' ', '&amp;', '<b>', '</svg>') });

describe('escaping', () => {
  it('text and attribute values read back exactly as written', () => {
    fc.assert(
      fc.property(fc.oneof(awkward, fc.string({ unit: 'grapheme' })), (text) => {
        const svg = element('g', { 'data-note': text }, [textElement('text', { x: 1 }, text)]);
        const g = parseOne(svg);
        expect(g.attributes['data-note']).toBe(text);
        expect(textOf(g)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('escapes the five markup characters', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&#39;');
  });
});

describe('svgNumber', () => {
  it('rounds to hundredths and drops −0', () => {
    expect([svgNumber(1.005), svgNumber(2), svgNumber(-0.001), svgNumber(123.456), svgNumber(-7.1)]).toEqual(['1', '2', '0', '123.46', '-7.1']);
  });
  it('refuses non-finite coordinates', () => {
    expect(() => svgNumber(Number.NaN)).toThrow(/finite, got NaN/);
    expect(() => element('line', { x1: Infinity })).toThrow(/Infinity/);
  });
});

describe('niceTicks', () => {
  it('gives the round ticks of known ranges', () => {
    const labels = (min: number, max: number, n: number) => niceTicks(min, max, n).map((t) => t.label);
    expect(labels(-3, 3, 7)).toEqual(['−3', '−2', '−1', '0', '1', '2', '3']);
    expect(labels(0, 1, 6)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(labels(-0.35, 0.72, 6)).toEqual(['−0.2', '0.0', '0.2', '0.4', '0.6']);
    expect(labels(0, 100, 5)).toEqual(['0', '50', '100']);
    expect(labels(0, 100, 6)).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(labels(1990, 2024, 4)).toEqual(['1990', '2000', '2010', '2020']);
    expect(niceTicks(0.1, 0.3, 3).map((t) => t.value)).toEqual([0.1, 0.2, 0.3]);
  });

  it('are the multiples of a 1-2-5 step inside the range, at most maxCount of them, none missed', () => {
    fc.assert(
      fc.property(
        // Ranges at every scale 10^k whose span is at least 1/10^4 of their magnitude (plot ranges, not float noise).
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 1e-3, max: 20, noNaN: true }),
        fc.integer({ min: -8, max: 8 }),
        fc.integer({ min: 3, max: 12 }),
        (a, s, k, maxCount) => {
          const min = a * 10 ** k;
          const span = s * 10 ** k;
          const max = min + span;
          fc.pre(max > min);
          const ticks = niceTicks(min, max, maxCount);
          const tol = span * 1e-6; // far below a pixel; min/step loses digits when |min| ≫ span
          expect(ticks.length).toBeGreaterThanOrEqual(1);
          expect(ticks.length).toBeLessThanOrEqual(maxCount);
          for (const t of ticks) {
            expect(t.value).toBeGreaterThanOrEqual(min - tol);
            expect(t.value).toBeLessThanOrEqual(max + tol);
            expect(labelValue(t.label)).toBeCloseTo(t.value, 9);
          }
          if (ticks.length >= 2) {
            const step = ticks[1]!.value - ticks[0]!.value;
            const e = Math.floor(Math.log10(step));
            const round = [1, 2, 5].flatMap((m) => [m * 10 ** e, m * 10 ** (e + 1)]);
            expect(round.some((r) => Math.abs(step / r - 1) < 1e-6)).toBe(true);
            // No multiple of the step in range is left out at either end.
            expect(ticks[0]!.value - step).toBeLessThan(min + tol);
            expect(ticks[ticks.length - 1]!.value + step).toBeGreaterThan(max - tol);
            ticks.forEach((t, k) => expect(t.value).toBeCloseTo(ticks[0]!.value + k * step, 6));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects empty or non-finite ranges', () => {
    expect(() => niceTicks(1, 1)).toThrow(/min < max/);
    expect(() => niceTicks(0, Number.NaN)).toThrow(/finite/);
    expect(() => linearScale([2, 2], [0, 1])).toThrow(/single point/);
  });
});

describe('axes', () => {
  const frame = plotFrame(428, 420, { top: 16, right: 16, bottom: 44, left: 52 });

  it('puts each tick where the linear map sends its value', () => {
    const scales = plotScales(frame, [-3, 3], [0, 10]);
    const g = parseOne(axes(frame, scales, { xLabel: 'w₁', yLabel: 'loss', maxTicks: 7 }));
    const ticks = findAll(g, 'line', 'tick');
    const xs = ticks.filter((t) => t.attributes['data-axis'] === 'x');
    const ys = ticks.filter((t) => t.attributes['data-axis'] === 'y');
    expect(xs.map((t) => Number(t.attributes['data-value']))).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(ys.map((t) => Number(t.attributes['data-value']))).toEqual([0, 2, 4, 6, 8, 10]);
    // Independent: x from the left edge by (v − min)/(max − min) of the width; y up from the bottom.
    for (const t of xs) expect(num(t, 'x1')).toBeCloseTo(52 + ((Number(t.attributes['data-value']) + 3) / 6) * 360, 1);
    for (const t of ys) expect(num(t, 'y1')).toBeCloseTo(376 - (Number(t.attributes['data-value']) / 10) * 360, 1);
    const labels = findAll(g, 'text', 'tick-label').map(textOf);
    expect(labels).toEqual(['−3', '−2', '−1', '0', '1', '2', '3', '0', '2', '4', '6', '8', '10']);
    expect(findAll(g, 'text', 'axis-label').map(textOf)).toEqual(['w₁', 'loss']);
  });

  it('draws grid lines only when asked', () => {
    const scales = plotScales(frame, [0, 1], [0, 1]);
    expect(findAll(parseOne(axes(frame, scales)), 'line', 'grid')).toHaveLength(0);
    expect(findAll(parseOne(axes(frame, scales, { grid: true })), 'line', 'grid')).toHaveLength(12);
  });
});

describe('marks', () => {
  const frame = plotFrame(300, 200, { top: 0, right: 0, bottom: 0, left: 0 });
  const scales = plotScales(frame, [0, 3], [0, 2]);

  it('line plots break at null points', () => {
    const path = parseOne(linePlot([[0, 0], [1, 2], null, [3, 1]], scales, { series: 'f' }));
    expect(path.attributes.d).toBe('M0 200 L100 0 M300 100');
    expect(path.attributes['data-series']).toBe('f');
  });

  it('markers sit at their points and carry their notes', () => {
    const g = parseMarkup(markers([{ x: 1, y: 1, note: 'w = (1, 1/2) < 2' }, { x: 3, y: 0 }], scales, { shape: 'circle', size: 3 }));
    const circles = findAll(g, 'circle');
    expect(circles.map((c) => [num(c, 'cx'), num(c, 'cy')])).toEqual([[100, 100], [300, 200]]);
    expect(findAll(g, 'title').map(textOf)).toEqual(['w = (1, 1/2) < 2']);
    for (const shape of ['square', 'diamond', 'triangle', 'cross'] as const) {
      expect(findAll(parseMarkup(markers([{ x: 1, y: 1 }], scales, { shape })), 'g', 'marker')).toHaveLength(1);
    }
  });

  it('histogram counts agree with counting by hand', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (ints, bins) => {
        const values = ints.map((n) => n / 100);
        const edges = equalWidthEdges([0, 10], bins);
        const counted = histogramBins(values, edges);
        expect(counted.reduce((s, b) => s + b.count, 0)).toBe(values.length);
        counted.forEach((b, k) => {
          const last = k === bins - 1;
          expect(b.count).toBe(values.filter((v) => v >= b.lo && (v < b.hi || (last && v === b.hi))).length);
        });
      }),
      { numRuns: 100 },
    );
    expect(() => histogramBins([11], [0, 10])).toThrow(/values\[0\] = 11 is outside/);
  });

  it('histogram bars span their bins and rise to their counts', () => {
    const bins = histogramBins([0.5, 1.5, 1.6, 2.5, 2.6, 2.7], [0, 1, 2, 3]);
    const rects = findAll(parseOne(histogramMarks(bins, plotScales(frame, [0, 3], [0, 3]))), 'rect', 'bar');
    expect(rects.map((r) => [num(r, 'x'), num(r, 'width'), num(r, 'height'), r.attributes['data-count']])).toEqual([
      [0, 100, 66.67, '1'],
      [100, 100, 133.33, '2'],
      [200, 100, 200, '3'],
    ]);
  });

  it('bar charts: one bar and label per category, heights proportional to values', () => {
    const y = linearScale([0, 4], [200, 0]);
    const g = parseOne(barMarks([{ label: '1/3', value: 4 }, { label: '0 < x', value: 1 }], frame, y));
    const rects = findAll(g, 'rect', 'bar');
    expect(rects.map((r) => num(r, 'height'))).toEqual([200, 50]);
    expect(findAll(g, 'text', 'category-label').map(textOf)).toEqual(['1/3', '0 < x']);
  });
});

describe('heat map', () => {
  // 4 × 3 cells over [0, 4] × [0, 3]; value at a cell is x + y of its lower-left corner.
  const xEdges = [0, 1, 2, 3, 4];
  const yEdges = [0, 1, 2, 3];
  const values = yEdges.slice(0, 3).map((y) => xEdges.slice(0, 4).map((x) => x + y));
  const grid: GridValues = { xEdges, yEdges, values };
  const frame = plotFrame(400, 300, { top: 0, right: 0, bottom: 0, left: 0 });
  const scales = plotScales(frame, [0, 4], [0, 3]);

  it('one coloured cell per defined value, ends of the colour map at the extremes', () => {
    const holes = values.map((row, j) => row.map((v, i) => (i === j ? null : v)));
    const g = parseOne(heatMap({ ...grid, values: holes }, scales));
    const cells = findAll(g, 'rect', 'cell');
    expect(cells).toHaveLength(12 - 3);
    const fillOf = (v: number) => cells.find((c) => c.attributes['data-value'] === String(v))!.attributes.fill;
    expect(fillOf(1)).toBe(sequentialColor(0)); // smallest defined value (0 at (0,0) is a hole)
    expect(fillOf(5)).toBe(sequentialColor(1));
  });

  it('outlines follow a straight boundary between two labels', () => {
    const labels = values.map((row) => row.map((_, i) => (i < 2 ? 'left' : 'right')));
    expect(outlineSegments(grid, labels)).toEqual([
      [2, 0, 2, 1],
      [2, 1, 2, 2],
      [2, 2, 2, 3],
    ]);
    const path = findAll(parseOne(heatMap(grid, scales, { labels })), 'path', 'cell-outline')[0]!;
    expect(path.attributes.d).toBe('M200 300 L200 200 M200 200 L200 100 M200 100 L200 0');
  });

  it('level bands trace the contours of x + y', () => {
    const bands = levelBands(values, [2, 4]);
    values.forEach((row, j) => row.forEach((v, i) => expect(bands[j]![i]).toBe(v < 2 ? 0 : v < 4 ? 1 : 2)));
    // The contours x + y = 2 and x + y = 4 as staircases along cell edges, traced by hand.
    const key = (s: readonly number[]) => s.join(',');
    expect(outlineSegments(grid, bands).map(key).sort()).toEqual(
      [
        [2, 0, 2, 1], [1, 1, 1, 2], [3, 1, 3, 2], [2, 2, 2, 3], // vertical edges
        [1, 1, 2, 1], [3, 1, 4, 1], [0, 2, 1, 2], [2, 2, 3, 2], // horizontal edges
      ].map(key).sort(),
    );
  });

  it('rejects grids of the wrong shape', () => {
    expect(() => heatMap({ xEdges, yEdges, values: values.slice(1) }, scales)).toThrow(/values has 2 rows, expected 3/);
    expect(() => heatMap({ xEdges: [0, 0], yEdges, values }, scales)).toThrow(/increasing/);
  });
});

describe('legend, colour bar, document', () => {
  it('legend: one entry per series with its label', () => {
    const g = parseOne(
      legend(
        [
          { label: 'loss < 1', color: '#000', kind: 'line', dash: '3 2' },
          { label: 'regions', color: '#0072B2', kind: 'box' },
          { label: 'minima', color: '#D55E00', kind: 'marker', shape: 'diamond' },
        ],
        10,
        10,
      ),
    );
    expect(findAll(g, 'g', 'legend-entry').map(textOf)).toEqual(['loss < 1', 'regions', 'minima']);
  });

  it('colour bar ticks lie on its range', () => {
    const g = parseOne(colorBar([0, 1], 0, 0, 10, 100));
    const ticks = findAll(g, 'line', 'tick');
    expect(ticks.map((t) => [Number(t.attributes['data-value']), num(t, 'y1')])).toEqual([
      [0, 100],
      [0.5, 50],
      [1, 0],
    ]);
  });

  it('the viridis map runs from dark purple to yellow', () => {
    expect([sequentialColor(0), sequentialColor(1)]).toEqual(['#440154', '#fde725']);
    expect(() => sequentialColor(1.5)).toThrow(/\[0, 1\]/);
  });

  it('a document is one well-formed svg with title and description', () => {
    const svg = parseOne(svgDocument({ width: 100, height: 50, title: 'a < b & c', description: '"d"' }, [element('rect', { width: 1, height: 1 })]));
    expect(svg.name).toBe('svg');
    expect(svg.attributes.viewBox).toBe('0 0 100 50');
    expect(textOf(findAll(svg, 'title')[0]!)).toBe('a < b & c');
    expect(textOf(findAll(svg, 'desc')[0]!)).toBe('"d"');
  });
});
