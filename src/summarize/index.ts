// Summarize stage: a cited multi-source summary, key points, disagreements, quotes and timeline per story.
import type { Article, Story, Topic } from '../model.js';

export interface SummaryOptions {
  readonly summaryWords: number;
  readonly topicSummaryWords: number;
}

export type StorySummary = Omit<Story, 'id' | 'articleIds' | 'topicId'>;
export type TopicSummary = Omit<Topic, 'id' | 'storyIds'>;

// TEMPORARY STAND-IN (replaced by the summarize stage): the lead of the first article.
export function summarizeStory(articles: readonly Article[], options: SummaryOptions): StorySummary {
  const first = articles[0];
  const words = (first?.text ?? '').split(/\s+/).filter(Boolean).slice(0, options.summaryWords);
  const summary = words.join(' ');
  return {
    title: first?.title ?? 'Untitled story',
    summary,
    summarySentences: first ? [{ text: summary, articleIds: [first.id] }] : [],
    keyPoints: [],
    disagreements: [],
    quotes: [],
    timeline: [],
    publishers: [...new Set(articles.flatMap((a) => (a.publisher ? [a.publisher] : [])))].sort(),
    entities: [],
    date: articles.map((a) => a.date).filter((d): d is string => d !== null).sort()[0] ?? null,
  };
}

// TEMPORARY STAND-IN (replaced by the summarize stage).
export function summarizeTopic(stories: readonly Story[], _articles: readonly Article[], _options: SummaryOptions): TopicSummary {
  return { label: stories[0]?.title ?? 'Topic', summary: stories.map((s) => s.summary).join(' '), entities: [] };
}
