import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/generators/dataset.ts';
import { signSystem } from '../../src/geometry/arrangement.ts';
import { isFeasible } from '../../src/geometry/feasibility.ts';
import type { Sign } from '../../src/geometry/pattern.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { ratData, type Dataset } from '../../src/network/dataset.ts';
import {
  cellActivations,
  kSubsets,
  globalMinimumShare,
  levelsWherePoorShareGrows,
  minimaValuesSubset,
  missingMinimaValues,
  stirling2,
  subglobalMinimaEnumeration,
  surjections,
  totalRegions,
  type UnitCountMinima,
} from '../../src/landscape/subglobal-minima-enumeration.ts';

const FIG3 = ratData(
  [
    [-1, 1],
    [2, 1],
    [1, 3],
  ],
  [1, 2, 3],
);

// ---------- the naive reference: every sign vector, every ordered tuple, its own solve ----------

/** Cells by brute force: every sign vector in {±1}^N (0 for a degenerate sample), kept when its strict system is feasible. */
function bruteForceCells(inputs: readonly (readonly Rational[])[], bias: boolean): Sign[][] {
  const degenerate = inputs.map((x) => !bias && x.every((v) => v.isZero()));
  const cells: Sign[][] = [];
  for (let mask = 0; mask < 2 ** inputs.length; mask++) {
    if (degenerate.some((d, i) => d && (mask >> i) & 1)) continue; // one sign (0) per degenerate sample
    const signs = inputs.map((_, i): Sign => (degenerate[i] ? 0 : (mask >> i) & 1 ? -1 : 1));
    if (isFeasible(signSystem(inputs, signs, { bias }))) cells.push(signs);
  }
  return cells;
}

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/** ½‖y − proj y‖² by Gram–Schmidt on the columns of the design matrix (no pseudo-inverse). */
function leastSquaresValue(columns: readonly Rational[][], y: readonly Rational[]): Rational {
  const basis: Rational[][] = [];
  const project = (v: readonly Rational[]): Rational[] =>
    basis.reduce((r, u) => {
      const c = dot(r, u).div(dot(u, u));
      return r.map((x, i) => x.sub(c.mul(u[i]!)));
    }, [...v]);
  for (const column of columns) {
    const rest = project(column);
    if (rest.some((x) => !x.isZero())) basis.push(rest);
  }
  const residual = project(y);
  return dot(residual, residual).div(Rational.of(2));
}

/** The design columns of an ordered tuple of cells: a_ij·x̃_i for every coordinate of every unit (and 1 for c). */
function tupleColumns(data: Dataset, tuple: readonly Sign[][], bias: boolean, outputBias: boolean): Rational[][] {
  const lifted = data.inputs.map((x) => (bias ? [...x, Rational.ONE] : [...x]));
  const columns: Rational[][] = [];
  for (const signs of tuple) {
    for (let k = 0; k < lifted[0]!.length; k++) columns.push(lifted.map((x, i) => (signs[i]! > 0 ? x[k]! : Rational.ZERO)));
  }
  if (outputBias) columns.push(lifted.map(() => Rational.ONE));
  return columns;
}

/** Every ordered h-tuple solved on its own, grouped by value: "value:count" strings in ascending order. */
function naive(data: Dataset, units: number, bias: boolean, outputBias: boolean): string[] {
  const cells = bruteForceCells(data.inputs, bias);
  const y = data.targets.map((t) => t[0]!);
  const counts = new Map<string, { value: Rational; count: bigint }>();
  const visit = (tuple: Sign[][]): void => {
    if (tuple.length === units) {
      const value = leastSquaresValue(tupleColumns(data, tuple, bias, outputBias), y);
      const entry = counts.get(value.toString()) ?? { value, count: 0n };
      counts.set(value.toString(), { value, count: entry.count + 1n });
      return;
    }
    for (const cell of cells) visit([...tuple, cell]);
  };
  visit([]);
  return [...counts.values()].sort((a, b) => a.value.compare(b.value)).map((e) => `${e.value}:${e.count}`);
}

const show = (m: UnitCountMinima): string[] => m.minima.map((x) => `${x.loss}:${x.regions}`);

// ---------------------------------------------------------------------------------------------

describe('counting ordered tuples by their set of distinct cells', () => {
  it('k!·S(h, k) counts the maps onto a k-set, checked by listing all maps', () => {
    for (let h = 0; h <= 5; h++) {
      for (let k = 0; k <= 4; k++) {
        let onto = 0n;
        for (let code = 0; code < k ** h; code++) {
          const image = new Set(Array.from({ length: h }, (_, i) => Math.floor(code / k ** i) % k));
          if (image.size === k) onto++;
        }
        if (h === 0 && k === 0) onto = 1n; // the empty map is onto the empty set
        expect(surjections(h, k), `h=${h} k=${k}`).toBe(onto);
      }
    }
  });

  it('Σ_k C(n, k)·k!·S(h, k) = n^h', () => {
    for (let n = 1; n <= 8; n++) {
      for (let h = 1; h <= 12; h++) {
        let sum = 0n;
        for (let k = 1; k <= Math.min(n, h); k++) sum += BigInt([...kSubsets(n, k)].length) * surjections(h, k);
        expect(sum).toBe(BigInt(n) ** BigInt(h));
      }
    }
  });

  it('known values: S(10, 3) = 9330, S(12, 6) = 1323652', () => {
    expect(stirling2(10, 3)).toBe(9330n);
    expect(stirling2(12, 6)).toBe(1323652n);
    expect(stirling2(5, 0)).toBe(0n);
  });
});

describe('subglobal minima over all activation regions', () => {
  it('Fig. 3 data: equals the naive enumeration (2^N sign vectors, one Gram–Schmidt solve per ordered tuple) for h ≤ 3', () => {
    for (const bias of [false, true]) {
      for (const outputBias of [false, true]) {
        const fast = subglobalMinimaEnumeration(FIG3, { bias, outputBias, normalisation: 'half-sum', maxUnits: 3 });
        for (const m of fast.byUnits) {
          expect(show(m), `bias=${bias} c=${outputBias} h=${m.units}`).toEqual(naive(FIG3, m.units, bias, outputBias));
        }
      }
    }
  });

  it('Fig. 3 data, bias-free, no c: the hand-checkable ends of the h = 1 list', () => {
    const { byUnits, cells } = subglobalMinimaEnumeration(FIG3, { bias: false, outputBias: false, normalisation: 'half-sum', maxUnits: 2 });
    expect(cells.length).toBe(6);
    const h1 = byUnits[0]!;
    // The all-inactive cell fits nothing: ½(1 + 4 + 9) = 7.
    expect(h1.minima.at(-1)!.loss.toString()).toBe('7');
    // Six cells, six different values at h = 1, one region each.
    expect(h1.minima.map((m) => m.regions)).toEqual([1n, 1n, 1n, 1n, 1n, 1n]);
    // Two units interpolate three points in R² (e.g. cells +−+ and −++ … give rank 3).
    expect(byUnits[1]!.minima[0]!.loss.isZero()).toBe(true);
  });

  it('random small datasets: equals the naive enumeration; counts sum to cells^h; values of h ⊂ values of h+1', () => {
    fc.assert(
      fc.property(
        dataset({ minPoints: 1, maxPoints: 3, minDim: 1, maxDim: 2 }),
        fc.boolean(),
        fc.boolean(),
        (data, bias, outputBias) => {
          const fast = subglobalMinimaEnumeration(data, { bias, outputBias, normalisation: 'half-sum', maxUnits: 3 });
          expect(fast.cells.length).toBe(bruteForceCells(data.inputs, bias).length);
          fast.byUnits.forEach((m, k) => {
            expect(totalRegions(m)).toBe(BigInt(fast.cells.length) ** BigInt(m.units));
            if (m.units <= 2) expect(show(m)).toEqual(naive(data, m.units, bias, outputBias));
            const next = fast.byUnits[k + 1];
            if (next !== undefined) expect(minimaValuesSubset(m, next)).toBe(true);
          });
        },
      ),
      { numRuns: 25, seed: 3 },
    );
  });

  it('the share at the global minimum is the smallest value’s regions over cells^h', () => {
    const { byUnits } = subglobalMinimaEnumeration(FIG3, { bias: false, outputBias: false, normalisation: 'half-sum', maxUnits: 2 });
    // h = 1: one of the six cells attains the smallest value.
    expect(globalMinimumShare(byUnits[0]!).equals(Rational.of(1, 6))).toBe(true);
    const h2 = byUnits[1]!;
    expect(globalMinimumShare(h2).equals(Rational.of(h2.minima[0]!.regions, 36n))).toBe(true);
  });
});

describe('subset enumeration, validation and comparisons of value lists', () => {
  it('kSubsets lists the C(n, k) increasing k-subsets of {0, …, n−1} in lexicographic order (none for k < 0 or k > n)', () => {
    const binomial = (n: number, k: number): number => (k < 0 || k > n ? 0 : k === 0 ? 1 : (binomial(n - 1, k - 1) * n) / k);
    for (let n = 0; n <= 5; n++) {
      for (let k = -1; k <= n + 1; k++) {
        const subsets = [...kSubsets(n, k)];
        expect(subsets.length, `n=${n} k=${k}`).toBe(binomial(n, k));
        subsets.forEach((t) => {
          expect(t.length).toBe(k);
          t.forEach((v, i) => expect(v >= 0 && v < n && (i === 0 || t[i - 1]! < v)).toBe(true));
        });
        const keys = subsets.map((t) => t.map((v) => String.fromCharCode(97 + v)).join(''));
        expect(keys).toEqual([...keys].sort());
      }
    }
    // The empty set is the one 0-subset.
    expect([...kSubsets(3, 0)]).toEqual([[]]);
  });

  it('stirling2 rejects negative arguments', () => {
    expect(() => stirling2(-1, 2)).toThrow(/stirling2\(-1, 2\) needs non-negative arguments/);
    expect(() => stirling2(2, -1)).toThrow(/stirling2\(2, -1\) needs non-negative arguments/);
  });

  it('a sample on every hyperplane (x = 0, no bias) is inactive in every cell', () => {
    const { cells } = subglobalMinimaEnumeration(ratData([[0], [1]], [1, 1]), { bias: false, outputBias: false, normalisation: 'half-sum', maxUnits: 1 });
    // Cells of w ∈ R: w > 0 and w < 0; the sign at x = 0 is 0, so a = 0.
    expect(cells.length).toBe(2);
    cells.forEach((cell) => {
      expect(cell.signs[0]).toBe(0);
      expect(cellActivations(cell).map((a) => a.toString())).toEqual(['0', cell.signs[1]! > 0 ? '1' : '0']);
    });
  });

  it('solves only the sets of at most maxUnits cells', () => {
    const { cells, sets, byUnits } = subglobalMinimaEnumeration(FIG3, { bias: false, outputBias: false, normalisation: 'half-sum', maxUnits: 1 });
    expect(sets.length).toBe(cells.length);
    sets.forEach((set) => expect(set.cells.length).toBe(1));
    expect(byUnits.length).toBe(1);
  });

  it('rejects maxUnits below 1 or not an integer, and an empty dataset', () => {
    const options = { bias: false, outputBias: false, normalisation: 'half-sum' as const };
    expect(() => subglobalMinimaEnumeration(FIG3, { ...options, maxUnits: 0 })).toThrow(/maxUnits must be a positive integer, got 0/);
    expect(() => subglobalMinimaEnumeration(FIG3, { ...options, maxUnits: 1.5 })).toThrow(/maxUnits must be a positive integer, got 1.5/);
    expect(subglobalMinimaEnumeration(FIG3, { ...options, maxUnits: 1 }).byUnits.length).toBe(1);
    expect(() => subglobalMinimaEnumeration({ inputs: [], targets: [] }, { ...options, maxUnits: 1 })).toThrow(/empty dataset are undefined/);
  });

  // Hand-made value lists: loss:regions over cells^units regions.
  const list = (units: number, regions: bigint, entries: readonly [number, bigint][]): UnitCountMinima => ({
    units,
    regions,
    minima: entries.map(([loss, count]) => ({ loss: Rational.of(loss), regions: count })),
  });

  it('value-list comparisons: subset, missing values, levels where the poor share grows', () => {
    const smaller = list(1, 4n, [[0, 1n], [2, 2n], [5, 1n]]);
    const larger = list(2, 16n, [[0, 10n], [2, 6n]]);
    // 5 is missing from `larger`, 0 and 2 are present.
    expect(minimaValuesSubset(smaller, larger)).toBe(false);
    expect(minimaValuesSubset(list(1, 4n, [[0, 1n], [2, 3n]]), larger)).toBe(true);
    expect(missingMinimaValues(smaller, larger).map((v) => v.toString())).toEqual(['5']);
    // Share above t: smaller 3/4, 1/4, 0 at t = 0, 2, 5; larger 6/16, 0, 0: never larger.
    expect(levelsWherePoorShareGrows(smaller, larger)).toEqual([]);
    // Reversed roles: larger share above 0 (3/4 > 3/8) and above 2 (1/4 > 0), not above 5.
    expect(levelsWherePoorShareGrows(larger, smaller).map((v) => v.toString())).toEqual(['0', '2']);
    // A level that only the second list has is still a candidate (t = 1: 1/2 above vs 3/8).
    const other = list(1, 2n, [[1, 1n], [3, 1n]]);
    expect(levelsWherePoorShareGrows(larger, other).map((v) => v.toString())).toEqual(['0', '1', '2']);
  });

  it('the global-minimum share of an empty list is undefined', () => {
    expect(() => globalMinimumShare(list(1, 1n, []))).toThrow(/no subglobal minima/);
  });
});

