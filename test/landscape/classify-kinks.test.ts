import { describe, expect, it } from 'vitest';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { relu } from '../../src/network/activation.ts';
import { ratData, type Dataset } from '../../src/network/dataset.ts';
import { cubicHinge, empiricalRisk, squaredError, squaredErrorPoint, type Loss } from '../../src/network/loss.ts';
import { network, type Network } from '../../src/network/network.ts';
import { flattenParameters, unflattenParameters } from '../../src/network/parameters.ts';
import type { Penalty } from '../../src/network/penalty.ts';
import type { Decision } from '../../src/landscape/classification.ts';
import { classifyPoint, type ClassifyOptions } from '../../src/landscape/classify.ts';
import { lossAt, nearbyLosses, realChangeAlong } from './support.ts';

const F = RationalField;
const L = squaredError('sum');

/** x ↦ v·relu(w·x + b) + c on scalar inputs (b, c omitted when null). */
function oneUnit(w: number, b: number | null, v: number, c: number | null = null): Network<Rational> {
  return network(F, {
    layers: [
      { weights: [[q(w)]], bias: b === null ? null : [q(b)], activation: relu(F) },
      { weights: [[q(v)]], bias: c === null ? null : [q(c)] },
    ],
  });
}

/** A ray certificate's sign, re-checked on the real network at a step where its expansion decides. */
function rayChange(d: Decision, net: Network<Rational>, data: Dataset<Rational>, loss: Loss, penalty?: Penalty<Rational>): number | null {
  if (d.certificate?.kind !== 'ray') throw new Error(`expected a ray certificate, got ${d.certificate?.kind}`);
  expect(realChangeAlong(net, data, loss, d.certificate.expansion, penalty).sign()).toBe(d.certificate.expansion.sign);
  return d.certificate.expansion.sign;
}

// (v·relu(w) − 1)² at w = v = 0 for x = 1: flat along the axes, −2ab·t² along (a, b) with a > 0.
const saddleData = ratData([[1]], [1]);

describe('strictness of non-strict extrema', () => {
  it('a linear model that fits its data exactly: zero loss, and the first Hessian null direction is a flat ray', () => {
    const net = network(F, { layers: [{ weights: [[q(1)]], bias: [q(0)] }] });
    const data = ratData([[1]], [1]);
    const c = classifyPoint(net, data, L);
    expect(c.localMin.nonStrict.certificate?.kind).toBe('zero-loss');
    const strict = c.localMin.strict;
    expect(strict.holds).toBe(false);
    expect(strict.basis).toBe('certified');
    expect(strict.reason).toMatch(/constant along a ray from θ: not a strict local minimum/);
    if (strict.certificate?.kind !== 'ray') throw new Error('expected a ray');
    expect(strict.certificate.expansion.sign).toBe(0);
    // The loss (w + b − 1)² is quadratic: a flat null direction keeps it at 0 for every step.
    expect(lossAt(net, data, L, strict.certificate.expansion.direction, q(5)).isZero()).toBe(true);
    // One null direction (already flat) and one Hessian positive direction for the maximum.
    expect(c.directionsTried).toBe(2);
  });

  it('without a flat direction the rescaling curve shows that a zero of the loss is not a strict minimum', () => {
    // relu(w·x + b)·v = x at w = v = 1, b = 0 on x = 1, 2: zero loss, no pre-activation at 0.
    const net = oneUnit(1, 0, 1);
    const data = ratData([[1], [2]], [1, 2]);
    const c = classifyPoint(net, data, L, { nullCombinations: 0 });
    expect(c.differentiable).toBe(true);
    const strict = c.localMin.strict;
    expect(strict.holds).toBe(false);
    expect(strict.reason).toMatch(/^positive homogeneity: unit 0 of hidden layer 1.*not a strict local minimum$/);
    if (strict.certificate?.kind !== 'equal-loss-curve') throw new Error('expected an equal-loss curve');
    const theta = flattenParameters(net);
    for (const p of strict.certificate.curve.points) {
      expect(p.some((v, k) => !v.equals(theta[k]!))).toBe(true);
      expect(empiricalRisk(unflattenParameters(net, p), data, L).isZero()).toBe(true);
    }
    // The Hessian null space is spanned by (1, 0, −1); with no combinations strictness tries ±(1, 0, −1)
    // and ±e_k for the 3 parameters (none flat), and the maximum one Hessian positive direction: 2 + 6 + 1.
    expect(c.directionsTried).toBe(9);
    // By default (24) and with 5 further random combinations of the null direction are tried too.
    expect(classifyPoint(net, data, L).directionsTried).toBeGreaterThan(9);
    const five = classifyPoint(net, data, L, { nullCombinations: 5 }).directionsTried;
    expect(five).toBeGreaterThan(9);
    expect(five).toBeLessThanOrEqual(14);
  });

  it('at a kink: zero loss is a certified minimum, the rescaling curve makes it non-strict, an ascent ray rules out a maximum', () => {
    // x = 0 sits on the unit's kink (b = 0); the fit is exact.
    const net = oneUnit(1, 0, 1);
    const data = ratData([[1], [2], [0]], [1, 2, 0]);
    const c = classifyPoint(net, data, L);
    expect(c.differentiable).toBe(false);
    expect(c.localMin.nonStrict).toMatchObject({ holds: true, basis: 'certified', certificate: { kind: 'zero-loss' } });
    expect(c.localMin.nonStrict.reason).toMatch(/loss is 0 and never negative/);
    expect(c.localMin.strict).toMatchObject({ holds: false, basis: 'certified', certificate: { kind: 'equal-loss-curve' } });
    expect(c.localMin.strict.reason).toMatch(/keeps the loss; not a strict local minimum$/);
    expect(c.localMax.nonStrict).toMatchObject({ holds: false, basis: 'certified' });
    expect(c.localMax.nonStrict.reason).toMatch(/^ascent ray \(order \d+\)$/);
    expect(rayChange(c.localMax.nonStrict, net, data, L)).toBe(1);
    expect(c.localMax.strict).toEqual(c.localMax.nonStrict);
    expect(c.kind).toBe('local-min');
  });

  it('a loss that is 0 and never negative: squared error with λ ≥ 0, the cubic hinge; not with λ < 0', () => {
    const net = oneUnit(0, null, 0);
    const zero = ratData([[1]], [0]);
    for (const lambda of [q(0), q(1)]) {
      const c = classifyPoint(net, zero, L, { penalty: { lambda } });
      expect(c.localMin.nonStrict).toMatchObject({ holds: true, basis: 'certified', certificate: { kind: 'zero-loss' } });
    }
    // With λ = 1 every coordinate ascends and the unit has no weights to rescale: strictness stays open.
    const positive = classifyPoint(net, zero, L, { penalty: { lambda: q(1) } });
    expect(positive.localMin.strict).toMatchObject({ holds: null, basis: 'evidence' });
    expect(positive.localMin.strict.reason).toMatch(/^strictness undecided: no flat ray among \d+ directions and no rescaling curve$/);
    // −‖θ‖² < 0 off θ: the zero is no minimum.
    const negative = classifyPoint(net, zero, L, { penalty: { lambda: q(-1) } });
    expect(negative.localMin.nonStrict.holds).toBe(false);
    expect(rayChange(negative.localMin.nonStrict, net, zero, L, { lambda: q(-1) })).toBe(-1);
    // Cubic hinge max(0, 1 − y·f)³ with f = relu(b)·v + c = 1 at b = 0 (x = 0 is on the kink), y = 1.
    const hinge = cubicHinge('sum');
    const h = classifyPoint(oneUnit(1, 0, 1, 1), ratData([[0]], [1]), hinge);
    expect(h.differentiable).toBe(false);
    expect(h.localMin.nonStrict).toMatchObject({ holds: true, basis: 'certified', certificate: { kind: 'zero-loss' } });
    // Lowering c turns the residual positive: L = t³ along that ray, so the zero is no local maximum.
    expect(h.localMax.nonStrict).toMatchObject({ holds: false, basis: 'certified', certificate: { kind: 'ray' } });
    expect(rayChange(h.localMax.nonStrict, oneUnit(1, 0, 1, 1), ratData([[0]], [1]), hinge)).toBe(1);
  });

  it('a polynomial loss that can be negative gets no zero-loss certificate at its zeros', () => {
    // ℓ(f, y) = f − y: at f = v·relu(w) = 0 = y the loss is 0, and −t² along (1, −1).
    const signed: Loss = {
      point: { ...squaredErrorPoint, name: 'signed error', value: (G, yHat, y) => G.sub(yHat[0]!, y[0]!), gradient: (G) => [G.one], hessian: (G) => [[G.zero]] },
      normalisation: 'sum',
    };
    const net = oneUnit(0, null, 0);
    const data = ratData([[1]], [0]);
    const c = classifyPoint(net, data, signed);
    expect(c.value.isZero()).toBe(true);
    expect(c.kind).toBe('saddle');
    expect(rayChange(c.localMin.nonStrict, net, data, signed)).toBe(-1);
    expect(lossAt(net, data, signed, [q(1), q(-1)], q(1, 8)).sign()).toBe(-1);
  });
});

describe('non-strict extrema at kinks', () => {
  it('a dead second layer makes every neighbouring piece constant: certified both ways, not strict', () => {
    // z₁ = x − 1 = 0 on the kink, z₂ = relu(z₁) − 1 < 0 near θ: the output stays 0 and the loss 1.
    const net = network(F, {
      layers: [
        { weights: [[q(1)]], bias: [q(-1)], activation: relu(F) },
        { weights: [[q(1)]], bias: [q(-1)], activation: relu(F) },
        { weights: [[q(1)]] },
      ],
    });
    const c = classifyPoint(net, saddleData, L);
    expect(c.breakpoints).toHaveLength(1);
    expect(nearbyLosses(net, saddleData, L).every((v) => v.equals(c.value))).toBe(true);
    // One breakpoint: its left and right pieces.
    for (const d of [c.localMin.nonStrict, c.localMax.nonStrict]) {
      expect(d).toMatchObject({ holds: true, basis: 'certified', certificate: { kind: 'locally-constant', regionsChecked: 2 } });
      expect(d.reason).toMatch(/every neighbouring piece is constant/);
    }
    expect(c.localMin.strict.reason).toMatch(/not a strict local minimum$/);
    expect(c.localMax.strict.reason).toMatch(/not a strict local maximum$/);
    expect(c.kind).toBe('locally-constant');
  });

  it('a penalised kink minimum has no certificate: it rests on evidence, and nearby points agree', () => {
    // (v·relu(w) − 1)² + w² + v² ≥ 1 − 2ab·t² + (a² + b²)t² ≥ 1 near 0.
    const penalty = { lambda: q(1) };
    const net = oneUnit(0, null, 0);
    const c = classifyPoint(net, saddleData, L, { penalty });
    expect(c.localMin.nonStrict).toMatchObject({ holds: true, basis: 'evidence' });
    expect(c.localMin.nonStrict.certificate).toBeUndefined();
    expect(c.localMin.nonStrict.reason).toMatch(/^no descent among \d+ directions tried \(no reparametrisation certificate: a weight penalty/);
    expect(c.localMin.strict).toMatchObject({ holds: null, basis: 'evidence' });
    expect(rayChange(c.localMax.nonStrict, net, saddleData, L, penalty)).toBe(1);
    expect(nearbyLosses(net, saddleData, L, { penalty }).every((v) => v.ge(c.value))).toBe(true);
    expect(c.kind).toBe('local-min');
  });

  it('penalised kink maxima rest on evidence: the reparametrisation and piece constancy ignore the penalty', () => {
    const cases: { net: Network<Rational>; penalty: Penalty<Rational> }[] = [
      // (v·relu(w) − 1)² − 2(w² + v²) ≤ 1 + 2a²t² − 4a²t² < 1 (and a ≤ 0 only lowers it).
      { net: oneUnit(0, null, 0), penalty: { lambda: q(-2) } },
      // f = v·relu(w) ≥ 0 near v = 1, so (f − 1)² − w² ≤ 1; without the penalty R(θ) is a certified maximum.
      { net: oneUnit(0, null, 1), penalty: { lambda: q(-1), parameters: [0] } },
      // Dead second layer with output weight a = 0: 1 − a², while every unpenalised piece is constant.
      {
        net: network(F, {
          layers: [
            { weights: [[q(1)]], bias: [q(-1)], activation: relu(F) },
            { weights: [[q(1)]], bias: [q(-1)], activation: relu(F) },
            { weights: [[q(0)]] },
          ],
        }),
        penalty: { lambda: q(-1), parameters: [4] },
      },
    ];
    for (const { net, penalty } of cases) {
      const c = classifyPoint(net, saddleData, L, { penalty });
      expect(c.differentiable).toBe(false);
      expect(c.localMax.nonStrict).toMatchObject({ holds: true, basis: 'evidence' });
      expect(c.localMax.nonStrict.certificate).toBeUndefined();
      expect(c.localMax.nonStrict.reason).toMatch(/^no ascent among \d+ directions tried$/);
      expect(rayChange(c.localMin.nonStrict, net, saddleData, L, penalty)).toBe(-1);
      expect(nearbyLosses(net, saddleData, L, { penalty }).every((v) => v.le(c.value))).toBe(true);
    }
  });

  it('the reparametrisation certifies a kink maximum', () => {
    // f = v·relu(w) ≥ 0 near (w, v) = (0, 1) and (f − 1)² ≤ 1; flat for w < 0.
    const net = oneUnit(0, null, 1);
    const c = classifyPoint(net, saddleData, L);
    expect(c.localMax.nonStrict).toMatchObject({ holds: true, basis: 'certified', certificate: { kind: 'reparametrisation' } });
    const certificate = c.localMax.nonStrict.certificate;
    expect(certificate?.kind === 'reparametrisation' && certificate.casesChecked > 0).toBe(true);
    expect(c.localMax.nonStrict.reason).toMatch(/^R\(θ\) maximises the convex loss/);
    expect(c.localMax.strict.reason).toMatch(/not a strict local maximum$/);
    expect(nearbyLosses(net, saddleData, L).every((v) => v.le(c.value))).toBe(true);
    expect(c.kind).toBe('local-max');
  });
});

describe('the direction search at kinks', () => {
  /** A kink saddle: both rays re-checked, the strict decisions equal the non-strict ones. */
  function expectSaddle(net: Network<Rational>, options: ClassifyOptions): void {
    const c = classifyPoint(net, saddleData, L, options);
    expect(c.differentiable).toBe(false);
    expect(c.kind).toBe('saddle');
    expect(c.basis).toBe('certified');
    expect(c.localMin.nonStrict.reason).toMatch(/^descent ray \(order \d+\)$/);
    expect(rayChange(c.localMin.nonStrict, net, saddleData, L, options.penalty)).toBe(-1);
    expect(rayChange(c.localMax.nonStrict, net, saddleData, L, options.penalty)).toBe(1);
    expect(c.localMin.strict).toEqual(c.localMin.nonStrict);
    expect(c.localMax.strict).toEqual(c.localMax.nonStrict);
  }

  it('the reparametrised failure directions find the descent and the ascent when no other search runs', () => {
    // The coordinate axes are flat; only the reparametrised directions leave them.
    expectSaddle(oneUnit(0, null, 0), { randomDirections: 0, neighbouringPatterns: 0 });
  });

  it("the neighbouring pieces' curvature directions find a descent that every coordinate misses", () => {
    // + (w² + v²)/4: every axis ascends, the active piece's Hessian [[1/2, −2], [−2, 1/2]] has a negative direction.
    expectSaddle(oneUnit(0, null, 0), { penalty: { lambda: q(1, 4) }, randomDirections: 0 });
  });

  it('float-ranked random directions find the kind of ray the structured directions miss', () => {
    const net = oneUnit(0, null, 0);
    // Only the axes are structured: with +(w² + v²)/4 they all ascend, with −(w² + v²)/4 all descend.
    expectSaddle(net, { penalty: { lambda: q(1, 4) }, neighbouringPatterns: 0 });
    expectSaddle(net, { penalty: { lambda: q(-1, 4) }, neighbouringPatterns: 0 });
    // A penalty on v alone: ±e_w flat, ±e_v ascend (descend); the other kind needs the random search.
    expectSaddle(net, { penalty: { lambda: q(1, 2), parameters: [1] }, neighbouringPatterns: 0 });
    expectSaddle(net, { penalty: { lambda: q(-1, 2), parameters: [1] }, neighbouringPatterns: 0 });
  });

  it('the float search follows its seed (default 1)', () => {
    const run = (seed?: number) => classifyPoint(oneUnit(0, null, 0), saddleData, L, { penalty: { lambda: q(1, 4) }, neighbouringPatterns: 0, seed });
    expect(run()).toEqual(run(1));
    const direction = (c: ReturnType<typeof run>) => (c.localMin.nonStrict.certificate?.kind === 'ray' ? c.localMin.nonStrict.certificate.expansion.direction.map(String) : null);
    expect(direction(run(2))).not.toEqual(direction(run(1)));
  });

  it('at a minimum every float-ranked ascent candidate kept (keepRandom, default 8) is checked exactly', () => {
    // No descent exists (the penalised minimum above), so each kept candidate costs one exact ray.
    const tried = (options: ClassifyOptions) => classifyPoint(oneUnit(0, null, 0), saddleData, L, { penalty: { lambda: q(1) }, ...options }).directionsTried;
    const base = tried({ randomDirections: 0 });
    expect(tried({ keepRandom: 1 }) - base).toBe(1);
    expect(tried({ keepRandom: 3 }) - base).toBe(3);
    expect(tried({}) - base).toBe(8);
  });
});

describe('Hessian certificate rays', () => {
  it('are expanded with the penalty: a negative penalty turns a convex loss at 0 into a saddle', () => {
    // Σ(w·x + b)² − (w² + b²) on x = 0, 2: Hessian 2XᵀX − 2I = [[6, 4], [4, 2]] has eigenvalues 4 ± √20.
    const net = network(F, { layers: [{ weights: [[q(0)]], bias: [q(0)] }] });
    const data = ratData([[0], [2]], [0, 0]);
    const penalty = { lambda: q(-1) };
    const c = classifyPoint(net, data, L, { penalty });
    expect(c.kind).toBe('saddle');
    expect(rayChange(c.localMin.nonStrict, net, data, L, penalty)).toBe(-1);
    expect(rayChange(c.localMax.nonStrict, net, data, L, penalty)).toBe(1);
    // One certificate ray for each side.
    expect(c.directionsTried).toBe(2);
  });
});
