// The home page (`home.njk`): the latest edition grouped by topic, then the biggest running topics, names in the
// news, and the ways into everything (days, all stories, topics). A site with no dates leads with its stories.
import type { Story } from '../../model.js';
import { escapeMarkdown, toOneLine } from '../escape.js';
import { formatDate, formatDayTitle, isoDay, plural } from '../format.js';
import {
  DAYS_URL, STORIES_URL, TOPICS_URL, coverageOf, dayUrl, entityUrl, latestDate, storyUrl, topicStories, topicUrl,
  type Index, type Page,
} from './common.js';
import { editionCounts, editionGroups, editionOrder, undatedLink } from './day.js';

/** Stories of the latest edition on the home page; the edition's own page has them all. */
const HOME_EDITION_STORIES = 20;
/** Running topics on the home page, most stories first, then a link to /topics/: a front page, not an index. */
const HOME_TOPICS = 12;
/** Stories listed under each running topic on the home page before the "all N stories" link. */
const HOME_STORIES_PER_TOPIC = 4;
/** Names shown under "In the news" on the home page, most stories first. */
const HOME_ENTITIES = 12;

/** "All 4,338 stories", but "The 1 topic" rather than "All 1 topic". */
const allOf = (count: number, one: string, many: string): string => (count === 1 ? `The 1 ${one}` : `All ${plural(count, one, many)}`);

/**
 * The edition the home page leads with: the latest day's stories; on a site with no dated story, its stories
 * (most articles first) under "Latest stories", never a made-up date.
 */
function leadEdition(index: Index) {
  const latest = index.days[0];
  const stories: readonly Story[] = latest?.stories ?? index.undated;
  const ordered = editionOrder(index, stories);
  const shown = ordered.slice(0, HOME_EDITION_STORIES);
  const older = index.days[1];
  return {
    shown,
    view: {
      heading: latest === undefined ? 'Latest stories' : formatDayTitle(latest.day),
      isoDate: latest?.day ?? null,
      url: latest === undefined ? null : dayUrl(latest.day),
      counts: editionCounts(index, stories),
      groups: editionGroups(index, shown),
      more: ordered.length <= shown.length ? null
        : latest === undefined ? { url: STORIES_URL, label: `All ${plural(index.digest.stories.length, 'story', 'stories')}` }
        : { url: dayUrl(latest.day), label: `All ${plural(ordered.length, 'story', 'stories')} of ${formatDate(latest.day) ?? latest.day}` },
      older: older === undefined ? null : { url: dayUrl(older.day), label: formatDate(older.day) ?? older.day, isoDate: older.day },
      undatedNote: latest === undefined && stories.length > 0,
    },
  };
}

export function homePage(index: Index): Page {
  const digest = index.digest;
  const edition = leadEdition(index);
  const inEdition = new Set(edition.shown.map((s) => s.id));
  // Topics that run beyond what the edition shows: a topic whose every story is above is not repeated below.
  const running = index.pagedTopics
    .map((topic) => ({ topic, stories: topicStories(index, topic) }))
    .filter(({ stories }) => stories.length > 1 && stories.some((s) => !inEdition.has(s.id)))
    .slice(0, HOME_TOPICS);
  const data = {
    layout: 'home.njk',
    pageKind: 'home',
    title: toOneLine(digest.site.title),
    description: toOneLine(digest.site.description),
    date: latestDate(digest.stories),
    permalink: '/',
    counts: `${plural(digest.stories.length, 'story', 'stories')} · ${coverageOf(digest.articles)}${index.days.length > 0 ? ` · ${plural(index.days.length, 'day', 'days')}` : ''}`,
    edition: edition.view,
    topics: running.map(({ topic, stories }) => ({
      label: toOneLine(topic.label),
      url: topicUrl(topic.id),
      storyLabel: plural(stories.length, 'story', 'stories'),
      more: stories.length > HOME_STORIES_PER_TOPIC,
      stories: stories.slice(0, HOME_STORIES_PER_TOPIC).map((s) => ({
        title: toOneLine(s.title),
        url: storyUrl(s.id),
        isoDate: isoDay(s.date),
        dateLabel: formatDate(s.date),
      })),
    })),
    inTheNews: [...index.entityPages.values()].slice(0, HOME_ENTITIES).map((e) => ({
      name: e.name,
      url: entityUrl(e.id),
      storyLabel: plural(e.storyIds.length, 'story', 'stories'),
    })),
    moreEntities: index.entityPages.size > HOME_ENTITIES,
    browse: {
      stories: { url: STORIES_URL, label: `${allOf(digest.stories.length, 'story', 'stories')}${index.days.length > 1 ? ', newest first' : ''}` },
      days: index.days.length === 0 ? null : { url: DAYS_URL, label: `Every day, by month (${plural(index.days.length, 'day', 'days')})` },
      undated: index.days.length === 0 ? null : undatedLink(index),
      topics: { url: TOPICS_URL, label: index.pagedTopics.length === 0 ? 'Topics' : allOf(index.pagedTopics.length, 'topic', 'topics') },
    },
  };
  return { file: 'index.md', data, body: escapeMarkdown(digest.site.description) };
}
