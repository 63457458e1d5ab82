import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardNormalCdf, standardNormalPdf } from '../../src/numbers/normal-distribution.ts';

const DIGITS = 40;
const R = Decimal.clone({ precision: 120 });

/** Relative difference |a − b| / |b|. */
const relative = (a: Decimal.Value, b: Decimal.Value): Decimal => new R(a).minus(b).abs().div(new R(b).abs());

/**
 * Reference values of Φ, 40 significant digits, as published (50 digits or more) in the test
 * tables of several open-source numerical libraries (e.g. Math.NET Numerics' Normal.CDF rows,
 * GSL's gsl_cdf_ugaussian_P tests, keisan.casio.com tables); the listed sources agree with each
 * other to at least 40 digits.
 */
const REFERENCE: readonly [string, string][] = [
  ['1', '0.8413447460685429485852325456320379224779'],
  ['-1', '0.1586552539314570514147674543679620775221'],
  ['-2', '0.02275013194817920720028263716653343747178'],
  ['0.5', '0.6914624612740131036377046106083377398836'],
  ['-8', '6.220960574271784123515995172588188422489e-16'],
];

/** Second algorithm: Φ(x) = ½(1 + erf(x/√2)) with erf by its alternating Taylor series at high precision. */
function cdfByErfTaylor(x: string): Decimal {
  const W = Decimal.clone({ precision: 150 });
  const z = new W(x).div(new W(2).sqrt());
  const z2 = z.times(z);
  let power = z; // z^{2n+1}/n! with sign
  let sum = z;
  for (let n = 1; n < 2000; n++) {
    power = power.times(z2).neg().div(n);
    const term = power.div(2 * n + 1);
    sum = sum.plus(term);
    if (term.abs().lt(new W(10).pow(-140))) break;
  }
  const erf = sum.times(2).div(W.acos(-1).sqrt());
  return erf.plus(1).div(2);
}

/** Third algorithm, for the lower tail x < 0: Φ(x) = φ(x)/(t + 1/(t + 2/(t + 3/(t + …)))), t = −x (Laplace), evaluated backwards. */
function cdfByContinuedFraction(x: string, terms: number): Decimal {
  const W = Decimal.clone({ precision: 100, toExpNeg: -9e15 });
  const t = new W(x).neg();
  let tail = new W(t);
  for (let k = terms; k >= 1; k--) tail = t.plus(new W(k).div(tail));
  const phi = t.times(t).div(-2).exp().div(W.acos(-1).times(2).sqrt());
  return phi.div(tail);
}

describe('standardNormalCdf', () => {
  it('matches published 40-digit values of Φ(1), Φ(−1), Φ(−2), Φ(0.5), Φ(−8)', () => {
    for (const [x, value] of REFERENCE) {
      expect(relative(standardNormalCdf(x, DIGITS), value).lt('1e-39'), `Φ(${x})`).toBe(true);
    }
  });

  it('agrees with the alternating erf Taylor series to 35 digits on [−6, 6]', () => {
    fc.assert(
      fc.property(fc.integer({ min: -600, max: 600 }), (k) => {
        const x = new Decimal(k).div(100).toString();
        const got = standardNormalCdf(x, DIGITS);
        // The alternating series at 150 digits loses at most ~16 digits to cancellation for |x| ≤ 6, Φ(−6) ≈ 1e−9.
        expect(relative(got, cdfByErfTaylor(x)).lt('1e-35'), `x = ${x}`).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('agrees with the Laplace continued fraction in the lower tail to 35 digits', () => {
    // −60 is the end of the supported domain: about 784 digits of 1/2 cancel there.
    for (const x of ['-4', '-5.5', '-8', '-12.25', '-60']) {
      const cf = cdfByContinuedFraction(x, 4000);
      // The fraction has converged: twice the terms changes nothing at 45 digits.
      expect(relative(cf, cdfByContinuedFraction(x, 8000)).lt('1e-45')).toBe(true);
      expect(relative(standardNormalCdf(x, DIGITS), cf).lt('1e-35'), `x = ${x}`).toBe(true);
    }
  });

  it('Φ(x) + Φ(−x) = 1 and Φ is increasing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (k) => {
        const x = new Decimal(k).div(64);
        const sum = new R(standardNormalCdf(x, DIGITS)).plus(standardNormalCdf(x.neg(), DIGITS));
        expect(sum.minus(1).abs().lt('1e-39')).toBe(true);
        expect(standardNormalCdf(x, DIGITS).gt(standardNormalCdf(x.minus('0.001'), DIGITS))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('Φ(0) = 1/2 exactly, Φ(60) rounds to 1', () => {
    expect(standardNormalCdf(0, DIGITS).eq('0.5')).toBe(true);
    expect(standardNormalCdf(60, DIGITS).eq(1)).toBe(true);
  });

  it('works at both ends of the digit range: 1 digit and 200 digits', () => {
    expect(standardNormalCdf(1, 1).eq('0.8')).toBe(true);
    const wide = standardNormalCdf('0.5', 200);
    expect(wide.precision(true)).toBeGreaterThan(190);
    expect(relative(wide, cdfByErfTaylor('0.5')).lt('1e-139')).toBe(true);
  });

  it('rejects non-finite input, |x| > 60 and digit counts outside [1, 200] with NumberError messages', () => {
    expect(() => standardNormalCdf(Number.NaN, DIGITS)).toThrow(/standardNormalCdf: not a finite number: NaN/);
    expect(() => standardNormalCdf('-60.001', DIGITS)).toThrow(/\|x\| ≤ 60 supported, got -60.001/);
    expect(() => standardNormalCdf(61, DIGITS)).toThrow(/\|x\| ≤ 60 supported/);
    for (const digits of [0, 1.5, 201]) {
      expect(() => standardNormalCdf(0.5, digits)).toThrow(`digits must be an integer in [1, 200], got ${digits}`);
      expect(() => standardNormalPdf(0.5, digits)).toThrow(`digits must be an integer in [1, 200], got ${digits}`);
    }
  });
});

describe('standardNormalPdf', () => {
  it('rejects non-finite input and accepts 200 digits', () => {
    expect(() => standardNormalPdf(Number.POSITIVE_INFINITY, DIGITS)).toThrow(/standardNormalPdf: not a finite number: Infinity/);
    expect(relative(standardNormalPdf(0, 200), standardNormalPdf(0, DIGITS)).lt('1e-39')).toBe(true);
    expect(standardNormalPdf(0, 200).precision(true)).toBeGreaterThan(190);
  });

  it('φ(0) = 1/√(2π) (OEIS A231863) and φ(x)√(2π) = e^{−x²/2}', () => {
    expect(relative(standardNormalPdf(0, DIGITS), '0.3989422804014326779399460599343818684759').lt('1e-39')).toBe(true);
    const twoPi = R.acos(-1).times(2).sqrt();
    expect(relative(new R(standardNormalPdf('1.5', DIGITS)).times(twoPi), new R('-1.125').exp()).lt('1e-39')).toBe(true);
  });

  it('is the derivative of Φ (central difference at 60 digits)', () => {
    for (const x of ['-2.5', '-0.3', '0.7', '3']) {
      const h = new R('1e-15');
      const left = new R(standardNormalCdf(new R(x).minus(h), 60));
      const right = new R(standardNormalCdf(new R(x).plus(h), 60));
      const slope = right.minus(left).div(h.times(2));
      // Error of the central difference: φ''' h²/6 ≈ 1e−31.
      expect(relative(slope, standardNormalPdf(x, DIGITS)).lt('1e-25'), `x = ${x}`).toBe(true);
    }
  });
});
