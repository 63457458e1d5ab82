import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { weakestLandscapeBasis, type LandscapeBasis } from '../../src/landscape/basis.ts';
import { decision, kindOf, type Decision, type ExtremumDecisions, type PointKind } from '../../src/landscape/classification.ts';

const d = (holds: boolean | null, basis: LandscapeBasis = 'exact'): Decision => decision(holds, basis, 'test');
const pair = (strict: Decision, nonStrict: Decision): ExtremumDecisions => ({ strict, nonStrict });

describe('weakestLandscapeBasis', () => {
  it('is exact for no step and the weakest step otherwise, in any order', () => {
    expect(weakestLandscapeBasis()).toBe('exact');
    expect(weakestLandscapeBasis('certified')).toBe('certified');
    expect(weakestLandscapeBasis('evidence', 'exact')).toBe('evidence');
    expect(weakestLandscapeBasis('exact', 'certified', 'exact')).toBe('certified');
    expect(weakestLandscapeBasis('certified', 'evidence', 'certified')).toBe('evidence');
  });
});

describe('decision', () => {
  it('carries a certificate only when one is given', () => {
    expect(decision(true, 'exact', 'zero gradient')).toEqual({ holds: true, basis: 'exact', reason: 'zero gradient' });
    expect(Object.keys(decision(null, 'evidence', 'none found'))).toEqual(['holds', 'basis', 'reason']);
    const gradient = [Rational.ONE];
    expect(decision(false, 'certified', 'descent', { kind: 'gradient', gradient })).toEqual({
      holds: false,
      basis: 'certified',
      reason: 'descent',
      certificate: { kind: 'gradient', gradient },
    });
  });
});

describe('kindOf: what the minimum and maximum decisions amount to', () => {
  // [min strict, min non-strict, max strict, max non-strict] → kind, read off the definitions.
  const cases: [boolean | null, boolean | null, boolean | null, boolean | null, PointKind][] = [
    [null, true, null, true, 'locally-constant'], // both non-strict extrema: the loss is constant nearby
    [true, true, false, false, 'strict-local-min'],
    [false, false, true, true, 'strict-local-max'],
    [false, true, false, false, 'local-min'],
    [false, false, false, true, 'local-max'],
    [null, false, null, true, 'local-max'],
    [false, false, false, false, 'saddle'], // neither a minimum nor a maximum
    [false, false, null, null, 'not-local-min'], // only the minimum is ruled out
    [null, null, false, false, 'not-local-max'],
    [null, null, null, null, 'inconclusive'],
  ];
  it.each(cases)('min (%s, %s), max (%s, %s) → %s', (minS, minNS, maxS, maxNS, kind) => {
    expect(kindOf(pair(d(minS), d(minNS)), pair(d(maxS), d(maxNS))).kind).toBe(kind);
  });

  it('rests on the weakest basis of the decisions the kind uses', () => {
    const evidence = (h: boolean | null): Decision => d(h, 'evidence');
    const certified = (h: boolean | null): Decision => d(h, 'certified');
    // Saddle: both non-strict decisions count, the strict ones do not.
    expect(kindOf(pair(evidence(false), certified(false)), pair(evidence(false), d(false)))).toEqual({ kind: 'saddle', basis: 'certified' });
    // Not a local minimum: only the minimum's non-strict decision counts.
    expect(kindOf(pair(evidence(null), certified(false)), pair(evidence(null), evidence(null)))).toEqual({ kind: 'not-local-min', basis: 'certified' });
    expect(kindOf(pair(evidence(null), evidence(null)), pair(evidence(null), certified(false)))).toEqual({ kind: 'not-local-max', basis: 'certified' });
    expect(kindOf(pair(d(null), d(null)), pair(d(null), d(null)))).toEqual({ kind: 'inconclusive', basis: 'evidence' });
    expect(kindOf(pair(d(true), certified(true)), pair(evidence(false), evidence(false)))).toEqual({ kind: 'strict-local-min', basis: 'exact' });
  });
});
