/** The median of a non-empty list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Milliseconds per call of `operation`: calls it until at least `minMs` have passed (at least
 * once), so that fast operations are timed over many calls rather than one clock tick.
 */
export function timePerCall(operation: () => unknown, minMs: number): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    operation();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return elapsed / calls;
}

/** The median over `repetitions` of timePerCall, after one untimed call that warms the code up. */
export function medianTimePerCall(operation: () => unknown, repetitions: number, minMs: number): number {
  operation();
  return median(Array.from({ length: repetitions }, () => timePerCall(operation, minMs)));
}

/** "3.1 µs", "12.4 ms", "1.66 s". */
export function formatTime(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} µs`;
  if (ms < 1000) return `${ms.toPrecision(3)} ms`;
  return `${(ms / 1000).toPrecision(3)} s`;
}
