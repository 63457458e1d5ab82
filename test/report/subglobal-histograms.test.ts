import { describe, expect, it } from 'vitest';
import { ratData } from '../../src/network/dataset.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { builtInFigures } from '../../src/report/figures/built-in.ts';
import { subglobalHistograms } from '../../src/report/figures/subglobal-histograms.ts';
import { findAll, parseMarkup, textOf, type XmlElement } from './html-xml.ts';

function renderFig3(): XmlElement {
  const registry = builtInFigures();
  expect(registry.planned().map((p) => p.id)).not.toContain('decomposition-fig-3');
  const entry = registry.figures().find((f) => f.figure.id === 'decomposition-fig-3')!;
  expect(entry.claim).toBe('decomposition/fig-3');
  expect(entry.figure.basis).toBe('exact');
  const root = parseMarkup(entry.figure.render());
  expect(root.children).toHaveLength(1);
  return root.children[0] as XmlElement;
}

describe('decomposition Fig. 3: histograms of the subglobal minima', () => {
  const svg = renderFig3();
  const panels = findAll(svg, 'g', 'histogram-panel');

  it('draws one panel per h = 1 … 4 with non-empty bars whose exact counts sum to 6^h', () => {
    expect(svg.name).toBe('svg');
    expect(panels.map((p) => p.attributes['data-units'])).toEqual(['1', '2', '3', '4']);
    panels.forEach((panel, k) => {
      const bars = findAll(panel, 'rect', 'bar').filter((b) => Number(b.attributes['data-value']) > 0);
      expect(bars.length).toBeGreaterThan(0);
      const counts = findAll(panel, 'g', 'bar-count').map((g) => BigInt(textOf(findAll(g, 'text')[0]!)));
      expect(counts).toHaveLength(bars.length);
      expect(counts.reduce((s, c) => s + c, 0n)).toBe(6n ** BigInt(k + 1));
    });
    // h = 1: the six regions of one node have six different values, one region each.
    expect(findAll(panels[0]!, 'rect', 'bar').filter((b) => Number(b.attributes['data-value']) > 0)).toHaveLength(6);
  });

  it('bar heights are proportional to the region shares, the same scale in every panel', () => {
    const bars = panels.flatMap((panel) => findAll(panel, 'rect', 'bar').filter((b) => Number(b.attributes['data-value']) > 0));
    const tallest = bars.reduce((a, b) => (Number(b.attributes.height) > Number(a.attributes.height) ? b : a));
    const pixelsPerShare = Number(tallest.attributes.height) / Number(tallest.attributes['data-value']);
    // Coordinates are written to 0.01 px.
    for (const b of bars) expect(Math.abs(Number(b.attributes.height) - pixelsPerShare * Number(b.attributes['data-value']))).toBeLessThan(0.02);
  });

  it('labels the shared value axis with exact losses, the same columns in every panel', () => {
    const labels = panels.map((p) => findAll(p, 'text', 'category-label').map(textOf));
    expect(labels[0]).toEqual(['0', '4/25', '1/2', '2', '9/2', '5', '13/2', '7']);
    for (const l of labels) expect(l).toEqual(labels[0]);
  });
});

describe('subglobalHistograms', () => {
  it('two points on a line: h = 1 reaches only 2, h = 2 adds the interpolating 0 (hand-computed)', () => {
    // x1 = 2/3 → 2, x2 = −3/2 → −2: one bias-free node fits one point, leaving ½·2² = 2.
    const data = ratData([['2/3'], ['-3/2']], [2, -2]);
    const { values, panels } = subglobalHistograms(data, { bias: false, outputBias: false, normalisation: 'half-sum' }, 2);
    expect(values.map(String)).toEqual(['0', '2']);
    expect(panels[0]!.bars.map((b) => (b === null ? null : `${b.regions}/${panels[0]!.totalRegions}`))).toEqual([null, '2/2']);
    expect(panels[1]!.bars.map((b) => b!.share)).toEqual([Rational.of(1, 2), Rational.of(1, 2)]);
  });
});
