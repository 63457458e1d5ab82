import { describe, expect, it } from 'vitest';
import { claimParameters, example, reproduction } from '../../src/claims/claim.ts';
import { jsonCount } from '../../src/claims/json-count.ts';
import { runReproduction, runReproductionCheck } from '../../src/claims/reproduction-runner.ts';
import type { ReproductionCheck } from '../../src/claims/claim.ts';

const base = { id: 'toy/p', paper: 'toy', title: 'T', statement: 'S' };
const size = { description: 'a size', default: 3, min: 1, max: 9 };

describe('reproduction parameters', () => {
  it('reproduce receives the defaults under check and the given values under reproduce; data is returned', async () => {
    const claim = example({
      ...base,
      parameters: { size },
      reproduce: ({ size: n }) => ({ values: [{ quantity: 'n', paper: n, computed: n }], data: { n: n! } }),
    });
    const check = claim.checks[0] as ReproductionCheck;
    expect((await runReproductionCheck(check)).table![0]!.computed).toBe(3);
    const run = await runReproduction(check, { size: 7 });
    expect([run.result.verdict, run.data]).toEqual(['reproduced', { n: 7 }]);
    expect(claimParameters(claim)).toEqual({ size });
  });

  it('refuses malformed declarations', async () => {
    const make = (parameters: Record<string, unknown>) => () =>
      example({ ...base, parameters: parameters as never, reproduce: () => ({ values: [] }) });
    expect(make({ Size: size })).toThrow(/lower-case words/);
    expect(make({ json: size })).toThrow(/option of reproduce itself/);
    expect(make({ size: { ...size, default: 10 } })).toThrow(/default 10 is not in \[1, 9\]/);
    expect(make({ size: { ...size, min: 1.5 } })).toThrow(/must be integers/);
    expect(make({ size: { ...size, description: '' } })).toThrow(/needs a description/);
  });

  it('two checks of one claim may share a parameter only with the same declaration', async () => {
    const check = (name: string, p: typeof size) => reproduction({ name, basis: 'exact', parameters: { size: p }, reproduce: () => ({ values: [] }) });
    expect(() => example({ ...base, checks: [check('a', size), check('b', size)] })).not.toThrow();
    expect(() => example({ ...base, checks: [check('a', size), check('b', { ...size, max: 8 })] })).toThrow(/declared differently/);
  });
});

describe('jsonCount', () => {
  it('a number up to 2^53, decimal digits beyond', async () => {
    expect(jsonCount(2n ** 53n)).toBe(9007199254740992);
    expect(jsonCount(2n ** 53n + 1n)).toBe('9007199254740993');
    expect(jsonCount(6n ** 10n)).toBe(60466176);
  });
});
