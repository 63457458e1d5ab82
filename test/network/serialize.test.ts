import { describe, expect, it } from 'vitest';
import { q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { relu } from '../../src/network/activation.ts';
import { ratNetwork } from '../../src/network/network.ts';
import { networkFromJSON, networkToJSON, type NetworkJSON } from '../../src/network/serialize.ts';

const F = RationalField;
const plain = ratNetwork({ layers: [{ weights: [[1, '-1/2']], bias: [3], activation: relu(F) }, { weights: [['2/3']] }] });

describe('network JSON', () => {
  it('keeps the exponential units with their output, a, w and b', () => {
    const withHead = ratNetwork({ layers: [{ weights: [[1, 0], [0, 1]] }], expUnits: [{ output: 1, a: '-1/2', w: [2, '1/3'], b: 5 }] });
    const json = networkToJSON(withHead);
    expect(json.expUnits).toEqual([{ output: 1, a: '-1/2', w: ['2', '1/3'], b: '5' }]);
    const again = networkFromJSON(JSON.parse(JSON.stringify(json)) as NetworkJSON);
    expect(again.expUnits.map((u) => [u.output, String(u.a), u.w.map(String), String(u.b)])).toEqual([[1, '-1/2', ['2', '1/3'], '5']]);
  });

  it('reads JSON without an expUnits field as a network without a head', () => {
    const { expUnits: _, ...json } = networkToJSON(plain);
    const again = networkFromJSON(json as NetworkJSON);
    expect(again.expUnits).toEqual([]);
    expect(again.layers[0]!.weights[0]!.map(String)).toEqual(['1', '-1/2']);
    expect(again.layers[1]!.weights[0]![0]!.equals(q(2, 3))).toBe(true);
  });

  it('rejects malformed JSON with a message naming the part', () => {
    const json = networkToJSON(plain);
    expect(() => networkFromJSON({ ...json, layers: {} } as unknown as NetworkJSON)).toThrow('network JSON: "layers" must be an array');
    const badKind = { ...json, layers: [json.layers[0]!, { ...json.layers[1]!, activation: { ...json.layers[1]!.activation, kind: 'tanh' } }] };
    expect(() => networkFromJSON(badKind as unknown as NetworkJSON)).toThrow('network JSON: layer 2 has unknown activation kind "tanh"');
    const { activation: _, ...noActivation } = json.layers[0]!;
    expect(() => networkFromJSON({ ...json, layers: [noActivation, json.layers[1]!] } as unknown as NetworkJSON)).toThrow(
      'network JSON: layer 1 has unknown activation kind "undefined"',
    );
  });
});
