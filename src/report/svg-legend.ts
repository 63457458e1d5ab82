import { element, group, textElement } from './svg-element.ts';
import { sequentialColor } from './svg-color.ts';
import { markerShape, type MarkerShape } from './svg-markers.ts';
import type { Interval } from './svg-scale.ts';
import { linearScale, niceTicks } from './svg-scale.ts';

/** One legend line: a swatch of the series' kind and colour, then its label. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly kind: 'line' | 'box' | 'marker';
  readonly shape?: MarkerShape;
  readonly dash?: string;
}

const ROW_HEIGHT = 16;

function swatch(entry: LegendEntry, x: number, y: number): string {
  switch (entry.kind) {
    case 'line':
      return element('line', { x1: x, x2: x + 18, y1: y, y2: y, stroke: entry.color, 'stroke-width': 2, 'stroke-dasharray': entry.dash });
    case 'box':
      return element('rect', { x, y: y - 5, width: 18, height: 10, fill: entry.color, stroke: '#333', 'stroke-width': 0.5 });
    case 'marker':
      return markerShape(entry.shape ?? 'circle', x + 9, y, 4, { fill: entry.color });
  }
}

/** A legend box with its top-left corner at (x, y), one `g.legend-entry` per entry. */
export function legend(entries: readonly LegendEntry[], x: number, y: number): string {
  const width = 30 + 7 * Math.max(0, ...entries.map((e) => e.label.length));
  const rows = entries.map((entry, k) => {
    const cy = y + 10 + ROW_HEIGHT * k;
    return group({ class: 'legend-entry' }, [swatch(entry, x + 6, cy), textElement('text', { x: x + 30, y: cy + 4 }, entry.label)]);
  });
  const box = element('rect', { x, y, width, height: ROW_HEIGHT * entries.length + 4, fill: '#fff', 'fill-opacity': 0.85, stroke: '#999' });
  return group({ class: 'legend' }, [box, ...rows]);
}

/**
 * A vertical colour bar for `heatMap`: `steps` stacked swatches from the low end (bottom) to the
 * high end (top) of `domain`, with round ticks on its right.
 */
export function colorBar(domain: Interval, x: number, y: number, width: number, height: number, steps = 32): string {
  const [lo, hi] = domain;
  const swatches = Array.from({ length: steps }, (_, k) =>
    element('rect', { x, y: y + height - ((k + 1) * height) / steps, width, height: height / steps + 0.5, fill: sequentialColor((k + 0.5) / steps) }),
  );
  const parts = [...swatches, element('rect', { x, y, width, height, fill: 'none', stroke: '#333' })];
  if (lo < hi) {
    const scale = linearScale(domain, [y + height, y]);
    for (const t of niceTicks(lo, hi, 5)) {
      const ty = scale.map(t.value);
      parts.push(element('line', { class: 'tick', 'data-axis': 'color', 'data-value': String(t.value), x1: x + width, x2: x + width + 4, y1: ty, y2: ty, stroke: '#333' }));
      parts.push(textElement('text', { class: 'tick-label', x: x + width + 6, y: ty + 4 }, t.label));
    }
  }
  return group({ class: 'color-bar' }, parts);
}
