// The lists of everything (`stories.njk`, `topics.njk`, `sources.njk`, `left-out.njk`, `entities.njk`), each a page at a time.
import type { Article } from '../../model.js';
import { toOneLine } from '../escape.js';
import { EPOCH_DATE, compareText, plural } from '../format.js';
import { pageFile, pageTitle, paginate } from '../paginate.js';
import {
  ENTITIES_URL, ENTITY_KINDS, ENTITY_KIND_LABELS, LEFT_OUT_URL, LIST_PAGE_ITEMS, SOURCES_URL, STORIES_URL, STORY_CARDS_PER_PAGE, TOPICS_URL,
  UNKNOWN_PUBLISHER_URL, articleItem, articlesByPublisher, byDay, compareStories, entityUrl, latestDate, lead, publisherPageUrl,
  storyUrl, topicFeedUrl, topicStories, topicUrl, unknownPublisherArticles, type Index, type Page,
} from './common.js';

/** Publishers per page of /sources/, each with its count and newest articles: 125 article lines, as many as a list page. */
const PUBLISHERS_PER_PAGE = 25;
/** Newest articles under each publisher on /sources/; its own page lists them all. */
export const PUBLISHER_PREVIEW_ARTICLES = 5;
/** Inputs left out listed on /sources/; above this they are all on pages of their own (/sources/left-out/). */
const SKIPPED_PREVIEW = 100;

/** /stories/: every story, newest first under its day (undated last), STORY_CARDS_PER_PAGE a page. */
export function* storiesPages(index: Index): Generator<Page> {
  const stories = [...index.digest.stories].sort(compareStories);
  const date = latestDate(stories);
  for (const page of paginate(stories, STORY_CARDS_PER_PAGE, STORIES_URL)) {
    const data = {
      layout: 'stories.njk',
      pageKind: 'stories',
      title: pageTitle('Stories', page.number),
      description: `All ${plural(stories.length, 'story', 'stories')} of ${toOneLine(index.digest.site.title)}, newest first.`,
      date,
      permalink: page.url,
      days: byDay(index, page.items),
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: '' };
  }
}

/**
 * /sources/: every publisher with its count, its newest articles and a link to its own page, PUBLISHERS_PER_PAGE
 * a page, articles with no known publisher last; the inputs left out on page 1.
 */
export function* sourcesPages(index: Index): Generator<Page> {
  const unknown = unknownPublisherArticles(index);
  const groups: { name: string | null; url: string | null; articles: readonly Article[] }[] = [
    ...[...articlesByPublisher(index)].map(([name, articles]) => ({ name, url: publisherPageUrl(index, name), articles })),
    // A blank publisher name counts as unknown (it has no page of its own); they get a page when too many to show here.
    ...(unknown.length === 0 ? [] : [{ name: null, url: unknown.length > PUBLISHER_PREVIEW_ARTICLES ? UNKNOWN_PUBLISHER_URL : null, articles: unknown }]),
  ];
  const skipped = skippedInputs(index);
  const date = latestDate(index.digest.stories);
  for (const page of paginate(groups, PUBLISHERS_PER_PAGE, SOURCES_URL)) {
    const first = page.number === 1;
    const data = {
      layout: 'sources.njk',
      pageKind: 'sources',
      title: pageTitle('Sources', page.number),
      description: `Every publisher and article behind ${toOneLine(index.digest.site.title)}.`,
      date,
      permalink: page.url,
      publishers: page.items.map((group) => ({
        name: group.name,
        url: group.url,
        articleLabel: plural(group.articles.length, 'article', 'articles'),
        articles: group.articles.slice(0, PUBLISHER_PREVIEW_ARTICLES).map((a) => articleItem(index, a)),
        more: group.articles.length > PUBLISHER_PREVIEW_ARTICLES,
      })),
      skipped: first ? skipped.slice(0, SKIPPED_PREVIEW) : [],
      moreSkipped: first && skipped.length > SKIPPED_PREVIEW ? { label: plural(skipped.length, 'input left out', 'inputs left out'), url: LEFT_OUT_URL } : null,
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: '' };
  }
}

/** Inputs the run left out (error diagnostics), by file then message. */
function skippedInputs(index: Index): { file: string; message: string }[] {
  return index.digest.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ file: toOneLine(d.file), message: toOneLine(d.message) }))
    .sort((a, b) => compareText(a.file, b.file) || compareText(a.message, b.message));
}

/** Every input left out, LIST_PAGE_ITEMS a page, when there are more than /sources/ shows. */
export function* leftOutPages(index: Index): Generator<Page> {
  const skipped = skippedInputs(index);
  if (skipped.length <= SKIPPED_PREVIEW) return;
  for (const page of paginate(skipped, LIST_PAGE_ITEMS, LEFT_OUT_URL)) {
    const data = {
      layout: 'left-out.njk',
      pageKind: 'left-out',
      title: pageTitle('Inputs left out', page.number),
      description: `${plural(skipped.length, 'input file', 'input files')} that ${toOneLine(index.digest.site.title)} could not use, and why.`,
      date: EPOCH_DATE,
      permalink: page.url,
      skipped: page.items,
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: '' };
  }
}

/**
 * /entities/: every name with a page, people then places then organisations, each by name, LIST_PAGE_ITEMS
 * a page; each page groups its slice by kind.
 */
export function* entitiesPages(index: Index): Generator<Page> {
  const entities = ENTITY_KINDS.flatMap((kind) => [...index.entityPages.values()]
    .filter((e) => e.kind === kind)
    .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.name, b.name)));
  const date = latestDate(index.digest.stories);
  for (const page of paginate(entities, LIST_PAGE_ITEMS, ENTITIES_URL)) {
    const data = {
      layout: 'entities.njk',
      pageKind: 'entities',
      title: pageTitle('People, places and organisations', page.number),
      description: `People, places and organisations that several stories of ${toOneLine(index.digest.site.title)} name, from more than one publisher.`,
      date,
      permalink: page.url,
      groups: ENTITY_KINDS.map((kind) => ({
        label: ENTITY_KIND_LABELS[kind].many,
        entities: page.items
          .filter((e) => e.kind === kind)
          .map((e) => ({ name: e.name, url: entityUrl(e.id), storyLabel: plural(e.storyIds.length, 'story', 'stories') })),
      })).filter((g) => g.entities.length > 0),
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: '' };
  }
}

/** /topics/: every topic with a page (two stories or more), most stories first, LIST_PAGE_ITEMS a page, with its summary, newest story and feed. */
export function* topicsPages(index: Index): Generator<Page> {
  const date = latestDate(index.digest.stories);
  for (const page of paginate(index.pagedTopics, LIST_PAGE_ITEMS, TOPICS_URL)) {
    const data = {
      layout: 'topics.njk',
      pageKind: 'topics',
      title: pageTitle('Topics', page.number),
      description: `Every topic of ${toOneLine(index.digest.site.title)} that holds more than one story, with its stories.`,
      date,
      permalink: page.url,
      topics: page.items.map((topic) => {
        const stories = topicStories(index, topic);
        return {
          label: toOneLine(topic.label),
          url: topicUrl(topic.id),
          feedUrl: topicFeedUrl(topic.id),
          summary: lead(topic.summary),
          storyLabel: plural(stories.length, 'story', 'stories'),
          latest: stories[0] === undefined ? null : { title: toOneLine(stories[0].title), url: storyUrl(stories[0].id) },
        };
      }),
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: '' };
  }
}
