import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/run-cli.ts';

const SRC = join(REPO, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of a file (type-only ones too: they are a dependency of the reader). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) => resolve(dirname(file), m[1]!));
}

/** Every import cycle found by a depth-first search, each as a list of files relative to src/. */
export function importCycles(files: readonly string[]): string[][] {
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((d) => known.has(d))]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (state.get(dep) === 'open') cycles.push([...stack.slice(stack.indexOf(dep)), dep].map((p) => relative(SRC, p)));
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

describe('the import graph of src/', () => {
  it('has no cycle', () => {
    expect(importCycles(tsFiles(SRC))).toEqual([]);
  });

  it('is searched for cycles by a search that finds them', () => {
    // Two files importing each other, written beside nothing: the search must report them.
    const dir = join(REPO, 'test', 'architecture', 'fixtures');
    expect(importCycles(tsFiles(dir))).toEqual([[relative(SRC, join(dir, 'a.ts')), relative(SRC, join(dir, 'b.ts')), relative(SRC, join(dir, 'a.ts'))]]);
  });
});
