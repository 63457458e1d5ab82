import { element, svgNumber } from './svg-element.ts';
import type { PlotScales } from './svg-frame.ts';

/** A data point; null breaks the line (a gap where the plotted quantity is undefined). */
export type LinePoint = readonly [number, number] | null;

export interface LineStyle {
  readonly stroke?: string;
  readonly strokeWidth?: number;
  /** SVG dash pattern, e.g. "4 3". */
  readonly dash?: string;
  readonly className?: string;
  /** Series name, for `data-series` (tests and the legend read it). */
  readonly series?: string;
}

/** Path data "M x y L x y …" in drawing coordinates, starting a new piece after each null. */
export function linePathData(points: readonly LinePoint[], scales: PlotScales): string {
  const commands: string[] = [];
  let pen: 'M' | 'L' = 'M';
  for (const p of points) {
    if (p === null) {
      pen = 'M';
      continue;
    }
    commands.push(`${pen}${svgNumber(scales.x.map(p[0]))} ${svgNumber(scales.y.map(p[1]))}`);
    pen = 'L';
  }
  return commands.join(' ');
}

/** A line through the points in order (a function graph, a level curve, a segment). */
export function linePlot(points: readonly LinePoint[], scales: PlotScales, style: LineStyle = {}): string {
  return element('path', {
    class: style.className ?? 'line',
    'data-series': style.series,
    d: linePathData(points, scales),
    fill: 'none',
    stroke: style.stroke ?? '#0072B2',
    'stroke-width': style.strokeWidth ?? 1.5,
    'stroke-dasharray': style.dash,
  });
}
