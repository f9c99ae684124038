// Rule: jusText's paragraph classifier (Pomikálek 2011) over the lines still in play, then its context pass.
import { CJK_RE, SENTENCE_END_RE } from '../patterns.js';
import { detectPageLanguage, stopwordDensity, tokens } from '../language.js';
import { drop, liveLines, type CleanState, type LineClass, type CleanRule } from '../state.js';

/** jusText's defaults for English, kept: below LENGTH_LOW characters a block is "short" and judged by context. */
const LENGTH_LOW = 70;
/** Above LENGTH_HIGH characters a dense block is "good" on its own. */
const LENGTH_HIGH = 200;
/** Stop-word density at or above which a block reads as prose. */
const STOPWORDS_LOW = 0.3;
const STOPWORDS_HIGH = 0.32;
/**
 * A line that is a whole sentence of this many words is at least "near-good" whatever its stop-word
 * density: datelines and name-heavy leads ("Washington-U.S. President Obama spoke on Wednesday by phone
 * with President Vladimir Putin of Russia.", seed 001) fall under jusText's density bar.
 */
const SENTENCE_MIN_WORDS = 8;
/** Below LENGTH_LOW a complete sentence of this many words is near-good too (an article's closing line). */
const SHORT_SENTENCE_MIN_WORDS = 5;
/** Extra weight of a CJK character in lengths and word counts (CJK text has few or no spaces). */
const CJK_WEIGHT = 1.5;
/**
 * A run of this many near-good lines between bad ones, holding RUN_MIN_CHARS in all, is prose written as
 * one-sentence paragraphs (BBC-style pages have no single "good" line) and counts as good.
 */
const RUN_MIN_NEAR_GOOD = 3;
const RUN_MIN_CHARS = 300;

const cjkCount = (text: string): number => text.match(CJK_RE)?.length ?? 0;
/** Length in Latin-letter equivalents. */
export const effectiveLength = (text: string): number => text.length + CJK_WEIGHT * cjkCount(text);

const isSentence = (text: string, words: number, minWords = SENTENCE_MIN_WORDS): boolean => {
  const cjk = cjkCount(text);
  const wordish = words + cjk / 2;
  const opens = cjk > 0 || /^["'“‘«„(\[—–-]?\s?[\p{Lu}\p{N}]/u.test(text);
  return wordish >= minWords && SENTENCE_END_RE.test(text) && opens;
};

/** The first, context-free class of one line (jusText's classify_paragraphs); null stop words = no density signal. */
export function classifyLine(text: string, stopwords: ReadonlySet<string> | null): LineClass {
  const words = tokens(text);
  const sentence = isSentence(text, words.length);
  const length = effectiveLength(text);
  if (length < LENGTH_LOW) return sentence || isSentence(text, words.length, SHORT_SENTENCE_MIN_WORDS) ? 'near-good' : 'short';
  if (!stopwords) {
    if (!sentence) return 'bad';
    return length > LENGTH_HIGH ? 'good' : 'near-good';
  }
  const density = stopwordDensity(words, stopwords);
  if (density >= STOPWORDS_HIGH) return length > LENGTH_HIGH ? 'good' : 'near-good';
  if (density >= STOPWORDS_LOW) return 'near-good';
  return sentence ? 'near-good' : 'bad';
}

/** Nearest neighbour's class, skipping short (and, when asked, near-good) lines; the page edge counts as bad. */
function neighbour(classes: readonly LineClass[], i: number, step: 1 | -1, skipNearGood: boolean): LineClass {
  for (let j = i + step; j >= 0 && j < classes.length; j += step) {
    const c = classes[j];
    if (c === 'short' || (skipNearGood && c === 'near-good')) continue;
    return c ?? 'bad';
  }
  return 'bad';
}

/** Upgrades runs of near-good lines (between bad ones) that together read as prose. */
export function promoteProseRuns(classes: readonly LineClass[], lengths: readonly number[]): LineClass[] {
  const out = [...classes];
  let start = 0;
  for (let i = 0; i <= classes.length; i++) {
    if (i < classes.length && classes[i] !== 'bad') continue;
    const run = [...Array(i - start).keys()].map((k) => start + k).filter((j) => classes[j] === 'near-good');
    const chars = run.reduce((sum, j) => sum + (lengths[j] ?? 0), 0);
    if (run.length >= RUN_MIN_NEAR_GOOD && chars >= RUN_MIN_CHARS) for (const j of run) out[j] = 'good';
    start = i + 1;
  }
  return out;
}

/** jusText's revise_paragraph_classification: short lines, then near-good ones, judged by their neighbours. */
export function reviseClasses(initial: readonly LineClass[]): LineClass[] {
  const classes = [...initial];
  const afterShort = [...classes];
  for (let i = 0; i < classes.length; i++) {
    if (classes[i] !== 'short') continue;
    const prev = neighbour(classes, i, -1, true), next = neighbour(classes, i, 1, true);
    if (prev === 'good' && next === 'good') afterShort[i] = 'good';
    else if (prev === 'bad' && next === 'bad') afterShort[i] = 'bad';
    else if ((prev === 'bad' && neighbour(classes, i, -1, false) === 'near-good') || (next === 'bad' && neighbour(classes, i, 1, false) === 'near-good')) afterShort[i] = 'good';
    else afterShort[i] = 'bad';
  }
  const final = [...afterShort];
  for (let i = 0; i < afterShort.length; i++) {
    if (afterShort[i] !== 'near-good') continue;
    const prev = neighbour(afterShort, i, -1, true), next = neighbour(afterShort, i, 1, true);
    final[i] = prev === 'bad' && next === 'bad' ? 'bad' : 'good';
  }
  return final;
}

/** The signals behind a decision, for `roundup explain`. */
function describeSignals(text: string, initial: LineClass, language: { code: string | null; stopwords: ReadonlySet<string> | null }): string {
  const words = tokens(text);
  const density = language.stopwords ? `stop-words ${stopwordDensity(words, language.stopwords).toFixed(2)} (${language.code})` : `no stop-word signal (${language.code ?? 'unknown'} page)`;
  const shape = isSentence(text, words.length) ? 'a sentence' : 'not a sentence';
  return `${initial}, then bad among its neighbours: ${Math.round(effectiveLength(text))} chars, ${density}, ${shape}`;
}

function applyClassify(state: CleanState): void {
  const live = liveLines(state);
  const language = detectPageLanguage(live.map((l) => l.text), state.language);
  state.language = language.code;
  const initial = live.map((l) => classifyLine(l.text, language.stopwords));
  let revised = reviseClasses(promoteProseRuns(initial, live.map((l) => effectiveLength(l.text))));
  // A short article (two or three mid-length sentences) has no "good" line at all; rather than lose it,
  // its near-good lines count as good (the fixture "a truncated teaser …" is such a page).
  if (!revised.includes('good')) revised = reviseClasses(initial.map((c) => (c === 'near-good' ? 'good' : c)));
  live.forEach((line, i) => {
    line.cls = revised[i] ?? 'bad';
    if (line.cls === 'bad') drop(line, 'classify', describeSignals(line.text, initial[i] ?? 'bad', language));
  });
}

export const classifyRule: CleanRule = {
  name: 'classify',
  description: 'Classifies lines by length, stop-word density and sentence shape (jusText), then by their neighbours; drops the bad ones.',
  apply: applyClassify,
};
