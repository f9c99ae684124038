// Rule: a comment thread under the article (name, date and time, text; again and again) is not the article.
import { STAMP_DATE_RE, STAMP_TIME_RE } from '../patterns.js';
import { drop, wordCount, type CleanLine, type CleanRule, type CleanState } from '../state.js';

/** A stamp line is short: the author's name, the date and time, a "Reply" link at most. */
const STAMP_MAX_WORDS = 12;
/**
 * So many stamps in a row make a thread. One or two are the article's own "Published … / Updated …";
 * readers' comments on the multilingual dev part come in runs of 3 to 80.
 */
const MIN_STAMPS = 3;
/** Consecutive stamps at most this many (non-blank) lines apart: one comment's name, stamp and text. */
const MAX_STAMP_GAP = 15;
/**
 * The thread follows an article: at least this many kept words above its first stamp. A page that opens
 * with dated entries (a list of events, a ticker) is left to the other rules.
 */
const MIN_WORDS_BEFORE = 80;
/** Lines just above a stamp that are the commenter's name ("FLOUNDER", "Hella sagt:") go with it. */
const NAME_MAX_WORDS = 6;
const NAME_MAX_LINES = 2;
/**
 * The article's own byline stamp ("Markus Haefliger, London 19.10.2019, 23:38 Uhr") may open a run whose
 * later stamps are teaser cards or comments: the whole article then lies between the first stamp and the
 * second. A first stretch of more than HEAD_MIN_WORDS words, and HEAD_RATIO times the longest other
 * stretch, is the article, not a comment; the run starts at the second stamp.
 */
const HEAD_MIN_WORDS = 150;
const HEAD_RATIO = 3;

export const isStamp = (text: string): boolean =>
  wordCount(text) <= STAMP_MAX_WORDS && STAMP_DATE_RE.test(text) && STAMP_TIME_RE.test(text);

const isLive = (line: CleanLine): boolean => line.role === 'body' || line.role === 'standfirst';

/** Runs of stamps, as [first, last] indexes into the page's lines, with the median gap between stamps. */
export function stampRuns(lines: readonly CleanLine[]): { first: number; last: number; gap: number }[] {
  const stamps = lines.flatMap((l, i) => (l.role !== 'title' && isStamp(l.text) ? [i] : []));
  const runs: { first: number; last: number; gap: number }[] = [];
  let start = 0;
  for (let k = 1; k <= stamps.length; k++) {
    if (k < stamps.length && stamps[k]! - stamps[k - 1]! <= MAX_STAMP_GAP) continue;
    const run = stamps.slice(start, k);
    if (run.length >= MIN_STAMPS) {
      const gaps = run.slice(1).map((x, j) => x - run[j]!).sort((a, b) => a - b);
      runs.push({ first: run[0]!, last: run[run.length - 1]!, gap: gaps[Math.floor(gaps.length / 2)]! });
    }
    start = k;
  }
  return runs;
}

const liveWords = (lines: readonly CleanLine[], from: number, to: number): number =>
  lines.slice(from, to).filter(isLive).reduce((n, l) => n + wordCount(l.text), 0);

/** The run without a head stamp that the whole article follows (see HEAD_MIN_WORDS), or null when too few stamps are left. */
function withoutArticleHead(lines: readonly CleanLine[], run: { first: number; last: number; gap: number }): { first: number; last: number; gap: number } | null {
  const stamps = lines.slice(run.first, run.last + 1).flatMap((l, k) => (l.role !== 'title' && isStamp(l.text) ? [run.first + k] : []));
  const stretches = stamps.slice(1).map((s, k) => liveWords(lines, stamps[k]! + 1, s));
  const head = stretches[0] ?? 0;
  const others = Math.max(0, ...stretches.slice(1), liveWords(lines, run.last + 1, Math.min(lines.length, run.last + run.gap)));
  if (head <= HEAD_MIN_WORDS || head < HEAD_RATIO * others) return run;
  const rest = stamps.slice(1);
  if (rest.length < MIN_STAMPS) return null;
  return { ...run, first: rest[0]! };
}

function applyComments(state: CleanState): void {
  const lines = state.lines;
  for (const found of stampRuns(lines)) {
    const run = withoutArticleHead(lines, found);
    if (!run) continue;
    const before = liveWords(lines, 0, run.first);
    if (before < MIN_WORDS_BEFORE) continue;
    let first = run.first;
    for (let k = 0; k < NAME_MAX_LINES && first > 0 && wordCount(lines[first - 1]!.text) <= NAME_MAX_WORDS; k++) first--;
    // The last comment's text runs about as long after its stamp as the others did.
    const last = Math.min(lines.length - 1, run.last + run.gap - 1);
    for (let i = first; i <= last; i++) {
      const line = lines[i]!;
      if (isLive(line)) drop(line, 'comments', `a comment thread: ${MIN_STAMPS}+ date-and-time stamps from line ${lines[run.first]!.number} to ${lines[run.last]!.number}`);
    }
  }
}

export const commentsRule: CleanRule = {
  name: 'comments',
  description: 'Drops a comment thread after the article: a run of short lines with a date and a time of day (name, stamp, text, again and again).',
  apply: applyComments,
};
