import type { Basis } from '../../claims/basis.ts';
import { signString, type Sign } from '../../geometry/pattern.ts';
import { ratData, type Dataset } from '../../network/dataset.ts';
import { empiricalRisk, squaredError } from '../../network/loss.ts';
import { Rational } from '../../numbers/rational.ts';
import { oneHiddenLayerNetwork } from '../../landscape/one-hidden-layer.ts';
import { unitCellMinima, type UnitCellMinimum } from '../../landscape/unit-cell-minima.ts';
import { axes } from '../svg-axes.ts';
import { element, group, svgDocument, svgNumber, textElement } from '../svg-element.ts';
import type { PlotFrame, PlotScales } from '../svg-frame.ts';
import { plotScales } from '../svg-frame.ts';
import { heatMap, type GridValues } from '../svg-heatmap.ts';
import { colorBar, legend } from '../svg-legend.ts';
import { markerShape } from '../svg-markers.ts';
import { activationRegions, type PlanePoint } from './activation-regions.ts';
import type { Figure } from './figure.ts';

/** How a cell's minimiser set (z = 1) meets the view: the drawable piece and whether it lies inside the cell. */
export type MinimiserMark =
  | { readonly kind: 'plateau'; readonly signs: Sign[]; readonly polygon: PlanePoint[]; readonly genuine: boolean }
  | { readonly kind: 'line'; readonly signs: Sign[]; readonly from: PlanePoint; readonly to: PlanePoint; readonly genuine: boolean }
  | { readonly kind: 'point'; readonly signs: Sign[]; readonly at: PlanePoint; readonly genuine: boolean };

/** One panel: the exact loss on a grid, the cells, their minimal losses and minimiser sets. */
export interface LandscapePanel {
  readonly labels: readonly Rational[];
  readonly grid: GridValues;
  /** Per cell: the minimum of its quadratic, whether a minimiser lies inside the cell, and where to label it. */
  readonly cells: readonly { readonly signs: Sign[]; readonly minimalLoss: Rational; readonly genuine: boolean; readonly labelPoint: PlanePoint }[];
  readonly marks: readonly MinimiserMark[];
}

const INPUTS = [
  [1, 0],
  [0, 1],
];

/** L(w) = (1/N)Σ([w·x_i]_+ − y_i)² at z = 1, exactly. */
function lossAt(data: Dataset<Rational>, w: PlanePoint): Rational {
  const net = oneHiddenLayerNetwork({ weights: [[w[0], w[1]]], biases: null, outputWeights: [Rational.ONE], outputBias: null });
  return empiricalRisk(net, data, squaredError('mean'));
}

/**
 * The part {p + t v : t_lo ≤ t ≤ t_hi} of a line inside the closed cell and the view square [−h, h]²,
 * with exact end points, or null when empty. Each constraint a·(p + t v) ≥ 0 bounds t on one side.
 */
function clipLine(p: PlanePoint, v: PlanePoint, rows: readonly PlanePoint[], h: Rational): [PlanePoint, PlanePoint] | null {
  let lo: Rational | null = null;
  let hi: Rational | null = null;
  const constraints: [PlanePoint, Rational][] = [
    ...rows.map((a): [PlanePoint, Rational] => [a, Rational.ZERO]),
    [[Rational.ONE, Rational.ZERO], h.neg()],
    [[Rational.MINUS_ONE, Rational.ZERO], h.neg()],
    [[Rational.ZERO, Rational.ONE], h.neg()],
    [[Rational.ZERO, Rational.MINUS_ONE], h.neg()],
  ];
  for (const [a, bound] of constraints) {
    // a·p + t a·v ≥ bound.
    const ap = a[0].mul(p[0]).add(a[1].mul(p[1]));
    const av = a[0].mul(v[0]).add(a[1].mul(v[1]));
    if (av.isZero()) {
      if (ap.lt(bound)) return null;
      continue;
    }
    const t = bound.sub(ap).div(av);
    if (av.sign() > 0) lo = lo === null || t.gt(lo) ? t : lo;
    else hi = hi === null || t.lt(hi) ? t : hi;
  }
  if (lo === null || hi === null || lo.gt(hi)) return null;
  const at = (t: Rational): PlanePoint => [p[0].add(t.mul(v[0])), p[1].add(t.mul(v[1]))];
  return [at(lo), at(hi)];
}

const inView = (p: PlanePoint, h: Rational): boolean => p.every((c) => c.abs().le(h));

/** The drawable minimiser set of one cell: clipped to the closed cell when genuine, to the view otherwise. */
function minimiserMark(cell: UnitCellMinimum, inputs: readonly (readonly Rational[])[], polygon: PlanePoint[], h: Rational): MinimiserMark | null {
  const genuine = cell.genuine.genuine;
  const p: PlanePoint = [cell.minimum.minimiser[0]!, cell.minimum.minimiser[1]!];
  if (cell.shape === 'plateau') return { kind: 'plateau', signs: cell.signs, polygon, genuine };
  if (cell.shape === 'point') return inView(p, h) ? { kind: 'point', signs: cell.signs, at: p, genuine } : null;
  const basis = cell.minimum.nullBasis[0]!;
  const v: PlanePoint = [basis[0]!, basis[1]!];
  const rows: PlanePoint[] = genuine ? inputs.map((x, i): PlanePoint => [x[0]!.mul(Rational.fromInt(cell.signs[i]!)), x[1]!.mul(Rational.fromInt(cell.signs[i]!))]) : [];
  const segment = clipLine(p, v, rows, h);
  return segment === null ? null : { kind: 'line', signs: cell.signs, from: segment[0], to: segment[1], genuine };
}

/** The panel of the Appendix B example for labels y = (1, y2): grid values, cells, minimiser marks. */
export function landscapePanel(y2: Rational, halfWidth: Rational, steps: number): LandscapePanel {
  if (!Number.isInteger(steps) || steps < 2) throw new RangeError(`steps must be an integer ≥ 2, got ${steps}`);
  const data = ratData(INPUTS, [1, y2.toString()]);
  const h = halfWidth;
  const width = h.mul(Rational.fromInt(2)).div(Rational.fromInt(steps));
  const edges = Array.from({ length: steps + 1 }, (_, k) => h.neg().add(width.mul(Rational.fromInt(k))));
  const centres = edges.slice(0, -1).map((e) => e.add(width.div(Rational.fromInt(2))));
  const grid: GridValues = {
    xEdges: edges.map((e) => e.toNumber()),
    yEdges: edges.map((e) => e.toNumber()),
    values: centres.map((w2) => centres.map((w1) => lossAt(data, [w1, w2]).toNumber())),
  };
  const regions = activationRegions(data.inputs, h);
  const minima = unitCellMinima(data, { outputSigns: [1] });
  const cells = regions.cells.map((c) => {
    const m = minima.find((x) => signString(x.signs) === signString(c.signs));
    if (m === undefined) throw new Error(`internal: no minimum for cell ${signString(c.signs)}`);
    return { signs: c.signs, minimalLoss: m.minimum.value, genuine: m.genuine.genuine, labelPoint: c.labelPoint };
  });
  const marks = minima.flatMap((m) => {
    const polygon = regions.cells.find((c) => signString(c.signs) === signString(m.signs))!.polygon;
    const mark = minimiserMark(m, data.inputs, polygon, h);
    return mark === null ? [] : [mark];
  });
  return { labels: [Rational.ONE, y2], grid, cells, marks };
}

const GENUINE = '#D55E00';
const OUTSIDE = '#FFFFFF';

function xy(p: PlanePoint, scales: PlotScales): { x: number; y: number } {
  return { x: scales.x.map(p[0].toNumber()), y: scales.y.map(p[1].toNumber()) };
}

function renderMark(mark: MinimiserMark, scales: PlotScales): string {
  const where = mark.genuine ? 'inside its cell' : 'outside its cell';
  const attrs = { 'data-signs': signString(mark.signs), 'data-genuine': String(mark.genuine) };
  switch (mark.kind) {
    case 'plateau':
      return group({ class: 'minimiser-plateau', ...attrs }, [
        textElement('title', {}, `cell ${signString(mark.signs)}: every w is a minimiser (plateau), ${where}`),
        element('polygon', {
          points: mark.polygon.map((p) => xy(p, scales)).map(({ x, y }) => `${svgNumber(x)},${svgNumber(y)}`).join(' '),
          fill: 'none',
          stroke: GENUINE,
          'stroke-width': 2.5,
          'stroke-dasharray': '6 3',
        }),
      ]);
    case 'line': {
      const a = xy(mark.from, scales);
      const b = xy(mark.to, scales);
      return group({ class: 'minimiser-line', ...attrs }, [
        textElement('title', {}, `cell ${signString(mark.signs)}: minimisers from (${mark.from.join(', ')}) to (${mark.to.join(', ')}), ${where}`),
        element('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: mark.genuine ? GENUINE : OUTSIDE, 'stroke-width': 3, 'stroke-dasharray': mark.genuine ? undefined : '5 4' }),
      ]);
    }
    case 'point': {
      const { x, y } = xy(mark.at, scales);
      return group({ class: 'minimiser-point', ...attrs }, [
        textElement('title', {}, `cell ${signString(mark.signs)}: unique minimiser (${mark.at.join(', ')}), ${where}`),
        markerShape('circle', x, y, 5, mark.genuine ? { fill: GENUINE, stroke: '#000' } : { fill: 'none', stroke: OUTSIDE, 'stroke-width': 2 }),
      ]);
    }
  }
}

const PLOT = 300;
const LEFT = 52;
const GAP = 60;
const TOP = 28;
const BOTTOM = 44;

function renderPanel(panel: LandscapePanel, frame: PlotFrame, h: number, domain: readonly [number, number], caption: string, yLabel: boolean): string {
  const scales = plotScales(frame, [-h, h], [-h, h]);
  const hairlines = [
    element('line', { class: 'hyperplane', 'data-sample': '1', x1: scales.x.map(0), x2: scales.x.map(0), y1: frame.top, y2: frame.bottom, stroke: '#fff', 'stroke-width': 1.5 }),
    element('line', { class: 'hyperplane', 'data-sample': '2', x1: frame.left, x2: frame.right, y1: scales.y.map(0), y2: scales.y.map(0), stroke: '#fff', 'stroke-width': 1.5 }),
  ];
  const labels = panel.cells.map((c) => {
    const { x, y } = xy(c.labelPoint, scales);
    // Without a minimiser inside, the cell has no local minimum; its quadratic's minimum goes to the tooltip.
    const detail = c.genuine
      ? `cell ${signString(c.signs)}: minimal loss ${c.minimalLoss}, attained inside the cell`
      : `cell ${signString(c.signs)}: the minimisers of its quadratic (value ${c.minimalLoss}) lie outside the cell`;
    return group({ class: 'cell-min', 'data-signs': signString(c.signs), 'data-value': String(c.minimalLoss), 'data-genuine': String(c.genuine) }, [
      textElement('title', {}, detail),
      textElement('text', { x, y, 'text-anchor': 'middle', fill: '#000', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }, c.genuine ? `min L = ${c.minimalLoss}` : 'no minimum'),
    ]);
  });
  return group({ class: 'panel', 'data-y2': String(panel.labels[1]) }, [
    heatMap(panel.grid, scales, { colorDomain: domain }),
    group({ class: 'hyperplanes' }, hairlines),
    axes(frame, scales, { xLabel: 'w₁', yLabel: yLabel ? 'w₂' : undefined, maxTicks: 5 }),
    group({ class: 'minimisers' }, panel.marks.map((m) => renderMark(m, scales))),
    group({ class: 'cell-minima' }, labels),
    textElement('text', { class: 'panel-title', x: (frame.left + frame.right) / 2, y: TOP - 10, 'text-anchor': 'middle', 'font-weight': 'bold' }, caption),
  ]);
}

/** Both panels of Liu's Fig. 2 side by side, with a shared colour bar and a legend. */
export function renderLiuLandscape(panels: readonly [LandscapePanel, LandscapePanel], halfWidth: number, title: string): string {
  const values = panels.flatMap((p) => p.grid.values.flat().filter((v): v is number => v !== null));
  const domain: [number, number] = [0, Math.max(...values)];
  const width = 2 * (LEFT + PLOT) + GAP + 90;
  const height = TOP + PLOT + BOTTOM + 70;
  const frameAt = (left: number): PlotFrame => ({ width, height: TOP + PLOT + BOTTOM, left, top: TOP, right: left + PLOT, bottom: TOP + PLOT });
  const frames = [frameAt(LEFT), frameAt(2 * LEFT + PLOT + GAP - LEFT)];
  const names = ['(a) y₁ = 1, y₂ = 1', '(b) y₁ = 1, y₂ = −1'];
  const barX = frames[1]!.right + 20;
  return svgDocument(
    { width, height, title, description: 'loss of one ReLU unit with z = 1 over the weight plane, two label sets', attributes: { class: 'figure-svg' } },
    [
      ...panels.map((p, k) => renderPanel(p, frames[k]!, halfWidth, domain, names[k]!, k === 0)),
      colorBar(domain, barX, TOP, 14, PLOT),
      legend(
        [
          { label: 'plateau: every w of the cell minimises', color: GENUINE, kind: 'line', dash: '6 3' },
          { label: 'line / point of minimisers inside the cell', color: GENUINE, kind: 'marker', shape: 'circle' },
          { label: 'minimiser of the cell’s quadratic, outside the cell', color: '#999', kind: 'line', dash: '5 4' },
        ],
        LEFT,
        TOP + PLOT + BOTTOM + 6,
      ),
    ],
  );
}

/** Liu Fig. 2: the Appendix B landscape for y2 = 1 and y2 = −1; computed when rendered. */
export function liuLandscapeFigure(spec: { readonly id: string; readonly title: string; readonly caption: string; readonly halfWidth?: Rational; readonly steps?: number }): Figure {
  const basis: Basis = 'exact';
  const h = spec.halfWidth ?? Rational.of(2);
  const steps = spec.steps ?? 40;
  return {
    id: spec.id,
    title: spec.title,
    caption: spec.caption,
    basis,
    render: () => renderLiuLandscape([landscapePanel(Rational.ONE, h, steps), landscapePanel(Rational.MINUS_ONE, h, steps)], h.toNumber(), spec.title),
  };
}
