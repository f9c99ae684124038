// Rule: find the headline (and standfirst) above the article's first paragraph, and strip site chrome from it.
import { CALL_TO_ACTION_RE, SECTION_WORDS, SENTENCE_END_RE, TITLE_SEPARATOR_RE } from '../patterns.js';
import { drop, lineKey, wordCount, type CleanLine, type CleanState, type CleanRule } from '../state.js';

const TITLE_MIN_WORDS = 2;
const TITLE_MAX_WORDS = 30;
/** A headline shares at least this share of its words with the article (a menu line shares almost none). */
const TITLE_MIN_OVERLAP = 0.3;
/** Body words compared against a headline candidate. */
const BODY_SAMPLE_WORDS = 400;
/** Candidates within this much of the best overlap count as tied; the earliest wins (headlines come first). */
const TITLE_TIE = 0.2;
/** A standfirst is a long line without sentence punctuation right under the headline. */
const STANDFIRST_MIN_WORDS = 8;
/** Rules whose dropped lines can still be the headline (the classifier drops short lines at the top). */
const TITLE_FROM_RULES = new Set([null, 'classify', 'corpus-repeated', 'main-region']);

const contentWords = (text: string): string[] => lineKey(text).split(' ').filter((w) => w.length > 2);

/** Removes a glued breadcrumb ("News World Obama, Putin agree …" → "Obama, Putin agree …"). */
export function stripSectionWords(title: string): string {
  const words = title.split(/\s+/);
  let i = 0;
  while (i < words.length && SECTION_WORDS.has((words[i] ?? '').toLowerCase()) && /^\p{Lu}/u.test(words[i] ?? '')) i++;
  return i >= 2 && words.length - i >= 3 ? words.slice(i).join(' ') : title;
}

/** Keeps the segment of "Headline | Site" that is the headline: the one most like the article. */
export function stripSiteName(title: string, body: ReadonlySet<string>): string {
  const parts = title.split(TITLE_SEPARATOR_RE).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title;
  const score = (p: string): number => contentWords(p).filter((w) => body.has(w)).length + wordCount(p) / 100;
  return [...parts].sort((a, b) => score(b) - score(a))[0] ?? title;
}

function overlap(text: string, body: ReadonlySet<string>): number {
  const words = contentWords(text);
  return words.length ? words.filter((w) => body.has(w)).length / words.length : 0;
}

function applyHeader(state: CleanState): void {
  // The article starts at its first good line that reads as a sentence; a headline can itself score "good".
  // Unclassified lines (classify off, as for Readability's output) count when they read as a sentence.
  const firstGood = state.lines.findIndex(
    (l) => l.role === 'body' && (l.cls === 'good' || (l.cls === null && wordCount(l.text) >= STANDFIRST_MIN_WORDS)) && SENTENCE_END_RE.test(l.text),
  );
  const zoneEnd = firstGood < 0 ? state.lines.length : firstGood;
  const bodyWords = new Set(
    state.lines
      .filter((l, i) => i >= zoneEnd && l.role === 'body')
      .flatMap((l) => contentWords(l.text))
      .slice(0, BODY_SAMPLE_WORDS),
  );
  const candidates: { line: CleanLine; text: string; score: number }[] = [];
  for (const line of state.lines.slice(0, zoneEnd)) {
    const words = wordCount(line.text);
    if (!TITLE_FROM_RULES.has(line.rule) && line.role === 'dropped') continue;
    if (words < TITLE_MIN_WORDS || words > TITLE_MAX_WORDS || /[.]$/.test(line.text) || CALL_TO_ACTION_RE.test(line.text)) continue;
    const candidate = stripSiteName(applySuffixes(state, line.text), bodyWords);
    const score = overlap(candidate, bodyWords);
    if (score >= TITLE_MIN_OVERLAP) candidates.push({ line, text: candidate, score });
  }
  const top = Math.max(...candidates.map((c) => c.score));
  const best = candidates.find((c) => c.score >= top - TITLE_TIE);
  if (!best) return;
  const { line } = best;
  line.text = stripSectionWords(best.text);
  line.role = 'title';
  line.rule = 'header';
  line.reason = `the headline (shares ${(100 * best.score).toFixed(0)}% of its words with the article)`;
  // The headline printed again under the site's name (the page's <h1> after its <title>): once is enough.
  const titleKey = lineKey(line.text);
  for (const copy of state.lines) {
    if (copy !== line && copy.role === 'body' && lineKey(copy.text) === titleKey) drop(copy, 'header', `the headline again (line ${line.number})`);
  }
  // The line under the headline, even if the statistical rules dropped it for lacking a full stop (seed 000).
  const next = state.lines.find((l) => l.number > line.number && lineKey(l.text) !== titleKey && (l.role === 'body' || (l.role === 'dropped' && TITLE_FROM_RULES.has(l.rule))));
  const isStandfirst = next && (next.role === 'body' || state.lines.indexOf(next) < zoneEnd) && overlap(next.text, bodyWords) >= TITLE_MIN_OVERLAP;
  if (next && isStandfirst && wordCount(next.text) >= STANDFIRST_MIN_WORDS && !SENTENCE_END_RE.test(next.text)) {
    next.role = 'standfirst';
    next.rule = 'header';
    next.reason = 'the standfirst under the headline (kept as the first paragraph)';
  }
}

function applySuffixes(state: CleanState, title: string): string {
  let out = title;
  for (const profile of state.matched) for (const re of profile.titleSuffix) out = out.replace(re, '');
  return out.trim() || title;
}

export const headerRule: CleanRule = {
  name: 'header',
  description: 'Takes the headline from the lines above the first paragraph (the one most like the article) and strips site names and breadcrumbs from it.',
  apply: applyHeader,
};
