// Every HTML page of the site, one family a module (home, day, story, article, topic, source, entity, lists, search).
import { articlePage } from './article.js';
import { articlesByPublisher, excerptsOnly, unknownPublisherArticles, type Index, type Page } from './common.js';
import { dayPages, daysPages } from './day.js';
import { entityPages } from './entity.js';
import { homePage } from './home.js';
import { PUBLISHER_PREVIEW_ARTICLES, entitiesPages, leftOutPages, sourcesPages, storiesPages, topicsPages } from './lists.js';
import { notFoundPage, searchPage } from './search.js';
import { publisherPages } from './source.js';
import { storyPage } from './story.js';
import { topicPages } from './topic.js';

export * from './common.js';
export { publisherWebsite } from './source.js';
export { editionCounts, editionGroups, editionOrder } from './day.js';

/** The HTML pages one at a time: a run of 100,000 articles has over 200,000, too many to hold at once. */
export function* htmlPages(index: Index): Generator<Page> {
  const digest = index.digest;
  yield homePage(index);
  yield* storiesPages(index);
  yield* daysPages(index);
  yield* dayPages(index);
  yield* sourcesPages(index);
  yield* leftOutPages(index);
  yield* topicsPages(index);
  yield* entitiesPages(index);
  yield searchPage(index);
  yield notFoundPage(index);
  for (const [name, articles] of articlesByPublisher(index)) yield* publisherPages(index, name, articles);
  const unknown = unknownPublisherArticles(index);
  if (unknown.length > PUBLISHER_PREVIEW_ARTICLES) yield* publisherPages(index, null, unknown);
  for (const info of index.entityPages.values()) yield* entityPages(index, info);
  for (const s of digest.stories) yield storyPage(index, s);
  for (const t of index.pagedTopics) yield* topicPages(index, t);
  // With excerpts an article has no page: its lead is with its story's sources (common.ts, excerptsOnly).
  if (!excerptsOnly(index)) for (const a of digest.articles) yield articlePage(index, a);
}
