// Paginated list pages over a digest whose every list outgrows a page: reachability, pagers, bounded front matter, sitemap index.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/model.js';
import { SITEMAP_URLS_PER_FILE, buildSitemapPages } from '../../src/write/feeds.js';
import { buildPages, renderPage, type Page } from '../../src/write/index.js';
import { largeDigest, loadFixtureDigest } from './fixtures.js';

/** The list pages a reader browses (story and article pages are not lists). */
const LIST_KINDS = new Set(['home', 'stories', 'days', 'day', 'undated', 'topics', 'topic', 'sources', 'source', 'left-out', 'entities', 'entity']);
/** The most front matter any page of the large digest may have: its unpaginated /sources/ had 160 KB. */
const FRONT_MATTER_BOUND = 48 * 1024;

interface PagerView {
  page: number;
  pages: number;
  first: string;
  last: string;
  prev: string | null;
  next: string | null;
  links: { number: number | null; url: string | null; current: boolean }[];
}

/** Every root-relative URL anywhere in a page's data (cards, item lists, pagers, "all N" links). */
function linksIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.startsWith('/')) out.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => linksIn(v, out));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => linksIn(v, out));
  return out;
}

const permalink = (page: Page): string => String(page.data['permalink']);

function frontMatter(page: Page): string {
  const text = renderPage(page);
  return text.slice(0, text.indexOf('\n---\n', 4) + 5);
}

describe('a site whose lists outgrow one page', () => {
  let digest: Digest;
  let pages: Page[];
  let byUrl: Map<string, Page>;
  beforeAll(() => {
    digest = largeDigest();
    pages = buildPages(digest);
    byUrl = new Map(pages.map((p) => [permalink(p), p]));
  });

  /** The list pages reachable from the home page and the site's navigation, following links in list pages only. */
  function reachable(): Set<string> {
    const seen = new Set<string>();
    const queue = ['/', '/stories/', '/days/', '/topics/', '/sources/', '/entities/'];
    while (queue.length > 0) {
      const url = queue.shift() as string;
      if (seen.has(url)) continue;
      seen.add(url);
      const page = byUrl.get(url);
      if (page && LIST_KINDS.has(String(page.data['pageKind']))) queue.push(...linksIn(page.data));
    }
    return seen;
  }

  it('reaches every article, story, topic, publisher and name through the lists', () => {
    const seen = reachable();
    const missing = pages
      .filter((p) => ['article', 'story', 'topic', 'source', 'entity', 'topics', 'entities', 'sources', 'left-out', 'stories', 'days', 'day', 'undated'].includes(String(p.data['pageKind'])))
      .map(permalink)
      .filter((url) => !seen.has(url));
    expect(missing).toEqual([]);
    // Every link of a list leads to a page that exists (or a feed).
    for (const url of seen) expect(byUrl.has(url) || url.endsWith('/feed.xml'), url).toBe(true);
  });

  it('paginates every long list, and keeps each list page under a fixed size', () => {
    const later = pages.filter((p) => /\/page\/\d+\/$/.test(permalink(p))).map(permalink);
    for (const base of ['/stories/', '/topics/', '/sources/', '/entities/', '/sources/left-out/', '/sources/unknown/', '/topics/topic-000-t00000/']) {
      expect(later, base).toContain(`${base}page/2/`);
    }
    expect(later.some((u) => /^\/sources\/big-wire-[0-9a-f]{6}\/page\/2\/$/.test(u))).toBe(true);
    expect(later.some((u) => /^\/entities\/everett-quinn-[0-9a-f]{6}\/page\/2\/$/.test(u))).toBe(true);
    const sizes = pages.filter((p) => p.data['pageKind'] !== 'sitemap').map((p) => [p.file, Buffer.byteLength(frontMatter(p))] as const);
    expect(sizes.filter(([, size]) => size > FRONT_MATTER_BOUND)).toEqual([]);
  });

  it('puts each item of a list on exactly one of its pages, in order', () => {
    const family = (base: string): Page[] => {
      const first = byUrl.get(base);
      if (!first) throw new Error(`no page ${base}`);
      const n = (first.data['pager'] as PagerView | null)?.pages ?? 1;
      return Array.from({ length: n }, (_, i) => byUrl.get(i === 0 ? base : `${base}page/${i + 1}/`) as Page);
    };
    // Only a topic of two stories or more has a page and a line in /topics/; a story alone is its own page.
    const paged = digest.topics.filter((t) => t.storyIds.length >= 2);
    expect(paged.length).toBeLessThan(digest.topics.length);
    const topicUrls = family('/topics/').flatMap((p) => (p.data['topics'] as { url: string }[]).map((t) => t.url));
    expect(topicUrls.length).toBe(paged.length);
    expect(new Set(topicUrls)).toEqual(new Set(paged.map((t) => `/topics/${t.id}/`)));
    for (const t of digest.topics) expect(byUrl.has(`/topics/${t.id}/`), t.id).toBe(t.storyIds.length >= 2);
    const bigWire = pages.find((p) => p.data['pageKind'] === 'source' && p.data['title'] === 'Big Wire');
    const wirePages = family(permalink(bigWire as Page));
    const wireArticles = wirePages.flatMap((p) => (p.data['articles'] as { url: string; isoDate: string | null }[]));
    expect(wireArticles.length).toBe(150);
    expect(new Set(wireArticles.map((a) => a.url)).size).toBe(150);
    // Newest first across the pages, undated last.
    const dates = wireArticles.map((a) => a.isoDate ?? '');
    expect(dates).toEqual([...dates].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? 1 : a > b ? -1 : 0)));
    const wireStories = wirePages.flatMap((p) => (p.data['stories'] as { url: string }[]).map((s) => s.url));
    expect(wireStories.length).toBe(75);
    expect(new Set(wireStories).size).toBe(75);
    const names = family('/entities/').flatMap((p) => (p.data['groups'] as { entities: { url: string }[] }[]).flatMap((g) => g.entities.map((e) => e.url)));
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(pages.filter((p) => p.data['pageKind'] === 'entity' && !/\/page\//.test(permalink(p))).length);
    const leftOut = family('/sources/left-out/').flatMap((p) => p.data['skipped'] as unknown[]);
    expect(leftOut.length).toBe(250);
  });

  it('links each page to the next and back, with a title that says which page it is', () => {
    for (const page of pages) {
      const pager = page.data['pager'] as PagerView | null | undefined;
      if (!pager) continue;
      const url = permalink(page);
      expect(pager.links.find((l) => l.current)?.url, url).toBe(url);
      expect(pager.first === url, url).toBe(pager.page === 1);
      expect(pager.last === url, url).toBe(pager.page === pager.pages);
      if (pager.page > 1) expect(String(page.data['title']), url).toMatch(new RegExp(` — page ${pager.page}$`));
      else expect(String(page.data['title'])).not.toMatch(/ — page/);
      for (const [step, back, offset] of [['next', 'prev', 1], ['prev', 'next', -1]] as const) {
        const other = pager[step];
        if (other === null) {
          expect(pager.page, url).toBe(step === 'next' ? pager.pages : 1);
          continue;
        }
        const otherPager = byUrl.get(other)?.data['pager'] as PagerView | undefined;
        expect(otherPager?.[back], `${url} ${step}`).toBe(url);
        expect(otherPager?.page).toBe(pager.page + offset);
        expect(otherPager?.pages).toBe(pager.pages);
      }
    }
  });

  it('lists the feeds of the 100 biggest topics in the OPML, after the site feed and the daily editions feed', () => {
    const feeds = (byUrl.get('/sources.opml')?.data['feeds'] as { url: string }[]).map((f) => f.url);
    expect(feeds.length).toBe(102);
    expect(feeds.slice(0, 3)).toEqual(['/feed.xml', '/days/feed.xml', '/topics/topic-000-t00000/feed.xml']);
  });

  it('keeps the home page to 20 stories of its edition and 12 running topics, with links to all of them', () => {
    const home = byUrl.get('/') as Page;
    const edition = home.data['edition'] as { groups: { stories: unknown[] }[]; more: { url: string; label: string } | null };
    expect(edition.groups.flatMap((g) => g.stories).length).toBeLessThanOrEqual(20);
    expect((home.data['topics'] as unknown[]).length).toBe(12);
    const browse = home.data['browse'] as Record<string, { url: string; label: string } | null>;
    expect(browse['topics']).toEqual({ url: '/topics/', label: `All ${digest.topics.filter((t) => t.storyIds.length >= 2).length} topics` });
    expect(browse['stories']).toEqual({ url: '/stories/', label: 'All 300 stories, newest first' });
    expect(browse['days']?.url).toBe('/days/');
    // Every story of this digest has a dated article: no undated list to link.
    expect(browse['undated']).toBeNull();
  });

  it('lists every HTML page in the sitemap once, later list pages too', () => {
    const sitemap = pages.filter((p) => p.data['pageKind'] === 'sitemap');
    expect(sitemap.map((p) => p.file)).toEqual(['feeds/sitemap.md']);
    const urls = (sitemap[0]?.data['urls'] as { url: string }[]).map((u) => u.url);
    expect(urls).toContain('/topics/page/2/');
    expect(new Set(urls).size).toBe(urls.length);
    const html = pages.filter((p) => !/\.(xml|json|txt|opml|html)$/.test(permalink(p)) && permalink(p) !== '/search/').map(permalink).sort();
    expect(urls).toEqual(html);
  });

  it('never lets a list page and an id page share a URL, even for a topic with the id "page"', () => {
    const renamed: Digest = {
      ...digest,
      topics: digest.topics.map((t, i) => (i === 0 ? { ...t, id: 'page' } : t)),
      stories: digest.stories.map((s) => (s.topicId === digest.topics[0]?.id ? { ...s, topicId: 'page' } : s)),
    };
    const urls = buildPages(renamed).map(permalink);
    expect(urls).toEqual(expect.arrayContaining(['/topics/page/', '/topics/page/2/', '/topics/page/page/2/']));
  });
});

describe('sitemap index', () => {
  const fakePages = (n: number): Page[] =>
    Array.from({ length: n }, (_, i) => ({ file: `x/${i}.md`, data: { permalink: `/x/${String(i).padStart(6, '0')}/`, date: i % 2 ? '2024-03-04' : '1970-01-01' }, body: '' }));

  it('is one sitemap up to the bound, as small sites have always had', () => {
    for (const n of [0, 1, 10, SITEMAP_URLS_PER_FILE]) {
      const out = buildSitemapPages(fakePages(n));
      expect(out.map((p) => [p.file, p.data['permalink'], p.data['layout']])).toEqual([['feeds/sitemap.md', '/sitemap.xml', 'sitemap.njk']]);
      expect((out[0]?.data['urls'] as unknown[]).length).toBe(n);
    }
  });

  it('becomes an index of parts above it, listing every URL exactly once', () => {
    const n = SITEMAP_URLS_PER_FILE * 2 + 1;
    const out = buildSitemapPages(fakePages(n));
    expect(out.map((p) => [p.file, p.data['permalink']])).toEqual([
      ['feeds/sitemap.md', '/sitemap.xml'],
      ['feeds/sitemaps/1.md', '/sitemaps/1.xml'],
      ['feeds/sitemaps/2.md', '/sitemaps/2.xml'],
      ['feeds/sitemaps/3.md', '/sitemaps/3.xml'],
    ]);
    const index = out[0] as Page;
    expect(index.data['layout']).toBe('sitemap-index.njk');
    // A part's lastmod is its newest page's; the last part holds one undated page.
    expect(index.data['sitemaps']).toEqual([
      { url: '/sitemaps/1.xml', lastmod: '2024-03-04' },
      { url: '/sitemaps/2.xml', lastmod: '2024-03-04' },
      { url: '/sitemaps/3.xml', lastmod: null },
    ]);
    const parts = out.slice(1).map((p) => (p.data['urls'] as { url: string }[]).map((u) => u.url));
    expect(parts.map((p) => p.length)).toEqual([SITEMAP_URLS_PER_FILE, SITEMAP_URLS_PER_FILE, 1]);
    const all = parts.flat();
    expect(all).toEqual(fakePages(n).map((p) => String(p.data['permalink'])));
  });

  it('cuts at the bound it is given: one over makes two parts', () => {
    expect(buildSitemapPages(fakePages(5), 5).length).toBe(1);
    const out = buildSitemapPages(fakePages(6), 5);
    expect(out.map((p) => p.data['permalink'])).toEqual(['/sitemap.xml', '/sitemaps/1.xml', '/sitemaps/2.xml']);
  });

  it('keeps the fixture site on a single sitemap', () => {
    const sitemaps = buildPages(loadFixtureDigest()).filter((p) => String(p.data['permalink']).endsWith('.xml') && p.data['pageKind'] === 'sitemap');
    expect(sitemaps.map((p) => p.file)).toEqual(['feeds/sitemap.md']);
  });
});
