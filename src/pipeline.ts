// The one place that sequences the stages: read → clean → extract → group → summarize → write.
import type { Article, Diagnostic, Digest, RawArticle, Story, Topic } from './model.js';
import type { Config } from './config.js';
import { checkRuleNames } from './clean/index.js';
import { countLines, fileLines, type FileLines } from './clean/corpus.js';
import { loadProfiles, type PublisherProfile } from './clean/profiles.js';
import { featureInputs, type StoredFeatures } from './group/features.js';
import { groupArticles, type FeatureMemo } from './group/index.js';
import { ingestFolder } from './ingest/index.js';
import { summarizeStory, summarizeTopic } from './summarize/index.js';
import { topicPhrases } from './summarize/topic-phrase.js';
import { cleanName } from './text/names.js';
import { writeContent } from './write/index.js';
import { byId, compareText, distinctIds, makeArticleId, mostCommon, sha1 } from './ids.js';
import type { StorySummary, TopicSummary } from './summarize/index.js';
import { defaultJobs, processArticles } from './work/articles.js';
import type { ArticleOutcome } from './work/task.js';
import { cacheFor, getCodeVersion, pageManifestPath, type Cache } from './work/cache.js';

export interface BuildOptions {
  readonly singleStory: boolean;
  readonly summaryWords: number;
  /** Worker threads for the per-article stages (default: one per core, at most four; 1: none). */
  readonly jobs?: number;
  /** Where results are cached between runs, or null for none (the default). */
  readonly cacheDir?: string | null;
}

export interface Progress {
  (stage: string, done: number, total: number): void;
}

/** Cache buckets, pruned to what the last run used. */
const CACHE_BUCKETS = ['articles', 'stories', 'topics'];

/**
 * Each input's line keys, for the corpus statistics: from the cache's index of them (one file, by the inputs'
 * hashes) where it has the input, else read from its text; the index is written again when it changed.
 * Reading every line of 10,000 files again was a fifth of a rebuild's time.
 */
function readLines(raws: readonly RawArticle[], cache: Cache | null): FileLines[] {
  const index = cache?.get<Record<string, readonly string[]>>('corpus', LINES_INDEX) ?? {};
  let missed = 0;
  const lines = raws.map((raw) => {
    const known = index[raw.hash];
    if (known !== undefined && known.length > 0) return { page: known[0]!, keys: known.slice(1) };
    missed++;
    return fileLines(raw.text);
  });
  if (cache && (missed > 0 || Object.keys(index).length !== new Set(raws.map((r) => r.hash)).size)) {
    cache.set('corpus', LINES_INDEX, Object.fromEntries(raws.map((raw, i) => [raw.hash, [lines[i]!.page, ...lines[i]!.keys]])));
  }
  return lines;
}

/** The cache entry that holds every input's line keys. */
const LINES_INDEX = 'lines-index';

/** Grouping's features of articles page furniture changed, in the cache by what they are made of (see `FeatureMemo`). */
function featureMemo(cache: Cache | null, version: string): FeatureMemo | null {
  if (!cache) return null;
  const keyOf = (article: Article): string => sha1(`${version}\u0000${featureInputs(article)}`);
  return {
    get: (article) => cache.get<StoredFeatures>('features', keyOf(article)),
    set: (article, features) => cache.set('features', keyOf(article), features),
  };
}

/**
 * Raw articles in, the whole digest out (no clock; the disk only for the cache, whose entries are keyed
 * by everything they depend on, so the result is the same with or without it).
 */
export async function buildDigest(
  raws: readonly RawArticle[],
  config: Config,
  options: BuildOptions,
  profiles: readonly PublisherProfile[],
  progress: Progress = () => {},
  cache: Cache | null = null,
): Promise<{ digest: Digest; diagnostics: Diagnostic[] }> {
  checkRuleNames(config.disabledRules);
  const diagnostics: Diagnostic[] = [];
  progress('corpus', 0, 1);
  const lines = readLines(raws, cache);
  const corpus = countLines(lines);
  const version = sha1([getCodeVersion(), JSON.stringify(config.disabledRules), JSON.stringify(profiles, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v))].join('\u0000'));
  const stage = await processArticles(raws, corpus, {
    profiles,
    disabledRules: config.disabledRules,
    jobs: options.jobs ?? defaultJobs(),
    cache,
    version,
    lines,
    progress: (done, total) => progress('clean+extract', done, total),
  });
  const articles: Article[] = [];
  const articleKeys: string[] = [];
  const articleFeatures: (StoredFeatures | null)[] = [];
  stage.outcomes.forEach((outcome, i) => {
    if (outcome.diagnostic) diagnostics.push(outcome.diagnostic);
    if (outcome.article) {
      articles.push(outcome.article);
      articleKeys.push(stage.keys[i]!);
      articleFeatures.push(outcome.features ?? null);
    }
  });
  // The outcomes are now in these lists: let the stage's copy go (its features are ~5 KB an article).
  (stage.outcomes as ArticleOutcome[]).length = 0;
  // Two files with one title can draw one short id (likely among 100,000 articles): those take the long form
  // (and a counter, in file order, should two long forms clash too).
  const articleIds = distinctIds(articles, (a, long) => (long ? makeArticleId(a.title, a.file, true) : a.id));
  articles.forEach((a, i) => {
    const id = articleIds[i]!;
    if (id !== a.id) articles[i] = { ...a, id, quotes: a.quotes.map((q) => ({ ...q, articleId: id })) };
  });
  // What each article was made from (its cache key): what the summaries built from it depend on.
  const keyOf = new Map(articles.map((a, i) => [a.id, articleKeys[i]!]));
  // Grouping features computed beside clean and extract (and cached with them), by the articles' final ids.
  const stored = new Map(articles.flatMap((a, i) => (articleFeatures[i] ? [[a.id, articleFeatures[i]] as const] : [])));
  articleFeatures.length = 0;
  articles.sort(byId);
  progress('group', 0, 1);
  const grouping = groupArticles(articles, { ...config.grouping, singleStory: options.singleStory }, stored, featureMemo(cache, version));
  stored.clear();
  progress('group', 1, 1);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const topicOf = new Map<string, string>();
  for (const t of grouping.topics) for (const s of t.storyIds) topicOf.set(s, t.id);
  // How many articles name each person: which spelling of a name most sources use, across the run.
  // Copies (a wire story run by several outlets, a file saved twice) are one source: summaries read
  // only the canonical of each set, while coverage still lists every publisher that ran it.
  const copies = new Set(grouping.duplicates.flatMap((d) => d.duplicateIds));
  const nameSupport = new Map<string, number>();
  for (const a of articles) if (!copies.has(a.id)) for (const e of a.entities) if (e.kind === 'person') nameSupport.set(e.name, (nameSupport.get(e.name) ?? 0) + 1);
  const summaryOptions = { summaryWords: options.summaryWords, topicSummaryWords: config.topicSummaryWords, nameSupport };
  const optionsKey = [version, options.summaryWords, config.topicSummaryWords].join('\u0000');
  const storyKeys = new Map<string, string>();
  const stories: Story[] = grouping.stories.map((s, i) => {
    progress('summarize', i, grouping.stories.length);
    const all = s.articleIds.map((id) => articleById.get(id)).filter((a): a is Article => a !== undefined);
    const originals = all.filter((a) => !copies.has(a.id));
    const input = originals.length ? originals : all;
    // A summary depends on its articles (what each was made from, and its id, which citations name: a clash
    // elsewhere can lengthen it) and on how the whole run spells the people they name.
    const names = [...new Set(input.flatMap((a) => a.entities.filter((e) => e.kind === 'person').map((e) => e.name)))].sort();
    const articleParts = input.map((a) => `${a.id}:${keyOf.get(a.id) ?? sha1(JSON.stringify(a))}`);
    const key = sha1([optionsKey, ...articleParts, ...names.map((n) => `${n}=${nameSupport.get(n) ?? 0}`)].join('\u0000'));
    storyKeys.set(s.id, key);
    let summary = cache?.get<StorySummary>('stories', key);
    if (!summary) {
      summary = summarizeStory(input, summaryOptions);
      cache?.set('stories', key, summary);
    }
    const publishers = [...new Set(all.flatMap((a) => (a.publisher ? [a.publisher] : [])))].sort();
    // A title built from a sentence of the body is a title: no invisible or bidi characters (as articles' titles).
    return { id: s.id, articleIds: s.articleIds, topicId: topicOf.get(s.id) ?? '', ...summary, title: cleanName(summary.title), publishers };
  });
  stories.sort(byId);
  const storyById = new Map(stories.map((s) => [s.id, s]));
  const topics: Topic[] = grouping.topics.map((t) => {
    const members = t.storyIds.map((id) => storyById.get(id)).filter((s): s is Story => s !== undefined);
    const key = sha1([optionsKey, ...members.map((s) => `${s.id}:${s.topicId}:${s.articleIds.join(',')}:${storyKeys.get(s.id) ?? ''}`)].join('\u0000'));
    let summary = cache?.get<TopicSummary>('topics', key);
    if (!summary) {
      const memberArticles = members.flatMap((s) => s.articleIds.map((id) => articleById.get(id)).filter((a): a is Article => a !== undefined));
      summary = summarizeTopic(members, memberArticles, summaryOptions);
      cache?.set('topics', key, summary);
    }
    return { id: t.id, storyIds: t.storyIds, ...summary, label: cleanName(summary.label) };
  });
  // A topic's subject, where its stories share one few other topics use, over its most central headline.
  const phrases = topicPhrases(topics.map((t) => ({
    id: t.id,
    stories: t.storyIds.map((id) => storyById.get(id)).filter((s): s is Story => s !== undefined),
    entities: t.entities,
    language: mostCommon(t.storyIds.flatMap((id) => storyById.get(id)?.articleIds ?? []).map((id) => articleById.get(id)?.language ?? null)),
  })));
  for (const [i, t] of topics.entries()) {
    const phrase = phrases.get(t.id);
    if (phrase !== undefined) topics[i] = { ...t, label: cleanName(phrase) };
  }
  topics.sort(byId);
  const digest: Digest = {
    site: config.site,
    articles,
    stories,
    topics,
    duplicates: grouping.duplicates,
    diagnostics: [],
  };
  return { digest, diagnostics };
}

export interface PreprocessResult {
  readonly digest: Digest;
  readonly diagnostics: readonly Diagnostic[];
  /** Cache use of this run, when a cache folder was given. */
  readonly cache: { readonly hits: number; readonly misses: number } | null;
}

/** Reads `seedsDir` and builds the digest (diagnostics by file), with the cache it read and wrote. */
async function readDigest(seedsDir: string, config: Config, options: BuildOptions, progress?: Progress): Promise<{ digest: Digest; cache: Cache | null }> {
  const ingested = ingestFolder(seedsDir);
  const cache = options.cacheDir ? cacheFor(options.cacheDir, seedsDir) : null;
  const built = await buildDigest(ingested.raws, config, options, loadProfiles(config.publishers), progress, cache);
  const diagnostics = [...ingested.diagnostics, ...built.diagnostics].sort((a, b) => compareText(a.file, b.file));
  return { digest: { ...built.digest, diagnostics }, cache };
}

/** Reads `seedsDir` and builds the digest, writing nothing but the cache (for `roundup explain --pair`). */
export async function digestOf(seedsDir: string, config: Config, options: BuildOptions): Promise<Digest> {
  return (await readDigest(seedsDir, config, options)).digest;
}

/** Reads `seedsDir`, builds the digest, writes `contentDir` atomically. */
export async function preprocess(seedsDir: string, contentDir: string, config: Config, options: BuildOptions, progress?: Progress): Promise<PreprocessResult> {
  progress?.('read', 0, 1);
  const { digest, cache } = await readDigest(seedsDir, config, options, progress);
  if (digest.articles.length) {
    progress?.('write', 0, 1);
    // The cache also remembers which page was which, so unchanged pages are linked, not made again.
    writeContent(digest, contentDir, { manifest: options.cacheDir ? pageManifestPath(options.cacheDir, contentDir) : null, version: getCodeVersion() });
    progress?.('prune cache', 0, 1);
    cache?.prune(CACHE_BUCKETS);
  }
  return { digest, diagnostics: digest.diagnostics, cache: cache?.stats ?? null };
}
