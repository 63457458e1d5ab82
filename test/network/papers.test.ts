import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { networkAndDataset, networkOn, architecture } from '../../src/generators/network.ts';
import { smallRational } from '../../src/generators/rational.ts';
import { dataset } from '../../src/generators/dataset.ts';
import { Matrix } from '../../src/linalg/matrix.ts';
import { decimalField } from '../../src/numbers/decimal-field.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { relu } from '../../src/network/activation.ts';
import { mapDataset, type Dataset } from '../../src/network/dataset.ts';
import { lossDerivatives } from '../../src/network/derivatives.ts';
import { activationPattern } from '../../src/network/forward.ts';
import { logistic, squaredError } from '../../src/network/loss.ts';
import { kawaguchiHead, mapNetwork, network, ratNetwork, type Network } from '../../src/network/network.ts';
import { parameterIndex } from '../../src/network/parameters.ts';
import { hasBreakpoint } from '../../src/network/pattern.ts';

const F = RationalField;
const Z = Rational.ZERO;
const sum = (xs: readonly Rational[]): Rational => xs.reduce((s, v) => s.add(v), Z);
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => sum(a.map((v, i) => v.mul(b[i]!)));

/** One hidden ReLU layer with biases and a scalar output c: f(x) = vᵀσ(Wx + b) + c (decomposition eq. (1)). */
const decompositionCase = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }))
  .chain(([h, n]) =>
    dataset({ minDim: n, maxDim: n, maxPoints: 4 }).chain((data) =>
      fc
        .tuple(
          fc.array(fc.array(smallRational(), { minLength: n, maxLength: n }), { minLength: h, maxLength: h }),
          fc.array(smallRational(), { minLength: h, maxLength: h }),
          fc.array(smallRational(), { minLength: h, maxLength: h }),
          smallRational(),
        )
        .map(([W, b, v, c]) => ({ data, W, b, v, c, net: ratNetwork({ layers: [{ weights: W, bias: b, activation: relu(F) }, { weights: [v], bias: [c] }] }) })),
    ),
  )
  .filter(({ net, data }) => !hasBreakpoint(activationPattern(net, data)));

describe('decomposition App. A.3: eqs. (9), (11), (12) for L = ½Σ(g_A − y)²', () => {
  it('gradients in w_j, b_j, v_j, c and p_j, q_j, and the Hessian entries of (9) and (12), exactly', () => {
    fc.assert(
      fc.property(decompositionCase, ({ data, W, b, v, c, net }) => {
        const xs = data.inputs;
        const ys = data.targets.map((t) => t[0]!);
        // Independent closed forms: pre-activations, indicators a_ij = 1(w_jᵀx_i + b_j > 0), g_A, residuals.
        const pre = xs.map((x) => W.map((w, j) => dot(w, x).add(b[j]!)));
        const a = pre.map((row) => row.map((z) => (z.sign() > 0 ? Rational.ONE : Z)));
        const g = xs.map((_, i) => sum(W.map((_, j) => v[j]!.mul(a[i]![j]!).mul(pre[i]![j]!))).add(c));
        const e = g.map((gi, i) => gi.sub(ys[i]!));
        const d = lossDerivatives(net, data, squaredError('half-sum'));
        const idx = (name: string): number => parameterIndex(net, name);
        const grad = (name: string): Rational => d.gradient[idx(name)]!;
        const hess = (r: string, s: string): Rational => d.hessian.get(idx(r), idx(s));
        expect(grad('b2[0]').equals(sum(e))).toBe(true);
        W.forEach((w, j) => {
          const gradP = w.map((_, k) => sum(xs.map((x, i) => e[i]!.mul(a[i]![j]!).mul(x[k]!))));
          const gradQ = sum(xs.map((_, i) => e[i]!.mul(a[i]![j]!)));
          expect(grad(`b1[${j}]`).equals(v[j]!.mul(gradQ))).toBe(true);
          w.forEach((_, k) => expect(grad(`W1[${j},${k}]`).equals(v[j]!.mul(gradP[k]!))).toBe(true));
          expect(grad(`W2[0,${j}]`).equals(sum(xs.map((_, i) => e[i]!.mul(a[i]![j]!).mul(pre[i]![j]!))))).toBe(true);
          // (9)
          expect(hess(`W2[0,${j}]`, `W2[0,${j}]`).equals(sum(xs.map((_, i) => a[i]![j]!.mul(pre[i]![j]!.pow(2)))))).toBe(true);
          expect(hess(`b1[${j}]`, `b1[${j}]`).equals(sum(xs.map((_, i) => a[i]![j]!.mul(v[j]!.pow(2)))))).toBe(true);
          expect(hess(`W2[0,${j}]`, `b1[${j}]`).equals(sum(xs.map((_, i) => a[i]![j]!.mul(v[j]!.mul(pre[i]![j]!).add(e[i]!)))))).toBe(true);
          // (12): ∇_{v_j}∇_{w_j} = Σ_i ((g_i − y_i) + v_j(w_jᵀx_i + b_j)) a_ij x_i.
          w.forEach((_, k) => {
            const closed = sum(xs.map((x, i) => e[i]!.add(v[j]!.mul(pre[i]![j]!)).mul(a[i]![j]!).mul(x[k]!)));
            expect(hess(`W2[0,${j}]`, `W1[${j},${k}]`).equals(closed)).toBe(true);
          });
          // In (p, q, c): g_A is the same network with v = 1, W = P, b = Q frozen at pattern A (eq. (4)),
          // so its gradient in W, b is ∇_p, ∇_q of (11).
          const reparam = ratNetwork({
            layers: [{ weights: W.map((wj, m) => wj.map((x) => x.mul(v[m]!))), bias: b.map((bj, m) => bj.mul(v[m]!)), activation: relu(F) }, { weights: [v.map(() => 1)], bias: [c] }],
          });
          const A = activationPattern(net, data);
          const dr = lossDerivatives(reparam, data, squaredError('half-sum'), { pattern: A });
          expect(dr.value.equals(d.value)).toBe(true);
          expect(dr.gradient[parameterIndex(reparam, `b1[${j}]`)]!.equals(gradQ)).toBe(true);
          w.forEach((_, k) => expect(dr.gradient[parameterIndex(reparam, `W1[${j},${k}]`)]!.equals(gradP[k]!)).toBe(true));
        });
      }),
      { numRuns: 60 },
    );
  });
});

/** Liu's network f(x) = Σ_j z_j σ(w_j·x), L = (1/N)Σ(f − y)², so l'' = 2. */
const liuCase = architecture({ minDepth: 1, maxDepth: 1, maxWidth: 3, bias: false, activations: ['relu'], maxInputDim: 3 }).chain((arch) =>
  dataset({ minDim: arch.inputDim, maxDim: arch.inputDim, maxPoints: 4, nonZeroInputs: true }).chain((data) =>
    networkOn(arch, { generalPositionOn: data.inputs }).map((net) => ({ net, data })),
  ),
);

describe('Liu App. F: Hessian of L(R) = (1/N) Σ l″ x̃_i x̃_iᵀ', () => {
  it('the Hessian in W equals D H_R D (R_j = z_j w_j), and the full Hessian in (W, z) follows by the chain rule', () => {
    fc.assert(
      fc.property(liuCase, ({ net, data }) => {
        const W = net.layers[0]!.weights;
        const z = net.layers[1]!.weights[0]!;
        const K = W.length;
        const dIn = net.inputDim;
        const N = data.inputs.length;
        const I = data.inputs.map((x) => W.map((w) => (dot(w, x).sign() > 0 ? Rational.ONE : Z)));
        const xt = data.inputs.map((x, i) => I[i]!.flatMap((Iij) => x.map((xk) => Iij.mul(xk))));
        const HR = Matrix.build(F, K * dIn, K * dIn, (r, s) => sum(xt.map((v) => q(2).mul(v[r]!).mul(v[s]!))).div(q(N)));
        const f = data.inputs.map((x, i) => sum(W.map((w, j) => z[j]!.mul(I[i]![j]!).mul(dot(w, x)))));
        const lPrime = f.map((fi, i) => q(2).mul(fi.sub(data.targets[i]![0]!)));
        const gradR = Array.from({ length: K * dIn }, (_, r) => sum(xt.map((v, i) => lPrime[i]!.mul(v[r]!))).div(q(N)));
        const Dz = Matrix.diag(F, Array.from({ length: K * dIn }, (_, r) => z[Math.floor(r / dIn)]!));
        const loss = squaredError('mean');
        const wIdx = Array.from({ length: K * dIn }, (_, r) => r); // W1 comes first, row by row = (R_1, …, R_K)
        const hw = lossDerivatives(net, data, loss, { parameters: wIdx });
        expect(hw.hessian.equals(Dz.mul(HR).mul(Dz))).toBe(true);
        // Full θ = (vec W, z): H = Jᵀ H_R J + Σ_{j,k} ∂L/∂R_jk ∇²R_jk, with R_jk = z_j w_jk.
        const P = K * dIn + K;
        const J = Matrix.build(F, K * dIn, P, (r, s) => {
          const j = Math.floor(r / dIn);
          if (s === r) return z[j]!;
          if (s === K * dIn + j) return W[j]![r % dIn]!;
          return Z;
        });
        const curvature = Matrix.build(F, P, P, (r, s) => {
          const [lo, hi] = r < s ? [r, s] : [s, r];
          return lo < K * dIn && hi === K * dIn + Math.floor(lo / dIn) ? gradR[lo]! : Z;
        });
        const full = lossDerivatives(net, data, loss);
        expect(full.hessian.equals(J.transpose().mul(HR).mul(J).add(curvature))).toBe(true);
        // Liu eqs. (3), (4): ∂L/∂z_j = ∂L/∂R_j · w_j and ∂L/∂w_j = z_j ∂L/∂R_j.
        W.forEach((w, j) => {
          expect(full.gradient[K * dIn + j]!.equals(dot(gradR.slice(j * dIn, (j + 1) * dIn), w))).toBe(true);
          w.forEach((_, k) => expect(full.gradient[j * dIn + k]!.equals(z[j]!.mul(gradR[j * dIn + k]!))).toBe(true));
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('Kawaguchi App. B.1: a_k ∂L̃/∂a_k = ∂L̃/∂b_k + 2λa_k² for L̃ = L(f + g) + λ‖a‖²', () => {
  it('holds at every point, for squared and logistic losses (decimal, 60 digits)', () => {
    const D = decimalField(60);
    const cases = networkAndDataset({ architecture: { maxDepth: 2, maxWidth: 2 }, data: { labels: 'sign' }, generalPosition: true });
    fc.assert(
      fc.property(cases, smallRational({ nonZero: true }), smallRational(), smallRational({ positive: true }), fc.boolean(), ({ network: net, data }, a, b, lambda, useLogistic) => {
        const dnet: Network<Decimal> = mapNetwork(net, D);
        const w = Array.from({ length: net.inputDim }, (_, k) => D.fromRational(k === 0 ? b : a));
        const withHead = network(D, { layers: dnet.layers, expUnits: kawaguchiHead([D.fromRational(a)], [w], [D.fromRational(b)]) });
        const ddata: Dataset<Decimal> = mapDataset(D, data);
        const aIdx = parameterIndex(withHead, 'exp.a[0]');
        const bIdx = parameterIndex(withHead, 'exp.b[0]');
        const loss = useLogistic ? logistic('mean') : squaredError('mean');
        const d = lossDerivatives(withHead, ddata, loss, { parameters: [aIdx, bIdx], penalty: { lambda: D.fromRational(lambda), parameters: [aIdx] } });
        const ak = D.fromRational(a);
        const lhs = ak.times(d.gradient[0]!);
        const rhs = d.gradient[1]!.plus(D.fromRational(lambda).times(2).times(ak).times(ak));
        expect(lhs.minus(rhs).abs().lte(Decimal.max(1, lhs.abs()).times('1e-55'))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
