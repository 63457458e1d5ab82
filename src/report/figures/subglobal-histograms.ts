import type { Basis } from '../../claims/basis.ts';
import type { Dataset } from '../../network/dataset.ts';
import { Rational } from '../../numbers/rational.ts';
import type { SubglobalMinimumOptions } from '../../landscape/subglobal-minimum.ts';
import { subglobalMinimaEnumeration, type UnitCountMinima } from '../../landscape/subglobal-minima-enumeration.ts';
import { axes } from '../svg-axes.ts';
import { barMarks, bandSlots } from '../svg-bars.ts';
import { categoryColor } from '../svg-color.ts';
import { group, svgDocument, textElement } from '../svg-element.ts';
import { plotFrame, type PlotFrame } from '../svg-frame.ts';
import { linearScale, niceTicks } from '../svg-scale.ts';
import type { Figure } from './figure.ts';

/** One bar: a subglobal minimum value at h units and the exact share of regions attaining it. */
export interface HistogramBar {
  readonly loss: Rational;
  readonly regions: bigint;
  /** regions / cells^h, exact. */
  readonly share: Rational;
}

/** The histogram of one network size over the common value axis (absent values have no bar). */
export interface HistogramPanel {
  readonly units: number;
  readonly totalRegions: bigint;
  /** One entry per common value; null where h units do not attain it. */
  readonly bars: readonly (HistogramBar | null)[];
}

export interface SubglobalHistograms {
  /** Every value attained for some h shown, ascending: the shared x-axis, so a value keeps its column. */
  readonly values: readonly Rational[];
  readonly panels: readonly HistogramPanel[];
}

/** The exact histograms for h = 1 … units on a common value axis. */
export function subglobalHistograms(data: Dataset, options: SubglobalMinimumOptions, units: number): SubglobalHistograms {
  const e = subglobalMinimaEnumeration(data, { ...options, maxUnits: units });
  const all = new Map<string, Rational>();
  for (const m of e.byUnits) for (const x of m.minima) all.set(x.loss.toString(), x.loss);
  const values = [...all.values()].sort((a, b) => a.compare(b));
  return { values, panels: e.byUnits.map((m) => panelOf(m, values)) };
}

function panelOf(m: UnitCountMinima, values: readonly Rational[]): HistogramPanel {
  const bars = values.map((v) => {
    const hit = m.minima.find((x) => x.loss.equals(v));
    return hit === undefined ? null : { loss: v, regions: hit.regions, share: Rational.of(hit.regions, m.regions) };
  });
  return { units: m.units, totalRegions: m.regions, bars };
}

const PANEL = { width: 430, height: 200 };
const MARGINS = { top: 26, right: 12, bottom: 40, left: 52 };
const COLUMNS = 2;

/** Bars of the network's global minimum (the smallest value at that h) and of the poor values. */
const RICH = categoryColor(2);
const POOR = categoryColor(5);

function renderPanel(panel: HistogramPanel, values: readonly Rational[], frame: PlotFrame): string {
  const y = linearScale([0, 1], [frame.bottom, frame.top]);
  const best = panel.bars.find((b) => b !== null)?.loss;
  const bars = panel.bars.map((b, k) => ({
    label: values[k]!.toString(),
    value: b === null ? 0 : b.share.toNumber(),
    fill: b !== null && best !== undefined && b.loss.equals(best) ? RICH : POOR,
  }));
  const slots = bandSlots(frame, values.length);
  // Exact counts above the bars (tiny shares stay readable), with the exact share as a tooltip.
  const counts = panel.bars.flatMap((b, k) =>
    b === null
      ? []
      : [
          group({ class: 'bar-count' }, [
            textElement('title', {}, `loss ${b.loss}: ${b.regions} of ${panel.totalRegions} regions (share ${b.share})`),
            textElement(
              'text',
              { x: slots[k]!.center, y: y.map(b.share.toNumber()) - 4, 'text-anchor': 'middle', 'font-size': 10, fill: '#333' },
              String(b.regions),
            ),
          ]),
        ],
  );
  const scales = { x: linearScale([0, 1], [frame.left, frame.right]), y };
  return group({ class: 'histogram-panel', 'data-units': String(panel.units) }, [
    axes(frame, scales, { xTicks: [], yTicks: niceTicks(0, 1, 5), xLabel: 'subglobal minimum loss', yLabel: 'share of regions' }),
    barMarks(bars, frame, y, { series: `h=${panel.units}` }),
    group({ class: 'bar-counts' }, counts),
    textElement(
      'text',
      { class: 'panel-title', x: (frame.left + frame.right) / 2, y: frame.top - 9, 'text-anchor': 'middle', 'font-weight': 'bold' },
      `h = ${panel.units}: ${panel.totalRegions} regions`,
    ),
  ]);
}

/** Small multiples, two per row: one histogram per h on the common value axis. */
export function renderSubglobalHistograms(histograms: SubglobalHistograms, title: string): string {
  const rows = Math.ceil(histograms.panels.length / COLUMNS);
  const frame = plotFrame(PANEL.width, PANEL.height, MARGINS);
  const panels = histograms.panels.map((panel, k) =>
    group({ transform: `translate(${(k % COLUMNS) * PANEL.width} ${Math.floor(k / COLUMNS) * PANEL.height})` }, [
      renderPanel(panel, histograms.values, frame),
    ]),
  );
  const legendY = rows * PANEL.height + 14;
  const legend = group({ class: 'legend' }, [
    textElement('text', { x: MARGINS.left, y: legendY, fill: RICH, 'font-weight': 'bold' }, '■ global minimum of the h-node network'),
    textElement('text', { x: MARGINS.left + 300, y: legendY, fill: POOR, 'font-weight': 'bold' }, '■ poor subglobal minima'),
    textElement('text', { x: MARGINS.left + 540, y: legendY, fill: '#333' }, 'x: exact loss value; number: regions'),
  ]);
  return svgDocument(
    {
      width: COLUMNS * PANEL.width,
      height: rows * PANEL.height + 24,
      title,
      description: `histograms of the subglobal minimum losses for h = 1 … ${histograms.panels.length}`,
      attributes: { class: 'figure-svg' },
    },
    [...panels, legend],
  );
}

export interface SubglobalHistogramsFigureSpec {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly data: Dataset;
  readonly options: SubglobalMinimumOptions;
  /** h = 1 … units. */
  readonly units: number;
}

/** The figure of decomposition Fig. 3 (or any small dataset); computed exactly when rendered. */
export function subglobalHistogramsFigure(spec: SubglobalHistogramsFigureSpec): Figure {
  const basis: Basis = 'exact';
  return {
    id: spec.id,
    title: spec.title,
    caption: spec.caption,
    basis,
    render: () => renderSubglobalHistograms(subglobalHistograms(spec.data, spec.options, spec.units), spec.title),
  };
}
