// What every page family shares: the page type, addresses, the digest's lookups (Index), cards and counts.
import { distinctIds, makeId } from '../../ids.js';
import type { Article, Digest, DuplicateSet, Entity, EntityKind, Story, Topic } from '../../model.js';
import type { CopyLink } from './copies.js';
import { assertSafeId, toOneLine } from '../escape.js';
import { EPOCH_DATE, compareDatesDesc, compareText, formatDate, formatDayRange, isoDay, plural } from '../format.js';
import { isolateBidi } from '../../text/names.js';
import { splitSentences } from '../../text/sentences.js';
import { countWordCases, isCommonWordName, isFunctionWordName, reachEarnsPage, wordsOfNames } from './entity-names.js';

/** Most characters of a feed entry's summary or subtitle (`excerpt`'s default). */
export const EXCERPT_CHARS = 220;
/** A page's meta description (and og:description), shown by search engines to about 160 characters: each page has two. */
export const DESCRIPTION_CHARS = 160;
/**
 * Most characters of a list entry's lead (story cards, the topics list): a line or two under its title. A list
 * says what each story is and links it; its text is on the story's own page. 220-character excerpts of every
 * story, again on each publisher, name, day and topic list a story is on, were the bulk of those pages.
 */
export const LEAD_CHARS = 200;
/**
 * Lines per page of a plain list (articles, topics, names, days, inputs left out): a page quick to load on a
 * phone, and front matter of tens of KB whatever the corpus (one page held 85,000 articles at 100,000).
 */
export const LIST_PAGE_ITEMS = 100;
/** Story cards per page (stories, days, topics, publishers, names): a card has a lead and publishers, twice a line. */
export const STORY_CARDS_PER_PAGE = 50;
/**
 * Stories a topic needs for a page (and a feed, a place in /topics/ and a heading in the editions) of its own. A
 * story alone is its own page: at 100,000 articles 29,887 of 29,970 topics held one story, and each of their
 * pages repeated that story under its own headline.
 */
export const MIN_TOPIC_PAGE_STORIES = 2;
/** Publishers named on a story card; the rest are counted ("and 140 more"): a wire story has hundreds. */
export const CARD_PUBLISHERS = 8;

/** One output file: `file` relative to the content folder, front matter `data`, Markdown `body`. */
export interface Page {
  readonly file: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly body: string;
}

export const storyUrl = (id: string): string => `/stories/${assertSafeId('story', id)}/`;
export const topicUrl = (id: string): string => `/topics/${assertSafeId('topic', id)}/`;
/** An article's own page; with `site.articleText` "excerpt" there is none (see `articleHref`). */
export const articleUrl = (id: string): string => `/articles/${assertSafeId('article', id)}/`;
export const publisherUrl = (id: string): string => `/sources/${assertSafeId('publisher', id)}/`;
export const entityUrl = (id: string): string => `/entities/${assertSafeId('entity', id)}/`;
export const topicFeedUrl = (id: string): string => `${topicUrl(id)}feed.xml`;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** A daily edition: `/days/2024-03-04/`. */
export const dayUrl = (day: string): string => {
  if (!DAY_RE.test(day)) throw new Error(`not a day: ${JSON.stringify(day)}`);
  return `/days/${day}/`;
};
export const STORIES_URL = '/stories/';
export const DAYS_URL = '/days/';
/** The stories with no dated article: never given a day. `undated` is no `YYYY-MM-DD`, so no day takes it. */
export const UNDATED_URL = '/days/undated/';
export const SOURCES_URL = '/sources/';
export const TOPICS_URL = '/topics/';
export const ENTITIES_URL = '/entities/';
export const SEARCH_URL = '/search/';
/**
 * The articles with no known publisher, when too many for /sources/, and the inputs left out, when too many
 * for its first page. A publisher's id ends in hex digits (`makeId`), so no publisher takes these names.
 */
export const UNKNOWN_PUBLISHER_URL = '/sources/unknown/';
export const LEFT_OUT_URL = '/sources/left-out/';

/**
 * A publisher's page id: slug of the name plus a hash of it; `long` when another name of the run draws the
 * same short id (`publisherIds` decides, so two names never share a page).
 */
export const publisherId = (name: string, long = false): string => makeId(name, `publisher:${name}`, long);
/** An entity's page id: the same name as a person and as a place are two pages; `long` as for publishers. */
export const entityId = (kind: EntityKind, name: string, long = false): string => makeId(name, `entity:${kind}:${name}`, long);

export const ENTITY_KIND_LABELS: Readonly<Record<EntityKind, { one: string; many: string }>> = {
  person: { one: 'Person', many: 'People' },
  place: { one: 'Place', many: 'Places' },
  organization: { one: 'Organisation', many: 'Organisations' },
};
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'place', 'organization'];

/** Cuts text at a word boundary to at most `max` characters, adding an ellipsis when cut; bidi controls isolated (`isolateBidi`). */
export function excerpt(text: string, max: number = EXCERPT_CHARS): string {
  const line = toOneLine(text);
  if (line.length <= max) return isolateBidi(line);
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return isolateBidi(`${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`);
}

/**
 * A page's meta description: the text's whole sentences that fit in DESCRIPTION_CHARS, else its first sentence cut
 * at a word (`excerpt`): "…a cessation of hostilities in Syria.", not "…in Syria. The two…".
 */
export function pageDescription(text: string): string {
  let shown = '';
  for (const sentence of splitSentences(toOneLine(text))) {
    const next = shown === '' ? sentence : `${shown} ${sentence}`;
    if (next.length > DESCRIPTION_CHARS) break;
    shown = next;
  }
  return excerpt(shown === '' ? text : shown, DESCRIPTION_CHARS);
}

/** A list entry's lead: the text's first sentence when it fits in LEAD_CHARS, else its first LEAD_CHARS cut at a word (`excerpt`). */
export function lead(text: string): string {
  const first = splitSentences(toOneLine(text))[0] ?? '';
  return excerpt(first.length > 0 && first.length <= LEAD_CHARS ? first : text, LEAD_CHARS);
}

/** The days a story's dated articles span: its day (the earliest) and its last; both null when none is dated. */
export interface StorySpan {
  readonly first: string | null;
  readonly last: string | null;
}

/** One daily edition: the stories whose earliest dated article is of that day, in edition order (`compareInEdition`). */
export interface DayInfo {
  readonly day: string;
  readonly stories: readonly Story[];
  readonly articleCount: number;
}

/** Lookups shared by every page builder. */
export interface Index {
  readonly digest: Digest;
  readonly articles: ReadonlyMap<string, Article>;
  readonly stories: ReadonlyMap<string, Story>;
  readonly topics: ReadonlyMap<string, Topic>;
  /** Each topic's stories, newest first (`compareStories`), by topic id. */
  readonly topicStories: ReadonlyMap<string, readonly Story[]>;
  /** The topics with a page (MIN_TOPIC_PAGE_STORIES or more stories), most stories first, ties by id. */
  readonly pagedTopics: readonly Topic[];
  /** The first story (in digest order) that contains each article. */
  readonly storyOfArticle: ReadonlyMap<string, Story>;
  /** Names that get a page (`findEntityPages`), keyed by `entityKey`, sorted by story count then name. */
  readonly entityPages: ReadonlyMap<string, EntityPageInfo>;
  /** Each publisher's page id, by one-line name: distinct for distinct names (`distinctIds`). */
  readonly publisherIds: ReadonlyMap<string, string>;
  /** The set of near-identical copies each copied article (canonical or not) belongs to. */
  readonly copies: ReadonlyMap<string, DuplicateSet>;
  /** Each set's duplicates in "also published by" order, by canonical id: sorted once, not once per copy. */
  readonly copyOrder: Map<string, readonly { readonly id: string; readonly link: CopyLink }[]>;
  /** Each story's span of days, by id. */
  readonly spans: ReadonlyMap<string, StorySpan>;
  /** The daily editions, newest first. */
  readonly days: readonly DayInfo[];
  /** Stories with no dated article, in edition order. */
  readonly undated: readonly Story[];
}

/** A name with its own page: which stories and articles name it. */
export interface EntityPageInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly storyIds: readonly string[];
  readonly articleIds: readonly string[];
}

export const entityKey = (kind: EntityKind, name: string): string => `${kind}\u0000${toOneLine(name)}`;

/**
 * The names that earn a page (`entity-names.ts`): in several stories, from more than one publisher (more stories
 * where publishers are unknown), not a function word in its articles' languages, not a common word the corpus
 * mostly writes in lower case. Most stories first, ties by name then kind.
 */
function findEntityPages(digest: Digest): Map<string, EntityPageInfo> {
  const stories = new Map<string, { name: string; kind: EntityKind; storyIds: Set<string>; articles: Article[] }>();
  for (const story of digest.stories) {
    for (const entity of story.entities) {
      const key = entityKey(entity.kind, entity.name);
      let entry = stories.get(key);
      if (!entry) {
        entry = { name: toOneLine(entity.name), kind: entity.kind, storyIds: new Set(), articles: [] };
        stories.set(key, entry);
      }
      entry.storyIds.add(story.id);
    }
  }
  for (const article of digest.articles) {
    const seen = new Set<string>();
    for (const entity of article.entities) {
      const key = entityKey(entity.kind, entity.name);
      const entry = stories.get(key);
      if (entry && !seen.has(key)) entry.articles.push(article);
      seen.add(key);
    }
  }
  const reaching = [...stories].filter(([, e]) => {
    if (e.name === '') return false;
    const publishers = new Set<string>();
    let unattributed = false;
    for (const article of e.articles) {
      const publisher = article.publisher === null ? '' : toOneLine(article.publisher);
      if (publisher === '') unattributed = true;
      else publishers.add(publisher);
    }
    return reachEarnsPage({ stories: e.storyIds.size, publishers: publishers.size, unattributed });
  });
  const cases = countWordCases(digest.articles, wordsOfNames(reaching.map(([, e]) => e.name)));
  const kept = reaching.filter(([, e]) => {
    const languages = [...new Set([digest.site.language, ...e.articles.flatMap((a) => (a.language === null ? [] : [a.language]))])].sort(compareText);
    return !isFunctionWordName(e.name, languages, cases) && !isCommonWordName(e.name, cases);
  });
  // Ids in key order: two names whose short ids clash both take the long form, whatever their story counts.
  kept.sort(([a], [b]) => compareText(a, b));
  const ids = distinctIds(kept, ([, e], long) => entityId(e.kind, e.name, long));
  const idOf = new Map(kept.map(([key], i) => [key, ids[i]!]));
  kept.sort(([, a], [, b]) => b.storyIds.size - a.storyIds.size || compareText(a.name, b.name) || compareText(a.kind, b.kind));
  return new Map(kept.map(([key, e]) => [key, {
    id: idOf.get(key)!,
    name: e.name,
    kind: e.kind,
    storyIds: [...e.storyIds].sort(compareText),
    articleIds: e.articles.map((a) => a.id).sort(compareText),
  }]));
}

/** Every publisher's page id, by one-line name; names in code-unit order, so a clash is resolved alike on every run. */
function findPublisherIds(digest: Digest): Map<string, string> {
  const names = [...new Set(digest.articles.flatMap((a) => (a.publisher === null ? [] : [toOneLine(a.publisher)])))]
    .filter((name) => name !== '')
    .sort(compareText);
  const ids = distinctIds(names, (name, long) => publisherId(name, long));
  return new Map(names.map((name, i) => [name, ids[i]!]));
}

/** Each article of a set of copies → its set. A digest written before duplicates were found has none. */
function indexCopies(digest: Digest): Map<string, DuplicateSet> {
  const copies = new Map<string, DuplicateSet>();
  for (const set of digest.duplicates ?? []) for (const id of [set.canonicalId, ...set.duplicateIds]) copies.set(id, set);
  return copies;
}

/**
 * A story's span: the earliest and latest day of its dated articles (the story's own date counts too, for a
 * digest whose articles lost theirs). The story belongs to the edition of its first day.
 */
function spanOf(articles: ReadonlyMap<string, Article>, story: Story): StorySpan {
  const days = story.articleIds.flatMap((id) => {
    const day = isoDay(articles.get(id)?.date ?? null);
    return day === null ? [] : [day];
  });
  const own = isoDay(story.date);
  if (own !== null) days.push(own);
  if (days.length === 0) return { first: null, last: null };
  days.sort(compareText);
  return { first: days[0] ?? null, last: days.at(-1) ?? null };
}

/** Order inside an edition: the story with more articles first, ties by id. */
export function compareInEdition(a: Story, b: Story): number {
  return b.articleIds.length - a.articleIds.length || compareText(a.id, b.id);
}

/** The daily editions (newest first) and the undated stories, from the stories' spans. */
function findDays(digest: Digest, spans: ReadonlyMap<string, StorySpan>): { days: DayInfo[]; undated: Story[] } {
  const byDay = new Map<string, Story[]>();
  const undated: Story[] = [];
  for (const story of digest.stories) {
    const day = spans.get(story.id)?.first ?? null;
    if (day === null) undated.push(story);
    else {
      const list = byDay.get(day);
      if (list) list.push(story);
      else byDay.set(day, [story]);
    }
  }
  const days = [...byDay].sort(([a], [b]) => compareText(b, a)).map(([day, stories]) => {
    const sorted = [...stories].sort(compareInEdition);
    return { day, stories: sorted, articleCount: sorted.reduce((n, s) => n + s.articleIds.length, 0) };
  });
  return { days, undated: undated.sort(compareInEdition) };
}

export function indexDigest(digest: Digest): Index {
  const storyOfArticle = new Map<string, Story>();
  for (const story of digest.stories) {
    for (const id of story.articleIds) if (!storyOfArticle.has(id)) storyOfArticle.set(id, story);
  }
  const articles = new Map(digest.articles.map((a) => [a.id, a]));
  const spans = new Map(digest.stories.map((s) => [s.id, spanOf(articles, s)]));
  const { days, undated } = findDays(digest, spans);
  const stories = new Map(digest.stories.map((s) => [s.id, s]));
  const topicStoryLists = new Map(digest.topics.map((t) => [t.id, t.storyIds.flatMap((id) => {
    const story = stories.get(id);
    return story ? [story] : [];
  }).sort(compareStories)]));
  const count = (t: Topic): number => topicStoryLists.get(t.id)?.length ?? 0;
  const pagedTopics = digest.topics.filter((t) => count(t) >= MIN_TOPIC_PAGE_STORIES).sort((a, b) => count(b) - count(a) || compareText(a.id, b.id));
  return {
    digest,
    articles,
    stories,
    topics: new Map(digest.topics.map((t) => [t.id, t])),
    topicStories: topicStoryLists,
    pagedTopics,
    storyOfArticle,
    entityPages: findEntityPages(digest),
    publisherIds: findPublisherIds(digest),
    copies: indexCopies(digest),
    copyOrder: new Map(),
    spans,
    days,
    undated,
  };
}

/** The page of the publisher named `name` (one line, not blank): its id from `publisherIds`. */
export function publisherPageUrl(index: Index, name: string): string {
  const id = index.publisherIds.get(name);
  if (id === undefined) throw new Error(`no page for publisher ${JSON.stringify(name)}: not a publisher of the digest`);
  return publisherUrl(id);
}

/** A source "voice": its publisher, or the article itself when no publisher is known. */
function sourceKey(article: Article): string {
  return article.publisher === null || toOneLine(article.publisher) === '' ? `article:${article.id}` : `publisher:${toOneLine(article.publisher)}`;
}

export function countSources(articles: readonly Article[]): number {
  return new Set(articles.map(sourceKey)).size;
}

/** The known publishers of some articles, one-line names in order. */
export function knownPublishers(articles: readonly Article[]): string[] {
  return [...new Set(articles.flatMap((a) => {
    const name = a.publisher === null ? '' : toOneLine(a.publisher);
    return name === '' ? [] : [name];
  }))].sort(compareText);
}

/**
 * How many articles and publishers, counting publishers only when known: "5 articles from 3 publishers" when
 * every publisher is known, "5 articles, 2 publishers known" when some are not, "12 articles, no publisher known".
 */
export function coverageLabel(articleCount: number, publisherCount: number, unknownCount: number): string {
  const articles = plural(articleCount, 'article', 'articles');
  if (unknownCount === 0) return `${articles} from ${plural(publisherCount, 'publisher', 'publishers')}`;
  if (publisherCount === 0) return articleCount === 1 ? `${articles}, publisher unknown` : `${articles}, no publisher known`;
  return `${articles}, ${plural(publisherCount, 'publisher', 'publishers')} known`;
}

/** `coverageLabel` of some articles. */
export function coverageOf(articles: readonly Article[]): string {
  const unknown = articles.filter((a) => a.publisher === null || toOneLine(a.publisher) === '').length;
  return coverageLabel(articles.length, knownPublishers(articles).length, unknown);
}

export function storyArticles(index: Index, story: Story): Article[] {
  return story.articleIds.flatMap((id) => {
    const article = index.articles.get(id);
    return article ? [article] : [];
  });
}

/** Newest first; on the same (or no) date, the story with more articles leads; ties by id. */
export function compareStories(a: Story, b: Story): number {
  return compareDatesDesc(isoDay(a.date), isoDay(b.date)) || b.articleIds.length - a.articleIds.length || compareText(a.id, b.id);
}

export function compareArticles(a: Article, b: Article): number {
  return compareDatesDesc(isoDay(a.date), isoDay(b.date)) || compareText(a.title, b.title) || compareText(a.id, b.id);
}

/** A story's days as a reader sees them: its first day (for `<time>`), the range as text, and its edition. */
export interface SpanView {
  readonly isoDate: string | null;
  readonly dateLabel: string | null;
  /** The edition the story belongs to (its first day), or null when undated. */
  readonly dayUrl: string | null;
}

export function spanView(index: Index, story: Story): SpanView {
  const span = index.spans.get(story.id) ?? { first: null, last: null };
  return {
    isoDate: span.first,
    dateLabel: formatDayRange(span.first, span.last),
    dayUrl: span.first === null ? null : dayUrl(span.first),
  };
}

export interface StoryCard {
  readonly title: string;
  readonly url: string;
  readonly isoDate: string | null;
  readonly dateLabel: string | null;
  readonly excerpt: string;
  readonly coverage: string;
  readonly publishers: readonly string[];
  /** Publishers not named on the card. */
  readonly morePublishers: number;
  readonly singleSource: boolean;
}

/** A value worked out once per index and key, then reused by every page that needs it. */
export function perIndex<T>(cache: WeakMap<Index, Map<string, T>>, index: Index, key: string, make: () => T): T {
  let values = cache.get(index);
  if (!values) {
    values = new Map();
    cache.set(index, values);
  }
  let value = values.get(key);
  if (value === undefined) {
    value = make();
    values.set(key, value);
  }
  return value;
}

/**
 * Whether the site publishes each article's lead alone (`site.articleText` "excerpt"). Then no article has a page
 * of its own: a page holding one paragraph of someone else's article, 3 KB of it the site's frame, was two fifths
 * of an excerpt site's bytes. Its lead is shown with its entry among its story's sources, linked to the original.
 */
export const excerptsOnly = (index: Index): boolean => index.digest.site.articleText === 'excerpt';

/** The article shown for `id`: its canonical copy when it is a duplicate, else itself. */
export function shownArticleId(index: Index, id: string): string {
  return index.copies.get(id)?.canonicalId ?? id;
}

/** Numbers a story's articles 1..N in story order, then any other article its parts cite. */
function numberSources(index: Index, story: Story): Map<string, number> {
  const numbers = new Map<string, number>();
  const add = (id: string): void => {
    if (!numbers.has(id) && index.articles.has(id)) numbers.set(id, numbers.size + 1);
  };
  // A duplicate is shown once, as its canonical copy: it gets no number of its own.
  story.articleIds.forEach((id) => add(shownArticleId(index, id)));
  const cited = [
    ...story.summarySentences,
    ...story.keyPoints,
    ...story.disagreements.flatMap((d) => d.claims),
    ...story.quotes.flatMap((q) => q.quotes),
    ...story.timeline,
  ];
  for (const part of cited) part.articleIds.forEach((id) => add(shownArticleId(index, id)));
  return numbers;
}

const sourceNumbers = new WeakMap<Index, Map<string, Map<string, number>>>();

/** The numbers of a story's sources (`[1]`, and `#source-1` on its page), by article id; worked out once per story. */
export function storySourceNumbers(index: Index, story: Story): ReadonlyMap<string, number> {
  return perIndex(sourceNumbers, index, story.id, () => numberSources(index, story));
}

/** Where an article is read on this site: its own page, or with excerpts its entry among its story's sources. */
export function articleHref(index: Index, id: string): string {
  if (!excerptsOnly(index)) return articleUrl(id);
  const shown = shownArticleId(index, id);
  const story = index.storyOfArticle.get(shown) ?? index.storyOfArticle.get(id);
  if (story === undefined) return '/stories/';
  const n = storySourceNumbers(index, story).get(shown);
  return n === undefined ? storyUrl(story.id) : `${storyUrl(story.id)}#source-${n}`;
}

/** Each story's card, by index: one story's card is on its days, its topic, its publishers' and its names' pages. */
const cards = new WeakMap<Index, Map<string, StoryCard>>();

export function storyCard(index: Index, story: Story): StoryCard {
  return perIndex(cards, index, story.id, () => makeStoryCard(index, story));
}

function makeStoryCard(index: Index, story: Story): StoryCard {
  const articles = storyArticles(index, story);
  const publishers = knownPublishers(articles);
  const span = spanView(index, story);
  return {
    title: toOneLine(story.title),
    url: storyUrl(story.id),
    isoDate: span.isoDate,
    dateLabel: span.dateLabel,
    // The summary's first sentence: the one a reader needs to tell this story from the next.
    excerpt: lead(story.summarySentences[0]?.text ?? story.summary),
    coverage: coverageOf(articles),
    publishers: publishers.slice(0, CARD_PUBLISHERS),
    morePublishers: Math.max(0, publishers.length - CARD_PUBLISHERS),
    singleSource: countSources(articles) === 1,
  };
}

/** Stories of one day (or of no day), consecutive in a list: a heading and its cards. */
export interface DaySection {
  readonly isoDate: string | null;
  readonly label: string;
  /** The day's edition, or null for the undated stories. */
  readonly url: string | null;
  readonly stories: readonly StoryCard[];
}

/** A list of stories (newest first) cut where the day changes, each run under its day; undated ones last. */
export function byDay(index: Index, stories: readonly Story[]): DaySection[] {
  const sections: { isoDate: string | null; label: string; url: string | null; stories: StoryCard[] }[] = [];
  for (const story of stories) {
    const day = index.spans.get(story.id)?.first ?? null;
    const last = sections.at(-1);
    if (last !== undefined && last.isoDate === day) last.stories.push(storyCard(index, story));
    else sections.push({ isoDate: day, label: day === null ? 'No date' : formatDate(day) ?? day, url: day === null ? null : dayUrl(day), stories: [storyCard(index, story)] });
  }
  return sections;
}

export interface EntityLink {
  readonly name: string;
  readonly kind: string;
  /** The entity's page, or null when it has none (named by one story only). */
  readonly url: string | null;
}

export function entityLink(index: Index, entity: { readonly kind: EntityKind; readonly name: string }): EntityLink {
  const info = index.entityPages.get(entityKey(entity.kind, entity.name));
  return { name: toOneLine(entity.name), kind: ENTITY_KIND_LABELS[entity.kind].one, url: info ? entityUrl(info.id) : null };
}

/** A publisher's name as a link to its page (a blank name has no page). */
export function publisherLink(index: Index, name: string): { readonly name: string; readonly url: string | null } {
  const oneLine = toOneLine(name);
  return { name: oneLine, url: oneLine === '' ? null : publisherPageUrl(index, oneLine) };
}

/** One line of an article list: title, date, and the story it went into. */
export function articleItem(index: Index, article: Article) {
  const story = index.storyOfArticle.get(article.id) ?? null;
  return {
    title: toOneLine(article.title),
    url: articleHref(index, article.id),
    publisher: article.publisher === null ? null : toOneLine(article.publisher),
    isoDate: isoDay(article.date),
    dateLabel: formatDate(article.date),
    story: story === null ? null : { title: toOneLine(story.title), url: storyUrl(story.id) },
  };
}

/** Articles grouped by publisher (one-line name), names in case-insensitive order. */
export function articlesByPublisher(index: Index): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of index.digest.articles) {
    if (article.publisher === null || toOneLine(article.publisher) === '') continue;
    const name = toOneLine(article.publisher);
    const group = groups.get(name);
    if (group) group.push(article);
    else groups.set(name, [article]);
  }
  const names = [...groups.keys()].sort((a, b) => compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b));
  return new Map(names.map((name) => [name, [...(groups.get(name) ?? [])].sort(compareArticles)]));
}

/** Articles whose publisher is unknown (or blank), newest first. */
export function unknownPublisherArticles(index: Index): Article[] {
  return index.digest.articles.filter((a) => a.publisher === null || toOneLine(a.publisher) === '').sort(compareArticles);
}

/** A topic's stories, newest first. */
export function topicStories(index: Index, topic: Topic): readonly Story[] {
  return index.topicStories.get(topic.id) ?? [];
}

/** A link to the topic `id`'s page, or null when it has none (missing, or a story alone: MIN_TOPIC_PAGE_STORIES). */
export function topicLink(index: Index, id: string): { readonly label: string; readonly url: string } | null {
  const topic = index.topics.get(id);
  if (topic === undefined || topicStories(index, topic).length < MIN_TOPIC_PAGE_STORIES) return null;
  return { label: toOneLine(topic.label), url: topicUrl(topic.id) };
}

/** The page date of a list: its newest story's day, or the fixed epoch. */
export function latestDate(stories: readonly Story[]): string {
  const dates = stories.flatMap((s) => {
    const day = isoDay(s.date);
    return day === null ? [] : [day];
  });
  return dates.sort(compareText).at(-1) ?? EPOCH_DATE;
}
