// Rule: short non-sentence lines printed on many pages of the corpus are site furniture (boilerpipe's idea).
import { SENTENCE_END_RE } from '../patterns.js';
import { drop, lineKey, wordCount, type CleanRule } from '../state.js';

/** Lines in at least this many files... */
const MIN_FILES = 3;
/** ...and at least this share of them count as repeated furniture. */
const MIN_SHARE = 0.01;
/** Wire copy repeats whole paragraphs across outlets: only short, non-sentence lines qualify. */
const MAX_WORDS = 12;

export const corpusRepeatedRule: CleanRule = {
  name: 'corpus-repeated',
  description: 'Drops short non-sentence lines that appear on many pages of the same run (menus, footers).',
  apply(state) {
    const { files, lineFiles } = state.corpus;
    if (files < MIN_FILES) return;
    for (const line of state.lines) {
      if (line.role === 'dropped' || wordCount(line.text) > MAX_WORDS || SENTENCE_END_RE.test(line.text)) continue;
      const n = lineFiles.get(lineKey(line.original)) ?? 0;
      if (n >= MIN_FILES && n / files >= MIN_SHARE) drop(line, 'corpus-repeated', `on ${n} of ${files} pages`);
    }
  },
};
