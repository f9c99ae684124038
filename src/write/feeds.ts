// Pure builders for the site's machine-readable files: Atom and JSON feeds, sitemap, robots.txt, OPML.
import { sha1 } from '../ids.js';
import type { Story } from '../model.js';
import { toOneLine, toTextLine } from './escape.js';
import { EPOCH_DATE, compareText, formatDayTitle, isoDay, plural } from './format.js';
import { pageCount, pageItems } from './paginate.js';
import {
  DAYS_URL,
  SEARCH_URL,
  articlesByPublisher,
  dayUrl,
  editionCounts,
  editionOrder,
  compareStories,
  excerpt,
  publisherPageUrl,
  publisherWebsite,
  storyUrl,
  topicFeedUrl,
  topicStories,
  topicUrl,
  type Index,
  type Page,
} from './pages/index.js';

/** Newest stories in each feed: enough for a reader that polls daily; older ones stay on the site. */
const FEED_ENTRIES = 50;
/**
 * Topic feeds in the OPML, biggest topics first: a list a reader can subscribe to (at 100,000 articles all
 * 39,000 made it 8 MB); every topic page links its own feed.
 */
const OPML_TOPIC_FEEDS = 100;
/** Stories named in a daily edition's feed entry; the day's page has them all. */
const EDITION_ENTRY_STORIES = 50;
export const ATOM_URL = '/feed.xml';
export const JSON_FEED_URL = '/feed.json';
/** The daily editions' feeds: one entry per day, linking its page. */
export const DAYS_ATOM_URL = '/days/feed.xml';
export const DAYS_JSON_FEED_URL = '/days/feed.json';
export const SITEMAP_URL = '/sitemap.xml';
/**
 * URLs per sitemap file: a fifth of the protocol's 50,000, so that one file's front matter stays near 1 MB.
 * Above it, /sitemap.xml is a sitemap index of /sitemaps/1.xml, /sitemaps/2.xml, …
 */
export const SITEMAP_URLS_PER_FILE = 10_000;
/** Page `n` of a sitemap too long for one file. */
export const sitemapPartUrl = (n: number): string => `/sitemaps/${n}.xml`;
export const OPML_URL = '/sources.opml';
/** Pages a search engine should not list: the search form and the not-found page. */
const UNLISTED_URLS: ReadonlySet<string> = new Set([SEARCH_URL, '/404.html']);

/**
 * `urn:uuid:` made from the SHA-1 of `name` (the layout of a version-5 UUID): a valid Atom id that
 * depends on nothing but the name, so an item keeps its id whatever URL the site moves to.
 */
export function stableUuid(name: string): string {
  const hex = sha1(`roundup:${name}`);
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface FeedEntry {
  readonly id: string;
  readonly title: string;
  /** Root-relative; the layout makes it absolute (or prefixed) at render time. */
  readonly url: string;
  /** `YYYY-MM-DD`; Atom requires one, so an undated story gets the fixed epoch date. */
  readonly updated: string;
  readonly published: string | null;
  readonly summary: string;
  readonly content: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
}

export interface FeedData {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly language: string;
  readonly url: string;
  readonly atomUrl: string;
  readonly jsonUrl: string | null;
  readonly updated: string;
  readonly author: string;
  readonly entries: readonly FeedEntry[];
}

function feedEntry(index: Index, story: Story): FeedEntry {
  const publishers = [...new Set(story.articleIds.flatMap((id) => {
    const publisher = index.articles.get(id)?.publisher ?? null;
    return publisher === null || toOneLine(publisher) === '' ? [] : [toOneLine(publisher)];
  }))].sort(compareText);
  const topic = index.topics.get(story.topicId) ?? null;
  const day = isoDay(story.date);
  const summary = toTextLine(story.summary);
  const keyPoints = story.keyPoints.map((p) => `• ${toTextLine(p.text)}`);
  const sources = publishers.length > 0 ? `Sources: ${publishers.join(', ')}.` : '';
  return {
    id: stableUuid(`story:${story.id}`),
    title: toOneLine(story.title),
    url: storyUrl(story.id),
    updated: day ?? EPOCH_DATE,
    published: day,
    summary: excerpt(story.summary),
    content: [summary, keyPoints.join('\n'), sources].filter((part) => part !== '').join('\n\n'),
    authors: publishers,
    tags: topic === null ? [] : [toOneLine(topic.label)],
  };
}

/**
 * One daily edition as a feed entry: its page, its counts, and its stories by topic (the first
 * EDITION_ENTRY_STORIES of them, in the edition's order); the id depends only on the day.
 */
function editionEntry(index: Index, day: string, stories: readonly Story[]): FeedEntry {
  const ordered = editionOrder(index, stories);
  const lines = ordered.slice(0, EDITION_ENTRY_STORIES).map((s) => {
    const topic = index.topics.get(s.topicId);
    return `• ${toOneLine(s.title)}${topic === undefined ? '' : ` (${toOneLine(topic.label)})`}`;
  });
  const more = ordered.length - lines.length;
  const counts = editionCounts(index, stories);
  return {
    id: stableUuid(`day:${day}`),
    title: formatDayTitle(day),
    url: dayUrl(day),
    updated: day,
    published: day,
    summary: counts,
    content: [counts, lines.join('\n'), more > 0 ? `and ${plural(more, 'more story', 'more stories')}` : ''].filter((part) => part !== '').join('\n\n'),
    authors: [],
    tags: [],
  };
}

type FeedMeta = { key: string; title: string; subtitle: string; url: string; atomUrl: string; jsonUrl: string | null };

function feedData(index: Index, stories: readonly Story[], meta: FeedMeta): FeedData {
  const sorted = [...stories].sort(compareStories).slice(0, FEED_ENTRIES);
  return feedOf(index, sorted.map((s) => feedEntry(index, s)), meta);
}

function feedOf(index: Index, entries: readonly FeedEntry[], meta: FeedMeta): FeedData {
  const site = index.digest.site;
  return {
    id: stableUuid(`feed:${meta.key}`),
    title: meta.title,
    subtitle: meta.subtitle,
    language: toOneLine(site.language),
    url: meta.url,
    atomUrl: meta.atomUrl,
    jsonUrl: meta.jsonUrl,
    updated: entries.map((e) => e.updated).sort(compareText).at(-1) ?? EPOCH_DATE,
    author: toOneLine(site.title),
    entries,
  };
}

function feedPage(file: string, layout: string, permalink: string, feed: FeedData): Page {
  return {
    file,
    data: { layout, pageKind: 'feed', title: feed.title, date: feed.updated, permalink, eleventyExcludeFromCollections: true, feed },
    body: '',
  };
}

/** The site's Atom and JSON feeds, the daily editions' Atom and JSON feeds, and one Atom feed per topic. */
export function buildFeedPages(index: Index): Page[] {
  const site = index.digest.site;
  const siteFeed = feedData(index, index.digest.stories, {
    key: `site:${toOneLine(site.title)}`,
    title: toOneLine(site.title),
    subtitle: toOneLine(site.description),
    url: '/',
    atomUrl: ATOM_URL,
    jsonUrl: JSON_FEED_URL,
  });
  // The newest FEED_ENTRIES days, one entry each.
  const daysFeed = feedOf(index, index.days.slice(0, FEED_ENTRIES).map((d) => editionEntry(index, d.day, d.stories)), {
    key: `days:${toOneLine(site.title)}`,
    title: `${toOneLine(site.title)}, day by day`,
    subtitle: `Each day's stories of ${toOneLine(site.title)}, grouped by topic.`,
    url: DAYS_URL,
    atomUrl: DAYS_ATOM_URL,
    jsonUrl: DAYS_JSON_FEED_URL,
  });
  const topicFeeds = index.pagedTopics.map((topic) => feedPage(
    `feeds/topic-${topic.id}.md`,
    'atom.njk',
    topicFeedUrl(topic.id),
    feedData(index, topicStories(index, topic), {
      key: `topic:${topic.id}`,
      title: `${toOneLine(topic.label)} · ${toOneLine(site.title)}`,
      subtitle: excerpt(topic.summary),
      url: topicUrl(topic.id),
      atomUrl: topicFeedUrl(topic.id),
      jsonUrl: null,
    }),
  ));
  return [
    feedPage('feeds/atom.md', 'atom.njk', ATOM_URL, siteFeed),
    feedPage('feeds/json.md', 'json-feed.njk', JSON_FEED_URL, siteFeed),
    feedPage('feeds/days-atom.md', 'atom.njk', DAYS_ATOM_URL, daysFeed),
    feedPage('feeds/days-json.md', 'json-feed.njk', DAYS_JSON_FEED_URL, daysFeed),
    ...topicFeeds,
  ];
}

/**
 * `sitemap.xml` over every HTML page but search and 404, by URL; `lastmod` where the page has a real date.
 * Up to `perFile` URLs it is one sitemap; above, a sitemap index of parts of `perFile` URLs each.
 */
export function buildSitemapPages(htmlPages: readonly Page[], perFile: number = SITEMAP_URLS_PER_FILE): Page[] {
  const urls = htmlPages
    .map((page) => ({ url: String(page.data['permalink']), date: String(page.data['date']) }))
    .filter((entry) => !UNLISTED_URLS.has(entry.url))
    .sort((a, b) => compareText(a.url, b.url))
    .map((entry) => ({ url: entry.url, lastmod: entry.date === EPOCH_DATE ? null : entry.date }));
  const meta = { pageKind: 'sitemap', title: 'Sitemap', date: EPOCH_DATE };
  if (urls.length <= perFile) {
    return [{ file: 'feeds/sitemap.md', data: { layout: 'sitemap.njk', ...meta, permalink: SITEMAP_URL, eleventyExcludeFromCollections: true, urls }, body: '' }];
  }
  const parts = Array.from({ length: pageCount(urls.length, perFile) }, (_, i) => {
    const part = pageItems(urls, perFile, i + 1);
    const lastmod = part.flatMap((u) => (u.lastmod === null ? [] : [u.lastmod])).sort(compareText).at(-1) ?? null;
    return { url: sitemapPartUrl(i + 1), lastmod, urls: part };
  });
  const index: Page = {
    file: 'feeds/sitemap.md',
    data: { layout: 'sitemap-index.njk', ...meta, permalink: SITEMAP_URL, eleventyExcludeFromCollections: true, sitemaps: parts.map(({ url, lastmod }) => ({ url, lastmod })) },
    body: '',
  };
  return [index, ...parts.map((part, i) => ({
    file: `feeds/sitemaps/${i + 1}.md`,
    data: { layout: 'sitemap.njk', ...meta, title: `Sitemap, part ${i + 1}`, permalink: part.url, eleventyExcludeFromCollections: true, urls: part.urls },
    body: '',
  }))];
}

export function buildRobotsPage(): Page {
  return {
    file: 'feeds/robots.md',
    data: { layout: 'robots.njk', pageKind: 'robots', title: 'robots.txt', date: EPOCH_DATE, permalink: '/robots.txt', eleventyExcludeFromCollections: true, sitemapUrl: SITEMAP_URL },
    body: '',
  };
}

/** `sources.opml`: every publisher (its web site when known, else its page here), then this site's feeds (the biggest topics'). */
export function buildOpmlPage(index: Index): Page {
  const site = index.digest.site;
  const publishers = [...articlesByPublisher(index)].map(([name, articles]) => ({
    name,
    website: publisherWebsite(articles),
    url: publisherPageUrl(index, name),
  }));
  const feeds = [
    { title: toOneLine(site.title), url: ATOM_URL, pageUrl: '/' },
    { title: `${toOneLine(site.title)}, day by day`, url: DAYS_ATOM_URL, pageUrl: DAYS_URL },
    ...index.pagedTopics.slice(0, OPML_TOPIC_FEEDS).map((t) => ({ title: toOneLine(t.label), url: topicFeedUrl(t.id), pageUrl: topicUrl(t.id) })),
  ];
  return {
    file: 'feeds/opml.md',
    data: {
      layout: 'opml.njk',
      pageKind: 'opml',
      title: `Sources of ${toOneLine(site.title)}`,
      date: EPOCH_DATE,
      permalink: OPML_URL,
      eleventyExcludeFromCollections: true,
      publishers,
      feeds,
    },
    body: '',
  };
}
