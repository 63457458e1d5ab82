import { describe, expect, it } from 'vitest';
import { allConfirmed, anyConfirmed, confirmed, contradicted, unconfirmed } from '../../src/claims/confirmation.ts';
import { compareExactDecimal, decide, failOutside } from '../../src/claims/outcome.ts';
import { confirmDescentRay, confirmGround, confirmGroundAll, confirmLocalExtremum } from '../../src/claims/smt-confirmation.ts';
import { abs, add, mul, real, relu, square, sub } from '../../src/smt/term.ts';

describe('failOutside: only an enclosure that excludes the boundary certifies a failure', () => {
  const enclosure = (lo: string, hi: string) => ({ lo, hi });

  it('fails when the enclosure lies strictly on one side, with the enclosure as certificate', () => {
    const o = failOutside('residual', enclosure('1e-40', '3e-40'), 0, { residual: '2e-40' });
    expect(o).toMatchObject({ status: 'fail', certificate: { kind: 'enclosure', quantity: 'residual', enclosure: '[1e-40, 3e-40]', excludes: '0' } });
    expect(failOutside('r', enclosure('-2', '-1'), 0, {}).status).toBe('fail');
  });

  it('is undecided when the enclosure contains or touches the boundary', () => {
    expect(failOutside('residual', enclosure('-3.6e-45', '3.6e-45'), 0, {})).toEqual({
      status: 'undecided',
      reason: 'the enclosure of residual [-3.6e-45, 3.6e-45] does not exclude 0',
    });
    expect(failOutside('r', enclosure('0', '1'), 0, {}).status).toBe('undecided');
    expect(failOutside('r', enclosure('-1', '0'), 0, {}).status).toBe('undecided');
  });

  it('honours the side the statement needs', () => {
    expect(failOutside('r', enclosure('2', '3'), 1, {}, 'below').status).toBe('undecided');
    expect(failOutside('r', enclosure('2', '3'), 1, {}, 'above').status).toBe('fail');
  });

  it('compares decimal strings exactly where doubles cannot tell them apart', () => {
    expect(compareExactDecimal('0.10000000000000000000001', '0.1')).toBe(1);
    expect(compareExactDecimal('-1e-400', '0')).toBe(-1);
    expect(compareExactDecimal('2.50', '25e-1')).toBe(0);
    // Equal as doubles, different as decimals: the exact comparison decides.
    expect(failOutside('r', enclosure('1.00000000000000000001', '2'), 1, {}).status).toBe('fail');
  });

  it('decide: null is undecided, false a failure, true a pass', () => {
    expect(decide(null, {}, 'no certificate').status).toBe('undecided');
    expect(decide(false, { x: 1 }, 'unused').status).toBe('fail');
    expect(decide(true, {}, 'unused').status).toBe('pass');
  });
});

describe('combining second routes', () => {
  it('allConfirmed needs every part; anyConfirmed takes the first that confirms', () => {
    const yes = confirmed('a', { v: 1 });
    const no = contradicted('b', 'holds there');
    const open = unconfirmed('c', 'gave up');
    expect(allConfirmed('both', [yes, yes]).status).toBe('confirmed');
    expect(allConfirmed('both', [yes, open])).toMatchObject({ status: 'unknown', reason: 'c: gave up' });
    expect(allConfirmed('both', [open, no])).toMatchObject({ status: 'contradicted', reason: 'b: holds there' });
    expect(anyConfirmed([no, yes])).toBe(yes);
    expect(anyConfirmed([open, no]).status).toBe('contradicted');
    expect(() => anyConfirmed([])).toThrow();
  });
});

describe('SMT routes', () => {
  it('confirmGround confirms a true closed fact and is contradicted by a false one', async () => {
    expect((await confirmGround('z3', '!=', () => ({ lhs: add(real('1/2'), real('1/3')), rhs: real('2/5') }), 'sum')).status).toBe('confirmed');
    const c = await confirmGround('z3', '!=', () => ({ lhs: add(real('1/2'), real('1/3')), rhs: real('5/6') }), 'sum');
    expect(c.status).toBe('contradicted');
    const all = await confirmGroundAll('z3', () => [
      { lhs: real(1), relation: '<', rhs: real(2) },
      { lhs: real(3), relation: '>=', rhs: real(4) },
    ], 'two facts');
    expect(all.status).toBe('contradicted');
  });

  it('confirmDescentRay certifies L(θ + tX) < L(θ) on (0, t0] and records the query', async () => {
    // L(t) = −t² + t³ is below 0 on (0, 1): the first bound t0 = 1 is not enough (L(1) = 0), 1/2 is.
    const c = await confirmDescentRay('z3', { base: () => real(0), along: (_q, t) => add(mul(real(-1), t, t), mul(t, t, t)) });
    expect(c.status).toBe('confirmed');
    expect(c.status === 'confirmed' && c.evidence.meaning).toMatch(/\(0, 1\/2\]/);
    expect(c.status === 'confirmed' && c.evidence.query).toMatch(/\(assert \(and \(> t 0\.0\) \(<= t \(\/ 1\.0 2\.0\)\) \(>= L_ray L_theta\)\)\)/);
  });

  it('confirmDescentRay does not confirm a ray along which the loss rises, nor one that is flat', async () => {
    expect((await confirmDescentRay('z3', { base: () => real(0), along: (_q, t) => add(mul(t, t), mul(t, t, t)), halvings: 4 })).status).toBe('unknown');
    expect((await confirmDescentRay('z3', { base: () => real(1), along: () => real(1), halvings: 2 })).status).toBe('unknown');
    expect((await confirmDescentRay('z3', { base: () => real(0), along: (_q, t) => mul(t, t), direction: 'ascent' })).status).toBe('confirmed');
  });

  it('confirmLocalExtremum certifies a kinked minimum and refuses a saddle', async () => {
    // x² + xy + |y| ≥ x² + |y|(1 − |x|) ≥ 0 near 0: a minimum, not differentiable at 0.
    const min = await confirmLocalExtremum('z3', { kind: 'minimum', dimension: 2, base: () => real(0), at: (_q, [x, y]) => add(square(x!), mul(x!, y!), abs(y!)) });
    expect(min.status).toBe('confirmed');
    const strict = await confirmLocalExtremum('z3', { kind: 'minimum', strict: true, dimension: 2, base: () => real(0), at: (_q, [x, y]) => add(square(x!), abs(y!)) });
    expect(strict.status).toBe('confirmed');
    // Flat along y: a minimum, but not a strict one.
    const flat = await confirmLocalExtremum('z3', { kind: 'minimum', strict: true, dimension: 2, base: () => real(0), at: (_q, [x]) => square(x!), radii: ['1', '1/2'] });
    expect(flat.status).toBe('unknown');
    const saddle = await confirmLocalExtremum('z3', { kind: 'minimum', dimension: 2, base: () => real(0), at: (_q, [x, y]) => sub(square(x!), square(y!)), radii: ['1', '1/8'] });
    expect(saddle.status).toBe('unknown');
    const deadUnit = await confirmLocalExtremum('z3', { kind: 'maximum', dimension: 1, base: () => real(0), at: (_q, [w]) => relu(sub(w!, real(1))) });
    expect(deadUnit.status).toBe('confirmed');
  });
});
