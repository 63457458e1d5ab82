import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationOf, ACTIVATION_CHOICES } from '../../src/generators/network.ts';
import { smallRational } from '../../src/generators/rational.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import {
  describeActivation,
  evaluate,
  identity,
  isOnBreakpoint,
  leakyRelu,
  linear,
  locate,
  mirrorActivation,
  pieceCoefficients,
  pieceCount,
  pieceOf,
  piecewiseLinear,
  relu,
  signRelativeTo,
  twoPiece,
  twoPieceSlopes,
  type Activation,
} from '../../src/network/activation.ts';

const F = RationalField;
const anyActivation = fc.constantFrom(...ACTIVATION_CHOICES).chain(activationOf);

/**
 * h(x) by integrating the slopes from 0 to x piece by piece: an independent reading of the
 * representation (breakpoints, slopes, h(0)) that never uses the derived offsets.
 */
function integrate(act: Activation<Rational>, x: Rational): Rational {
  const ts = act.breakpoints;
  const [lo, hi, sign] = x.ge(Rational.ZERO) ? [Rational.ZERO, x, 1] : [x, Rational.ZERO, -1];
  let total = Rational.ZERO;
  act.slopes.forEach((s, k) => {
    const left = k === 0 ? lo : ts[k - 1]!.max(lo);
    const right = k === ts.length ? hi : ts[k]!.min(hi);
    if (right.gt(left)) total = total.add(s.mul(right.sub(left)));
  });
  return act.valueAtZero.add(sign > 0 ? total : total.neg());
}

describe('activations', () => {
  it('ReLU, linear, leaky ReLU and h_{s−,s+} follow their definitions', () => {
    fc.assert(
      fc.property(smallRational(), smallRational(), smallRational(), (x, a, b) => {
        expect(evaluate(F, relu(F), x).equals(x.max(Rational.ZERO))).toBe(true);
        expect(evaluate(F, linear(F, a), x).equals(a.mul(x))).toBe(true);
        expect(evaluate(F, identity(F), x).equals(x)).toBe(true);
        // He et al. eq. (4): I{x ≤ 0}s−x + I{x > 0}s+x.
        expect(evaluate(F, twoPiece(F, a, b), x).equals(x.sign() <= 0 ? a.mul(x) : b.mul(x))).toBe(true);
        expect(evaluate(F, leakyRelu(F, a), x).equals(x.sign() < 0 ? a.mul(x) : x)).toBe(true);
      }),
    );
  });

  it('general piecewise linear: value equals the integral of the slopes, and every piece formula matches on its closure', () => {
    fc.assert(
      fc.property(anyActivation, smallRational({ maxNumerator: 5, maxDenominator: 3 }), (act, x) => {
        expect(evaluate(F, act, x).equals(integrate(act, x))).toBe(true);
        const p = locate(F, act, x);
        const pieces = isOnBreakpoint(p) ? [(p - 1) / 2, (p + 1) / 2] : [pieceOf(p)];
        for (const k of pieces) {
          const { slope, offset } = pieceCoefficients(act, k);
          expect(slope.mul(x).add(offset).equals(integrate(act, x))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('locate orders like x and marks breakpoints exactly', () => {
    fc.assert(
      fc.property(anyActivation, smallRational(), smallRational(), (act, x, y) => {
        const [px, py] = [locate(F, act, x), locate(F, act, y)];
        if (x.lt(y)) expect(px).toBeLessThanOrEqual(py);
        const onSome = act.breakpoints.some((t) => t.equals(x));
        expect(isOnBreakpoint(px)).toBe(onSome);
        if (onSome) expect(act.breakpoints[(px - 1) / 2]!.equals(x)).toBe(true);
      }),
    );
    expect([q(-1), q(0), q(1)].map((x) => locate(F, relu(F), x))).toEqual([0, 1, 2]);
    expect([q(-1), q(0), q(1)].map((x) => signRelativeTo(locate(F, relu(F), x)))).toEqual([-1, 0, 1]);
  });

  it('h_{s−,s+}(x) = h_{−s+,−s−}(−x) (He et al. App. A.2), and mirroring any activation reflects it', () => {
    fc.assert(
      fc.property(smallRational(), smallRational(), smallRational(), (sm, sp, x) => {
        const h = twoPiece(F, sm, sp);
        const mirrored = twoPiece(F, sp.neg(), sm.neg());
        expect(evaluate(F, h, x).equals(evaluate(F, mirrored, x.neg()))).toBe(true);
        expect(twoPieceSlopes(F, mirrorActivation(F, h))).toEqual({ sMinus: sp.neg(), sPlus: sm.neg() });
      }),
    );
    fc.assert(
      fc.property(anyActivation, smallRational(), (act, x) => {
        expect(evaluate(F, mirrorActivation(F, act), x.neg()).equals(evaluate(F, act, x))).toBe(true);
      }),
    );
    // The sign-flipped reading h(x) = −h_{−s+,−s−}(−x) is not an identity: ReLU at x = 1 gives 1 vs −1.
    expect(evaluate(F, twoPiece(F, q(-1), q(0)), q(-1)).neg().equals(evaluate(F, relu(F), q(1)))).toBe(false);
  });

  it('rejects malformed representations with a message', () => {
    expect(() => piecewiseLinear(F, { breakpoints: [q(0)], slopes: [q(1)] })).toThrow(/needs 2 slopes, got 1/);
    expect(() => piecewiseLinear(F, { breakpoints: [q(1), q(0)], slopes: [q(1), q(0), q(1)] })).toThrow(/increase strictly/);
    expect(() => pieceCoefficients(relu(F), 2)).toThrow(/piece 2 does not exist/);
    expect(() => pieceOf(1)).toThrow(/breakpoint 0/);
  });

  it('equal breakpoints are rejected, and the message names both', () => {
    // t_1 = t_2 = 1: the middle piece (1, 1) would be empty.
    expect(() => piecewiseLinear(F, { breakpoints: [q(0), q(1), q(1)], slopes: [q(0), q(1), q(2), q(3)] })).toThrow(
      'breakpoints must increase strictly: t_1 = 1, t_2 = 1',
    );
    expect(piecewiseLinear(F, { breakpoints: [q(0), q(1), q(2)], slopes: [q(0), q(1), q(2), q(3)] }).breakpoints).toHaveLength(3);
  });

  it('pieces: count, index range, and the breakpoint named by a position', () => {
    const hat = piecewiseLinear(F, { breakpoints: [q(0), q(1)], slopes: [q(0), q(1), q(0)] });
    expect([pieceCount(relu(F)), pieceCount(linear(F)), pieceCount(hat)]).toEqual([2, 1, 3]);
    // Position 3 = 2·1 + 1 is breakpoint t_1; position 4 is piece 2.
    expect(() => pieceOf(3)).toThrow('position 3 is on breakpoint 1, not inside a piece');
    expect(pieceOf(4)).toBe(2);
    // Pieces are numbered 0..m: negative and fractional indices do not exist; the last one does.
    expect(() => pieceCoefficients(hat, -1)).toThrow(/piece -1 does not exist: the piecewise-linear activation has 3 piece\(s\)/);
    expect(() => pieceCoefficients(hat, 0.5)).toThrow(/piece 0.5 does not exist/);
    expect(pieceCoefficients(hat, 2).slope.equals(q(0))).toBe(true);
    // The right piece of the hat is h = 1 for x ≥ 1.
    expect(pieceCoefficients(hat, 2).offset.equals(q(1))).toBe(true);
  });

  it('twoPieceSlopes recognises exactly one breakpoint at 0 with h(0) = 0', () => {
    expect(twoPieceSlopes(F, relu(F))).toEqual({ sMinus: q(0), sPlus: q(1) });
    expect(twoPieceSlopes(F, piecewiseLinear(F, { breakpoints: [q(0)], slopes: [q(2), q(3)] }))).toEqual({ sMinus: q(2), sPlus: q(3) });
    // No breakpoint, a breakpoint away from 0, h(0) ≠ 0, two breakpoints: not of the form h_{s−,s+}.
    expect(twoPieceSlopes(F, linear(F, q(2)))).toBeNull();
    expect(twoPieceSlopes(F, piecewiseLinear(F, { breakpoints: [q(1)], slopes: [q(0), q(1)] }))).toBeNull();
    expect(twoPieceSlopes(F, piecewiseLinear(F, { breakpoints: [q(0)], slopes: [q(0), q(1)], valueAtZero: q(1) }))).toBeNull();
    expect(twoPieceSlopes(F, piecewiseLinear(F, { breakpoints: [q(0), q(1)], slopes: [q(0), q(1), q(0)] }))).toBeNull();
  });

  it('mirroring keeps linear and general kinds, and turns ReLU and leaky ReLU into h_{s−,s+}', () => {
    const hat = piecewiseLinear(F, { breakpoints: [q(0), q(1)], slopes: [q(0), q(1), q(0)] });
    const kinds = [linear(F, q(2)), hat, relu(F), leakyRelu(F, q(1, 2)), twoPiece(F, q(1), q(2))].map((a) => mirrorActivation(F, a).kind);
    // ReLU mirrored is h_{−1,0}, no longer a ReLU.
    expect(kinds).toEqual(['linear', 'piecewise-linear', 'two-piece', 'two-piece', 'two-piece']);
  });

  it('describes itself readably', () => {
    expect(describeActivation(F, relu(F))).toBe('relu');
    expect(describeActivation(F, twoPiece(F, q(-1, 2), q(1)))).toBe('two-piece(-1/2, 1)');
    expect(describeActivation(F, piecewiseLinear(F, { breakpoints: [q(0), q(1)], slopes: [q(0), q(1), q(0)] }))).toBe(
      'piecewise-linear(t=[0, 1], s=[0, 1, 0], h(0)=0)',
    );
    expect(describeActivation(F, identity(F))).toBe('identity');
    expect(describeActivation(F, linear(F, q(2, 3)))).toBe('linear(2/3)');
    expect(describeActivation(F, leakyRelu(F, q(1, 10)))).toBe('leaky-relu(1/10)');
  });
});
