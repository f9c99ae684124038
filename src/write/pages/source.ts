// A publisher's page (`source.njk`), and the page of articles with no known publisher: stories and articles, a page at a time.
import type { Article, Story } from '../../model.js';
import { safeHttpUrl } from '../escape.js';
import { compareText, plural } from '../format.js';
import { makePager, pageCount, pageFile, pageItems, pageTitle, pageUrl } from '../paginate.js';
import {
  LIST_PAGE_ITEMS, STORY_CARDS_PER_PAGE, UNKNOWN_PUBLISHER_URL, articleItem, compareStories, latestDate, publisherPageUrl, storyCard,
  type Index, type Page,
} from './common.js';

/** The publisher's web site: the origin of its first article URL (in URL order), or null. */
export function publisherWebsite(articles: readonly Article[]): string | null {
  const urls = articles.flatMap((a) => {
    const url = safeHttpUrl(a.url);
    return url === null ? [] : [url];
  }).sort(compareText);
  return urls[0] === undefined ? null : `${new URL(urls[0]).origin}/`;
}

/** The stories the articles went into, newest first. */
export function storiesOf(index: Index, articles: readonly Article[]): Story[] {
  const storyIds = new Set(articles.flatMap((a) => {
    const story = index.storyOfArticle.get(a.id);
    return story ? [story.id] : [];
  }));
  return [...storyIds].flatMap((id) => {
    const story = index.stories.get(id);
    return story ? [story] : [];
  }).sort(compareStories);
}

/**
 * A list of stories and one of articles at `base`, paginated together: page N has the Nth slice of each
 * (STORY_CARDS_PER_PAGE story cards, LIST_PAGE_ITEMS article lines), as many pages as the longer list needs.
 * Publisher and entity pages share it.
 */
export function* storiesAndArticles(index: Index, base: string, stories: readonly Story[], articles: readonly Article[]) {
  const pages = Math.max(pageCount(stories.length, STORY_CARDS_PER_PAGE), pageCount(articles.length, LIST_PAGE_ITEMS));
  for (let n = 1; n <= pages; n += 1) {
    yield {
      number: n,
      url: pageUrl(base, n),
      stories: pageItems(stories, STORY_CARDS_PER_PAGE, n).map((s) => storyCard(index, s)),
      articles: pageItems(articles, LIST_PAGE_ITEMS, n).map((a) => articleItem(index, a)),
      pager: makePager(base, n, pages),
    };
  }
}

/**
 * A publisher's stories and articles, newest first, paginated together (`storiesAndArticles`).
 * `name` null: the articles with no known publisher, at UNKNOWN_PUBLISHER_URL.
 */
export function* publisherPages(index: Index, name: string | null, articles: readonly Article[]): Generator<Page> {
  const stories = storiesOf(index, articles);
  const base = name === null ? UNKNOWN_PUBLISHER_URL : publisherPageUrl(index, name);
  const id = name === null ? null : index.publisherIds.get(name) ?? null;
  const title = name ?? 'Publisher unknown';
  const date = latestDate(stories);
  for (const page of storiesAndArticles(index, base, stories, articles)) {
    const data = {
      layout: 'source.njk',
      pageKind: 'source',
      title: pageTitle(title, page.number),
      description: name === null
        ? `${plural(articles.length, 'article', 'articles')} with no known publisher in ${plural(stories.length, 'story', 'stories')}.`
        : `${plural(articles.length, 'article', 'articles')} from ${name} in ${plural(stories.length, 'story', 'stories')}.`,
      date,
      permalink: page.url,
      publisherId: id,
      website: publisherWebsite(articles),
      articleLabel: plural(articles.length, 'article', 'articles'),
      storyLabel: plural(stories.length, 'story', 'stories'),
      stories: page.stories,
      articles: page.articles,
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: '' };
  }
}
