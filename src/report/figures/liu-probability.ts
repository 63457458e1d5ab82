import type { Basis } from '../../claims/basis.ts';
import { liuProbabilityExperiment, type LiuExperimentOptions } from '../../landscape/liu-probability-experiment.ts';
import { liuTwoWeightProbability } from '../../landscape/liu-probability.ts';
import { axes } from '../svg-axes.ts';
import { group, svgDocument } from '../svg-element.ts';
import { plotFrame, plotScales } from '../svg-frame.ts';
import { legend } from '../svg-legend.ts';
import { linePlot, type LinePoint } from '../svg-line.ts';
import { markers, type MarkedPoint } from '../svg-markers.ts';
import type { Figure } from './figure.ts';

/** What Fig. 4(b) shows, computed: analytic curves on a fine grid, Monte Carlo frequencies on a coarse one. */
export interface LiuProbabilityData {
  /** (x_w1, (1 − P(g_1))^N): w_1's own gap. */
  readonly ownGap: readonly (readonly [number, number])[];
  /** (x_w1, (1 − P(g_1 ∪ g_2))^N): (25)–(26) with both gaps. */
  readonly bothGaps: readonly (readonly [number, number])[];
  /** Fraction of trials with no sample in g_1. */
  readonly emptyGap: readonly MarkedPoint[];
  /** Fraction of trials whose own least-squares x_{w1*} lies in w_1's cell. */
  readonly genuine: readonly MarkedPoint[];
  readonly trials: number;
  readonly samples: number;
}

export interface LiuProbabilitySpec {
  /** Fine grid of the analytic curves (decimal strings). */
  readonly curvePositions: readonly string[];
  readonly experiment: LiuExperimentOptions;
}

export function liuProbabilityData(spec: LiuProbabilitySpec): LiuProbabilityData {
  const { experiment } = spec;
  const curve = spec.curvePositions.map((x) => ({ x: Number(x), r: liuTwoWeightProbability(x, experiment.fixedPosition, experiment.samples) }));
  const points = liuProbabilityExperiment(experiment);
  const fraction = (hits: number, trials: number, what: string, x: string): MarkedPoint => ({
    x: Number(x),
    y: hits / trials,
    note: `x_w1 = ${x}: ${hits} of ${trials} trials ${what}`,
  });
  return {
    ownGap: curve.map(({ x, r }) => [x, r.trappedPerWeight[0].toNumber()] as const),
    bothGaps: curve.map(({ x, r }) => [x, r.trapped.toNumber()] as const),
    emptyGap: points.map((p) => fraction(p.trials.emptyGap[0], p.trials.trials, 'with no sample in g_1', p.position)),
    genuine: points.map((p) => fraction(p.trials.genuine[0], p.trials.trials, 'with the minimiser of their own loss in w_1’s cell', p.position)),
    trials: experiment.trials,
    samples: experiment.samples,
  };
}

const OWN = '#0072B2';
const BOTH = '#009E73';
const EMPTY = '#0072B2';
const GENUINE = '#D55E00';

export function renderLiuProbability(data: LiuProbabilityData, title: string): string {
  const width = 560;
  const height = 420;
  const frame = plotFrame(width, height - 70, { top: 16, right: 16, bottom: 44, left: 56 });
  const xs = data.ownGap.map(([x]) => x);
  const scales = plotScales(frame, [Math.min(...xs), Math.max(...xs)], [0, 1]);
  const line = (pts: readonly (readonly [number, number])[]): LinePoint[] => pts.map(([x, y]) => [x, y] as const);
  return svgDocument(
    { width, height, title, description: 'probability of a genuine local minimum against the position of w_1, analytic and Monte Carlo', attributes: { class: 'figure-svg' } },
    [
      axes(frame, scales, { xLabel: 'x_w1 (x_w2 = 0)', yLabel: 'probability', grid: true }),
      group({ class: 'analytic' }, [
        linePlot(line(data.ownGap), scales, { stroke: OWN, strokeWidth: 2, series: 'own-gap', className: 'line analytic-own' }),
        linePlot(line(data.bothGaps), scales, { stroke: BOTH, strokeWidth: 2, dash: '6 4', series: 'both-gaps', className: 'line analytic-both' }),
      ]),
      group({ class: 'monte-carlo' }, [
        markers(data.emptyGap, scales, { shape: 'circle', size: 4, fill: 'none', stroke: EMPTY, series: 'empty-gap', className: 'marker mc-empty-gap' }),
        markers(data.genuine, scales, { shape: 'diamond', size: 4, fill: GENUINE, series: 'genuine', className: 'marker mc-genuine' }),
      ]),
      legend(
        [
          { label: `(1 − P(g₁))^N, N = ${data.samples} (analytic, w₁’s gap)`, color: OWN, kind: 'line' },
          { label: '(1 − P(g₁ ∪ g₂))^N (analytic, both gaps)', color: BOTH, kind: 'line', dash: '6 4' },
          { label: `no sample in g₁ (${data.trials} trials)`, color: EMPTY, kind: 'marker', shape: 'circle' },
          { label: `own minimiser in w₁’s cell (${data.trials} trials)`, color: GENUINE, kind: 'marker', shape: 'diamond' },
        ],
        frame.left,
        height - 68,
      ),
    ],
  );
}

/** Liu Fig. 4(b), computed when rendered. */
export function liuProbabilityFigure(spec: LiuProbabilitySpec & { readonly id: string; readonly title: string; readonly caption: string }): Figure {
  const basis: Basis = 'evidence';
  return { id: spec.id, title: spec.title, caption: spec.caption, basis, render: () => renderLiuProbability(liuProbabilityData(spec), spec.title) };
}
