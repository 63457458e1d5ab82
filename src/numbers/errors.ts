/** A value that cannot be a number of the requested kind (NaN, ±Infinity, x/0, unparsable text). */
export class NumberError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NumberError';
  }
}
