// The pagination helper: slices, page counts, URLs and files, and the bounded pager.
import { describe, expect, it } from 'vitest';
import { makePager, pageCount, pageFile, pageTitle, pageUrl, paginate } from '../../src/write/paginate.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('paginate', () => {
  it('puts every item on exactly one page, in order, for every length around the page size', () => {
    for (const perPage of [1, 2, 3, 7, 10]) {
      for (let length = 0; length <= 4 * perPage + 1; length += 1) {
        const items = range(length);
        const pages = paginate(items, perPage, '/list/');
        expect(pages.flatMap((p) => p.items), `${length} items, ${perPage} a page`).toEqual(items);
        expect(pages.length).toBe(Math.max(1, Math.ceil(length / perPage)));
        pages.forEach((p, i) => {
          expect(p.number).toBe(i + 1);
          expect(p.items.length).toBeLessThanOrEqual(perPage);
          // Every page is full but the last, which is never empty unless the list is.
          if (i < pages.length - 1) expect(p.items.length).toBe(perPage);
          else expect(p.items.length > 0 || length === 0).toBe(true);
        });
      }
    }
  });

  it('gives an empty list one empty page and no pager', () => {
    expect(paginate([], 100, '/topics/')).toEqual([{ number: 1, url: '/topics/', items: [], pager: null }]);
  });

  it('keeps a list of one item, or of exactly one page, on one page with no pager', () => {
    expect(paginate(['a'], 100, '/topics/')).toEqual([{ number: 1, url: '/topics/', items: ['a'], pager: null }]);
    const full = paginate(range(100), 100, '/topics/');
    expect(full.length).toBe(1);
    expect(full[0]?.pager).toBeNull();
  });

  it('starts a second page at one item over the page size', () => {
    const pages = paginate(range(101), 100, '/topics/');
    expect(pages.map((p) => [p.url, p.items.length])).toEqual([['/topics/', 100], ['/topics/page/2/', 1]]);
    expect(pages[0]?.pager).toMatchObject({ page: 1, pages: 2, prev: null, next: '/topics/page/2/', first: '/topics/', last: '/topics/page/2/' });
    expect(pages[1]?.pager).toMatchObject({ page: 2, pages: 2, prev: '/topics/', next: null });
  });

  it('links each page to its neighbours, both ways', () => {
    const pages = paginate(range(950), 100, '/sources/x-abc123/');
    expect(pages.length).toBe(10);
    pages.forEach((p, i) => {
      expect(p.pager?.prev ?? null).toBe(pages[i - 1]?.url ?? null);
      expect(p.pager?.next ?? null).toBe(pages[i + 1]?.url ?? null);
    });
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => pageCount(10, 0)).toThrow(/positive integer/);
    expect(() => pageCount(10, 2.5)).toThrow(/positive integer/);
  });
});

describe('pager links', () => {
  it('shows the first, the last and two on each side of the current page, with gaps', () => {
    const labels = (n: number, pages: number): string[] =>
      (makePager('/t/', n, pages)?.links ?? []).map((l) => (l.number === null ? '…' : l.current ? `[${l.number}]` : String(l.number)));
    expect(labels(1, 50)).toEqual(['[1]', '2', '3', '…', '50']);
    expect(labels(25, 50)).toEqual(['1', '…', '23', '24', '[25]', '26', '27', '…', '50']);
    expect(labels(50, 50)).toEqual(['1', '…', '48', '49', '[50]']);
    expect(labels(4, 7)).toEqual(['1', '2', '3', '[4]', '5', '6', '7']);
    // No gap between adjacent numbers: 1 and 2 are next to each other.
    expect(labels(4, 50)).toEqual(['1', '2', '3', '[4]', '5', '6', '…', '50']);
  });

  it('stays bounded however many pages there are', () => {
    for (const pages of [2, 9, 10, 1000, 100000]) {
      for (const n of [1, 2, Math.ceil(pages / 2), pages - 1, pages]) {
        const pager = makePager('/t/', n, pages);
        expect(pager?.links.length).toBeLessThanOrEqual(9);
        expect(pager?.links.filter((l) => l.current).map((l) => l.number)).toEqual([n]);
        const numbers = (pager?.links ?? []).flatMap((l) => (l.number === null ? [] : [l.number]));
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        expect(numbers[0]).toBe(1);
        expect(numbers.at(-1)).toBe(pages);
      }
    }
  });

  it('has no pager for a single page', () => {
    expect(makePager('/t/', 1, 1)).toBeNull();
  });
});

describe('page URLs, files and titles', () => {
  it('keeps page 1 at the list URL and puts page N under page/N/', () => {
    expect(pageUrl('/topics/', 1)).toBe('/topics/');
    expect(pageUrl('/topics/', 2)).toBe('/topics/page/2/');
    expect(pageUrl('/sources/coast-news-dfd386/', 3)).toBe('/sources/coast-news-dfd386/page/3/');
    expect(() => pageUrl('/topics', 2)).toThrow(/end in/);
  });

  it('names the file after the URL, as every other page is', () => {
    expect(pageFile('/topics/')).toBe('topics.md');
    expect(pageFile('/topics/page/2/')).toBe('topics/page/2.md');
    expect(pageFile('/sources/coast-news-dfd386/')).toBe('sources/coast-news-dfd386.md');
    expect(pageFile('/sources/coast-news-dfd386/page/3/')).toBe('sources/coast-news-dfd386/page/3.md');
    expect(() => pageFile('/')).toThrow(/not a list page/);
  });

  it('never gives a list page and an id page the same URL, even for an id spelled "page"', () => {
    // Ids are one path segment: `/topics/<id>/`; list pages two: `/topics/page/N/`; an id's pages three or more.
    const urls = [
      ...[1, 2, 3].map((n) => pageUrl('/topics/', n)),
      ...['page', 'page-2', '2'].flatMap((id) => [1, 2, 3].map((n) => pageUrl(`/topics/${id}/`, n))),
    ];
    expect(new Set(urls).size).toBe(urls.length);
    expect(new Set(urls.map(pageFile)).size).toBe(urls.length);
  });

  it('says which page a title is on from page 2', () => {
    expect(pageTitle('Topics', 1)).toBe('Topics');
    expect(pageTitle('Topics', 2)).toBe('Topics — page 2');
  });
});
