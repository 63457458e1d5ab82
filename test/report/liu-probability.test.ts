import { describe, expect, it } from 'vitest';
import { liuTwoWeightProbability } from '../../src/landscape/liu-probability.ts';
import { builtInFigures } from '../../src/report/figures/built-in.ts';
import { liuProbabilityData, renderLiuProbability, type LiuProbabilitySpec } from '../../src/report/figures/liu-probability.ts';
import { findAll, parseMarkup, type XmlElement } from './html-xml.ts';

/** A small version of the figure: 7 curve points, 4 Monte Carlo positions, 400 trials. */
const SMALL: LiuProbabilitySpec = {
  curvePositions: ['0', '1', '2', '3', '4', '5', '6'],
  experiment: { positions: ['0', '0.75', '3', '6'], fixedPosition: '0', samples: 100, trials: 400, formulaSamples: 100, seed: 1 },
};

const byClass = (root: XmlElement, tag: string, name: string): XmlElement[] => findAll(root, tag, name);

describe('liu Fig. 4(b): probability of a genuine local minimum against x_w1', () => {
  const data = liuProbabilityData(SMALL);
  const svg = renderLiuProbability(data, 'test');
  const root = parseMarkup(svg).children[0] as XmlElement;

  it('the analytic curves are (1 − P(g_1))^N and (1 − P_g)^N at the curve positions', () => {
    expect(data.ownGap.map(([x]) => x)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    data.ownGap.forEach(([x, y], k) => {
      const r = liuTwoWeightProbability(String(x), '0', 100);
      expect(y).toBe(r.trappedPerWeight[0].toNumber());
      expect(data.bothGaps[k]![1]).toBe(r.trapped.toNumber());
      expect(data.bothGaps[k]![1]).toBeLessThanOrEqual(y);
    });
  });

  it('draws both curves and one mark per Monte Carlo position and series', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(byClass(root, 'path', 'analytic-own')).toHaveLength(1);
    expect(byClass(root, 'path', 'analytic-both')).toHaveLength(1);
    expect(byClass(root, 'g', 'mc-empty-gap')).toHaveLength(4);
    expect(byClass(root, 'g', 'mc-genuine')).toHaveLength(4);
    const ownPath = byClass(root, 'path', 'analytic-own')[0]!.attributes.d ?? '';
    expect(ownPath.match(/[ML]/g)).toHaveLength(7);
  });

  it('Monte Carlo marks are frequencies of the stated trials', () => {
    for (const p of [...data.emptyGap, ...data.genuine]) {
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(1);
      expect(Number.isInteger(p.y * 400)).toBe(true);
    }
    // Far from the data no sample reaches w_1's region: its cell is a plateau in every trial.
    expect(data.genuine[3]!.y).toBe(1);
  });

  it('is registered for liu/probability in place of the planned figure', () => {
    const registry = builtInFigures();
    expect(registry.figures().find((f) => f.figure.id === 'liu-fig-4')?.claim).toBe('liu/probability');
    expect(registry.planned().some((p) => p.id === 'liu-fig-4')).toBe(false);
  });
});
