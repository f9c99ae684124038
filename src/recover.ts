// Puts back what a killed run left half-swapped: restores `.<name>-old-<pid>` when the folder is missing,
// and removes the temporary siblings (`.<name>-tmp-<pid>`, `-old-`, `-trash-`, `-store-`) of dead runs.
// A `-tmp-` or `-old-` folder is touched only when it is Roundup's (marked, or empty), whatever its name.
import fs from 'node:fs';
import path from 'node:path';
import { isAlive } from './lock.js';
import { discardDirectory, isRoundupTree, OUTPUT_MARKER } from './write/atomic.js';

/** What recovery did, one line each, for the report. */
export type RecoveryNote = string;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Cleans the siblings the atomic swap (src/write/atomic.ts) leaves when its process is killed. Call it
 * while holding the folder's lock, so no live run of ours is using them. A sibling whose process is
 * still alive (not this one) is left alone.
 */
export function recoverInterrupted(targetDir: string): RecoveryNote[] {
  const target = path.resolve(targetDir);
  const parent = path.dirname(target);
  const name = path.basename(target);
  const siblingRe = new RegExp(`^\\.${escapeRe(name)}-(old|tmp|trash|store)-(\\d+)(?:-\\d+)?$`);
  let entries: string[];
  try {
    entries = fs.readdirSync(parent);
  } catch {
    return [];
  }
  const leftovers = entries
    .map((entry) => ({ entry, m: siblingRe.exec(entry) }))
    .filter((x): x is { entry: string; m: RegExpExecArray } => x.m !== null)
    .map(({ entry, m }) => ({ full: path.join(parent, entry), kind: m[1] as 'old' | 'tmp' | 'trash' | 'store', pid: Number(m[2]) }))
    .filter((x) => x.pid === process.pid || !isAlive(x.pid));
  const notes: RecoveryNote[] = [];
  if (!fs.existsSync(target)) {
    // Killed between "move the old tree away" and "move the new tree in": the old tree is the last good one.
    const olds = leftovers
      .filter((x) => x.kind === 'old' && isRoundupTree(x.full))
      .map((x) => ({ ...x, mtime: fs.statSync(x.full).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime || (a.full < b.full ? -1 : 1));
    const newest = olds[0];
    if (newest) {
      fs.renameSync(newest.full, target);
      notes.push(`restored ${target} from ${path.basename(newest.full)} (left by an interrupted run)`);
    }
  }
  for (const x of leftovers) {
    if (!fs.existsSync(x.full)) continue;
    // A trash folder may still be under a detached `rm -rf` of its run (removing it again is harmless);
    // a store is the render stage's shard outputs of a run without a cache. Both can be large.
    if (x.kind === 'trash' || x.kind === 'store') {
      discardDirectory(x.full);
      continue;
    }
    // Named like ours but not marked: someone's own folder, never removed.
    if (!isRoundupTree(x.full)) {
      notes.push(`left ${x.full} alone: named like a leftover of an interrupted run, but not made by roundup (no ${OUTPUT_MARKER})`);
      continue;
    }
    fs.rmSync(x.full, { recursive: true, force: true });
    notes.push(`removed ${path.basename(x.full)} (left by an interrupted run)`);
  }
  return notes;
}
