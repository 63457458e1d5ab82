import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  confirmConvexityFails,
  confirmCrossEntropyFails,
  confirmDeepening,
  confirmEq8Fails,
  confirmFirstOrderChange,
  confirmLemma7Fails,
  confirmLinearRegime,
  confirmMirrorIdentityFails,
  confirmMirrorNetworkFails,
  confirmNoPathInCell,
  confirmOneCellFails,
  confirmSharpBound,
  confirmSquaredLossFails,
  confirmTurningPointEmbedding,
  confirmTwoClasses,
  confirmValleyBreaks,
  regimeHint,
  type NetworkData,
} from '../../../properties/he/_confirm.ts';
import type { ActivationData, CellInstance } from '../../../properties/he/_instances.ts';
import theorem3 from '../../../properties/he/theorem-3.ts';
import type { PropertyCheck } from '../../../src/claims/claim.ts';
import { decodeInstance } from '../../../src/claims/codec.ts';
import type { Confirmation } from '../../../src/claims/confirmation.ts';
import type { Witness } from '../../../src/claims/outcome.ts';
import {
  RationalField,
  leastSquaresFit,
  linearRegimeMinimum,
  lowerRiskPoint,
  piecewiseLinear,
  squaredError,
} from '../../../src/index.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { releaseSolver } from '../../../src/smt/solver.ts';

afterAll(releaseSolver);

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const r = (text: string): Rational => Rational.parse(text);
const loss = squaredError('mean');

const check = (name: RegExp): PropertyCheck => {
  const found = theorem3.checks.find((c) => name.test(c.name));
  if (found === undefined || found.kind !== 'property') throw new Error(`no check ${String(name)}`);
  return found;
};

/** The failing witness of a check on an instance (the test fails if the check does not fail). */
function witnessOf(c: PropertyCheck, instance: unknown): Witness {
  const outcome = c.evaluate(instance);
  expect(outcome.status).toBe('fail');
  if (outcome.status !== 'fail') throw new Error('the check did not fail');
  return outcome.witness;
}

const status = (c: Confirmation): string => c.status;

// Two identical ReLU units active on x = (−1, 0), (−1, 1) with labels 2, −1: W̄_1 + W̄_2 = (−2, −3) lies in neither C nor −C.
const split: CellInstance = {
  inputs: [[q(-1), q(0)], [q(-1), q(1)]],
  targets: [[q(2)], [q(-1)]],
  W1: [[q(-2), q(-1)], [q(-2), q(-1)]],
  w2: [q(1), q(1)],
  slopes: [q(0), q(1)],
};
// One sample, two ReLU units: the minima (risk 0) include W_2 = (1, −1), (−1, 1) and W_2 = 0.
const oneSample: CellInstance = { inputs: [[q(1)]], targets: [[q(0)]], W1: [[q(1)], [q(1)]], w2: [q(0), q(0)], slopes: [q(0), q(1)] };

describe('Theorem 3: the two parts, by z3 on the cell', () => {
  it('the stored witnesses are confirmed by their checks\' second routes', async () => {
    const dir = 'counterexamples/he/theorem-3';
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    const names = new Set<string>();
    for (const file of files) {
      const record = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as { check: string; instance: never };
      const c = theorem3.checks.find((k) => k.name === record.check) as PropertyCheck;
      expect(c, record.check).toBeDefined();
      const instance = decodeInstance(record.instance);
      expect(status(await c.confirm!(instance, witnessOf(c, instance)))).toBe('confirmed');
      names.add(record.check);
    }
    // One witness per part: the equivalence class and the path inside the cell.
    expect([...names].some((n) => n.startsWith('the equivalence class'))).toBe(true);
    expect([...names].some((n) => n.startsWith('path inside the cell: any two'))).toBe(true);
  });

  it('equivalence class: confirmed on one sample and two units; contradicted for equal Q or a point above the minimum', async () => {
    const classes = check(/^the equivalence class/);
    const witness = witnessOf(classes, oneSample);
    expect(status(await confirmTwoClasses(oneSample, witness))).toBe('confirmed');
    const first = { W1: [[q(1)], [q(1)]], W2: [q(1), q(-1)] };
    expect(status(await confirmTwoClasses(oneSample, { first, second: first }))).toBe('contradicted');
    // Equal risks 1 but not minimal (the cell reaches 0): no longer two minima.
    const high = { inputs: [[q(1)]], targets: [[q(1)]], W1: oneSample.W1, w2: oneSample.w2, slopes: oneSample.slopes };
    const a = { W1: [[q(1)], [q(1)]], W2: [q(1), q(-1)] };
    const b = { W1: [[q(1)], [q(1)]], W2: [q(2), q(-2)] };
    expect(status(await confirmTwoClasses(high, { first: a, second: b }))).toBe('contradicted');
  });

  it('path inside the cell: confirmed on the split valley; undecided when a minimum with W_2j = 0 exists', async () => {
    const path = check(/^path inside the cell: any two/);
    expect(status(await confirmNoPathInCell(split, witnessOf(path, split)))).toBe('confirmed');
    const first = { W1: [[q(1)], [q(1)]], W2: [q(1), q(-1)] };
    const second = { W1: [[q(1)], [q(1)]], W2: [q(-1), q(1)] };
    // Both are minima, W_21 changes sign, but W_2 = 0 is a minimum too: the crossing argument decides nothing.
    expect(status(await confirmNoPathInCell(oneSample, { first, second }))).toBe('unknown');
    // No unit changes sign: the route does not apply.
    expect(status(await confirmNoPathInCell(oneSample, { first, second: first }))).toBe('unknown');
  });

  it('the proof\'s valley: confirmed when a factor makes λ negative on the path; contradicted for positive factors', async () => {
    const valley = check(/the proof's valley/);
    const witnessInstance = { instance: split, factors: [q(-1, 2), q(1)] };
    const witness = witnessOf(valley, witnessInstance);
    expect(status(await confirmValleyBreaks(split, witnessInstance.factors, witness))).toBe('confirmed');
    expect(status(await confirmValleyBreaks(split, [q(2), q(1, 3)], { ...witness, tau: q(3, 4) }))).toBe('contradicted');
  });
});

const leaky: ActivationData = { breakpoints: [q(0)], slopes: [q(1, 2), q(1)], valueAtZero: q(0) };
const line: NetworkData = {
  inputs: [[q(0)], [q(1)], [q(2)], [q(3)]],
  targets: [[q(0)], [q(1)], [q(0)], [q(2)]],
  hidden: [2],
  activation: leaky,
};
const actOf = (a: ActivationData) => piecewiseLinear(RationalField, { breakpoints: a.breakpoints, slopes: a.slopes, valueAtZero: a.valueAtZero });

/** The hint of the library's Lemma 4–6 point. */
function builtHint(d: NetworkData, options: { breakpoint?: number; alphas?: Rational[]; eta?: Rational } = {}): Witness {
  const built = linearRegimeMinimum({ inputs: d.inputs, targets: d.targets }, loss, { hidden: d.hidden, activation: actOf(d.activation), ...options });
  return { hint: regimeHint({ W: built.fit.weights, eta: built.eta, breakpoint: options.breakpoint ?? 0, scale: built.scale, alphas: built.alphas }) };
}

describe('Lemmas 4–6 and Theorem 1: the linear-regime point rebuilt by z3', () => {
  it('contradicted on Lemma 4, 5 and 6 points (the cell argument holds), including mirrored builds', async () => {
    expect(status(await confirmLinearRegime(line, builtHint(line), { exactValues: false }))).toBe('contradicted');
    const mirrored = { ...line, activation: { ...leaky, slopes: [q(1), q(0)] } };
    expect(status(await confirmLinearRegime(mirrored, builtHint(mirrored), { exactValues: true }))).toBe('contradicted');
    const deep: NetworkData = { ...line, hidden: [3, 2], activation: { breakpoints: [q(0), q(1)], slopes: [q(0), q(1), q(3)], valueAtZero: q(0) } };
    const hint = builtHint(deep, { breakpoint: 1, alphas: [q(1, 3)] });
    expect(status(await confirmLinearRegime(deep, hint, { exactValues: true }))).toBe('contradicted');
    // s+ = 0 at t = 0: built on h̃ at −t and mirrored back.
    const flat: NetworkData = { ...deep, activation: { breakpoints: [q(0), q(1)], slopes: [q(1), q(0), q(2)], valueAtZero: q(1, 2) } };
    expect(status(await confirmLinearRegime(flat, builtHint(flat, { breakpoint: 0 }), { exactValues: true }))).toBe('contradicted');
  });

  it('confirmed when the point misses W̃X̃ (one hidden unit for two outputs); unconfirmed on a W̃ that is not a minimiser', async () => {
    const twoOutputs: NetworkData = { ...line, targets: [[q(0), q(1)], [q(1), q(0)], [q(0), q(2)], [q(2), q(1)]], hidden: [3] };
    const hint = builtHint(twoOutputs) as { hint: Record<string, unknown> };
    expect(status(await confirmLinearRegime({ ...twoOutputs, hidden: [1] }, hint, { exactValues: false }))).toBe('confirmed');
    const wrong = { hint: { ...hint.hint, 'W̃': [[q(1), q(0)], [q(0), q(1)]] } };
    expect(status(await confirmLinearRegime(twoOutputs, wrong, { exactValues: false }))).toBe('unknown');
  });

  it('sharp bound: contradicted at η = min(0, min W̃X̃) with an extra unit; confirmed without one and Ŷ > 0', async () => {
    const hint = builtHint(line, { eta: etaAtBound(line) });
    expect(status(await confirmSharpBound(line, hint))).toBe('contradicted');
    // Ŷ = (1, 3/2, 2, 5/2) > 0, so η = 0; with d1 = dY there is no unit of pre-activation −η.
    const positive: NetworkData = { ...line, targets: [[q(1)], [q(2)], [q(1)], [q(3)]] };
    expect(status(await confirmSharpBound({ ...positive, hidden: [1] }, builtHint(positive, { eta: etaAtBound(positive) })))).toBe('confirmed');
  });
});

function etaAtBound(d: NetworkData): Rational {
  return leastSquaresFit({ inputs: d.inputs, targets: d.targets }, loss).predictions.flat().reduce((m, v) => m.min(v), Rational.ZERO);
}

/** The hint of the library's lower-risk point (Theorems 4, 5, proof of Theorem 1). */
function lowerHint(d: NetworkData): Witness {
  const found = lowerRiskPoint({ inputs: d.inputs, targets: d.targets }, loss, { hidden: d.hidden, activation: actOf(d.activation) });
  if (!found.found) throw new Error(found.reason);
  const p = found.parameters;
  return {
    hint: {
      shallow: found.shallow,
      'λ': found.lambda,
      scales: found.scales,
      'W̃': found.fit.weights,
      row: p.row,
      'α': p.alpha,
      'β': p.beta,
      'γ': p.gamma,
      I: found.separation.first,
      J: found.separation.rest,
    },
  };
}

const twoOutputs: NetworkData = {
  inputs: [[q(0)], [q(1)], [q(2)], [q(3)]],
  targets: [[q(0), q(1)], [q(1), q(0)], [q(0), q(2)], [q(2), q(1)]],
  hidden: [3, 3],
  activation: leaky,
};

describe('Theorems 4, 5 and the proof of Theorem 1: the lower-risk point rebuilt by z3', () => {
  it('Theorem 5: contradicted on the deepened point; confirmed when layer 2 is narrower than dY', async () => {
    const deep = { ...line, hidden: [2, 2] };
    expect(status(await confirmDeepening(deep, lowerHint(deep)))).toBe('contradicted');
    expect(status(await confirmDeepening({ ...twoOutputs, hidden: [3, 1] }, lowerHint(twoOutputs)))).toBe('confirmed');
  });

  it('proof of Theorem 1: contradicted on the embedded point; confirmed with a narrow layer 2; unconfirmed with M too small', async () => {
    const act: ActivationData = { breakpoints: [q(0), q(1)], slopes: [q(1, 2), q(1), q(3)], valueAtZero: q(0) };
    const deep = { ...line, hidden: [3, 2], activation: act };
    const hint = lowerHint(deep) as { hint: Record<string, unknown> };
    expect(status(await confirmTurningPointEmbedding(deep, hint))).toBe('contradicted');
    const wide = { ...twoOutputs, activation: act };
    expect(status(await confirmTurningPointEmbedding({ ...wide, hidden: [3, 1] }, lowerHint(wide)))).toBe('confirmed');
    const small = { hint: { ...hint.hint, scales: [q(1), q(1)] } };
    expect(status(await confirmTurningPointEmbedding(deep, small))).toBe('unknown');
  });

  it('eq. (26): contradicted on the constructed point; unconfirmed on a W̃ that is not a minimiser', async () => {
    const hint = lowerHint(line) as { hint: Record<string, unknown> };
    expect(status(await confirmFirstOrderChange(line, hint))).toBe('contradicted');
    expect(status(await confirmFirstOrderChange(line, { hint: { ...hint.hint, 'W̃': [[q(1), q(0)]] } }))).toBe('unknown');
  });

  it('Lemma 7: contradicted on a tilted split; confirmed when repeated points leave J empty', async () => {
    expect(status(await confirmLemma7Fails({ u: [q(1), q(-1), q(0)], v: [q(0), q(0), q(1)], x: [[q(1)], [q(-1)], [q(0)]] }))).toBe('contradicted');
    expect(status(await confirmLemma7Fails({ u: [q(3), q(-3)], v: [q(0), q(1)], x: [[q(1)], [q(2)]] }))).toBe('contradicted');
    expect(status(await confirmLemma7Fails({ u: [q(1), q(-1)], v: [q(0), q(0)], x: [[q(1)], [q(1)]] }))).toBe('confirmed');
  });
});

describe('exact identities: eq. (4), eqs. (8), (65), Corollary 2, Lemma 2', () => {
  it('eq. (4): contradicted at scalars and on a network (the identity holds)', async () => {
    expect(status(await confirmMirrorIdentityFails(q(1, 2), q(-3), q(-2)))).toBe('contradicted');
    expect(status(await confirmMirrorIdentityFails(q(0), q(1), q(0)))).toBe('contradicted');
    const net = {
      sMinus: q(1, 2),
      sPlus: q(2),
      weights: [[[q(1), q(-1)], [q(2), q(1, 2)]], [[q(1), q(-3, 2)]]],
      biases: [[q(1), q(-1)], [q(1, 2)]],
      inputs: [[q(1), q(0)], [q(-1), q(2)], [q(0), q(0)]],
    };
    expect(status(await confirmMirrorNetworkFails(net))).toBe('contradicted');
  });

  it('eqs. (8), (64), (65): contradicted inside a cell', async () => {
    expect(status(await confirmEq8Fails(split))).toBe('contradicted');
    expect(status(await confirmConvexityFails(split, [q(1), q(2), q(-1), q(0)], [q(0), q(-1), q(3, 2), q(1)]))).toBe('contradicted');
  });

  it('Corollary 2: contradicted with s− = s+; confirmed with s− ≠ s+ (then the pattern matters)', async () => {
    const d = {
      first: [[[[q(1)], [q(-1)]], [[q(1), q(2)]]], [[q(0), q(1)], [q(0)]]] as [Rational[][][], Rational[][]],
      second: [[[[q(-1)], [q(2)]], [[q(1), q(-1)]]], [[q(1), q(0)], [q(1)]]] as [Rational[][][], Rational[][]],
      inputs: [[q(1)], [q(-2)]],
      targets: [[q(0)], [q(1)]],
      pieces: [[true, false], [false, true]],
      widths: [2],
    };
    expect(status(await confirmOneCellFails(d, q(3, 2), q(3, 2)))).toBe('contradicted');
    expect(status(await confirmOneCellFails(d, q(0), q(1)))).toBe('confirmed');
  });

  it('Lemma 2: contradicted off and on the label', async () => {
    const p = { y: [q(1), q(-2)], yHat: [q(0), q(1, 2)], v: [q(1), q(1)], w: [q(-1), q(2)], t: q(1, 3) };
    expect(status(await confirmSquaredLossFails(p))).toBe('contradicted');
    expect(status(await confirmSquaredLossFails({ ...p, yHat: p.y }))).toBe('contradicted');
  });

  it('Lemma 3 in decimal.js: contradicted on an instance; confirmed when the reported gradient is not eq. (10)', () => {
    const p = { logits: [q(1), q(-2), q(1, 2)], label: 1, v: [q(1), q(0), q(-1)], w: [q(2), q(1), q(0)] };
    expect(status(confirmCrossEntropyFails(p, {}))).toBe('contradicted');
    const reported = { gradient: ['0.5', '-0.9', '0.4'], 'eq. (10)': ['…'] };
    expect(status(confirmCrossEntropyFails(p, reported))).toBe('confirmed');
  });
});

describe('hints that do not parse leave the routes unconfirmed', () => {
  it('a missing point', async () => {
    expect(status(await confirmTwoClasses(split, { first: { W1: [[r('1')]] } }))).toBe('unknown');
  });
});
