import { describe, expect, it } from 'vitest';
import { isBasis, numerical, weakestBasis } from '../../src/claims/basis.ts';
import { combineVerdicts } from '../../src/claims/verdict.ts';

describe('bases', () => {
  it('orders exact > certified > numerical (more digits stronger) > evidence', () => {
    expect(weakestBasis(['exact', 'certified'])).toBe('certified');
    expect(weakestBasis(['exact', numerical(30), numerical(50)])).toBe('numerical (30 digits)');
    expect(weakestBasis(['certified', numerical(100)])).toBe('numerical (100 digits)');
    expect(weakestBasis([numerical(30), 'evidence', 'exact'])).toBe('evidence');
    expect(weakestBasis(['exact'])).toBe('exact');
  });

  it('accepts only the four forms', () => {
    expect(isBasis('numerical (12 digits)')).toBe(true);
    expect(isBasis('numerical (0 digits)')).toBe(false);
    expect(isBasis('numeric')).toBe(false);
    expect(() => numerical(2.5)).toThrow(/positive integer/);
  });
});

describe('claim verdict from check verdicts', () => {
  it('lets a refutation decide, then a differing example, then any inconclusive check', () => {
    expect(combineVerdicts('theorem', ['holds', 'refuted', 'inconclusive'])).toBe('refuted');
    expect(combineVerdicts('example', ['reproduced', 'differs', 'inconclusive'])).toBe('differs');
    expect(combineVerdicts('theorem', ['holds', 'inconclusive'])).toBe('inconclusive');
    expect(combineVerdicts('theorem', ['holds', 'holds'])).toBe('holds');
    expect(combineVerdicts('example', ['reproduced', 'holds'])).toBe('reproduced');
    expect(combineVerdicts('theorem', [])).toBe('inconclusive');
  });
});
