// The pages beyond stories, topics and articles: publishers, shared names, feeds, sitemap, OPML, search, 404.
import { describe, expect, it } from 'vitest';
import type { Digest, Entity, Story } from '../../src/model.js';
import { stableUuid } from '../../src/write/feeds.js';
import { buildPages, type Page } from '../../src/write/index.js';
import { LEAD_CHARS } from '../../src/write/pages/common.js';
import { THIRD_ARTICLE_ID, loadFixtureDigest, withThirdStory } from './fixtures.js';

const UUID_URN_RE = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function page(pages: readonly Page[], file: string): Page {
  const found = pages.find((p) => p.file === file);
  if (!found) throw new Error(`no page ${file}; have ${pages.map((p) => p.file).join(', ')}`);
  return found;
}

interface FeedView {
  id: string;
  updated: string;
  entries: { id: string; url: string; title: string; updated: string; published: string | null; authors: string[]; tags: string[] }[];
}

describe('entity pages', () => {
  it('gives no page to a name in two stories only', () => {
    // Ana Ruiz is in both fixture stories: two stories are not several.
    const pages = buildPages(loadFixtureDigest());
    expect(pages.filter((p) => p.file.startsWith('entities/'))).toEqual([]);
  });

  it('gives a page to a name in three stories from more than one publisher', () => {
    const pages = buildPages(withThirdStory(loadFixtureDigest()));
    const entities = pages.filter((p) => p.file.startsWith('entities/'));
    // Ana Ruiz is in all three stories; Old Harbour Bridge, Tom Okafor and Mei Chen in one each.
    expect(entities.map((p) => p.data['title'])).toEqual(['Ana Ruiz']);
    const ana = page(pages, 'entities/ana-ruiz-c8e93f.md');
    expect(ana.data['kind']).toBe('Person');
    // An entity page's date is its newest story's.
    expect(ana.data['date']).toBe('2024-03-06');
    expect((ana.data['stories'] as { title: string }[]).map((s) => s.title)).toEqual(['Ferry fares frozen', 'Old Harbour Bridge closed for repairs', 'Library opens on Sundays']);
    // Its stories only, by title, date and sources (no lead: a name's page is an index); the articles are counted.
    expect(ana.data['articles']).toBeUndefined();
    expect(ana.data['articleLabel']).toBe('4 articles');
    expect((ana.data['stories'] as { excerpt: string }[]).every((s) => s.excerpt === '')).toBe(true);
  });

  it('gives no page to a name whose every article comes from one publisher, however many its stories', () => {
    const digest = withThirdStory(loadFixtureDigest());
    const onePublisher: Digest = { ...digest, articles: digest.articles.map((a) => ({ ...a, publisher: 'Harbour Gazette' })) };
    expect(buildPages(onePublisher).filter((p) => p.file.startsWith('entities/'))).toEqual([]);
    // Two publishers are enough.
    const two: Digest = { ...digest, articles: digest.articles.map((a, i) => ({ ...a, publisher: i === 0 ? 'Coast News' : 'Harbour Gazette' })) };
    expect(buildPages(two).filter((p) => p.file.startsWith('entities/')).map((p) => p.data['title'])).toEqual(['Ana Ruiz']);
  });

  it('asks twice the stories of a name whose publishers are unknown', () => {
    const unknown = (d: Digest): Digest => ({ ...d, articles: d.articles.map((a) => ({ ...a, publisher: null })) });
    const three = withThirdStory(loadFixtureDigest());
    expect(buildPages(unknown(three)).filter((p) => p.file.startsWith('entities/'))).toEqual([]);
    // Six stories naming her, none with a known publisher: a page.
    const six: Digest = {
      ...three,
      stories: [...three.stories, ...[1, 2, 3].map((n) => ({ ...(three.stories[2] as Story), id: `ferry-fares-again-${n}-aa000${n}` }))],
    };
    expect(buildPages(unknown(six)).filter((p) => p.file.startsWith('entities/')).map((p) => p.data['title'])).toEqual(['Ana Ruiz']);
  });

  it('gives no page to a function word or a common word, whatever its reach', () => {
    const names: Entity[] = [
      { name: 'In', kind: 'place', count: 1 },
      { name: 'Everyone', kind: 'person', count: 1 },
      { name: 'Today', kind: 'organization', count: 1 },
      { name: 'Mother', kind: 'person', count: 1 },
      { name: 'Microsoft', kind: 'organization', count: 1 },
      { name: 'US', kind: 'place', count: 1 },
    ];
    const base = withThirdStory(loadFixtureDigest());
    // Every article names them, and says "mother" and "everyone" in lower case, "Microsoft" and "US" in capitals only.
    const said = 'Everyone in the town and every mother agreed, and everyone said so today. Microsoft and the US agreed.';
    const digest: Digest = {
      ...base,
      articles: base.articles.map((a) => ({ ...a, entities: [...a.entities, ...names], paragraphs: [...a.paragraphs, said], text: `${a.text}\n\n${said}` })),
      stories: base.stories.map((s) => ({ ...s, entities: [...s.entities, ...names] })),
    };
    const titles = buildPages(digest).filter((p) => /^entities\/[^/]+\.md$/.test(p.file)).map((p) => p.data['title']).sort();
    // stopwords-iso lists "microsoft" and "us" as English stop words: the run writes them only capitalised (an
    // acronym besides), so they stay names.
    expect(titles).toEqual(['Ana Ruiz', 'Microsoft', 'US']);
  });

  it('links a story\'s names to their pages, and leaves names without one as text', () => {
    const pages = buildPages(withThirdStory(loadFixtureDigest()));
    const story = page(pages, 'stories/old-harbour-bridge-closed-for-repairs-abc123.md');
    expect(story.data['entities']).toEqual([
      { name: 'Old Harbour Bridge', kind: 'Place', url: null },
      { name: 'Ana Ruiz', kind: 'Person', url: '/entities/ana-ruiz-c8e93f/' },
      { name: 'Tom Okafor', kind: 'Person', url: null },
    ]);
    // Without the third story she has no page, and no link.
    const before = page(buildPages(loadFixtureDigest()), 'stories/old-harbour-bridge-closed-for-repairs-abc123.md');
    expect((before.data['entities'] as { url: string | null }[]).map((e) => e.url)).toEqual([null, null, null]);
  });

  it('keeps the same name as a person and as a place apart', () => {
    const digest = withThirdStory(loadFixtureDigest());
    const georgia: Entity[] = [{ name: 'Georgia', kind: 'place', count: 1 }, { name: 'Georgia', kind: 'person', count: 1 }];
    const asPlace = (d: Digest): Digest => ({
      ...d,
      articles: d.articles.map((a) => ({ ...a, entities: [...a.entities, ...georgia] })),
      stories: d.stories.map((s) => ({ ...s, entities: [...s.entities, ...georgia] })),
    });
    const pages = buildPages(asPlace(digest)).filter((p) => p.file.startsWith('entities/'));
    expect(pages.map((p) => [p.data['title'], p.data['kind']]).sort()).toEqual([
      ['Ana Ruiz', 'Person'],
      ['Georgia', 'Person'],
      ['Georgia', 'Place'],
    ]);
    expect(new Set(pages.map((p) => p.data['permalink'])).size).toBe(3);
  });
});

describe('publisher pages', () => {
  it('writes one page per publisher, with its articles and stories', () => {
    const pages = buildPages(loadFixtureDigest());
    const sources = pages.filter((p) => p.file.startsWith('sources/'));
    expect(sources.map((p) => p.data['title'])).toEqual(['Coast News', 'Harbour Gazette', 'The Daily Tide']);
    const gazette = page(pages, 'sources/harbour-gazette-810737.md');
    expect(gazette.data['website']).toBe('https://gazette.example/');
    expect((gazette.data['articles'] as unknown[]).length).toBe(2);
    expect((gazette.data['stories'] as { title: string }[]).map((s) => s.title)).toEqual(['Old Harbour Bridge closed for repairs', 'Library opens on Sundays']);
    expect(page(pages, 'sources/the-daily-tide-301301.md').data['website']).toBeNull();
  });
});

describe('feeds', () => {
  it('gives every entry a urn:uuid id that depends only on the story id', () => {
    const digest = loadFixtureDigest();
    const feed = page(buildPages(digest), 'feeds/atom.md').data['feed'] as FeedView;
    expect(feed.id).toMatch(UUID_URN_RE);
    expect(feed.entries.map((e) => e.id)).toEqual([stableUuid('story:old-harbour-bridge-closed-for-repairs-abc123'), stableUuid('story:library-opens-on-sundays-def456')]);
    for (const e of feed.entries) expect(e.id).toMatch(UUID_URN_RE);
    // A new address, title or summary for the site does not change an entry's id.
    const moved: Digest = { ...digest, site: { ...digest.site, baseUrl: 'https://elsewhere.example/news' }, stories: digest.stories.map((s) => ({ ...s, summary: 'changed', title: 'changed' })) };
    const again = page(buildPages(moved), 'feeds/atom.md').data['feed'] as FeedView;
    expect(again.entries.map((e) => e.id)).toEqual(feed.entries.map((e) => e.id));
  });

  it('lists stories newest first with dates, publishers and topic', () => {
    const feed = page(buildPages(loadFixtureDigest()), 'feeds/atom.md').data['feed'] as FeedView;
    expect(feed.updated).toBe('2024-03-04');
    expect(feed.entries[0]).toMatchObject({
      title: 'Old Harbour Bridge closed for repairs',
      url: '/stories/old-harbour-bridge-closed-for-repairs-abc123/',
      updated: '2024-03-04',
      published: '2024-03-04',
      authors: ['Coast News', 'Harbour Gazette', 'The Daily Tide'],
      tags: ['Harbour transport'],
    });
    // Atom needs an updated date: an undated story gets the fixed epoch, never the clock.
    expect(feed.entries[1]).toMatchObject({ updated: '1970-01-01', published: null });
  });

  it('writes one Atom feed per topic of two stories or more, with only that topic\'s stories', () => {
    const pages = buildPages(withThirdStory(loadFixtureDigest()));
    const civic = page(pages, 'feeds/topic-civic-services-t00002.md');
    expect(civic.data['permalink']).toBe('/topics/civic-services-t00002/feed.xml');
    expect((civic.data['feed'] as FeedView).entries.map((e) => e.title).sort()).toEqual(['Ferry fares frozen', 'Library opens on Sundays']);
    expect(page(pages, 'topics/civic-services-t00002.md').data['feedUrl']).toBe('/topics/civic-services-t00002/feed.xml');
    expect(pages.some((p) => p.file === 'feeds/topic-harbour-transport-t00001.md')).toBe(false);
  });
});

describe('topics of one story', () => {
  // The fixture with a third story: civic services holds two stories, harbour transport one.
  const pages = buildPages(withThirdStory(loadFixtureDigest()));
  const byFile = (file: string): Page => page(pages, file);

  it('give no page, feed or line in /topics/ to a topic that holds one story; a topic of two has all three', () => {
    expect(pages.filter((p) => p.file.startsWith('topics/')).map((p) => p.file)).toEqual(['topics/civic-services-t00002.md']);
    expect((byFile('topics.md').data['topics'] as { url: string }[]).map((t) => t.url)).toEqual(['/topics/civic-services-t00002/']);
    expect((byFile('index.md').data['browse'] as Record<string, { label: string }>)['topics']?.label).toBe('The 1 topic');
  });

  it('link a story to its topic only when the topic has a page', () => {
    const kicker = (file: string): unknown => byFile(file).data['topic'];
    expect(kicker('stories/library-opens-on-sundays-def456.md')).toEqual({ label: 'Civic services', url: '/topics/civic-services-t00002/' });
    expect(kicker('stories/old-harbour-bridge-closed-for-repairs-abc123.md')).toBeNull();
    // No page links a topic that has none.
    const linked = pages.flatMap((p) => JSON.stringify(p.data).match(/\/topics\/[a-z0-9-]+\//g) ?? []);
    expect(linked).not.toContain('/topics/harbour-transport-t00001/');
    expect(linked).toContain('/topics/civic-services-t00002/');
  });
});

describe('sitemap, robots, OPML, search and 404', () => {
  it('lists every HTML page in the sitemap but search and 404', () => {
    const pages = buildPages(withThirdStory(loadFixtureDigest()));
    const urls = (page(pages, 'feeds/sitemap.md').data['urls'] as { url: string }[]).map((u) => u.url);
    const html = pages.filter((p) => !String(p.data['permalink']).match(/\.(xml|json|txt|opml)$/)).map((p) => String(p.data['permalink']));
    expect(urls).toEqual(html.filter((u) => u !== '/search/' && u !== '/404.html').sort());
    expect(urls).toContain('/entities/ana-ruiz-c8e93f/');
    expect(urls).not.toContain('/search/');
  });

  it('lists the publishers in the OPML, with their sites when known', () => {
    const opml = page(buildPages(loadFixtureDigest()), 'feeds/opml.md');
    expect(opml.data['publishers']).toEqual([
      { name: 'Coast News', website: 'https://coast.example/', url: '/sources/coast-news-dfd386/' },
      { name: 'Harbour Gazette', website: 'https://gazette.example/', url: '/sources/harbour-gazette-810737/' },
      { name: 'The Daily Tide', website: null, url: '/sources/the-daily-tide-301301/' },
    ]);
  });

  it('publishes the search page, the 404 page, robots.txt and the feeds at fixed addresses', () => {
    const permalinks = buildPages(loadFixtureDigest()).map((p) => p.data['permalink']);
    for (const url of ['/search/', '/404.html', '/robots.txt', '/sitemap.xml', '/feed.xml', '/feed.json', '/sources.opml', '/topics/', '/entities/']) {
      expect(permalinks).toContain(url);
    }
  });
});

describe('list entries', () => {
  const LONG = `${'The council voted to keep the ferry running through the winter months despite the cost '.repeat(3).trim()}.`;

  it('give a story card its summary\'s first sentence as lead, at most LEAD_CHARS long, cut at a word', () => {
    const base = loadFixtureDigest();
    const story = base.stories[0] as Story;
    const digest: Digest = {
      ...base,
      stories: [
        { ...story, summary: 'Engineers closed the bridge. A crack was found in a girder. Repairs take months.', summarySentences: [{ text: 'Engineers closed the bridge.', articleIds: [] }, { text: 'A crack was found in a girder.', articleIds: [] }] },
        { ...(base.stories[1] as Story), summary: `${LONG} Then more.`, summarySentences: [{ text: LONG, articleIds: [] }] },
      ],
    };
    const pages = buildPages(digest);
    const cards = pages.filter((p) => p.file === 'stories.md').flatMap((p) => (p.data['days'] as { stories: { title: string; excerpt: string }[] }[]).flatMap((d) => d.stories));
    expect(cards.map((c) => c.excerpt)).toContain('Engineers closed the bridge.');
    const long = cards.find((c) => c.title === 'Library opens on Sundays')?.excerpt ?? '';
    expect(long.length).toBeLessThanOrEqual(LEAD_CHARS);
    expect(long.endsWith('…')).toBe(true);
    expect(LONG.startsWith(long.slice(0, -1))).toBe(true);
    // The same lead on every list the story is on: its publisher's page too.
    const gazette = page(pages, 'sources/harbour-gazette-810737.md');
    expect((gazette.data['stories'] as { excerpt: string }[]).map((s) => s.excerpt)).toContain('Engineers closed the bridge.');
  });
});
