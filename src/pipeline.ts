// The one place that sequences the stages: read → clean → extract → group → summarize → write.
import type { Article, Diagnostic, Digest, RawArticle, Story, Topic } from './model.js';
import type { Config } from './config.js';
import { cleanArticle, countCorpusLines, checkRuleNames } from './clean/index.js';
import { loadProfiles, type PublisherProfile } from './clean/profiles.js';
import { extractArticle } from './extract/index.js';
import { groupArticles } from './group/index.js';
import { ingestFolder } from './ingest/index.js';
import { summarizeStory, summarizeTopic } from './summarize/index.js';
import { writeContent } from './write/index.js';
import { describeError } from './errors.js';

export interface BuildOptions {
  readonly singleStory: boolean;
  readonly summaryWords: number;
}

export interface Progress {
  (stage: string, done: number, total: number): void;
}

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Pure: raw articles in, the whole digest out (no disk, no clock). */
export function buildDigest(
  raws: readonly RawArticle[],
  config: Config,
  options: BuildOptions,
  profiles: readonly PublisherProfile[],
  progress: Progress = () => {},
): { digest: Digest; diagnostics: Diagnostic[] } {
  checkRuleNames(config.disabledRules);
  const diagnostics: Diagnostic[] = [];
  const corpus = countCorpusLines(raws.map((r) => r.text));
  const context = { profiles, corpus, disabledRules: config.disabledRules };
  const articles: Article[] = [];
  raws.forEach((raw, i) => {
    progress('clean', i, raws.length);
    try {
      const cleaned = cleanArticle(raw, context);
      if (!cleaned.paragraphs.length) {
        diagnostics.push({ file: raw.file, severity: 'error', message: 'no article text left after removing boilerplate (see `roundup explain`)' });
        return;
      }
      articles.push(extractArticle(raw, cleaned));
    } catch (error) {
      diagnostics.push({ file: raw.file, severity: 'error', message: `could not be processed: ${describeError(error)}` });
    }
  });
  articles.sort(byId);
  progress('group', 0, 1);
  const grouping = groupArticles(articles, { ...config.grouping, singleStory: options.singleStory });
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
  const stories: Story[] = grouping.stories.map((s, i) => {
    progress('summarize', i, grouping.stories.length);
    const all = s.articleIds.map((id) => articleById.get(id)).filter((a): a is Article => a !== undefined);
    const originals = all.filter((a) => !copies.has(a.id));
    const summary = summarizeStory(originals.length ? originals : all, summaryOptions);
    const publishers = [...new Set(all.flatMap((a) => (a.publisher ? [a.publisher] : [])))].sort();
    return { id: s.id, articleIds: s.articleIds, topicId: topicOf.get(s.id) ?? '', ...summary, publishers };
  });
  stories.sort(byId);
  const storyById = new Map(stories.map((s) => [s.id, s]));
  const topics: Topic[] = grouping.topics.map((t) => {
    const members = t.storyIds.map((id) => storyById.get(id)).filter((s): s is Story => s !== undefined);
    const memberArticles = members.flatMap((s) => s.articleIds.map((id) => articleById.get(id)).filter((a): a is Article => a !== undefined));
    return { id: t.id, storyIds: t.storyIds, ...summarizeTopic(members, memberArticles, summaryOptions) };
  });
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
}

/** Reads `seedsDir`, builds the digest, writes `contentDir` atomically. */
export function preprocess(seedsDir: string, contentDir: string, config: Config, options: BuildOptions, progress?: Progress): PreprocessResult {
  const profiles = loadProfiles(config.publishers);
  const ingested = ingestFolder(seedsDir);
  const built = buildDigest(ingested.raws, config, options, profiles, progress);
  const diagnostics = [...ingested.diagnostics, ...built.diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const digest: Digest = { ...built.digest, diagnostics };
  if (digest.articles.length) writeContent(digest, contentDir);
  return { digest, diagnostics };
}
