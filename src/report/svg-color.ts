/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** The i-th palette colour, cycling. */
export function categoryColor(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`colour index must be a non-negative integer, got ${index}`);
  return PALETTE[index % PALETTE.length]!;
}

/** Stops of the viridis colour map (perceptually uniform, dark to light, readable in grey). */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [180, 222, 44],
  [253, 231, 37],
];

function hex(channel: number): string {
  return Math.round(channel).toString(16).padStart(2, '0');
}

/** Colour of t ∈ [0, 1] on the viridis map, linearly interpolated between stops. */
export function sequentialColor(t: number): string {
  if (!Number.isFinite(t) || t < 0 || t > 1) throw new RangeError(`colour position must be in [0, 1], got ${t}`);
  const position = t * (VIRIDIS.length - 1);
  const i = Math.min(Math.floor(position), VIRIDIS.length - 2);
  const f = position - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  return `#${[0, 1, 2].map((k) => hex(a[k]! + (b[k]! - a[k]!) * f)).join('')}`;
}
