// One article through clean and extract: the unit of work a worker thread runs, and the in-process fallback.
import type { Article, Diagnostic, RawArticle } from '../model.js';
import type { PublisherProfile } from '../clean/profiles.js';
import type { CorpusStats } from '../clean/state.js';
import { cleanArticle } from '../clean/index.js';
import { extractArticle } from '../extract/index.js';
import { describeError } from '../errors.js';
import { storeFeatures, type StoredFeatures } from '../group/features.js';

/** An input with the part of the corpus statistics its cleaning can look at (see `corpusSlice`). */
export interface ArticleTask {
  readonly raw: RawArticle;
  readonly slice: CorpusStats;
  /** Where a worker writes the outcome into the cache (the writes then run in the workers, side by side). */
  readonly cacheFile?: string;
}

/** Either the article (with its grouping features), or the one diagnostic that says why the file has none. */
export interface ArticleOutcome {
  readonly article: Article | null;
  readonly features?: StoredFeatures | null;
  readonly diagnostic: Diagnostic | null;
}

export interface TaskContext {
  readonly profiles: readonly PublisherProfile[];
  readonly disabledRules: readonly string[];
}

export function processOne(task: ArticleTask, context: TaskContext): ArticleOutcome {
  const { raw } = task;
  try {
    const cleaned = cleanArticle(raw, { ...context, corpus: task.slice });
    if (!cleaned.paragraphs.length) {
      return { article: null, diagnostic: { file: raw.file, severity: 'error', message: 'no article text left after removing boilerplate (see `roundup explain`)' } };
    }
    const article = extractArticle(raw, cleaned);
    return { article, features: storeFeatures(article), diagnostic: null };
  } catch (error) {
    return { article: null, diagnostic: { file: raw.file, severity: 'error', message: `could not be processed: ${describeError(error)}` } };
  }
}
