// Error types: user errors print one line and exit 1; anything else is a bug and prints its stack.

/** A mistake the user can fix (bad flag, bad config, missing folder): reported as one line, no stack. */
export class UserError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserError';
  }
}

/** Turns anything thrown into a one-line message (for diagnostics about one input file). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
