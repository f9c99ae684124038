// Rule: short non-sentence lines printed on many pages of the corpus are site furniture (boilerpipe's idea).
import { SENTENCE_END_RE } from '../patterns.js';
import { drop, lineKey, pageKey, wordCount, type CleanRule } from '../state.js';

/** Lines in at least this many files... */
const MIN_FILES = 3;
/** ...and at least this share of them count as repeated furniture. */
const MIN_SHARE = 0.01;
/** A whole page repeated in MIN_FILES files is a notice only when shorter than this (seen: 30–35 words). */
const NOTICE_MAX_WORDS = 60;
/** Wire copy repeats whole paragraphs across outlets: only short, non-sentence lines qualify. */
const MAX_WORDS = 12;

/** Whether a line found in `n` of the corpus's `files` files is repeated enough to be furniture (when short). */
export function isRepeatedInCorpus(n: number, files: number): boolean {
  return files >= MIN_FILES && n >= MIN_FILES && n / files >= MIN_SHARE;
}

/** Whether a whole page printed in `copies` files is repeated enough to be a notice (when short). */
export function isRepeatedPage(copies: number, files: number): boolean {
  return files >= MIN_FILES && copies >= MIN_FILES;
}

export const corpusRepeatedRule: CleanRule = {
  name: 'corpus-repeated',
  description: 'Drops short non-sentence lines that appear on many pages of the same run (menus, footers), and short pages printed whole on several (notices).',
  apply(state) {
    const { files, lineFiles, pageFiles } = state.corpus;
    if (files < MIN_FILES) return;
    // A short page printed word for word in several files is a site notice ("Tweet with a location …",
    // an archive's crawl notice), not an article; a wire story copied whole is far longer than this.
    const words = state.lines.reduce((n, l) => n + wordCount(l.original), 0);
    const copies = pageFiles.get(pageKey(state.lines.map((l) => l.original))) ?? 0;
    if (words < NOTICE_MAX_WORDS && isRepeatedPage(copies, files)) {
      for (const line of state.lines) if (line.role !== 'dropped') drop(line, 'corpus-repeated', `the whole page is on ${copies} pages of this run: a notice, not an article`);
      return;
    }
    for (const line of state.lines) {
      if (line.role === 'dropped' || wordCount(line.text) > MAX_WORDS || SENTENCE_END_RE.test(line.text)) continue;
      const n = lineFiles.get(lineKey(line.original)) ?? 0;
      if (isRepeatedInCorpus(n, files)) drop(line, 'corpus-repeated', `on ${n} of ${files} pages`);
    }
  },
};
