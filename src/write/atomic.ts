// Atomic folder replacement: build a whole tree beside its target, then swap it in with renames.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { UserError, withPath } from '../errors.js';

/**
 * The file that marks a tree as Roundup's own: written into every content/ and _site/ it builds. The swap
 * replaces (and so deletes) only a folder that holds it, is empty, or does not exist, so a mistyped
 * `--out` can never take a user's folder with it.
 */
export const OUTPUT_MARKER = '.roundup-output';
/** The marker's text: the same bytes every run, so two builds' trees stay identical. */
const MARKER_TEXT = 'This folder is made by Roundup and replaced whole by each build: keep nothing of your own in it.\n';

/** Marks `dir` (a tree being built) as made by Roundup. */
export function markOutput(dir: string): void {
  const file = path.join(dir, OUTPUT_MARKER);
  try {
    fs.writeFileSync(file, MARKER_TEXT);
  } catch (error) {
    throw withPath(error, file);
  }
}

/** True when `dir` is a folder Roundup may replace or remove: it holds the marker, or nothing at all. */
export function isRoundupTree(dir: string): boolean {
  try {
    return fs.existsSync(path.join(dir, OUTPUT_MARKER)) || fs.readdirSync(dir).length === 0;
  } catch {
    return false;
  }
}

/**
 * Throws a UserError unless `targetDir` is something the swap may replace: missing, an empty folder, or a
 * folder holding the marker. A file, or a non-empty folder without the marker (a user's own files, or a
 * tree from a Roundup too old to mark its trees), is never replaced.
 */
export function assertReplaceable(targetDir: string, flag = 'output folder'): void {
  const target = path.resolve(targetDir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const choose = `remove it or choose another ${flag}`;
  if (!stat.isDirectory()) throw new UserError(`refusing to replace ${target}: it is a file, not a folder made by roundup; ${choose}`);
  if (isRoundupTree(target)) return;
  throw new UserError(`refusing to replace ${target}: not made by roundup (no ${OUTPUT_MARKER}); ${choose}`);
}

/** `<parent>/.<name>-<label>-<pid>`: a sibling, so the final rename never crosses a file system. */
export function siblingPath(targetDir: string, label: string): string {
  const resolved = path.resolve(targetDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}-${label}-${process.pid}`);
}

/**
 * Puts `newDir` where `targetDir` is: renames the old tree away, renames the new one in, then
 * removes the old one. If the second rename fails the old tree is put back, so `targetDir` is
 * either wholly old or wholly new.
 */
export function swapDirectory(newDir: string, targetDir: string): void {
  const target = path.resolve(targetDir);
  // Checked again at the last moment: the folder may have been replaced while the new tree was built.
  assertReplaceable(target);
  const hadOld = fs.existsSync(target);
  const oldDir = siblingPath(target, 'old');
  fs.rmSync(oldDir, { recursive: true, force: true });
  if (hadOld) fs.renameSync(target, oldDir);
  try {
    fs.renameSync(newDir, target);
  } catch (error) {
    if (hadOld) fs.renameSync(oldDir, target);
    throw new Error(`could not move ${newDir} to ${target}`, { cause: error });
  }
  if (hadOld) discardDirectory(oldDir);
}

/**
 * Writes `text` to `file` through a temporary sibling and a rename, so a reader (or the next run after a
 * kill) sees the old file or the new one, never half of it; usable from any thread.
 */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    fs.writeFileSync(tmp, text);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw withPath(error, file);
  }
  fs.renameSync(tmp, file);
}

let trashCount = 0;

/**
 * Removes a folder that is no longer needed without waiting for it: renamed to `.<name>-trash-<pid>-<n>`
 * (so recovery knows it is garbage, never a tree to restore), then deleted by a detached `rm -rf`. Deleting
 * the 60,000 files of a large site takes tens of seconds that the run need not wait for.
 */
export function discardDirectory(dir: string): void {
  const resolved = path.resolve(dir);
  const name = path.basename(resolved).replace(/^\.(.*)-(?:old|tmp|trash)-\d+(?:-\d+)?$/, '$1');
  const trash = path.join(path.dirname(resolved), `.${name}-trash-${process.pid}-${trashCount++}`);
  try {
    fs.renameSync(resolved, trash);
  } catch {
    fs.rmSync(resolved, { recursive: true, force: true });
    return;
  }
  if (process.platform === 'win32') return void fs.rmSync(trash, { recursive: true, force: true });
  try {
    spawn('rm', ['-rf', '--', trash], { detached: true, stdio: 'ignore' }).unref();
  } catch {
    fs.rmSync(trash, { recursive: true, force: true });
  }
}

/** A fresh temporary sibling of `targetDir`, marked as Roundup's, after checking that `targetDir` may be replaced. */
function startTree(targetDir: string): string {
  assertReplaceable(targetDir);
  const tmpDir = siblingPath(targetDir, 'tmp');
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  markOutput(tmpDir);
  return tmpDir;
}

/**
 * Removes the temporary tree of a failed build and returns its error, naming the output folder when the
 * error names no path (a write on a full disk names only its syscall). The target was never touched. A
 * removal that fails as well (the disk is failing) leaves the tree to the next run's recovery.
 */
function abandonTree(tmpDir: string, targetDir: string, error: unknown): unknown {
  try {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  } catch {
    // recoverInterrupted removes it next time
  }
  return withPath(error, path.resolve(targetDir));
}

/**
 * Runs `build` on a temporary sibling of `targetDir` (holding only the marker) and swaps the result into
 * place. When `build` throws, the temporary tree is removed and `targetDir` is left as it was. A
 * `targetDir` that is not Roundup's (see assertReplaceable) is refused before anything is written.
 */
export async function replaceDirectory(targetDir: string, build: (tmpDir: string) => void | Promise<void>): Promise<void> {
  const tmpDir = startTree(targetDir);
  try {
    await build(tmpDir);
    swapDirectory(tmpDir, targetDir);
  } catch (error) {
    throw abandonTree(tmpDir, targetDir, error);
  }
}

/** The synchronous twin of `replaceDirectory`, for stages that must stay synchronous. */
export function replaceDirectorySync(targetDir: string, build: (tmpDir: string) => void): void {
  const tmpDir = startTree(targetDir);
  try {
    build(tmpDir);
    swapDirectory(tmpDir, targetDir);
  } catch (error) {
    throw abandonTree(tmpDir, targetDir, error);
  }
}
