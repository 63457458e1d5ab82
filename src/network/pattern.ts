import { isOnBreakpoint, type Position } from './activation.ts';
import { NetworkError } from './errors.ts';

/** Positions of one input's pre-activations: pattern[layer][unit] (layers 0-based, output layer last). */
export type PointPattern = readonly (readonly Position[])[];

/** Positions for a dataset: pattern[point][layer][unit]. */
export type DatasetPattern = readonly PointPattern[];

export interface UnitLocation {
  readonly point: number;
  readonly layer: number;
  readonly unit: number;
}

/** Every (point, layer, unit) whose pre-activation sits exactly on a breakpoint (non-differentiability). */
export function breakpointLocations(pattern: DatasetPattern): UnitLocation[] {
  const out: UnitLocation[] = [];
  pattern.forEach((p, point) =>
    p.forEach((layer, l) => layer.forEach((pos, unit) => {
      if (isOnBreakpoint(pos)) out.push({ point, layer: l, unit });
    })),
  );
  return out;
}

export function hasBreakpoint(pattern: DatasetPattern): boolean {
  return pattern.some((p) => p.some((layer) => layer.some(isOnBreakpoint)));
}

/**
 * Replace every on-breakpoint position by the piece on its left or right. 'left' is the papers'
 * convention (ReLU indicator 1(z > 0), He's I{x ≤ 0}s−): a zero pre-activation counts as inactive.
 */
export function resolveBreakpoints(pattern: DatasetPattern, side: 'left' | 'right'): DatasetPattern {
  const shift = side === 'left' ? -1 : 1;
  return pattern.map((p) => p.map((layer) => layer.map((pos) => (isOnBreakpoint(pos) ? pos + shift : pos))));
}

/** The positions of one unit across the data points: column (layer, unit) of the pattern. */
export function unitPattern(pattern: DatasetPattern, layer: number, unit: number): Position[] {
  return pattern.map((p, i) => {
    const pos = p[layer]?.[unit];
    if (pos === undefined) throw new NetworkError(`pattern of point ${i} has no unit ${unit} in layer ${layer}`);
    return pos;
  });
}

/** A canonical string, e.g. for counting distinct regions: points by "|", layers by "/", units by ",". */
export function patternKey(pattern: DatasetPattern): string {
  return pattern.map((p) => p.map((layer) => layer.join(',')).join('/')).join('|');
}

export function patternsEqual(a: DatasetPattern, b: DatasetPattern): boolean {
  return patternKey(a) === patternKey(b);
}
