import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateJson, type JsonSchema } from '../../src/claims/json-schema.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { REPO, runMain, tempDir } from './run-cli.ts';

const schema = JSON.parse(readFileSync(join(REPO, 'schemas/classify-output.schema.json'), 'utf8')) as JsonSchema;
const q = (x: string | number): Rational => Rational.parse(String(x));

/** A ReLU/identity network written in plain terms, evaluated without the library's forward pass. */
interface PlainNet {
  layers: { weights: Rational[][]; bias: Rational[] | null; relu: boolean }[];
}

function plainNet(file: string): PlainNet {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { layers: { weights: (string | number)[][]; bias?: (string | number)[] | null; activation?: string }[] };
  return {
    layers: json.layers.map((l, i) => ({
      weights: l.weights.map((r) => r.map(q)),
      bias: l.bias ? l.bias.map(q) : null,
      relu: (l.activation ?? (i === json.layers.length - 1 ? 'identity' : 'relu')) === 'relu',
    })),
  };
}

/** θ in the CLI's parameter order (layer by layer: weights row by row, then the bias). */
const flatten = (net: PlainNet): Rational[] => net.layers.flatMap((l) => [...l.weights.flat(), ...(l.bias ?? [])]);

function unflatten(net: PlainNet, theta: readonly Rational[]): PlainNet {
  let k = 0;
  return {
    layers: net.layers.map((l) => ({
      weights: l.weights.map((r) => r.map(() => theta[k++]!)),
      bias: l.bias ? l.bias.map(() => theta[k++]!) : null,
      relu: l.relu,
    })),
  };
}

/** (1/N) Σ ‖f(x_i) − y_i‖², f evaluated directly. */
function meanSquaredLoss(net: PlainNet, inputs: Rational[][], targets: Rational[][]): Rational {
  let total = Rational.ZERO;
  inputs.forEach((x, i) => {
    let a = x;
    for (const l of net.layers) {
      a = l.weights.map((row, u) => {
        const z = row.reduce((s, w, j) => s.add(w.mul(a[j]!)), l.bias?.[u] ?? Rational.ZERO);
        return l.relu && z.sign() < 0 ? Rational.ZERO : z;
      });
    }
    a.forEach((v, k) => (total = total.add(v.sub(targets[i]![k]!).mul(v.sub(targets[i]![k]!)))));
  });
  return total.div(Rational.fromInt(inputs.length));
}

function plainData(file: string): { inputs: Rational[][]; targets: Rational[][] } {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { inputs: (string | number)[][]; targets: (string | number | (string | number)[])[] };
  return { inputs: json.inputs.map((x) => x.map(q)), targets: json.targets.map((t) => (Array.isArray(t) ? t.map(q) : [q(t)])) };
}

interface Decision {
  holds: boolean | null;
  basis: string;
  certificate: { kind: string; direction?: string[]; coefficients?: string[]; complete?: boolean } | null;
}

interface Output {
  loss: { value: string };
  differentiable: boolean;
  critical: boolean | null;
  gradient: string[] | null;
  hessian: { matrix: string[][]; inertia: { positive: number; negative: number; zero: number }; factorization: { permutation: number[]; L: string[][]; D: string[][] } } | null;
  classification: { kind: string; basis: string; localMin: { strict: Decision; nonStrict: Decision }; localMax: { strict: Decision; nonStrict: Decision } };
}

async function classifyFiles(dir: string, net: string, data: string, ...flags: string[]): Promise<Output> {
  const r = await runMain(['classify', '--net', net, '--data', data, '--json', ...flags], dir);
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as unknown;
  expect(validateJson(schema, out)).toEqual([]);
  return out as Output;
}

function write(dir: string, files: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(value));
}

/** Every ray certificate: Σ c_k t^k equals the directly evaluated loss at θ + t·d for small t > 0. */
function checkRays(out: Output, net: PlainNet, data: ReturnType<typeof plainData>): number {
  const { localMin, localMax } = out.classification;
  // [decision, the sign its ray must show: −1 descent refutes a minimum, +1 ascent a maximum; a flat ray (no sign) only strictness]
  const decisions: [Decision, -1 | 1, boolean][] = [
    [localMin.nonStrict, -1, false],
    [localMin.strict, -1, true],
    [localMax.nonStrict, 1, false],
    [localMax.strict, 1, true],
  ];
  let checked = 0;
  for (const [d, sign, strict] of decisions) {
    if (d.certificate?.kind !== 'ray' || d.certificate.complete !== true) continue;
    const direction = d.certificate.direction!.map(q);
    const coefficients = d.certificate.coefficients!.map(q);
    for (const t of [Rational.of(1, 10 ** 6), Rational.of(1, 10 ** 7)]) {
      const theta = flatten(net).map((v, k) => v.add(t.mul(direction[k]!)));
      const direct = meanSquaredLoss(unflatten(net, theta), data.inputs, data.targets);
      const polynomial = coefficients.reduceRight((acc, c) => acc.mul(t).add(c), Rational.ZERO);
      expect(polynomial.toString()).toBe(direct.toString());
    }
    const first = coefficients.slice(1).find((c) => !c.isZero());
    if (d.holds === false) {
      if (first === undefined) expect(strict, 'a flat ray refutes only strictness').toBe(true);
      else expect(first.sign()).toBe(sign);
    }
    checked++;
  }
  return checked;
}

describe('classify', () => {
  it('is listed in the help, with its own usage', async () => {
    const main = await runMain(['--help'], tempDir());
    expect(main.stdout).toMatch(/^ {2}classify {4}/m);
    expect(main.stdout).toMatch(/^ {2}regions {5}/m);
    for (const command of ['classify', 'regions']) {
      const r = await runMain([command, '--help'], tempDir());
      expect([r.status, r.stdout.startsWith(`Usage: landscape-check ${command} `)]).toEqual([0, true]);
    }
  });

  it('classifies the example files: a non-differentiable saddle with certified descent and ascent rays', async () => {
    const dir = join(REPO, 'examples');
    const out = await classifyFiles(dir, 'net.json', 'data.json');
    const net = plainNet(join(dir, 'net.json'));
    const data = plainData(join(dir, 'data.json'));
    expect(out.loss.value).toBe(meanSquaredLoss(net, data.inputs, data.targets).toString());
    expect(out.loss.value).toBe('5/16'); // f ≡ 3/4 on targets 0, 1, 3/2, 1/2 (the JSON number 0.5 read as 1/2)
    expect([out.differentiable, out.critical, out.gradient]).toEqual([false, null, null]);
    expect(out.classification).toMatchObject({ kind: 'saddle', basis: 'certified' });
    expect(out.classification.localMin.nonStrict.holds).toBe(false);
    expect(out.classification.localMax.nonStrict.holds).toBe(false);
    expect(checkRays(out, net, data)).toBeGreaterThanOrEqual(2);
    const text = await runMain(['classify', '--net', 'net.json', '--data', 'data.json'], dir);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^classification {2}saddle \(certified\)$/m);
    expect(text.stdout).toMatch(/^differentiable {2}no \(exact\): 2 pre-activations on a kink/m);
    expect(text.stdout).toMatch(/^ {2}layer 1 unit 0 {2}- 0 \+ \+ {3}\(relu\)$/m);
  });

  it('certifies a strict local minimum by an exact LDLᵀ of a positive-definite Hessian (least squares line)', async () => {
    const dir = tempDir();
    // y ≈ w x + b on (0,0), (1,1), (2,3): the least-squares line is w = 3/2, b = −1/6.
    write(dir, {
      'net.json': { layers: [{ weights: [['3/2']], bias: ['-1/6'], activation: 'identity' }] },
      'data.json': { inputs: [[0], [1], [2]], targets: [0, 1, 3] },
    });
    const out = await classifyFiles(dir, 'net.json', 'data.json');
    expect(out.loss.value).toBe('1/18'); // residuals 1/6, −1/3, 1/6: (1/36 + 1/9 + 1/36)/3
    expect([out.differentiable, out.critical]).toEqual([true, true]);
    expect(out.classification).toMatchObject({ kind: 'strict-local-min', basis: 'certified' });
    // H = (2/N) XᵀX with rows (x, 1): [[10/3, 2], [2, 2]]
    expect(out.hessian!.matrix).toEqual([['10/3', '2'], ['2', '2']]);
    expect(out.hessian!.inertia).toEqual({ positive: 2, negative: 0, zero: 0 });
    checkFactorization(out.hessian!);
  });

  it('gives the exact Hessian at a critical point, matching second differences of the directly evaluated loss', async () => {
    const dir = tempDir();
    write(dir, {
      'net.json': { layers: [{ weights: [[1], [-1]], bias: [0, 0] }, { weights: [[1, 1]], bias: [0] }] },
      'data.json': { inputs: [[1], [-1], [2]], targets: [1, 1, 2] },
    });
    const out = await classifyFiles(dir, 'net.json', 'data.json');
    expect(out.loss.value).toBe('0');
    expect(out.classification).toMatchObject({ kind: 'local-min', basis: 'certified' });
    expect(out.classification.localMin.strict.holds).toBe(false); // a flat ray (or rescaling) exists
    checkFactorization(out.hessian!);
    const net = plainNet(join(dir, 'net.json'));
    const data = plainData(join(dir, 'data.json'));
    expect(checkRays(out, net, data)).toBeGreaterThanOrEqual(1);
    const theta = flatten(net);
    const L = (th: Rational[]): Rational => meanSquaredLoss(unflatten(net, th), data.inputs, data.targets);
    const h = Rational.of(1, 10 ** 6);
    const bump = (i: number, j: number | null): Rational[] => theta.map((v, k) => (k === i ? v.add(h) : v).add(k === j ? h : Rational.ZERO));
    theta.forEach((_, i) =>
      theta.forEach((__, j) => {
        const second = L(bump(i, j)).sub(L(bump(i, null))).sub(L(bump(j, null))).add(L(theta)).div(h.mul(h));
        expect(Math.abs(second.sub(q(out.hessian!.matrix[i]![j]!)).toNumber())).toBeLessThan(1e-4);
      }),
    );
  });

  it('reports a non-critical point with its exact gradient', async () => {
    const dir = tempDir();
    write(dir, {
      'net.json': { layers: [{ weights: [[1]], bias: [0], activation: 'identity' }] },
      'data.json': { inputs: [[1], [2]], targets: [0, 0] },
    });
    const out = await classifyFiles(dir, 'net.json', 'data.json');
    // L(w, b) = ((w + b)² + (2w + b)²)/2: ∂w = (w + b) + 2(2w + b) = 5, ∂b = (w + b) + (2w + b) = 3
    expect(out.gradient).toEqual(['5', '3']);
    expect(out.classification).toMatchObject({ kind: 'not-critical', basis: 'exact' });
  });

  it('reads JSON numbers as the decimals written: 0.1 is exactly 1/10, the same as "1/10"', async () => {
    const dir = tempDir();
    write(dir, {
      'float.json': { layers: [{ weights: [[0.1]], bias: [0.2], activation: 'identity' }] },
      'exact.json': { layers: [{ weights: [['1/10']], bias: ['1/5'], activation: 'identity' }] },
      'data.json': { inputs: [[1]], targets: [0.3] },
    });
    const a = await classifyFiles(dir, 'float.json', 'data.json');
    const b = await classifyFiles(dir, 'exact.json', 'data.json');
    expect(a.loss.value).toBe('0'); // 0.1 + 0.2 − 0.3 = 0 exactly (in doubles it is 5.55e-17)
    expect({ ...a, network: null }).toEqual({ ...b, network: null });
  });

  it('accepts repeated data points (repeated measurements) and counts each', async () => {
    const dir = tempDir();
    write(dir, {
      'net.json': { layers: [{ weights: [[0]], bias: [0], activation: 'identity' }] },
      'data.json': { inputs: [[1], [1], [1]], targets: [1, 1, 4] },
    });
    const out = await classifyFiles(dir, 'net.json', 'data.json');
    expect(out.loss.value).toBe('6'); // (1 + 1 + 16)/3
  });

  it('writes the pattern of an activation with several kinks as pieces p<k> and breakpoints t<k>', async () => {
    const dir = tempDir();
    const activation = { kind: 'piecewise-linear', breakpoints: [0, 1], slopes: [0, 1, 0] };
    write(dir, {
      'net.json': { layers: [{ weights: [[1], [2]], bias: [0, -1], activation }, { weights: [[1, '1/2']] }] },
      'data.json': { inputs: [[0], [1], ['1/2'], [3]], targets: [0, 1, 0, 1] },
    });
    const r = await runMain(['classify', '--net', 'net.json', '--data', 'data.json', '--json'], dir);
    const out = JSON.parse(r.stdout) as { pattern: { units: string[][] }[]; loss: { value: string } };
    // unit 0: z = x on 0, 1, 1/2, 3; unit 1: z = 2x − 1 on −1, 1, 0, 5
    expect(out.pattern[0]!.units).toEqual([['t0', 't1', 'p1', 'p2'], ['p0', 't1', 't0', 'p2']]);
    // h = clamp to [0, 1]: f = h(x) + h(2x − 1)/2 = 0, 3/2, 1/2, 3/2 against 0, 1, 0, 1
    expect(out.loss.value).toBe('3/16');
  });

  it('takes the witness format of stored networks (activation objects with breakpoints, expUnits: [])', async () => {
    const dir = tempDir();
    const activation = { kind: 'two-piece', breakpoints: ['0'], slopes: ['-1/2', '1'], valueAtZero: '0' };
    write(dir, {
      'net.json': { inputDim: 1, layers: [{ weights: [['1']], bias: null, activation }, { weights: [['1']], bias: null, activation: { kind: 'linear', breakpoints: [], slopes: ['1'], valueAtZero: '0' } }], expUnits: [] },
      'data.json': { inputs: [[-2]], targets: [1] },
    });
    const out = await classifyFiles(dir, 'net.json', 'data.json');
    expect(out.loss.value).toBe('0'); // h(−2) = −1/2·(−2) = 1
  });
});

function checkFactorization(hessian: NonNullable<Output['hessian']>): void {
  const H = hessian.matrix.map((r) => r.map(q));
  const L = hessian.factorization.L.map((r) => r.map(q));
  const D = hessian.factorization.D.map((r) => r.map(q));
  const p = hessian.factorization.permutation;
  const n = H.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let ldl = Rational.ZERO;
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) ldl = ldl.add(L[i]![a]!.mul(D[a]![b]!).mul(L[j]![b]!));
      expect(ldl.toString()).toBe(H[p[i]!]![p[j]!]!.toString());
    }
  }
  // D is diagonal here (1×1 pivots suffice for these matrices): its signs are the inertia.
  const diagonal = D.map((r, i) => r[i]!.sign());
  expect(D.every((r, i) => r.every((v, j) => i === j || v.isZero()))).toBe(true);
  expect({
    positive: diagonal.filter((s) => s > 0).length,
    negative: diagonal.filter((s) => s < 0).length,
    zero: diagonal.filter((s) => s === 0).length,
  }).toEqual(hessian.inertia);
}
