// Atomic folder replacement: build a whole tree beside its target, then swap it in with renames.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

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
  fs.writeFileSync(tmp, text);
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

/**
 * Runs `build` on an empty temporary sibling of `targetDir` and swaps the result into place.
 * When `build` throws, the temporary tree is removed and `targetDir` is left as it was.
 */
export async function replaceDirectory(targetDir: string, build: (tmpDir: string) => void | Promise<void>): Promise<void> {
  const tmpDir = siblingPath(targetDir, 'tmp');
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  try {
    await build(tmpDir);
    swapDirectory(tmpDir, targetDir);
  } catch (error) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
}

/** The synchronous twin of `replaceDirectory`, for stages that must stay synchronous. */
export function replaceDirectorySync(targetDir: string, build: (tmpDir: string) => void): void {
  const tmpDir = siblingPath(targetDir, 'tmp');
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  try {
    build(tmpDir);
    swapDirectory(tmpDir, targetDir);
  } catch (error) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
}
