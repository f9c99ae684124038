// Reads one input file: never waits on a pipe, never reads anything but a regular file (checked on the open handle).
import fs from 'node:fs';
import { describeError } from '../errors.js';

/**
 * Open flags for an input. O_NONBLOCK: a file swapped for a FIFO after it was listed opens at once instead of
 * waiting forever for a writer (on a regular file the flag changes nothing). O_NOFOLLOW, for an entry that was
 * listed as a plain file: one swapped for a symlink since does not lead out of the seeds folder.
 */
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

export type FileBytes = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly problem: string };

/** The bytes of `file` when the handle opened on it is a regular file; otherwise the problem, in words. */
export function readRegularFile(file: string, options: { readonly followLink: boolean }): FileBytes {
  let fd: number;
  try {
    fd = fs.openSync(file, READ_FLAGS | (options.followLink ? 0 : NO_FOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' && !options.followLink) return { ok: false, problem: 'skipped: replaced by a symlink after it was listed' };
    return { ok: false, problem: `cannot read: ${code ?? describeError(error)}` };
  }
  try {
    // The check is on what was opened, not on the name: the name may point elsewhere by now.
    if (!fs.fstatSync(fd).isFile()) return { ok: false, problem: 'skipped: not a regular file (pipe, socket or device)' };
    return { ok: true, bytes: fs.readFileSync(fd) };
  } catch (error) {
    return { ok: false, problem: `cannot read: ${(error as NodeJS.ErrnoException).code ?? describeError(error)}` };
  } finally {
    fs.closeSync(fd);
  }
}
