import { ratData } from '../../network/dataset.ts';
import { Rational } from '../../numbers/rational.ts';
import { activationRegionsFigure } from './activation-regions.ts';
import { FigureRegistry } from './registry.ts';

/** decomposition, Fig. 1: x1 = [−1, 1], x2 = [2, 1], x3 = [1, 3]. */
const DECOMPOSITION_FIG_1_INPUTS = ratData(
  [
    [-1, 1],
    [2, 1],
    [1, 3],
  ],
  [1, 2, 3],
).inputs;

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
    .plan({
      id: 'decomposition-fig-3',
      title: 'decomposition Fig. 3 — histograms of subglobal minimum losses for h = 1…4 hidden nodes',
      claim: 'decomposition/fig-3',
      needs: 'the subglobal-minimum evaluator (the bias-free block system of eq. (7) per activation pattern)',
    })
    .plan({
      id: 'liu-fig-2',
      title: 'liu Fig. 2 — loss landscape of the two-sample example (y2 = 1 and y2 = −1)',
      claim: 'liu/example-appendix-b',
      needs: 'the cell-wise loss evaluator of the Appendix B example',
    })
    .plan({
      id: 'liu-fig-4',
      title: 'liu Fig. 4 — probability that local minima exist, against the positions of two weight vectors',
      claim: 'liu/probability',
      needs: 'the probability evaluators of §7.2 and App. E.2 (eq. (25), (E.7)–(E.10)) and their Monte Carlo comparison',
    });
}
