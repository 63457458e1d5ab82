import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');
const FIXTURE_CLAIMS = join(REPO, 'test', 'fixtures', 'claims');
const FIXTURES = ['--claims', FIXTURE_CLAIMS];

/** A file the CLI reads, the command that reads it (FILE stands for the fuzzed file), and valid examples to mutate. */
export interface Reader {
  readonly name: string;
  readonly args: (file: string) => readonly string[];
  /** Other files the command needs, valid. */
  readonly beside: Readonly<Record<string, string>>;
  readonly valid: readonly string[];
}

const read = (...path: string[]): string => readFileSync(join(REPO, ...path), 'utf8');

const NET = read('examples', 'net.json');
const DATA = read('examples', 'data.json');
const SMALL_DATA = JSON.stringify({ inputs: [[1], [2], ['1/2']], targets: [0, 1, '3/2'] });

/** A toy witness and a toy report, in the formats the store and `report --merge` read. */
const TOY_WITNESS = JSON.stringify({
  claim: 'toy/square-dominates',
  verdict: 'refuted',
  check: 'x² ≥ x',
  basis: 'exact',
  instance: '1/2',
  witness: { x: '1/2', predicted: 'x² ≥ x', 'x²': '1/4', 'x² − x': '-1/4' },
  certificate: { kind: 'exact' },
  seed: 1,
  path: '0',
  version: '0.1.0',
});
const TOY_RESULT = {
  id: 'toy/square-nonnegative',
  paper: 'toy',
  title: 'Squares are non-negative',
  kind: 'theorem',
  verdict: 'holds',
  basis: 'exact',
  runs: 1,
  seed: 1,
  counterexample: null,
  detail: { summary: '1 cases decided, none fails', checks: [] },
  durationMs: 1,
};
const TOY_REPORT = JSON.stringify({ run: { version: '0.1.0', seed: 3, runs: 1, timeLimitSeconds: null, shard: null }, results: [TOY_RESULT] });

/** Every file kind a user hands the CLI, each with its command. */
export const READERS: readonly Reader[] = [
  { name: 'classify-net', args: (f) => ['classify', '--net', f, '--data', 'data.json'], beside: { 'data.json': DATA }, valid: [NET] },
  { name: 'classify-data', args: (f) => ['classify', '--net', 'net.json', '--data', f], beside: { 'net.json': NET }, valid: [DATA] },
  { name: 'regions-data', args: (f) => ['regions', '--data', f, '--hidden', '1'], beside: {}, valid: [SMALL_DATA, DATA] },
  { name: 'replay', args: (f) => ['replay', f, ...FIXTURES], beside: {}, valid: [TOY_WITNESS] },
  {
    name: 'baseline',
    args: (f) => ['check', '--gate', '--baseline', f, '--claim', 'toy/square-nonnegative', '--runs', '5', '--workers', '1', '--no-store', '--quiet', ...FIXTURES],
    beside: {},
    valid: [JSON.stringify({ 'toy/square-nonnegative': 'holds', 'toy/square-dominates': 'refuted' })],
  },
  { name: 'catalogue', args: (f) => ['list', '--catalogue', f, ...FIXTURES], beside: {}, valid: [read('test', 'fixtures', 'CLAIMS.md')] },
  { name: 'report-merge', args: (f) => ['report', '--merge', f, '--claim', 'toy/square-nonnegative', '--out', 'merged', ...FIXTURES], beside: {}, valid: [TOY_REPORT] },
  { name: 'soak-compare', args: (f) => ['soak', '--compare', f, '--out', 'soak-out'], beside: { 'verdicts.json': '{"toy/square-nonnegative": "holds"}' }, valid: [TOY_REPORT] },
  {
    name: 'readme',
    args: (f) => ['report', '--readme', f, '--claim', 'toy/square-nonnegative', '--runs', '1', '--workers', '1', '--out', 'out', ...FIXTURES],
    beside: {},
    valid: ['# Title\n\n<!-- verdicts:start -->\nold\n<!-- verdicts:end -->\n'],
  },
];

/** Names for --reader, checked against the stored counterexamples so the witness format above stays current. */
export function readerNames(): string[] {
  readdirSync(join(REPO, 'counterexamples'));
  return READERS.map((r) => r.name);
}
