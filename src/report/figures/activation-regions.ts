import type { Basis } from '../../claims/basis.ts';
import { arrangementCells, signsAt } from '../../geometry/arrangement.ts';
import { signString, type Sign } from '../../geometry/pattern.ts';
import { Rational } from '../../numbers/rational.ts';
import { axes } from '../svg-axes.ts';
import { categoryColor } from '../svg-color.ts';
import { element, group, svgDocument, svgNumber, textElement } from '../svg-element.ts';
import { plotFrame, plotScales, type PlotScales } from '../svg-frame.ts';
import type { Figure } from './figure.ts';

/** A point of the weight plane (w1, w2), exact. */
export type PlanePoint = readonly [Rational, Rational];

/** The line wᵀx_i = 0 of one sample, clipped to the square view. */
export interface RegionLine {
  /** 0-based sample index. */
  readonly sample: number;
  readonly from: PlanePoint;
  readonly to: PlanePoint;
}

/** One activation region: its sign vector, the label point, and the region clipped to the view. */
export interface RegionCell {
  readonly signs: Sign[];
  /** The exact interior point from `arrangementCells`, scaled along its ray into the view. */
  readonly labelPoint: PlanePoint;
  /** Corners of the region ∩ view square, counter-clockwise, starting at the origin. */
  readonly polygon: PlanePoint[];
}

export interface ActivationRegions {
  readonly halfWidth: Rational;
  readonly lines: RegionLine[];
  readonly cells: RegionCell[];
}

const cross = (a: PlanePoint, b: PlanePoint): Rational => a[0].mul(b[1]).sub(a[1].mul(b[0]));
const dot = (a: PlanePoint, b: PlanePoint): Rational => a[0].mul(b[0]).add(a[1].mul(b[1]));
const scale = (p: PlanePoint, s: Rational): PlanePoint => [p[0].mul(s), p[1].mul(s)];
const maxAbs = (p: PlanePoint): Rational => (p[0].abs().gt(p[1].abs()) ? p[0].abs() : p[1].abs());

/** Upper half (angle in [0, π)) before lower half: with `cross`, an exact angular order without trigonometry. */
function half(p: PlanePoint): number {
  return p[1].sign() > 0 || (p[1].isZero() && p[0].sign() > 0) ? 0 : 1;
}

function byAngle(a: PlanePoint, b: PlanePoint): number {
  return half(a) - half(b) || -cross(a, b).sign();
}

/** The point where the ray through p leaves the square [−h, h]². */
function toBoundary(p: PlanePoint, h: Rational): PlanePoint {
  return scale(p, h.div(maxAbs(p)));
}

function checkPlaneInputs(inputs: readonly (readonly Rational[])[]): void {
  if (inputs.length === 0) throw new RangeError('activation regions need at least one input');
  inputs.forEach((x, i) => {
    if (x.length !== 2) throw new RangeError(`inputs[${i}] has ${x.length} entries: the weight plane needs 2-D inputs`);
  });
}

/**
 * The activation regions of one bias-free unit with 2-D inputs, computed two ways and matched:
 * `arrangementCells` (exact LP) gives each cell's sign vector and interior point; the sectors
 * between consecutive lines, taken in exact angular order, give the drawn polygons. A sector whose
 * signs match no LP cell, or a cell with no sector, is an internal error.
 */
export function activationRegions(inputs: readonly (readonly Rational[])[], halfWidth: Rational): ActivationRegions {
  checkPlaneInputs(inputs);
  if (halfWidth.sign() <= 0) throw new RangeError(`halfWidth must be positive, got ${halfWidth}`);
  const h = halfWidth;
  const lines: RegionLine[] = [];
  const rays: PlanePoint[] = [];
  inputs.forEach((x, sample) => {
    if (x[0]!.isZero() && x[1]!.isZero()) return; // wᵀ0 = 0 everywhere: no line, sign 0 in every cell.
    const direction: PlanePoint = [x[1]!.neg(), x[0]!];
    const end = toBoundary(direction, h);
    const start: PlanePoint = [end[0].neg(), end[1].neg()];
    lines.push({ sample, from: start, to: end });
    for (const r of [end, start]) {
      if (!rays.some((q) => cross(q, r).isZero() && dot(q, r).sign() > 0)) rays.push(r);
    }
  });
  rays.sort(byAngle);
  const labelRadius = h.mul(Rational.of(2, 3));
  const cells = arrangementCells(inputs).map((cell) => {
    const point: PlanePoint = [cell.weight[0]!, cell.weight[1]!];
    // Only zero inputs: the one cell is the whole plane and its interior point may be the origin.
    const labelPoint: PlanePoint = maxAbs(point).isZero() ? [labelRadius, Rational.ZERO] : scale(point, labelRadius.div(maxAbs(point)));
    // Cells of a bias-free unit are cones, so a positive multiple of an interior point is interior.
    if (signString(signsAt(inputs, labelPoint)) !== signString(cell.signs)) {
      throw new Error(`internal: scaled interior point of cell ${signString(cell.signs)} left the cell`);
    }
    return { signs: cell.signs, labelPoint, polygon: [] as PlanePoint[] };
  });
  for (const sector of sectors(rays, h)) {
    const key = signString(signsAt(inputs, sector.inside));
    const cell = cells.find((c) => signString(c.signs) === key);
    if (cell === undefined || cell.polygon.length > 0) throw new Error(`internal: sector with signs ${key} does not match the LP cells one to one`);
    cell.polygon.push(...sector.polygon);
  }
  const missing = cells.find((c) => c.polygon.length === 0);
  if (missing !== undefined) throw new Error(`internal: LP cell ${signString(missing.signs)} has no sector`);
  return { halfWidth: h, lines, cells };
}

const corners = (h: Rational): PlanePoint[] => [
  [h, h],
  [h.neg(), h],
  [h.neg(), h.neg()],
  [h, h.neg()],
];

/** The sectors between angularly consecutive rays, clipped to the square, with a point strictly inside each. */
function sectors(rays: readonly PlanePoint[], h: Rational): { polygon: PlanePoint[]; inside: PlanePoint }[] {
  if (rays.length === 0) return [{ polygon: corners(h), inside: [Rational.ZERO, Rational.ZERO] }];
  return rays.map((a, k) => {
    const b = rays[(k + 1) % rays.length]!;
    // Every sector spans at most π (the rays come in opposite pairs), so "between" is two cross signs.
    const between = corners(h)
      .filter((c) => cross(a, c).sign() > 0 && cross(c, b).sign() > 0)
      .sort((c, d) => -cross(c, d).sign());
    const sum: PlanePoint = [a[0].add(b[0]), a[1].add(b[1])];
    const inside: PlanePoint = sum[0].isZero() && sum[1].isZero() ? [a[1].neg(), a[0]] : sum;
    return { polygon: [[Rational.ZERO, Rational.ZERO], a, ...between, b], inside };
  });
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** x₁, x₂, … for sample indices 0, 1, … */
export function sampleName(index: number): string {
  return `x${String(index + 1).replace(/\d/g, (d) => SUBSCRIPT[Number(d)]!)}`;
}

/** "+ − +": the signs of wᵀx₁, wᵀx₂, … in a region. */
export function signLabel(signs: readonly Sign[]): string {
  return signs.map((s) => (s > 0 ? '+' : s < 0 ? '−' : '0')).join(' ');
}

const SIZE = 360;
const MARGINS = { top: 16, right: 16, bottom: 44, left: 52 };

function planeXY(p: PlanePoint, scales: PlotScales): { x: number; y: number } {
  return { x: scales.x.map(p[0].toNumber()), y: scales.y.map(p[1].toNumber()) };
}

/** The regions as an SVG: shaded cells, one `line.hyperplane` per sample, one `text.cell-label` per cell. */
export function renderActivationRegions(regions: ActivationRegions, title: string): string {
  const h = regions.halfWidth.toNumber();
  const frame = plotFrame(SIZE + MARGINS.left + MARGINS.right, SIZE + MARGINS.top + MARGINS.bottom, MARGINS);
  const scales = plotScales(frame, [-h, h], [-h, h]);
  const shading = regions.cells.map((cell, k) =>
    element('polygon', {
      class: 'region',
      'data-signs': signString(cell.signs),
      points: cell.polygon.map((p) => planeXY(p, scales)).map(({ x, y }) => `${svgNumber(x)},${svgNumber(y)}`).join(' '),
      fill: categoryColor(k),
      'fill-opacity': 0.16,
    }),
  );
  const lines = regions.lines.map((line) => {
    const a = planeXY(line.from, scales);
    const b = planeXY(line.to, scales);
    // Name the line near the end of its upper half, on the side facing the middle of the plot.
    const top = a.y < b.y ? a : b;
    const at = { x: top.x + (a.x + b.x - 2 * top.x) * 0.08, y: top.y + (a.y + b.y - 2 * top.y) * 0.08 };
    const rightHalf = at.x > (frame.left + frame.right) / 2;
    const name = `wᵀ${sampleName(line.sample)} = 0`;
    return group({ class: 'hyperplane-group' }, [
      element('line', { class: 'hyperplane', 'data-sample': String(line.sample + 1), x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: '#222', 'stroke-width': 1.6 }),
      textElement(
        'text',
        { class: 'line-label', x: at.x + (rightHalf ? -7 : 7), y: at.y + 4, 'text-anchor': rightHalf ? 'end' : 'start', 'font-size': 11, fill: '#222' },
        name,
      ),
    ]);
  });
  const labels = regions.cells.map((cell) => {
    const { x, y } = planeXY(cell.labelPoint, scales);
    const exact = `signs ${signString(cell.signs)}; exact interior point w = (${cell.labelPoint[0]}, ${cell.labelPoint[1]})`;
    return group({ class: 'cell' }, [
      textElement('title', {}, exact),
      element('circle', { cx: x, cy: y, r: 2, fill: '#222' }),
      textElement(
        'text',
        { class: 'cell-label', 'data-signs': signString(cell.signs), x, y: y - 6, 'text-anchor': 'middle', 'font-weight': 'bold', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' },
        signLabel(cell.signs),
      ),
    ]);
  });
  return svgDocument(
    {
      width: frame.width,
      height: frame.height,
      title,
      description: `${regions.cells.length} activation regions bounded by ${regions.lines.length} lines through the origin`,
      attributes: { class: 'figure-svg' },
    },
    [
      group({ class: 'regions' }, shading),
      axes(frame, scales, { xLabel: 'w₁', yLabel: 'w₂', maxTicks: 7 }),
      group({ class: 'hyperplanes' }, lines),
      group({ class: 'cell-labels' }, labels),
    ],
  );
}

export interface ActivationRegionsFigureSpec {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly inputs: readonly (readonly Rational[])[];
  /** The view is [−halfWidth, halfWidth]² in (w1, w2). */
  readonly halfWidth: Rational;
}

/** A figure of the activation regions of one bias-free unit with 2-D inputs; computed when rendered. */
export function activationRegionsFigure(spec: ActivationRegionsFigureSpec): Figure {
  const basis: Basis = 'exact';
  return {
    id: spec.id,
    title: spec.title,
    caption: spec.caption,
    basis,
    render: () => renderActivationRegions(activationRegions(spec.inputs, spec.halfWidth), spec.title),
  };
}
