/** "1 output", "3 outputs", "1 entry", "2 entries": counts in messages read as English. */
export function count(n: number, singular: string, plural = singular.endsWith('y') ? `${singular.slice(0, -1)}ies` : `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
