import type { JsonValue } from '../claims/codec.ts';
import { inertia } from '../linalg/inertia.ts';
import type { Matrix } from '../linalg/matrix.ts';
import type { Rational } from '../numbers/rational.ts';
import { describeActivation, type Activation, type Position } from '../network/activation.ts';
import type { Dataset } from '../network/dataset.ts';
import { lossDerivatives } from '../network/derivatives.ts';
import { activationPattern } from '../network/forward.ts';
import { describeLoss, type Loss } from '../network/loss.ts';
import type { Network } from '../network/network.ts';
import { parameterNames } from '../network/parameters.ts';
import type { Decision, ExtremumCertificate, ExtremumDecisions, PointClassification } from '../landscape/classification.ts';
import { currentPattern } from '../landscape/classify.ts';

/** What `classify --json` prints (schemas/classify-output.schema.json); every number an exact string. */
export interface ClassifyInputs {
  readonly net: Network<Rational>;
  readonly data: Dataset<Rational>;
  readonly loss: Loss;
  readonly netFile: string;
  readonly dataFile: string;
  readonly version: string;
}

const str = (x: Rational): string => x.toString();
const vec = (xs: readonly Rational[]): string[] => xs.map(str);
const mat = (m: Matrix<Rational>): string[][] => m.toArrays().map(vec);

/**
 * A pre-activation's place as a short symbol: activations with one kink use "-" (left piece),
 * "0" (on the kink), "+" (right piece); without kinks "·"; with several "p<k>" inside piece k and
 * "t<k>" on breakpoint t_k.
 */
export function positionSymbol(act: Activation<Rational>, position: Position): string {
  const kinks = act.breakpoints.length;
  if (kinks === 0) return '·';
  const onKink = position % 2 === 1;
  const k = onKink ? (position - 1) / 2 : position / 2;
  if (kinks === 1) return onKink ? '0' : k === 0 ? '-' : '+';
  return onKink ? `t${k}` : `p${k}`;
}

export function classifyJson(inputs: ClassifyInputs, result: PointClassification): JsonValue {
  const { net, data, loss } = inputs;
  const raw = activationPattern(net, data);
  return {
    version: inputs.version,
    network: {
      file: inputs.netFile,
      inputDim: net.inputDim,
      widths: net.layers.map((l) => l.weights.length),
      activations: net.layers.map((l) => describeActivation(net.field, l.activation)),
      parameters: parameterNames(net),
    },
    data: { file: inputs.dataFile, points: data.inputs.length, inputDim: data.inputs[0]!.length, outputDim: data.targets[0]!.length },
    loss: { name: loss.point.name, normalisation: loss.normalisation, description: describeLoss(loss), value: str(result.value) },
    pattern: net.layers.map((layer, l) => ({
      layer: l + 1,
      activation: describeActivation(net.field, layer.activation),
      units: layer.weights.map((_, u) => raw.map((point) => positionSymbol(layer.activation, point[l]![u]!))),
    })),
    differentiable: result.differentiable,
    breakpoints: result.breakpoints.map((b) => ({ point: b.point, layer: b.layer + 1, unit: b.unit })),
    gradient: result.gradient === null ? null : vec(result.gradient),
    critical: result.critical,
    hessian: result.critical === true ? hessianJson(inputs) : null,
    classification: {
      kind: result.kind,
      basis: result.basis,
      localMin: extremaJson(result.localMin),
      localMax: extremaJson(result.localMax),
      directionsTried: result.directionsTried,
    },
  };
}

/**
 * At a differentiable critical point: H, its inertia and the congruence PᵀHP = LDLᵀ (L unit lower
 * triangular, D block diagonal with 1×1 and 2×2 blocks) that proves it, for re-checking by hand.
 */
function hessianJson(inputs: ClassifyInputs): JsonValue {
  const { pattern } = currentPattern(inputs.net, inputs.data);
  const H = lossDerivatives(inputs.net, inputs.data, inputs.loss, { pattern }).hessian;
  const result = inertia(H);
  const f = result.factorization;
  return {
    matrix: mat(H),
    inertia: { positive: result.positive, negative: result.negative, zero: result.zero },
    factorization: { permutation: [...f.permutation], L: mat(f.L), D: mat(f.D) },
  };
}

function extremaJson(e: ExtremumDecisions): JsonValue {
  return { strict: decisionJson(e.strict), nonStrict: decisionJson(e.nonStrict) };
}

function decisionJson(d: Decision): JsonValue {
  return {
    holds: d.holds,
    basis: d.basis,
    reason: d.reason,
    certificate: d.certificate === undefined ? null : certificateJson(d.certificate),
  };
}

function certificateJson(c: ExtremumCertificate): JsonValue {
  switch (c.kind) {
    case 'gradient':
      return { kind: c.kind, gradient: vec(c.gradient) };
    case 'hessian':
      return { kind: c.kind, inertia: { positive: c.inertia.positive, negative: c.inertia.negative, zero: c.inertia.zero } };
    case 'ray':
      return {
        kind: c.kind,
        direction: vec(c.expansion.direction),
        coefficients: vec(c.expansion.coefficients),
        complete: c.expansion.complete,
        order: c.expansion.order,
        sign: c.expansion.sign,
      };
    case 'reparametrisation':
      return { kind: c.kind, casesChecked: c.casesChecked };
    case 'locally-constant':
      return { kind: c.kind, regionsChecked: c.regionsChecked };
    case 'zero-loss':
      return { kind: c.kind };
    case 'equal-loss-curve':
      return { kind: c.kind, layer: c.curve.layer + 1, unit: c.curve.unit, description: c.curve.description, points: c.curve.points.map(vec) };
  }
}
