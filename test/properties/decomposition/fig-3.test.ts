import { describe, expect, it } from 'vitest';
import fig3 from '../../../properties/decomposition/fig-3.ts';
import { runReproduction, runReproductionCheck } from '../../../src/claims/reproduction-runner.ts';
import type { PropertyCheck, ReproductionCheck } from '../../../src/claims/claim.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { globalMinimumShare, shareAbove, subglobalMinimaEnumeration } from '../../../src/landscape/subglobal-minima-enumeration.ts';
import { Rational } from '../../../src/numbers/rational.ts';

const reproduce = fig3.checks.find((c): c is ReproductionCheck => c.kind === 'reproduction')!;
const property = (name: RegExp): PropertyCheck => fig3.checks.find((c): c is PropertyCheck => c.kind === 'property' && name.test(c.name))!;

describe('decomposition/fig-3', () => {
  it('declares --max-h (default 5) and reproduces the paper’s statements at the default', async () => {
    expect(reproduce.parameters).toEqual({ 'max-h': { description: 'largest number of hidden nodes h', default: 5, min: 1, max: 12 } });
    const result = await runReproductionCheck(reproduce);
    expect(result.verdict).toBe('reproduced');
    // One subset row per consecutive pair h, h + 1.
    expect(result.table!.filter((r) => r.quantity.includes('missing among'))).toHaveLength(4);
  });

  it('data: the exact histograms per h; h = 2 by hand: 14 of the 36 regions interpolate', async () => {
    const { data, result } = await runReproduction(reproduce, { 'max-h': 2 });
    expect(result.verdict).toBe('reproduced');
    expect(data).toEqual({
      '1': ['4/25', '1/2', '2', '5', '13/2', '7'].map((loss) => ({ loss, regions: 1 })),
      '2': [
        { loss: '0', regions: 14 },
        { loss: '4/25', regions: 3 },
        { loss: '1/2', regions: 5 },
        { loss: '2', regions: 5 },
        { loss: '9/2', regions: 2 },
        { loss: '5', regions: 3 },
        { loss: '13/2', regions: 3 },
        { loss: '7', regions: 1 },
      ],
    });
  });

  it('the generalising checks pass on a tuple with a repeated unit region and on the two-point example', async () => {
    const twoPoints = ratData([['2/3'], ['-3/2']], [2, -2]);
    const tuple = property(/distinct unit regions/).evaluate({ data: twoPoints, bias: false, outputBias: false, units: 3, picks: [1, 1, 0] });
    expect(tuple.status).toBe('pass');
    const levels = property(/fixed loss level/).evaluate({ data: twoPoints, bias: false, outputBias: false });
    expect(levels.status).toBe('pass');
  });

  it('the literal reading (poor = above the h-node network’s own global minimum) fails on the two-point example', async () => {
    // x1 = 2/3 → 2, x2 = −3/2 → −2, no biases: one node fits one of the points, leaving ½·2² = 2 in both regions.
    const e = subglobalMinimaEnumeration(ratData([['2/3'], ['-3/2']], [2, -2]), { bias: false, outputBias: false, normalisation: 'half-sum', maxUnits: 2 });
    const [h1, h2] = e.byUnits;
    expect(globalMinimumShare(h1!).equals(Rational.ONE)).toBe(true); // no poor region at h = 1
    expect(globalMinimumShare(h2!).equals(Rational.of(1, 2))).toBe(true); // half are poor at h = 2
    // At the fixed level 0 the share above it falls: 1 → 1/2.
    expect([shareAbove(h1!, Rational.ZERO), shareAbove(h2!, Rational.ZERO)].map(String)).toEqual(['1', '1/2']);
  });
});
