import { arch, availableParallelism, cpus, platform } from 'node:os';

/** The machine a benchmark ran on, as recorded beside its numbers. */
export interface MachineDescription {
  readonly cpu: string;
  /** Logical cores (os.cpus()). */
  readonly cores: number;
  /** What Node may use (os.availableParallelism()): the default number of workers. */
  readonly availableParallelism: number;
  readonly node: string;
  readonly platform: string;
}

export function describeMachine(): MachineDescription {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim().replace(/\s+/g, ' ') || 'unknown CPU',
    cores: list.length,
    availableParallelism: availableParallelism(),
    node: process.version,
    platform: `${platform()} ${arch()}`,
  };
}

/** "Intel(R) Xeon(R) …, 2 cores, Node v20.20.2, linux x64". */
export function machineLine(machine: MachineDescription): string {
  const parallel = machine.availableParallelism !== machine.cores ? ` (${machine.availableParallelism} available)` : '';
  return `${machine.cpu}, ${machine.cores} core${machine.cores === 1 ? '' : 's'}${parallel}, Node ${machine.node}, ${machine.platform}`;
}
