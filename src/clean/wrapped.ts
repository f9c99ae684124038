// Hard-wrapped paragraphs: a text dump of a page whose paragraphs were wrapped at a fixed width prints each
// paragraph as several lines, cut mid-sentence. The rules judge paragraphs (jusText's blocks), so such
// lines are joined back first.
import { SENTENCE_END_RE } from './patterns.js';
import type { CleanLine } from './state.js';

/** At most one blank line between the two parts of a wrapped paragraph. */
const MAX_LINE_GAP = 2;
/**
 * Both parts hold at least this many words: "at" under a byline's name, or lower-case menu items of
 * one or two words, are not a paragraph's wrapped lines.
 */
const MIN_PART_WORDS = 3;

const words = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * Whether `next` continues the sentence `line` leaves open: `line` does not end like a sentence (nor
 * in a colon, which introduces a list) and `next` opens with a lower-case word (in a script that has cases;
 * a link, "https://…", is no word).
 */
export function continuesSentence(line: string, next: string): boolean {
  return !SENTENCE_END_RE.test(line) && /^\p{Ll}+[\s,;]/u.test(next) && words(line) >= MIN_PART_WORDS && words(next) >= MIN_PART_WORDS;
}

/** The page's lines with each wrapped paragraph joined into one line (numbered as its first line). */
export function joinWrappedLines(lines: readonly CleanLine[]): CleanLine[] {
  const out: CleanLine[] = [];
  let lastNumber = -Infinity;
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && line.number - lastNumber <= MAX_LINE_GAP && continuesSentence(prev.text, line.text)) {
      out[out.length - 1] = { ...prev, original: `${prev.original} ${line.original}`, text: `${prev.text} ${line.text}` };
    } else {
      out.push(line);
    }
    lastNumber = line.number;
  }
  return out;
}
