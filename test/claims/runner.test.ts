import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claims/claim.ts';
import { example, reproduction, theorem } from '../../src/claims/claim.ts';
import { forAll } from '../../src/claims/for-all.ts';
import { confirmed, contradicted, unconfirmed } from '../../src/claims/confirmation.ts';
import { discard, fail, pass, passIf, undecided } from '../../src/claims/outcome.ts';
import type { ClaimResult } from '../../src/claims/result.ts';
import { runClaim, runClaims } from '../../src/claims/runner.ts';
import { Rational } from '../../src/numbers/rational.ts';
import harmonicBound from '../fixtures/claims/toy/harmonic-bound.ts';
import rootTwo from '../fixtures/claims/toy/root-two.ts';
import squareDominates from '../fixtures/claims/toy/square-dominates.ts';
import squareNonnegative from '../fixtures/claims/toy/square-nonnegative.ts';
import sumExample from '../fixtures/claims/toy/sum-example.ts';
import sumTypo from '../fixtures/claims/toy/sum-typo.ts';

const FIXTURES = [squareNonnegative, squareDominates, harmonicBound, rootTwo, sumExample, sumTypo];

function withoutTiming(results: readonly ClaimResult[]): unknown {
  return JSON.parse(JSON.stringify(results.map(({ durationMs: _, ...rest }) => rest)));
}

function toyTheorem(name: string, arbitrary: fc.Arbitrary<number>, check: (n: number) => ReturnType<typeof pass>): Claim {
  return theorem({
    id: `toy/${name}`,
    paper: 'toy',
    title: name,
    statement: name,
    checks: [forAll({ name, basis: 'exact', arbitrary, check })],
  });
}

describe('runner verdicts on the fixture claims', async () => {
  const results = await runClaims(FIXTURES, { runs: 50, seed: 7 });
  const byId = new Map(results.map((r) => [r.id, r]));

  it('holds on a true statement after exactly the requested number of cases', async () => {
    const r = byId.get('toy/square-nonnegative')!;
    expect([r.verdict, r.basis, r.runs, r.counterexample]).toEqual(['holds', 'exact', 50, null]);
  });

  it('refutes a false statement with a re-evaluated witness', async () => {
    const r = byId.get('toy/square-dominates')!;
    expect(r.verdict).toBe('refuted');
    const check = r.detail.checks[0]!;
    const x = Rational.parse(check.instance as string);
    // independent: x² < x exactly when 0 < x < 1
    expect(x.sign() > 0 && x.lt(Rational.ONE)).toBe(true);
    expect(check.witness).toMatchObject({ x: x.toString(), 'x²': x.mul(x).toString() });
  });

  it('calls a statement whose precondition is never met inconclusive, never holds', async () => {
    const r = byId.get('toy/root-two')!;
    expect(r.verdict).toBe('inconclusive');
    expect(r.runs).toBe(0);
    expect(r.detail.checks[0]!.discarded).toBeGreaterThan(50);
    expect(r.detail.summary).toMatch(/precondition never met/);
    expect(r.detail.checks[0]!.discardReasons).toEqual({ 'x² ≠ 2': r.detail.checks[0]!.discarded });
  });

  it('reproduces an example and reports a differing one with its table', async () => {
    const ok = byId.get('toy/sum-example')!;
    expect(ok.verdict).toBe('reproduced');
    expect(ok.detail.checks[0]!.table!.map((t) => t.match)).toEqual([true, true, true]);
    const typo = byId.get('toy/sum-typo')!;
    expect(typo.verdict).toBe('differs');
    expect(typo.detail.checks[0]!.table).toEqual([
      { quantity: '1/2 + 1/3', paper: '2/5', computed: '5/6', match: false },
      { quantity: 'denominator', paper: 6, computed: 6, match: true },
    ]);
  });
});

describe('shrinking', () => {
  it('gives the known minimal counterexample n = 11 of H_n < 3 for every seed tried', async () => {
    // H_10 = 7381/2520 < 3 < H_11 = 83711/27720 (computed here independently of the fixture)
    let h = Rational.ZERO;
    const harmonic: Rational[] = [];
    for (let k = 1; k <= 11; k++) harmonic.push((h = h.add(Rational.of(1, k))));
    expect(harmonic[9]!.lt(Rational.of(3)) && harmonic[10]!.gt(Rational.of(3))).toBe(true);
    for (const seed of [0, 1, 2, 3, 4]) {
      const r = await runClaim(harmonicBound, { runs: 100, seed });
      expect(r.verdict).toBe('refuted');
      expect(r.detail.checks[0]!.instance).toEqual({ n: 11 });
      expect(r.detail.checks[0]!.witness).toMatchObject({ H_n: harmonic[10]!.toString() });
    }
  });
});

describe('determinism and seeds', () => {
  it('gives the same results for the same seed (apart from timing)', async () => {
    const a = await runClaims(FIXTURES, { runs: 30, seed: 42 });
    const b = await runClaims(FIXTURES, { runs: 30, seed: 42 });
    expect(withoutTiming(a)).toEqual(withoutTiming(b));
  });

  it('derives each claim seed from the run seed and the ID only, whatever else is selected', async () => {
    const all = await runClaims(FIXTURES, { runs: 30, seed: 5 });
    const alone = await runClaim(squareDominates, { runs: 30, seed: 5 });
    const inAll = all.find((r) => r.id === alone.id)!;
    expect(withoutTiming([alone])).toEqual(withoutTiming([inAll]));
    expect(new Set(all.map((r) => r.seed)).size).toBe(all.length);
    expect((await runClaim(squareDominates, { runs: 30, seed: 6 })).seed).not.toBe(alone.seed);
  });
});

describe('discards, undecided cases, errors', () => {
  const values = fc.integer({ min: 0, max: 999 });

  it('holds with discard statistics when fewer than half the cases are discarded', async () => {
    const claim = toyTheorem('some-discards', values, (n) => (n % 4 === 0 ? discard('multiple of 4') : pass()));
    const r = await runClaim(claim, { runs: 100, seed: 1 });
    const c = r.detail.checks[0]!;
    expect(r.verdict).toBe('holds');
    expect(r.runs).toBe(100);
    expect(c.discarded).toBeGreaterThan(0);
    expect(c.discardReasons).toEqual({ 'multiple of 4': c.discarded });
  });

  it('is inconclusive when more than half of the cases are discarded', async () => {
    const claim = toyTheorem('rare-precondition', values, (n) => (n % 4 !== 0 ? discard('not a multiple of 4') : pass()));
    const r = await runClaim(claim, { runs: 100, seed: 1 });
    expect(r.verdict).toBe('inconclusive');
    expect(r.detail.summary).toMatch(/precondition too rarely met/);
    expect(r.detail.checks[0]!.discarded!).toBeGreaterThan(r.runs);
  });

  it('is inconclusive already at 60% discards', async () => {
    const claim = toyTheorem('sixty-percent', values, (n) => (n % 5 < 3 ? discard('n mod 5 < 3') : pass()));
    const r = await runClaim(claim, { runs: 100, seed: 4 });
    expect(r.verdict).toBe('inconclusive');
    const c = r.detail.checks[0]!;
    expect(c.discarded! / (c.discarded! + r.runs)).toBeGreaterThan(0.5);
    expect(c.discarded! / (c.discarded! + r.runs)).toBeLessThan(0.7);
  });

  it('counts fc.pre as a discard', async () => {
    const claim = toyTheorem('fc-pre', values, (n) => {
      fc.pre(n % 5 !== 0);
      return pass();
    });
    const r = await runClaim(claim, { runs: 60, seed: 3 });
    expect(r.verdict).toBe('holds');
    expect(r.detail.checks[0]!.discardReasons).toEqual({ 'fc.pre': r.detail.checks[0]!.discarded });
  });

  it('draws further cases until the budget of decided cases is met, and shows the undecided ones', async () => {
    const claim = toyTheorem('undecided', values, (n) => (n === 0 || n % 7 === 3 ? undecided('degenerate') : pass()));
    const r = await runClaim(claim, { runs: 100, seed: 2 });
    const c = r.detail.checks[0]!;
    expect(r.verdict).toBe('holds');
    expect(c.decided).toBe(100);
    expect(c.undecided).toBeGreaterThan(0);
    expect(r.runs).toBe(100 + c.undecided!);
    expect(c.undecidedReasons).toEqual({ degenerate: c.undecided });
    expect(r.detail.summary).toMatch(/^100 cases decided, none fails; \d+ undecided \(\d+× degenerate\)$/);
  });

  it('is inconclusive when undecided cases outnumber decided ones, drawing at most ten times the budget', async () => {
    const claim = toyTheorem('mostly-undecided', values, (n) => (n % 10 < 9 ? undecided('hard') : pass()));
    const r = await runClaim(claim, { runs: 50, seed: 2 });
    const c = r.detail.checks[0]!;
    expect(r.verdict).toBe('inconclusive');
    expect(r.runs).toBeLessThanOrEqual(500);
    expect(c.undecided!).toBeGreaterThan(c.decided!);
    expect(r.detail.summary).toMatch(/undecided cases dominate: \d+ decided, \d+ undecided \(\d+× hard\)/);
  });

  it('reports a check that throws as inconclusive with the error and the instance', async () => {
    const claim = toyTheorem('throws', values, (n) => {
      if (n > 10) throw new Error('boom');
      return pass();
    });
    const r = await runClaim(claim, { runs: 100, seed: 2 });
    expect(r.verdict).toBe('inconclusive');
    expect(r.detail.summary).toMatch(/error: .*boom/);
    expect(r.detail.checks[0]!.instance).toBe(11);
  });

  it('does not believe a failure that the exact re-evaluation of the shrunk instance does not repeat', async () => {
    let calls = 0;
    const claim = toyTheorem('flaky', values, () => (++calls === 3 ? fail({ calls }) : pass()));
    const r = await runClaim(claim, { runs: 100, seed: 2 });
    expect(r.verdict).toBe('inconclusive');
    expect(r.detail.summary).toMatch(/not deterministic/);
  });

  it('refuses a failing instance that is not plain exact data', async () => {
    const claim = theorem({
      id: 'toy/float-instance',
      paper: 'toy',
      title: 't',
      statement: 's',
      checks: [forAll({ name: 'x < 1/2', basis: 'exact', arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), check: (x) => passIf(x < 0.5, { x }) })],
    });
    const r = await runClaim(claim, { runs: 100, seed: 1 });
    expect(r.verdict).toBe('inconclusive');
    expect(r.detail.summary).toMatch(/cannot be written exactly: instance is the number/);
  });

  it('stops at the time limit and reports the cases checked', async () => {
    const slow = toyTheorem('slow', values, () => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      return pass();
    });
    const started = performance.now();
    const r = await runClaim(slow, { runs: 100_000, seed: 1, timeLimitSeconds: 0.2 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(r.verdict).toBe('holds');
    expect(r.runs).toBeGreaterThan(0);
    expect(r.runs).toBeLessThan(100_000);
    expect(r.detail.checks[0]!.interrupted).toBe(true);
    expect(r.detail.summary).toMatch(/time limit reached after \d+ of 100000 decided cases/);
  });
});

describe('claims with several checks', () => {
  it('take the basis of the refuting check for a refutation and the weakest otherwise', async () => {
    const never = forAll({ name: 'n ≥ 0', basis: 'evidence', arbitrary: fc.nat(9), check: (n: number) => passIf(n >= 0, { n }) });
    const wrong = forAll({
      name: 'n < 5',
      basis: 'exact',
      arbitrary: fc.nat(9),
      check: (n: number) => passIf(n < 5, { n }),
      confirm: (n: number) => (5 <= n ? confirmed('5 ≤ n, compared directly', { n }) : contradicted('5 ≤ n, compared directly', 'n < 5')),
    });
    const refuted = await runClaim(theorem({ id: 'toy/two', paper: 'toy', title: 't', statement: 's', checks: [never, wrong] }), { runs: 50, seed: 1 });
    expect([refuted.verdict, refuted.basis]).toEqual(['refuted', 'exact']);
    expect(refuted.detail.checks[1]!.instance).toBe(5);
    const holds = await runClaim(theorem({ id: 'toy/one', paper: 'toy', title: 't', statement: 's', checks: [never] }), { runs: 20, seed: 1 });
    expect([holds.verdict, holds.basis]).toEqual(['holds', 'evidence']);
  });

  it('compare example tables within a tolerance and by a named relation', async () => {
    const claim = example({
      id: 'toy/table',
      paper: 'toy',
      title: 't',
      statement: 's',
      checks: [
        reproduction({
          name: 'limits',
          basis: 'numerical (20 digits)',
          reproduce: () => ({
            values: [
              { quantity: 'e', paper: '2.718', computed: '2.7182818284590452354', tolerance: '1/1000' },
              { quantity: 'pi', paper: 3.14, computed: '3.1415926535897932385', tolerance: '1/1000' },
              { quantity: 'values', paper: [1, 2], computed: [1, 2, 3], relation: '⊆', compare: (p, c) => (p as number[]).every((x) => (c as number[]).includes(x)) },
            ],
          }),
          // π > 3.141 > 3.14 + 1/1000 by the digits of π: the paper's 3.14 is not within the tolerance.
          confirm: (rows) => (rows.length === 1 && rows[0]!.quantity === 'pi' ? confirmed('π > 3.141', {}) : contradicted('π > 3.141', 'other rows differ')),
        }),
      ],
    });
    const r = await runClaim(claim, { runs: 1, seed: 0 });
    expect(r.detail.checks[0]!.table!.map((t) => [t.quantity, t.match])).toEqual([
      ['e', true],
      ['pi', false],
      ['values', true],
    ]);
    expect([r.verdict, r.basis]).toEqual(['differs', 'numerical (20 digits)']);
    expect(r.detail.checks[0]!.confirmation).toEqual({ status: 'confirmed', route: 'π > 3.141', evidence: {} });
  });

  it('count a difference from the paper only when a second route confirms it', async () => {
    const table = (confirm?: () => ReturnType<typeof confirmed>) =>
      example({
        id: 'toy/typo',
        paper: 'toy',
        title: 't',
        statement: 's',
        reproduce: () => ({ values: [{ quantity: 'x', paper: '2/5', computed: '5/6' }] }),
        ...(confirm !== undefined ? { confirm } : {}),
      });
    const none = await runClaim(table(), { runs: 1, seed: 0 });
    expect(none.verdict).toBe('inconclusive');
    expect(none.detail.summary).toMatch(/1 of 1 quantities differ from the paper: x, but not counted as a difference: the check has no second route/);
    const refused = await runClaim(table(() => contradicted('recomputed', 'the paper is right')), { runs: 1, seed: 0 });
    expect(refused.verdict).toBe('inconclusive');
    expect(refused.detail.checks[0]!.confirmation?.status).toBe('contradicted');
    const thrown = await runClaim(table(() => { throw new Error('boom'); }), { runs: 1, seed: 0 });
    expect([thrown.verdict, thrown.detail.checks[0]!.confirmation?.reason]).toEqual(['inconclusive', 'it threw: boom']);
  });
});

describe('second routes: only a confirmed failure refutes', () => {
  const values = fc.integer({ min: 0, max: 99 });
  const below50 = (confirm?: (n: number) => ReturnType<typeof confirmed> | Promise<ReturnType<typeof confirmed>>) =>
    theorem({
      id: 'toy/below-50',
      paper: 'toy',
      title: 't',
      statement: 'every n < 100 is below 50',
      checks: [forAll({ name: 'n < 50', basis: 'exact', arbitrary: values, check: (n: number) => passIf(n < 50, { n }), ...(confirm ? { confirm } : {}) })],
    });

  it('refutes with the shrunk witness, its certificate and the confirmation', async () => {
    const r = await runClaim(below50(async (n) => (n >= 50 ? confirmed('n ≥ 50 compared as bigints', { n: BigInt(n) }) : contradicted('n ≥ 50 compared as bigints', 'n < 50'))), { runs: 100, seed: 3 });
    const c = r.detail.checks[0]!;
    expect(r.verdict).toBe('refuted');
    expect(c.instance).toBe(50);
    expect(c.certificate).toEqual({ kind: 'exact' });
    expect(c.confirmation).toEqual({ status: 'confirmed', route: 'n ≥ 50 compared as bigints', evidence: { n: '50' } });
  });

  it('shows a failure without a second route, shrunk, but calls the check inconclusive', async () => {
    const r = await runClaim(below50(), { runs: 100, seed: 3 });
    const c = r.detail.checks[0]!;
    expect(r.verdict).toBe('inconclusive');
    expect(c.unconfirmed).toEqual({ instance: 50, witness: { n: 50 }, confirmation: null });
    expect(r.detail.summary).toMatch(/not a refutation: the check has no second route/);
  });

  it('keeps searching past failures the second route contradicts, and never shrinks into them', async () => {
    // The second route disagrees below 90: those failures are disputed; 90..99 are confirmed.
    const r = await runClaim(below50((n) => (n >= 90 ? confirmed('n ≥ 90', {}) : contradicted('n ≥ 90', 'n < 90'))), { runs: 200, seed: 5 });
    const c = r.detail.checks[0]!;
    expect(r.verdict).toBe('refuted');
    expect(c.instance).toBe(90);
    expect(c.contradicted).toBeGreaterThan(0);
  });

  it('is inconclusive when the second route disagrees everywhere, showing both results', async () => {
    const r = await runClaim(below50(() => contradicted('recount', 'n < 50 after all')), { runs: 100, seed: 3 });
    const c = r.detail.checks[0]!;
    expect(r.verdict).toBe('inconclusive');
    expect(c.contradicted).toBeGreaterThan(0);
    expect(c.unconfirmed?.confirmation).toEqual({ status: 'contradicted', route: 'recount', reason: 'n < 50 after all' });
    expect(r.detail.summary).toMatch(/failures of the check not confirmed \(first: contradicted by recount: n < 50 after all\) — the two routes disagree/);
  });

  it('is inconclusive, not holds, when the second route cannot decide a failure', async () => {
    const r = await runClaim(below50(() => unconfirmed('solver', 'gave up')), { runs: 100, seed: 3 });
    const c = r.detail.checks[0]!;
    expect(r.verdict).toBe('inconclusive');
    expect(c.unconfirmedFailures).toBeGreaterThan(0);
    expect(c.contradicted).toBeUndefined();
  });

  it('treats a second route that throws or answers nonsense as not confirmed', async () => {
    const thrown = await runClaim(below50(() => { throw new Error('boom'); }), { runs: 100, seed: 3 });
    expect(thrown.verdict).toBe('inconclusive');
    expect(thrown.detail.checks[0]!.unconfirmed?.confirmation?.reason).toBe('it threw: boom');
    const nonsense = await runClaim(below50(() => ({ status: 'yes' }) as unknown as ReturnType<typeof confirmed>), { runs: 100, seed: 3 });
    expect(nonsense.verdict).toBe('inconclusive');
    expect(nonsense.detail.checks[0]!.unconfirmed?.confirmation?.reason).toMatch(/not confirmed\(…\)/);
  });

  it('treats a fail from a check that declares it cannot fail as an error of the check', async () => {
    const claim = theorem({
      id: 'toy/exhibits',
      paper: 'toy',
      title: 't',
      statement: 's',
      checks: [forAll({ name: 'c', basis: 'exact', arbitrary: values, check: (n: number) => (n < 90 ? pass() : fail({ n })), cannotFail: 'it exhibits a construction' })],
    });
    const r = await runClaim(claim, { runs: 200, seed: 1 });
    expect(r.verdict).toBe('inconclusive');
    expect(r.detail.summary).toMatch(/the check returned fail although it declares it cannot fail \(it exhibits a construction\)/);
    expect(() => forAll({ name: 'd', basis: 'exact', arbitrary: values, check: () => pass(), cannotFail: ' ' })).toThrow(/cannotFail must say why/);
    expect(() => forAll({ name: 'd', basis: 'exact', arbitrary: values, check: () => pass(), cannotFail: 'x', confirm: () => confirmed('r') })).toThrow(/not both/);
  });

  it('rejects a fail outcome not made by fail(), which would carry no certificate', async () => {
    const forged = theorem({
      id: 'toy/forged',
      paper: 'toy',
      title: 't',
      statement: 's',
      checks: [forAll({ name: 'c', basis: 'exact', arbitrary: values, check: () => ({ status: 'fail', witness: {} }) as unknown as ReturnType<typeof pass> })],
    });
    const r = await runClaim(forged, { runs: 10, seed: 1 });
    expect(r.verdict).toBe('inconclusive');
    expect(r.detail.summary).toMatch(/not an outcome/);
  });
});

describe('claim definitions', () => {
  const check = forAll({ name: 'c', basis: 'exact', arbitrary: fc.nat(), check: () => pass() });
  const base = { paper: 'toy', title: 't', statement: 's' };

  it('reject malformed claims with a message naming the claim', async () => {
    expect(() => theorem({ ...base, id: 'Toy/x', checks: [check] })).toThrow(/id must look like/);
    expect(() => theorem({ ...base, id: 'other/x', checks: [check] })).toThrow(/paper is "toy" but the id starts with 'other\/'/);
    expect(() => theorem({ ...base, id: 'toy/x', checks: [] })).toThrow(/at least one check/);
    expect(() => theorem({ ...base, id: 'toy/x', checks: [check, check] })).toThrow(/two checks are named 'c'/);
    expect(() => theorem({ ...base, id: 'toy/x', title: ' ', checks: [check] })).toThrow(/title must be a non-empty string/);
    expect(() => forAll({ name: 'c', basis: 'exactly' as 'exact', arbitrary: fc.nat(), check: () => pass() })).toThrow(/basis must be/);
    expect(() => example({ ...base, id: 'toy/x' })).toThrow(/at least one check/);
  });
});
