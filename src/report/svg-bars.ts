import { element, group, textElement } from './svg-element.ts';
import type { PlotFrame, PlotScales } from './svg-frame.ts';
import type { Interval, LinearScale } from './svg-scale.ts';

/** A histogram bin [lo, hi) (the last one closed) with the number of values in it. */
export interface Bin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/** `count` equal bins over [lo, hi]: count + 1 edges, the last exactly hi. */
export function equalWidthEdges([lo, hi]: Interval, count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`bin count must be a positive integer, got ${count}`);
  if (!(lo < hi)) throw new RangeError(`bin range must have lo < hi, got [${lo}, ${hi}]`);
  return Array.from({ length: count + 1 }, (_, k) => (k === count ? hi : lo + ((hi - lo) * k) / count));
}

/** Counts per bin for increasing edges; a value outside [first edge, last edge] is an error, not dropped. */
export function histogramBins(values: readonly number[], edges: readonly number[]): Bin[] {
  if (edges.length < 2) throw new RangeError(`histogram needs at least two edges, got ${edges.length}`);
  edges.forEach((e, k) => {
    if (!Number.isFinite(e)) throw new RangeError(`edges[${k}] must be finite, got ${e}`);
    if (k > 0 && !(e > edges[k - 1]!)) throw new RangeError(`edges must increase: edges[${k}] = ${e} after ${edges[k - 1]}`);
  });
  const counts = new Array<number>(edges.length - 1).fill(0);
  const last = edges.length - 1;
  values.forEach((v, i) => {
    if (!Number.isFinite(v) || v < edges[0]! || v > edges[last]!) {
      throw new RangeError(`values[${i}] = ${v} is outside the histogram range [${edges[0]}, ${edges[last]}]`);
    }
    // The bin k with edges[k] ≤ v < edges[k+1]; v equal to the last edge goes into the last bin.
    let k = 0;
    while (k < last - 1 && v >= edges[k + 1]!) k++;
    counts[k]!++;
  });
  return counts.map((count, k) => ({ lo: edges[k]!, hi: edges[k + 1]!, count }));
}

export interface BarStyle {
  readonly fill?: string;
  readonly stroke?: string;
  readonly className?: string;
  readonly series?: string;
}

/** Histogram bars from the x-axis (y = 0) to each bin's count, one `rect.bar` per bin (empty bins too). */
export function histogramMarks(bins: readonly Bin[], scales: PlotScales, style: BarStyle = {}): string {
  const base = scales.y.map(0);
  return group(
    { class: 'histogram', 'data-series': style.series },
    bins.map((b) => {
      const x0 = scales.x.map(b.lo);
      const x1 = scales.x.map(b.hi);
      const top = scales.y.map(b.count);
      return element('rect', {
        class: style.className ?? 'bar',
        'data-count': String(b.count),
        x: Math.min(x0, x1),
        y: Math.min(base, top),
        width: Math.abs(x1 - x0),
        height: Math.abs(base - top),
        fill: style.fill ?? '#0072B2',
        stroke: style.stroke ?? '#fff',
      });
    }),
  );
}

/** A labelled category's value, e.g. a loss value and how many regions attain it. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly fill?: string;
}

/** The horizontal slot of each of n categories across the plot area (bars take `fill` of their slot). */
export function bandSlots(frame: PlotFrame, count: number, fill = 0.7): { center: number; width: number }[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`category count must be a positive integer, got ${count}`);
  const slot = (frame.right - frame.left) / count;
  return Array.from({ length: count }, (_, k) => ({ center: frame.left + slot * (k + 0.5), width: slot * fill }));
}

/** Categorical bars on a value scale (y), each with its label under the axis. */
export function barMarks(bars: readonly Bar[], frame: PlotFrame, y: LinearScale, style: BarStyle = {}): string {
  const slots = bandSlots(frame, bars.length);
  const base = y.map(0);
  return group(
    { class: 'bar-chart', 'data-series': style.series },
    bars.flatMap((bar, k) => {
      const { center, width } = slots[k]!;
      const top = y.map(bar.value);
      return [
        element('rect', {
          class: style.className ?? 'bar',
          'data-label': bar.label,
          'data-value': String(bar.value),
          x: center - width / 2,
          y: Math.min(base, top),
          width,
          height: Math.abs(base - top),
          fill: bar.fill ?? style.fill ?? '#0072B2',
          stroke: style.stroke,
        }),
        textElement('text', { class: 'category-label', x: center, y: frame.bottom + 17, 'text-anchor': 'middle' }, bar.label),
      ];
    }),
  );
}
