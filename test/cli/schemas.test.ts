import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateJson, type JsonSchema } from '../../src/claims/json-schema.ts';
import { parseJsonInput, WrittenNumber } from '../../src/cli/input/exact-json.ts';
import { networkFromInput } from '../../src/cli/input/network-input.ts';
import { datasetFromInput } from '../../src/cli/input/dataset-input.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { relu, twoPiece } from '../../src/network/activation.ts';
import { network } from '../../src/network/network.ts';
import { flattenParameters } from '../../src/network/parameters.ts';
import { networkToJSON } from '../../src/network/serialize.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { REPO } from './run-cli.ts';

const SCHEMAS = join(REPO, 'schemas');
const load = (name: string): JsonSchema => JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as JsonSchema;
const example = (name: string): unknown => JSON.parse(readFileSync(join(REPO, 'examples', name), 'utf8'));

describe('JSON Schemas of the input and output formats', () => {
  it('has one schema per format, each using only keywords the validator checks', () => {
    const names = readdirSync(SCHEMAS).filter((n) => n.endsWith('.schema.json')).sort();
    expect(names).toEqual(['classify-output.schema.json', 'dataset.schema.json', 'network.schema.json', 'regions-output.schema.json']);
    // json-schema.ts throws on an unknown keyword, but only where a document reaches: walk every subschema
    const known = new Set(['$schema', '$id', '$comment', 'title', 'description', '$defs', 'examples', 'default', 'type', 'const', 'enum', 'pattern',
      'minLength', 'minimum', 'required', 'properties', 'additionalProperties', 'propertyNames', 'items', 'minItems', 'anyOf', '$ref']);
    const walk = (schema: unknown, where: string): void => {
      if (typeof schema !== 'object' || schema === null) return;
      for (const [key, value] of Object.entries(schema)) {
        expect(known.has(key), `${where}: ${key}`).toBe(true);
        if (key === 'properties' || key === '$defs') for (const [k, sub] of Object.entries(value as object)) walk(sub, `${where}.${k}`);
        else if (key === 'anyOf') (value as unknown[]).forEach((sub, i) => walk(sub, `${where}.anyOf[${i}]`));
        else if (['items', 'additionalProperties', 'propertyNames'].includes(key)) walk(value, `${where}.${key}`);
      }
    };
    for (const name of names) walk(load(name), name);
  });

  it('accepts the example files', () => {
    expect(validateJson(load('network.schema.json'), example('net.json'))).toEqual([]);
    expect(validateJson(load('dataset.schema.json'), example('data.json'))).toEqual([]);
  });

  it('accepts the witness format of stored networks, and reads it back to the same network', () => {
    const F = RationalField;
    const r = (x: string): Rational => Rational.parse(x);
    const net = network(F, {
      layers: [
        { weights: [[r('1'), r('-3/4')], [r('0'), r('2')]], bias: [r('1/2'), r('0')], activation: twoPiece(F, r('-1/2'), r('1')) },
        { weights: [[r('1'), r('1')]], bias: null, activation: relu(F) },
      ],
    });
    const json = networkToJSON(net);
    expect(validateJson(load('network.schema.json'), json)).toEqual([]);
    const back = networkFromInput(parseJsonInput(JSON.stringify(json), 'net.json'));
    expect(flattenParameters(back).map(String)).toEqual(flattenParameters(net).map(String));
    expect(back.layers.map((l) => [l.activation.kind, l.activation.slopes.map(String)])).toEqual([
      ['two-piece', ['-1/2', '1']],
      ['relu', ['0', '1']],
    ]);
  });

  it('names the offending field', () => {
    const net = load('network.schema.json');
    expect(validateJson(net, { layers: [{ weights: [[1, 'x']] }] })[0]).toMatchObject({ path: 'layers[0].weights[0][1]' });
    expect(validateJson(net, { layers: [] })[0]).toEqual({ path: 'layers', message: 'must not be empty' });
    const data = load('dataset.schema.json');
    expect(validateJson(data, { inputs: [[1]], targets: [[]] })[0]).toMatchObject({ path: 'targets[0]' });
    const classify = load('classify-output.schema.json');
    expect(validateJson(classify, { version: '1' })[0]).toMatchObject({ message: 'is missing' });
  });
});

describe('exact reading of JSON input', () => {
  it('keeps every number as written, wherever it sits (integer-like keys included)', () => {
    const input = parseJsonInput('{"b": [0.1, 1e-3, -0], "1": {"x": 2.50}, "a": 3}', 'x.json');
    const exact = input.exact as { b: WrittenNumber[]; '1': { x: WrittenNumber }; a: WrittenNumber };
    expect(exact.b.map((n) => n.text)).toEqual(['0.1', '1e-3', '-0']);
    expect([exact['1'].x.text, exact.a.text]).toEqual(['2.50', '3']);
    expect(input.plain).toEqual({ b: [0.1, 0.001, -0], 1: { x: 2.5 }, a: 3 });
  });

  it('reads 0.1 as 1/10 and "-3/4" as −3/4 in a dataset', () => {
    const data = datasetFromInput(parseJsonInput('{"inputs": [[0.1, "-3/4"]], "targets": [1e-2]}', 'd.json'));
    expect(data.inputs[0]!.map(String)).toEqual(['1/10', '-3/4']);
    expect(data.targets[0]!.map(String)).toEqual(['1/100']);
  });

  it('refuses a key given twice, naming where', () => {
    expect(() => parseJsonInput('{"layers": [{"weights": [[1]], "weights": [[2]]}]}', 'n.json')).toThrow(/n\.json: field "layers\[0\]\.weights" appears twice/);
    expect(() => parseJsonInput('{"a": {"b": 1}, "c": {"b": 2}}', 'n.json')).not.toThrow();
  });
});
