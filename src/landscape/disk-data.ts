import { Rational } from '../numbers/rational.ts';
import type { Dataset } from '../network/dataset.ts';
import { NetworkError } from '../network/errors.ts';
import { seededRandom } from './rng.ts';

export interface DiskDataOptions {
  /** Number of distinct points. */
  readonly points: number;
  /** Integer coordinates in [−range, range]². */
  readonly range: number;
  /** Label +1 when x1² + x2² < radiusSquared, −1 otherwise. */
  readonly radiusSquared: number;
  readonly seed: number;
}

/**
 * A small deterministic two-class problem that no linear model separates: distinct integer points
 * drawn with a seeded generator, labelled by a disk. A stand-in where a real benchmark is out of reach.
 */
export function diskDataset(options: DiskDataOptions): Dataset<Rational> {
  const side = 2 * options.range + 1;
  if (!Number.isInteger(options.points) || options.points < 1 || options.points > side * side) {
    throw new NetworkError(`diskDataset: cannot draw ${options.points} distinct points from a ${side}×${side} grid`);
  }
  const random = seededRandom(options.seed);
  const seen = new Set<string>();
  const inputs: Rational[][] = [];
  const targets: Rational[][] = [];
  while (inputs.length < options.points) {
    const x = [0, 1].map(() => Math.floor(random() * side) - options.range);
    const key = x.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    inputs.push(x.map((v) => Rational.fromInt(v)));
    targets.push([x[0]! * x[0]! + x[1]! * x[1]! < options.radiusSquared ? Rational.ONE : Rational.MINUS_ONE]);
  }
  return { inputs, targets };
}
