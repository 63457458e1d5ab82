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

export function regionsText(out: RegionsOutput): string {
  const { data, hidden: K } = out;
  const lines: string[] = [];
  lines.push(`data      ${data.points} point${data.points === 1 ? '' : 's'} in ℚ^${data.inputDim}, scalar targets (${data.file})`);
  const biases = out.bias ? 'hidden biases b_j and output bias c' : 'no biases';
  lines.push(`network   f(x) = Σ_j v_j relu(w_jᵀx${out.bias ? ' + b_j' : ''})${out.bias ? ' + c' : ''}, ${K} hidden unit${K === 1 ? '' : 's'} (${biases}); ${out.loss.name} (${out.loss.normalisation})`);
  lines.push(`cells     ${out.cells.length} cell${out.cells.length === 1 ? '' : 's'} of one unit's arrangement (signs of w·x_i${out.bias ? ' + b' : ''} on the points; exact LPs):`);
  for (const c of out.cells) {
    lines.push(`  c${String(c.index).padEnd(4)}${c.signs.padEnd(Math.max(8, data.points + 2))}w = [${c.weight.join(', ')}]${c.bias === null ? '' : `, b = ${c.bias}`}`);
  }
  const shown = out.genuineOnly ? `; showing the ${out.regions.length} with a genuine subglobal minimum` : '';
  lines.push(`regions   ${out.regionCount.unordered} up to the order of the units (${out.regionCount.ordered} ordered)${shown}`);
  if (out.regions.length > 0) {
    const cellsWidth = Math.max(7, ...out.regions.map((r) => cellsText(r.cells).length)) + 2;
    const valueWidth = Math.max(15, ...out.regions.map((r) => r.subglobalMinimum.value.length)) + 2;
    lines.push(`  ${'cells'.padEnd(cellsWidth)}${'orderings'.padEnd(11)}${'subglobal min'.padEnd(valueWidth)}${'unique'.padEnd(8)}genuine`);
    for (const r of out.regions) {
      lines.push(
        `  ${cellsText(r.cells).padEnd(cellsWidth)}${String(r.orderings).padEnd(11)}${r.subglobalMinimum.value.padEnd(valueWidth)}${(r.subglobalMinimum.unique ? 'yes' : 'no').padEnd(8)}${r.genuine ? 'yes' : 'no'}`,
      );
    }
  }
  lines.push(`genuine   ${out.genuineCount} of ${out.regionCount.unordered} regions have a genuine subglobal minimum (exact LP)`);
  lines.push(`least     subglobal minimum ${out.leastSubglobalMinimum ?? '—'}; least genuine ${out.leastGenuineMinimum ?? '— (none)'}`);
  return `${lines.join('\n')}\n`;
}

const cellsText = (cells: readonly number[]): string => cells.map((c) => `c${c}`).join(' ');
