import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import theorem3 from '../../../properties/he/theorem-3.ts';
import theorem4 from '../../../properties/he/theorem-4.ts';
import lemma6 from '../../../properties/he/lemma-6.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const check = (claim: typeof theorem3, name: RegExp) => {
  const found = claim.checks.find((c) => name.test(c.name));
  if (!found || found.kind !== 'property') throw new Error(`no check ${String(name)}`);
  return found;
};

describe('he claims on hand-made instances', () => {
  // Two identical ReLU units, both active on x = (−1, 0), (−1, 1) with labels 2, −1: the blocks W̄_1, W̄_2
  // must sum to (−2, −3), which lies in neither the cone C = {w_1 < 0, w_2 > w_1} nor −C.
  const split = {
    inputs: [[q(-1), q(0)], [q(-1), q(1)]],
    targets: [[q(2)], [q(-1)]],
    W1: [[q(-2), q(-1)], [q(-2), q(-1)]],
    w2: [q(1), q(1)],
    slopes: [q(0), q(1)] as [Rational, Rational],
  };

  it('Theorem 3 (b): the split valley is refuted, (a) the rescaling valley holds on it', () => {
    expect(check(theorem3, /joined by a continuous path/).evaluate(split).status).toBe('fail');
    const valley = check(theorem3, /rescaling path/).evaluate({ instance: split, factors: [q(2), q(1, 3)] });
    expect(valley.status).toBe('pass');
  });

  it('Theorem 3 (c): one sample, two ReLU units: Q is not unique among the cell minima', () => {
    const one = { inputs: [[q(1)]], targets: [[q(0)]], W1: [[q(1)], [q(1)]], w2: [q(0), q(0)], slopes: [q(0), q(1)] as [Rational, Rational] };
    expect(check(theorem3, /equivalence class/).evaluate(one).status).toBe('fail');
    // With two independent samples and one unit the minimiser in W̄ is unique: the class is one.
    const unique = { inputs: [[q(1), q(0)], [q(0), q(1)]], targets: [[q(1)], [q(2)]], W1: [[q(1), q(1)]], w2: [q(1)], slopes: [q(0), q(1)] as [Rational, Rational] };
    expect(check(theorem3, /equivalence class/).evaluate(unique).status).toBe('pass');
  });

  it('Theorem 4 and the proof of Theorem 1 on a small regression with a leaky ReLU', () => {
    const instance = {
      inputs: [[q(0)], [q(1)], [q(2)], [q(3)]],
      targets: [[q(0)], [q(1)], [q(0)], [q(2)]],
      hidden: [2],
      activation: { breakpoints: [q(0)], slopes: [q(1, 2), q(1)], valueAtZero: q(0) },
    };
    expect(check(theorem4, /eqs\. \(19\)/).evaluate(instance).status).toBe('pass');
    const deep = { ...instance, hidden: [3, 2], activation: { breakpoints: [q(0), q(1)], slopes: [q(0), q(1), q(3)], valueAtZero: q(0) } };
    expect(check(lemma6, /proof of Theorem 1/).evaluate(deep).status).toBe('pass');
  });
});
