import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNamedValues, formatValue } from '../../src/report/format-value.ts';
import { READABLE_LENGTH, readableNumber } from '../../src/report/readable-number.ts';

describe('readable exact numbers', () => {
  it('leaves short values and non-numbers as they are', () => {
    expect(readableNumber('-3/4')).toBe('-3/4');
    expect(readableNumber('12345678901234567890')).toBe('12345678901234567890');
    expect(readableNumber('descent ray (order 2) along the first coordinate')).toBe('descent ray (order 2) along the first coordinate');
  });

  it('rounds a long rational to ten significant digits and says how long it is', () => {
    expect(readableNumber(`${'64'}${'0'.repeat(199)}/${'1'}${'0'.repeat(199)}`)).toBe('64.00000000 (exact: 401 digits, see --json)');
    expect(readableNumber('-1/3000000000000000000000')).toBe('-3.333333333e-22 (exact: 23 digits, see --json)');
    expect(readableNumber(`2.${'7'.repeat(200)}`)).toBe('2.777777778 (exact: 201 digits, see --json)');
  });

  it('agrees with float64 division on rationals that float64 represents well', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 12n, max: 10n ** 15n }), fc.bigInt({ min: 10n ** 9n, max: 10n ** 12n }), fc.boolean(), (p, q, negative) => {
        const text = `${negative ? '-' : ''}${p}/${q}`;
        fc.pre(text.length > READABLE_LENGTH);
        const shown = readableNumber(text);
        const [mantissa, note] = shown.split(' (exact: ');
        expect(note).toBe(`${text.replace(/[^0-9]/g, '').length} digits, see --json)`);
        const expected = (negative ? -1 : 1) * (Number(p) / Number(q));
        expect(Math.abs(Number(mantissa) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-9);
      }),
    );
  });

  it('is used by formatValue and formatNamedValues only when asked (reports and JSON keep every digit)', () => {
    const long = `1/${'7'.repeat(40)}`;
    expect(formatValue([long, '1/2'])).toBe(`[${long}, 1/2]`);
    expect(formatValue([long, '1/2'], { readable: true })).toBe('[1.285714286e-40 (exact: 41 digits, see --json), 1/2]');
    expect(formatNamedValues({ v: long }, { readable: true })).toEqual(['v = 1.285714286e-40 (exact: 41 digits, see --json)']);
  });
});
