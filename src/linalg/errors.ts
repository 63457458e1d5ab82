/** A square matrix that has no inverse where one was required (the message gives its rank). */
export class SingularMatrixError extends Error {
  readonly rank: number;
  readonly size: number;

  constructor(operation: string, rank: number, size: number) {
    super(`${operation}: matrix is singular (rank ${rank} of ${size})`);
    this.name = 'SingularMatrixError';
    this.rank = rank;
    this.size = size;
  }
}

/** Throws a RangeError unless the matrix is square. */
export function requireSquare(operation: string, rows: number, cols: number): void {
  if (rows !== cols) throw new RangeError(`${operation}: expected a square matrix, got ${rows}×${cols}`);
}
