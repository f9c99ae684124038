// The corpus statistics (how many files carry each line), and the part of them one article's cleaning depends on.
import { isRepeatedInCorpus, isRepeatedPage } from '../clean/rules/corpus-repeated.js';
import { fileLines, type FileLines } from '../clean/corpus.js';
import type { CorpusStats } from '../clean/state.js';

/**
 * The article's own lines that the corpus marks as repeated, and its page when printed whole in several
 * files: all the corpus-repeated rule can see of the rest of the run. Small enough to send to a worker,
 * and its keys are what the article's cache entry depends on, so adding an unrelated article (which
 * changes the file count but not these decisions) leaves the entry valid.
 */
export function sliceOf(file: FileLines, corpus: CorpusStats): CorpusStats {
  const lineFiles = new Map<string, number>();
  for (const key of file.keys) {
    const n = corpus.lineFiles.get(key) ?? 0;
    if (isRepeatedInCorpus(n, corpus.files)) lineFiles.set(key, n);
  }
  const pageFiles = new Map<string, number>();
  const copies = corpus.pageFiles.get(file.page) ?? 0;
  if (isRepeatedPage(copies, corpus.files)) pageFiles.set(file.page, copies);
  return { files: corpus.files, lineFiles, pageFiles };
}

export function corpusSlice(text: string, corpus: CorpusStats): CorpusStats {
  return sliceOf(fileLines(text), corpus);
}
