// Pagination of list pages: slices of a list, each page's URL and file, and the pager a template shows.

/** Page links shown on each side of the current page (plus the first and last): a pager of at most 9 links. */
const PAGER_WINDOW = 2;
/** The path segment before a page number: `<base>page/N/`. Ids are one segment, so no id page can take this URL. */
const PAGE_SEGMENT = 'page';

/** One link of a pager: a page number, or a gap (`number` and `url` null) between non-adjacent numbers. */
export interface PagerLink {
  readonly number: number | null;
  readonly url: string | null;
  readonly current: boolean;
}

/** What a template needs to draw the pager of one page of a list. */
export interface Pager {
  /** 1-based number of this page. */
  readonly page: number;
  readonly pages: number;
  readonly first: string;
  readonly last: string;
  readonly prev: string | null;
  readonly next: string | null;
  /** The first and last pages and a window around this one, in order, gaps marked. */
  readonly links: readonly PagerLink[];
}

/** One page of a paginated list. */
export interface PageSlice<T> {
  /** 1-based. */
  readonly number: number;
  readonly url: string;
  readonly items: readonly T[];
  /** Null when the whole list fits on one page: nothing to draw. */
  readonly pager: Pager | null;
}

/** Pages needed for `total` items at `perPage` a page; an empty list still has its one (empty) page. */
export function pageCount(total: number, perPage: number): number {
  if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`items per page must be a positive integer, got ${perPage}`);
  return Math.max(1, Math.ceil(total / perPage));
}

/** The URL of page `n` of the list at `base` (which ends in `/`): page 1 keeps the list's own URL. */
export function pageUrl(base: string, n: number): string {
  if (!base.endsWith('/')) throw new Error(`a list's URL must end in "/", got ${JSON.stringify(base)}`);
  return n === 1 ? base : `${base}${PAGE_SEGMENT}/${n}/`;
}

/**
 * The content file of the page at `url`: `/topics/` → `topics.md`, `/topics/page/2/` → `topics/page/2.md`.
 * The same rule as every other page (`/topics/<id>/` → `topics/<id>.md`), so two files clash only when two
 * URLs do, and the extra pages of a list sit in its family's folder (one render shard with its pages).
 */
export function pageFile(url: string): string {
  if (!url.startsWith('/') || !url.endsWith('/') || url === '/') throw new Error(`not a list page URL: ${JSON.stringify(url)}`);
  return `${url.slice(1, -1)}.md`;
}

/** The pager of page `n` of `pages`, or null for a list of one page. */
export function makePager(base: string, n: number, pages: number): Pager | null {
  if (pages <= 1) return null;
  const numbers = new Set<number>([1, pages]);
  for (let k = Math.max(1, n - PAGER_WINDOW); k <= Math.min(pages, n + PAGER_WINDOW); k += 1) numbers.add(k);
  const links: PagerLink[] = [];
  let previous = 0;
  for (const k of [...numbers].sort((a, b) => a - b)) {
    if (k > previous + 1) links.push({ number: null, url: null, current: false });
    links.push({ number: k, url: pageUrl(base, k), current: k === n });
    previous = k;
  }
  return {
    page: n,
    pages,
    first: pageUrl(base, 1),
    last: pageUrl(base, pages),
    prev: n > 1 ? pageUrl(base, n - 1) : null,
    next: n < pages ? pageUrl(base, n + 1) : null,
    links,
  };
}

/** Items `(n-1)·perPage` to `n·perPage` of a list. */
export function pageItems<T>(items: readonly T[], perPage: number, n: number): T[] {
  return items.slice((n - 1) * perPage, n * perPage);
}

/** A list cut into pages of `perPage` items at `base`, `base`page/2/, … in order; at least one page. */
export function paginate<T>(items: readonly T[], perPage: number, base: string): PageSlice<T>[] {
  const pages = pageCount(items.length, perPage);
  return Array.from({ length: pages }, (_, i) => ({
    number: i + 1,
    url: pageUrl(base, i + 1),
    items: pageItems(items, perPage, i + 1),
    pager: makePager(base, i + 1, pages),
  }));
}

/** "Topics", "Topics — page 2": later pages say which they are. */
export function pageTitle(title: string, n: number): string {
  return n === 1 ? title : `${title} — page ${n}`;
}
