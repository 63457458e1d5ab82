import { InputError } from '../../claims/errors.ts';
import { libraryVersion } from '../../claims/paths.ts';
import { prettyJson } from '../../claims/pretty-json.ts';
import { datasetFromInput } from '../input/dataset-input.ts';
import { readJsonInput } from '../input/exact-json.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import { flag, integerOption, parseCommandArgs, secondsOption } from '../options.ts';
import { DEFAULT_REGIONS_TIME_LIMIT_SECONDS, MAX_REGIONS_LIMIT, regionsJson } from '../regions-data.ts';
import { regionsText, type RegionsOutput } from '../regions-text.ts';
import { UsageError } from '../usage-error.ts';
import { normalisationOption, requiredFile } from './classify.ts';

/** Genuineness tries up to 3^K output-sign combinations: K ≤ 8 keeps that at most 6561. */
export const MAX_HIDDEN = 8;
export const DEFAULT_MAX_REGIONS = 5000;

export async function regionsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    'regions',
    argv,
    {
      data: { type: 'string' },
      hidden: { type: 'string' },
      bias: { type: 'boolean' },
      'no-bias': { type: 'boolean' },
      genuine: { type: 'boolean' },
      normalisation: { type: 'string' },
      'max-regions': { type: 'string' },
      'time-limit': { type: 'string' },
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { min: 0, max: 0 },
  );
  if (flag(values, 'bias') && flag(values, 'no-bias')) throw new UsageError('--bias and --no-bias exclude each other');
  if (values.hidden === undefined) throw new UsageError('missing --hidden K');
  const hidden = integerOption(values, 'hidden', 1, 1, MAX_HIDDEN);
  const maxRegions = integerOption(values, 'max-regions', DEFAULT_MAX_REGIONS, 1, MAX_REGIONS_LIMIT);
  const timeLimitSeconds = secondsOption(values, 'time-limit') ?? DEFAULT_REGIONS_TIME_LIMIT_SECONDS;
  const normalisation = normalisationOption(values);
  const dataFile = requiredFile(values, 'data');
  const data = datasetFromInput(readJsonInput(io.cwd, dataFile, '--data'));
  if (data.targets[0]!.length !== 1) {
    throw new InputError(`${dataFile}: field "targets[0]" has ${data.targets[0]!.length} entries; regions needs scalar targets (one output)`);
  }
  const json = regionsJson({
    data,
    dataFile,
    hidden,
    bias: !flag(values, 'no-bias'),
    normalisation,
    genuineOnly: flag(values, 'genuine'),
    maxRegions,
    timeLimitSeconds,
    version: libraryVersion(),
  });
  io.out(flag(values, 'json') ? prettyJson(json) : regionsText(json as unknown as RegionsOutput, flag(values, 'all')));
  return EXIT.ok;
}
