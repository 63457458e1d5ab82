export { NumberError } from './errors.ts';
export { Rational, gcd, q } from './rational.ts';
export type { Field } from './field.ts';
export { sum, dot } from './field.ts';
export { RationalField } from './rational-field.ts';
export { FloatField } from './float-field.ts';
export { decimalField } from './decimal-field.ts';
export type { IntervalField } from './decimal-interval.ts';
export { DecimalInterval, IndeterminateSignError, intervalField, asIntervalField } from './decimal-interval.ts';
