// Pure page building: the digest as a sorted list of pages (path, front matter, escaped Markdown body).
import { distinctIds, makeId } from '../ids.js';
import type { Article, CitedSentence, Digest, DuplicateSet, Entity, EntityKind, Story, Topic } from '../model.js';
import { assertSafeId, escapeMarkdown, safeHttpUrl, toOneLine, toTextLine } from './escape.js';
import { EPOCH_DATE, compareDatesDesc, compareText, formatDate, isoDay, plural } from './format.js';
import { makePager, pageCount, pageFile, pageItems, pageTitle, pageUrl, paginate } from './paginate.js';
import { isolateBidi } from '../text/names.js';
import { withFullStop } from '../text/sentences.js';

/** Stories shown in the home page's "Latest" list; the rest are reachable through their topics. */
const HOME_LATEST_STORIES = 12;
/** Stories listed under each topic on the home page before the "all N stories" link. */
const HOME_STORIES_PER_TOPIC = 5;
/** Summary sentences per paragraph on a story page: short paragraphs read better on a phone. */
const SENTENCES_PER_PARAGRAPH = 3;
/** Length of a page's meta description and of story-card summaries, in characters. */
const EXCERPT_CHARS = 220;
/**
 * A person, place or organisation gets its own page when it appears in this many stories: one story's
 * names are already on that story's page; a page earns its place by joining stories together.
 */
const ENTITY_PAGE_MIN_STORIES = 2;
/** Names shown under "In the news" on the home page, most stories first. */
const HOME_ENTITIES = 12;
/** Co-occurring names listed on an entity page. */
const RELATED_ENTITIES = 8;
/**
 * Lines per page of a plain list (articles, topics, names, inputs left out): a page quick to load on a phone,
 * and front matter of tens of KB whatever the corpus (one page held 85,000 articles at 100,000).
 */
const LIST_PAGE_ITEMS = 100;
/** Story cards per page (topic, publisher and entity pages): a card has an excerpt and publishers, twice a line. */
const STORY_CARDS_PER_PAGE = 50;
/** Topics on the home page, most stories first, then a link to /topics/: a front page, not an index. */
const HOME_TOPICS = 24;
/** Publishers per page of /sources/, each with its count and newest articles: 125 article lines, as many as a list page. */
const PUBLISHERS_PER_PAGE = 25;
/** Newest articles under each publisher on /sources/; its own page lists them all. */
const PUBLISHER_PREVIEW_ARTICLES = 5;
/** Inputs left out listed on /sources/; above this they are all on pages of their own (/sources/left-out/). */
const SKIPPED_PREVIEW = 100;

/** One output file: `file` relative to the content folder, front matter `data`, Markdown `body`. */
export interface Page {
  readonly file: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly body: string;
}

export interface CitationView {
  readonly number: number;
  readonly url: string;
  /** Who is cited: the publisher, or the article title when the publisher is unknown. */
  readonly label: string;
}

export interface StoryCard {
  readonly title: string;
  readonly url: string;
  readonly isoDate: string | null;
  readonly dateLabel: string | null;
  readonly excerpt: string;
  readonly sourceLabel: string;
  readonly publishers: readonly string[];
  readonly singleSource: boolean;
}

export const storyUrl = (id: string): string => `/stories/${assertSafeId('story', id)}/`;
export const topicUrl = (id: string): string => `/topics/${assertSafeId('topic', id)}/`;
export const articleUrl = (id: string): string => `/articles/${assertSafeId('article', id)}/`;
export const publisherUrl = (id: string): string => `/sources/${assertSafeId('publisher', id)}/`;
export const entityUrl = (id: string): string => `/entities/${assertSafeId('entity', id)}/`;
export const topicFeedUrl = (id: string): string => `${topicUrl(id)}feed.xml`;
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

const ENTITY_KIND_LABELS: Readonly<Record<EntityKind, { one: string; many: string }>> = {
  person: { one: 'Person', many: 'People' },
  place: { one: 'Place', many: 'Places' },
  organization: { one: 'Organisation', many: 'Organisations' },
};
const ENTITY_KINDS: readonly EntityKind[] = ['person', 'place', 'organization'];

/** Cuts text at a word boundary to at most `max` characters, adding an ellipsis when cut; bidi controls isolated (`isolateBidi`). */
export function excerpt(text: string, max: number = EXCERPT_CHARS): string {
  const line = toOneLine(text);
  if (line.length <= max) return isolateBidi(line);
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return isolateBidi(`${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`);
}

/** Lookups shared by every page builder. */
export interface Index {
  readonly digest: Digest;
  readonly articles: ReadonlyMap<string, Article>;
  readonly stories: ReadonlyMap<string, Story>;
  readonly topics: ReadonlyMap<string, Topic>;
  /** The first story (in digest order) that contains each article. */
  readonly storyOfArticle: ReadonlyMap<string, Story>;
  /** Names that get a page (in 2+ stories), keyed by `entityKey`, sorted by story count then name. */
  readonly entityPages: ReadonlyMap<string, EntityPageInfo>;
  /** Each publisher's page id, by one-line name: distinct for distinct names (`distinctIds`). */
  readonly publisherIds: ReadonlyMap<string, string>;
  /** The set of near-identical copies each copied article (canonical or not) belongs to. */
  readonly copies: ReadonlyMap<string, DuplicateSet>;
  /** Each set's duplicates in "also published by" order, by canonical id: sorted once, not once per copy. */
  readonly copyOrder: Map<string, readonly { readonly id: string; readonly link: CopyLink }[]>;
}

/** A name with its own page: which stories and articles name it. */
export interface EntityPageInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly storyIds: readonly string[];
  readonly articleIds: readonly string[];
}

const entityKey = (kind: EntityKind, name: string): string => `${kind}\u0000${toOneLine(name)}`;

/** Every entity named by 2+ stories, most stories first, ties by name then kind. */
function findEntityPages(digest: Digest): Map<string, EntityPageInfo> {
  const stories = new Map<string, { name: string; kind: EntityKind; storyIds: Set<string>; articleIds: Set<string> }>();
  const add = (entity: Entity): { storyIds: Set<string>; articleIds: Set<string> } => {
    const key = entityKey(entity.kind, entity.name);
    let entry = stories.get(key);
    if (!entry) {
      entry = { name: toOneLine(entity.name), kind: entity.kind, storyIds: new Set(), articleIds: new Set() };
      stories.set(key, entry);
    }
    return entry;
  };
  for (const story of digest.stories) for (const entity of story.entities) add(entity).storyIds.add(story.id);
  for (const article of digest.articles) {
    for (const entity of article.entities) {
      const entry = stories.get(entityKey(entity.kind, entity.name));
      if (entry) entry.articleIds.add(article.id);
    }
  }
  const kept = [...stories].filter(([, e]) => e.storyIds.size >= ENTITY_PAGE_MIN_STORIES && e.name !== '');
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
    articleIds: [...e.articleIds].sort(compareText),
  }]));
}

export function indexDigest(digest: Digest): Index {
  const storyOfArticle = new Map<string, Story>();
  for (const story of digest.stories) {
    for (const id of story.articleIds) if (!storyOfArticle.has(id)) storyOfArticle.set(id, story);
  }
  return {
    digest,
    articles: new Map(digest.articles.map((a) => [a.id, a])),
    stories: new Map(digest.stories.map((s) => [s.id, s])),
    topics: new Map(digest.topics.map((t) => [t.id, t])),
    storyOfArticle,
    entityPages: findEntityPages(digest),
    publisherIds: findPublisherIds(digest),
    copies: indexCopies(digest),
    copyOrder: new Map(),
  };
}

/** Every publisher's page id, by one-line name; names in code-unit order, so a clash is resolved alike on every run. */
function findPublisherIds(digest: Digest): Map<string, string> {
  const names = [...new Set(digest.articles.flatMap((a) => (a.publisher === null ? [] : [toOneLine(a.publisher)])))]
    .filter((name) => name !== '')
    .sort(compareText);
  const ids = distinctIds(names, (name, long) => publisherId(name, long));
  return new Map(names.map((name, i) => [name, ids[i]!]));
}

/** The page of the publisher named `name` (one line, not blank): its id from `publisherIds`. */
export function publisherPageUrl(index: Index, name: string): string {
  const id = index.publisherIds.get(name);
  if (id === undefined) throw new Error(`no page for publisher ${JSON.stringify(name)}: not a publisher of the digest`);
  return publisherUrl(id);
}

/** Each article of a set of copies → its set. A digest written before duplicates were found has none. */
function indexCopies(digest: Digest): Map<string, DuplicateSet> {
  const copies = new Map<string, DuplicateSet>();
  for (const set of digest.duplicates ?? []) for (const id of [set.canonicalId, ...set.duplicateIds]) copies.set(id, set);
  return copies;
}

/** The article shown for `id`: its canonical copy when it is a duplicate, else itself. */
function shownArticleId(index: Index, id: string): string {
  return index.copies.get(id)?.canonicalId ?? id;
}

/** A copy named by its publisher, linked to its own page. */
export interface CopyLink {
  readonly label: string;
  readonly url: string;
}

function copyLink(index: Index, id: string): CopyLink[] {
  const article = index.articles.get(id);
  if (article === undefined) return [];
  const publisher = article.publisher === null ? '' : toOneLine(article.publisher);
  return [{ label: publisher === '' ? 'a copy with no known publisher' : publisher, url: articleUrl(id) }];
}

/**
 * Copies named on a page ("also published by …"); the rest are counted ("and 1,990 more"). A story reprinted
 * 2,000 times named every other copy on each copy's page: 4,000,000 links, 5 GB of pages at 100,000 articles.
 * Every copy is still listed, once, on its publisher's page (or "Publisher unknown").
 */
const COPIES_NAMED = 10;

/** A set's duplicates in the order they are named: publishers in name order, copies with no known publisher last (ties by id). */
function copiesInOrder(index: Index, set: DuplicateSet): readonly { readonly id: string; readonly link: CopyLink }[] {
  let order = index.copyOrder.get(set.canonicalId);
  if (order === undefined) {
    const known = (other: string): boolean => toOneLine(index.articles.get(other)?.publisher ?? '') !== '';
    const list = set.duplicateIds.flatMap((other) => copyLink(index, other).map((link) => ({ id: other, link })));
    list.sort((a, b) => Number(known(b.id)) - Number(known(a.id)) || compareText(a.link.label, b.link.label) || compareText(a.id, b.id));
    index.copyOrder.set(set.canonicalId, (order = list));
  }
  return order;
}

/**
 * The other copies of an article's text ("also published by"): the canonical first, then the duplicates in
 * `copiesInOrder`, at most COPIES_NAMED of them, and how many more there are; none when the text is its own.
 */
function otherCopies(index: Index, id: string): { readonly links: CopyLink[]; readonly more: number } {
  const set = index.copies.get(id);
  if (set === undefined) return { links: [], more: 0 };
  const links = set.canonicalId === id ? [] : copyLink(index, set.canonicalId);
  const total = links.length + set.duplicateIds.length - (set.canonicalId === id ? 0 : 1);
  for (const other of copiesInOrder(index, set)) {
    if (links.length >= COPIES_NAMED) break;
    if (other.id !== id) links.push(other.link);
  }
  return { links, more: total - links.length };
}

/** A source "voice": its publisher, or the article itself when no publisher is known. */
function sourceKey(article: Article): string {
  return article.publisher === null ? `article:${article.id}` : `publisher:${article.publisher}`;
}

function countSources(articles: readonly Article[]): number {
  return new Set(articles.map(sourceKey)).size;
}

function storyArticles(index: Index, story: Story): Article[] {
  return story.articleIds.flatMap((id) => {
    const article = index.articles.get(id);
    return article ? [article] : [];
  });
}

/** Newest first; on the same (or no) date, the story with more articles leads; ties by id. */
export function compareStories(a: Story, b: Story): number {
  return compareDatesDesc(isoDay(a.date), isoDay(b.date)) || b.articleIds.length - a.articleIds.length || compareText(a.id, b.id);
}

function storyCard(index: Index, story: Story): StoryCard {
  const articles = storyArticles(index, story);
  const sources = countSources(articles);
  const publishers = [...new Set(articles.flatMap((a) => (a.publisher === null ? [] : [toOneLine(a.publisher)])))].sort(compareText);
  return {
    title: toOneLine(story.title),
    url: storyUrl(story.id),
    isoDate: isoDay(story.date),
    dateLabel: formatDate(story.date),
    excerpt: excerpt(story.summary),
    sourceLabel: plural(sources, 'source', 'sources'),
    publishers,
    singleSource: sources === 1,
  };
}

export interface EntityLink {
  readonly name: string;
  readonly kind: string;
  /** The entity's page, or null when it has none (named by one story only). */
  readonly url: string | null;
}

function entityLink(index: Index, entity: { readonly kind: EntityKind; readonly name: string }): EntityLink {
  const info = index.entityPages.get(entityKey(entity.kind, entity.name));
  return { name: toOneLine(entity.name), kind: ENTITY_KIND_LABELS[entity.kind].one, url: info ? entityUrl(info.id) : null };
}

/** A publisher's name as a link to its page (a blank name has no page). */
function publisherLink(index: Index, name: string): { readonly name: string; readonly url: string | null } {
  const oneLine = toOneLine(name);
  return { name: oneLine, url: oneLine === '' ? null : publisherPageUrl(index, oneLine) };
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

function citationsFor(index: Index, numbers: ReadonlyMap<string, number>, ids: readonly string[]): CitationView[] {
  const seen = new Set<string>();
  const citations: CitationView[] = [];
  for (const id of ids.map((cited) => shownArticleId(index, cited))) {
    const n = numbers.get(id);
    const article = index.articles.get(id);
    if (n === undefined || article === undefined || seen.has(id)) continue;
    seen.add(id);
    citations.push({ number: n, url: articleUrl(id), label: toOneLine(article.publisher ?? article.title) });
  }
  return citations.sort((a, b) => a.number - b.number);
}

/** `[\[1\]](/articles/x/ "Publisher")` right after a sentence: a numbered link to each cited article. */
function markdownCitations(citations: readonly CitationView[]): string {
  return citations.map((c) => `[\\[${c.number}\\]](${c.url} "${escapeMarkdown(c.label)}")`).join('');
}

function summaryBody(index: Index, story: Story, numbers: ReadonlyMap<string, number>): string {
  const sentences: readonly CitedSentence[] =
    story.summarySentences.length > 0 ? story.summarySentences : [{ text: story.summary, articleIds: [] }];
  const lines = sentences
    .filter((s) => toOneLine(s.text) !== '')
    .map((s) => escapeMarkdown(isolateBidi(withFullStop(s.text))) + markdownCitations(citationsFor(index, numbers, s.articleIds)));
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i += SENTENCES_PER_PARAGRAPH) {
    paragraphs.push(lines.slice(i, i + SENTENCES_PER_PARAGRAPH).join(' '));
  }
  return paragraphs.join('\n\n');
}

function articleParagraphs(article: Article): string[] {
  const paragraphs = article.paragraphs.length > 0 ? article.paragraphs : article.text.split(/\n\s*\n/);
  return paragraphs.map(escapeMarkdown).filter((p) => p !== '').map(isolateBidi);
}

function storyPage(index: Index, story: Story): Page {
  const articles = storyArticles(index, story);
  const totalSources = countSources(articles);
  const numbers = numberSources(index, story);
  const cite = (ids: readonly string[]): CitationView[] => citationsFor(index, numbers, ids);
  const topic = index.topics.get(story.topicId) ?? null;
  const publishers = [...new Set(articles.flatMap((a) => (a.publisher === null ? [] : [toOneLine(a.publisher)])))].sort(compareText);
  const unknownPublishers = articles.filter((a) => a.publisher === null).length;
  const sources = [...numbers].map(([id, n]) => {
    const article = index.articles.get(id) as Article;
    return {
      number: n,
      title: toOneLine(article.title),
      publisher: article.publisher === null ? null : toOneLine(article.publisher),
      isoDate: isoDay(article.date),
      dateLabel: formatDate(article.date),
      url: articleUrl(id),
      originalUrl: safeHttpUrl(article.url),
      ...alsoPublished(index, id),
    };
  });
  const data = {
    layout: 'story.njk',
    pageKind: 'story',
    title: toOneLine(story.title),
    description: excerpt(story.summary),
    date: isoDay(story.date) ?? EPOCH_DATE,
    permalink: storyUrl(story.id),
    storyId: story.id,
    isoDate: isoDay(story.date),
    dateLabel: formatDate(story.date),
    topic: topic === null ? null : { label: toOneLine(topic.label), url: topicUrl(topic.id) },
    coverage: {
      publishers: publishers.map((name) => publisherLink(index, name)),
      /** Articles whose publisher is unknown, each counted as its own source. */
      unknownPublisherLabel: unknownPublishers === 0 ? null : plural(unknownPublishers, 'article with no known publisher', 'articles with no known publisher'),
      sourceCount: totalSources,
      sourceLabel: plural(totalSources, 'source', 'sources'),
      articleLabel: plural(articles.length, 'article', 'articles'),
      singleSource: totalSources === 1,
    },
    keyPoints: story.keyPoints.map((point) => ({
      text: toTextLine(point.text),
      reportedBy: `Reported by ${Math.min(point.sourceCount, totalSources)} of ${plural(totalSources, 'source', 'sources')}`,
      citations: cite(point.articleIds),
    })),
    disagreements: story.disagreements.map((d) => ({
      about: toTextLine(d.about),
      claims: d.claims.map((claim) => {
        const citations = cite(claim.articleIds);
        return { text: toTextLine(claim.text), sources: [...new Set(citations.map((c) => c.label))], citations };
      }),
    })),
    quotes: story.quotes.map((group) => ({
      speaker: toOneLine(group.speaker),
      quotes: group.quotes.map((q) => ({ text: toTextLine(q.text), citations: cite(q.articleIds) })),
    })),
    timeline: story.timeline.map((entry) => ({
      isoDate: isoDay(entry.date),
      dateLabel: formatDate(entry.date) ?? toOneLine(entry.date),
      text: toTextLine(entry.text),
      citations: cite(entry.articleIds),
    })),
    sources,
    entities: story.entities.filter((e) => toOneLine(e.name) !== '').map((e) => entityLink(index, e)),
  };
  return { file: `stories/${story.id}.md`, data, body: summaryBody(index, story, numbers) };
}

/** An item's "also published by" fields: the copies named, and how many more there are. */
function alsoPublished(index: Index, id: string): { readonly alsoPublishedBy: CopyLink[]; readonly moreCopies: number } {
  const { links, more } = otherCopies(index, id);
  return { alsoPublishedBy: links, moreCopies: more };
}

/** "Also published by …", and for a duplicate the canonical copy its story shows; null for a text of its own. */
function articleCopies(index: Index, id: string) {
  const set = index.copies.get(id);
  if (set === undefined) return null;
  const canonical = set.canonicalId === id ? null : index.articles.get(set.canonicalId) ?? null;
  return {
    ...alsoPublished(index, id),
    sameTextAs: canonical === null ? null : { title: toOneLine(canonical.title), url: articleUrl(canonical.id) },
  };
}

function articlePage(index: Index, article: Article): Page {
  const story = index.storyOfArticle.get(article.id) ?? null;
  const standfirst = article.standfirst === null ? null : toTextLine(article.standfirst);
  const paragraphs = articleParagraphs(article);
  const data = {
    layout: 'article.njk',
    pageKind: 'article',
    title: toOneLine(article.title),
    description: excerpt(article.standfirst ?? article.paragraphs[0] ?? article.text),
    date: isoDay(article.date) ?? EPOCH_DATE,
    permalink: articleUrl(article.id),
    articleId: article.id,
    publisher: article.publisher === null ? null : publisherLink(index, article.publisher),
    agencies: article.agencies.map(toOneLine),
    isoDate: isoDay(article.date),
    dateLabel: formatDate(article.date),
    standfirst,
    wordCount: article.wordCount,
    originalUrl: safeHttpUrl(article.url),
    story: story === null ? null : { title: toOneLine(story.title), url: storyUrl(story.id) },
    copies: articleCopies(index, article.id),
  };
  return { file: `articles/${article.id}.md`, data, body: paragraphs.join('\n\n') };
}

export function topicStories(index: Index, topic: Topic): Story[] {
  return topic.storyIds.flatMap((id) => {
    const story = index.stories.get(id);
    return story ? [story] : [];
  }).sort(compareStories);
}

function latestDate(stories: readonly Story[]): string {
  const dates = stories.flatMap((s) => {
    const day = isoDay(s.date);
    return day === null ? [] : [day];
  });
  return dates.sort(compareText).at(-1) ?? EPOCH_DATE;
}

/** A topic's stories, newest first, STORY_CARDS_PER_PAGE a page; its summary (and search) on page 1 only. */
function* topicPages(index: Index, topic: Topic): Generator<Page> {
  const stories = topicStories(index, topic);
  const date = latestDate(stories);
  for (const page of paginate(stories, STORY_CARDS_PER_PAGE, topicUrl(topic.id))) {
    const data = {
      layout: 'topic.njk',
      pageKind: 'topic',
      title: pageTitle(toOneLine(topic.label), page.number),
      description: excerpt(topic.summary),
      date,
      permalink: page.url,
      topicId: topic.id,
      feedUrl: topicFeedUrl(topic.id),
      storyLabel: plural(stories.length, 'story', 'stories'),
      stories: page.items.map((s) => storyCard(index, s)),
      entities: topic.entities.filter((e) => toOneLine(e.name) !== '').map((e) => entityLink(index, e)),
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: page.number === 1 ? isolateBidi(escapeMarkdown(topic.summary)) : '' };
  }
}

/** Topics with the most stories first, ties by id. */
export function sortedTopics(index: Index): Topic[] {
  return [...index.digest.topics].sort(
    (a, b) => topicStories(index, b).length - topicStories(index, a).length || compareText(a.id, b.id),
  );
}

function homePage(index: Index): Page {
  const stories = [...index.digest.stories].sort(compareStories);
  const publishers = new Set(index.digest.articles.flatMap((a) => (a.publisher === null ? [] : [a.publisher])));
  const data = {
    layout: 'home.njk',
    pageKind: 'home',
    title: toOneLine(index.digest.site.title),
    description: toOneLine(index.digest.site.description),
    date: latestDate(stories),
    permalink: '/',
    counts: {
      stories: plural(stories.length, 'story', 'stories'),
      articles: plural(index.digest.articles.length, 'article', 'articles'),
      publishers: plural(publishers.size, 'publisher', 'publishers'),
    },
    latest: stories.slice(0, HOME_LATEST_STORIES).map((s) => storyCard(index, s)),
    inTheNews: [...index.entityPages.values()].slice(0, HOME_ENTITIES).map((e) => ({
      name: e.name,
      url: entityUrl(e.id),
      storyLabel: plural(e.storyIds.length, 'story', 'stories'),
    })),
    moreEntities: index.entityPages.size > HOME_ENTITIES,
    topicCount: plural(index.digest.topics.length, 'topic', 'topics'),
    moreTopics: index.digest.topics.length > HOME_TOPICS,
    topics: sortedTopics(index).slice(0, HOME_TOPICS).map((topic) => {
      const list = topicStories(index, topic);
      return {
        label: toOneLine(topic.label),
        url: topicUrl(topic.id),
        summary: excerpt(topic.summary),
        storyLabel: plural(list.length, 'story', 'stories'),
        more: list.length > HOME_STORIES_PER_TOPIC,
        stories: list.slice(0, HOME_STORIES_PER_TOPIC).map((s) => ({
          title: toOneLine(s.title),
          url: storyUrl(s.id),
          isoDate: isoDay(s.date),
          dateLabel: formatDate(s.date),
        })),
      };
    }),
  };
  return { file: 'index.md', data, body: escapeMarkdown(index.digest.site.description) };
}

/**
 * /sources/: every publisher with its count, its newest articles and a link to its own page, PUBLISHERS_PER_PAGE
 * a page, articles with no known publisher last; the inputs left out on page 1.
 */
function* sourcesPages(index: Index): Generator<Page> {
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

/** Articles whose publisher is unknown (or blank), newest first. */
function unknownPublisherArticles(index: Index): Article[] {
  return index.digest.articles.filter((a) => a.publisher === null || toOneLine(a.publisher) === '').sort(compareArticles);
}

/** Inputs the run left out (error diagnostics), by file then message. */
function skippedInputs(index: Index): { file: string; message: string }[] {
  return index.digest.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ file: toOneLine(d.file), message: toOneLine(d.message) }))
    .sort((a, b) => compareText(a.file, b.file) || compareText(a.message, b.message));
}

/** Every input left out, LIST_PAGE_ITEMS a page, when there are more than /sources/ shows. */
function* leftOutPages(index: Index): Generator<Page> {
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

function compareArticles(a: Article, b: Article): number {
  return compareDatesDesc(isoDay(a.date), isoDay(b.date)) || compareText(a.title, b.title) || compareText(a.id, b.id);
}

/** One line of an article list: title, date, and the story it went into. */
function articleItem(index: Index, article: Article) {
  const story = index.storyOfArticle.get(article.id) ?? null;
  return {
    title: toOneLine(article.title),
    url: articleUrl(article.id),
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

/** The publisher's web site: the origin of its first article URL (in URL order), or null. */
export function publisherWebsite(articles: readonly Article[]): string | null {
  const urls = articles.flatMap((a) => {
    const url = safeHttpUrl(a.url);
    return url === null ? [] : [url];
  }).sort(compareText);
  return urls[0] === undefined ? null : `${new URL(urls[0]).origin}/`;
}

/** The stories the articles went into, newest first. */
function storiesOf(index: Index, articles: readonly Article[]): Story[] {
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
 */
function* storiesAndArticles(index: Index, base: string, stories: readonly Story[], articles: readonly Article[]) {
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
function* publisherPages(index: Index, name: string | null, articles: readonly Article[]): Generator<Page> {
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

/** A name's stories and articles, newest first, paginated together as a publisher's are; related names on every page. */
function* entityPages(index: Index, info: EntityPageInfo): Generator<Page> {
  const stories = info.storyIds.flatMap((id) => {
    const story = index.stories.get(id);
    return story ? [story] : [];
  }).sort(compareStories);
  const articles = info.articleIds.flatMap((id) => {
    const article = index.articles.get(id);
    return article ? [article] : [];
  }).sort(compareArticles);
  // Other names with pages that share a story with this one: most shared stories first, ties by name.
  const shared = new Map<string, number>();
  for (const story of stories) {
    for (const entity of story.entities) {
      const key = entityKey(entity.kind, entity.name);
      if (key === entityKey(info.kind, info.name) || !index.entityPages.has(key)) continue;
      shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }
  const related = [...shared]
    .flatMap(([key, count]) => {
      const other = index.entityPages.get(key);
      return other ? [{ other, count }] : [];
    })
    .sort((a, b) => b.count - a.count || compareText(a.other.name, b.other.name) || compareText(a.other.kind, b.other.kind))
    .slice(0, RELATED_ENTITIES)
    .map(({ other }) => entityLink(index, other));
  const kindLabel = ENTITY_KIND_LABELS[info.kind].one;
  const date = latestDate(stories);
  for (const page of storiesAndArticles(index, entityUrl(info.id), stories, articles)) {
    const data = {
      layout: 'entity.njk',
      pageKind: 'entity',
      title: pageTitle(info.name, page.number),
      description: `${info.name} (${kindLabel.toLowerCase()}) in ${plural(stories.length, 'story', 'stories')} and ${plural(articles.length, 'article', 'articles')}.`,
      date,
      permalink: page.url,
      entityId: info.id,
      name: info.name,
      kind: kindLabel,
      storyLabel: plural(stories.length, 'story', 'stories'),
      articleLabel: plural(articles.length, 'article', 'articles'),
      stories: page.stories,
      articles: page.articles,
      related,
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: '' };
  }
}

/**
 * /entities/: every name with a page, people then places then organisations, each by name, LIST_PAGE_ITEMS
 * a page; each page groups its slice by kind.
 */
function* entitiesPages(index: Index): Generator<Page> {
  const entities = ENTITY_KINDS.flatMap((kind) => [...index.entityPages.values()]
    .filter((e) => e.kind === kind)
    .sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.name, b.name)));
  const date = latestDate(index.digest.stories);
  for (const page of paginate(entities, LIST_PAGE_ITEMS, ENTITIES_URL)) {
    const data = {
      layout: 'entities.njk',
      pageKind: 'entities',
      title: pageTitle('People, places and organisations', page.number),
      description: `Names that appear in more than one story of ${toOneLine(index.digest.site.title)}.`,
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

/** /topics/: every topic, most stories first, LIST_PAGE_ITEMS a page, with its summary, newest story and feed. */
function* topicsPages(index: Index): Generator<Page> {
  const date = latestDate(index.digest.stories);
  for (const page of paginate(sortedTopics(index), LIST_PAGE_ITEMS, TOPICS_URL)) {
    const data = {
      layout: 'topics.njk',
      pageKind: 'topics',
      title: pageTitle('Topics', page.number),
      description: `Every topic of ${toOneLine(index.digest.site.title)}, with its stories.`,
      date,
      permalink: page.url,
      topics: page.items.map((topic) => {
        const stories = topicStories(index, topic);
        return {
          label: toOneLine(topic.label),
          url: topicUrl(topic.id),
          feedUrl: topicFeedUrl(topic.id),
          summary: excerpt(topic.summary),
          storyLabel: plural(stories.length, 'story', 'stories'),
          latest: stories[0] === undefined ? null : { title: toOneLine(stories[0].title), url: storyUrl(stories[0].id) },
        };
      }),
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: '' };
  }
}

/** The search page: Pagefind's index runs in the browser; without JavaScript it says so and links the lists. */
function searchPage(index: Index): Page {
  const data = {
    layout: 'search.njk',
    pageKind: 'search',
    title: 'Search',
    description: `Search the stories, topics and articles of ${toOneLine(index.digest.site.title)}.`,
    date: EPOCH_DATE,
    permalink: SEARCH_URL,
  };
  return { file: 'search.md', data, body: '' };
}

/** `404.html` at the site root: GitHub Pages serves it for any missing URL under the site. */
function notFoundPage(index: Index): Page {
  const data = {
    layout: 'not-found.njk',
    pageKind: 'not-found',
    title: 'Page not found',
    description: `There is no page at this address on ${toOneLine(index.digest.site.title)}.`,
    date: EPOCH_DATE,
    permalink: '/404.html',
  };
  return { file: '404.md', data, body: '' };
}

/** The HTML pages one at a time: a run of 100,000 articles has over 200,000, too many to hold at once. */
export function* htmlPages(index: Index): Generator<Page> {
  const digest = index.digest;
  yield homePage(index);
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
  for (const t of digest.topics) yield* topicPages(index, t);
  for (const a of digest.articles) yield articlePage(index, a);
}
