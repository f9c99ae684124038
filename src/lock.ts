// An exclusive lock file per output folder, so two runs on the same content/ or _site/ never interleave.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from './errors.js';

/** Age after which a lock file that cannot be parsed (its writer was killed mid-write) counts as stale. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

export interface Lock {
  readonly path: string;
  readonly release: () => void;
}

/** `<parent>/.<name>.lock`: beside the folder, like the atomic swap's temporary siblings. */
export function lockPath(targetDir: string): string {
  const resolved = path.resolve(targetDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`);
}

/** True when a process with this id exists (EPERM: it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string' || typeof data.started !== 'string') return null;
    return { pid: data.pid, host: data.host, started: data.started };
  } catch {
    return null;
  }
}

/** A lock is stale when its process is gone (on this host), or when it was never fully written. */
function isStale(file: string, info: LockInfo | null): boolean {
  if (info) return info.host === os.hostname() && !isAlive(info.pid);
  try {
    return Date.now() - fs.statSync(file).mtimeMs > UNREADABLE_LOCK_STALE_MS;
  } catch {
    return true;
  }
}

/**
 * Takes the lock of `targetDir` or throws a UserError naming the run that holds it. A stale lock (its
 * process is dead) is moved aside and taken over; if another run took it over first, that run wins.
 */
export function acquireLock(targetDir: string): Lock {
  const file = lockPath(targetDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      try {
        fs.writeSync(fd, JSON.stringify(mine) + '\n');
      } finally {
        fs.closeSync(fd);
      }
      let released = false;
      return {
        path: file,
        release: () => {
          if (released) return;
          released = true;
          // Only our own lock: never remove one a later run took over.
          if (readLock(file)?.pid === mine.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot create lock file ${file}`, { cause: error });
    }
    const held = readLock(file);
    if (!isStale(file, held)) {
      const who = held ? `pid ${held.pid} on ${held.host}, started ${held.started}` : 'a run that is starting';
      throw new UserError(`${path.resolve(targetDir)} is locked by another roundup run (${who}); wait for it to finish, or delete ${file} if no such run exists`);
    }
    // Move the stale lock aside (atomic), then check that what we moved was indeed the stale one.
    const aside = `${file}.stale-${process.pid}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      continue; // someone else moved or released it: try again
    }
    const moved = readLock(aside);
    if (moved && held && moved.pid !== held.pid && !isStale(aside, moved)) {
      // A live run took the lock between our read and our rename: give it back and yield.
      try {
        fs.linkSync(aside, file);
      } catch {
        // It already has a new lock again; nothing to restore.
      }
      fs.rmSync(aside, { force: true });
      throw new UserError(`${path.resolve(targetDir)} is locked by another roundup run (pid ${moved.pid}); wait for it to finish`);
    }
    fs.rmSync(aside, { force: true });
  }
  throw new UserError(`could not take the lock ${file} (it kept changing); is another roundup run starting?`);
}

/**
 * Removes the lock of `targetDir` if this process holds it: for the main thread, after it stopped the thread
 * that took the lock (that thread's own release never ran).
 */
export function releaseOwnLock(targetDir: string): void {
  const file = lockPath(targetDir);
  if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}

/**
 * Takes the locks of several folders (in path order, released in reverse) and releases them when the
 * process exits, including on Ctrl-C. A SIGKILL leaves them behind; the next run finds them stale.
 */
export function acquireLocks(dirs: readonly string[]): () => void {
  const unique = [...new Set(dirs.map((d) => path.resolve(d)))].sort();
  const held: Lock[] = [];
  const releaseAll = (): void => {
    for (const lock of held.splice(0).reverse()) lock.release();
  };
  try {
    for (const dir of unique) held.push(acquireLock(dir));
  } catch (error) {
    releaseAll();
    throw error;
  }
  process.once('exit', releaseAll);
  return releaseAll;
}
