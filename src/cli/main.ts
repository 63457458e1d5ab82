import { ClaimDefinitionError, InputError } from '../claims/errors.ts';
import { libraryVersion } from '../claims/paths.ts';
import { HELP } from './help.ts';
import type { CliIo } from './io.ts';
import { EXIT, processIo } from './io.ts';
import { UsageError } from './usage-error.ts';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/** Each command's module is imported only when it runs: a short command does not pay for the others. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  list: async () => (await import('./commands/list.ts')).listCommand,
  check: async () => (await import('./commands/check.ts')).checkCommand,
  reproduce: async () => (await import('./commands/reproduce.ts')).reproduceCommand,
  replay: async () => (await import('./commands/replay.ts')).replayCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  bench: async () => (await import('./commands/bench.ts')).benchCommand,
  classify: async () => (await import('./commands/classify.ts')).classifyCommand,
  regions: async () => (await import('./commands/regions.ts')).regionsCommand,
  soak: async () => (await import('./commands/soak.ts')).soakCommand,
};

/** Runs the landscape-check command line; returns the exit code (0 checked, 1 changed, 2 bad usage or input). */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(HELP.main!);
    return EXIT.badInput;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP.main!);
    return EXIT.ok;
  }
  if (name === '--version') {
    io.out(`${libraryVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(`landscape-check: unknown command ${JSON.stringify(name)} (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    // reproduce ID --help also lists the parameters of that claim.
    io.out(name === 'reproduce' ? await (await import('./commands/reproduce.ts')).reproduceHelp(rest, io) : HELP[name]!);
    return EXIT.ok;
  }
  try {
    return await (await command())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`landscape-check ${name}: ${error.message}\nRun 'landscape-check ${name} --help' for usage.\n`);
      return EXIT.badInput;
    }
    if (error instanceof InputError || error instanceof ClaimDefinitionError) {
      io.err(`landscape-check ${name}: ${error.message}\n`);
      return EXIT.badInput;
    }
    // A bug of the tool itself: not to be mistaken for a gate failure (1) or bad input (2).
    io.err(`landscape-check ${name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internal;
  }
}
