// Rule: keep the one contiguous region of the page that holds the article; drop kept islands outside it.
import { SENTENCE_END_RE, SLIDE_NUMBER_RE, STAMP_DATE_RE, TITLE_SEPARATOR_RE } from '../patterns.js';
import { drop, lineKey, wordCount, type CleanLine, type CleanRule, type CleanState } from '../state.js';
import { effectiveLength } from './classify.js';

/**
 * Cost of a dropped line inside the region. A share bar or ad slot of a dozen lines inside an article
 * costs less than one paragraph, so the article is not cut in two; a "related stories" block of
 * headlines and "32M ago" stamps costs more than its few punctuated lines earn, so it stays out.
 */
const DROPPED_LINE_COST = 25;
/** Cost of a kept line that does not end like a sentence (teaser headlines, stamps, labels). */
const UNPUNCTUATED_LINE_COST = 30;

/** An unpunctuated line right above the region joins it from this many words (see applyMainRegion). */
const STANDFIRST_MIN_WORDS = 10;

/**
 * Prose without its full stop: the classifier's "good", STANDFIRST_MIN_WORDS or more, mostly lower-case words (not a
 * headline in title case), no date stamp ("Nov 18, 2019 @17:19 PM · Updated: …"), and not the page title printed again.
 */
function isUnpunctuatedStandfirst(line: CleanLine, pageTitle: string): boolean {
  if (line.role !== 'body' || line.cls !== 'good' || STAMP_DATE_RE.test(line.text)) return false;
  const words = line.text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < STANDFIRST_MIN_WORDS || words.filter((w) => /^\P{Lu}*\p{Ll}/u.test(w)).length * 2 < words.length) return false;
  const title = new Set(lineKey(pageTitle).split(' '));
  const keys = lineKey(line.text).split(' ');
  return keys.filter((k) => title.has(k)).length * 2 < keys.length;
}

/** A teaser is an unpunctuated headline of at most this many words over a one-sentence description. */
const TEASER_HEADLINE_MAX_WORDS = 15;
const TEASER_DESCRIPTION_MAX_WORDS = 45;
/** So many headline + description pairs in a row close a region only as a list of other stories. */
const MIN_TEASER_PAIRS = 3;
/** A teaser card may carry its author's name and a date between headline and description: at most this many lines above it. */
const TEASER_CARD_MAX_LINES = 4;

/** A line that may be cut short by its template: an ellipsis glued to a word ("…plus JBL he...", "Lock Scr…"). */
const CUT_SHORT_RE = /\p{L}(?:\.\.\.|…)$/u;
/**
 * So many such lines of one length (within CUT_LENGTH_SLACK characters) are a list's teasers cut at a fixed
 * length; an author's own trailing ellipses ("Werkstück anlegen…") differ in length.
 */
const MIN_CUT_LINES = 3;
const CUT_LENGTH_SLACK = 4;

/** A card that carries its own date ("Tuesday November 19, 2019") is a teaser however long its lede: an article's sections carry none. */
const TEASER_DATED_DESCRIPTION_MAX_WORDS = 100;
const DATE_LINE_MAX_WORDS = 6;
const isDateLine = (text: string): boolean => wordCount(text) <= DATE_LINE_MAX_WORDS && STAMP_DATE_RE.test(text);

const isDescription = (line: CleanLine, maxWords: number): boolean => line.role === 'body' && SENTENCE_END_RE.test(line.text) && wordCount(line.text) <= maxWords;
const isHeadline = (line: CleanLine, cut: ReadonlySet<CleanLine>): boolean => (!SENTENCE_END_RE.test(line.text) || cut.has(line)) && wordCount(line.text) <= TEASER_HEADLINE_MAX_WORDS;

/** The page's lines cut at a fixed length: MIN_CUT_LINES or more of about one length end in a glued ellipsis. */
export function cutTeasers(lines: readonly CleanLine[]): Set<CleanLine> {
  const cut = lines.filter((l) => CUT_SHORT_RE.test(l.text)).map((line) => ({ line, length: [...line.text].length }));
  return new Set(cut.filter((c) => cut.filter((o) => Math.abs(o.length - c.length) <= CUT_LENGTH_SLACK).length >= MIN_CUT_LINES).map((c) => c.line));
}

/**
 * The region's end without a trailing run of teaser cards ("Why farmers paint their cows" / "Some people
 * thought…"; or headline / author / date / description): each description earns more than its headline
 * costs, so Kadane takes them in. A card is a description (kept) under one to TEASER_CARD_MAX_LINES lines that
 * are no sentence, kept or dropped, at least one of them a kept headline or a date (a dated card's lede may be
 * longer, and its headline may be dropped already); the run must reach the region's end.
 */
export function trimTeaserPairs(lines: readonly CleanLine[], start: number, end: number, cutLines: ReadonlySet<CleanLine> = cutTeasers(lines)): number {
  let cards = 0;
  let k = end;
  while (k >= start && lines[k]?.role !== 'body') k--;
  let cut = end;
  while (k > start && isDescription(lines[k]!, TEASER_DATED_DESCRIPTION_MAX_WORDS)) {
    let j = k - 1;
    let headlines = 0;
    let dated = false;
    while (j >= start && k - j <= TEASER_CARD_MAX_LINES && isHeadline(lines[j]!, cutLines)) {
      // A slideshow numbers its slides: a heading and text under "2/5" are the article's own.
      if (SLIDE_NUMBER_RE.test(lines[j]!.text)) return end;
      if (lines[j]!.role === 'body') headlines++;
      if (isDateLine(lines[j]!.text)) dated = true;
      j--;
    }
    if (!dated && !isDescription(lines[k]!, TEASER_DESCRIPTION_MAX_WORDS)) break;
    // The card's top is its first headline: dropped lines above it belong to what comes before.
    let top = j + 1;
    while (top < k && lines[top]!.role !== 'body') top++;
    if (headlines === 0 && !dated) break;
    cards++;
    cut = top - 1;
    k = j;
    while (k >= start && lines[k]?.role !== 'body') k--;
  }
  if (cards < MIN_TEASER_PAIRS) return end;
  return cut;
}

/**
 * A page dump opens with the page's <title>; where its headline is printed again further down, the article
 * follows it. A region that starts within ANCHOR_WINDOW lines after that headline wins over a larger one
 * elsewhere (a cookie dialog above it, a shop's delivery terms, a comment thread) unless that one earns more than
 * ANCHOR_YIELD times as much.
 */
const ANCHOR_WINDOW = 15;
const ANCHOR_YIELD = 3;
/** A headline segment shorter than this (a site name, "Home") proves nothing when printed again. */
const ANCHOR_MIN_CHARS = 12;

/** The index of the first line after the first that repeats the page title or one of its " | " segments, or -1. */
export function titleAnchor(lines: readonly CleanLine[]): number {
  const first = lines[0]?.original ?? '';
  const keys = new Set([first, ...first.split(TITLE_SEPARATOR_RE)].map(lineKey).filter((k) => k.length >= ANCHOR_MIN_CHARS));
  return keys.size ? lines.findIndex((l, i) => i > 0 && keys.has(lineKey(l.original))) : -1;
}

/** The maximum-sum run that starts in [from, to], or null. */
export function bestRegionStartingIn(gains: readonly number[], from: number, to: number): { start: number; end: number; sum: number } | null {
  let best: { start: number; end: number; sum: number } | null = null;
  for (let s = from; s <= Math.min(to, gains.length - 1); s++) {
    if ((gains[s] ?? 0) <= 0) continue;
    let sum = 0;
    for (let e = s; e < gains.length; e++) {
      sum += gains[e]!;
      if (!best || sum > best.sum) best = { start: s, end: e, sum };
    }
  }
  return best;
}

const sumOf = (gains: readonly number[], start: number, end: number): number => gains.slice(start, end + 1).reduce((a, b) => a + b, 0);

/** Maximum-sum contiguous run (Kadane) over per-line gains; returns [start, end] indexes or null. */
export function bestRegion(gains: readonly number[]): [number, number] | null {
  let best = 0, bestStart = -1, bestEnd = -1, sum = 0, start = 0;
  gains.forEach((g, i) => {
    if (sum <= 0) { sum = 0; start = i; }
    sum += g;
    if (sum > best) { best = sum; bestStart = start; bestEnd = i; }
  });
  return bestStart < 0 ? null : [bestStart, bestEnd];
}

function applyMainRegion(state: CleanState): void {
  // Every line takes part, whichever rule dropped it: a newsletter box or a share bar dropped by a certain
  // rule is page structure too, and a region of teasers beyond it must pay for crossing it. (Counting only
  // the lines classify judged let "News Service" blurbs behind six call-to-action lines join the article:
  // text-dump F1 0.924 -> 0.929 with them counted, both halves of the benchmark up.)
  const lines = state.lines;
  const cut = cutTeasers(lines);
  const gains = lines.map((l) => {
    if (l.role === 'dropped') return -DROPPED_LINE_COST;
    // On a page that cuts its teasers short, a cut line is a teaser and earns nothing as a sentence.
    if (cut.has(l)) return -UNPUNCTUATED_LINE_COST;
    // List items the article introduced, and posts it embeds, neither earn nor cost: the article's
    // sentences around them decide.
    if (l.rule === 'list' || l.rule === 'embed') return 0;
    return SENTENCE_END_RE.test(l.text) ? effectiveLength(l.text) : -UNPUNCTUATED_LINE_COST;
  });
  const global = bestRegion(gains);
  if (!global) return;
  let region = global;
  const anchor = titleAnchor(lines);
  if (anchor > 0) {
    const anchored = bestRegionStartingIn(gains, anchor, anchor + ANCHOR_WINDOW);
    if (anchored && anchored.sum * ANCHOR_YIELD >= sumOf(gains, global[0], global[1])) region = [anchored.start, anchored.end];
  }
  const [kadaneStart, kadaneEnd] = region;
  // A standfirst printed without its full stop, right above the article ("Was seit Wochen kolportiert wurde, ist von der
  // FINA nun offiziell bestätigt worden"), costs what a teaser headline costs and so is left out; a line of prose
  // (the classifier's "good", STANDFIRST_MIN_WORDS or more) with no line between it and the region goes with it.
  const above = lines[kadaneStart - 1];
  const joinsAbove = above !== undefined && above.number + 2 >= lines[kadaneStart]!.number && isUnpunctuatedStandfirst(above, lines[0]?.original ?? '');
  const start = joinsAbove ? kadaneStart - 1 : kadaneStart;
  const regionEnd = trimTeaserPairs(lines, start, kadaneEnd, cut);
  // A list or an embedded post that closes the article earns nothing, so Kadane stops before it; it goes
  // with the article it belongs to.
  let end = regionEnd;
  while (lines[end + 1]?.rule === 'list' || lines[end + 1]?.rule === 'embed') end++;
  lines.forEach((line, i) => {
    // The headline printed again is the header rule's to take or drop.
    if ((i < start || i > end) && i !== anchor && line.role === 'body') drop(line, 'main-region', 'outside the page region that holds the article');
  });
}

export const mainRegionRule: CleanRule = {
  name: 'main-region',
  description: 'Keeps the contiguous region of the page richest in sentences (the article) and drops kept lines outside it.',
  apply: applyMainRegion,
};
