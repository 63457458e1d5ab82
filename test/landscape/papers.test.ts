import { describe, expect, it } from 'vitest';
import { arrangementCells } from '../../src/geometry/arrangement.ts';
import type { Sign } from '../../src/geometry/pattern.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { relu } from '../../src/network/activation.ts';
import { ratData } from '../../src/network/dataset.ts';
import { squaredError } from '../../src/network/loss.ts';
import { network } from '../../src/network/network.ts';
import { classifyPoint } from '../../src/landscape/classify.ts';
import { regionActivations } from '../../src/landscape/design-matrix.ts';
import { genuineness } from '../../src/landscape/genuineness.ts';
import { oneHiddenLayerNetwork } from '../../src/landscape/one-hidden-layer.ts';
import { subglobalMinimum } from '../../src/landscape/subglobal-minimum.ts';
import { nearbyLosses, realChangeAlong, str } from './support.ts';

const F = RationalField;
const key = (signs: readonly Sign[]): string => signs.map((s) => (s > 0 ? '+' : '-')).join('');

describe('Liu App. B: one unit, x1 = (1,0), x2 = (0,1), z = 1', () => {
  const options = { bias: false, outputBias: false, normalisation: 'mean' } as const;

  it('four cells with minimal losses 1, ½, ½, 0 and minimiser sets plateau, line, line, point', () => {
    const data = ratData([[1, 0], [0, 1]], [1, 1]);
    const cells = arrangementCells(data.inputs);
    const computed = new Map(
      cells.map((cell) => {
        const m = subglobalMinimum(data, regionActivations([cell.signs]), options);
        // Dimension of the minimiser set: 2 = the whole plane (plateau), 1 = a line, 0 = a point.
        return [key(cell.signs), { value: m.value.toString(), dimension: m.nullBasis.length, minimiser: str(m.minimiser), m }] as const;
      }),
    );
    expect([...computed.keys()].sort()).toEqual(['++', '+-', '-+', '--']);
    expect(computed.get('--')!.value).toBe('1');
    expect(computed.get('--')!.dimension).toBe(2);
    expect(computed.get('+-')!.value).toBe('1/2');
    expect(computed.get('+-')!.dimension).toBe(1);
    expect(computed.get('-+')!.value).toBe('1/2');
    expect(computed.get('-+')!.dimension).toBe(1);
    expect(computed.get('++')!.value).toBe('0');
    expect(computed.get('++')!.dimension).toBe(0);
    // r3 (x1 active only): R* = (1, c₂), the line at distance 1 from x1's hyperplane.
    const r3 = computed.get('+-')!.m;
    expect(str(r3.minimiser)).toEqual(['1', '0']);
    expect(r3.nullBasis[0]![0]!.isZero() && !r3.nullBasis[0]![1]!.isZero()).toBe(true);
    expect(computed.get('++')!.minimiser).toEqual(['1', '1']);
    // With z = 1 and Liu's closed cells every minimiser set meets its cell.
    for (const cell of cells) {
      const g = genuineness(computed.get(key(cell.signs))!.m, [cell.signs], { inactive: 'closed', outputSigns: [1] });
      expect(g.genuine).toBe(true);
    }
  });

  it('with y2 = −1 the unique minimiser of r4 is (1, −1), outside r4 for either sign of z', () => {
    const data = ratData([[1, 0], [0, 1]], [1, -1]);
    const r4: Sign[][] = [[1, 1]];
    const m = subglobalMinimum(data, regionActivations(r4), options);
    expect(m.unique).toBe(true);
    expect(str(m.minimiser)).toEqual(['1', '-1']);
    expect(genuineness(m, r4, { inactive: 'closed' }).genuine).toBe(false);
    expect(genuineness(m, r4).genuine).toBe(false);
    // r4 holds no local minimum of the real loss: its interior point (1, 1) with z = 1 is not critical.
    const c = classifyPoint(oneHiddenLayerNetwork({ weights: [[q(1), q(1)]], biases: null, outputWeights: [q(1)], outputBias: null }), data, squaredError('mean'));
    expect(c.kind).toBe('not-critical');
  });
});

describe('decomposition Fig. 2: f(x) = w2·σ(w1 x), x = (−2, 2), y = (−3, −1), ½Σ loss, points on the line w1 = 0', () => {
  const data = ratData([[-2], [2]], [-3, -1]);
  const loss = squaredError('half-sum');
  const at = (w1: Rational, w2: Rational) => network(F, { layers: [{ weights: [[w1]], activation: relu(F) }, { weights: [[w2]] }] });
  const w2s = ['-2', '-1', '-1/2', '-1/16', '0', '1/16', '1/2', '1', '2'].map((s) => Rational.from(s));

  it('which points of the line are local minima: the classifier and an exact neighbourhood probe agree', () => {
    const localMinima: string[] = [];
    for (const w2 of w2s) {
      const net = at(Rational.ZERO, w2);
      const c = classifyPoint(net, data, loss);
      expect(c.differentiable).toBe(false);
      expect(c.value.equals(q(5))).toBe(true);
      const near = nearbyLosses(net, data, loss, { count: 60, scales: [8, 16] });
      const probeFindsLower = near.some((v) => v.lt(c.value));
      expect(c.localMin.nonStrict.basis).toBe('certified');
      expect(c.localMin.nonStrict.holds).toBe(!probeFindsLower);
      const cert = c.localMin.nonStrict.certificate;
      if (cert?.kind === 'ray') expect(realChangeAlong(net, data, loss, cert.expansion).sign()).toBe(-1);
      if (c.localMin.nonStrict.holds) localMinima.push(w2.toString());
    }
    // Computed: exactly the points with w2 > 0 (non-strict: the loss is 5 all along the line).
    expect(localMinima).toEqual(['1/16', '1/2', '1', '2']);
  });

  it('the rest of the line: (0, 0) descends at second order, and w2 < 0 gives non-strict local maxima', () => {
    const origin = classifyPoint(at(Rational.ZERO, Rational.ZERO), data, loss);
    expect(origin.kind).toBe('saddle');
    const ray = origin.localMin.nonStrict.certificate;
    expect(ray?.kind === 'ray' && ray.expansion.order).toBe(2);
    for (const w2 of w2s.filter((w) => w.sign() <= 0)) {
      const net = at(Rational.ZERO, w2);
      const c = classifyPoint(net, data, loss);
      const near = nearbyLosses(net, data, loss, { count: 60, scales: [8, 16] });
      expect(c.localMax.nonStrict.holds).toBe(near.every((v) => v.le(c.value)));
      expect(c.localMax.strict.holds === true).toBe(false);
    }
    expect(classifyPoint(at(Rational.ZERO, q(-1)), data, loss).kind).toBe('local-max');
  });
});
