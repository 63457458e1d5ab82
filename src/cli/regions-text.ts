import { Rational } from '../numbers/rational.ts';
import { readableNumber } from '../report/readable-number.ts';

/** The `regions` result for people, rendered from its JSON form. */

export interface RegionsOutput {
  data: { file: string; points: number; inputDim: number };
  hidden: number;
  bias: boolean;
  loss: { name: string; normalisation: string };
  genuineOnly: boolean;
  cells: { index: number; signs: string; weight: string[]; bias: string | null }[];
  regionCount: { ordered: string; unordered: number };
  genuineCount: number;
  leastSubglobalMinimum: string | null;
  leastGenuineMinimum: string | null;
  regions: { cells: number[]; orderings: number; subglobalMinimum: { value: string; unique: boolean }; genuine: boolean }[];
}

/** Without --all, at most this many cells and regions (the regions with the least subglobal minima) are listed. */
export const SUMMARY_ROWS = 10;

/**
 * The result for people: the counts, the cells and the regions with the least subglobal minima
 * (all of them with `all`); long exact values rounded. `--json` always has everything.
 */
export function regionsText(out: RegionsOutput, all = false): string {
  const { data, hidden: K } = out;
  const lines: string[] = [];
  lines.push(`data      ${data.points} point${data.points === 1 ? '' : 's'} in ℚ^${data.inputDim}, scalar targets (${data.file})`);
  const biases = out.bias ? 'hidden biases b_j and output bias c' : 'no biases';
  lines.push(`network   f(x) = Σ_j v_j relu(w_jᵀx${out.bias ? ' + b_j' : ''})${out.bias ? ' + c' : ''}, ${K} hidden unit${K === 1 ? '' : 's'} (${biases}); ${out.loss.name} (${out.loss.normalisation})`);
  lines.push(`cells     ${out.cells.length} cell${out.cells.length === 1 ? '' : 's'} of one unit's arrangement (signs of w·x_i${out.bias ? ' + b' : ''} on the points; exact LPs):`);
  const cells = all ? out.cells : out.cells.slice(0, SUMMARY_ROWS);
  for (const c of cells) {
    const weight = c.weight.map(readableNumber).join(', ');
    lines.push(`  c${String(c.index).padEnd(4)}${c.signs.padEnd(Math.max(8, data.points + 2))}w = [${weight}]${c.bias === null ? '' : `, b = ${readableNumber(c.bias)}`}`);
  }
  if (cells.length < out.cells.length) lines.push(`  … and ${out.cells.length - cells.length} more (--all lists every cell, --json gives everything)`);
  const shown = out.genuineOnly ? `; showing the ${out.regions.length} with a genuine subglobal minimum` : '';
  lines.push(`regions   ${out.regionCount.unordered} up to the order of the units (${out.regionCount.ordered} ordered)${shown}`);
  const regions = all ? out.regions : leastFirst(out.regions).slice(0, SUMMARY_ROWS);
  if (regions.length > 0) {
    const value = (r: RegionsOutput['regions'][number]): string => readableNumber(r.subglobalMinimum.value);
    const cellsWidth = Math.max(7, ...regions.map((r) => cellsText(r.cells).length)) + 2;
    const valueWidth = Math.max(15, ...regions.map((r) => value(r).length)) + 2;
    if (!all && regions.length < out.regions.length) lines.push(`  the ${regions.length} with the least subglobal minima (--all lists all ${out.regions.length}):`);
    lines.push(`  ${'cells'.padEnd(cellsWidth)}${'orderings'.padEnd(11)}${'subglobal min'.padEnd(valueWidth)}${'unique'.padEnd(8)}genuine`);
    for (const r of regions) {
      lines.push(
        `  ${cellsText(r.cells).padEnd(cellsWidth)}${String(r.orderings).padEnd(11)}${value(r).padEnd(valueWidth)}${(r.subglobalMinimum.unique ? 'yes' : 'no').padEnd(8)}${r.genuine ? 'yes' : 'no'}`,
      );
    }
  }
  lines.push(`genuine   ${out.genuineCount} of ${out.regionCount.unordered} regions have a genuine subglobal minimum (exact LP)`);
  const least = (v: string | null, none: string): string => (v === null ? none : readableNumber(v));
  lines.push(`least     subglobal minimum ${least(out.leastSubglobalMinimum, '—')}; least genuine ${least(out.leastGenuineMinimum, '— (none)')}`);
  return `${lines.join('\n')}\n`;
}

const cellsText = (cells: readonly number[]): string => cells.map((c) => `c${c}`).join(' ');

/** Regions by their exact subglobal minimum, least first (a stable sort keeps the enumeration order of ties). */
function leastFirst(regions: RegionsOutput['regions']): RegionsOutput['regions'] {
  const value = (r: RegionsOutput['regions'][number]): Rational => Rational.parse(r.subglobalMinimum.value);
  return [...regions].sort((a, b) => value(a).compare(value(b)));
}
