import type { JsonValue } from '../../claims/codec.ts';
import { InputError } from '../../claims/errors.ts';
import { count } from '../plural.ts';
import { libraryVersion } from '../../claims/paths.ts';
import { prettyJson } from '../../claims/pretty-json.ts';
import type { Rational } from '../../numbers/rational.ts';
import type { Dataset } from '../../network/dataset.ts';
import { cubicHinge, squaredError, type Loss, type Normalisation } from '../../network/loss.ts';
import type { Network } from '../../network/network.ts';
import { outputDim } from '../../network/network.ts';
import { parameterCount } from '../../network/parameters.ts';
import { classifyPoint } from '../../landscape/classify.ts';
import { classifyJson } from '../classify-json.ts';
import { classifyText, type ClassifyOutput } from '../classify-text.ts';
import { datasetFromInput } from '../input/dataset-input.ts';
import { readJsonInput } from '../input/exact-json.ts';
import { networkFromInput } from '../input/network-input.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import type { ParsedArgs } from '../options.ts';
import { flag, integerOption, parseCommandArgs, secondsOption, stringOption } from '../options.ts';
import { UsageError } from '../usage-error.ts';

const LOSSES: Readonly<Record<string, (n: Normalisation) => Loss>> = { squared: squaredError, 'cubic-hinge': cubicHinge };
/** Losses the library evaluates only in floats: named so that the message says why they are refused. */
const NOT_EXACT = ['logistic', 'cross-entropy', 'softmax-cross-entropy'];
/** Default of classify --time-limit: past it, what is not decided yet is reported undecided instead of searching on. */
export const DEFAULT_CLASSIFY_TIME_LIMIT_SECONDS = 60;
/**
 * parameters² × points beyond this are refused before any work: one exact Hessian (or the
 * derivatives of one neighbouring piece), which no time limit can interrupt, costs about that many
 * second-derivative terms (200 parameters on 1,000 points: over a minute; at this bound a few seconds).
 */
export const MAX_HESSIAN_TERMS = 4_000_000;
export const NORMALISATIONS: readonly Normalisation[] = ['mean', 'half-mean', 'sum', 'half-sum'];

export async function classifyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    'classify',
    argv,
    {
      net: { type: 'string' },
      data: { type: 'string' },
      loss: { type: 'string' },
      normalisation: { type: 'string' },
      seed: { type: 'string' },
      'time-limit': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { min: 0, max: 0 },
  );
  const loss = lossOption(values);
  const seed = integerOption(values, 'seed', 1, 0, 2 ** 31 - 1);
  const timeLimitSeconds = secondsOption(values, 'time-limit') ?? DEFAULT_CLASSIFY_TIME_LIMIT_SECONDS;
  const netFile = requiredFile(values, 'net');
  const dataFile = requiredFile(values, 'data');
  const net = networkFromInput(readJsonInput(io.cwd, netFile, '--net'));
  const data = datasetFromInput(readJsonInput(io.cwd, dataFile, '--data'));
  checkCompatible(net, data, loss, netFile, dataFile);
  requireHessianWithinBound(net, data, netFile, dataFile);
  const result = classifyPoint(net, data, loss, { seed, timeLimitSeconds });
  const json = classifyJson({ net, data, loss, netFile, dataFile, version: libraryVersion() }, result);
  io.out(flag(values, 'json') ? prettyJson(json) : classifyText(json as unknown as ClassifyOutput));
  return EXIT.ok;
}

export function requiredFile(values: ParsedArgs['values'], name: string): string {
  const file = stringOption(values, name);
  if (file === undefined) throw new UsageError(`missing --${name} FILE`);
  if (file.trim() === '') throw new UsageError(`--${name}: expected a file name`);
  return file;
}

export function normalisationOption(values: ParsedArgs['values']): Normalisation {
  const text = stringOption(values, 'normalisation') ?? 'mean';
  if (!(NORMALISATIONS as readonly string[]).includes(text)) {
    throw new UsageError(`--normalisation ${JSON.stringify(text)}: expected one of ${NORMALISATIONS.join(', ')}`);
  }
  return text as Normalisation;
}

function lossOption(values: ParsedArgs['values']): Loss {
  const name = stringOption(values, 'loss') ?? 'squared';
  const make = LOSSES[name];
  if (make !== undefined) return make(normalisationOption(values));
  if (NOT_EXACT.includes(name)) throw new UsageError(`--loss ${name}: needs exp and log, which cannot be decided exactly; classify takes ${Object.keys(LOSSES).join(' or ')}`);
  throw new UsageError(`--loss ${JSON.stringify(name)}: expected one of ${Object.keys(LOSSES).join(', ')}`);
}

function requireHessianWithinBound(net: Network<Rational>, data: Dataset<Rational>, netFile: string, dataFile: string): void {
  const P = parameterCount(net);
  const N = data.inputs.length;
  if (P * P * N <= MAX_HESSIAN_TERMS) return;
  throw new InputError(
    `${netFile} on ${dataFile}: ${P} parameters and ${N} points make ${P * P * N} second-derivative terms (parameters² × points) for one exact Hessian; ` +
      `at most ${MAX_HESSIAN_TERMS} are computed (a fixed limit: use fewer points or a smaller network)`,
  );
}

/** The dataset must fit the network: input dimension, output dimension, the loss's output shape. */
function checkCompatible(net: Network<Rational>, data: Dataset<Rational>, loss: Loss, netFile: string, dataFile: string): void {
  const d = data.inputs[0]!.length;
  if (d !== net.inputDim) {
    throw new InputError(`${dataFile}: field "inputs[0]" has ${count(d, 'entry')}, but the network ${netFile} takes ${count(net.inputDim, 'input')}`);
  }
  const outputs = outputDim(net);
  const dY = data.targets[0]!.length;
  if (dY !== outputs) {
    throw new InputError(`${dataFile}: field "targets[0]" has ${count(dY, 'entry')}, but the network ${netFile} has ${count(outputs, 'output')}`);
  }
  if (loss.point.outputs !== null && outputs !== loss.point.outputs) {
    throw new InputError(`${netFile}: the ${loss.point.name} loss needs a scalar output, the network has ${count(outputs, 'output')}`);
  }
}
