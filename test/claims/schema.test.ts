import { describe, expect, it } from 'vitest';
import { parseCounterexample } from '../../src/claims/counterexample-file.ts';
import { InputError } from '../../src/claims/errors.ts';
import { validateJson } from '../../src/claims/json-schema.ts';

const valid = {
  $schema: '../../schema.json',
  claim: 'milne/theorem-3-qi',
  verdict: 'refuted',
  check: 'σ in Qi intervals',
  basis: 'exact',
  instance: { A: [['1', '-1/2'], ['0', '3']], n: 2, label: { $string: '7' } },
  witness: { sigma: '5/2' },
  seed: 12,
  path: '3:0:1',
  version: '0.1.0',
};

function text(change: (record: Record<string, unknown>) => void): string {
  const record: Record<string, unknown> = structuredClone(valid);
  change(record);
  return JSON.stringify(record);
}

function problem(change: (record: Record<string, unknown>) => void): string {
  try {
    parseCounterexample(text(change), 'counterexamples/milne/theorem-3-qi/x.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('the malformed file was accepted');
}

describe('counterexample schema', () => {
  it('accepts a well-formed file', () => {
    expect(parseCounterexample(JSON.stringify(valid), 'f.json').claim).toBe('milne/theorem-3-qi');
  });

  it('rejects malformed files with a message naming the file and the field', () => {
    const at = 'counterexamples/milne/theorem-3-qi/x.json: field';
    expect(problem((r) => delete r.seed)).toBe(`${at} "seed" is missing`);
    expect(problem((r) => (r.seed = '12'))).toBe(`${at} "seed" must be integer, got string`);
    expect(problem((r) => (r.verdict = 'holds'))).toBe(`${at} "verdict" must be "refuted"`);
    expect(problem((r) => (r.claim = 'Milne/x'))).toMatch(new RegExp(`^${at} "claim" "Milne/x" does not match`));
    expect(problem((r) => (r.path = 'a:b'))).toMatch(/field "path" "a:b" does not match/);
    expect(problem((r) => (r.basis = 'numerical'))).toMatch(/field "basis"/);
    expect(problem((r) => (r.extra = 1))).toBe(`${at} "extra" is not an allowed field`);
    expect(problem((r) => ((r.instance as { A: unknown[][] }).A[0]![1] = 0.5))).toMatch(/field "instance\.A\[0\]\[1\]" must be an exact value/);
    expect(problem((r) => ((r.instance as Record<string, unknown>).$x = 1))).toMatch(/field "instance\.\$x"/);
    expect(problem((r) => ((r.instance as { A: unknown[][] }).A[1]![0] = '1/0'))).toMatch(/field "instance\.A\[1\]\[0\]" division by zero/);
    expect(problem((r) => (r.witness = []))).toBe(`${at} "witness" must be object, got array`);
    expect(() => parseCounterexample('{"claim": ', 'f.json')).toThrow(/^f\.json: not valid JSON/);
  });

  it('refuses schema keywords it does not check', () => {
    expect(() => validateJson({ type: 'string', format: 'email' }, 'x')).toThrow(/unsupported keyword format/);
  });
});
