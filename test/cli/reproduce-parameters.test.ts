import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from './run-cli.ts';

/** A user claim with two integer parameters whose data holds a count beyond 2^53. */
function parameterClaim(dir: string): string[] {
  const file = join(dir, 'powers.mts');
  writeFileSync(
    file,
    `import { example, jsonCount } from ${JSON.stringify(join(REPO, 'src', 'index.ts'))};
export default example({
  id: 'toy/powers',
  paper: 'toy',
  title: 'Powers of a base',
  statement: 'base^exponent, with both set on the command line.',
  parameters: {
    base: { description: 'the base', default: 2, min: 2, max: 10 },
    'max-exponent': { description: 'the largest exponent', default: 3, min: 0, max: 80 },
  },
  reproduce: ({ base, 'max-exponent': top }) => {
    const powers = Array.from({ length: top + 1 }, (_, k) => BigInt(base) ** BigInt(k));
    return {
      values: [{ quantity: 'base^0', paper: 1, computed: Number(powers[0]) }],
      data: { base, powers: powers.map(jsonCount) },
    };
  },
});
`,
  );
  return ['--claims', file];
}

describe('reproduce with claim parameters', () => {
  it('passes the parameters to the claim and prints its data as a top-level "data" field', () => {
    const dir = tempDir();
    const claims = parameterClaim(dir);
    const defaults = JSON.parse(runCli(['reproduce', 'toy/powers', '--json', ...claims], dir).stdout);
    expect(defaults).toMatchObject({ id: 'toy/powers', verdict: 'reproduced', parameters: { base: 2, 'max-exponent': 3 } });
    expect(defaults.data).toEqual({ base: 2, powers: [1, 2, 4, 8] });
    // Options before or after the ID, with "=" or a separate value.
    const r = runCli(['reproduce', '--base=3', 'toy/powers', '--max-exponent', '34', '--json', ...claims], dir);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.parameters).toEqual({ base: 3, 'max-exponent': 34 });
    // 3^33 = 5559060566555523 < 2^53 is a number; 3^34 = 16677181699666569 > 2^53 is a decimal string.
    expect(out.data.powers[33]).toBe(5559060566555523);
    expect(out.data.powers[34]).toBe('16677181699666569');
    const text = runCli(['reproduce', 'toy/powers', '--base', '5', ...claims], dir);
    expect(text.stdout).toMatch(/Parameters: --base 5 --max-exponent 3/);
  });

  it('exits 2 with one clear message on a bad or unknown parameter, and writes nothing', () => {
    const dir = tempDir();
    const claims = parameterClaim(dir);
    const cases: [string[], RegExp][] = [
      [['--base', '1'], /--base "1": expected a whole number from 2 to 10/],
      [['--base', '11'], /--base "11": expected a whole number from 2 to 10/],
      [['--base', 'two'], /--base "two": expected a whole number from 2 to 10/],
      [['--base', '2.5'], /--base "2\.5": expected a whole number/],
      [['--base'], /option --base needs a value/],
      [['--max-h', '3'], /unknown option --max-h \(toy\/powers takes --base, --max-exponent\)/],
      [['--json', 'extra'], /unexpected argument "extra"/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['reproduce', 'toy/powers', ...claims, ...args], dir);
      expect({ args, status: r.status, stdout: r.stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
    const noId = runCli(['reproduce', '--base', '3', ...claims], dir);
    expect([noId.status, noId.stderr]).toEqual([2, expect.stringMatching(/missing claim ID/)]);
    expect(readdirSync(dir)).toEqual(['powers.mts']);
  });

  it('--help names the parameters of the claim on the command line', () => {
    const dir = tempDir();
    const general = runCli(['reproduce', '--help'], dir);
    expect(general.stdout).toMatch(/--PARAMETER N/);
    const own = runCli(['reproduce', 'toy/powers', '--help', ...parameterClaim(dir)], dir);
    expect(own.status).toBe(0);
    expect(own.stdout).toMatch(/Parameters of toy\/powers:\n {2}--base N +the base \(default 2, from 2 to 10\)\n {2}--max-exponent N/);
  });

  it('a claim without parameters still refuses unknown options', () => {
    const r = runCli(['reproduce', 'decomposition/fig-1', '--max-h', '3'], tempDir());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option --max-h \(decomposition\/fig-1 takes no parameters\)/);
  });
});

describe('reproduce decomposition/fig-3 --json', () => {
  it('has data {"1": [{loss, regions}], …} with exact losses and counts summing to 6^h', () => {
    const r = runCli(['reproduce', 'decomposition/fig-3', '--max-h', '10', '--json'], tempDir());
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { id: string; data: Record<string, { loss: string; regions: number | string }[]> };
    expect(out.id).toBe('decomposition/fig-3');
    expect(Object.keys(out.data)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    for (const [h, bars] of Object.entries(out.data)) {
      for (const bar of bars) {
        expect(Object.keys(bar)).toEqual(['loss', 'regions']);
        expect(bar.loss).toMatch(/^\d+(\/\d+)?$/);
        expect(typeof bar.regions).toBe('number');
      }
      expect(bars.reduce((s, b) => s + BigInt(b.regions), 0n)).toBe(6n ** BigInt(h));
    }
    // h = 1: the six regions of one node, one value each, from the linear fit 4/25 to the dead unit ½(1 + 4 + 9).
    expect(out.data['1']!.map((b) => b.loss)).toEqual(['4/25', '1/2', '2', '5', '13/2', '7']);
  });
});
