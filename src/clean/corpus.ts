// The corpus statistics: how many files of the run carry each line, and each whole page.
import { lineKeys, pageKeyOfKeys, type CorpusStats } from './state.js';

/** What the statistics read of one file: its page key and its lines' distinct keys, in order of first sight. */
export interface FileLines {
  readonly page: string;
  readonly keys: readonly string[];
}

export function fileLines(text: string): FileLines {
  const all = lineKeys(text);
  return { page: pageKeyOfKeys(all), keys: [...new Set(all.filter(Boolean))] };
}

/** How many files carry each line (each file counted once per line) and each whole page. */
export function countLines(files: Iterable<FileLines>): CorpusStats {
  const lineFiles = new Map<string, number>();
  const pageFiles = new Map<string, number>();
  let count = 0;
  for (const file of files) {
    count++;
    for (const key of file.keys) lineFiles.set(key, (lineFiles.get(key) ?? 0) + 1);
    pageFiles.set(file.page, (pageFiles.get(file.page) ?? 0) + 1);
  }
  return { files: count, lineFiles, pageFiles };
}
