// Sentence and word splitting shared by extract, group and summarize (English-first, safe on any script).

/** Abbreviations whose trailing period does not end a sentence ("U.S. President", "Mr. Earnest"). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'rev',
  'hon', 'pres', 'no', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'approx', 'dept', 'est', 'fig', 'al',
]);

/** A candidate boundary: end punctuation, optional closing quotes/brackets, then space(s). */
const BOUNDARY_RE = /([.!?…]+)(["'”’)\]]*)(\s+)/g;
/** What may open a sentence after a boundary: a capital, a digit, an opening quote or bracket. */
const SENTENCE_START_RE = /^["'“‘(\[]?[\p{Lu}\p{N}]/u;
/** What follows "a.m."/"p.m." inside the same sentence: a weekday, a month or a time zone. */
const TIME_CONTINUATION_RE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|^(ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|AEST|AEDT|IST|local time)\b/;

/** Initials and dotted acronyms ("U.S", "J") as the last word before the period. */
const INITIALS_RE = /^(?:\p{Lu}\.)*\p{Lu}$/u;

/** Splits one paragraph into sentences, keeping each sentence's own punctuation and quotes. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const out: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY_RE)) {
    const end = (match.index ?? 0) + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    const next = text.slice(end + (match[3]?.length ?? 0));
    if (!SENTENCE_START_RE.test(next)) continue;
    const before = text.slice(start, match.index ?? 0);
    if (match[1] === '.') {
      const lastWord = /(\S+)$/.exec(before)?.[1] ?? '';
      if (ABBREVIATIONS.has(lastWord.toLowerCase().replace(/^\W+/, ''))) continue;
      // An initial or dotted acronym before the period ("U.S. President", "J. Smith", "Washington-U.S.")
      // is not an ending; the cost is merging the rare sentence that really ends in "U.S.".
      const tail = lastWord.replace(/^[^\p{L}]+/u, '').split('-').pop() ?? '';
      if (INITIALS_RE.test(tail)) continue;
      // "5:50 p.m. Tuesday", "9 a.m. EST": a time goes on into its day or zone.
      if (/^[ap]\.m$/i.test(tail) && TIME_CONTINUATION_RE.test(next)) continue;
    }
    out.push(text.slice(start, end).trim());
    start = end + (match[3]?.length ?? 0);
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * What body text keeps of the source inside a word but the reader never sees as a break: soft hyphens,
 * zero-width space and joiners, the word joiner. Words and keys are compared without them ("Werk\u00adzeug" is
 * "Werkzeug").
 */
const IN_WORD_RE = /[\u00ad\u200b-\u200d\u2060]/g;

/** `text` without the characters of `IN_WORD_RE`: the form words and keys are read from. */
export function withoutInWordMarks(text: string): string {
  return text.replace(IN_WORD_RE, '');
}

/** Word tokens (letters and digits, keeping inner apostrophes). */
export function words(text: string): string[] {
  return withoutInWordMarks(text).match(WORD_RE) ?? [];
}

/** The words of `words`, each with where it starts and ends in `text`. */
export function wordSpans(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(WORD_RE)].map((m) => ({ word: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** Lower case, letters and digits only, single spaces: how lines, vocabulary and headlines are compared. */
export function textKey(text: string): string {
  return withoutInWordMarks(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function countWords(text: string): number {
  return words(text).length;
}

/** The text with a full stop when it has no ending of its own (a standfirst quoted as a summary sentence). */
export function withFullStop(text: string): string {
  const t = text.trim();
  return /[.!?…:;]["'”’)\]]*$/.test(t) || t === '' ? t : `${t}.`;
}
