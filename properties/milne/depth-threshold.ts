// milne, §3.6 remark 2 (and Theorem 1): the U₃ threshold ε(R) = (λ − θ)²/(4M²) shrinks exponentially with depth.
import { example, milneThreshold, Rational, unconfirmed, type JsonValue, type QuantityRow } from '../../src/index.ts';
import { confirmThresholdRowsFail, rationalHint, type ThresholdRow } from './_confirm.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);

/** (R, λ, θ, max_i f(a_i)): the settings tabulated. */
const SETTINGS = [
  { R: q(1), lambda: q(1), theta: q(1, 2), f: q(1) },
  { R: q(2), lambda: q(1), theta: q(1, 2), f: q(1) },
  { R: q(1, 2), lambda: q(2), theta: q(1), f: q(10) },
];
const DEPTHS = [1, 2, 3, 4, 5, 6];

const asRational = (x: unknown): Rational => x as Rational;

/** A table row with the setting it was computed from (the second route recomputes ε from it). */
type Row = QuantityRow & { readonly setting: ThresholdRow };

function depthRows(): Row[] {
  return SETTINGS.flatMap(({ R, lambda, theta, f }) => {
    const eps = (H: number): Rational => milneThreshold([f], R, H, lambda, theta);
    const beta = R.add(Rational.ONE);
    // Exponential decrease: ε(H + 1)/ε(H) stays below the first ratio q₀ < 1 and tends to 1/β².
    const q0 = eps(1).div(eps(0));
    const floor = beta.pow(-2);
    return DEPTHS.map((H) => {
      const quantity = `ε(H+1)/ε(H) at R = ${R}, λ = ${lambda}, θ = ${theta}, max f = ${f}, H = ${H}`;
      return {
        quantity,
        paper: `exponentially smaller with H: 1/(R+1)² ≤ ratio ≤ q₀ = ${q0.toString()} < 1`,
        computed: eps(H + 1).div(eps(H)),
        relation: 'in [1/(R+1)², q₀], q₀ < 1',
        compare: (_: unknown, c: unknown) => q0.lt(Rational.ONE) && asRational(c).ge(floor) && asRational(c).le(q0),
        setting: { quantity, kind: 'depth', R, lambda, theta, f, H },
      };
    });
  });
}

function radiusRows(): Row[] {
  const { lambda, theta, f } = SETTINGS[0]!;
  const H = 2;
  const Rs = [1, 2, 4, 8, 16].map((r) => q(r));
  return Rs.map((R, k) => {
    const eps = milneThreshold([f], R, H, lambda, theta);
    // ε(R) ≤ (λ − θ)²/(4(R + 1)^{2H+4}): decreasing to 0 (Theorem 1).
    const ceiling = lambda.sub(theta).pow(2).div(q(4).mul(R.add(Rational.ONE).pow(2 * H + 4)));
    const previous = k === 0 ? null : milneThreshold([f], Rs[k - 1]!, H, lambda, theta);
    const quantity = `ε(R) at R = ${R}, H = ${H}, λ = ${lambda}, θ = ${theta}, max f = ${f}`;
    return {
      quantity,
      paper: 'decreasing in R, → 0 (Theorem 1)',
      computed: eps,
      relation: '< ε at the previous R and ≤ (λ−θ)²/(4(R+1)^{2H+4})',
      compare: (_: unknown, c: unknown) => asRational(c).le(ceiling) && (previous === null || asRational(c).lt(previous)),
      setting: { quantity, kind: 'radius', R, lambda, theta, f, H, ...(k === 0 ? {} : { previous: Rs[k - 1]! }) },
    };
  });
}

export default example({
  id: 'milne/depth-threshold',
  paper: 'milne',
  title: 'The U₃ threshold ε(R) shrinks exponentially with depth',
  statement:
    'Remark 2 after Theorem 4: the bound (λ − θ)/(2M(f, β, H)) defining U₃, equivalently ε(R) = (λ − θ)²/(4M(f, R + 1, ' +
    'H)²) with M = max_i(3/2)f(a_i) + (R + 1)^{H+2}, gets exponentially smaller as the depth H grows, and depends on ' +
    'the data only through max_i f(a_i) (not on N or the widths). Reproduced exactly for three settings (R, λ, θ, ' +
    'max f) and H = 1..6 as a relation: the ratio ε(H + 1)/ε(H) stays in [1/(R + 1)², q₀] with q₀ = ε(1)/ε(0) < 1, a ' +
    'uniform geometric rate tending to 1/(R + 1)². Theorem 1’s ε is also tabulated against R: strictly decreasing ' +
    'and ≤ (λ − θ)²/(4(R + 1)^{2H+4}) → 0.',
  reproduce: () => {
    const rows = [...depthRows(), ...radiusRows()];
    return {
      values: rows.map(({ setting: _, ...row }) => row),
      note: 'ε computed exactly from its formula (milneThreshold); the paper states the trend, not numbers.',
      data: rows.map((r) => settingJson(r.setting)),
    };
  },
  confirm: (differing, data) => {
    const settings = Array.isArray(data) ? data.map(settingOf) : null;
    return settings === null || settings.some((s) => s === null)
      ? unconfirmed('z3', 'the reproduction recorded no settings')
      : confirmThresholdRowsFail(differing, settings as ThresholdRow[]);
  },
});

function settingJson(s: ThresholdRow): JsonValue {
  const { R, lambda, theta, f, previous } = s;
  return { quantity: s.quantity, kind: s.kind, R: R.toString(), lambda: lambda.toString(), theta: theta.toString(), f: f.toString(), H: s.H, ...(previous === undefined ? {} : { previous: previous.toString() }) };
}

function settingOf(value: JsonValue): ThresholdRow | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const [R, lambda, theta, f] = [value.R, value.lambda, value.theta, value.f].map(rationalHint);
  const previous = value.previous === undefined ? undefined : rationalHint(value.previous);
  if (R == null || lambda == null || theta == null || f == null || previous === null) return null;
  if (typeof value.quantity !== 'string' || (value.kind !== 'depth' && value.kind !== 'radius') || typeof value.H !== 'number') return null;
  return { quantity: value.quantity, kind: value.kind, R, lambda, theta, f, H: value.H, ...(previous === undefined ? {} : { previous }) };
}
