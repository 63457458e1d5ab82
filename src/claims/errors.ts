/**
 * Bad input from outside the program (a file, a flag value, a claim module): the CLI turns it into
 * exit code 2 with this message, which names the file and the field.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** A claim written against the authoring API with a mistake the author must fix (bad id, no checks, …). */
export class ClaimDefinitionError extends Error {
  override readonly name = 'ClaimDefinitionError';
}

/** An instance that cannot be written or read as exact plain data; `path` names the value (`instance[0].A`). */
export class CodecError extends Error {
  override readonly name = 'CodecError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** The message of anything thrown, for reports. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
