import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { relu } from '../../src/network/activation.ts';
import { ratData } from '../../src/network/dataset.ts';
import { activationPattern } from '../../src/network/forward.ts';
import { squaredError } from '../../src/network/loss.ts';
import { ratNetwork } from '../../src/network/network.ts';
import { resolveBreakpoints, type DatasetPattern } from '../../src/network/pattern.ts';
import {
  bothSigns,
  combinations,
  coordinateDirections,
  emptySearch,
  floatRankedDirections,
  neighbouringPatterns,
  pieceDirections,
  searchRays,
  type RaySearchContext,
} from '../../src/landscape/direction-search.ts';
import { lossOnRay } from '../../src/landscape/ray.ts';
import { gaussian } from '../../src/landscape/rng.ts';
import { realChangeAlong, str } from './support.ts';

const F = RationalField;
const vec = (...xs: (number | string)[]): Rational[] => xs.map((x) => Rational.from(x));
const strs = (vs: readonly (readonly Rational[])[]): string[][] => vs.map(str);
const loss = squaredError('half-sum');

/** A stream that plays `values` in order, then starts again. */
function stream(values: readonly number[]): () => number {
  let k = 0;
  return () => values[k++ % values.length]!;
}

/** A uniform stream whose Box–Muller draws are exactly the small integers `draws` (u₁ = e^{−v²/2}, u₂ = 0 or ½ for the sign). */
function gaussianStream(draws: readonly number[]): () => number {
  return stream(draws.flatMap((v) => [Math.exp(-(v * v) / 2), v < 0 ? 0.5 : 0]));
}

const never = (): number => {
  throw new Error('random() must not be called here');
};

/**
 * f(x) = w·x + c at (w, c) = (1, 0) on the single sample (x, y) = (1, 0): L = (w + c)²/2.
 * Along (−1, 0) and (0, −1) it descends, along (1, 0) and (0, 1) it ascends, along ±(1, −1) w + c is constant.
 */
const line: RaySearchContext = { net: ratNetwork({ layers: [{ weights: [[1]], bias: [0] }] }), data: ratData([[1]], [0]), loss };
const down1 = vec(-1, 0);
const down2 = vec(0, -1);
const up1 = vec(1, 0);
const up2 = vec(0, 1);
const flat1 = vec(1, -1);
const flat2 = vec(-1, 1);
const zero = vec(0, 0);

type Wants = { descent: boolean; ascent: boolean; flat: boolean };
const want = (kinds: Partial<Wants>): Wants => ({ descent: false, ascent: false, flat: false, ...kinds });

describe('searchRays', () => {
  it('stops as soon as every wanted kind is found, and counts the exact rays it computed', () => {
    const run = (candidates: Rational[][], wants: Wants) => searchRays(line, emptySearch(), candidates, wants);
    expect(run([up1, down1, up2, down2], want({ descent: true })).tried).toBe(2);
    expect(run([down1, up1, down2], want({ ascent: true })).tried).toBe(2);
    expect(run([down1, up1, flat1, down2], want({ flat: true })).tried).toBe(3);
    expect(run([flat1, up1, flat2, up2, down1, down2], want({ descent: true, ascent: true, flat: true })).tried).toBe(5);
    // Nothing wanted: nothing to compute.
    expect(run([down1, up1], want({})).tried).toBe(0);
    // Only what is still missing keeps the search going.
    expect(run([down1, flat1, up1, down2], want({ ascent: true, flat: true })).tried).toBe(3);
  });

  it('returns a state that already has what is wanted without computing a ray', () => {
    const state = searchRays(line, emptySearch(), [down1], want({ descent: true }));
    expect(state.tried).toBe(1);
    const again = searchRays(line, state, [up1, down2], want({ descent: true }));
    expect(again).toBe(state);
    expect(again.tried).toBe(1);
    expect(str(again.descent!.direction)).toEqual(str(down1));
    expect(again.ascent).toBeNull();
  });

  it('keeps the first ray of each kind, records unwanted kinds on the way, and each ray really goes its way', () => {
    const a = searchRays(line, emptySearch(), [flat1, up1, flat2, up2, down1, down2], want({ descent: true, ascent: true }));
    expect(a.tried).toBe(5);
    expect(str(a.flat!.direction)).toEqual(str(flat1));
    expect(str(a.ascent!.direction)).toEqual(str(up1));
    expect(str(a.descent!.direction)).toEqual(str(down1));
    const b = searchRays(line, emptySearch(), [down1, down2, up1], want({ descent: true, ascent: true }));
    expect(str(b.descent!.direction)).toEqual(str(down1));
    expect(b.flat).toBeNull();
    // An independent check of each certificate: the real loss at a small step.
    for (const [ray, sign] of [[a.descent!, -1], [a.ascent!, 1], [a.flat!, 0], [b.descent!, -1], [b.ascent!, 1]] as const) {
      expect(ray.sign).toBe(sign);
      expect(realChangeAlong(line.net, line.data, loss, ray).sign()).toBe(sign);
    }
  });

  it('skips the zero direction but not directions with some zero entries', () => {
    const state = searchRays(line, emptySearch(), [zero, up2, down2], want({ descent: true }));
    expect(state.tried).toBe(2);
    expect(state.flat).toBeNull();
    expect(str(state.ascent!.direction)).toEqual(str(up2));
    expect(str(state.descent!.direction)).toEqual(str(down2));
  });

  it('expands the penalised loss when there is a penalty', () => {
    // + (w² + c²): along (1, −1) the fit term is constant but the penalty grows by 2t + 2t².
    const penalised = { ...line, penalty: { lambda: Rational.ONE } };
    const state = searchRays(penalised, emptySearch(), [flat1], want({ ascent: true }));
    expect(state.flat).toBeNull();
    expect(str(state.ascent!.direction)).toEqual(str(flat1));
    expect(realChangeAlong(line.net, line.data, loss, state.ascent!, penalised.penalty).sign()).toBe(1);
  });
});

describe('fixed candidate lists', () => {
  it('coordinateDirections gives +e_k then −e_k for every k', () => {
    expect(strs([...coordinateDirections(2)])).toEqual([['1', '0'], ['-1', '0'], ['0', '1'], ['0', '-1']]);
    expect([...coordinateDirections(0)]).toEqual([]);
  });

  it('bothSigns gives v then −v for each v', () => {
    expect(strs([...bothSigns([vec(1, '-1/2'), vec(0, 3)])])).toEqual([['1', '-1/2'], ['-1', '1/2'], ['0', '3'], ['0', '-3']]);
  });

  it('combinations gives ±b, ±(b_i + b_j), ±(b_i − b_j) for i < j, then `count` integer combinations with coefficients in −3..3', () => {
    const e = [vec(1, 0, 0), vec(0, 1, 0), vec(0, 0, 1)];
    // floor(7r) − 3 = c for r = (c + 3.5)/7: coefficients (1, −2, 0), then (3, −3, 2).
    const r = (c: number): number => (c + 3.5) / 7;
    const out = strs([...combinations(e, 2, stream([r(1), r(-2), r(0), r(3), r(-3), r(2)]))]);
    const expected = [
      [1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1],
      [1, 1, 0], [-1, -1, 0], [1, -1, 0], [-1, 1, 0],
      [1, 0, 1], [-1, 0, -1], [1, 0, -1], [-1, 0, 1],
      [0, 1, 1], [0, -1, -1], [0, 1, -1], [0, -1, 1],
      [1, -2, 0], [3, -3, 2],
    ].map((v) => v.map(String));
    expect(out).toEqual(expected);
  });

  it('combinations of one vector or of none', () => {
    expect(strs([...combinations([vec(2, 1)], 1, stream([6 / 7 + 0.01]))])).toEqual([['2', '1'], ['-2', '-1'], ['6', '3']]);
    expect([...combinations([], 3, never)]).toEqual([]);
  });
});

describe('neighbouringPatterns', () => {
  // Two points, a hidden layer of two units and one output unit; (0, 0, 0) and (1, 0, 1) sit on the kink (position 1).
  const pattern: DatasetPattern = [[[1, 2], [0]], [[0, 1], [2]]];
  const on = [{ point: 0, layer: 0, unit: 0 }, { point: 1, layer: 0, unit: 1 }];
  /** The pattern with the first kink resolved to piece a and the second to piece b (0 left, 2 right). */
  const resolved = (a: number, b: number): DatasetPattern => [[[a, 2], [0]], [[0, b], [2]]];
  const keys = (ps: readonly DatasetPattern[]): string[] => ps.map((p) => JSON.stringify(p));

  it('lists every left/right resolution when there are at most `limit`, leaving the input unchanged', () => {
    const all = [resolved(0, 0), resolved(2, 0), resolved(0, 2), resolved(2, 2)];
    expect(keys(neighbouringPatterns(pattern, on, 4, never)).sort()).toEqual(keys(all).sort());
    expect(keys(neighbouringPatterns(pattern, on, 9, never)).sort()).toEqual(keys(all).sort());
    expect(JSON.stringify(pattern)).toBe('[[[1,2],[0]],[[0,1],[2]]]');
    expect(keys(neighbouringPatterns(pattern, [], 1, never))).toEqual(keys([pattern]));
  });

  it('draws `limit` resolutions when there are more: random() < ½ goes left', () => {
    const random = stream([0.5, 0.2, 0.9, 0.5, 0.49, 0.51]);
    expect(keys(neighbouringPatterns(pattern, on, 3, random))).toEqual(keys([resolved(2, 0), resolved(2, 2), resolved(0, 2)]));
  });

  it('rejects a location that is not on a breakpoint', () => {
    expect(() => neighbouringPatterns(pattern, [{ point: 0, layer: 0, unit: 1 }], 2, never)).toThrow(/expected a breakpoint position/);
  });
});

describe('pieceDirections', () => {
  // f(x) = v·relu(w x + b) at (w, b, v) = (0, 0, 1) on (x, y) = (1, 1): the unit sits on its kink.
  const kink: RaySearchContext = { net: ratNetwork({ layers: [{ weights: [[0]], bias: [0], activation: relu(F) }, { weights: [[1]] }] }), data: ratData([[1]], [1]), loss };
  const current = activationPattern(kink.net, kink.data);
  const quad = (H: readonly (readonly number[])[], d: readonly Rational[]): Rational =>
    H.reduce((s, row, i) => s.add(row.reduce((t, h, j) => t.add(d[i]!.mul(d[j]!).mul(Rational.fromInt(h))), Rational.ZERO)), Rational.ZERO);

  it('gives ∓ the gradient and ± a negative and a positive curvature direction of each piece', () => {
    // Left piece: f ≡ 0, so gradient and Hessian vanish and nothing is proposed.
    expect([...pieceDirections(kink, [resolveBreakpoints(current, 'left')])]).toEqual([]);
    // Right piece: f = v(w + b), residual r = −1, ∇f = (v, v, w + b) = (1, 1, 0): gradient r∇f = (−1, −1, 0);
    // Hessian ∇f∇fᵀ + r∇²f = [[1, 1, −1], [1, 1, −1], [−1, −1, 0]] (∂²f/∂w∂v = ∂²f/∂b∂v = 1), indefinite.
    const H = [[1, 1, -1], [1, 1, -1], [-1, -1, 0]];
    const out = [...pieceDirections(kink, [resolveBreakpoints(current, 'left'), resolveBreakpoints(current, 'right')])];
    expect(out).toHaveLength(6);
    expect(strs(out.slice(0, 2))).toEqual([['1', '1', '0'], ['-1', '-1', '0']]);
    expect(str(out[3]!)).toEqual(str(out[2]!.map((v) => v.neg())));
    expect(str(out[5]!)).toEqual(str(out[4]!.map((v) => v.neg())));
    expect(quad(H, out[2]!).sign()).toBe(-1);
    expect(quad(H, out[4]!).sign()).toBe(1);
  });

  it('finds an exact descent ray at the kink among the neighbouring pieces\' directions, and no false ascent', () => {
    // At the kink L = ½; moving into the active side with w + b > 0 fits y = 1 better, e.g. along (1, 1, 0).
    // Near θ, f = v·relu(w x + b) ∈ [0, 1) so L = (f − 1)²/2 ≤ ½: no ray ascends, so none may be certified.
    const pieces = neighbouringPatterns(current, [{ point: 0, layer: 0, unit: 0 }], 8, never);
    const candidates = [...pieceDirections(kink, pieces)];
    const state = searchRays(kink, emptySearch(), candidates, want({ descent: true, ascent: true }));
    expect(state.tried).toBe(candidates.length);
    expect(state.ascent).toBeNull();
    expect(realChangeAlong(kink.net, kink.data, loss, state.descent!).sign()).toBe(-1);
    expect(realChangeAlong(kink.net, kink.data, loss, state.flat!).isZero()).toBe(true);
  });

  it('gives only curvature directions at a critical point of a piece', () => {
    // f(x) = v·w·x (linear hidden unit) at (w, v) = (0, 0) on (1, 1): gradient 0, Hessian [[0, −1], [−1, 0]].
    const saddle: RaySearchContext = { net: ratNetwork({ layers: [{ weights: [[0]] }, { weights: [[0]] }] }), data: ratData([[1]], [1]), loss };
    const out = [...pieceDirections(saddle, [activationPattern(saddle.net, saddle.data)])];
    expect(out).toHaveLength(4);
    const H = [[0, -1], [-1, 0]];
    expect(quad(H, out[0]!).sign()).toBe(-1);
    expect(str(out[1]!)).toEqual(str(out[0]!.map((v) => v.neg())));
    expect(quad(H, out[2]!).sign()).toBe(1);
    expect(str(out[3]!)).toEqual(str(out[2]!.map((v) => v.neg())));
  });
});

describe('floatRankedDirections', () => {
  /**
   * f(x) = w·x + c at (w, c) = (1, 0) on (x, y) = (0, 1/1000): w is idle and
   * L(θ + tu) − L(θ) = −10⁻³u_c·t + u_c²t²/2, so a step ε changes L by ε(s + εq) with s = −10⁻³u_c, q = u_c²/2.
   */
  const dip: RaySearchContext = { net: ratNetwork({ layers: [{ weights: [[1]], bias: [0] }] }), data: ratData([[0]], ['1/1000']), loss };
  // Directions drawn in this order: A, B, the zero vector (skipped), D, E, G, H, K.
  const A = [1, 1];
  const B = [0, -1];
  const D = [1, 0];
  const E = [-1, 2];
  const G = [0, -2];
  const H = [0, 3];
  const K = [-1, 0];
  const draws = (): (() => number) => gaussianStream([...A, ...B, 0, 0, ...D, ...E, ...G, ...H, ...K]);
  const rank = (ctx: RaySearchContext, keep: number) => {
    const r = floatRankedDirections(ctx, 8, keep, draws());
    return { descent: strs(r.descent), ascent: strs(r.ascent) };
  };
  const s = (v: number[]): string[] => v.map(String);

  it('draws the directions the stream dictates', () => {
    const random = gaussianStream([1, -2, 0]);
    expect([gaussian(random), gaussian(random), gaussian(random)].map((x) => Math.round(x * 1e9) / 1e9 + 0)).toEqual([1, -2, 0]);
  });

  it('ranks descent candidates most negative first and ascent candidates largest first, each at most `keep`', () => {
    // A: s = −10⁻³, q = ½: the step 10⁻² rises (+0.004) but 10⁻⁴ dips (−0.00095): a descent candidate.
    // E: s = −0.002, q = 2: dips by −0.0018 at 10⁻⁴. B: s = 0.001, q = ½ (0.006 at 10⁻²). G: s = 0.002, q = 2 (0.022).
    // H: s = −0.003, q = 9/2: −0.00255 at 10⁻⁴. D and K only move the idle weight: change 0, neither.
    expect(rank(dip, 8)).toEqual({ descent: [s(H), s(E), s(A)], ascent: [s(G), s(B)] });
    expect(rank(dip, 1)).toEqual({ descent: [s(H)], ascent: [s(G)] });
    // Each proposed descent is confirmed exactly by its ray.
    for (const d of floatRankedDirections(dip, 8, 8, draws()).descent) expect(lossOnRay(dip.net, dip.data, loss, d).sign).toBe(-1);
  });

  it('keeps a direction whose loss moves only beyond the smaller step, ranked by the larger one', () => {
    // f(x) = v·relu(w x + b) at (w, b, v) = (0, −1/1000, 1) on (1, 0): along (1, 0, 0) the unit wakes at t = 10⁻³,
    // so the step 10⁻⁴ changes nothing (rate exactly 0) and 10⁻² raises L to (0.009)²/2: an ascent candidate.
    const sleeping: RaySearchContext = { net: ratNetwork({ layers: [{ weights: [[0]], bias: ['-1/1000'], activation: relu(F) }, { weights: [[1]] }] }), data: ratData([[1]], [0]), loss };
    expect(strs(floatRankedDirections(sleeping, 1, 8, gaussianStream([1, 0, 0])).ascent)).toEqual([['1', '0', '0']]);
    expect(floatRankedDirections(sleeping, 1, 8, gaussianStream([1, 0, 0])).descent).toEqual([]);
  });

  it('ranks an ascent by its larger rate and includes the penalty', () => {
    // + (1/400)w²: adds s += u_w/200 and q += u_w²/400. A: s = 0.004, rates 0.009025 (10⁻²) and 0.00405 (10⁻⁴);
    // B: 0.006 and 0.00105; D: 0.005025 and 0.00500025; G: 0.022 and 0.0022; E: s = −0.007, −0.0068 at 10⁻⁴;
    // H: −0.00255 at 10⁻⁴; K: s = −0.005, q = 1/400, falls at both steps (−0.004975, −0.00499975).
    const penalised = { ...dip, penalty: { lambda: Rational.of(1n, 400n), parameters: [0] } };
    expect(rank(penalised, 8)).toEqual({ descent: [s(E), s(K), s(H)], ascent: [s(G), s(A), s(B), s(D)] });
  });
});
