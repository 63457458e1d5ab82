// The set U = U₁ ∩ U₂ ∩ U₃ of Lemma 9 and Theorem 4, with parameters fitted to a drawn point so
// that it lies inside U as close to U's boundary as the drawn slacks say (the stringent case).
import fc from 'fast-check';
import {
  empiricalRisk,
  inMilneU1,
  inMilneU2,
  inMilneU3,
  Matrix,
  milneDataset,
  milneDepth,
  milneM,
  milneNetwork,
  milneNormBound,
  milneOutput,
  Rational,
  squaredError,
} from '../../src/index.ts';
import type { Weights } from './_instances.ts';

/** Slacks 1/k, k = 1..64 (shrinking toward 1): how far inside U₁ and U₃ a point is placed. */
export const slack = fc.integer({ min: 1, max: 64 }).map((k) => Rational.of(1, k));

/** θ ∈ (0, λ) of Theorem 4: small positive rationals. */
export const thetas = fc.integer({ min: 1, max: 16 }).map((k) => Rational.of(1, k));

export const oneNorm = (v: readonly Rational[]): Rational => v.reduce((s, x) => s.add(x.abs()), Rational.ZERO);

export const frobeniusSquared = (M: Matrix<Rational>): Rational => M.toArrays().flat().reduce((s, x) => s.add(x.mul(x)), Rational.ZERO);

/** ℓ(W) = (1/N)Σ(f(a_i) − y(a_i, W))², exactly. */
export function loss(inputs: readonly (readonly Rational[])[], W: Weights, targets: readonly Rational[]): Rational {
  return empiricalRisk(milneNetwork(W), milneDataset(inputs, targets), squaredError('mean'));
}

/** A rational s ≥ √x (s = √x when that is rational). */
export function sqrtUpper(x: Rational): Rational {
  if (x.sign() < 0) throw new RangeError(`sqrtUpper of ${x.toString()}`);
  if (x.isZero()) return Rational.ZERO;
  let s = Rational.approximate(Math.sqrt(x.toNumber()), 1e-12);
  if (s.mul(s).equals(x)) return s;
  const step = s.div(Rational.of(1 << 20)).add(Rational.of(1, 1 << 30));
  while (s.mul(s).lt(x)) s = s.add(step);
  return s;
}

/** β = 1 + max(max_i ‖a_i‖₁, n(W) + δ): the smallest admissible β of Lemma 9 up to the slack δ (U₁ is strict). */
export function fittedBeta(inputs: readonly (readonly Rational[])[], W: Weights, delta: Rational): Rational {
  const data = inputs.reduce((m, a) => m.max(oneNorm(a)), Rational.ZERO);
  return Rational.ONE.add(data.max(milneNormBound(W).add(delta)));
}

export interface RegionSetting {
  readonly H: number;
  readonly outputs: Rational[];
  readonly loss: Rational;
  readonly beta: Rational;
  readonly M: Rational;
}

export function setting(inputs: readonly (readonly Rational[])[], W: Weights, targets: readonly Rational[], beta: Rational): RegionSetting {
  const H = milneDepth(W);
  return { H, outputs: inputs.map((a) => milneOutput(a, W)), loss: loss(inputs, W, targets), beta, M: milneM(targets, beta, H) };
}

/** λ = θ + 2M·s with s > ℓ^{1/2} (s = √ℓ·(1 + κ) rounded up): W is then in U₃, by a margin κ. */
export function fittedLambda(s: RegionSetting, theta: Rational, kappa: Rational): Rational {
  const root = s.loss.isZero() ? kappa : sqrtUpper(s.loss).mul(Rational.ONE.add(kappa));
  return theta.add(Rational.of(2).mul(s.M).mul(root));
}

/** Why (inputs, W, targets) is not in U₁ ∩ U₂ (and U₃ when λ, θ are given), or null when it is. */
export function outsideU(
  inputs: readonly (readonly Rational[])[],
  W: Weights,
  targets: readonly Rational[],
  s: RegionSetting,
  lambdaTheta?: { lambda: Rational; theta: Rational },
): string | null {
  if (targets.some((f) => f.sign() <= 0)) return 'some f(a_i) ≤ 0';
  if (inputs.some((a) => oneNorm(a).gt(s.beta.sub(Rational.ONE)))) return 'some ‖a_i‖₁ > β − 1';
  if (!inMilneU1(W, s.beta)) return 'not in U₁';
  if (!inMilneU2(s.outputs, targets)) return 'not in U₂';
  if (lambdaTheta && !inMilneU3(s.loss, lambdaTheta.lambda, lambdaTheta.theta, s.M)) return 'not in U₃';
  return null;
}
