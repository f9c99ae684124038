// Rule: a line seen earlier on the same page (doubled credits, menus printed twice) is dropped the second time.
import { drop, lineKey, type CleanRule } from '../state.js';

/** A doubled phrase is at least this long, so "no no" or "ha ha" is not one. */
const MIN_PHRASE_CHARS = 12;

/**
 * True when the line is one phrase twice, with or without a space between: its two halves are equal.
 * Linear in the line's length (a backreference regex, /^(.{12,}?)\s*\1$/, was quadratic on long lines).
 */
export function isPrintedTwice(text: string): boolean {
  const n = text.length;
  for (const gap of [0, 1]) {
    if ((n - gap) % 2 !== 0) continue;
    const half = (n - gap) / 2;
    if (half < MIN_PHRASE_CHARS) continue;
    if (gap === 1 && !/\s/.test(text[half] ?? '')) continue;
    if (text.slice(0, half) === text.slice(half + gap)) return true;
  }
  return false;
}

export const repeatedLineRule: CleanRule = {
  name: 'repeated-line',
  description: 'Drops the second and later copies of a line already on the page, and lines that are one phrase printed twice.',
  apply(state) {
    const seen = new Map<string, number>();
    for (const line of state.lines) {
      const key = lineKey(line.original);
      if (!key) continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, line.number);
      else if (line.role !== 'dropped') drop(line, 'repeated-line', `same as line ${first}`);
    }
    // "Name and Name Name and Name": an image's alt text and caption run together.
    for (const line of state.lines) {
      if (line.role !== 'dropped' && isPrintedTwice(line.text)) drop(line, 'repeated-line', 'one phrase printed twice (alt text and caption)');
    }
  },
};
