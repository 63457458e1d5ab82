import { describe, expect, it } from 'vitest';
import { CaseStatistics, MAX_REASONS, OTHER_REASONS, reasonsRecord } from '../../src/claims/case-statistics.ts';

describe('CaseStatistics', () => {
  it('keeps at most MAX_REASONS distinct reasons and counts every later new one under one key', () => {
    const stats = new CaseStatistics();
    for (let k = 0; k < 1000; k++) stats.discard(`reason ${k % 100}`);
    const record = reasonsRecord(stats.discardReasons);
    expect(Object.keys(record)).toHaveLength(MAX_REASONS + 1);
    expect(stats.discarded).toBe(1000);
    expect(Object.values(record).reduce((a, b) => a + b, 0)).toBe(1000);
    // The first reasons keep their own counts (10 each); the 68 later reasons share the overflow key.
    expect(record['reason 0']).toBe(10);
    expect(record[OTHER_REASONS]).toBe(680);
  });

  it('counts a reason seen before under its own key even after the overflow started', () => {
    const stats = new CaseStatistics();
    for (let k = 0; k <= MAX_REASONS; k++) stats.undecide(`r${k}`);
    stats.undecide('r0');
    const record = reasonsRecord(stats.undecidedReasons);
    expect(record.r0).toBe(2);
    expect(record[OTHER_REASONS]).toBe(1);
  });
});
