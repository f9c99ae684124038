// The fetch stage: feeds in, each new item's page saved into the seeds folder with the feed's metadata; bad sources are reported, never fatal.
import { HttpClient, httpUrl, type HttpSettings } from './http.js';
import { readFeed, type FeedItem } from './feeds.js';
import { decodeBody, feedItemPage, itemFileName, pageWithMeta, publisherFolder, saveNew, type ItemMeta, type SavedFrom } from './save.js';
import { readState, SeenItems, writeState, type FeedState, type ItemState } from './state.js';

export { readOpml } from './feeds.js';
export { HTTP_DEFAULTS, MAX_FEED_BYTES, MAX_PAGE_BYTES } from './http.js';
export { STATE_FILE } from './state.js';

/** A feed to read: its address and, optionally, the publisher's name (else the feed's own title). */
export interface FeedSource {
  readonly url: string;
  readonly name: string | null;
}

export interface FetchSettings {
  readonly seeds: string;
  readonly feeds: readonly FeedSource[];
  /** Items dated longer ago than this are not fetched. */
  readonly maxAgeDays: number;
  /** Only a feed's newest items this many are looked at each run. */
  readonly maxItemsPerFeed: number;
  readonly http: HttpSettings;
  /** Response size caps (decompressed bytes). */
  readonly maxFeedBytes: number;
  readonly maxPageBytes: number;
  /** The clock (ms since the epoch); tests fix it. */
  readonly now: () => number;
  /** One line per event worth telling: a file saved, a source that failed. */
  readonly log: (line: FetchEvent) => void;
}

export type FetchEvent =
  | { readonly kind: 'saved'; readonly file: string; readonly from: SavedFrom['from'] }
  | { readonly kind: 'not-modified'; readonly source: string }
  | { readonly kind: 'problem'; readonly source: string; readonly problem: string; readonly severity: 'warning' | 'error' };

export interface FetchReport {
  readonly feeds: number;
  /** Feeds read (304 Not Modified included). */
  readonly feedsRead: number;
  readonly notModified: number;
  /** New files in the seeds folder, and how many of them hold the feed's own text instead of the page. */
  readonly saved: number;
  readonly fromFeed: number;
  /** Feeds that could not be read, and items that could not be saved or were saved from the feed's text. */
  readonly failures: number;
}

/** Feeds read at once (each host still sees at most `perHost` requests). */
const FEEDS_AT_ONCE = 4;
/** An item no feed has listed for this many days past `maxAgeDays` is forgotten by the state file. */
const FORGET_AFTER_DAYS = 30;
const DAY_MS = 86_400_000;

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** A body is a page when it says so, or says nothing and looks like one. */
function isHtml(contentType: string | null, text: string): boolean {
  if (contentType !== null && contentType.trim() !== '') return /\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
  return /<(!doctype html|html|head|body)\b/i.test(text.slice(0, 4096));
}

/** The instant an item's date names, or null. */
function instantOf(date: string | null): number | null {
  if (date === null) return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? null : ms;
}

/** True when the HTML holds any text once its tags are gone (a feed's `<description/>` of an image alone does not). */
function hasText(html: string | null): html is string {
  return html !== null && html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;|\s/g, '').length > 0;
}

/** Runs `work` over `items`, at most `limit` at once. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Reads every feed and saves each new item. Never throws for a network, server or feed problem (each is
 * one event and counts as a failure); throws for an unreadable state file or a seeds folder it cannot write.
 */
export async function fetchFeeds(settings: FetchSettings): Promise<FetchReport> {
  const { seeds, log } = settings;
  const started = settings.now();
  const state = readState(seeds);
  const feedStates: Record<string, FeedState> = { ...state.feeds };
  const seen = new SeenItems(state.items);
  const http = new HttpClient(settings.http, settings.now);
  /** Links being saved in this run, by any feed: one article listed twice is fetched once. */
  const claimed = new Set<string>();
  let feedsRead = 0, notModified = 0, saved = 0, fromFeed = 0, failures = 0;
  const problem = (source: string, text: string, severity: 'warning' | 'error' = 'error'): void => {
    failures++;
    log({ kind: 'problem', source, problem: text, severity });
  };
  const forgetBefore = new Date(started - (settings.maxAgeDays + FORGET_AFTER_DAYS) * DAY_MS).toISOString();
  const persist = (): void => writeState(seeds, { feeds: feedStates, items: seen.items(forgetBefore) });
  const checked = new Date(started).toISOString();

  const saveItem = async (source: FeedSource, publisher: string, language: string | null, item: FeedItem): Promise<boolean> => {
    const meta: ItemMeta = {
      title: item.title,
      date: instantOf(item.date) === null ? null : new Date(instantOf(item.date)!).toISOString(),
      author: item.author,
      url: item.link,
      publisher,
      language,
      feed: source.url,
      fetched: checked,
    };
    let text: string | null = null;
    let from: SavedFrom['from'] = 'page';
    let reason: string;
    if (item.link !== null) {
      const page = await http.get({ url: item.link, accept: PAGE_ACCEPT, maxBytes: settings.maxPageBytes });
      if (page.ok && 'body' in page) {
        const decoded = decodeBody(page.body, page.contentType);
        if (decoded !== null && isHtml(page.contentType, decoded)) text = pageWithMeta(decoded, meta, { from: 'page' });
        reason = decoded === null ? 'the page is not text' : `the page is ${page.contentType ?? 'not HTML'}`;
      } else reason = page.ok ? 'HTTP 304 to a plain GET' : page.problem;
    } else reason = 'the item has no link';
    if (text === null) {
      const where = item.link ?? `${source.url} (${item.title ?? item.key})`;
      if (!hasText(item.contentHtml)) {
        problem(where, `${reason}; the feed gives no text of its own: not saved (tried again next run)`);
        return false;
      }
      const note = `The page could not be fetched (${reason}); this is the feed item's own text.`;
      text = feedItemPage(item.contentHtml, meta, note);
      from = 'feed-item';
      problem(where, `${reason}: saved the feed's own text of the item instead`, 'warning');
    }
    const day = (meta.date ?? checked).slice(0, 10);
    const file = saveNew(seeds, publisherFolder(publisher, source.url), itemFileName(day, item.title, item.key), text);
    seen.add({ feed: source.url, key: item.key, link: item.link, file, from, listed: checked });
    saved++;
    if (from === 'feed-item') fromFeed++;
    log({ kind: 'saved', file, from });
    return true;
  };

  const readOne = async (source: FeedSource): Promise<void> => {
    const label = source.name ? `${source.url} (${source.name})` : source.url;
    const url = httpUrl(source.url);
    if (url === null) return problem(label, 'not an http(s) URL');
    const before = feedStates[source.url];
    const response = await http.get({ url: source.url, accept: FEED_ACCEPT, maxBytes: settings.maxFeedBytes, etag: before?.etag ?? null, lastModified: before?.lastModified ?? null });
    if (!response.ok) return problem(label, response.problem);
    if (!('body' in response)) {
      feedsRead++;
      notModified++;
      feedStates[source.url] = { etag: before?.etag ?? null, lastModified: before?.lastModified ?? null, checked };
      log({ kind: 'not-modified', source: label });
      return persist();
    }
    const text = decodeBody(response.body, response.contentType);
    if (text === null) return problem(label, 'not a feed: the body is not text');
    const read = readFeed(text, response.url);
    if (!read.ok) return problem(label, read.problem);
    feedsRead++;
    feedStates[source.url] = { etag: response.etag, lastModified: response.lastModified, checked };
    const publisher = source.name ?? read.feed.title ?? url.hostname;
    const cutoff = started - settings.maxAgeDays * DAY_MS;
    // The feed's newest items within the age limit (undated ones after the dated, in feed order), at most maxItemsPerFeed.
    const recent = read.feed.items
      .map((item, order) => ({ item, order, at: instantOf(item.date) }))
      .filter(({ at }) => at === null || at >= cutoff)
      .sort((a, b) => (a.at === null) !== (b.at === null) ? (a.at === null ? 1 : -1) : (b.at ?? 0) - (a.at ?? 0) || a.order - b.order)
      .slice(0, settings.maxItemsPerFeed)
      .map(({ item }) => item);
    const fresh: FeedItem[] = [];
    for (const item of recent) {
      const known = seen.find(source.url, item.key, item.link);
      if (known) seen.add({ ...known, listed: checked } satisfies ItemState);
      else if (item.link === null || !claimed.has(item.link)) {
        if (item.link !== null) claimed.add(item.link);
        fresh.push(item);
      }
    }
    // Every save runs to its end before the state is written, so a file saved is a file recorded, even when another fails (a full disk).
    const results = await Promise.allSettled(fresh.map((item) => saveItem(source, publisher, read.feed.language, item)));
    // An item left unsaved is tried again next run: that run must get the whole feed, not a 304.
    if (results.some((r) => r.status === 'rejected' || !r.value)) feedStates[source.url] = { etag: null, lastModified: null, checked };
    persist();
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  };

  const unique = [...new Map(settings.feeds.map((f) => [f.url, f])).values()];
  await eachLimited(unique, FEEDS_AT_ONCE, readOne);
  persist();
  return { feeds: unique.length, feedsRead, notModified, saved, fromFeed, failures };
}
