import { ratData } from '../../network/dataset.ts';
import { Rational } from '../../numbers/rational.ts';
import { activationRegionsFigure } from './activation-regions.ts';
import { liuLandscapeFigure } from './liu-landscape.ts';
import { liuProbabilityFigure } from './liu-probability.ts';
import { FigureRegistry } from './registry.ts';
import { subglobalHistogramsFigure } from './subglobal-histograms.ts';

/** decomposition, Fig. 1: x1 = [−1, 1], x2 = [2, 1], x3 = [1, 3]. */
const DECOMPOSITION_FIG_1_INPUTS = ratData(
  [
    [-1, 1],
    [2, 1],
    [1, 3],
  ],
  [1, 2, 3],
).inputs;

/** decomposition, Fig. 3: the Fig. 1 inputs with y = 1, 2, 3. */
const DECOMPOSITION_FIG_3_DATA = ratData(
  [
    [-1, 1],
    [2, 1],
    [1, 3],
  ],
  [1, 2, 3],
);

/**
 * The figures of the built-in catalogue. A claim author adds a figure here with
 * `.add(figure, 'paper/claim-id')`; adding one with a planned id replaces its placeholder.
 */
export function builtInFigures(): FigureRegistry {
  return new FigureRegistry()
    .add(
      activationRegionsFigure({
        id: 'decomposition-fig-1',
        title: 'decomposition Fig. 1 — activation regions of one hidden node without bias',
        caption:
          'Weight plane (w1, w2) of one hidden node without bias for x1 = [−1, 1], x2 = [2, 1], x3 = [1, 3]; ' +
          'the lines are wᵀx_i = 0. Exact: the regions were enumerated with arrangementCells (exact rational ' +
          'LP with strict inequalities, inserting one line at a time); each label sits at the region’s exact ' +
          'interior point, scaled along its ray into the view (regions are cones), and gives the signs of ' +
          '(wᵀx1, wᵀx2, wᵀx3). The shaded sectors between consecutive lines were traced separately, in exact ' +
          'angular order, and matched one to one with the enumerated regions.',
        inputs: DECOMPOSITION_FIG_1_INPUTS,
        halfWidth: Rational.of(3),
      }),
      'decomposition/fig-1',
    )
    .add(
      subglobalHistogramsFigure({
        id: 'decomposition-fig-3',
        title: 'decomposition Fig. 3 — histograms of subglobal minimum losses for h = 1…4 hidden nodes',
        caption:
          'Data x1 = [−1, 1], y1 = 1; x2 = [2, 1], y2 = 2; x3 = [1, 3], y3 = 3; one hidden layer of h ReLU nodes, ' +
          'no biases, loss ½Σ(f(x_i) − y_i)². Every activation region (an ordered h-tuple of the six regions of ' +
          'one node, 6^h in all) has its subglobal minimum, the least-squares minimum of eq. (4) with those ' +
          'activations; the bars show, per exact loss value on the x-axis, the share of the 6^h regions attaining ' +
          'it (the number above a bar is the exact count). Exact: one rational least-squares solve (Moore–Penrose) ' +
          'per set of distinct node regions, ordered tuples counted as surjections |T|!·S(h, |T|); cross-checked ' +
          'against one solve per ordered tuple in the tests. Green: the global minimum of the h-node network; ' +
          'orange: poor subglobal minima. The paper’s own figure is not in the text, so its bars cannot be compared.',
        data: DECOMPOSITION_FIG_3_DATA,
        options: { bias: false, outputBias: false, normalisation: 'half-sum' },
        units: 4,
      }),
      'decomposition/fig-3',
    )
    .add(
      liuLandscapeFigure({
        id: 'liu-fig-2',
        title: 'liu Fig. 2 — loss landscape of the two-sample example (y2 = 1 and y2 = −1)',
        caption:
          'One bias-free ReLU unit with z = 1 on x1 = (1, 0), x2 = (0, 1); colour is the loss ' +
          'L(w) = ½Σ([w·x_i]_+ − y_i)², computed exactly in rationals at the centre of each of 40 × 40 grid cells ' +
          'over [−2, 2]² (shown as floats). White lines: the cell boundaries w·x_i = 0. Per cell, the label is the ' +
          'exact minimal loss (1/N)‖AA⁺y − y‖² (or “no minimum” when the genuineness LP finds no minimiser in the ' +
          'cell); the orange marks are the exact minimiser set A⁺y + ker A ' +
          '(subglobalMinimum, Moore–Penrose over the rationals), drawn where the exact genuineness LP finds it ' +
          'inside the cell: the dashed outline is a plateau (A = 0), lines and points are clipped exactly to the ' +
          'closed cell. White dashed lines and hollow circles are minimisers of a cell’s quadratic that lie outside ' +
          'the cell: in (b) the point (1, −1) of the upper-right cell and the line w2 = −1 of the upper-left cell.',
      }),
      'liu/example-appendix-b',
    )
    .add(
      liuProbabilityFigure({
        id: 'liu-fig-4',
        title: 'liu Fig. 4(b) — probability that a genuine local minimum exists, against the position of w₁ (w₂ at 0)',
        caption:
          'Two Gaussian classes with means ±1 and unit variance, equal priors, N = 100; w₁ (normal +i) at x_w1, w₂ (normal −i) ' +
          'at 0. Lines: the paper’s formulas, evaluated in decimal.js at 40 digits (Φ by its series with guard digits) every 0.05 (a grid containing every Monte Carlo position, so the sharp peak near 0.75 is drawn at its height): ' +
          'x_{w*} by (24) with (E.9)–(E.10), P(gap) by (E.7), and (25) for w₁’s gap alone (solid; what Fig. 4(b) describes) ' +
          'and for both gaps (dashed; w₂ at 0 is not at its own optimum x_{w2*}, so its gap keeps a fixed, sizeable probability ' +
          'and this curve stays near 0). ' +
          'Marks: seeded Monte Carlo (seed 0, the run of the claim’s check), 20000 trials of N samples, the same trials at every ' +
          'x_w1 ∈ {0, 0.25, …, 6}. Circles: trials with no sample in w₁’s gap — the event (25) counts. ' +
          'Diamonds: trials in which the minimiser of the trial’s own loss in h₁ (mean of x − y over Ω₁) lies in w₁’s cell, ' +
          'i.e. the cell really holds a local minimum; that minimiser moves with the sample, (25) uses the population one. ' +
          'Hover a mark for its counts.',
        curvePositions: Array.from({ length: 121 }, (_, k) => (k / 20).toString()),
        experiment: { positions: Array.from({ length: 25 }, (_, k) => (k / 4).toString()), fixedPosition: '0', samples: 100, trials: 20_000, formulaSamples: 200_000, seed: 0 },
      }),
      'liu/probability',
    );
}
