// Lists the input files below a folder: recursive, sorted, symlink loops and hidden files skipped.
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
}

/** Byte order of names, independent of locale, so every machine lists the same order. */
const byName = compareText;

export function listInputs(root: string): { files: InputFile[]; diagnostics: Diagnostic[] } {
  const files: InputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const visit = (dir: string, rel: string): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (error) {
      diagnostics.push({ file: rel || '.', severity: 'error', message: `cannot resolve folder: ${(error as Error).message}` });
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
      try {
        stat = fs.statSync(full);
      } catch (error) {
        diagnostics.push({ file: relName, severity: 'error', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
        continue;
      }
      if (stat.isDirectory()) visit(full, relName);
      else if (stat.isFile()) {
        const format = INPUT_EXTENSIONS[path.extname(name).toLowerCase()];
        if (format) files.push({ path: full, file: relName, format });
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
