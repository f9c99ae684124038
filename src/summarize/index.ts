// Summarize stage: a cited multi-source summary, key points, disagreements, quotes and timeline per story.
import { byDateThenId } from '../ids.js';
import type { Article, Story, Topic } from '../model.js';
import { findDisagreements } from './disagreements.js';
import { keyPoints } from './key-points.js';
import { boundQuotes, quotesBySpeaker, type NameSupport } from './quotes.js';
import { withFullStop } from '../text/sentences.js';
import { carriers, citedSentences, importance, selectSentences } from './select.js';
import { buildTimeline } from './timeline.js';
import { chooseTitle } from './title.js';
import { mergeEntities, topicEntities, topicLabel, topicSummary } from './topic.js';
import { DEPENDENT_OPENING_RE, sentenceUnits, similarityMatrix } from './units.js';

export interface SummaryOptions {
  readonly summaryWords: number;
  readonly topicSummaryWords: number;
  /** Articles of the whole run naming each person (see `nameSupport` in the pipeline); may be empty. */
  readonly nameSupport?: NameSupport;
}

export type StorySummary = Omit<Story, 'id' | 'articleIds' | 'topicId'>;
export type TopicSummary = Omit<Topic, 'id' | 'storyIds'>;

/** The story's articles in a fixed order (earliest date, then id), whatever order they come in. */
function inStoryOrder(articles: readonly Article[]): Article[] {
  return [...articles].sort(byDateThenId);
}

/**
 * The plain-text summary: a standfirst kept for its facts has no full stop of its own, and would run
 * into the next sentence ("… during phone call The two leaders …", seed 000), so it gets one here. The
 * cited sentences keep their exact wording, so each stays findable in its source.
 */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.map(withFullStop).join(' ');
}

export function summarizeStory(input: readonly Article[], options: SummaryOptions): StorySummary {
  const articles = inStoryOrder(input);
  const articleIds = articles.map((a) => a.id);
  const units = sentenceUnits(articles);
  const sim = similarityMatrix(units);
  const scores = importance(units, sim, articles.length);
  const picked = selectSentences(units, scores, sim, options.summaryWords);
  const summarySentences = citedSentences(picked, units, sim, articleIds);
  // The sentence a title is built from must stand alone: no opening connective or quote ("And on this end…").
  const top = units.filter((u) => u.usable && /^[\p{Lu}\p{N}]/u.test(u.text) && !DEPENDENT_OPENING_RE.test(u.text)).sort((a, b) => (scores[b.index] ?? 0) - (scores[a.index] ?? 0) || a.index - b.index)[0];
  const dateOf = new Map(articles.map((a) => [a.id, a.date]));
  const title = chooseTitle(articles, top?.text ?? null);
  const points = keyPoints(articles, units, scores, sim, picked);
  const disagreements = findDisagreements(units, sim, (unit) => carriers(unit, units, sim, articleIds));
  const timeline = buildTimeline(units, (id) => dateOf.get(id) ?? null, sim);
  // Quotes come last: no sentence appears twice on a story page, and the others are what the page shows.
  const shown = [title, ...summarySentences, ...points, ...disagreements.flatMap((d) => d.claims), ...timeline].map((s) => (typeof s === 'string' ? s : s.text));
  const quotes = boundQuotes(quotesBySpeaker(articles, options.nameSupport), shown, articles);
  return {
    title,
    summary: joinSentences(summarySentences.map((s) => s.text)),
    summarySentences,
    keyPoints: points,
    disagreements,
    quotes: quotes.quotes,
    quotesLeftOut: quotes.leftOut,
    timeline,
    publishers: [...new Set(articles.flatMap((a) => (a.publisher ? [a.publisher] : [])))].sort(),
    entities: mergeEntities(articles.map((a) => a.entities)),
    date: articles.map((a) => a.date).filter((d): d is string => d !== null).sort()[0] ?? null,
  };
}

export function summarizeTopic(stories: readonly Story[], articles: readonly Article[], options: SummaryOptions): TopicSummary {
  return {
    label: topicLabel(stories),
    summary: topicSummary(stories, options.topicSummaryWords),
    entities: topicEntities(stories, articles),
  };
}
