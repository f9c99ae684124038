// Splits pathologically long lines (a whole file on one line) so no later stage sees a multi-megabyte line.

/**
 * Longest line passed on to the cleaner. No line of the project's text inputs in ../shared/data is longer
 * than 10,000 characters (the longest paragraph there is about 1,500 words), so only machine-made
 * inputs are split; the cleaner's per-line patterns then stay fast (see test/hostile/pathological.test.ts).
 */
export const MAX_LINE_CHARS = 10_000;

/** Sentence end followed by white space: the preferred place to split. */
const SENTENCE_END_RE = /[.!?]["'”’)\]]*\s/g;

/** Where to cut `line` at or before `limit`: after a sentence end, else at white space, else at `limit`. */
function cutPoint(line: string, limit: number): number {
  const window = line.slice(0, limit + 1);
  let cut = -1;
  SENTENCE_END_RE.lastIndex = Math.floor(limit / 2);
  for (let m = SENTENCE_END_RE.exec(window); m; m = SENTENCE_END_RE.exec(window)) cut = m.index + m[0].length;
  if (cut > 0) return cut;
  const space = window.lastIndexOf(' ');
  if (space > limit / 2) return space + 1;
  // No break at all: cut at the limit, but never between the two halves of a surrogate pair.
  const code = line.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** `text` with every line longer than `limit` cut into lines of at most `limit` characters; no character is lost. */
export function splitLongLines(text: string, limit = MAX_LINE_CHARS): { text: string; split: number } {
  let split = 0;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length <= limit) {
      out.push(line);
      continue;
    }
    split++;
    let rest = line;
    while (rest.length > limit) {
      const cut = cutPoint(rest, limit);
      out.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return { text: split ? out.join('\n') : text, split };
}
