// Rule: a marker such as "Tags:", "More in Sport" or "View comments" after the article ends it.
import { END_MARKER_RE, SENTENCE_END_RE } from '../patterns.js';
import { drop, liveLines, wordCount, type CleanRule, type CleanState } from '../state.js';

/** The marker must follow at least this many words of article… */
const MIN_WORDS_BEFORE = 100;
/**
 * …and at least this share of the words still kept on the page, so a marker in a top menu never cuts the
 * article. Not a half: pages often carry more teaser prose after the article than the article itself.
 */
const MIN_SHARE_BEFORE = 0.25;

/**
 * The article goes on past an inline section link ("More from UK" in a page's middle) when the next
 * few lines are full sentences; after a real end marker come teasers, names and prompts.
 */
const LOOKAHEAD_LINES = 3;
const CONTINUES_MIN_SENTENCES = 2;
const SENTENCE_MIN_WORDS = 15;

function articleContinues(next: readonly { text: string }[]): boolean {
  const sentences = next.filter((l) => wordCount(l.text) >= SENTENCE_MIN_WORDS && SENTENCE_END_RE.test(l.text));
  return sentences.length >= CONTINUES_MIN_SENTENCES;
}

function applyEndMarker(state: CleanState): void {
  const live = liveLines(state);
  const total = live.reduce((n, l) => n + wordCount(l.text), 0);
  let before = 0;
  for (const [i, line] of live.entries()) {
    const isEnd = END_MARKER_RE.test(line.text) && before >= MIN_WORDS_BEFORE && before >= MIN_SHARE_BEFORE * total;
    if (isEnd && !articleContinues(live.slice(i + 1, i + 1 + LOOKAHEAD_LINES))) {
      drop(line, 'end-marker', `marks the end of the article (${before} of ${total} words before it)`);
      for (const rest of live.slice(i + 1)) drop(rest, 'end-marker', `after the end-of-article marker on line ${line.number}`);
      return;
    }
    before += wordCount(line.text);
  }
}

export const endMarkerRule: CleanRule = {
  name: 'end-marker',
  description: 'Drops everything from an end-of-article marker ("Tags:", "More in …", "View comments") that follows most of the text.',
  apply: applyEndMarker,
};
