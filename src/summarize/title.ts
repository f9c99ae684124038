// Story title: the source headline the other sources agree with most, else one built from the top sentence.
import type { Article } from '../model.js';
import { contentTerms } from '../group/features.js';
import { countWords, words } from '../text/sentences.js';
import { BOILERPLATE_RE } from './patterns.js';

/** Headlines longer than this read as a sentence, not a title. */
const MAX_TITLE_WORDS = 16;
const MIN_TITLE_WORDS = 3;
/** Words kept when a title is cut from a sentence. */
const BUILT_TITLE_WORDS = 12;
/** A dateline opening a lead ("SAN FRANCISCO (Reuters) -", "Seoul (CNN)", "WOODLAND HILLS >>"): not title material. */
const DATELINE_RE = /^(?:[\p{Lu}][\p{L}.,' ]{0,40}\s*\((?:AP|Reuters|CNN|AFP|UPI|[\p{Lu}][\p{L}.]{1,15}(?:\.com)?)\)\s*(?:[-—–]+\s*)?|[\p{Lu}][\p{Lu} .,']{2,40}(?:\s*(?:—|–|-|>>)\s*))/u;
/** Site names trail headlines after a bar ("… | ASHARQ AL-AWSAT English Archive"). */
const TITLE_SEPARATOR_RE = /\s+[|•·]\s+/;

/** The longest bar-separated part: the headline, without the site name around it. */
export function headlineOf(title: string): string {
  const parts = title.split(TITLE_SEPARATOR_RE).map((p) => p.trim()).filter(Boolean);
  return parts.reduce((best, p) => (countWords(p) > countWords(best) ? p : best), parts[0] ?? title.trim());
}

/** Cuts a sentence to a title: up to the first clause break that leaves a whole thought, or a word limit. */
export function titleFromSentence(sentence: string): string {
  const clean = sentence.replace(DATELINE_RE, '').replace(/[.!]+["'”’]?$/, '').trim();
  if (countWords(clean) <= MAX_TITLE_WORDS) return clean;
  const clause = clean.split(/,\s+|\s+[–—]\s+|;\s+/)[0] ?? clean;
  if (countWords(clause) >= MIN_TITLE_WORDS + 2 && countWords(clause) <= MAX_TITLE_WORDS) return clause;
  return words(clean).length > BUILT_TITLE_WORDS ? clean.split(/\s+/).slice(0, BUILT_TITLE_WORDS).join(' ') + '…' : clean;
}

/**
 * Picks the headline whose content words the other sources' texts carry most (ties: shorter, then earlier
 * article); with one source, its own headline. Falls back to `topSentence` when no headline fits.
 */
export function chooseTitle(articles: readonly Article[], topSentence: string | null): string {
  const textTerms = articles.map((a) => new Set(contentTerms(`${a.title}\n${a.text}`)));
  let best: { title: string; score: number; length: number } | null = null;
  articles.forEach((article, i) => {
    if (article.titleSource === 'first-sentence') return;
    const title = headlineOf(article.title);
    const length = countWords(title);
    // A photo caption or credit kept as the headline ("Actors … (Photo: Getty Images)") is not one.
    if (length < MIN_TITLE_WORDS || length > MAX_TITLE_WORDS || BOILERPLATE_RE.test(title)) return;
    const terms = [...new Set(contentTerms(title))];
    if (terms.length === 0) return;
    let score = 0;
    textTerms.forEach((set, j) => {
      if (j === i) return;
      score += terms.filter((t) => set.has(t)).length / terms.length;
    });
    score = articles.length > 1 ? score / (articles.length - 1) : 1;
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && length < best.length)) best = { title, score, length };
  });
  const chosen = best as { title: string } | null;
  if (chosen) return chosen.title;
  if (topSentence) return titleFromSentence(topSentence);
  return articles[0] ? headlineOf(articles[0].title) : 'Untitled story';
}
