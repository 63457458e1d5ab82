import { describe, expect, it } from 'vitest';
import { RationalField } from '../../src/numbers/index.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import {
  arrangementFaces,
  atLeast,
  atMost,
  bitSize,
  checkFeasibility,
  degenerateSamples,
  equalTo,
  formatConstraint,
  generalPositionCellCount,
  greaterThan,
  hasSigns,
  inputDimension,
  isFeasible,
  isHomogeneous,
  lessThan,
  linearSystem,
  onBoundary,
  patternFromUnits,
  pointFromFree,
  parametrizeEqualities,
  preactivationsIn,
  satisfiesConstraint,
  signString,
  signSystem,
  signsAt,
  simplestBetween,
  simplifyFeasiblePoint,
  solveStandardForm,
  unitSigns,
  unitsFromPattern,
  verifyInfeasibility,
  violatedConstraints,
  type LinearConstraint,
  type Sign,
} from '../../src/geometry/index.ts';
import { standardForm } from '../../src/geometry/standard-form.ts';

const R = (xs: readonly (number | string)[]): Rational[] => xs.map((x) => q(x));
const strings = (xs: readonly Rational[]): string[] => xs.map(String);

describe('linear systems: validation, membership and printing', () => {
  it('rejects bad dimensions, kinds and non-rational entries with messages naming the row', () => {
    expect(() => linearSystem(-1, [])).toThrow('linear system: dimension must be a non-negative integer, got -1');
    expect(() => linearSystem(1.5, [])).toThrow(RangeError);
    expect(linearSystem(0, []).dimension).toBe(0);
    const bad = { coefficients: R([1]), kind: '<' as never, bound: q(0) };
    expect(() => linearSystem(1, [atLeast([1]), bad])).toThrow('linear system: row 1 has unknown kind <');
    const floatBound = { coefficients: R([1]), kind: '>=', bound: 0 as unknown as Rational } as LinearConstraint;
    expect(() => linearSystem(1, [floatBound])).toThrow('linear system: row 0 must hold Rational coefficients and bound');
    const floatCoefficient = { coefficients: [q(1), 2 as unknown as Rational], kind: '=', bound: q(0) } as LinearConstraint;
    expect(() => linearSystem(2, [floatCoefficient])).toThrow(TypeError);
  });

  it('atMost and lessThan store the negated row', () => {
    // A leading negative term keeps its spaced sign.
    expect(formatConstraint(atMost([1, -2], 3))).toBe('- 1·x0 + 2·x1 >= -3');
    expect(formatConstraint(lessThan([0, 1]))).toBe('- 1·x1 > 0');
    expect(formatConstraint(equalTo([0, 0], 2))).toBe('0 = 2');
    expect(formatConstraint(greaterThan(['1/2', 0, -3], '-1/4'))).toBe('1/2·x0 - 3·x2 > -1/4');
  });

  it('membership of each kind, violated rows, and homogeneity', () => {
    const eq = equalTo([1, 1], 1);
    expect([satisfiesConstraint(eq, R([0, 1])), satisfiesConstraint(eq, R([1, 1])), satisfiesConstraint(eq, R([0, 0]))]).toEqual([true, false, false]);
    const s = linearSystem(2, [atLeast([1, 0]), greaterThan([0, 1]), eq]);
    expect(violatedConstraints(s, R([0, 1]))).toEqual([]);
    expect(violatedConstraints(s, R([-1, 0]))).toEqual([0, 1, 2]);
    expect(() => violatedConstraints(s, R([0]))).toThrow('point has 1 coordinates, system has dimension 2');
    expect(isHomogeneous(linearSystem(2, [atLeast([1, 0]), greaterThan([0, 1])]))).toBe(true);
    expect(isHomogeneous(s)).toBe(false);
  });

  it('an infeasibility certificate must cancel every coordinate', () => {
    // x > 0, −x > 0, y ≥ 0 with λ = (1, 1, 1) sums to 0·x + 1·y > 0: the y part does not cancel.
    const s = linearSystem(2, [greaterThan([1, 0]), greaterThan([-1, 0]), atLeast([0, 1])]);
    expect(verifyInfeasibility(s, { multipliers: R([1, 1, 1]) })).toBe(false);
    expect(verifyInfeasibility(s, { multipliers: R([1, 1, 0]) })).toBe(true);
  });
});

describe('simplex, standard form and simple points', () => {
  it('solveStandardForm checks shapes and returns vectors over the original columns only', () => {
    expect(() => solveStandardForm({ matrix: [R([1])], rhs: [], objective: R([1]) })).toThrow('simplex: 1 rows but rhs has length 0');
    expect(() => solveStandardForm({ matrix: [R([1, 2])], rhs: R([1]), objective: R([1]) })).toThrow('simplex: row 0 has 2 entries, expected 1');
    // max z0 s.t. z0 + z1 = 2, z ≥ 0: optimum 2 at (2, 0).
    const optimal = solveStandardForm({ matrix: [R([1, 1])], rhs: R([2]), objective: R([1, 0]) });
    expect(optimal.status === 'optimal' && [strings(optimal.primal), optimal.value.toString()]).toEqual([['2', '0'], '2']);
    // max z0 s.t. z0 − z1 = 1: unbounded along (1, 1).
    const unbounded = solveStandardForm({ matrix: [R([1, -1])], rhs: R([1]), objective: R([1, 0]) });
    expect(unbounded.status === 'unbounded' && [unbounded.primal.length, strings(unbounded.ray)]).toEqual([2, ['1', '1']]);
  });

  it('standardForm without options has a zero objective and no margin', () => {
    const layout = standardForm(linearSystem(1, [atLeast([2], 1), equalTo([1], 3)]));
    expect(layout.marginColumn).toBe(-1);
    // Columns u, v and one surplus for the single inequality.
    expect(layout.problem.matrix.map(strings)).toEqual([['2', '-2', '-1'], ['1', '-1', '0']]);
    expect(strings(layout.problem.objective)).toEqual(['0', '0', '0']);
  });

  it('simplestBetween rejects empty intervals; bitSize counts numerator and denominator bits', () => {
    expect(() => simplestBetween(q(2), q(1))).toThrow('simplestBetween: empty interval [2, 1]');
    expect(simplestBetween(q(0), q(3, 2)).toString()).toBe('0');
    expect(bitSize([q(0)])).toBe(0);
    expect(bitSize([q(-3, 4)])).toBe(4); // 2 bits of 3, 3 bits of 4, minus the shared 1
    expect(bitSize([q(5), q(1, 2)])).toBe(3 + 2);
  });

  it('simplifyFeasiblePoint: the first simple candidate within ±2^e, the equality rows kept, cones scaled to integers', () => {
    const nonNegative = linearSystem(1, [atLeast([1])]);
    // |5| < 8: δ = 16 first, and 0 is the simplest rational in [5 − 16, 5 + 16].
    expect(strings(simplifyFeasiblePoint(nonNegative, R([5])))).toEqual(['0']);
    const simplex2 = linearSystem(2, [atLeast([1, 0]), atLeast([0, 1]), equalTo([1, 1], 1)]);
    expect(strings(simplifyFeasiblePoint(simplex2, [q(1, 3), q(2, 3)]))).toEqual(['1', '0']);
    const openRay = linearSystem(1, [greaterThan([1])]);
    expect(strings(simplifyFeasiblePoint(openRay, [q(1, 2)]))).toEqual(['1']);
    expect(() => simplifyFeasiblePoint(nonNegative, R([-1]))).toThrow('simplifyFeasiblePoint: the point is not feasible');
  });

  it('pointFromFree needs one value per free variable', () => {
    const param = parametrizeEqualities(2, [equalTo([1, 1], 1)])!;
    expect(strings(pointFromFree(param, [q(3)]))).toEqual(['-2', '3']);
    expect(() => pointFromFree(param, [])).toThrow('expected 1 free values, got 0');
  });

  it('checkFeasibility with simplify: false returns the verified simplex point, the default a simpler one', () => {
    const s = linearSystem(2, [greaterThan([1, 0], '1/3'), atMost([1, 1], 5)]);
    const raw = checkFeasibility(s, { simplify: false });
    const simple = checkFeasibility(s);
    expect(raw.feasible && violatedConstraints(s, raw.point)).toEqual([]);
    expect(simple.feasible && violatedConstraints(s, simple.point)).toEqual([]);
    // The simplex point here has thirds; the default replaces it by a strictly simpler one.
    expect(raw.feasible && simple.feasible && bitSize(simple.point) < bitSize(raw.point)).toBe(true);
    expect([isFeasible(s), isFeasible(linearSystem(1, [greaterThan([1]), lessThan([1])]))]).toEqual([true, false]);
  });
});

describe('patterns, arrangements and regions: edges', () => {
  it('empty inputs and empty unit lists give empty tables', () => {
    expect(preactivationsIn(RationalField, [], [])).toEqual([]);
    expect(patternFromUnits([])).toEqual([]);
    expect(unitsFromPattern([])).toEqual([]);
    expect(inputDimension([])).toBe(0);
  });

  it('shape errors name the offending entry', () => {
    expect(() => unitSigns([[1, -1]], 2)).toThrow('pattern row 0 has no unit 2');
    expect(() => patternFromUnits([[1, 1], [1]])).toThrow('unit 1 has 1 signs, expected 2');
    expect(() => inputDimension([R([1, 2]), R([1])])).toThrow('inputs[1] has 1 entries, expected 2');
    expect(() => inputDimension([[q(1), 2 as unknown as Rational]])).toThrow('inputs[0][1] is not a Rational: 2');
    expect(() => signSystem([R([1])], [2 as Sign])).toThrow('signs[0] must be -1, 0 or 1, got 2');
    expect(() => signsAt([R([1, 2])], R([1]))).toThrow('weight has 1 entries, input dimension is 2');
  });

  it('a sample is degenerate only when all its entries are zero', () => {
    expect(degenerateSamples([R([0, 1]), R([0, 0]), R([1, 0])])).toEqual([1]);
  });

  it('a -1 sign asks for a negative pre-activation', () => {
    const system = signSystem([R([1, 2])], [-1]);
    expect(strings(system.constraints[0]!.coefficients)).toEqual(['-1', '-2']);
    expect(system.constraints[0]!.kind).toBe('>');
  });

  it('faces come cells first, then by sign vector with + before − before 0 (coordinate axes in the plane)', () => {
    const faces = arrangementFaces([R([1, 0]), R([0, 1])]);
    expect(faces.map((f) => signString(f.signs))).toEqual(['++', '+-', '-+', '--', '+0', '-0', '0+', '0-', '00']);
    expect(faces.map((f) => signString(signsAt([R([1, 0]), R([0, 1])], f.weight)))).toEqual(faces.map((f) => signString(f.signs)));
  });

  it('generalPositionCellCount validates its arguments and handles the zero cases', () => {
    expect(generalPositionCellCount(0, 2)).toBe(1);
    expect(generalPositionCellCount(3, 0)).toBe(0);
    expect(generalPositionCellCount(3, 1)).toBe(2);
    expect(generalPositionCellCount(4, 2)).toBe(8);
    expect(() => generalPositionCellCount(-1, 2)).toThrow('n must be a non-negative integer, got -1');
    expect(() => generalPositionCellCount(1.5, 2)).toThrow(RangeError);
    expect(() => generalPositionCellCount(2, -1)).toThrow('dim must be a non-negative integer, got -1');
    expect(() => generalPositionCellCount(2, 0.5)).toThrow(RangeError);
  });

  it('onBoundary validates the sample index; hasSigns rejects wrong shapes and wrong signs', () => {
    const X = [R([1]), R([2])];
    expect(onBoundary([[1, 1]], 0, 1)).toEqual([[1, 0]]);
    expect(() => onBoundary([[1, 1]], 0, 2)).toThrow('sample 2 out of range 0..1');
    expect(() => onBoundary([[1, 1]], 0, -1)).toThrow(RangeError);
    expect(() => onBoundary([[1, 1]], 0, 0.5)).toThrow(RangeError);
    const point = { weights: [R([1])] };
    expect(hasSigns(X, [[1, 1]], point)).toBe(true);
    expect(hasSigns(X, [[1, -1]], point)).toBe(false);
    expect(hasSigns(X, [[-1, -1]], point)).toBe(false);
    expect(hasSigns(X, [[1, 1, 1]], point)).toBe(false);
    expect(hasSigns(X, [[1, 1], [1, 1]], point)).toBe(false);
    expect(hasSigns(X, [[1, 1], [-1, -1]], { weights: [R([1]), R([-1])] })).toBe(true);
    expect(hasSigns(X, [[1, 1], [1, 1]], { weights: [R([1]), R([-1])] })).toBe(false);
  });
});
