// Lists the input files below a folder: recursive, sorted; hidden files, symlink loops and links out of the folder skipped.
import fs from 'node:fs';
import path from 'node:path';
import { compareText } from '../ids.js';
import type { Diagnostic } from '../model.js';

export const INPUT_EXTENSIONS: Readonly<Record<string, 'text' | 'markdown' | 'html'>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

export interface InputFile {
  /** Absolute path. */
  readonly path: string;
  /** Relative to the root, `/`-separated. */
  readonly file: string;
  readonly format: 'text' | 'markdown' | 'html';
  /** True when the listed entry is a symlink (to a file inside the folder): only such an entry may be opened through a link. */
  readonly viaLink: boolean;
}

/** True when `real` is `root` or lies below it (both real paths). */
export function isWithin(real: string, root: string): boolean {
  const rel = path.relative(root, real);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** Byte order of names, independent of locale, so every machine lists the same order. */
const byName = compareText;

/**
 * Every input file below `root`. A symlink (to a file or a folder) is followed only when its real path lies
 * inside the root's: a link out of the folder could publish any file the user can read (a licence, a
 * linked folder's secret.txt), so it is reported on one line and not read.
 */
export function listInputs(root: string): { files: InputFile[]; diagnostics: Diagnostic[] } {
  const files: InputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  let rootReal: string;
  try {
    rootReal = fs.realpathSync(root);
  } catch (error) {
    return { files, diagnostics: [{ file: '.', severity: 'error', message: `cannot resolve folder: ${(error as Error).message}` }] };
  }
  const visit = (dir: string, rel: string): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (error) {
      diagnostics.push({ file: rel || '.', severity: 'error', message: `cannot resolve folder: ${(error as Error).message}` });
      return;
    }
    if (!isWithin(real, rootReal)) {
      // Listed as a folder, replaced by a link out since: the same rule as a link found in the listing.
      diagnostics.push({ file: rel || '.', severity: 'error', message: 'symlink to outside the seeds folder, skipped' });
      return;
    }
    if (seen.has(real)) {
      diagnostics.push({ file: rel || '.', severity: 'warning', message: 'skipped: folder already visited (symlink loop)' });
      return;
    }
    seen.add(real);
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort(byName);
    } catch (error) {
      diagnostics.push({ file: rel || '.', severity: 'error', message: `cannot read folder: ${(error as Error).message}` });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      const relName = rel ? `${rel}/${name}` : name;
      let stat: fs.Stats;
      let viaLink = false;
      try {
        viaLink = fs.lstatSync(full).isSymbolicLink();
        if (viaLink && !isWithin(fs.realpathSync(full), rootReal)) {
          diagnostics.push({ file: relName, severity: 'error', message: 'symlink to outside the seeds folder, skipped' });
          continue;
        }
        stat = fs.statSync(full);
      } catch (error) {
        diagnostics.push({ file: relName, severity: 'error', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
        continue;
      }
      if (stat.isDirectory()) visit(full, relName);
      else if (stat.isFile()) {
        const format = INPUT_EXTENSIONS[path.extname(name).toLowerCase()];
        if (format) files.push({ path: full, file: relName, format, viaLink });
        else diagnostics.push({ file: relName, severity: 'warning', message: `skipped: not a supported input type (${Object.keys(INPUT_EXTENSIONS).join(', ')})` });
      } else if (INPUT_EXTENSIONS[path.extname(name).toLowerCase()]) {
        // A pipe, socket or device named like an article: reading it could block forever.
        diagnostics.push({ file: relName, severity: 'error', message: 'skipped: not a regular file (pipe, socket or device)' });
      }
    }
  };
  visit(root, '');
  return { files, diagnostics };
}
