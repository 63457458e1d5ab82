import { parseArgs } from 'node:util';
import type { IsolationLimits } from '../claims/claim-sandbox.ts';
import { DEFAULT_LOAD_TIME_LIMIT_SECONDS, DEFAULT_MEMORY_LIMIT_MB, MAX_MEMORY_LIMIT_MB, MIN_MEMORY_LIMIT_MB } from '../claims/claim-sandbox.ts';
import { UsageError } from './usage-error.ts';

export type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

/** node:util parseArgs in strict mode, with its errors turned into UsageErrors naming the command. */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  options: Record<string, OptionSpec>,
  positionals: { min: number; max: number; name?: string },
): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: positionals.max > 0 }) as ParsedArgs;
  } catch (error) {
    throw new UsageError(cleanParseError(error), command);
  }
  if (parsed.positionals.length < positionals.min) throw new UsageError(`missing ${positionals.name ?? 'argument'}`, command);
  if (parsed.positionals.length > positionals.max) {
    throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[positionals.max])}`, command);
  }
  return parsed;
}

function cleanParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '([^' ]+)[^']*' argument missing/.exec(message);
  if (missing) return `option ${missing[1]} needs a value`;
  const ambiguous = /Option '([^']+)' argument is ambiguous/.exec(message);
  if (ambiguous) return `option ${ambiguous[1]}: write a value starting with '-' as ${ambiguous[1]}=VALUE`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `unexpected argument ${JSON.stringify(positional[1])}`;
  return message.split('\n')[0]!;
}

export function stringOption(values: ParsedArgs['values'], name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function listOption(values: ParsedArgs['values'], name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function flag(values: ParsedArgs['values'], name: string): boolean {
  return values[name] === true;
}

/** A whole number in [min, max], or the default when the flag is absent. */
export function integerOption(values: ParsedArgs['values'], name: string, fallback: number, min: number, max: number): number {
  const text = stringOption(values, name);
  if (text === undefined) return fallback;
  const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} ${JSON.stringify(text)}: expected a whole number from ${min} to ${max}`);
  }
  return value;
}

/** A positive number of seconds, or undefined when absent. */
export function secondsOption(values: ParsedArgs['values'], name: string): number | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!(value > 0) || !Number.isFinite(value)) throw new UsageError(`--${name} ${JSON.stringify(text)}: expected a positive number of seconds`);
  return value;
}

/** The flags shared by list, check, reproduce and report that say which claims exist. */
export const SOURCE_OPTIONS: Record<string, OptionSpec> = {
  claims: { type: 'string', multiple: true },
  catalogue: { type: 'string' },
  // Limits of the worker that first loads user claim modules (every command that loads them takes these).
  'load-time-limit': { type: 'string' },
  'memory-limit': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** The flags of check and report that select claims and set the budget. */
export const RUN_OPTIONS: Record<string, OptionSpec> = {
  ...SOURCE_OPTIONS,
  claim: { type: 'string', multiple: true },
  paper: { type: 'string' },
  shard: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  'time-limit': { type: 'string' },
  store: { type: 'string' },
  'no-store': { type: 'boolean' },
  quiet: { type: 'boolean' },
  workers: { type: 'string' },
};

/** --load-time-limit and --memory-limit: the limits user claim modules (--claims) load and run under. */
export function isolationLimitsOf(values: ParsedArgs['values']): IsolationLimits {
  return {
    loadSeconds: secondsOption(values, 'load-time-limit') ?? DEFAULT_LOAD_TIME_LIMIT_SECONDS,
    memoryMb: integerOption(values, 'memory-limit', DEFAULT_MEMORY_LIMIT_MB, MIN_MEMORY_LIMIT_MB, MAX_MEMORY_LIMIT_MB),
  };
}
