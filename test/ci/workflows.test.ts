import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HELP } from '../../src/cli/help.ts';
import { REPO } from '../cli/run-cli.ts';

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly 'runs-on': string;
  readonly needs?: string | string[];
  readonly strategy?: { readonly matrix: Record<string, unknown[]> };
  readonly steps: readonly Step[];
}
interface Workflow {
  readonly name: string;
  readonly on: Record<string, unknown>;
  readonly env?: Record<string, string | number>;
  readonly jobs: Record<string, Job>;
}

function workflow(name: string): Workflow {
  return parse(readFileSync(join(REPO, '.github', 'workflows', name), 'utf8'), { uniqueKeys: true }) as Workflow;
}

/** Every `npx landscape-check COMMAND …` of a workflow's run steps, split into words. */
function invocations(w: Workflow): string[][] {
  const lines = Object.values(w.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ?? '').split('\n')));
  return lines.filter((l) => l.includes('npx landscape-check')).map((l) => l.slice(l.indexOf('npx landscape-check')).split(/\s+/).slice(2));
}

/** Each option a workflow passes must be one the command's help documents. */
function expectDocumentedOptions(w: Workflow): void {
  for (const [command, ...args] of invocations(w)) {
    const help = HELP[command!];
    expect(help, `landscape-check ${command}`).toBeDefined();
    for (const option of args.filter((a) => a.startsWith('--'))) expect(help, `${command} ${option}`).toContain(option);
  }
}

describe('workflows shipped for users', () => {
  it('test.yml runs the README test command after npm ci on every push', () => {
    const w = workflow('test.yml');
    expect(Object.keys(w.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    const runs = w.jobs.test!.steps.map((s) => s.run).filter((r) => r !== undefined);
    expect(runs.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(runs.indexOf('npm test')).toBeGreaterThan(runs.indexOf('npm ci'));
    expect(w.jobs.test!.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(20);
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme.split('\n').slice(0, 8).join('\n')).toMatch(/^npm test\b/m);
  });

  it('soak.yml fans the soak out over one matrix job per shard and joins them with report --merge', () => {
    const w = workflow('soak.yml');
    expect(Object.keys(w.on)).toEqual(expect.arrayContaining(['schedule', 'workflow_dispatch']));
    const shards = w.jobs.shard!.strategy!.matrix.shard!;
    expect(shards).toEqual(Array.from({ length: Number(w.env!.SHARDS) }, (_, i) => i + 1));
    const [soak, merge, compare] = invocations(w);
    expect(soak!.slice(0, 1)).toEqual(['soak']);
    expect(soak).toContain('--shard');
    expect(merge!.slice(0, 2)).toEqual(['report', '--merge']);
    expect(compare!.slice(0, 2)).toEqual(['soak', '--compare']);
    expect(w.jobs.join!.needs).toBe('shard');
    expectDocumentedOptions(w);
  });

  it('parses strictly: a duplicated key in a workflow is an error', () => {
    expect(() => parse('a: 1\na: 2\n', { uniqueKeys: true })).toThrow(/Map keys must be unique/);
  });
});
