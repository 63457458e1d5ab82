import { element, svgNumber, textElement } from './svg-element.ts';
import type { PlotScales } from './svg-frame.ts';

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'cross';

export interface MarkerStyle {
  readonly shape?: MarkerShape;
  /** Half-width in drawing units. */
  readonly size?: number;
  readonly fill?: string;
  readonly stroke?: string;
  readonly className?: string;
  readonly series?: string;
}

/** A marked data point; `note` becomes its tooltip (e.g. the exact coordinates). */
export interface MarkedPoint {
  readonly x: number;
  readonly y: number;
  readonly note?: string;
}

function polygonPoints(corners: readonly (readonly [number, number])[]): string {
  return corners.map(([x, y]) => `${svgNumber(x)},${svgNumber(y)}`).join(' ');
}

/** One marker centred at drawing coordinates (cx, cy). */
export function markerShape(shape: MarkerShape, cx: number, cy: number, size: number, paint: Record<string, string | number>): string {
  switch (shape) {
    case 'circle':
      return element('circle', { cx, cy, r: size, ...paint });
    case 'square':
      return element('rect', { x: cx - size, y: cy - size, width: 2 * size, height: 2 * size, ...paint });
    case 'diamond':
      return element('polygon', { points: polygonPoints([[cx, cy - size], [cx + size, cy], [cx, cy + size], [cx - size, cy]]), ...paint });
    case 'triangle':
      return element('polygon', { points: polygonPoints([[cx, cy - size], [cx + size, cy + size], [cx - size, cy + size]]), ...paint });
    case 'cross':
      return element('path', {
        d: `M${svgNumber(cx - size)} ${svgNumber(cy - size)} L${svgNumber(cx + size)} ${svgNumber(cy + size)} M${svgNumber(cx - size)} ${svgNumber(cy + size)} L${svgNumber(cx + size)} ${svgNumber(cy - size)}`,
        ...paint,
        fill: 'none',
        stroke: paint.stroke ?? paint.fill ?? '#000',
        'stroke-width': 2,
      });
  }
}

/** Markers at data points, each a `g.marker` (with a tooltip when the point has a note). */
export function markers(points: readonly MarkedPoint[], scales: PlotScales, style: MarkerStyle = {}): string {
  const shape = style.shape ?? 'circle';
  const size = style.size ?? 4;
  const paint: Record<string, string | number> = { fill: style.fill ?? '#D55E00' };
  if (style.stroke !== undefined) paint.stroke = style.stroke;
  return points
    .map((p) => {
      const mark = markerShape(shape, scales.x.map(p.x), scales.y.map(p.y), size, paint);
      const children = p.note === undefined ? [mark] : [textElement('title', {}, p.note), mark];
      return element('g', { class: style.className ?? 'marker', 'data-series': style.series }, children);
    })
    .join('');
}
