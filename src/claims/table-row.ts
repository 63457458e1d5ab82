import type { JsonValue } from './codec.ts';

/** One line of an example's table, as reported. */
export interface TableRow {
  readonly quantity: string;
  readonly paper: JsonValue;
  readonly computed: JsonValue;
  readonly match: boolean;
  readonly relation?: string;
  readonly tolerance?: string;
}
