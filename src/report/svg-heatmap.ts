import { element, group, svgNumber } from './svg-element.ts';
import type { PlotScales } from './svg-frame.ts';
import { sequentialColor } from './svg-color.ts';
import type { Interval } from './svg-scale.ts';

/**
 * Values on a rectangular grid: cell (i, j) spans [xEdges[i], xEdges[i+1]] × [yEdges[j], yEdges[j+1]]
 * and holds values[j][i] (row j is a y band); null marks a cell where the quantity is undefined.
 */
export interface GridValues {
  readonly xEdges: readonly number[];
  readonly yEdges: readonly number[];
  readonly values: readonly (readonly (number | null)[])[];
}

function checkEdges(name: string, edges: readonly number[]): void {
  if (edges.length < 2) throw new RangeError(`${name} needs at least two edges, got ${edges.length}`);
  edges.forEach((e, k) => {
    if (!Number.isFinite(e) || (k > 0 && !(e > edges[k - 1]!))) throw new RangeError(`${name}[${k}] = ${e}: edges must be finite and increasing`);
  });
}

/** Checks the shape (rows = y bands, columns = x bands) of a grid and of anything laid over it. */
export function checkGridShape(grid: GridValues, rows: readonly (readonly unknown[])[], name: string): void {
  checkEdges('xEdges', grid.xEdges);
  checkEdges('yEdges', grid.yEdges);
  const nx = grid.xEdges.length - 1;
  const ny = grid.yEdges.length - 1;
  if (rows.length !== ny) throw new RangeError(`${name} has ${rows.length} rows, expected ${ny} (one per y band)`);
  rows.forEach((row, j) => {
    if (row.length !== nx) throw new RangeError(`${name}[${j}] has ${row.length} entries, expected ${nx} (one per x band)`);
  });
}

/** Smallest and largest defined value of a grid (non-finite values are an error). */
export function gridRange(grid: GridValues): Interval {
  const defined: number[] = [];
  grid.values.forEach((row, j) =>
    row.forEach((v, i) => {
      if (v === null) return;
      if (!Number.isFinite(v)) throw new RangeError(`values[${j}][${i}] must be finite or null, got ${v}`);
      defined.push(v);
    }),
  );
  if (defined.length === 0) throw new RangeError('grid has no defined value');
  return [Math.min(...defined), Math.max(...defined)];
}

export interface HeatMapOptions {
  /** Values mapped to the ends of the colour map; default: the grid's range. */
  readonly colorDomain?: Interval;
  /**
   * A label per cell (same shape as values): an outline is drawn along every edge between two
   * neighbouring cells with different labels — activation-region boundaries, or `levelBands` for contours.
   */
  readonly labels?: readonly (readonly (string | number)[])[];
  readonly outlineColor?: string;
}

/** Colour of a value on [lo, hi] (a constant grid takes the middle of the map). */
function colorOf(value: number, [lo, hi]: Interval): string {
  if (hi === lo) return sequentialColor(0.5);
  return sequentialColor(Math.min(1, Math.max(0, (value - lo) / (hi - lo))));
}

/** One `rect.cell` per defined cell, coloured by value, plus `path.cell-outline` for label changes. */
export function heatMap(grid: GridValues, scales: PlotScales, options: HeatMapOptions = {}): string {
  checkGridShape(grid, grid.values, 'values');
  const domain = options.colorDomain ?? gridRange(grid);
  const cells: string[] = [];
  grid.values.forEach((row, j) =>
    row.forEach((v, i) => {
      if (v === null) return;
      const x0 = scales.x.map(grid.xEdges[i]!);
      const x1 = scales.x.map(grid.xEdges[i + 1]!);
      const y0 = scales.y.map(grid.yEdges[j]!);
      const y1 = scales.y.map(grid.yEdges[j + 1]!);
      cells.push(
        element('rect', {
          class: 'cell',
          'data-value': String(v),
          x: Math.min(x0, x1),
          y: Math.min(y0, y1),
          width: Math.abs(x1 - x0),
          height: Math.abs(y1 - y0),
          fill: colorOf(v, domain),
          // A hairline of the same colour hides the seams anti-aliasing leaves between rectangles.
          stroke: colorOf(v, domain),
          'stroke-width': 0.5,
        }),
      );
    }),
  );
  const parts = [group({ class: 'heat-cells' }, cells)];
  if (options.labels !== undefined) {
    const d = outlinePathData(grid, options.labels, scales);
    if (d !== '') parts.push(element('path', { class: 'cell-outline', d, fill: 'none', stroke: options.outlineColor ?? '#fff', 'stroke-width': 1.5 }));
  }
  return group({ class: 'heat-map' }, parts);
}

/** The grid edges separating neighbouring cells with different labels, as path data in drawing coordinates. */
export function outlineSegments(grid: GridValues, labels: readonly (readonly (string | number)[])[]): [number, number, number, number][] {
  checkGridShape(grid, labels, 'labels');
  const segments: [number, number, number, number][] = [];
  const { xEdges, yEdges } = grid;
  labels.forEach((row, j) =>
    row.forEach((label, i) => {
      if (i + 1 < row.length && row[i + 1] !== label) segments.push([xEdges[i + 1]!, yEdges[j]!, xEdges[i + 1]!, yEdges[j + 1]!]);
      if (j + 1 < labels.length && labels[j + 1]![i] !== label) segments.push([xEdges[i]!, yEdges[j + 1]!, xEdges[i + 1]!, yEdges[j + 1]!]);
    }),
  );
  return segments;
}

function outlinePathData(grid: GridValues, labels: readonly (readonly (string | number)[])[], scales: PlotScales): string {
  return outlineSegments(grid, labels)
    .map(([x0, y0, x1, y1]) => `M${svgNumber(scales.x.map(x0))} ${svgNumber(scales.y.map(y0))} L${svgNumber(scales.x.map(x1))} ${svgNumber(scales.y.map(y1))}`)
    .join(' ');
}

/**
 * The level band of every cell: how many of the increasing `levels` are ≤ its value (null stays
 * null's band, −1). As labels of `heatMap`, the outlines between bands trace contour lines on the grid.
 */
export function levelBands(values: readonly (readonly (number | null)[])[], levels: readonly number[]): number[][] {
  levels.forEach((l, k) => {
    if (!Number.isFinite(l) || (k > 0 && !(l > levels[k - 1]!))) throw new RangeError(`levels[${k}] = ${l}: levels must be finite and increasing`);
  });
  return values.map((row) => row.map((v) => (v === null ? -1 : levels.filter((l) => l <= v).length)));
}
