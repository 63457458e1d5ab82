/** A network, pattern, dataset or loss that does not fit together (the message names the part). */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}
