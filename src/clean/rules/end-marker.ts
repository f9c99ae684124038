// Rule: a marker such as "Tags:", "More in Sport" or "View comments" after the article ends it.
import { COMMENTS_TITLE_RE, END_MARKER_RE, SENTENCE_END_RE, TAXONOMY_LINE_RE } from '../patterns.js';
import { isBareEndMarker, isEndMarker } from '../vocabulary.js';
import { drop, liveLines, wordCount, type CleanLine, type CleanRule, type CleanState } from '../state.js';

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

/**
 * A marker an earlier rule already dropped (a short unpunctuated line) ends the article only when most of
 * the kept words are above it: inline "More from UK" or "related news" link blocks sit mid-article, with
 * the rest of the story below them.
 */
const DROPPED_MARKER_MIN_SHARE_BEFORE = 0.5;

/** The article's tags or categories ("Schlagwörter: Sport, Frauen", "Posted in News") close it, as "Tags:" alone does. */
const TAXONOMY_MAX_WORDS = 20;
export const isTaxonomyLine = (text: string): boolean => wordCount(text) <= TAXONOMY_MAX_WORDS && !/[.!?]$/.test(text) && TAXONOMY_LINE_RE.test(text);

/**
 * The comments' title names the article it follows ("142 Antworten zu Würde des Lebens – ein Projekt"): a
 * title's length at most, and no sentence ("142 responses to the survey had come in by Friday."). A title may
 * end in its own question or exclamation mark ("3 Antworten zu „Wie geht das?“"), rarely in a full stop.
 */
const FULL_STOP_END_RE = /\.["'”’“‘»«)\]]*$/u;
const COMMENTS_TITLE_MAX_WORDS = 30;
const isCommentsTitle = (text: string): boolean => wordCount(text) <= COMMENTS_TITLE_MAX_WORDS && !FULL_STOP_END_RE.test(text) && COMMENTS_TITLE_RE.test(text);

const isLive = (line: CleanLine): boolean => line.role === 'body' || line.role === 'standfirst';

function applyEndMarker(state: CleanState): void {
  const live = liveLines(state);
  const total = live.reduce((n, l) => n + wordCount(l.text), 0);
  let before = 0;
  // A marker counts even when an earlier rule dropped it: "More From the Los Angeles Times" is a short,
  // unpunctuated line that classify drops, yet the page still ends there.
  for (const [i, line] of state.lines.entries()) {
    if (line.role === 'title') continue;
    const minShare = isLive(line) ? MIN_SHARE_BEFORE : DROPPED_MARKER_MIN_SHARE_BEFORE;
    const isEnd = (END_MARKER_RE.test(line.text) || isEndMarker(line.text) || isTaxonomyLine(line.text) || isCommentsTitle(line.text)) && before >= MIN_WORDS_BEFORE && before >= minShare * total;
    const rest = state.lines.slice(i + 1).filter(isLive);
    if (isEnd && !articleContinues(rest.slice(0, LOOKAHEAD_LINES))) {
      if (isLive(line)) drop(line, 'end-marker', `marks the end of the article (${before} of ${total} words before it)`);
      for (const after of rest) drop(after, 'end-marker', `after the end-of-article marker on line ${line.number}`);
      return;
    }
    // A bare header ("Lesen Sie auch" over two links, mid-article) that ends nothing is still no article text.
    if (isLive(line) && isBareEndMarker(line.text)) {
      drop(line, 'end-marker', 'a "related" or "comments" header inside the page');
      continue;
    }
    if (isLive(line)) before += wordCount(line.text);
  }
}

export const endMarkerRule: CleanRule = {
  name: 'end-marker',
  description: 'Drops everything from an end-of-article marker ("Tags:", "More in …", "View comments") that follows most of the text.',
  apply: applyEndMarker,
};
