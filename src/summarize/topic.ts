// Topic label and summary: its most central headline as a short phrase, and the lead of each story in time order.
import type { Article, Entity, Story } from '../model.js';
import { contentTerms } from '../group/features.js';
import { countWords, withFullStop } from '../text/sentences.js';
import { cutAtBoundary, headlineOf, opensWithAdjunct } from './title.js';


/** Entities merged by kind and lower-cased name; counts summed; sorted by count, then name. */
export function mergeEntities(lists: readonly (readonly Entity[])[]): Entity[] {
  const merged = new Map<string, Entity>();
  for (const list of lists) {
    for (const e of list) {
      const key = `${e.kind}:${e.name.toLowerCase()}`;
      const prior = merged.get(key);
      merged.set(key, prior ? { ...prior, count: prior.count + e.count } : { name: e.name, kind: e.kind, count: e.count });
    }
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
}

/** A topic label is a short phrase, read at a glance in a list (issue: "at most about 60 characters"). */
const LABEL_MAX_CHARS = 60;
/** …and names at least this many words, so it says what happened, not only who ("Syria" alone says little). */
const LABEL_MIN_WORDS = 3;
/** Where a headline may be cut into a shorter phrase that still reads whole: its clauses. */
const CLAUSE_BREAK_RE = /\s*(?::|;|\s[-–—]\s|,)\s+/;

/**
 * The shortest whole reading of a headline (its spaces collapsed) within the limit: itself, else its first clause that fits and stands
 * alone (the headline's opening, or a part that opens with a capital: "Analysis: Rates rise again"; never the
 * middle of a sentence, "for the Phase 1 trial of the vaccine", nor an opening adverbial, "With $116 billion
 * cash"), else null. A headline cut with an ellipsis is none.
 */
function shortPhrase(text: string): string | null {
  if (text.endsWith('…')) return null;
  if (text.length <= LABEL_MAX_CHARS) return text;
  const clauses = text.split(CLAUSE_BREAK_RE);
  for (const [i, clause] of clauses.entries()) {
    if (i > 0 && !/^["“‘']?\p{Lu}/u.test(clause)) continue;
    // An opening adverbial says when or how, not what: "With $116 billion cash, | Buffett says Berkshire needs…".
    if (opensWithAdjunct(clause)) continue;
    if (clause.length <= LABEL_MAX_CHARS && countWords(clause) >= LABEL_MIN_WORDS) return clause;
  }
  return null;
}

/**
 * The topic's label: the headline of its most central story (the one whose title and lead share most with
 * the other stories'), as a phrase of at most LABEL_MAX_CHARS; never a list of names. A headline too long
 * to shorten at a clause gives way to the next most central one; then the first cut before an adjunct or a
 * preposition of the headlines in that order; the last resort is the central headline cut at a word, marked with an
 * ellipsis.
 */
export function topicLabel(stories: readonly Story[]): string {
  if (stories.length === 0) return 'Topic';
  const termsOf = stories.map((s) => new Set(contentTerms(`${headlineOf(s.title)} ${s.summarySentences[0]?.text ?? ''}`)));
  const df = new Map<string, number>();
  for (const terms of termsOf) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  const ranked = stories
    .map((story, i) => {
      const title = new Set(contentTerms(headlineOf(story.title)));
      let shared = 0;
      for (const t of title) shared += (df.get(t) ?? 1) - 1;
      return { story, i, headline: headlineOf(story.title).replace(/\s+/g, ' ').trim(), centrality: title.size > 0 ? shared / Math.sqrt(title.size) : 0 };
    })
    .sort((a, b) => b.centrality - a.centrality || b.story.articleIds.length - a.story.articleIds.length || a.i - b.i);
  for (const { headline } of ranked) {
    const phrase = shortPhrase(headline);
    if (phrase) return phrase;
  }
  // No headline reads whole within the limit: the first cut before an adjunct or preposition ("FDA gives emergency
  // approval for antimalarial drugs | in treating…"), not a cut mid-phrase ("…Malaria Drug Could Be…").
  for (const { headline } of ranked) {
    const phrase = headline.endsWith('…') || opensWithAdjunct(headline) ? null : cutAtBoundary(headline, LABEL_MAX_CHARS, LABEL_MIN_WORDS);
    if (phrase) return phrase;
  }
  const cut = ranked[0]!.headline.slice(0, LABEL_MAX_CHARS - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Round-robin over the stories (oldest first): each story's first summary sentence, then its second, within the budget. */
export function topicSummary(stories: readonly Story[], budget: number): string {
  const ordered = [...stories].sort((a, b) => (a.date ?? '9999') .localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  const picked: { story: number; rank: number; text: string }[] = [];
  let used = 0;
  const longest = Math.max(0, ...ordered.map((s) => s.summarySentences.length));
  for (let rank = 0; rank < longest; rank++) {
    ordered.forEach((story, i) => {
      const text = story.summarySentences[rank]?.text;
      if (!text) return;
      const n = countWords(text);
      if (used + n > budget) return;
      picked.push({ story: i, rank, text });
      used += n;
    });
  }
  // Each sentence ends as the story's summary ends it: a headline-like lead without a stop ran into the next one.
  return picked.sort((a, b) => a.story - b.story || a.rank - b.rank).map((p) => withFullStop(p.text)).join(' ');
}

export function topicEntities(stories: readonly Story[], _articles: readonly Article[]): Entity[] {
  return mergeEntities(stories.map((s) => s.entities));
}
