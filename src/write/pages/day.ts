// The daily editions (`day.njk`): a day's stories grouped by topic, with the days before and after; the archive of
// days by month (`days.njk`); and the stories with no date, which have a list of their own and never a made-up day.
import type { Story } from '../../model.js';
import { textKey } from '../../text/sentences.js';
import { toOneLine } from '../escape.js';
import { EPOCH_DATE, compareText, formatDate, formatDayTitle, formatMonth, plural } from '../format.js';
import { pageFile, pageTitle, paginate } from '../paginate.js';
import {
  DAYS_URL, LIST_PAGE_ITEMS, STORY_CARDS_PER_PAGE, UNDATED_URL, compareInEdition, coverageLabel, dayUrl, knownPublishers, storyArticles,
  storyCard, topicLink, type DayInfo, type Index, type Page, type StoryCard,
} from './common.js';

/** A story in an edition: its card, and whether its articles run past the day (its card then shows the range). */
export interface EditionStory extends StoryCard {
  readonly multiDay: boolean;
}

/** One topic's stories in an edition; `topic` null for the stories whose topic has no page ("Other stories"). */
export interface EditionGroup {
  readonly topic: { readonly label: string; readonly url: string } | null;
  readonly stories: readonly EditionStory[];
  /**
   * The group's one story bears the topic's label as its own headline (the topic is titled by its most central
   * story): the heading stays for the page's outline but is not shown twice.
   */
  readonly labelRepeatsStory: boolean;
}

/**
 * An edition's stories in reading order: grouped by topic, the topic with most of the edition's stories first
 * (then most articles, then label and id), the stories whose topic has no page last, together; inside a group,
 * most articles first (`compareInEdition`).
 */
export function editionOrder(index: Index, stories: readonly Story[]): Story[] {
  const byTopic = new Map<string, Story[]>();
  for (const story of stories) {
    const key = groupKey(index, story);
    const list = byTopic.get(key);
    if (list) list.push(story);
    else byTopic.set(key, [story]);
  }
  const label = (id: string): string => toOneLine(index.topics.get(id)?.label ?? '');
  const articles = (list: readonly Story[]): number => list.reduce((n, s) => n + s.articleIds.length, 0);
  return [...byTopic]
    .sort(([a, x], [b, y]) => Number(a === OTHER_STORIES) - Number(b === OTHER_STORIES) || y.length - x.length || articles(y) - articles(x)
      || compareText(label(a), label(b)) || compareText(a, b))
    .flatMap(([, list]) => [...list].sort(compareInEdition));
}

/** The group of stories whose topic has no page (a story alone, or a topic missing from the digest): "Other stories". */
const OTHER_STORIES = '';

/** The edition group a story is in: its topic when that has a page, else OTHER_STORIES. */
function groupKey(index: Index, story: Story): string {
  return topicLink(index, story.topicId) === null ? OTHER_STORIES : story.topicId;
}

/** Stories already in `editionOrder`, cut where the topic changes. */
export function editionGroups(index: Index, stories: readonly Story[]): EditionGroup[] {
  const groups: { key: string; topic: EditionGroup['topic']; stories: EditionStory[] }[] = [];
  for (const story of stories) {
    const span = index.spans.get(story.id);
    const card: EditionStory = { ...storyCard(index, story), multiDay: span !== undefined && span.first !== span.last };
    const last = groups.at(-1);
    const key = groupKey(index, story);
    if (last !== undefined && last.key === key) {
      last.stories.push(card);
      continue;
    }
    groups.push({ key, topic: topicLink(index, story.topicId), stories: [card] });
  }
  return groups.map(({ topic, stories: list }) => ({
    topic,
    stories: list,
    labelRepeatsStory: topic !== null && list.length === 1 && textKey(topic.label) === textKey(list[0]!.title),
  }));
}

/** "12 stories from 40 articles, 5 publishers known": the edition's size, publishers counted only when known. */
export function editionCounts(index: Index, stories: readonly Story[]): string {
  const articles = stories.flatMap((s) => storyArticles(index, s));
  const unknown = articles.filter((a) => a.publisher === null || toOneLine(a.publisher) === '').length;
  return `${plural(stories.length, 'story', 'stories')} · ${coverageLabel(articles.length, knownPublishers(articles).length, unknown)}`;
}

const dayLink = (info: DayInfo | undefined) => (info === undefined ? null : { url: dayUrl(info.day), label: formatDate(info.day) ?? info.day, isoDate: info.day });

/**
 * The pages of one edition: its stories in `editionOrder`, STORY_CARDS_PER_PAGE a page (a topic's run may go on
 * over a page break), each page grouped by topic; every page links the editions before and after.
 */
function* editionPages(index: Index, edition: { day: string | null; stories: readonly Story[]; older: DayInfo | undefined; newer: DayInfo | undefined }): Generator<Page> {
  const base = edition.day === null ? UNDATED_URL : dayUrl(edition.day);
  const heading = edition.day === null ? 'Stories with no date' : formatDayTitle(edition.day);
  const site = toOneLine(index.digest.site.title);
  const counts = editionCounts(index, edition.stories);
  for (const page of paginate(editionOrder(index, edition.stories), STORY_CARDS_PER_PAGE, base)) {
    const data = {
      layout: 'day.njk',
      pageKind: edition.day === null ? 'undated' : 'day',
      title: pageTitle(heading, page.number),
      description: edition.day === null
        ? `The stories of ${site} whose articles carry no date: ${counts}.`
        : `The stories of ${site} that began on ${formatDate(edition.day) ?? edition.day}: ${counts}.`,
      date: edition.day ?? EPOCH_DATE,
      permalink: page.url,
      isoDate: edition.day,
      counts,
      groups: editionGroups(index, page.items),
      older: dayLink(edition.older),
      newer: dayLink(edition.newer),
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: '' };
  }
}

/** Every daily edition, newest first, then the undated stories' list when there are any. */
export function* dayPages(index: Index): Generator<Page> {
  const days = index.days;
  for (let i = 0; i < days.length; i += 1) {
    const info = days[i]!;
    yield* editionPages(index, { day: info.day, stories: info.stories, older: days[i + 1], newer: i > 0 ? days[i - 1] : undefined });
  }
  if (index.undated.length > 0) yield* editionPages(index, { day: null, stories: index.undated, older: undefined, newer: undefined });
}

/** The undated stories' list as a link ("3 stories with no date"), or null when every story has a day. */
export function undatedLink(index: Index): { readonly url: string; readonly label: string } | null {
  return index.undated.length === 0 ? null : { url: UNDATED_URL, label: plural(index.undated.length, 'story with no date', 'stories with no date') };
}

/** /days/: every edition by month, newest first, LIST_PAGE_ITEMS days a page, each with its counts; the undated list linked on each. */
export function* daysPages(index: Index): Generator<Page> {
  const months = new Map<string, { days: number; stories: number }>();
  for (const info of index.days) {
    const month = months.get(info.day.slice(0, 7)) ?? { days: 0, stories: 0 };
    months.set(info.day.slice(0, 7), { days: month.days + 1, stories: month.stories + info.stories.length });
  }
  const site = toOneLine(index.digest.site.title);
  for (const page of paginate(index.days, LIST_PAGE_ITEMS, DAYS_URL)) {
    const groups: { month: string; label: string; counts: string; days: unknown[] }[] = [];
    for (const info of page.items) {
      const month = info.day.slice(0, 7);
      let group = groups.at(-1);
      if (group === undefined || group.month !== month) {
        const totals = months.get(month) ?? { days: 0, stories: 0 };
        group = { month, label: formatMonth(month), counts: `${plural(totals.days, 'day', 'days')}, ${plural(totals.stories, 'story', 'stories')}`, days: [] };
        groups.push(group);
      }
      group.days.push({
        url: dayUrl(info.day),
        isoDate: info.day,
        label: formatDayTitle(info.day),
        counts: `${plural(info.stories.length, 'story', 'stories')}, ${plural(info.articleCount, 'article', 'articles')}`,
      });
    }
    const data = {
      layout: 'days.njk',
      pageKind: 'days',
      title: pageTitle('Days', page.number),
      description: index.days.length === 0
        ? `No story of ${site} has a date yet.`
        : `Every day of ${site}, by month: ${plural(index.days.length, 'day', 'days')} with stories.`,
      date: index.days[0]?.day ?? EPOCH_DATE,
      permalink: page.url,
      hasDays: index.days.length > 0,
      months: groups.map(({ label, counts, days }) => ({ label, counts, days })),
      undated: undatedLink(index),
      pager: page.pager,
    };
    yield { file: pageFile(page.url), data, body: '' };
  }
}
