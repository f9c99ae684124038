// Hard-wrapped paragraphs: a text dump of a page whose paragraphs were wrapped at a fixed width prints each
// paragraph as several lines, cut mid-sentence. The rules judge paragraphs (jusText's blocks), so such
// lines are joined back first.
import { SENTENCE_END_RE, STAMP_DATE_RE } from './patterns.js';
import { wordCount, type CleanLine } from './state.js';

/** At most one blank line between the two parts of a wrapped paragraph. */
const MAX_LINE_GAP = 2;
/**
 * Both parts hold at least this many words: "at" under a byline's name, or lower-case menu items of
 * one or two words, are not a paragraph's wrapped lines.
 */
const MIN_PART_WORDS = 3;

/**
 * A page that parts its lines with blank lines (most of its line pairs are) prints a hard-wrapped paragraph as lines
 * with none between them. There an open line continues even into a capital ("…zum Transformationslabor" /
 * "Ernährung waren…": German nouns, names) when it is full: at least WRAP_MIN_CHARS long and within WRAP_FULL_SHARE
 * of the longest line of its block, as every line of a wrapped paragraph but its last is. A teaser's headline over
 * its description, a list of ingredients or links, are shorter than the lines under them.
 */
const BLANK_SEPARATED_SHARE = 0.8;
const WRAP_MIN_CHARS = 40;
const WRAP_FULL_SHARE = 0.75;
/** Source code ("data <- data.frame(…)", "x = 1;") is printed line by line, not wrapped. */
const CODE_RE = /<-|[{};]|=\s|\(\)|\)\s*[+.]/;
/** A card's date under its headline ("Domingo 01 Mayo, 2022 | 13:43") is no rest of a paragraph. */
const STAMP_MAX_WORDS = 8;

/**
 * Whether `next` continues the sentence `line` leaves open: `line` does not end like a sentence (nor
 * in a colon, which introduces a list) and `next` opens with a lower-case word (in a script that has cases;
 * a link, "https://…", is no word).
 */
export function continuesSentence(line: string, next: string): boolean {
  return !SENTENCE_END_RE.test(line) && /^\p{Ll}+[\s,;]/u.test(next) && wordCount(line) >= MIN_PART_WORDS && wordCount(next) >= MIN_PART_WORDS;
}

/** For each line, the length of the longest line of its block (the lines with no blank line between them). */
function blockWidths(lines: readonly CleanLine[]): number[] {
  const widths = new Array<number>(lines.length).fill(0);
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end + 1 < lines.length && lines[end + 1]!.number === lines[end]!.number + 1) end++;
    const width = Math.max(...lines.slice(start, end + 1).map((l) => [...l.text].length));
    for (let i = start; i <= end; i++) widths[i] = width;
    start = end + 1;
  }
  return widths;
}

/**
 * Whether `next`, the line right under `line` with no blank line between, is the rest of its paragraph on a page
 * that parts its lines with blank lines: `line` is full for its block (`width`) and open (see BLANK_SEPARATED_SHARE).
 */
function continuesFullLine(line: string, next: string, width: number): boolean {
  const length = [...line].length;
  return !SENTENCE_END_RE.test(line) && !/[:：]$/.test(line) && length >= WRAP_MIN_CHARS && length >= WRAP_FULL_SHARE * width
    && /^[\p{L}\p{N}]/u.test(next) && !CODE_RE.test(line) && !CODE_RE.test(next) && !(wordCount(next) <= STAMP_MAX_WORDS && STAMP_DATE_RE.test(next));
}

/** Whether the page parts nearly all its lines with blank lines (a text dump of a page's blocks, list items too). */
export function isBlankSeparated(lines: readonly CleanLine[]): boolean {
  const gaps = lines.slice(1).map((l, i) => l.number - lines[i]!.number);
  return gaps.length > 0 && gaps.filter((g) => g > 1).length >= BLANK_SEPARATED_SHARE * gaps.length;
}

/** The page's lines with each wrapped paragraph joined into one line (numbered as its first line). */
export function joinWrappedLines(lines: readonly CleanLine[]): CleanLine[] {
  const blankSeparated = isBlankSeparated(lines);
  const widths = blankSeparated ? blockWidths(lines) : [];
  const out: CleanLine[] = [];
  lines.forEach((line, i) => {
    const prev = out[out.length - 1];
    const last = lines[i - 1];
    const gap = last ? line.number - last.number : Infinity;
    const full = blankSeparated && last !== undefined && gap === 1 && continuesFullLine(last.text, line.text, widths[i - 1] ?? 0);
    if (prev && gap <= MAX_LINE_GAP && (continuesSentence(prev.text, line.text) || full)) {
      out[out.length - 1] = { ...prev, original: `${prev.original} ${line.original}`, shown: `${prev.shown} ${line.shown}`, text: `${prev.text} ${line.text}` };
    } else {
      out.push(line);
    }
  });
  return out;
}
