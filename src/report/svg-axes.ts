import { element, group, svgNumber, textElement } from './svg-element.ts';
import type { PlotFrame, PlotScales } from './svg-frame.ts';
import type { Tick } from './svg-scale.ts';
import { niceTicks } from './svg-scale.ts';

export interface AxesOptions {
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Default: round ticks over each scale's domain. */
  readonly xTicks?: readonly Tick[];
  readonly yTicks?: readonly Tick[];
  readonly maxTicks?: number;
  /** Faint lines across the plot area at every tick. */
  readonly grid?: boolean;
}

const TICK_LENGTH = 5;

function ticksFor(domain: readonly [number, number], maxTicks: number): Tick[] {
  return niceTicks(Math.min(domain[0], domain[1]), Math.max(domain[0], domain[1]), maxTicks);
}

/**
 * The plot-area outline, tick marks with labels below and left of it, optional grid lines and axis
 * titles. Every tick is a `line.tick` with `data-axis` and `data-value`, so tests can read positions.
 */
export function axes(frame: PlotFrame, scales: PlotScales, options: AxesOptions = {}): string {
  const maxTicks = options.maxTicks ?? 6;
  const xTicks = options.xTicks ?? ticksFor(scales.x.domain, maxTicks);
  const yTicks = options.yTicks ?? ticksFor(scales.y.domain, maxTicks);
  const parts: string[] = [];
  if (options.grid) {
    parts.push(
      ...xTicks.map((t) => element('line', { class: 'grid', x1: scales.x.map(t.value), x2: scales.x.map(t.value), y1: frame.top, y2: frame.bottom, stroke: '#ddd' })),
      ...yTicks.map((t) => element('line', { class: 'grid', x1: frame.left, x2: frame.right, y1: scales.y.map(t.value), y2: scales.y.map(t.value), stroke: '#ddd' })),
    );
  }
  parts.push(
    element('rect', { class: 'plot-area', x: frame.left, y: frame.top, width: frame.right - frame.left, height: frame.bottom - frame.top, fill: 'none', stroke: '#333' }),
  );
  for (const t of xTicks) {
    const x = scales.x.map(t.value);
    parts.push(
      element('line', { class: 'tick', 'data-axis': 'x', 'data-value': String(t.value), x1: x, x2: x, y1: frame.bottom, y2: frame.bottom + TICK_LENGTH, stroke: '#333' }),
      textElement('text', { class: 'tick-label', 'data-axis': 'x', x, y: frame.bottom + TICK_LENGTH + 12, 'text-anchor': 'middle' }, t.label),
    );
  }
  for (const t of yTicks) {
    const y = scales.y.map(t.value);
    parts.push(
      element('line', { class: 'tick', 'data-axis': 'y', 'data-value': String(t.value), x1: frame.left - TICK_LENGTH, x2: frame.left, y1: y, y2: y, stroke: '#333' }),
      textElement('text', { class: 'tick-label', 'data-axis': 'y', x: frame.left - TICK_LENGTH - 3, y: y + 4, 'text-anchor': 'end' }, t.label),
    );
  }
  if (options.xLabel !== undefined) {
    parts.push(textElement('text', { class: 'axis-label', x: (frame.left + frame.right) / 2, y: frame.height - 6, 'text-anchor': 'middle' }, options.xLabel));
  }
  if (options.yLabel !== undefined) {
    const cx = 14;
    const cy = (frame.top + frame.bottom) / 2;
    parts.push(textElement('text', { class: 'axis-label', x: cx, y: cy, 'text-anchor': 'middle', transform: `rotate(-90 ${svgNumber(cx)} ${svgNumber(cy)})` }, options.yLabel));
  }
  return group({ class: 'axes' }, parts);
}
