import fc from 'fast-check';
import {
  discard,
  fail,
  flattenParameters,
  forAll,
  identity,
  inertiaCounts,
  lossDerivatives,
  network,
  networkOutput,
  pass,
  Rational,
  RationalField,
  relu,
  smallRational,
  solve,
  squaredError,
  theorem,
  undecided,
  outputJacobian,
  lossAlongLine,
  nullSpace,
  type Dataset,
  type Matrix,
  type Network,
} from '../../src/index.ts';
import { confirmPgb, type ChainInstance } from './_confirm.ts';

/** Rational unit vectors (Pythagorean triples), so that ‖w_1‖ = s exactly. */
const UNIT_DIRECTIONS: Record<1 | 2, Rational[][]> = {
  1: [[Rational.ONE], [Rational.MINUS_ONE]],
  2: [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
    [3, 4],
    [4, -3],
    [-3, 4],
    [5, 12],
    [-12, 5],
  ].map(([x, y]) => {
    const n = Math.hypot(x!, y!);
    return [Rational.of(x!, n), Rational.of(y!, n)];
  }),
};

type ChainCase = ChainInstance;

const entry = smallRational({ maxNumerator: 2, maxDenominator: 2 });
const key = (x: readonly Rational[]): string => x.map(String).join(',');

const chainCases: fc.Arbitrary<ChainCase> = fc
  .record({ layers: fc.constantFrom<2 | 3>(2, 3), d: fc.constantFrom<1 | 2>(1, 2), relu: fc.boolean() })
  .chain(({ layers, d, relu: useRelu }) =>
    fc.record({
      layers: fc.constant(layers),
      activation: fc.constant<'identity' | 'relu'>(useRelu && layers === 2 ? 'relu' : 'identity'),
      inputs: fc.uniqueArray(fc.array(entry, { minLength: d, maxLength: d }), { minLength: d, maxLength: 3, selector: key }),
      scale: smallRational({ maxNumerator: 2, maxDenominator: 2, positive: true }),
      direction: fc.constantFrom(...UNIT_DIRECTIONS[d]),
      signs: fc.array(fc.constantFrom(Rational.ONE, Rational.MINUS_ONE), { minLength: layers - 1, maxLength: layers - 1 }),
      lambda: smallRational({ maxNumerator: 2, maxDenominator: 4, positive: true }),
    }),
  );

/** x ↦ z_L ⋯ z_2 σ(s·uᵀx): a chain of width-1 layers, no biases, balanced (|z_k| = ‖w_1‖ = s). */
function chain(c: ChainCase): Network<Rational> {
  const act = c.activation === 'relu' ? relu(RationalField) : identity(RationalField);
  const first = { weights: [c.direction.map((v) => v.mul(c.scale))], activation: act };
  const rest = c.signs.map((sg, j) => ({
    weights: [[sg.mul(c.scale)]],
    activation: j === c.signs.length - 1 ? identity(RationalField) : act,
  }));
  return network(RationalField, { layers: [first, ...rest] });
}

const dot = (u: readonly Rational[], v: readonly Rational[]): Rational => u.reduce((s, x, i) => s.add(x.mul(v[i]!)), Rational.ZERO);

/**
 * Where the Hessian is singular the second-order test decides nothing, but along a null direction v the
 * exact polynomial Q(z + tv) − Q(z) = Σ_{k≥3} c_k t^k (c_1 = c_2 = 0) still shows a descent when its lowest
 * non-zero term has odd order or a negative coefficient: then z is not a local minimum.
 */
function descendsAlongNullDirection(net: Network<Rational>, data: Dataset<Rational>, hessian: Matrix<Rational>, lambda: Rational): boolean {
  return nullSpace(hessian).some((v) => {
    const p = lossAlongLine(net, data, squaredError('mean'), v, { penalty: { lambda } });
    const k = p.findIndex((ck, order) => order > 0 && !ck.isZero());
    return k > 0 && (k % 2 === 1 || p[k]!.sign() < 0);
  });
}

export default theorem({
  id: 'kawaguchi/theorem-3',
  paper: 'kawaguchi',
  title: 'Theorem 3: the PGB necessary condition at local minima (equality for ρ = 1)',
  statement:
    'Setting of App. A: Q(z) = (1/m) Σ_i Q_i(φ_i(z)) + R_i(ϕ_i(z)) with Q_i, R_i convex and differentiable and a function h ' +
    'with φ_i(z) = Σ_k h(z)_k ∂_kφ_i(z), ϕ_i(z) = ρ Σ_k h(z)_k ∂_kϕ_i(z). Read from the proof: at a local minimum z, for small ' +
    'ε, every finite S ⊆ V[z, ε] (perturbations v, ‖v‖ ≤ 1, that leave every φ_i and ϕ_i unchanged) and every α, ' +
    '(1/m) Σ_i Q_i(φ_i^z(α, ε, S)) + R_i(ϕ_i^z(α, ε, S)) ≥ Q(z) − (1 − 1/ρ)(1/m) Σ_i ∂R_i(ϕ_i(z))ϕ_i(z), where ' +
    'φ_i^z(α, ε, S) = Σ_k Σ_j α_kj ∂_kφ_i(z + εS_j); for ρ = 1 the infimum over S and α equals Q(z). (The catalogue ' +
    'line "Q(z) ≥ inf … minus the (1 − 1/ρ) term" is read as this inequality of the appendix.) Computable instance: ' +
    'deep chains x ↦ z_L ⋯ z_2 σ(w_1ᵀx) (L = 2 with σ = ReLU or identity, L = 3 linear), no biases, squared loss ' +
    'Q_i(q) = (q − y_i)², weight decay R_i(q) = λq on ϕ_i(z) = ‖z‖², h(z) = z/L, so ρ = L/2 (both identities verified ' +
    'exactly). z is balanced (|z_k| = ‖w_1‖ = s, rational unit directions) and the targets y are solved exactly so that ' +
    '∇Q(z) = 0; an exactly positive definite Hessian (LDLᵀ inertia) certifies a strict local minimum, for which ' +
    'V[z, ε] = {0} for small ε (a non-zero v would give Q(z + εv) = Q(z)). The infimum over α of the convex quadratic ' +
    '(1/m)‖Jα − y‖² + λ·2zᵀα (J = ∂φ/∂z) is then computed exactly from its normal equations and compared with the ' +
    'bound; for L = 2 (ρ = 1) equality is required. Not computable here: local minima that are not strict (V[z, ε] ' +
    '≠ {0}, e.g. continuous symmetries) and general Q_i, R_i; critical points whose Hessian is indefinite are not local ' +
    'minima (discarded), and so are singular positive semidefinite ones along one of whose null directions v the exact ' +
    'polynomial Q(z + tv) − Q(z) has a lowest non-zero term of odd order or negative sign; the remaining singular ones are ' +
    'undecided (neither test decides them). ' +
    'A failure counts only when confirmed from the raw numbers by exact chain derivatives (∇Q(z) = 0 with the witness\'s ' +
    'targets) and z3 (∇²Q(z) positive definite; some α below the bound, or for ρ = 1 none reaching Q(z)).',
  checks: [
    forAll({
      name: 'PGB inequality (equality for ρ = 1) at certified strict local minima',
      basis: 'exact',
      arbitrary: chainCases,
      check: (c) => {
        const net = chain(c);
        const L = c.layers;
        const m = c.inputs.length;
        const z = flattenParameters(net);
        if (c.activation === 'relu' && c.inputs.some((x) => dot(c.direction, x).isZero())) return discard('an input on the ReLU kink');
        const f = c.inputs.map((x) => networkOutput(net, x)[0]!);
        const J = outputJacobian(net, c.inputs);
        // Targets that make z critical: (2/m)Σ r_i ∇f_i + 2λz = 0 with r_i = f_i − y_i.
        const sol = solve(J.transpose(), z.map((v) => v.mul(c.lambda).mul(Rational.of(-m))));
        if (sol.kind !== 'solution') return discard('no targets make this z a critical point');
        const r = sol.particular;
        const y = f.map((v, i) => v.sub(r[i]!));
        const data = { inputs: c.inputs, targets: y.map((v) => [v]) };
        const Qd = lossDerivatives(net, data, squaredError('mean'), { penalty: { lambda: c.lambda } });
        // Our construction of the targets: if it did not make z critical, the case decides nothing.
        if (Qd.gradient.some((g) => !g.isZero())) return undecided('the constructed targets do not make z a critical point');
        const inertia = inertiaCounts(Qd.hessian);
        if (inertia.negative > 0) return discard('critical point with an indefinite Hessian (not a local minimum)');
        if (inertia.zero > 0) {
          if (descendsAlongNullDirection(net, data, Qd.hessian, c.lambda)) return discard('critical point that is not a local minimum (a descent along a null direction of the Hessian)');
          return undecided('positive semidefinite singular Hessian: no descent along its null directions, strict local minimality not certified');
        }
        // Assumptions of the theorem, exactly: Euler identities for h(z) = z/L.
        const h = z.map((v) => v.div(Rational.of(L)));
        const rho = Rational.of(L, 2);
        const normSq = dot(z, z);
        const eulerPhi = J.mulVec(h).every((v, i) => v.equals(f[i]!));
        const eulerVarphi = rho.mul(dot(h, z.map((v) => v.mul(Rational.of(2))))).equals(normSq);
        if (!eulerPhi || !eulerVarphi) return undecided(`the Euler identities of h(z) = z/L are not verified (φ: ${eulerPhi}, ϕ: ${eulerVarphi})`);
        // inf_α (1/m)‖Jα − y‖² + 2λ zᵀα: normal equations JᵀJ α = Jᵀy − mλ z.
        const JtJ = J.transpose().mul(J);
        const rhs = J.transpose()
          .mulVec(y)
          .map((v, k) => v.sub(Rational.of(m).mul(c.lambda).mul(z[k]!)));
        const opt = solve(JtJ, rhs);
        if (opt.kind !== 'solution') return fail({ reason: 'the infimum over α is −∞ (normal equations inconsistent)', y });
        const alpha = opt.particular;
        const Ja = J.mulVec(alpha);
        const inf = Ja.reduce((s, v, i) => s.add(v.sub(y[i]!).mul(v.sub(y[i]!))), Rational.ZERO)
          .div(Rational.of(m))
          .add(Rational.of(2).mul(c.lambda).mul(dot(z, alpha)));
        const Qz = Qd.value;
        const bound = Qz.sub(Rational.ONE.sub(rho.inv()).mul(c.lambda).mul(normSq));
        const witness = { 'Q(z)': Qz, inf, bound, rho, y, alpha };
        if (inf.lt(bound)) return fail({ reason: 'infimum below the bound', ...witness });
        if (rho.equals(Rational.ONE) && !inf.equals(Qz)) return fail({ reason: 'ρ = 1 but the infimum differs from Q(z)', ...witness });
        return pass();
      },
      confirm: (c, witness) => confirmPgb(c, witness),
    }),
  ],
});
