// Limits checked before the work they bound (issue 16, items 7 and 8): a 100,000-digit number is
// refused before any arithmetic, regions refuses from Cover's bound before any LP, classify and
// regions stop at their time limits, and check has a default time limit per claim.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInstance, digitLimitProblem, MAX_DIGITS, writtenDigits } from '../../src/claims/codec.ts';
import { CodecError } from '../../src/claims/errors.ts';
import { DEFAULT_CLASSIFY_TIME_LIMIT_SECONDS, MAX_HESSIAN_TERMS } from '../../src/cli/commands/classify.ts';
import { HELP } from '../../src/cli/help.ts';
import { DEFAULT_TIME_LIMIT_SECONDS } from '../../src/cli/prepare-run.ts';
import { regionBound } from '../../src/cli/regions-data.ts';
import { arrangementCells } from '../../src/geometry/arrangement.ts';
import { adjacentUnitCells } from '../../src/landscape/adjacent-regions.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { FIXTURES, REPO, runCli, runMain, snapshot, tempDir } from './run-cli.ts';

const HUGE = '7'.repeat(100_000);

function setUp(files: Readonly<Record<string, string>>): string {
  const dir = tempDir('landscape-check-limits-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Runs in-process and measures: refusals must come at once, exit 2, one line, nothing written. */
async function refused(args: readonly string[], files: Readonly<Record<string, string>>, message: RegExp): Promise<number> {
  const dir = setUp(files);
  const before = snapshot(dir);
  const started = performance.now();
  const r = await runMain(args, dir);
  const seconds = (performance.now() - started) / 1000;
  expect({ status: r.status, stdout: r.stdout }, r.stderr).toEqual({ status: 2, stdout: '' });
  expect(r.stderr).toMatch(message);
  // One message (a usage error adds one line pointing at --help).
  expect(r.stderr.trim().split('\n').length, r.stderr).toBeLessThanOrEqual(2);
  expect(snapshot(dir)).toEqual(before);
  return seconds;
}

const NET = JSON.stringify({ layers: [{ weights: [[1, 0], [0, 1]], bias: [0, 0] }, { weights: [[1, -1]] }] });
const DATA = JSON.stringify({ inputs: [[1, 0], [0, 1], [1, 1]], targets: [1, 0, '1/2'] });

describe('item 7: numbers with too many digits are refused before any arithmetic', () => {
  it('counts the digits of numerator and denominator as written', () => {
    expect(writtenDigits('-12/345')).toEqual({ numerator: 2, denominator: 3 });
    expect(writtenDigits('1.25')).toEqual({ numerator: 3, denominator: 3 });
    expect(writtenDigits('3e-2')).toEqual({ numerator: 1, denominator: 1 });
    expect(digitLimitProblem(`1/${'9'.repeat(MAX_DIGITS)}`)).toBeNull();
    expect(digitLimitProblem(`1/${'9'.repeat(MAX_DIGITS + 1)}`)).toBe(`has ${MAX_DIGITS + 1} digits in its denominator; at most ${MAX_DIGITS} digits per numerator or denominator are read`);
    expect(digitLimitProblem(`${'9'.repeat(MAX_DIGITS + 1)}.5`)).toMatch(/1002 digits in its numerator/);
  });

  it('decodeInstance refuses a stored value beyond the limit, naming its path, and reads one at the limit', () => {
    expect(() => decodeInstance({ a: [`1/${HUGE}`] })).toThrow(CodecError);
    expect(() => decodeInstance({ a: [`1/${HUGE}`] })).toThrow(/^instance\.a\[0\] has 100000 digits in its denominator; at most 1000/);
    expect((decodeInstance([`-${'3'.repeat(MAX_DIGITS)}`]) as Rational[])[0]!.sign()).toBe(-1);
  });

  it.each([
    ['a rational string', `"1/${HUGE}"`, 'denominator'],
    ['a JSON number', HUGE, 'numerator'],
  ])('regions --data with %s of 100,000 digits: exit 2 naming the file, the field and the limit', async (_, value, part) => {
    const seconds = await refused(
      ['regions', '--data', 'data.json', '--hidden', '1'],
      { 'data.json': `{"inputs": [[1, 0], [0, 1]], "targets": [0, ${value}]}` },
      new RegExp(`^landscape-check regions: data\\.json: field "targets\\[1\\]" has 100000 digits in its ${part}; at most 1000 digits per numerator or denominator are read\\n$`),
    );
    expect(seconds).toBeLessThan(5);
  });

  it('classify --net with a 100,000-digit weight and --data with a 100,000-digit input', async () => {
    const bigWeight = NET.replace('[[1,0]', `[["1/${HUGE}",0]`);
    await refused(['classify', '--net', 'net.json', '--data', 'data.json'], { 'net.json': bigWeight, 'data.json': DATA }, /net\.json: field "layers\[0\]\.weights\[0\]\[0\]" has 100000 digits in its denominator; at most 1000/);
    const bigInput = DATA.replace('[[1,0]', `[[${HUGE},0]`);
    await refused(['classify', '--net', 'net.json', '--data', 'data.json'], { 'net.json': NET, 'data.json': bigInput }, /data\.json: field "inputs\[0\]\[0\]" has 100000 digits in its numerator/);
  });

  it('a long string that is not a number is refused before the schema pattern could backtrack on it', async () => {
    const seconds = await refused(
      ['regions', '--data', 'data.json', '--hidden', '1'],
      { 'data.json': `{"inputs": [[1, 0], [0, 1]], "targets": [0, "1/${HUGE}x"]}` },
      /data\.json: field "targets\[1\]" is 100003 characters long; at most 4000 are read/,
    );
    expect(seconds).toBeLessThan(5);
  });

  it('replay of a stored counterexample whose instance has 100,000 digits', async () => {
    const stored = readFileSync(join(REPO, 'counterexamples/milne/lemma-3/c2c382b5614d.json'), 'utf8');
    const path = 'store/milne/lemma-3/c2c382b5614d.json';
    await refused(['replay', path], { [path]: stored.replace(/"-1"/, `"1/${HUGE}"`) }, /c2c382b5614d\.json: field "instance\.a\[0\]" has 100000 digits in its denominator; at most 1000/);
  });
});

/** `count` points on a line, x = 1 … count: in general position for one input, so Cover's bound is attained. */
const line = (count: number): string => JSON.stringify({ inputs: Array.from({ length: count }, (_, i) => [i + 1]), targets: Array.from({ length: count }, (_, i) => i % 3) });

describe('item 8: regions refuses from the bound before any LP, and stops at its time limit', () => {
  it('the bound is Cover’s count of cells (attained in general position) and the multisets of K of them', () => {
    const inputs = Array.from({ length: 7 }, (_, i) => [Rational.fromInt(i + 1), Rational.fromInt((i + 1) ** 2)]);
    const bound = regionBound(7, 2, true, 3);
    expect(bound.cells).toBe(BigInt(arrangementCells(inputs, { bias: true }).length));
    expect(bound.cells).toBe(2n * (1n + 6n + 15n));
    expect(bound.regions).toBe((bound.cells * (bound.cells + 1n) * (bound.cells + 2n)) / 6n);
    // Repeated points give fewer cells: the bound stays an upper bound.
    const repeated = [...inputs, ...inputs];
    expect(BigInt(arrangementCells(repeated, { bias: true }).length)).toBeLessThanOrEqual(regionBound(14, 2, true, 1).cells);
  });

  it('refuses 50 points with --hidden 2 at once (5050 regions by the bound), naming --max-regions; the old check came after 15 s of LPs', async () => {
    const seconds = await refused(
      ['regions', '--data', 'data.json', '--hidden', '2'],
      { 'data.json': line(50) },
      /data\.json with --hidden 2: 100 cells per unit give 5050 regions up to the order of the units, more than --max-regions 5000 \(at most: Cover's bound for 50 points in dimension 1 with bias, known before any enumeration; raise --max-regions, up to 100000/,
    );
    expect(seconds).toBeLessThan(3);
  });

  it('--max-regions goes up to 100000 (it was 1000000)', async () => {
    await refused(['regions', '--data', 'data.json', '--hidden', '1', '--max-regions', '1000000'], { 'data.json': DATA }, /--max-regions "1000000": expected a whole number from 1 to 100000/);
  });

  it('stops at --time-limit with exit 2 and nothing printed, naming the flag', async () => {
    const seconds = await refused(
      ['regions', '--data', 'data.json', '--hidden', '2', '--time-limit', '0.5'],
      { 'data.json': line(30) },
      /data\.json with --hidden 2: stopped at the time limit of 0\.5 s (while enumerating the cells of one unit|after \d+ of 1830 regions); nothing was printed \(raise it with --time-limit/,
    );
    expect(seconds).toBeLessThan(10);
  });
});

/** A network of `units` ReLU units whose kinks all pass through the points (0, y): every point is on a kink of every unit. */
function kinkedNet(units: number): string {
  return JSON.stringify({
    layers: [
      { weights: Array.from({ length: units }, (_, j) => [1, j % 3]), bias: new Array(units).fill(0), activation: 'relu' },
      { weights: [Array.from({ length: units }, (_, j) => (j % 2 === 1 ? 1 : -1))], bias: [0] },
    ],
  });
}
const kinkData = (count: number): string =>
  JSON.stringify({ inputs: Array.from({ length: count }, (_, i) => [0, (i % 7) - 3]), targets: Array.from({ length: count }, (_, i) => i % 5) });

describe('item 8: classify has a time limit and a bound on the one computation it cannot interrupt', () => {
  it('past --time-limit it reports what is not decided as undecided evidence, naming the limit, instead of searching on', async () => {
    // Without a limit this point is a certified saddle after a search; 1 ms is over before the search
    // starts (the exact Hessian alone takes longer), so the test does not depend on the machine's speed.
    const dir = setUp({ 'net.json': kinkedNet(10), 'data.json': kinkData(50) });
    const started = performance.now();
    const r = await runMain(['classify', '--net', 'net.json', '--data', 'data.json', '--time-limit', '0.001', '--json'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect((performance.now() - started) / 1000).toBeLessThan(5);
    type Decision = { holds: boolean | null; basis: string; reason: string };
    type Both = { strict: Decision; nonStrict: Decision };
    const out = JSON.parse(r.stdout) as { classification: { kind: string; localMin: Both; localMax: Both } };
    expect(out.classification.kind).not.toBe('saddle');
    const { localMin, localMax } = out.classification;
    const undecided = [localMin.nonStrict, localMin.strict, localMax.nonStrict, localMax.strict].filter((d) => d.holds === null);
    expect(undecided.length).toBeGreaterThan(0);
    for (const d of undecided) {
      expect(d.basis).toBe('evidence');
      expect(d.reason).toMatch(/^undecided: time limit of 0\.001 s reached \(--time-limit\)/);
    }
  });

  it('refuses parameters² × points beyond the bound before any work: a 161-parameter net on 1,000 points on kinks ran past 2 minutes', async () => {
    const seconds = await refused(
      ['classify', '--net', 'net.json', '--data', 'data.json'],
      { 'net.json': kinkedNet(40), 'data.json': kinkData(1000) },
      new RegExp(`net\\.json on data\\.json: 161 parameters and 1000 points make 25921000 second-derivative terms \\(parameters² × points\\) for one exact Hessian; at most ${MAX_HESSIAN_TERMS} are computed`),
    );
    expect(seconds).toBeLessThan(5);
  });

  it('enumerates the cells around many kinks on a few lines through 0 from one point per line, with the same cells in the same order', () => {
    const q = (x: number): Rational => Rational.fromInt(x);
    const lines = [[1, 2, 1], [2, -1, 0], [0, 1, 3], [1, 1, -1]].map((v) => v.map(q));
    // Each line many times, scaled by positive and negative factors, in a scrambled order.
    const vectors = Array.from({ length: 40 }, (_, i) => lines[(i * 7) % lines.length]!.map((x) => x.mul(q(((i * 5) % 9) - 4 || 3))));
    const zero = [q(0), q(0), q(0)];
    const expected = arrangementCells(vectors).map((cell) => cell.signs);
    expect(adjacentUnitCells(vectors, zero)).toEqual(expected);
    expect(expected.length).toBe(14); // 4 planes in general position in R^3
  });

  it('documents its default of 60 s', () => {
    expect(DEFAULT_CLASSIFY_TIME_LIMIT_SECONDS).toBe(60);
    expect(HELP.classify).toMatch(/--time-limit SEC {4}stop searching after SEC seconds \(default 60\)/);
  });
});

describe('item 8: check has a default time limit per claim', () => {
  it('report records the default of 600 s per claim in its run description', () => {
    expect(DEFAULT_TIME_LIMIT_SECONDS).toBe(600);
    const dir = tempDir();
    const r = runCli(['report', ...FIXTURES, '--claim', 'toy/square-nonnegative', '--runs', '1', '--no-store', '--quiet', '--out', 'out'], dir);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { run: { timeLimitSeconds: number | null } };
    expect(report.run.timeLimitSeconds).toBe(600);
    expect(HELP.check).toMatch(/--time-limit SEC {4}time limit per claim \(default 600\)/);
  });

  it('check --runs 10000000 stops at the time limit; the cases checked before it count and the detail says so', () => {
    const started = performance.now();
    const r = runCli(['check', ...FIXTURES, '--claim', 'toy/square-nonnegative', '--runs', '10000000', '--time-limit', '1', '--no-store', '--quiet', '--json'], tempDir());
    expect(r.status, r.stderr).toBe(0);
    expect((performance.now() - started) / 1000).toBeLessThan(30);
    const [result] = (JSON.parse(r.stdout) as { results: { runs: number; detail: { summary: string } }[] }).results;
    expect(result!.runs).toBeGreaterThan(0);
    expect(result!.detail.summary).toMatch(/time limit reached after \d+ of 10000000 decided cases/);
  });
});
