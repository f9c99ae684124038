// The part of the corpus statistics one article's cleaning depends on.
import { normalizeLine } from '../clean/index.js';
import { isRepeatedInCorpus, isRepeatedPage } from '../clean/rules/corpus-repeated.js';
import { lineKey, pageKey, type CorpusStats } from '../clean/state.js';

/**
 * The article's own lines that the corpus marks as repeated, and its page when printed whole in several
 * files: all the corpus-repeated rule can see of the rest of the run. Small enough to send to a worker,
 * and its keys are what the article's cache entry depends on, so adding an unrelated article (which
 * changes the file count but not these decisions) leaves the entry valid.
 */
export function corpusSlice(text: string, corpus: CorpusStats): CorpusStats {
  const lines = text.split('\n').map(normalizeLine);
  const lineFiles = new Map<string, number>();
  for (const line of lines) {
    const key = lineKey(line);
    const n = key ? (corpus.lineFiles.get(key) ?? 0) : 0;
    if (key && isRepeatedInCorpus(n, corpus.files)) lineFiles.set(key, n);
  }
  const pageFiles = new Map<string, number>();
  const page = pageKey(lines);
  const copies = corpus.pageFiles.get(page) ?? 0;
  if (isRepeatedPage(copies, corpus.files)) pageFiles.set(page, copies);
  return { files: corpus.files, lineFiles, pageFiles };
}
