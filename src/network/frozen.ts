import { isOnBreakpoint, pieceCoefficients } from './activation.ts';
import type { Dataset } from './dataset.ts';
import { NetworkError } from './errors.ts';
import { affine, checkInput, expHead } from './forward.ts';
import type { Network } from './network.ts';
import type { DatasetPattern, PointPattern } from './pattern.ts';

/**
 * Checks that a point pattern fits the network (one position per unit) and names a piece for
 * every unit: a position on a breakpoint has no slope of its own (use resolveBreakpoints).
 */
export function checkPointPattern<T>(net: Network<T>, pattern: PointPattern, where = 'pattern'): void {
  if (pattern.length !== net.layers.length) {
    throw new NetworkError(`${where} has ${pattern.length} layers, the network has ${net.layers.length}`);
  }
  net.layers.forEach((layer, l) => {
    const units = pattern[l]!;
    if (units.length !== layer.weights.length) {
      throw new NetworkError(`${where}: layer ${l + 1} has ${units.length} positions, the layer has ${layer.weights.length} units`);
    }
    const pieces = layer.activation.slopes.length;
    units.forEach((pos, j) => {
      if (!Number.isInteger(pos) || pos < 0 || pos > 2 * (pieces - 1)) {
        throw new NetworkError(`${where}: layer ${l + 1} unit ${j} has position ${pos}, outside 0..${2 * (pieces - 1)}`);
      }
      if (isOnBreakpoint(pos)) {
        throw new NetworkError(`${where}: layer ${l + 1} unit ${j} is on a breakpoint; freeze it to a piece first (resolveBreakpoints)`);
      }
    });
  });
}

export function checkDatasetPattern<T>(net: Network<T>, pattern: DatasetPattern, points: number): void {
  if (pattern.length !== points) throw new NetworkError(`pattern has ${pattern.length} points, the dataset has ${points}`);
  pattern.forEach((p, i) => checkPointPattern(net, p, `pattern of point ${i}`));
}

/**
 * g_A(x): the network with every unit frozen to the piece the pattern names, i.e. unit output
 * slope·z + offset whatever the sign of z. A polynomial in the weights; equals f(x) wherever x's
 * own pattern is A (and, by continuity, wherever it is A up to breakpoints).
 */
export function frozenForward<T>(net: Network<T>, x: readonly T[], pattern: PointPattern): T[] {
  checkInput(net, x);
  checkPointPattern(net, pattern);
  const F = net.field;
  let a: readonly T[] = x;
  net.layers.forEach((layer, l) => {
    const z = affine(net, l, a);
    a = z.map((zi, j) => {
      const { slope, offset } = pieceCoefficients(layer.activation, pattern[l]![j]! / 2);
      return F.add(F.mul(slope, zi), offset);
    });
  });
  const g = expHead(net, x, a.length);
  return a.map((v, k) => F.add(v, g[k]!));
}

/** g_A on every input of a dataset (pattern[point][layer][unit]). */
export function frozenOutputs<T>(net: Network<T>, data: Dataset<T> | readonly (readonly T[])[], pattern: DatasetPattern): T[][] {
  const inputs = 'inputs' in data ? data.inputs : data;
  checkDatasetPattern(net, pattern, inputs.length);
  return inputs.map((x, i) => frozenForward(net, x, pattern[i]!));
}
