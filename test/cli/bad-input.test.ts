// Every file and flag a user can give, given wrongly: exit code 2, one clear message naming the
// file (or flag) and the field, nothing on stdout and nothing written.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CATALOGUE, FIXTURE_CLAIMS, REPO, runMain, snapshot, tempDir } from './run-cli.ts';

type Files = Readonly<Record<string, string>>;

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly files?: Files;
  readonly message: RegExp;
}

const NET = JSON.stringify({ layers: [{ weights: [[1, 0], [0, 1]], bias: [0, 0], activation: 'relu' }, { weights: [[1, -1]], bias: null }] });
const DATA = JSON.stringify({ inputs: [[1, 0], [0, 1], [1, 1]], targets: [1, 0, '1/2'] });
const net = (layers: unknown, extra: Record<string, unknown> = {}): string => JSON.stringify({ layers, ...extra });
const hidden = (layer: Record<string, unknown>): string => net([{ weights: [[1, 0], [0, 1]], bias: [0, 0], ...layer }, { weights: [[1, -1]] }]);
const data = (inputs: unknown, targets: unknown): string => JSON.stringify({ inputs, targets });
const classify = (netText: string, dataText: string = DATA, ...flags: string[]): Pick<Case, 'args' | 'files'> => ({
  args: ['classify', '--net', 'net.json', '--data', 'data.json', ...flags],
  files: { 'net.json': netText, 'data.json': dataText },
});
const regions = (dataText: string, ...flags: string[]): Pick<Case, 'args' | 'files'> => ({
  args: ['regions', '--data', 'data.json', ...flags],
  files: { 'data.json': dataText },
});

/** `count` points on the moment curve in dimension `dim`: in general position, so Cover's bound is attained. */
const manyPoints = (count: number, dim: number): string =>
  data(
    Array.from({ length: count }, (_, i) => Array.from({ length: dim }, (_, k) => (i + 1) ** (k + 1))),
    Array.from({ length: count }, (_, i) => i % 2),
  );

const NETWORK_CASES: Case[] = [
  { name: 'net file missing', args: ['classify', '--net', 'nope.json', '--data', 'data.json'], files: { 'data.json': DATA }, message: /--net nope\.json: no such file/ },
  { name: 'net file is a folder', args: ['classify', '--net', 'folder', '--data', 'data.json'], files: { 'data.json': DATA, 'folder/x': '' }, message: /--net folder: is a folder/ },
  { name: 'net file empty', ...classify(''), message: /net\.json: not valid JSON/ },
  { name: 'net malformed JSON', ...classify('{"layers": [}'), message: /net\.json: not valid JSON/ },
  { name: 'net with a NaN literal', ...classify('{"layers": [{"weights": [[NaN]]}]}'), message: /net\.json: not valid JSON/ },
  { name: 'net not an object', ...classify('[]'), message: /net\.json: the file must be object, got array/ },
  { name: 'net without layers', ...classify('{}'), message: /net\.json: field "layers" is missing/ },
  { name: 'net with no layers', ...classify(net([])), message: /net\.json: field "layers" must not be empty/ },
  { name: 'net layer without units', ...classify(net([{ weights: [] }])), message: /net\.json: field "layers\[0\]\.weights" must not be empty/ },
  { name: 'net weight a word', ...classify(hidden({ weights: [[1, 'x'], [0, 1]] })), message: /net\.json: field "layers\[0\]\.weights\[0\]\[1\]" must be an exact number/ },
  { name: 'net weight a boolean', ...classify(hidden({ weights: [[1, true], [0, 1]] })), message: /field "layers\[0\]\.weights\[0\]\[1\]" must be an exact number/ },
  { name: 'net weight "NaN"', ...classify(hidden({ weights: [['NaN', 0], [0, 1]] })), message: /field "layers\[0\]\.weights\[0\]\[0\]" must be an exact number/ },
  { name: 'net weight "Infinity"', ...classify(hidden({ weights: [['Infinity', 0], [0, 1]] })), message: /field "layers\[0\]\.weights\[0\]\[0\]" must be an exact number/ },
  { name: 'net weight with zero denominator', ...classify(hidden({ weights: [['1/0', 0], [0, 1]] })), message: /field "layers\[0\]\.weights\[0\]\[0\]" "1\/0" has a zero denominator/ },
  {
    name: 'net weight with an absurd exponent',
    ...classify('{"layers": [{"weights": [[1e5000, 0], [0, 1]]}, {"weights": [[1, 1]]}]}'),
    message: /field "layers\[0\]\.weights\[0\]\[0\]" "1e5000" has an exponent beyond ±1000/,
  },
  { name: 'net ragged weights', ...classify(hidden({ weights: [[1, 0], [1]] })), message: /field "layers\[0\]\.weights\[1\]" has 1 entries, expected 2 \(as row 0\)/ },
  {
    name: 'net layers that do not chain',
    ...classify(net([{ weights: [[1, 0], [0, 1]] }, { weights: [[1, 1, 1]] }])),
    message: /field "layers\[1\]\.weights\[0\]" has 3 entries, expected 2 \(layers\[0\] has 2 units\)/,
  },
  { name: 'net bias of the wrong length', ...classify(hidden({ bias: [0] })), message: /field "layers\[0\]\.bias" has 1 entry, but the weights have 2 rows \(one per unit\)$/m },
  {
    name: 'net weights written input × units, found by the bias',
    ...classify(net([{ weights: [[1, 0, 0], [0, 1, 0]], bias: [0, 0, 0] }, { weights: [[1, 1, 1]] }])),
    message: /field "layers\[0\]\.bias" has 3 entries, but the weights have 2 rows \(one per unit\); the weights look transposed: rows are units, so give the 3×2 transpose/,
  },
  {
    name: 'net weights written input × units, found by the input dimension',
    ...classify(net([{ weights: [[1, 0, 0], [0, 1, 0]] }, { weights: [[1, 1, 1]] }], { inputDim: 2 })),
    message: /field "layers\[0\]\.weights" is 2×3, but its input has 2 entries: rows are units, so give the 3×2 transpose/,
  },
  { name: 'net bias a number', ...classify(hidden({ bias: 0 })), message: /field "layers\[0\]\.bias" must be b_l, one entry per unit/ },
  { name: 'net unknown activation', ...classify(hidden({ activation: 'tanh' })), message: /field "layers\[0\]\.activation" must be an activation/ },
  { name: 'net two-piece without slopes', ...classify(hidden({ activation: { kind: 'two-piece' } })), message: /field "layers\[0\]\.activation" of kind two-piece needs "slopes"/ },
  { name: 'net leaky-relu without alpha', ...classify(hidden({ activation: { kind: 'leaky-relu' } })), message: /of kind leaky-relu needs "alpha"/ },
  {
    name: 'net breakpoints not increasing',
    ...classify(hidden({ activation: { kind: 'piecewise-linear', breakpoints: [1, 0], slopes: [0, 1, 0] } })),
    message: /field "layers\[0\]\.activation": breakpoints must increase strictly/,
  },
  {
    name: 'net slopes not matching the breakpoints',
    ...classify(hidden({ activation: { kind: 'piecewise-linear', breakpoints: [0], slopes: [1] } })),
    message: /field "layers\[0\]\.activation": .*needs 2 slopes, got 1/,
  },
  { name: 'net unknown field', ...classify(net([{ weights: [[1, 1]] }], { comment: 'x' })), message: /field "comment" is not an allowed field/ },
  { name: 'net unknown layer field', ...classify(net([{ weights: [[1, 1]], biases: [0] }])), message: /field "layers\[0\]\.biases" is not an allowed field/ },
  { name: 'net duplicate key', ...classify('{"layers": [{"weights": [[1, 1]]}], "layers": []}'), message: /net\.json: field "layers" appears twice/ },
  {
    name: 'net fields smuggled in through __proto__',
    ...classify('{"layers": [{"weights": [[1, 0], [0, 1]], "__proto__": {"bias": [5, 5], "activation": "sigmoid"}}, {"weights": [[1, -1]]}]}'),
    message: /net\.json: field "layers\[0\]\.__proto__" is not an allowed key/,
  },
  ...['constructor', 'toString', 'hasOwnProperty'].map((key) => ({
    name: `net layer field named ${key}`,
    ...classify(`{"layers": [{"weights": [[1, 0], [0, 1]], "${key}": 1}, {"weights": [[1, -1]]}]}`),
    message: new RegExp(`net\\.json: field "layers\\[0\\]\\.${key}" is not an allowed field`),
  })),
  {
    name: 'net relu given by pieces that are 2·relu',
    ...classify(hidden({ activation: { kind: 'relu', breakpoints: [0], slopes: [0, 2] } })),
    message: /field "layers\[0\]\.activation" of kind relu has breakpoints \[0\], slopes \[0, 2\] and h\(0\) = 0: not max\(0, x\)/,
  },
  {
    name: 'net two-piece given with a kink away from 0',
    ...classify(hidden({ activation: { kind: 'two-piece', breakpoints: [1], slopes: [0, 1] } })),
    message: /field "layers\[0\]\.activation" of kind two-piece has breakpoints \[1\] and h\(0\) = 0: not two pieces meeting at 0/,
  },
  { name: 'net exponential units', ...classify(net([{ weights: [[1, 1]] }], { expUnits: [{ output: 0, a: 1, w: [1, 1], b: 0 }] })), message: /field "expUnits" must be empty/ },
  { name: 'net inputDim zero', ...classify(net([{ weights: [[1, 1]] }], { inputDim: 0 })), message: /field "inputDim" must be ≥ 1/ },
  { name: 'net inputDim a fraction', ...classify(net([{ weights: [[1, 1]] }], { inputDim: 1.5 })), message: /field "inputDim" must be integer, got number/ },
  { name: 'net inputDim not the row length', ...classify(net([{ weights: [[1, 1]] }], { inputDim: 3 })), message: /field "layers\[0\]\.weights\[0\]" has 2 entries, expected 3 \(inputDim is 3\)/ },
  {
    name: 'net absurdly large',
    ...classify(net([{ weights: Array.from({ length: 30 }, () => Array.from({ length: 30 }, () => 1)) }])),
    message: /net\.json: more than 200 parameters/,
  },
  { name: 'net nested absurdly deep', ...classify(`{"layers": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`), message: /net\.json: nested more than 64 levels deep/ },
  { name: 'net file too large', ...classify(`{"layers": [${' '.repeat(9 * 1024 * 1024)}]}`), message: /--net net\.json: \d+ bytes is more than the \d+-byte limit/ },
];

const DATASET_CASES: Case[] = [
  { name: 'data file missing', args: ['classify', '--net', 'net.json', '--data', 'none.json'], files: { 'net.json': NET }, message: /--data none\.json: no such file/ },
  { name: 'data malformed JSON', ...classify(NET, '{"inputs": [[1, 0]], "targets": [1,]}'), message: /data\.json: not valid JSON/ },
  { name: 'data with Infinity literal', ...classify(NET, '{"inputs": [[Infinity, 0]], "targets": [1]}'), message: /data\.json: not valid JSON/ },
  { name: 'data without targets', ...classify(NET, JSON.stringify({ inputs: [[1, 0]] })), message: /data\.json: field "targets" is missing/ },
  { name: 'data empty', ...classify(NET, data([], [])), message: /data\.json: field "inputs" must not be empty/ },
  { name: 'data empty input', ...classify(NET, data([[]], [1])), message: /data\.json: field "inputs\[0\]" must not be empty/ },
  { name: 'data input a number', ...classify(NET, data([1, 2], [1, 2])), message: /data\.json: field "inputs\[0\]" must be array, got integer/ },
  { name: 'data entry "NaN"', ...classify(NET, data([['NaN', 0]], [1])), message: /data\.json: field "inputs\[0\]\[0\]" must be an exact number/ },
  { name: 'data target null', ...classify(NET, data([[1, 0]], [null])), message: /data\.json: field "targets\[0\]" must be an exact number or a non-empty array/ },
  { name: 'data ragged inputs', ...classify(NET, data([[1, 0], [1]], [1, 0])), message: /data\.json: field "inputs\[1\]" has 1 entries, expected 2/ },
  { name: 'data fewer targets than inputs', ...classify(NET, data([[1, 0], [0, 1]], [1])), message: /data\.json: field "targets" has 1 entries for 2 inputs/ },
  { name: 'data mixed target shapes', ...classify(NET, data([[1, 0], [0, 1]], [1, [0]])), message: /data\.json: field "targets\[1\]" is an array, but targets\[0\] is a number/ },
  { name: 'data ragged targets', ...classify(NET, data([[1, 0], [0, 1]], [[1], [0, 1]])), message: /data\.json: field "targets\[1\]" has 2 entries, expected 1/ },
  { name: 'data duplicate key', ...classify(NET, '{"inputs": [[1, 0]], "targets": [1], "targets": [2]}'), message: /data\.json: field "targets" appears twice/ },
  { name: 'data of another input dimension', ...classify(NET, data([[1, 0, 0]], [1])), message: /data\.json: field "inputs\[0\]" has 3 entries, but the network net\.json takes 2 inputs/ },
  { name: 'data of another output dimension', ...classify(NET, data([[1, 0]], [[1, 2]])), message: /data\.json: field "targets\[0\]" has 2 entries, but the network net\.json has 1 output$/m },
  {
    name: 'data with too many points',
    ...classify(NET, data(Array.from({ length: 1001 }, () => [1, 0]), Array.from({ length: 1001 }, () => 0))),
    message: /data\.json: field "inputs" has 1001 points; at most 1000/,
  },
];

const CLASSIFY_FLAG_CASES: Case[] = [
  { name: 'classify without --net', args: ['classify', '--data', 'data.json'], files: { 'data.json': DATA }, message: /classify: missing --net FILE/ },
  { name: 'classify without --data', args: ['classify', '--net', 'net.json'], files: { 'net.json': NET }, message: /classify: missing --data FILE/ },
  { name: 'classify --net without a value', args: ['classify', '--data', 'data.json', '--net'], files: { 'data.json': DATA }, message: /option --net needs a value/ },
  { name: 'classify --net empty', args: ['classify', '--data', 'data.json', '--net='], files: { 'data.json': DATA }, message: /--net: expected a file name/ },
  { name: 'classify unknown option', ...classify(NET, DATA, '--bogus'), message: /classify: unknown option --bogus/ },
  { name: 'classify positional argument', ...classify(NET, DATA, 'extra'), message: /classify: unexpected argument "extra"/ },
  { name: 'classify --loss unknown', ...classify(NET, DATA, '--loss', 'hinge'), message: /--loss "hinge": expected one of squared, cubic-hinge/ },
  { name: 'classify --loss logistic', ...classify(NET, DATA, '--loss', 'logistic'), message: /--loss logistic: needs exp and log/ },
  { name: 'classify --normalisation unknown', ...classify(NET, DATA, '--normalisation', 'average'), message: /--normalisation "average": expected one of mean/ },
  { name: 'classify --seed not a number', ...classify(NET, DATA, '--seed', 'x'), message: /--seed "x": expected a whole number/ },
  { name: 'classify --seed negative', ...classify(NET, DATA, '--seed=-1'), message: /--seed "-1": expected a whole number from 0/ },
  {
    name: 'classify cubic hinge on a vector output',
    ...classify(net([{ weights: [[1, 0], [0, 1]] }]), data([[1, 0]], [[1, 0]]), '--loss', 'cubic-hinge'),
    message: /net\.json: the cubic hinge loss needs a scalar output, the network has 2 outputs/,
  },
];

const REGIONS_CASES: Case[] = [
  { name: 'regions without --hidden', ...regions(DATA), message: /regions: missing --hidden K/ },
  { name: 'regions without --data', args: ['regions', '--hidden', '1'], message: /regions: missing --data FILE/ },
  { name: 'regions --hidden 0', ...regions(DATA, '--hidden', '0'), message: /--hidden "0": expected a whole number from 1 to 8/ },
  { name: 'regions --hidden 9', ...regions(DATA, '--hidden', '9'), message: /--hidden "9": expected a whole number from 1 to 8/ },
  { name: 'regions --hidden negative', ...regions(DATA, '--hidden=-2'), message: /--hidden "-2": expected a whole number/ },
  { name: 'regions --hidden a word', ...regions(DATA, '--hidden', 'two'), message: /--hidden "two": expected a whole number/ },
  { name: 'regions --bias with --no-bias', ...regions(DATA, '--hidden', '1', '--bias', '--no-bias'), message: /--bias and --no-bias exclude each other/ },
  { name: 'regions --max-regions 0', ...regions(DATA, '--hidden', '1', '--max-regions', '0'), message: /--max-regions "0": expected a whole number from 1/ },
  { name: 'regions --normalisation unknown', ...regions(DATA, '--hidden', '1', '--normalisation', 'x'), message: /--normalisation "x"/ },
  { name: 'regions unknown option', ...regions(DATA, '--hidden', '1', '--units', '2'), message: /regions: unknown option --units/ },
  { name: 'regions data file missing', args: ['regions', '--data', 'no.json', '--hidden', '1'], message: /--data no\.json: no such file/ },
  { name: 'regions empty data', ...regions(data([], []), '--hidden', '1'), message: /data\.json: field "inputs" must not be empty/ },
  { name: 'regions vector targets', ...regions(data([[1, 0]], [[1, 2]]), '--hidden', '1'), message: /data\.json: field "targets\[0\]" has 2 entries; regions needs scalar targets/ },
  {
    name: 'regions more regions than allowed',
    ...regions(manyPoints(6, 2), '--hidden', '8'),
    message: /data\.json with --hidden 8: \d+ cells per unit give \d+ regions up to the order of the units, more than --max-regions 5000/,
  },
  {
    name: 'regions arrangement too large to enumerate',
    ...regions(manyPoints(200, 8), '--hidden', '1'),
    message: /data\.json: 200 points in dimension 8 with bias may give up to \d+ cells per unit; at most 100000/,
  },
];

const STORED = readFileSync(join(REPO, 'counterexamples/milne/lemma-3/c2c382b5614d.json'), 'utf8');
const STORED_PATH = 'store/milne/lemma-3/c2c382b5614d.json';
const replay = (text: string, path = STORED_PATH): Pick<Case, 'args' | 'files'> => ({ args: ['replay', path], files: { [path]: text } });

const REPLAY_CASES: Case[] = [
  { name: 'replay without a file', args: ['replay'], message: /replay: missing counterexample FILE/ },
  { name: 'replay two files', args: ['replay', 'a.json', 'b.json'], message: /replay: unexpected argument "b\.json"/ },
  { name: 'replay file missing', args: ['replay', 'gone.json'], message: /replay gone\.json: no such file/ },
  { name: 'replay a folder', args: ['replay', 'store'], files: { 'store/x': '' }, message: /store: is a folder, not a file/ },
  { name: 'replay empty file', ...replay(''), message: /c2c382b5614d\.json: not valid JSON/ },
  { name: 'replay malformed JSON', ...replay(STORED.slice(0, 40)), message: /c2c382b5614d\.json: not valid JSON/ },
  { name: 'replay NaN in the instance', ...replay(STORED.replace('"a": [\n      "-1"\n    ]', '"a": [NaN]').replace(/"a": \["-1"\]/, '"a": [NaN]')), message: /c2c382b5614d\.json: not valid JSON/ },
  { name: 'replay float in the instance', ...replay(STORED.replace(/"-1"/, '-1.5')), message: /c2c382b5614d\.json: field "instance\.a\[0\]" must be an exact value/ },
  { name: 'replay zero denominator', ...replay(STORED.replace(/"-1"/, '"1/0"')), message: /c2c382b5614d\.json: field "instance\.a\[0\]" .*division by zero/ },
  { name: 'replay nested absurdly deep', ...replay(STORED.replace('"instance": {', `"instance": {"deep": ${'['.repeat(100_000)}${']'.repeat(100_000)},`)), message: /c2c382b5614d\.json: nested more than 64 levels deep/ },
  { name: 'replay missing field', ...replay(STORED.replace(/"check": [^\n]*\n/, '')), message: /c2c382b5614d\.json: field "check" is missing/ },
  { name: 'replay wrong type', ...replay(STORED.replace(/"seed": \d+/, '"seed": "x"')), message: /c2c382b5614d\.json: field "seed" must be integer, got string/ },
  {
    name: 'replay a claim that is not loaded',
    args: ['replay', 'store/toy/nothing/x.json', '--claims', FIXTURE_CLAIMS],
    files: { 'store/toy/nothing/x.json': STORED.replace('milne/lemma-3', 'toy/nothing') },
    message: /claim toy\/nothing is not loaded/,
  },
];

const SRC = join(REPO, 'src', 'index.ts');
const claimModule = (body: string): string => `import { forAll, pass, theorem } from '${SRC}';\n${body}\n`;
const GOOD_CLAIM = (id: string): string =>
  `export default theorem({ id: '${id}', paper: 'mine', title: 't', statement: 's', checks: [forAll({ name: 'c', basis: 'exact', arbitrary: fc.constant({}), check: () => pass() })] });`;
const withFc = (body: string): string => `import fc from 'fast-check';\n${claimModule(body)}`;

const CLAIMS_CASES: Case[] = [
  { name: 'claims path missing', args: ['check', '--claims', 'nothere.ts'], message: /--claims nothere\.ts: no such file or folder/ },
  { name: 'claims of another kind of file', args: ['check', '--claims', '@/claims.json'], files: { 'claims.json': '{}' }, message: /--claims \S*claims\.json: expected a \.ts, \.mts, \.js or \.mjs module or a folder/ },
  { name: 'claims module with a syntax error', args: ['check', '--claims', '@/bad.ts'], files: { 'bad.ts': 'export default theorem({' }, message: /bad\.ts: cannot load claims/ },
  { name: 'claims module that throws', args: ['check', '--claims', '@/throws.ts'], files: { 'throws.ts': 'throw new Error("boom");\nexport {};' }, message: /throws\.ts: cannot load claims \(boom\)/ },
  { name: 'claims module without claims', args: ['check', '--claims', '@/empty.ts'], files: { 'empty.ts': 'export const x = 1;' }, message: /empty\.ts: exports no claim/ },
  { name: 'claims module with a bad claim id', args: ['check', '--claims', '@/badid.ts'], files: { 'badid.ts': withFc(GOOD_CLAIM('Not An Id')) }, message: /badid\.ts: cannot load claims \(.*Not An Id/ },
  {
    name: 'claims defined twice',
    args: ['check', '--claims', '@/twice'],
    files: { 'twice/a.ts': withFc(GOOD_CLAIM('mine/same')), 'twice/b.ts': withFc(GOOD_CLAIM('mine/same')) },
    message: /claim mine\/same is defined twice/,
  },
];

const FIX = ['--claims', FIXTURE_CLAIMS, '--catalogue', FIXTURE_CATALOGUE];

const FLAG_CASES: Case[] = [
  { name: 'unknown command', args: ['frobnicate'], message: /unknown command "frobnicate"/ },
  { name: 'list unknown option', args: ['list', '--runs', '5'], message: /list: unknown option --runs/ },
  { name: 'list positional', args: ['list', 'x', ...FIX], message: /list: unexpected argument "x"/ },
  { name: 'list unknown paper', args: ['list', '--paper', 'nobody', ...FIX], message: /--paper nobody: no such paper/ },
  { name: 'list catalogue missing', args: ['list', '--claims', FIXTURE_CLAIMS, '--catalogue', 'none.md'], message: /catalogue \S*none\.md: no such file/ },
  { name: 'check --runs 0', args: ['check', '--runs', '0', ...FIX], message: /--runs "0": expected a whole number from 1/ },
  { name: 'check --runs a word', args: ['check', '--runs', 'many', ...FIX], message: /--runs "many"/ },
  { name: 'check --runs absurd', args: ['check', '--runs', '99999999999', ...FIX], message: /--runs "99999999999": expected a whole number from 1 to 10000000/ },
  { name: 'check --seed fraction', args: ['check', '--seed', '1.5', ...FIX], message: /--seed "1\.5"/ },
  { name: 'check --workers 0', args: ['check', '--workers', '0', ...FIX], message: /--workers "0"/ },
  { name: 'check --workers absurd', args: ['check', '--workers', '100000', ...FIX], message: /--workers "100000": expected a whole number from 1 to 256/ },
  { name: 'check --shard 0/2', args: ['check', '--shard', '0/2', ...FIX], message: /--shard "0\/2": expected i\/n/ },
  { name: 'check --shard 3/2', args: ['check', '--shard', '3/2', ...FIX], message: /--shard "3\/2"/ },
  { name: 'check --time-limit 0', args: ['check', '--time-limit', '0', ...FIX], message: /--time-limit "0": expected a positive number of seconds/ },
  { name: 'check --time-limit negative', args: ['check', '--time-limit=-1', ...FIX], message: /--time-limit "-1"/ },
  { name: 'check unknown claim', args: ['check', '--claim', 'toy/nope', ...FIX], message: /--claim toy\/nope: no such claim/ },
  { name: 'check unknown paper', args: ['check', '--paper', 'nobody', ...FIX], message: /--paper nobody: no such paper/ },
  { name: 'check --gate without a baseline', args: ['check', '--gate', '--baseline', 'none.json', ...FIX], message: /none\.json: no verdict baseline/ },
  { name: 'check --gate with a malformed baseline', args: ['check', '--gate', '--baseline', 'base.json', ...FIX], files: { 'base.json': '{' }, message: /base\.json: not valid JSON/ },
  { name: 'check --gate with a baseline of wrong types', args: ['check', '--gate', '--baseline', 'base.json', ...FIX], files: { 'base.json': '{"toy/harmonic-bound": 3}' }, message: /base\.json: field "toy\/harmonic-bound" must be one of holds/ },
  { name: 'check --baseline a folder', args: ['check', '--update-baseline', '--baseline', 'folder', ...FIX], files: { 'folder/x': '' }, message: /--baseline folder: is a folder, not a file/ },
  { name: 'check --store a file', args: ['check', '--store', 'store.txt', '--workers', '1', ...FIX], files: { 'store.txt': 'x' }, message: /--store store\.txt: exists and is not a folder/ },
  { name: 'check --claims without a value', args: ['check', '--claims'], message: /option --claims needs a value/ },
  { name: 'reproduce without an ID', args: ['reproduce', ...FIX], message: /missing claim ID/ },
  { name: 'reproduce unknown claim', args: ['reproduce', 'toy/none', ...FIX], message: /reproduce toy\/none: no such claim/ },
  { name: 'reproduce a theorem', args: ['reproduce', 'toy/square-nonnegative', ...FIX], message: /a theorem without numbers to reproduce/ },
  { name: 'report --seed fraction', args: ['report', '--seed', '1.5', ...FIX], message: /--seed "1\.5"/ },
  { name: 'report --out a file', args: ['report', '--out', 'out.txt', '--runs', '1', '--workers', '1', ...FIX], files: { 'out.txt': 'x' }, message: /--out out\.txt: exists and is not a folder/ },
  { name: 'report --out below a file', args: ['report', '--out', 'out.txt/report', '--runs', '1', '--workers', '1', ...FIX], files: { 'out.txt': 'x' }, message: /--out out\.txt\/report: cannot be created/ },
  { name: 'report --readme missing', args: ['report', '--readme', 'NONE.md', '--runs', '1', ...FIX], message: /--readme NONE\.md: no such file/ },
  { name: 'report --merge without files', args: ['report', '--merge', ...FIX], message: /--merge needs the report\.json files/ },
  { name: 'report --merge with --runs', args: ['report', '--merge', 'a.json', '--runs', '3', ...FIX], message: /--runs cannot be combined with it/ },
  { name: 'report --merge malformed shard', args: ['report', '--merge', 'a.json', ...FIX], files: { 'a.json': '{' }, message: /a\.json: not valid JSON/ },
  { name: 'report --merge missing shard', args: ['report', '--merge', 'none.json', ...FIX], message: /none\.json: no such file/ },
  // Unwritable outputs are found before the run (as root too: the probe writes, it does not ask access()).
  { name: 'report --out on a read-only file system', args: ['report', '--out', '/proc/report', '--runs', '1', ...FIX], message: /--out \/proc\/report: cannot write in \/proc/ },
  { name: 'check --store on a read-only file system', args: ['check', '--store', '/sys/store', '--runs', '1', ...FIX], message: /--store \/sys\/store: cannot write in \/sys/ },
  { name: 'check --baseline on a read-only file system', args: ['check', '--update-baseline', '--baseline', '/proc/verdicts.json', '--runs', '1', ...FIX], message: /--baseline \S*proc\/verdicts\.json: cannot write in \/proc/ },
  { name: 'bench --out on a read-only file system', args: ['bench', '--quick', '--out', '/proc/bench.json'], message: /--out \/proc\/bench\.json: cannot write in \/proc/ },
  {
    name: 'report --readme with its markers out of order',
    args: ['report', '--readme', 'README.md', '--runs', '1', ...FIX],
    files: { 'README.md': '<!-- verdicts:end -->\n<!-- verdicts:start -->\n' },
    message: /--readme README\.md: needs the markers <!-- verdicts:start --> and <!-- verdicts:end -->, in that order/,
  },
  { name: 'bench --runs 0', args: ['bench', '--runs', '0'], message: /--runs "0"/ },
  { name: 'bench unknown option', args: ['bench', '--fast'], message: /bench: unknown option --fast/ },
  { name: 'bench --out a folder', args: ['bench', '--quick', '--out', 'folder'], files: { 'folder/x': '' }, message: /--out folder: is a folder, not a file/ },
];

/** Devices and odd bytes where a file is expected: refused at once, never read without end. */
const HOSTILE_FILE_CASES: Case[] = [
  ...['/dev/zero', '/dev/urandom'].flatMap((device): Case[] => [
    { name: `classify --net ${device}`, args: ['classify', '--net', device, '--data', 'data.json'], files: { 'data.json': DATA }, message: new RegExp(`--net ${device}: is not a regular file`) },
    { name: `classify --data ${device}`, args: ['classify', '--net', 'net.json', '--data', device], files: { 'net.json': NET }, message: new RegExp(`--data ${device}: is not a regular file`) },
    { name: `regions --data ${device}`, args: ['regions', '--data', device, '--hidden', '1'], message: new RegExp(`--data ${device}: is not a regular file`) },
    { name: `check --baseline ${device}`, args: ['check', '--gate', '--baseline', device, ...FIX], message: new RegExp(`${device}: is not a regular file`) },
    { name: `list --catalogue ${device}`, args: ['list', '--claims', FIXTURE_CLAIMS, '--catalogue', device], message: new RegExp(`catalogue ${device}: is not a regular file`) },
    { name: `report --readme ${device}`, args: ['report', '--readme', device, '--runs', '1', ...FIX], message: new RegExp(`--readme ${device}: is not a regular file`) },
    { name: `report --merge ${device}`, args: ['report', '--merge', device, ...FIX], message: new RegExp(`${device}: is not a regular file`) },
    { name: `soak --compare ${device}`, args: ['soak', '--compare', device], files: { 'verdicts.json': '{}' }, message: new RegExp(`${device}: is not a regular file`) },
  ]),
  { name: 'baseline with a duplicate key', args: ['check', '--gate', '--baseline', 'base.json', ...FIX], files: { 'base.json': '{"toy/harmonic-bound": "holds", "toy/harmonic-bound": "refuted"}' }, message: /base\.json: field "toy\/harmonic-bound" appears twice/ },
  { name: 'baseline nested absurdly deep', args: ['check', '--gate', '--baseline', 'base.json', ...FIX], files: { 'base.json': `{"toy/harmonic-bound": ${'['.repeat(100_000)}${']'.repeat(100_000)}}` }, message: /base\.json: nested more than 2 levels deep/ },
  {
    name: 'baseline with a huge bad value (quoted, not echoed)',
    args: ['check', '--gate', '--baseline', 'base.json', ...FIX],
    files: { 'base.json': JSON.stringify({ 'toy/harmonic-bound': 'x'.repeat(1_000_000) }) },
    message: /base\.json: field "toy\/harmonic-bound" must be one of .*, got "x{59}… \(1000002 characters\)\n$/,
  },
  { name: 'replay a witness with two instances', ...replay(STORED.replace('"instance": {', '"instance": {"a": ["1"]}, "instance": {')), message: /c2c382b5614d\.json: field "instance" appears twice/ },
];

function setUp(files: Files = {}): string {
  const dir = tempDir('landscape-check-bad-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function expectRejected(c: Case): Promise<void> {
  const dir = setUp(c.files);
  const args = c.args.map((a) => (a.startsWith('@/') ? join(dir, a.slice(2)) : a));
  const before = snapshot(dir);
  const r = await runMain(args, dir);
  expect({ status: r.status, stdout: r.stdout }, r.stderr).toEqual({ status: 2, stdout: '' });
  expect(r.stderr).toMatch(c.message);
  // One message (a usage error adds one line pointing at --help).
  expect(r.stderr.trim().split('\n').length, r.stderr).toBeLessThanOrEqual(2);
  expect(snapshot(dir)).toEqual(before);
}

describe('bad input: exit 2, one message naming the file and field, nothing written', () => {
  describe('network files', () => it.each(NETWORK_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => expectRejected(c)));
  describe('dataset files', () => it.each(DATASET_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => expectRejected(c)));
  describe('classify flags', () => it.each(CLASSIFY_FLAG_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => expectRejected(c)));
  describe('regions flags and data', () => it.each(REGIONS_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => expectRejected(c)));
  describe('counterexample files for replay', () => it.each(REPLAY_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => expectRejected(c)));
  describe('claim modules for check --claims', () => it.each(CLAIMS_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => expectRejected(c)));
  describe('devices, duplicate keys, depth and huge values in any input file', () => it.each(HOSTILE_FILE_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => expectRejected(c)));

  it('refuses a file that is not UTF-8 text', async () => {
    const dir = setUp({ 'data.json': DATA });
    writeFileSync(join(dir, 'net.json'), Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]));
    const r = await runMain(['classify', '--net', 'net.json', '--data', 'data.json'], dir);
    expect([r.status, r.stdout, r.stderr.trim()]).toEqual([2, '', 'landscape-check classify: --net net.json: is not UTF-8 text']);
  });

  it('refuses a FIFO as an input file at once (nothing would ever be written to it)', async () => {
    const dir = setUp({ 'data.json': DATA });
    execFileSync('mkfifo', [join(dir, 'net.fifo')]);
    const r = await runMain(['classify', '--net', 'net.fifo', '--data', 'data.json'], dir);
    expect([r.status, r.stdout, r.stderr.trim()]).toEqual([2, '', 'landscape-check classify: --net net.fifo: is not a regular file (a device, FIFO or socket is never read)']);
  });
  describe('flags of every command', () => it.each(FLAG_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => expectRejected(c)));

  it('no command at all prints the help on stderr and exits 2', async () => {
    const r = await runMain([], tempDir());
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/Usage: landscape-check <command>/);
  });
});
