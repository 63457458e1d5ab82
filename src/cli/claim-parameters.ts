import { parseArgs } from 'node:util';
import type { IntegerParameter, ParameterValues } from '../claims/claim.ts';
import type { OptionSpec, ParsedArgs } from './options.ts';
import { integerOption } from './options.ts';
import { UsageError } from './usage-error.ts';

/**
 * The positional arguments (and the known options) of a command line whose options are only partly known yet (a claim's
 * parameters are known after the claim is loaded). An unknown option is taken to need a value,
 * as every claim parameter does: `--max-h 10 ID` gives ["ID"], not ["10", "ID"].
 */
export function positionalsBeforeClaimOptions(argv: readonly string[], known: Record<string, OptionSpec>): ParsedArgs {
  const { tokens, values } = parseArgs({ args: [...argv], options: known, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  let previousWantsValue = false;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!previousWantsValue) positionals.push(token.value);
      previousWantsValue = false;
    } else if (token.kind === 'option') {
      previousWantsValue = !(token.name in known) && token.inlineValue !== true;
    } else {
      previousWantsValue = false;
    }
  }
  return { positionals, values: values as ParsedArgs['values'] };
}

/** One string option per declared parameter, for the strict second parse. */
export function parameterOptionSpecs(parameters: Readonly<Record<string, IntegerParameter>>): Record<string, OptionSpec> {
  return Object.fromEntries(Object.keys(parameters).map((name) => [name, { type: 'string' as const }]));
}

/** Every declared parameter: its value from the command line (checked against its range) or its default. */
export function parameterValues(values: ParsedArgs['values'], parameters: Readonly<Record<string, IntegerParameter>>): ParameterValues {
  return Object.fromEntries(
    Object.entries(parameters).map(([name, p]) => [name, integerOption(values, name, p.default, p.min, p.max)]),
  );
}

/** "--max-h N  largest number of hidden units (default 5, from 1 to 12)" lines for help and errors. */
export function describeParameters(parameters: Readonly<Record<string, IntegerParameter>>): string[] {
  const heads = Object.keys(parameters).map((name) => `--${name} N`);
  const width = Math.max(20, ...heads.map((h) => h.length + 2));
  return Object.entries(parameters).map(
    ([name, p]) => `  ${`--${name} N`.padEnd(width)}${p.description} (default ${p.default}, from ${p.min} to ${p.max})`,
  );
}

/** A usage error of a claim's options, naming the options the claim takes. */
export function withParameterHint(error: UsageError, id: string, parameters: Readonly<Record<string, IntegerParameter>>): UsageError {
  if (!error.message.startsWith('unknown option')) return error;
  const names = Object.keys(parameters).map((n) => `--${n}`);
  const hint = names.length === 0 ? `${id} takes no parameters` : `${id} takes ${names.join(', ')}`;
  return new UsageError(`${error.message} (${hint})`, error.command);
}
