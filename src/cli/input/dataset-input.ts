import { InputError } from '../../claims/errors.ts';
import type { Rational } from '../../numbers/rational.ts';
import type { Dataset } from '../../network/dataset.ts';
import { exactNumber, exactVector } from './exact-fields.ts';
import type { JsonInput } from './exact-json.ts';
import { requireSchema } from './schemas.ts';

/** Datasets beyond this size are refused: every decision is exact and grows with N. */
export const MAX_POINTS = 1000;
export const MAX_INPUT_DIM = 64;

/**
 * The dataset of a data file (schemas/dataset.schema.json); every problem is an InputError naming
 * the file and the field. Repeated points are valid data (repeated measurements) and kept.
 */
export function datasetFromInput(input: JsonInput): Dataset<Rational> {
  const { display } = input;
  requireSchema('dataset', input.plain, display);
  const exact = input.exact as { inputs: readonly (readonly unknown[])[]; targets: readonly unknown[] };
  const { inputs, targets } = exact;
  if (inputs.length > MAX_POINTS) throw new InputError(`${display}: field "inputs" has ${inputs.length} points; at most ${MAX_POINTS} are supported`);
  const d = inputs[0]!.length;
  if (d > MAX_INPUT_DIM) throw new InputError(`${display}: field "inputs[0]" has ${d} entries; at most ${MAX_INPUT_DIM} are supported`);
  inputs.forEach((x, i) => {
    if (x.length !== d) throw new InputError(`${display}: field "inputs[${i}]" has ${x.length} entries, expected ${d} (as inputs[0])`);
  });
  if (targets.length !== inputs.length) {
    throw new InputError(`${display}: field "targets" has ${targets.length} entries for ${inputs.length} inputs (one target per input)`);
  }
  const vectors = targets.map((t) => Array.isArray(t));
  const dY = Array.isArray(targets[0]) ? targets[0].length : 1;
  targets.forEach((t, i) => {
    if (vectors[i] !== vectors[0]) throw new InputError(`${display}: field "targets[${i}]" is ${vectors[i] ? 'an array' : 'a number'}, but targets[0] is ${vectors[0] ? 'an array' : 'a number'}`);
    if (Array.isArray(t) && t.length !== dY) throw new InputError(`${display}: field "targets[${i}]" has ${t.length} entries, expected ${dY} (as targets[0])`);
  });
  return {
    inputs: inputs.map((x, i) => exactVector(x, `inputs[${i}]`, display)),
    targets: targets.map((t, i) => (Array.isArray(t) ? exactVector(t, `targets[${i}]`, display) : [exactNumber(t, `targets[${i}]`, display)])),
  };
}
