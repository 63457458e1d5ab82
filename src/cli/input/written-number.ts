/**
 * A JSON number exactly as written in the file. JSON.parse would round 0.1 to the double nearest
 * 1/10; keeping the text lets every number be read as the decimal the user wrote.
 */
export class WrittenNumber {
  constructor(readonly text: string) {}
}
