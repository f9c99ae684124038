// Where a run may write: refuses output folders that overlap the seeds, each other, the project, the current folder, a home folder or /.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from './errors.js';
import { assertReplaceable } from './write/atomic.js';

/** One output folder of a command, with the flag that names it (for the message). */
export interface OutputFolder {
  readonly flag: string;
  readonly dir: string;
}

/** Files that mark a project's root folder (a checkout, a package). */
const PROJECT_MARKERS = ['package.json', '.git'];
/** Roundup's own folder (templates/, package.json): the one above this module's (src/ or dist/). */
const TOOL_ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * `dir` as a real path even when it does not exist yet: the nearest existing ancestor resolved through its
 * symlinks, then the rest of the path. Two spellings of one folder (a link, `..`) compare equal.
 */
export function realPathOf(dir: string): string {
  let existing = path.resolve(dir);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.join(existing, ...rest);
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

/** True when `inner` is `outer` or lies below it (both real paths). */
function within(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The nearest folder at or above `cwd` holding package.json or .git, or null. */
function projectRoot(cwd: string): string | null {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (PROJECT_MARKERS.some((m) => fs.existsSync(path.join(dir, m)))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Home folders: the user's, every folder in /home, and /root. */
function homeFolders(): string[] {
  let homes: string[] = [];
  try {
    homes = fs.readdirSync('/home').map((name) => path.join('/home', name));
  } catch {
    // no /home (another system): the user's own home and /root still count
  }
  return [os.homedir(), '/root', ...homes];
}

/** A folder an output may not be, nor hold; `inside` also forbids lying below it. */
interface Protected {
  readonly name: string;
  readonly real: string;
  readonly inside: boolean;
}

function protectedFolders(seeds: string, cwd: string): Protected[] {
  const list: Protected[] = [{ name: `the seeds folder (${seeds})`, real: realPathOf(seeds), inside: true }];
  const root = projectRoot(realPathOf(cwd));
  if (root) list.push({ name: `the project folder (${root}, which holds ${PROJECT_MARKERS.filter((m) => fs.existsSync(path.join(root, m))).join(' and ')})`, real: realPathOf(root), inside: false });
  list.push({ name: `Roundup's own folder (${TOOL_ROOT})`, real: realPathOf(TOOL_ROOT), inside: false });
  list.push({ name: `the current folder (${cwd})`, real: realPathOf(cwd), inside: false });
  for (const home of homeFolders()) list.push({ name: `the home folder ${home}`, real: realPathOf(home), inside: false });
  return list;
}

/** Why `real` (an output's real path) may not be written, or null. */
function conflict(real: string, folder: Protected): string | null {
  if (real === folder.real) return `it is ${folder.name}`;
  if (within(folder.real, real)) return `it holds ${folder.name}`;
  if (folder.inside && within(real, folder.real)) return `it lies inside ${folder.name}`;
  return null;
}

/**
 * Throws a UserError (one line) unless every output may be replaced whole: none is `/`, or equals, holds or
 * lies inside the seeds folder or another output, or equals or holds the project folder (package.json or
 * .git, from the current folder up), Roundup's own folder, the current folder or a home folder; and each
 * is missing, empty or a tree Roundup made (see assertReplaceable). Real paths are compared, so a symlink
 * or `..` does not get round it. Checked before any lock or temporary folder is made: a refused run
 * touches nothing.
 */
export function checkOutputFolders(outputs: readonly OutputFolder[], seeds: string, cwd = process.cwd()): void {
  const folders = protectedFolders(seeds, cwd);
  const reals = outputs.map((o) => realPathOf(o.dir));
  const refuse = (output: OutputFolder, why: string): never => {
    throw new UserError(`refusing --${output.flag} ${output.dir}: ${why}; the output is replaced whole by each run, so give it a folder of its own`);
  };
  // What each output would take with it first, then how the outputs overlap one another.
  outputs.forEach((output, i) => {
    const real = reals[i]!;
    if (path.dirname(real) === real) refuse(output, 'it is the root of the file system');
    // The plainest reason first: `--out .` in a checkout "is the project folder" before it "holds the seeds".
    const reasons = folders.map((folder) => conflict(real, folder)).filter((why): why is string => why !== null);
    const why = reasons.find((r) => r.startsWith('it is ')) ?? reasons[0];
    if (why) refuse(output, why);
  });
  outputs.forEach((output, i) => {
    outputs.forEach((other, k) => {
      const why = k === i ? null : conflict(reals[i]!, { name: `--${other.flag} ${other.dir}`, real: reals[k]!, inside: true });
      if (why) refuse(output, why);
    });
  });
  for (const output of outputs) assertReplaceable(output.dir, `--${output.flag}`);
}
