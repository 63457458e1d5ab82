import type { Field } from '../numbers/field.ts';
import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { commonDenominator } from './denominators.ts';

/** A dense, immutable rows×cols matrix over a Field, stored row-major. Vectors are plain arrays. */
export class Matrix<T> {
  readonly field: Field<T>;
  readonly rows: number;
  readonly cols: number;
  private readonly data: readonly T[];

  private constructor(field: Field<T>, rows: number, cols: number, data: readonly T[]) {
    this.field = field;
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /** From an array of rows; every row must have the same length. */
  static from<T>(field: Field<T>, rows: readonly (readonly T[])[], cols?: number): Matrix<T> {
    const c = cols ?? rows[0]?.length ?? 0;
    const data: T[] = [];
    rows.forEach((r, i) => {
      if (r.length !== c) throw new RangeError(`matrix row ${i} has ${r.length} entries, expected ${c}`);
      data.push(...r);
    });
    return new Matrix(field, rows.length, c, data);
  }

  /** Built entry by entry from f(i, j). */
  static build<T>(field: Field<T>, rows: number, cols: number, f: (i: number, j: number) => T): Matrix<T> {
    checkSize(rows, cols);
    const data: T[] = new Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = f(i, j);
    return new Matrix(field, rows, cols, data);
  }

  static zeros<T>(field: Field<T>, rows: number, cols: number): Matrix<T> {
    return Matrix.build(field, rows, cols, () => field.zero);
  }

  static identity<T>(field: Field<T>, n: number): Matrix<T> {
    return Matrix.build(field, n, n, (i, j) => (i === j ? field.one : field.zero));
  }

  static diag<T>(field: Field<T>, entries: readonly T[]): Matrix<T> {
    const n = entries.length;
    return Matrix.build(field, n, n, (i, j) => (i === j ? entries[i]! : field.zero));
  }

  static column<T>(field: Field<T>, v: readonly T[]): Matrix<T> {
    return new Matrix(field, v.length, 1, [...v]);
  }

  static rowVector<T>(field: Field<T>, v: readonly T[]): Matrix<T> {
    return new Matrix(field, 1, v.length, [...v]);
  }

  static fromColumns<T>(field: Field<T>, columns: readonly (readonly T[])[], rows?: number): Matrix<T> {
    const r = rows ?? columns[0]?.length ?? 0;
    columns.forEach((c, j) => {
      if (c.length !== r) throw new RangeError(`column ${j} has ${c.length} entries, expected ${r}`);
    });
    return Matrix.build(field, r, columns.length, (i, j) => columns[j]![i]!);
  }

  /** Block matrix from a grid of blocks; block rows must agree in height, block columns in width. */
  static block<T>(field: Field<T>, grid: readonly (readonly Matrix<T>[])[]): Matrix<T> {
    const heights = grid.map((row, bi) => {
      const h = row[0]?.rows ?? 0;
      row.forEach((b, bj) => {
        if (b.rows !== h) throw new RangeError(`block (${bi},${bj}) has ${b.rows} rows, expected ${h}`);
      });
      return h;
    });
    const widths = (grid[0] ?? []).map((b) => b.cols);
    grid.forEach((row, bi) => {
      if (row.length !== widths.length) throw new RangeError(`block row ${bi} has ${row.length} blocks`);
      row.forEach((b, bj) => {
        if (b.cols !== widths[bj]) throw new RangeError(`block (${bi},${bj}) has ${b.cols} columns, expected ${widths[bj]}`);
      });
    });
    const rows: T[][] = [];
    grid.forEach((row, bi) => {
      for (let i = 0; i < heights[bi]!; i++) rows.push(row.flatMap((b) => b.row(i)));
    });
    return Matrix.from(field, rows, widths.reduce((a, b) => a + b, 0));
  }

  get(i: number, j: number): T {
    if (i < 0 || i >= this.rows || j < 0 || j >= this.cols) {
      throw new RangeError(`index (${i},${j}) outside a ${this.rows}×${this.cols} matrix`);
    }
    return this.data[i * this.cols + j]!;
  }

  row(i: number): T[] {
    return this.data.slice(i * this.cols, (i + 1) * this.cols);
  }

  col(j: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.rows; i++) out.push(this.data[i * this.cols + j]!);
    return out;
  }

  toArrays(): T[][] {
    return Array.from({ length: this.rows }, (_, i) => this.row(i));
  }

  /** Column-major flattening (the vec operator). */
  vec(): T[] {
    const out: T[] = [];
    for (let j = 0; j < this.cols; j++) out.push(...this.col(j));
    return out;
  }

  isSquare(): boolean {
    return this.rows === this.cols;
  }

  map<U>(field: Field<U>, f: (x: T, i: number, j: number) => U): Matrix<U> {
    return Matrix.build(field, this.rows, this.cols, (i, j) => f(this.get(i, j), i, j));
  }

  transpose(): Matrix<T> {
    return Matrix.build(this.field, this.cols, this.rows, (i, j) => this.get(j, i));
  }

  add(o: Matrix<T>): Matrix<T> {
    this.sameShape(o, 'add');
    const F = this.field;
    return Matrix.build(F, this.rows, this.cols, (i, j) => F.add(this.get(i, j), o.get(i, j)));
  }

  sub(o: Matrix<T>): Matrix<T> {
    this.sameShape(o, 'sub');
    const F = this.field;
    return Matrix.build(F, this.rows, this.cols, (i, j) => F.sub(this.get(i, j), o.get(i, j)));
  }

  scale(s: T): Matrix<T> {
    const F = this.field;
    return this.map(F, (x) => F.mul(s, x));
  }

  neg(): Matrix<T> {
    const F = this.field;
    return this.map(F, (x) => F.neg(x));
  }

  mul(o: Matrix<T>): Matrix<T> {
    if (this.cols !== o.rows) {
      throw new RangeError(`cannot multiply ${this.rows}×${this.cols} by ${o.rows}×${o.cols}`);
    }
    const F = this.field;
    if ((F as Field<unknown>) === RationalField) return rationalProduct(this as unknown as Matrix<Rational>, o as unknown as Matrix<Rational>) as unknown as Matrix<T>;
    const out: T[] = new Array(this.rows * o.cols);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < o.cols; j++) {
        let s = F.zero;
        for (let k = 0; k < this.cols; k++) {
          const a = this.data[i * this.cols + k]!;
          if (!F.isZero(a)) s = F.add(s, F.mul(a, o.data[k * o.cols + j]!));
        }
        out[i * o.cols + j] = s;
      }
    }
    return new Matrix(F, this.rows, o.cols, out);
  }

  mulVec(v: readonly T[]): T[] {
    if (v.length !== this.cols) throw new RangeError(`cannot multiply ${this.rows}×${this.cols} by a vector of ${v.length}`);
    const F = this.field;
    const out: T[] = [];
    for (let i = 0; i < this.rows; i++) {
      let s = F.zero;
      for (let k = 0; k < this.cols; k++) s = F.add(s, F.mul(this.data[i * this.cols + k]!, v[k]!));
      out.push(s);
    }
    return out;
  }

  /** Rows r0..r1-1 and columns c0..c1-1. */
  slice(r0: number, r1: number, c0: number, c1: number): Matrix<T> {
    if (r0 < 0 || r1 > this.rows || r0 > r1 || c0 < 0 || c1 > this.cols || c0 > c1) {
      throw new RangeError(`slice [${r0},${r1})×[${c0},${c1}) outside a ${this.rows}×${this.cols} matrix`);
    }
    return Matrix.build(this.field, r1 - r0, c1 - c0, (i, j) => this.get(r0 + i, c0 + j));
  }

  /** The submatrix of the given rows and columns, in the given order. */
  select(rowIdx: readonly number[], colIdx: readonly number[]): Matrix<T> {
    return Matrix.build(this.field, rowIdx.length, colIdx.length, (i, j) => this.get(rowIdx[i]!, colIdx[j]!));
  }

  hstack(o: Matrix<T>): Matrix<T> {
    return Matrix.block(this.field, [[this, o]]);
  }

  vstack(o: Matrix<T>): Matrix<T> {
    return Matrix.block(this.field, [[this], [o]]);
  }

  /** Same entries, with a new value at (i, j). */
  with(i: number, j: number, x: T): Matrix<T> {
    this.get(i, j);
    const data = [...this.data];
    data[i * this.cols + j] = x;
    return new Matrix(this.field, this.rows, this.cols, data);
  }

  trace(): T {
    if (!this.isSquare()) throw new RangeError(`trace of a non-square ${this.rows}×${this.cols} matrix`);
    let s = this.field.zero;
    for (let i = 0; i < this.rows; i++) s = this.field.add(s, this.get(i, i));
    return s;
  }

  equals(o: Matrix<T>): boolean {
    if (this.rows !== o.rows || this.cols !== o.cols) return false;
    return this.data.every((x, k) => this.field.eq(x, o.data[k]!));
  }

  isZero(): boolean {
    return this.data.every((x) => this.field.isZero(x));
  }

  isSymmetric(): boolean {
    return this.isSquare() && this.equals(this.transpose());
  }

  /** Entries as strings (exact "p/q" for rationals). */
  toStrings(): string[][] {
    return this.toArrays().map((r) => r.map((x) => this.field.toString(x)));
  }

  toString(): string {
    return this.toStrings().map((r) => `[${r.join(', ')}]`).join('\n');
  }

  private sameShape(o: Matrix<T>, op: string): void {
    if (this.rows !== o.rows || this.cols !== o.cols) {
      throw new RangeError(`${op}: shapes ${this.rows}×${this.cols} and ${o.rows}×${o.cols} differ`);
    }
  }
}

function checkSize(rows: number, cols: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`invalid matrix size ${rows}×${cols}`);
  }
}

/** An exact rational matrix from numbers or strings: rat([[1, "1/2"], [0, -3]]). */
export function rat(rows: readonly (readonly (Rational | number | bigint | string)[])[]): Matrix<Rational> {
  return Matrix.from(RationalField, rows.map((r) => r.map((x) => Rational.from(x))));
}

/** An exact rational vector from numbers or strings. */
export function ratVec(v: readonly (Rational | number | bigint | string)[]): Rational[] {
  return v.map((x) => Rational.from(x));
}

/**
 * A·B over the rationals with one fraction per entry: each row of A and each column of B is
 * scaled to integers by its common denominator, the dot products are bigint sums, and
 * (AB)_ij = (row_i · col_j) / (d_i e_j) — no gcd inside the sums.
 */
function rationalProduct(A: Matrix<Rational>, B: Matrix<Rational>): Matrix<Rational> {
  const rows = A.toArrays();
  const cols = Array.from({ length: B.cols }, (_, j) => B.col(j));
  const scaled = (v: readonly Rational[]): { d: bigint; ints: bigint[] } => {
    const d = commonDenominator(v);
    return { d, ints: v.map((x) => x.num * (d / x.den)) };
  };
  const left = rows.map(scaled);
  const right = cols.map(scaled);
  return Matrix.build(RationalField, A.rows, B.cols, (i, j) => {
    const a = left[i]!.ints;
    const b = right[j]!.ints;
    let s = 0n;
    for (let k = 0; k < a.length; k++) if (a[k] !== 0n) s += a[k]! * b[k]!;
    return Rational.of(s, left[i]!.d * right[j]!.d);
  });
}
