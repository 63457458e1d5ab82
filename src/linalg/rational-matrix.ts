import type { Field } from '../numbers/field.ts';
import type { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import type { Matrix } from './matrix.ts';

/** True when the matrix is over the exact rationals, so bigint fast paths apply. */
export function isRationalMatrix<T>(M: Matrix<T>): boolean {
  return (M.field as Field<unknown>) === RationalField;
}

/** The same matrix viewed over the rationals; callers check isRationalMatrix first. */
export function asRationalMatrix<T>(M: Matrix<T>): Matrix<Rational> {
  if (!isRationalMatrix(M)) throw new TypeError(`expected a rational matrix, got one over ${M.field.name}`);
  return M as unknown as Matrix<Rational>;
}

