// Daily editions, the list of days, all stories, the home page's edition, topic pages and counts that read right (issue 16).
import { describe, expect, it } from 'vitest';
import type { Article, Digest, Story } from '../../src/model.js';
import { buildPages, type Page } from '../../src/write/index.js';
import { coverageLabel } from '../../src/write/pages/index.js';
import { formatDayRange, formatDayTitle } from '../../src/write/format.js';
import { largeDigest, loadFixtureDigest } from './fixtures.js';

const permalink = (page: Page): string => String(page.data['permalink']);
function byUrl(pages: readonly Page[]): Map<string, Page> {
  return new Map(pages.map((p) => [permalink(p), p]));
}
function at(pages: Map<string, Page>, url: string): Page {
  const page = pages.get(url);
  if (!page) throw new Error(`no page at ${url}`);
  return page;
}

interface GroupView { topic: { label: string; url: string } | null; stories: { title: string; url: string; dateLabel: string | null; multiDay: boolean }[] }
interface DayLink { url: string; label: string }

/** The fixture plus a second topic's story on 4 March, one that began on 2 March and ran to the 4th, and one on 6 March. */
function threeDays(): Digest {
  const base = loadFixtureDigest();
  const model = base.articles[0]!;
  const article = (id: string, date: string | null, publisher: string | null): Article => ({ ...model, id, file: `${id}.txt`, title: id, date, publisher, quotes: [] });
  const extra = [
    article('council-vote-aaaaaa', '2024-03-04', 'Coast News'),
    article('storm-warning-bbbbbb', '2024-03-02', null),
    article('storm-damage-cccccc', '2024-03-04', null),
    article('pier-opens-dddddd', '2024-03-06', 'Harbour Gazette'),
  ];
  const story = (id: string, articleIds: string[], date: string, topicId: string): Story => ({ ...base.stories[1]!, id, title: id, articleIds, date, topicId });
  const stories = [
    ...base.stories,
    story('council-vote-s00001', ['council-vote-aaaaaa'], '2024-03-04', 'civic-services-t00002'),
    story('storm-s00002', ['storm-warning-bbbbbb', 'storm-damage-cccccc'], '2024-03-02', 'harbour-transport-t00001'),
    story('pier-opens-s00003', ['pier-opens-dddddd'], '2024-03-06', 'harbour-transport-t00001'),
  ];
  const topics = base.topics.map((t) => ({ ...t, storyIds: stories.filter((s) => s.topicId === t.id).map((s) => s.id) }));
  return { ...base, articles: [...base.articles, ...extra], stories, topics };
}

describe('daily editions', () => {
  it('puts a story in the edition of its earliest dated article, grouped by topic, and shows its range of days', () => {
    const pages = byUrl(buildPages(threeDays()));
    const day = at(pages, '/days/2024-03-04/');
    expect(day.data['title']).toBe('Monday 4 March 2024');
    const groups = day.data['groups'] as GroupView[];
    // Two topics that day; the bridge story (3 articles, dated 4 and 5 March) leads its topic and shows its range.
    expect(groups.map((g) => [g.topic?.label, g.stories.map((s) => s.title)])).toEqual([
      ['Harbour transport', ['Old Harbour Bridge closed for repairs']],
      ['Civic services', ['council-vote-s00001']],
    ]);
    expect(groups[0]?.stories[0]).toMatchObject({ dateLabel: '4–5 March 2024', multiDay: true });
    expect(groups[1]?.stories[0]).toMatchObject({ multiDay: false });
    // The storm story began on 2 March and is on that day only, though an article of it is of the 4th.
    const storm = at(pages, '/days/2024-03-02/').data['groups'] as GroupView[];
    expect(storm.flatMap((g) => g.stories.map((s) => s.title))).toEqual(['storm-s00002']);
    expect(groups.flatMap((g) => g.stories.map((s) => s.title))).not.toContain('storm-s00002');
    expect(day.data['counts']).toBe('2 stories · 4 articles from 3 publishers');
  });

  it("keeps a topic heading that only repeats its one story's headline out of sight (still in the outline)", () => {
    const digest = threeDays();
    // The civic topic is titled by its story's own headline, as a topic titled by its most central story is.
    const topics = digest.topics.map((t) => (t.id === 'civic-services-t00002' ? { ...t, label: 'Council-vote S00001' } : t));
    const day = at(byUrl(buildPages({ ...digest, topics })), '/days/2024-03-04/');
    const groups = day.data['groups'] as (GroupView & { labelRepeatsStory: boolean })[];
    expect(groups.map((g) => [g.topic?.label, g.labelRepeatsStory])).toEqual([['Harbour transport', false], ['Council-vote S00001', true]]);
  });

  it('gathers the stories whose topic holds only them under one "Other stories", after the topics of the day', () => {
    const base = threeDays();
    const model = base.articles[0]!;
    const alone = ['ferry-strike', 'lighthouse-sale'].map((name, i) => ({
      article: { ...model, id: `${name}-eeeee${i}`, file: `${name}.txt`, title: name, date: '2024-03-04', quotes: [] } as Article,
      story: { ...base.stories[1]!, id: `${name}-s0001${i}`, title: name, articleIds: [`${name}-eeeee${i}`], date: '2024-03-04', topicId: `${name}-t0001${i}` } as Story,
    }));
    const digest: Digest = {
      ...base,
      articles: [...base.articles, ...alone.map((a) => a.article)],
      stories: [...base.stories, ...alone.map((a) => a.story)],
      topics: [...base.topics, ...alone.map((a) => ({ ...base.topics[0]!, id: a.story.topicId, label: a.story.title, storyIds: [a.story.id] }))],
    };
    const groups = at(byUrl(buildPages(digest)), '/days/2024-03-04/').data['groups'] as GroupView[];
    expect(groups.map((g) => [g.topic?.label ?? null, g.stories.map((s) => s.title)])).toEqual([
      ['Harbour transport', ['Old Harbour Bridge closed for repairs']],
      ['Civic services', ['council-vote-s00001']],
      [null, ['ferry-strike', 'lighthouse-sale']],
    ]);
  });

  it('links each edition to the day before and after that has stories', () => {
    const pages = byUrl(buildPages(threeDays()));
    const links = (url: string): [DayLink | null, DayLink | null] => [at(pages, url).data['older'] as DayLink | null, at(pages, url).data['newer'] as DayLink | null];
    expect(links('/days/2024-03-04/')).toEqual([
      { url: '/days/2024-03-02/', label: '2 March 2024', isoDate: '2024-03-02' },
      { url: '/days/2024-03-06/', label: '6 March 2024', isoDate: '2024-03-06' },
    ]);
    expect(links('/days/2024-03-02/')[0]).toBeNull();
    expect(links('/days/2024-03-06/')[1]).toBeNull();
  });

  it('lists undated stories on their own page, never under a made-up date', () => {
    const pages = buildPages(threeDays());
    const undated = at(byUrl(pages), '/days/undated/');
    expect((undated.data['groups'] as GroupView[]).flatMap((g) => g.stories.map((s) => s.title))).toEqual(['Library opens on Sundays']);
    expect(undated.data['isoDate']).toBeNull();
    const dayPages = pages.filter((p) => p.data['pageKind'] === 'day');
    expect(dayPages.map(permalink).sort()).toEqual(['/days/2024-03-02/', '/days/2024-03-04/', '/days/2024-03-06/']);
    for (const page of dayPages) expect(JSON.stringify(page.data)).not.toContain('Library opens on Sundays');
    // A digest with dates on every story has no undated page, and /days/ links none.
    const dated = buildPages(loadFixtureDigest()).filter((p) => p.data['pageKind'] === 'undated');
    expect(dated.length).toBe(1);
  });

  it('lists the days by month, newest first, with counts, and links the undated stories', () => {
    const days = at(byUrl(buildPages(threeDays())), '/days/');
    expect(days.data['months']).toEqual([{
      label: 'March 2024',
      counts: '3 days, 4 stories',
      days: [
        { url: '/days/2024-03-06/', isoDate: '2024-03-06', label: 'Wednesday 6 March 2024', counts: '1 story, 1 article' },
        { url: '/days/2024-03-04/', isoDate: '2024-03-04', label: 'Monday 4 March 2024', counts: '2 stories, 4 articles' },
        { url: '/days/2024-03-02/', isoDate: '2024-03-02', label: 'Saturday 2 March 2024', counts: '1 story, 2 articles' },
      ],
    }]);
    expect(days.data['undated']).toEqual({ url: '/days/undated/', label: '1 story with no date' });
  });

  it('paginates a big day, /days/ and /stories/ so that no page outgrows a bound, every story on exactly one page of each', () => {
    const digest = largeDigest();
    // Every story on one day: the edition must still come in pages of 50 cards.
    const oneDay: Digest = { ...digest, articles: digest.articles.map((a) => ({ ...a, date: '2024-05-01' })), stories: digest.stories.map((s) => ({ ...s, date: '2024-05-01' })) };
    const pages = buildPages(oneDay);
    const dayPages = pages.filter((p) => permalink(p).startsWith('/days/2024-05-01/'));
    expect(dayPages.length).toBe(6);
    const onDay = dayPages.flatMap((p) => (p.data['groups'] as GroupView[]).flatMap((g) => g.stories.map((s) => s.url)));
    expect(onDay.length).toBe(300);
    expect(new Set(onDay).size).toBe(300);
    for (const p of dayPages) expect((p.data['groups'] as GroupView[]).flatMap((g) => g.stories).length).toBeLessThanOrEqual(50);
    // Stories in a topic's run keep together: a topic's stories are consecutive across the pages.
    const topicRuns = dayPages.flatMap((p) => (p.data['groups'] as GroupView[]).map((g) => g.topic?.url));
    const seen = new Set<string | undefined>();
    topicRuns.forEach((url, i) => {
      if (url !== topicRuns[i - 1]) expect(seen.has(url), String(url)).toBe(false);
      seen.add(url);
    });

    const all = buildPages(digest);
    const stories = all.filter((p) => p.data['pageKind'] === 'stories');
    expect(stories.length).toBe(6);
    expect(stories.map(permalink)).toEqual(['/stories/', '/stories/page/2/', '/stories/page/3/', '/stories/page/4/', '/stories/page/5/', '/stories/page/6/']);
    const listed = stories.flatMap((p) => (p.data['days'] as { isoDate: string | null; stories: { url: string }[] }[]).flatMap((d) => d.stories.map((s) => [d.isoDate, s.url] as const)));
    expect(new Set(listed.map(([, url]) => url)).size).toBe(300);
    // Newest first, undated last.
    const dates = listed.map(([day]) => day ?? '');
    expect(dates).toEqual([...dates].sort((a, b) => (a === b ? 0 : a === '' ? 1 : b === '' ? -1 : a < b ? 1 : -1)));
    expect(stories[0]?.data['title']).toBe('Stories');
    expect(stories[1]?.data['title']).toBe('Stories — page 2');
  });
});

describe('feeds by day', () => {
  it('has one entry per day, newest first, linking its edition, with an id that depends only on the day', () => {
    const pages = byUrl(buildPages(threeDays()));
    const feed = at(pages, '/days/feed.xml').data['feed'] as { entries: { id: string; url: string; title: string; content: string }[]; jsonUrl: string };
    expect(feed.entries.map((e) => [e.url, e.title])).toEqual([
      ['/days/2024-03-06/', 'Wednesday 6 March 2024'],
      ['/days/2024-03-04/', 'Monday 4 March 2024'],
      ['/days/2024-03-02/', 'Saturday 2 March 2024'],
    ]);
    expect(feed.entries[1]?.content).toContain('• Old Harbour Bridge closed for repairs (Harbour transport)');
    expect(feed.jsonUrl).toBe('/days/feed.json');
    expect(at(pages, '/days/feed.json').data['feed']).toEqual(feed);
    const again = at(byUrl(buildPages({ ...threeDays(), stories: threeDays().stories.map((s) => ({ ...s, title: 'changed' })) })), '/days/feed.xml');
    expect((again.data['feed'] as typeof feed).entries.map((e) => e.id)).toEqual(feed.entries.map((e) => e.id));
    // The per-story feed is as it was: one entry per story.
    expect((at(pages, '/feed.xml').data['feed'] as { entries: unknown[] }).entries.length).toBe(5);
  });
});

describe('the home page', () => {
  it('leads with the latest edition, then running topics, and links the days, all stories and topics', () => {
    const home = at(byUrl(buildPages(threeDays())), '/');
    const edition = home.data['edition'] as { heading: string; url: string; groups: GroupView[]; older: DayLink | null; more: unknown };
    expect(edition.heading).toBe('Wednesday 6 March 2024');
    expect(edition.url).toBe('/days/2024-03-06/');
    expect(edition.groups.map((g) => g.stories.map((s) => s.title))).toEqual([['pier-opens-s00003']]);
    expect(edition.older?.url).toBe('/days/2024-03-04/');
    expect(edition.more).toBeNull();
    // Harbour transport runs beyond the edition (3 stories); Civic services has 2, none shown above.
    expect((home.data['topics'] as { label: string; storyLabel: string }[]).map((t) => [t.label, t.storyLabel])).toEqual([
      ['Harbour transport', '3 stories'],
      ['Civic services', '2 stories'],
    ]);
    expect(home.data['counts']).toBe('5 stories · 8 articles, 3 publishers known · 3 days');
  });
});

describe('topic pages', () => {
  it('lead with their stories under their days, newest first, and show a dozen names with the rest folded', () => {
    const digest = threeDays();
    const names = Array.from({ length: 30 }, (_, i) => ({ name: `Name ${String(i).padStart(2, '0')}`, kind: 'person' as const, count: 1 }));
    const topics = digest.topics.map((t) => ({ ...t, entities: names }));
    const topic = at(byUrl(buildPages({ ...digest, topics })), '/topics/harbour-transport-t00001/');
    expect((topic.data['days'] as { label: string; stories: { title: string }[] }[]).map((d) => [d.label, d.stories.map((s) => s.title)])).toEqual([
      ['6 March 2024', ['pier-opens-s00003']],
      ['4 March 2024', ['Old Harbour Bridge closed for repairs']],
      ['2 March 2024', ['storm-s00002']],
    ]);
    expect((topic.data['entities'] as unknown[]).length).toBe(12);
    expect((topic.data['moreEntities'] as unknown[]).length).toBe(18);
    expect(topic.data['entityLabel']).toBe('30 names');
  });
});

describe('counts that read right', () => {
  it('counts publishers only when known, in one phrase that cannot contradict itself', () => {
    expect(coverageLabel(5, 3, 0)).toBe('5 articles from 3 publishers');
    expect(coverageLabel(5, 2, 1)).toBe('5 articles, 2 publishers known');
    expect(coverageLabel(12, 0, 12)).toBe('12 articles, no publisher known');
    expect(coverageLabel(1, 0, 1)).toBe('1 article, publisher unknown');
    expect(coverageLabel(1437, 3, 1434)).toBe('1,437 articles, 3 publishers known');
  });

  it('says a story with no known publisher has no known publisher, not that it has N sources', () => {
    const digest = threeDays();
    const story = at(byUrl(buildPages(digest)), '/stories/storm-s00002/');
    expect(story.data['coverage']).toMatchObject({ label: '2 articles, no publisher known', publishers: [], unknownPublisherLabel: 'Publisher unknown' });
    expect(JSON.stringify(story.data)).not.toMatch(/\d+ sources, /);
  });

  it('formats days and ranges of days', () => {
    expect(formatDayTitle('2024-02-29')).toBe('Thursday 29 February 2024');
    expect(formatDayRange('2024-03-04', '2024-03-04')).toBe('4 March 2024');
    expect(formatDayRange('2024-03-30', '2024-04-02')).toBe('30 March – 2 April 2024');
    expect(formatDayRange('2023-12-31', '2024-01-02')).toBe('31 December 2023 – 2 January 2024');
    expect(formatDayRange(null, null)).toBeNull();
  });
});
