import { ClaimDefinitionError, InputError } from '../claims/errors.ts';
import { libraryVersion } from '../claims/paths.ts';
import { benchCommand } from './commands/bench.ts';
import { checkCommand } from './commands/check.ts';
import { listCommand } from './commands/list.ts';
import { replayCommand } from './commands/replay.ts';
import { reportCommand } from './commands/report.ts';
import { reproduceCommand } from './commands/reproduce.ts';
import { HELP } from './help.ts';
import type { CliIo } from './io.ts';
import { EXIT, processIo } from './io.ts';
import { UsageError } from './usage-error.ts';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  list: listCommand,
  check: checkCommand,
  reproduce: reproduceCommand,
  replay: replayCommand,
  report: reportCommand,
  bench: benchCommand,
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
    io.out(HELP[name]!);
    return EXIT.ok;
  }
  try {
    return await command(rest, io);
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
