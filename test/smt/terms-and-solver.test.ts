import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { SmtQuery } from '../../src/smt/query.ts';
import { checkSat } from '../../src/smt/solver.ts';
import { activationTerms, applyActivation, forwardTerms, RELU, squaredErrorTerm } from '../../src/smt/network.ts';
import { add, eq, mul, neg, real, relu, sub, sym } from '../../src/smt/term.ts';

/** Is `term = value` true? The solver evaluates the closed term. */
async function equals(build: (q: SmtQuery) => ReturnType<typeof real>, value: string): Promise<boolean> {
  const q = new SmtQuery('test');
  q.assert(eq(build(q), real(value)));
  const r = await checkSat(q);
  if (r.answer === 'unknown') throw new Error(r.reason);
  return r.answer === 'sat';
}

describe('SMT terms', () => {
  it('write exact literals of integers, bigints and rationals, negative ones with (- …)', () => {
    expect([real(0), real(7), real(-7), real(12345678901234567890n)]).toEqual(['0.0', '7.0', '(- 7.0)', '12345678901234567890.0']);
    expect([real(Rational.of(-3, 4)), real('5/2'), real('-0/3')]).toEqual(['(- (/ 3.0 4.0))', '(/ 5.0 2.0)', '(/ 0.0 3.0)']);
    expect(() => real(0.5)).toThrow(/only safe integers/);
    expect(() => real('1/0')).toThrow(/zero denominator/);
    expect(() => real('0.5')).toThrow(/not an exact rational/);
    expect(() => sym('a b')).toThrow(/not an SMT symbol/);
  });

  it('mean what they say when the solver evaluates them', async () => {
    expect(await equals(() => add(real('1/2'), real('1/3')), '5/6')).toBe(true);
    expect(await equals(() => mul(real(-2), real('3/4'), real(2)), '-3')).toBe(true);
    expect(await equals(() => sub(relu(real(-5)), relu(real('7/2'))), '-7/2')).toBe(true);
    expect(await equals(() => neg(real('1/3')), '1/3')).toBe(false);
  });
});

describe('networks in SMT, written independently of src/network', () => {
  it('evaluate piecewise linear activations through h(z) = c + s0 z + Σ (s_{k+1} − s_k) relu(z − t_k)', async () => {
    // h with breakpoints −1, 2, slopes 1/2, 0, 3 and h(0) = 1: h(−3) = 1/2·(−2) + 1/2 = −1/2 … by pieces.
    const h = activationTerms({ breakpoints: [Rational.of(-1), Rational.of(2)], slopes: [Rational.of(1, 2), Rational.ZERO, Rational.of(3)], valueAtZero: Rational.ONE });
    // On (−1, 2) h is the constant 1; left of −1 it falls with slope 1/2; right of 2 it rises with slope 3.
    const cases: [string, string][] = [['0', '1'], ['-1', '1'], ['-3', '0'], ['2', '1'], ['5/2', '5/2'], ['1', '1']];
    for (const [z, value] of cases) expect([z, await equals(() => applyActivation(h, real(z)), value)]).toEqual([z, true]);
  });

  it('give the forward pass and the squared error of a small ReLU network computed by hand', async () => {
    // W1 = [[1, −1], [2, 1]], b1 = [0, −1], W2 = [[1, −2]], b2 = [1/2]; x = (1, 3): z1 = (−2, 4), h = (0, 4), f = −8 + 1/2.
    const layers = [
      { weights: [[real(1), real(-1)], [real(2), real(1)]], bias: [real(0), real(-1)], activation: RELU },
      { weights: [[real(1), real(-2)]], bias: [real('1/2')], activation: 'identity' as const },
    ];
    expect(await equals((q) => forwardTerms(q, layers, [real(1), real(3)], 'f')[0]!, '-15/2')).toBe(true);
    expect(await equals((q) => squaredErrorTerm([forwardTerms(q, layers, [real(1), real(3)], 'f')], [[real('1/2')]], real('1/2')), '32')).toBe(true);
  });

  it('keep the query text linear in the number of units: each unit is defined once', () => {
    const layer = { weights: [[real(1), real(1)], [real(1), real(-1)]], bias: null, activation: RELU };
    const size = (depth: number): number => {
      const q = new SmtQuery('depth');
      forwardTerms(q, Array.from({ length: depth }, () => layer), [q.declare('x1'), q.declare('x2')], 'deep');
      return q.text().length;
    };
    expect(size(60) / size(30)).toBeLessThan(2.1);
  });
});

describe('the solver', () => {
  it('answers sat and unsat, and unknown with the reason for a query that does not parse', async () => {
    const q = new SmtQuery('x² = 2 has a real root');
    const x = q.declare('x');
    q.assert(eq(mul(x, x), real(2)));
    expect((await checkSat(q)).answer).toBe('sat');
    const r = await checkSat('(declare-const x Real)\n(assert (< (* x x) (- 1.0)))\n(check-sat)\n');
    expect([r.answer, r.solver]).toEqual(['unsat', expect.stringMatching(/^Z3 \d+\.\d+/)]);
    const bad = await checkSat('(assert (< 1.0 (');
    expect([bad.answer, bad.reason]).toEqual(['unknown', expect.stringMatching(/error/)]);
  });

  it('gives up with unknown, deterministically, past its resource limit', async () => {
    const q = new SmtQuery('a hard non-linear system');
    const v = Array.from({ length: 6 }, (_, i) => q.declare(`v${i}`));
    q.assert(eq(add(...v.map((a, i) => mul(a, a, a, v[(i + 1) % 6]!))), real(7)));
    q.assert(eq(add(...v.map((a) => mul(a, a))), real('1/3')));
    const first = await checkSat(q, { rlimit: 1000 });
    const again = await checkSat(q, { rlimit: 1000 });
    expect([first.answer, again.answer]).toEqual(['unknown', 'unknown']);
    expect(first.reason).toMatch(/rlimit 1000/);
  });

  it('refuses to define a name twice in one query', () => {
    const q = new SmtQuery('names');
    q.declare('x');
    expect(() => q.define('x', real(1))).toThrow(/used twice/);
    expect(q.fresh('x')).toBe('x_0');
  });
});
