// What earlier fetches did, in one file in the seeds folder: each feed's validators, each item saved, so that a run fetches only what is new.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

/** Hidden, so the ingest stage (which skips hidden files) never reads it as an article. */
export const STATE_FILE = '.roundup-fetch.json';
const STATE_VERSION = 1;

export interface FeedState {
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** When the feed was last read (ISO). */
  readonly checked: string;
}

export interface ItemState {
  readonly feed: string;
  /** The item's guid / id (else link, else title), as `FeedItem.key`. */
  readonly key: string;
  readonly link: string | null;
  /** Relative to the seeds folder. */
  readonly file: string;
  readonly from: 'page' | 'feed-item';
  /** When the item was last listed in its feed (ISO): old entries are forgotten once no feed lists them. */
  readonly listed: string;
}

export interface FetchState {
  readonly feeds: Record<string, FeedState>;
  readonly items: ItemState[];
}

export const EMPTY_STATE: FetchState = { feeds: {}, items: [] };

/** The state of `seeds`; an absent file is a first run. A file that cannot be read is an error: guessing would fetch everything again. */
export function readState(seeds: string): FetchState {
  const file = path.join(seeds, STATE_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_STATE;
    throw error;
  }
  const broken = (why: string, cause?: unknown): UserError =>
    new UserError(`${file}: ${why}; fix or remove it (without it, every recent item is fetched again)`, { cause });
  let parsed: { version?: unknown; feeds?: unknown; items?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw broken(`not valid JSON (${(error as Error).message})`, error);
  }
  if (parsed === null || typeof parsed !== 'object' || parsed.version !== STATE_VERSION || typeof parsed.feeds !== 'object' || parsed.feeds === null || !Array.isArray(parsed.items)) {
    throw broken(`not a fetch state of version ${STATE_VERSION}`);
  }
  return { feeds: parsed.feeds as Record<string, FeedState>, items: parsed.items as ItemState[] };
}

/** Writes the state through a temporary file and a rename: a killed run leaves the old state or the new one. */
export function writeState(seeds: string, state: FetchState): void {
  const file = path.join(seeds, STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  const feeds = Object.fromEntries(Object.entries(state.feeds).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  fs.writeFileSync(temp, `${JSON.stringify({ version: STATE_VERSION, feeds, items: state.items }, null, 2)}\n`);
  fs.renameSync(temp, file);
}

/** Looks items up by feed and key, and by link (one article listed by two feeds is saved once). */
export class SeenItems {
  private readonly byKey = new Map<string, ItemState>();
  private readonly byLink = new Map<string, ItemState>();

  constructor(items: readonly ItemState[]) {
    for (const item of items) this.add(item);
  }

  private static keyOf(feed: string, key: string): string {
    return `${feed}\n${key}`;
  }

  find(feed: string, key: string, link: string | null): ItemState | null {
    return this.byKey.get(SeenItems.keyOf(feed, key)) ?? (link === null ? undefined : this.byLink.get(link)) ?? null;
  }

  add(item: ItemState): void {
    const old = this.byKey.get(SeenItems.keyOf(item.feed, item.key));
    if (old && old.link !== null && old.link !== item.link && this.byLink.get(old.link) === old) this.byLink.delete(old.link);
    this.byKey.set(SeenItems.keyOf(item.feed, item.key), item);
    if (item.link !== null) this.byLink.set(item.link, item);
  }

  /** Every item, in the order first saved; those last listed before `forgetBefore` (ISO) are left out. */
  items(forgetBefore: string): ItemState[] {
    return [...this.byKey.values()].filter((item) => item.listed >= forgetBefore);
  }
}
