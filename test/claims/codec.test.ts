import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeInstance, encodeInstance, encodeWitness, looksRational } from '../../src/claims/codec.ts';
import { CodecError } from '../../src/claims/errors.ts';
import { smallRational } from '../../src/generators/rational.ts';
import { Rational } from '../../src/numbers/rational.ts';

/** Structural equality with Rationals compared by value: independent of the codec. */
function same(a: unknown, b: unknown): boolean {
  if (a instanceof Rational || b instanceof Rational) return a instanceof Rational && b instanceof Rational && a.equals(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
}

function numbersIn(json: unknown): number[] {
  if (typeof json === 'number') return [json];
  if (Array.isArray(json)) return json.flatMap(numbersIn);
  if (typeof json === 'object' && json !== null) return Object.values(json).flatMap(numbersIn);
  return [];
}

const plain = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    smallRational({ maxNumerator: 50, maxDenominator: 12 }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.boolean(),
    fc.constant(null),
    fc.oneof(fc.string(), fc.constantFrom('7', '-3/4', '0.5', '.5', 'x1', '$string')),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string().filter((k) => !k.startsWith('$') && k !== '__proto__'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('instance codec', () => {
  it('round-trips plain instances through JSON text exactly, with integers the only JSON numbers', () => {
    fc.assert(
      fc.property(plain, (value) => {
        const json = JSON.parse(JSON.stringify(encodeInstance(value)));
        expect(same(decodeInstance(json), value)).toBe(true);
        for (const n of numbersIn(json)) expect(Number.isInteger(n)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('writes Rationals in lowest terms and decimals back as exact rationals', () => {
    expect(encodeInstance({ x: Rational.of(6, -8), n: 3 })).toEqual({ x: '-3/4', n: 3 });
    expect((decodeInstance('0.25') as Rational).equals(Rational.of(1, 4))).toBe(true);
    expect((decodeInstance('-6/8') as Rational).equals(Rational.of(-3, 4))).toBe(true);
  });

  it('tags plain strings that read as numbers so they do not come back as Rationals', () => {
    expect(encodeInstance(['7', 'seven'])).toEqual([{ $string: '7' }, 'seven']);
    expect(decodeInstance([{ $string: '7' }, 'seven'])).toEqual(['7', 'seven']);
    expect(looksRational('-3/4') && looksRational('12') && looksRational('0.5')).toBe(true);
    expect(looksRational('3/4x') || looksRational('') || looksRational('1e5')).toBe(false);
  });

  it('refuses floats and class instances, naming the path of the value', () => {
    const float = (): unknown => encodeInstance({ A: [[1, 0.5]] });
    expect(float).toThrow(CodecError);
    expect(float).toThrow(/instance\.A\[0\]\[1\] is the number 0\.5/);
    expect(() => encodeInstance({ m: new Map() })).toThrow(/instance\.m is a Map object/);
    expect(() => encodeInstance({ $x: 1 })).toThrow(/reserved/);
    expect(() => decodeInstance({ a: ['1/0'] })).toThrow(/instance\.a\[0\].*division by zero/);
    expect(() => decodeInstance([1.5])).toThrow(/instance\[0\] is the number 1\.5/);
  });

  it('writes witnesses leniently for reading: matrices as rows, floats as numbers', () => {
    const matrixLike = { toArrays: () => [[Rational.of(1, 2), 0]] };
    expect(encodeWitness({ M: matrixLike, f: 0.25, big: 10n, nothing: undefined })).toEqual({
      M: [['1/2', 0]],
      f: 0.25,
      big: '10',
      nothing: null,
    });
  });
});
