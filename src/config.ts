// Roundup's settings: defaults with their rationale, and loading/validating roundup.config.json.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';
import type { ArticleText } from './model.js';

export interface Config {
  readonly site: {
    /** Shown in the header, the <title> of every page and the feeds. */
    readonly title: string;
    readonly description: string;
    /** Absolute URL the site is published at (for canonical links and feeds), or null. */
    readonly baseUrl: string | null;
    readonly language: string;
    /** What the site republishes of an article: its whole text on its own page, or its lead paragraph with its story's sources. */
    readonly articleText: ArticleText;
  };
  /** Word budget of a story summary (Multi-News references average about 260 words). */
  readonly summaryWords: number;
  /** Word budget of a topic summary. */
  readonly topicSummaryWords: number;
  /** Publisher profiles folder(s) added to the built-in ones. */
  readonly publishers: readonly string[];
  /** Cleaning rules switched off by name (an unknown name is an error). */
  readonly disabledRules: readonly string[];
  readonly grouping: {
    /** Average probability (the story model's, over a story's pairs) above which articles report one event. */
    readonly storyThreshold: number;
    /** Minimum similarity of two stories to share a topic. */
    readonly topicThreshold: number;
  };
  /** Feeds `roundup fetch` reads: the address and, optionally, the publisher's name (else the feed's title). */
  readonly feeds: readonly FeedConfig[];
  readonly fetch: {
    /** Items dated longer ago than this are not fetched: a first run on a feed with a long archive takes the last week. */
    readonly maxAgeDays: number;
    /** A feed's newest items looked at per run: a daily run on a feed of 100+ items a day stays bounded. */
    readonly maxItemsPerFeed: number;
  };
}

/**
 * `full`: each article page shows the whole cleaned text (the default; what Roundup always did). `excerpt`: only the
 * lead paragraph and a link to the original, for a public site republishing articles that belong to their publishers.
 */
export const ARTICLE_TEXT_MODES: readonly ArticleText[] = ['full', 'excerpt'];

export interface FeedConfig {
  readonly url: string;
  readonly name: string | null;
}

export const DEFAULT_CONFIG: Config = {
  site: {
    title: 'Roundup',
    description: 'The news, grouped into stories and summarised from all their sources.',
    baseUrl: null,
    language: 'en',
    // The whole text: a digest of one's own archive reads best with it; a public site may choose `excerpt`.
    articleText: 'full',
  },
  summaryWords: 120,
  topicSummaryWords: 160,
  publishers: [],
  disabledRules: [],
  grouping: {
    // Story: the story model (src/group/story-model.json) is fitted with its bias shifted so that 0.5, "more likely
    // one event than not", is the decision point chosen on the dev data (scripts/fit-story-model.mjs; docs/architecture.md).
    storyThreshold: 0.5,
    // Topic: centroid cosine + names; on BBC sections 0.08 keeps purity 0.97 with 90% of articles in topics of 2+.
    topicThreshold: 0.08,
  },
  feeds: [],
  fetch: {
    // A week: stories join articles within 3 days, so older items rarely meet a story; a daily run needs one day.
    maxAgeDays: 7,
    // Busy news feeds list 20–50 items; 30 a run per feed keeps a first run to minutes at two requests per host.
    maxItemsPerFeed: 30,
  },
};

export const CONFIG_FILE = 'roundup.config.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function fail(file: string, key: string, problem: string): never {
  throw new UserError(`${file}: "${key}" ${problem}`);
}

function expectObject(file: string, key: string, value: Json | undefined): Record<string, Json> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(file, key, 'must be an object');
  return value;
}

function rejectUnknown(file: string, prefix: string, value: Record<string, Json>, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) fail(file, prefix + key, `is not a setting (known: ${known.join(', ')})`);
  }
}

function readString(file: string, key: string, value: Json | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '') fail(file, key, 'must be a non-empty string');
  return value;
}

function readNumber(file: string, key: string, value: Json | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(file, key, `must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function readStrings(file: string, key: string, value: Json | undefined, fallback: readonly string[]): readonly string[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail(file, key, 'must be a list of strings');
  return value as string[];
}

function readChoice<T extends string>(file: string, key: string, value: Json | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    fail(file, key, `must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function readBaseUrl(file: string, value: Json | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+/.test(value)) fail(file, 'site.baseUrl', 'must be an http(s) URL');
  return value.replace(/\/+$/, '');
}

function readFeeds(file: string, value: Json | undefined): readonly FeedConfig[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(file, 'feeds', 'must be a list of { "url": "…", "name": "…" }');
  return value.map((entry, i) => {
    const key = `feeds[${i}]`;
    const feed = expectObject(file, key, entry);
    rejectUnknown(file, `${key}.`, feed, ['url', 'name']);
    const url = feed['url'];
    if (typeof url !== 'string' || !/^https?:\/\/[^\s/]+/i.test(url)) fail(file, `${key}.url`, `must be an http(s) URL, got ${JSON.stringify(url ?? null)}`);
    const name = feed['name'] === undefined ? null : readString(file, `${key}.name`, feed['name'], '');
    return { url, name };
  });
}

/** Validates parsed JSON against the settings above; every unknown key or wrong type is an error naming it. */
export function parseConfig(raw: Json, file: string): Config {
  const top = expectObject(file, '(top level)', raw);
  rejectUnknown(file, '', top, ['$schema', 'site', 'summaryWords', 'topicSummaryWords', 'publishers', 'disabledRules', 'grouping', 'feeds', 'fetch']);
  const site = expectObject(file, 'site', top['site']);
  rejectUnknown(file, 'site.', site, ['title', 'description', 'baseUrl', 'language', 'articleText']);
  const grouping = expectObject(file, 'grouping', top['grouping']);
  rejectUnknown(file, 'grouping.', grouping, ['storyThreshold', 'topicThreshold']);
  const fetchLimits = expectObject(file, 'fetch', top['fetch']);
  rejectUnknown(file, 'fetch.', fetchLimits, ['maxAgeDays', 'maxItemsPerFeed']);
  const d = DEFAULT_CONFIG;
  return {
    site: {
      title: readString(file, 'site.title', site['title'], d.site.title),
      description: readString(file, 'site.description', site['description'], d.site.description),
      baseUrl: readBaseUrl(file, site['baseUrl']),
      language: readString(file, 'site.language', site['language'], d.site.language),
      articleText: readChoice(file, 'site.articleText', site['articleText'], ARTICLE_TEXT_MODES, d.site.articleText),
    },
    summaryWords: readNumber(file, 'summaryWords', top['summaryWords'], d.summaryWords, 10, 5000),
    topicSummaryWords: readNumber(file, 'topicSummaryWords', top['topicSummaryWords'], d.topicSummaryWords, 10, 5000),
    publishers: readStrings(file, 'publishers', top['publishers'], d.publishers),
    disabledRules: readStrings(file, 'disabledRules', top['disabledRules'], d.disabledRules),
    grouping: {
      storyThreshold: readNumber(file, 'grouping.storyThreshold', grouping['storyThreshold'], d.grouping.storyThreshold, 0, 1),
      topicThreshold: readNumber(file, 'grouping.topicThreshold', grouping['topicThreshold'], d.grouping.topicThreshold, 0, 100),
    },
    feeds: readFeeds(file, top['feeds']),
    fetch: {
      maxAgeDays: readNumber(file, 'fetch.maxAgeDays', fetchLimits['maxAgeDays'], d.fetch.maxAgeDays, 1, 36500),
      maxItemsPerFeed: Math.floor(readNumber(file, 'fetch.maxItemsPerFeed', fetchLimits['maxItemsPerFeed'], d.fetch.maxItemsPerFeed, 1, 10000)),
    },
  };
}

/** Reads `file` (explicit) or ./roundup.config.json (when present); defaults otherwise. */
export function loadConfig(file: string | null, cwd: string): Config {
  const target = file ?? path.join(cwd, CONFIG_FILE);
  if (!fs.existsSync(target)) {
    if (file) throw new UserError(`${file}: config file not found`);
    return DEFAULT_CONFIG;
  }
  let raw: Json;
  try {
    raw = JSON.parse(fs.readFileSync(target, 'utf8')) as Json;
  } catch (error) {
    throw new UserError(`${target}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const config = parseConfig(raw, target);
  // Relative publisher folders are relative to the config file.
  return { ...config, publishers: config.publishers.map((p) => path.resolve(path.dirname(target), p)) };
}
