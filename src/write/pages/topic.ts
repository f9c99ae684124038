// The topic page (`topic.njk`): its stories by day (newest first, a page at a time), then its summary, then its names.
import type { Topic } from '../../model.js';
import { escapeMarkdown, toOneLine } from '../escape.js';
import { plural } from '../format.js';
import { pageFile, pageTitle, paginate } from '../paginate.js';
import { isolateBidi } from '../../text/names.js';
import { STORY_CARDS_PER_PAGE, byDay, entityLink, latestDate, pageDescription, topicFeedUrl, topicStories, topicUrl, type Index, type Page } from './common.js';

/**
 * Names shown under a topic's stories; the rest wait behind a `<details>`. The biggest topic of a 1,437-article
 * run named 231, a screen and a half that pushed its stories below the fold.
 */
const TOPIC_NAMES_SHOWN = 12;

/** A topic's stories, newest first under their days, STORY_CARDS_PER_PAGE a page; its summary (and search) on page 1 only. */
export function* topicPages(index: Index, topic: Topic): Generator<Page> {
  const stories = topicStories(index, topic);
  const date = latestDate(stories);
  const names = topic.entities.filter((e) => toOneLine(e.name) !== '').map((e) => entityLink(index, e));
  for (const page of paginate(stories, STORY_CARDS_PER_PAGE, topicUrl(topic.id))) {
    const data = {
      layout: 'topic.njk',
      pageKind: 'topic',
      title: pageTitle(toOneLine(topic.label), page.number),
      description: pageDescription(topic.summary),
      date,
      permalink: page.url,
      topicId: topic.id,
      feedUrl: topicFeedUrl(topic.id),
      storyLabel: plural(stories.length, 'story', 'stories'),
      days: byDay(index, page.items),
      entities: names.slice(0, TOPIC_NAMES_SHOWN),
      moreEntities: names.slice(TOPIC_NAMES_SHOWN),
      entityLabel: plural(names.length, 'name', 'names'),
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: page.number === 1 ? isolateBidi(escapeMarkdown(topic.summary)) : '' };
  }
}
