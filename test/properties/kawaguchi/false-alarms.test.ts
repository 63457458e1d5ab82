// The cases that once made kawaguchi/eq-12, eq-9 and theorem-3 fail or end inconclusive, each at the
// seed and budget (300 decided cases) of the command line, plus the shrunk instances themselves.
import { describe, expect, it } from 'vitest';
import type { Claim, PropertyCheck } from '../../../src/claims/claim.ts';
import { runPropertyCheck } from '../../../src/claims/property-runner.ts';
import { deriveSeed } from '../../../src/claims/seed.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import eq9 from '../../../properties/kawaguchi/eq-9.ts';
import eq12 from '../../../properties/kawaguchi/eq-12.ts';
import theorem3 from '../../../properties/kawaguchi/theorem-3.ts';

const r = (text: string): Rational => Rational.parse(text);
const vec = (...xs: string[]): Rational[] => xs.map(r);

function propertyCheck(claim: Claim, name: string): PropertyCheck {
  const check = claim.checks.find((c) => c.name === name);
  if (check?.kind !== 'property') throw new Error(`${claim.id} has no property check '${name}'`);
  return check;
}

/** The check as `check --claim ID --seed S --runs N` runs it (the seed derived from the claim's ID and the check's name). */
const runAtSeed = (claim: Claim, check: PropertyCheck, seed: number, runs = 300) =>
  runPropertyCheck(check, { runs, seed: deriveSeed(deriveSeed(seed, claim.id), check.name) });

describe('kawaguchi/eq-12: moments at a per-input optimal θ with repeated inputs', () => {
  const check = propertyCheck(eq12, 'eq. (10) and non-zero moments with the true exp');

  it('the shrunk instance (two equal inputs, opposite hinge labels) passes: every grouped moment is exactly 0', () => {
    const instance = {
      inputs: [vec('2'), vec('2')],
      hidden: [vec('-3/2'), vec('-1')],
      hiddenBias: vec('2', '1'),
      outWeights: [vec('0', '0')],
      outBias: vec('0'),
      targets: [vec('-1'), vec('1')],
      loss: 'cubic-hinge',
      lambda: r('1/2'),
      a: vec('0'),
      b: vec('0'),
      w: [vec('0')],
    };
    expect(check.evaluate(instance)).toEqual({ status: 'pass' });
  });

  for (const seed of [1, 5, 8, 9, 10]) {
    it(`holds at seed ${seed} with 300 decided cases`, async () => {
      const result = await runAtSeed(eq12, check, seed);
      expect(result.verdict).toBe('holds');
      expect(result.decided).toBe(300);
    });
  }
});

describe('kawaguchi/eq-9: the residual of (9) with the true exp', () => {
  const check = propertyCheck(eq9, 'eq. (9) with the true exp, and no stationary point with a ≠ 0');

  it('the shrunk instance (residual 0 ± 3.6e-45 next to terms of size e^8) passes', () => {
    const instance = {
      inputs: [vec('-2', '2'), vec('-2', '2'), vec('1/2', '0'), vec('1/2', '0'), vec('-1/2', '-1'), vec('-1/2', '-1')],
      hidden: [vec('2', '3'), vec('-3/2', '-3')],
      hiddenBias: vec('1', '3/2'),
      outWeights: [vec('0', '0')],
      outBias: vec('0'),
      targets: [vec('0'), vec('0'), vec('0'), vec('0'), vec('0'), vec('0')],
      loss: 'quartic',
      lambda: r('1/2'),
      a: vec('1'),
      b: vec('0'),
      w: [vec('-2', '2')],
    };
    expect(check.evaluate(instance)).toEqual({ status: 'pass' });
  });

  for (const seed of [1, 8]) {
    it(`holds at seed ${seed} with 300 decided cases`, async () => {
      const result = await runAtSeed(eq9, check, seed);
      expect(result.verdict).toBe('holds');
      expect(result.decided).toBe(300);
    });
  }
});

describe('kawaguchi/theorem-3: critical points with a singular positive semidefinite Hessian', () => {
  const check = propertyCheck(theorem3, 'PGB inequality (equality for ρ = 1) at certified strict local minima');
  const chain = (inputs: Rational[][], scale: string, direction: Rational[], signs: Rational[]) => ({
    layers: 3,
    activation: 'identity',
    inputs,
    scale: r(scale),
    direction,
    signs,
    lambda: r('1/2'),
  });

  it('seed 6: a cubic term along the Hessian null direction shows no local minimum (discarded, not undecided)', () => {
    const outcome = check.evaluate(chain([vec('0'), vec('2'), vec('-2')], '1/2', vec('1'), vec('-1', '-1')));
    expect(outcome).toMatchObject({ status: 'discard', reason: expect.stringMatching(/null direction/) });
  });

  it('seed 12: the lowest term along the null direction is +5t⁴/2, so neither test decides: undecided', () => {
    const outcome = check.evaluate(chain([vec('-1', '0'), vec('-2', '1')], '1', vec('0', '1'), vec('-1', '1')));
    expect(outcome).toMatchObject({ status: 'undecided' });
  });

  for (const seed of [6, 10, 12]) {
    it(`holds at seed ${seed} with 300 decided cases`, async () => {
      const result = await runAtSeed(theorem3, check, seed);
      expect(result.verdict).toBe('holds');
      expect(result.decided).toBe(300);
      expect(result.undecided).toBeLessThanOrEqual(1);
    });
  }
});
