// Error types: user errors and I/O failures print one line and exit 1; anything else is a bug and prints its stack.

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

/**
 * Error codes that describe the machine, not a bug: a full disk or quota, a read-only or unwritable folder,
 * a failing device, too many open files, a busy file. Reported as one line naming the path, exit 1.
 */
const IO_ERROR_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'EMFILE', 'ENFILE', 'EBUSY', 'ETXTBSY', 'EFBIG', 'ENXIO']);
/** Node's form of such an error in text ("ENOSPC: no space left on device, write '/x'"), as a shard process reports it. */
const IO_ERROR_TEXT_RE = new RegExp(`\\b(${[...IO_ERROR_CODES].join('|')}): ([^,\\n]+)(?:, \\w+(?: '([^'\\n]+)')?)?`);

export interface IoProblem {
  readonly code: string;
  /** "no space left on device" */
  readonly reason: string;
  readonly path: string | null;
}

/** The I/O failure behind `error` (itself or a cause), or null when it is something else. */
export function ioProblemOf(error: unknown): IoProblem | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && IO_ERROR_CODES.has(code)) {
      const reason = new RegExp(`^${code}: ([^,]+)`).exec(e.message)?.[1] ?? e.message;
      const where = (e as NodeJS.ErrnoException & { dest?: string }).dest ?? (e as NodeJS.ErrnoException).path ?? null;
      return { code, reason, path: where ?? null };
    }
    const text = IO_ERROR_TEXT_RE.exec(e.message);
    if (text) return { code: text[1]!, reason: text[2]!.trim(), path: text[3] ?? null };
  }
  return null;
}

/**
 * `error` with `file` as its path when it is an I/O error that names none (a failed write on a full disk
 * names only its syscall), so the report can say where.
 */
export function withPath<T>(error: T, file: string): T {
  if (error instanceof Error && (error as NodeJS.ErrnoException).code && !(error as NodeJS.ErrnoException).path) (error as NodeJS.ErrnoException).path = file;
  return error;
}
