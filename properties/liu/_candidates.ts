// liu: candidate parameter points for the statements about local minima and maxima of L(z, w).
import fc from 'fast-check';
import {
  genuineness,
  liuSaddlePoint,
  pointInRegion,
  realizableRegion,
  regionActivations,
  smallRational,
  subglobalMinimum,
  type OneHiddenLayerPoint,
  type OutputSign,
  type Rational,
  type Dataset,
} from '../../src/index.ts';
import { cellInstance, liuData, type CellInstance } from './_cells.ts';

/**
 * How a candidate was made. The classifier, never the construction, decides what it is.
 * - 'cell-minimum': a minimiser of the cell's L(R) realised inside the open cell (z_j = ±1, or z_j = 0 with R_j = 0);
 * - 'saddle': Theorem 2's point (K′ < K units stationary, the others z_j = 0 on (C.4)): critical, ∂L/∂R_j ≠ 0;
 * - 'cell-point': any point of an open cell with small rational z (0 allowed), dead cells included;
 * - 'kink': a point on a face of the arrangement (some w_j·x_i = 0, w_j = 0 included).
 */
export type Family = 'cell-minimum' | 'saddle' | 'cell-point' | 'kink';

export interface Candidate {
  readonly family: Family;
  readonly data: Dataset<Rational>;
  readonly point: OneHiddenLayerPoint;
}

const SIGN_ORDERS: readonly (readonly OutputSign[])[] = [
  [1, -1, 0],
  [0, 1, -1],
  [-1, 1, 0],
];

const smallZ = (K: number) => fc.array(smallRational({ maxNumerator: 2, maxDenominator: 2 }), { minLength: K, maxLength: K });

function cellMinimum(instance: CellInstance, order: readonly OutputSign[]): OneHiddenLayerPoint | null {
  const m = subglobalMinimum(instance.data, regionActivations(instance.region), { bias: false, outputBias: false, normalisation: 'mean' });
  const g = genuineness(m, instance.region, { outputSigns: order });
  return g.genuine ? g.point : null;
}

function saddle(instance: CellInstance, stationary: readonly number[]): OneHiddenLayerPoint | null {
  const built = liuSaddlePoint(instance.data, instance.region, stationary);
  return built.point !== null && built.premise ? built.point : null;
}

const withPoint = (family: Family, data: Dataset<Rational>) => (point: OneHiddenLayerPoint | null) => (point === null ? null : { family, data, point });

/** Candidates of the given families on N ≤ 3 samples, d = 2, K ≤ 2 (null when a construction has no point in its cell). */
export function candidates(families: readonly Family[]): fc.Arbitrary<Candidate> {
  const arbitraries: Record<Family, fc.Arbitrary<Candidate | null>> = {
    'cell-minimum': cellInstance().chain((instance) =>
      fc.constantFrom(...SIGN_ORDERS).map((order) => withPoint('cell-minimum', instance.data)(cellMinimum(instance, order))),
    ),
    saddle: cellInstance()
      .filter((instance) => instance.region.length >= 2)
      .chain((instance) =>
        fc
          .subarray(instance.region.map((_, j) => j), { maxLength: instance.region.length - 1 })
          .map((stationary) => withPoint('saddle', instance.data)(saddle(instance, stationary))),
      ),
    'cell-point': cellInstance().chain((instance) =>
      // The dead cell (every sample inactive) is last in the enumeration: offer it explicitly.
      fc.boolean().chain((dead) => {
        const region = dead ? instance.region.map((signs) => signs.map(() => -1 as const)) : instance.region;
        return fc
          .tuple(pointInRegion(instance.data.inputs, region), smallZ(region.length))
          .map(([hidden, z]) => ({ family: 'cell-point' as const, data: instance.data, point: { weights: hidden.weights.map((w) => [...w]), biases: null, outputWeights: z, outputBias: null } }));
      }),
    ),
    kink: fc.record({ data: liuData(), units: fc.integer({ min: 1, max: 2 }) }).chain(({ data, units }) =>
      realizableRegion(data.inputs, units, { faces: true })
        .filter((region) => region.some((signs) => signs.includes(0)))
        .chain((region) => fc.tuple(pointInRegion(data.inputs, region), smallZ(units)))
        .map(([hidden, z]) => ({ family: 'kink' as const, data, point: { weights: hidden.weights.map((w) => [...w]), biases: null, outputWeights: z, outputBias: null } })),
    ),
  };
  // Theorem 2's construction lands in its cell less often: weight it up so that it is not crowded out by the filter.
  const weight = (f: Family): number => (f === 'saddle' ? 4 : 1);
  return fc.oneof(...families.map((f) => ({ arbitrary: arbitraries[f], weight: weight(f) }))).filter((c): c is Candidate => c !== null);
}
