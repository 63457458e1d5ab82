/** An interval of data values, lower end first. */
export type Interval = readonly [number, number];

/** A linear map from data values (domain) to drawing coordinates (range). */
export interface LinearScale {
  readonly domain: Interval;
  readonly range: Interval;
  map(value: number): number;
}

function checkInterval(name: string, [a, b]: Interval): void {
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError(`${name} must be finite, got [${a}, ${b}]`);
}

export function linearScale(domain: Interval, range: Interval): LinearScale {
  checkInterval('scale domain', domain);
  checkInterval('scale range', range);
  if (domain[0] === domain[1]) throw new RangeError(`scale domain must not be a single point, got [${domain[0]}, ${domain[1]}]`);
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const factor = (r1 - r0) / (d1 - d0);
  return { domain, range, map: (value) => r0 + (value - d0) * factor };
}

/** Smallest interval holding the values, widened by `padding` (a fraction of its length); one value v gives [v − 1, v + 1]. */
export function extent(values: readonly number[], padding = 0): Interval {
  if (values.length === 0) throw new RangeError('extent of no values');
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`values[${i}] must be finite, got ${v}`);
  });
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (lo === hi) return [lo - 1, hi + 1];
  const pad = (hi - lo) * padding;
  return [lo - pad, hi + pad];
}

/** A tick: its value and its label (decimal, with a true minus sign). */
export interface Tick {
  readonly value: number;
  readonly label: string;
}

/** Tolerance for "k·step lies in [min, max]" against rounding in min/step. */
const SLACK = 1e-9;

/**
 * Round ticks in [min, max]: multiples of 1, 2 or 5 × 10^e, the finest such step that gives at most
 * `maxCount` ticks. Values are computed as integer/10^k so that labels print exactly (0.3, not 0.30000000000000004).
 */
export function niceTicks(min: number, max: number, maxCount = 6): Tick[] {
  checkInterval('tick interval', [min, max]);
  if (!(min < max)) throw new RangeError(`tick interval must have min < max, got [${min}, ${max}]`);
  if (!Number.isInteger(maxCount) || maxCount < 2) throw new RangeError(`maxCount must be an integer ≥ 2, got ${maxCount}`);
  let exponent = Math.floor(Math.log10((max - min) / maxCount));
  for (;;) {
    for (const mantissa of [1, 2, 5]) {
      const step = stepValue(mantissa, exponent);
      const first = Math.ceil(min / step - SLACK);
      const last = Math.floor(max / step + SLACK);
      if (last - first + 1 <= maxCount) return ticksOf(first, last, mantissa, exponent);
    }
    exponent++;
  }
}

function stepValue(mantissa: number, exponent: number): number {
  return exponent >= 0 ? mantissa * 10 ** exponent : mantissa / 10 ** -exponent;
}

function ticksOf(first: number, last: number, mantissa: number, exponent: number): Tick[] {
  const decimals = Math.max(0, -exponent);
  const ticks: Tick[] = [];
  for (let k = first; k <= last; k++) {
    const units = k * mantissa;
    const value = exponent >= 0 ? units * 10 ** exponent : units / 10 ** -exponent;
    ticks.push({ value, label: numberLabel(value, decimals) });
  }
  return ticks;
}

/** A number as a label with a fixed number of decimals and a true minus sign (−). */
export function numberLabel(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text.replace('-', '−');
}
