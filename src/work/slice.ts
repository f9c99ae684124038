// The part of the corpus statistics one article's cleaning depends on.
import { isRepeatedInCorpus, isRepeatedPage } from '../clean/rules/corpus-repeated.js';
import { lineKeys, pageKeyOfKeys, type CorpusStats } from '../clean/state.js';

/**
 * The article's own lines that the corpus marks as repeated, and its page when printed whole in several
 * files: all the corpus-repeated rule can see of the rest of the run. Small enough to send to a worker,
 * and its keys are what the article's cache entry depends on, so adding an unrelated article (which
 * changes the file count but not these decisions) leaves the entry valid.
 */
export function corpusSlice(text: string, corpus: CorpusStats): CorpusStats {
  const keys = lineKeys(text);
  const lineFiles = new Map<string, number>();
  for (const key of keys) {
    const n = key ? (corpus.lineFiles.get(key) ?? 0) : 0;
    if (key && isRepeatedInCorpus(n, corpus.files)) lineFiles.set(key, n);
  }
  const pageFiles = new Map<string, number>();
  const page = pageKeyOfKeys(keys);
  const copies = corpus.pageFiles.get(page) ?? 0;
  if (isRepeatedPage(copies, corpus.files)) pageFiles.set(page, copies);
  return { files: corpus.files, lineFiles, pageFiles };
}
