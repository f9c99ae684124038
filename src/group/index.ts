// Group stage: articles into stories (one event each), stories into topics (related events).
import type { Article } from '../model.js';

export interface GroupOptions {
  readonly storyThreshold: number;
  readonly topicThreshold: number;
  /** Treat every article as one story (to score the summarizer alone). */
  readonly singleStory: boolean;
}

export interface Grouping {
  readonly stories: readonly { readonly id: string; readonly articleIds: readonly string[] }[];
  readonly topics: readonly { readonly id: string; readonly storyIds: readonly string[] }[];
}

// TEMPORARY STAND-IN (replaced by the group stage): one story and one topic per article.
export function groupArticles(articles: readonly Article[], options: GroupOptions): Grouping {
  if (options.singleStory) {
    const ids = articles.map((a) => a.id);
    return { stories: [{ id: 's-all', articleIds: ids }], topics: [{ id: 't-all', storyIds: ['s-all'] }] };
  }
  const stories = articles.map((a) => ({ id: `s-${a.id}`, articleIds: [a.id] }));
  return { stories, topics: stories.map((s) => ({ id: `t-${s.id}`, storyIds: [s.id] })) };
}
