import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../../src/generators/rational.ts';
import { identity, relu } from '../../../src/network/activation.ts';
import { activationPattern, networkOutput } from '../../../src/network/forward.ts';
import { network, ratNetwork } from '../../../src/network/network.ts';
import { outputJacobian } from '../../../src/network/output-jacobian.ts';
import { flattenParameters, unflattenParameters } from '../../../src/network/parameters.ts';
import { resolveBreakpoints } from '../../../src/network/pattern.ts';
import { quarticPoint } from '../../../src/network/quartic-loss.ts';
import { decimalField } from '../../../src/numbers/decimal-field.ts';
import { Rational, q } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';

const F = RationalField;
const D = decimalField(80);
const entry = smallRational({ maxNumerator: 3, maxDenominator: 2 });

describe('the non-convex quartic loss', () => {
  it('matches its hand-written form r⁴/4 − 2r³/3 + 11r²/20 and central differences of it', () => {
    fc.assert(
      fc.property(entry, entry, (yHat, y) => {
        const r = yHat.sub(y);
        const hand = r.pow(4).div(q(4)).sub(r.pow(3).mul(q(2, 3))).add(r.pow(2).mul(q(11, 20)));
        expect(quarticPoint.value(F, [yHat], [y]).equals(hand)).toBe(true);
        // φ′(r) = r((r − 1)² + 1/10), φ″(r) = 3r² − 4r + 11/10.
        expect(quarticPoint.gradient(F, [yHat], [y])[0]!.equals(r.mul(r.sub(q(1)).pow(2).add(q(1, 10))))).toBe(true);
        expect(quarticPoint.hessian(F, [yHat], [y])[0]![0]!.equals(r.pow(2).mul(q(3)).sub(r.mul(q(4))).add(q(11, 10)))).toBe(true);
        const h = new Decimal('1e-30');
        const at = (d: Decimal): Decimal => quarticPoint.value(D, [D.fromRational(yHat).plus(d)], [D.fromRational(y)]);
        const fd = at(h).minus(at(h.neg())).div(h.times(2));
        expect(fd.minus(D.fromRational(quarticPoint.gradient(F, [yHat], [y])[0]!)).abs().lt('1e-40')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('has its only critical point at r = 0 (φ′ > 0 for r > 0, < 0 for r < 0 on a grid) and is not convex', () => {
    for (let n = -40; n <= 40; n++) {
      const g = quarticPoint.gradient(F, [q(n, 8)], [q(0)])[0]!;
      expect(g.sign()).toBe(Math.sign(n));
    }
    expect(quarticPoint.hessian(F, [q(1, 2)], [q(0)])[0]![0]!.sign()).toBe(-1);
  });
});

describe('outputJacobian', () => {
  it('each row equals the exact difference quotient f(θ + e_k) − f(θ) for linear chains (f is affine in each parameter)', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 2, maxLength: 2 }), entry, entry, fc.array(fc.array(entry, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }), (w1, z2, z3, xs) => {
        const net = network(F, {
          layers: [
            { weights: [w1], activation: identity(F) },
            { weights: [[z2]], activation: identity(F) },
            { weights: [[z3]] },
          ],
        });
        const J = outputJacobian(net, xs);
        const theta = flattenParameters(net);
        theta.forEach((_, k) => {
          const moved = unflattenParameters(net, theta.map((v, j) => (j === k ? v.add(Rational.ONE) : v)));
          xs.forEach((x, i) => {
            expect(J.get(i, k).equals(networkOutput(moved, x)[0]!.sub(networkOutput(net, x)[0]!))).toBe(true);
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it('a ReLU network with every hidden unit inactive has a zero Jacobian (A[θ] = 0 of App. C)', () => {
    const net = ratNetwork({ layers: [{ weights: [[1], [-2]], bias: [-5, -1], activation: relu(F) }, { weights: [[3, 4]] }] });
    expect(outputJacobian(net, [[q(1)], [q(2)], [q(1, 2)]]).isZero()).toBe(true);
    const alive = ratNetwork({ layers: [{ weights: [[1]], bias: [1], activation: relu(F) }, { weights: [[3]] }] });
    // f = 3(x + 1): ∂f/∂W1 = 3x, ∂f/∂b1 = 3, ∂f/∂W2 = x + 1.
    expect(outputJacobian(alive, [[q(2)]]).toStrings()).toEqual([['6', '3', '3']]);
  });

  it('row i·d_y + k is ∇f_k(x_i) alone when there are several outputs', () => {
    // f = (x·u, 2x·u) for one identity hidden unit u = w x: ∂f_1 = (v1·x, u), ∂f_2 = (v2·x, u) in (w, v1, v2) order.
    const net = ratNetwork({ layers: [{ weights: [[1]], activation: identity(F) }, { weights: [[1], [2]] }] });
    const J = outputJacobian(net, [[q(3)]]);
    // u = 3: row 0 = (1·3, 3, 0), row 1 = (2·3, 0, 3).
    expect(J.toStrings()).toEqual([
      ['3', '3', '0'],
      ['6', '0', '3'],
    ]);
  });

  it('takes a subset of the parameters as its columns, and a pattern for points on a breakpoint', () => {
    const alive = ratNetwork({ layers: [{ weights: [[1]], bias: [1], activation: relu(F) }, { weights: [[3]] }] });
    // f = 3(x + 1) at x = 2: columns (∂W1, ∂b1, ∂W2) = (6, 3, 3); parameters 0 and 2 keep the first and last.
    expect(outputJacobian(alive, [[q(2)]], { parameters: [0, 2] }).toStrings()).toEqual([['6', '3']]);
    // x = −1 puts the hidden unit on its kink (pre-activation 0); x = 1 is inside the active piece.
    const xs = [[q(-1)], [q(1)]];
    expect(() => outputJacobian(alive, xs)).toThrow(/breakpoint/);
    const onKink = activationPattern(alive, xs);
    // Right of the kink the unit is active: (3x, 3, x + 1) = (−3, 3, 0); left of it every entry is 0.
    expect(outputJacobian(alive, xs, { pattern: resolveBreakpoints(onKink, 'right') }).toStrings()).toEqual([
      ['-3', '3', '0'],
      ['3', '3', '2'],
    ]);
    expect(outputJacobian(alive, xs, { pattern: resolveBreakpoints(onKink, 'left') }).toStrings()).toEqual([
      ['0', '0', '0'],
      ['3', '3', '2'],
    ]);
  });
});
