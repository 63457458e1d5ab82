import { describe, expect, it } from 'vitest';
import { Polynomial } from '../../src/linalg/polynomial.ts';
import { RootCounter, countRealRoots, extendedRational, signVariations, sturmSequence } from '../../src/linalg/sturm.ts';
import { q } from '../../src/numbers/index.ts';

const roots = (rs: (number | string)[]): Polynomial => Polynomial.fromRoots(rs);

describe('Sturm sequences and root counts: ends, options and errors', () => {
  it('the sequence of x² − 1: p, p′, then the constant 1 (primitive, positive scaling)', () => {
    expect(sturmSequence(roots([1, -1])).map((p) => p.toJSON())).toEqual([['-1', '0', '1'], ['0', '1'], ['1']]);
    expect(sturmSequence(Polynomial.of([3])).map((p) => p.toJSON())).toEqual([['1']]);
    expect(() => sturmSequence(Polynomial.ZERO)).toThrow('Sturm sequence of the zero polynomial');
  });

  it('sign variations skip zeros and count changes at ±∞ and rational points', () => {
    const s = sturmSequence(roots([1, -1]));
    // At −∞: (+, −, +) two changes; at +∞: (+, +, +) none; at 1: (0, +, +) none; at 0: (−, 0, +) one.
    expect([signVariations(s, '-inf'), signVariations(s, 'inf'), signVariations(s, q(1)), signVariations(s, q(0))]).toEqual([2, 0, 0, 1]);
  });

  it('closed, open and half-open intervals with roots on the ends; multiplicities', () => {
    const p = roots([0, 1, 1, 2]); // 0, 1 (double), 2
    const c = new RootCounter(p);
    expect(c.polynomial).toBe(p);
    expect(c.count()).toBe(3);
    expect(c.count('-inf', 'inf', { withMultiplicity: true })).toBe(4);
    expect(c.count(q(0), q(2))).toBe(3);
    expect(c.count(q(0), q(2), { lowerOpen: true })).toBe(2);
    expect(c.count(q(0), q(2), { upperOpen: true })).toBe(2);
    expect(c.count(q(0), q(2), { lowerOpen: true, upperOpen: true })).toBe(1);
    expect(c.count(q(0), q(2), { lowerOpen: true, upperOpen: true, withMultiplicity: true })).toBe(2);
    expect(c.count(q(1, 2), q(3, 2))).toBe(1);
    expect(c.count(q(3), 'inf')).toBe(0);
    expect(c.count('-inf', q(0))).toBe(1);
    expect(c.count('-inf', q(0), { upperOpen: true })).toBe(0);
    // Degenerate intervals: a single point, or an end at the wrong infinity.
    expect([c.count(q(1), q(1)), c.count(q(3, 2), q(3, 2)), c.count(q(1), q(1), { lowerOpen: true }), c.count(q(1), q(1), { upperOpen: true })]).toEqual([1, 0, 0, 0]);
    expect(c.count(q(1), q(1), { withMultiplicity: true })).toBe(2);
    expect([c.count('inf', 'inf'), c.count('-inf', '-inf'), c.count('inf', q(0))]).toEqual([0, 0, 0]);
    expect(() => c.count(q(2), q(1))).toThrow('root count: empty interval [2, 1]');
    expect(() => new RootCounter(Polynomial.ZERO)).toThrow('the zero polynomial has infinitely many roots');
    expect(countRealRoots(Polynomial.of([1, 0, 1]))).toBe(0);
    expect(countRealRoots(p, q(0), q(1), { withMultiplicity: true })).toBe(3);
  });

  it('extendedRational reads numbers, strings and infinities', () => {
    expect([extendedRational(Infinity), extendedRational('inf'), extendedRational('+inf')]).toEqual(['inf', 'inf', 'inf']);
    expect([extendedRational(-Infinity), extendedRational('-inf')]).toEqual(['-inf', '-inf']);
    expect(String(extendedRational('3/4'))).toBe('3/4');
    expect(String(extendedRational(2n))).toBe('2');
  });
});
