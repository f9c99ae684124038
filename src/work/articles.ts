// The per-article stages (clean, then extract) for a whole run: each article in a worker thread when the
// run is big enough to pay for the workers' start, and each result kept in a content-addressed cache so a
// rebuild redoes only the articles whose input (or whose share of the corpus) changed.
import os from 'node:os';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawArticle } from '../model.js';
import type { PublisherProfile } from '../clean/profiles.js';
import type { CorpusStats } from '../clean/state.js';
import { describeError } from '../errors.js';
import { sha1 } from '../ids.js';
import type { Cache } from './cache.js';
import type { ArticleOutcome, ArticleTask } from './task.js';
import { corpusSlice, sliceOf } from './slice.js';
import type { FileLines } from '../clean/corpus.js';

/**
 * The worker's entry, compiled: from dist/work/articles.js and from src/work/articles.ts (the tests) alike
 * this is dist/work/worker.js. When it is missing (tests run before a compile) the work runs in-process.
 */
const WORKER_PATH = fileURLToPath(new URL('../../dist/work/worker.js', import.meta.url));
/** Below this many articles one thread is quicker than starting workers (each loads compromise, ~0.3 s). */
const MIN_ARTICLES_FOR_WORKERS = 400;
/** Articles sent to a worker at once: few enough to balance the load, many enough to amortise messages. */
const BATCH_SIZE = 32;

export interface ArticleStageOptions {
  readonly profiles: readonly PublisherProfile[];
  readonly disabledRules: readonly string[];
  /** Worker threads; 1 runs everything in this thread. */
  readonly jobs: number;
  readonly cache: Cache | null;
  /** Identifies the code and settings: any change to them is a different cache key for every article. */
  readonly version: string;
  readonly progress?: (done: number, total: number) => void;
  /** Each input's line keys, when already read (see `readLines`); else taken from its text. */
  readonly lines?: readonly FileLines[];
  /** Fewer articles to do than this run in this thread (default MIN_ARTICLES_FOR_WORKERS; the tests set 0). */
  readonly minForWorkers?: number;
}

export interface ArticleStageResult {
  /** One per input, in input order: the article, or the diagnostic that replaced it. */
  readonly outcomes: readonly ArticleOutcome[];
  /** The cache key of each input (what its article depends on), in input order. */
  readonly keys: readonly string[];
  /** How many came from the cache. */
  readonly cached: number;
  /** Threads that did the work (1: this one). */
  readonly threads: number;
}

/** The default number of worker threads: one per core, at most four (the stages are CPU-bound). */
export function defaultJobs(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** What an article depends on: the input file, the code and settings, and the corpus lines that decide its cleaning. */
function taskKey(task: ArticleTask, version: string): string {
  const { raw, slice } = task;
  const corpus = [...slice.lineFiles.keys()].sort().join('\n') + '\u0000' + [...slice.pageFiles.keys()].join('\n');
  return sha1([version, raw.file, raw.format, raw.hash, JSON.stringify(raw.declared), sha1(corpus)].join('\u0000'));
}

/** Cleans and extracts every input; results in input order whatever the threads' timing. */
export async function processArticles(raws: readonly RawArticle[], corpus: CorpusStats, options: ArticleStageOptions): Promise<ArticleStageResult> {
  const tasks: ArticleTask[] = raws.map((raw, i) => {
    const lines = options.lines?.[i];
    return { raw, slice: lines ? sliceOf(lines, corpus) : corpusSlice(raw.text, corpus) };
  });
  const keys = tasks.map((t) => taskKey(t, options.version));
  const outcomes: (ArticleOutcome | undefined)[] = new Array(tasks.length);
  let cached = 0;
  const todo: number[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const hit = options.cache?.get<ArticleOutcome>('articles', keys[i]!);
    if (hit && (hit.article?.file === raws[i]!.file || hit.diagnostic?.file === raws[i]!.file)) {
      outcomes[i] = hit;
      cached++;
    } else todo.push(i);
  }
  let done = cached;
  const report = (): void => options.progress?.(done, tasks.length);
  report();
  const settle = (i: number, outcome: ArticleOutcome, written = false): void => {
    outcomes[i] = outcome;
    if (written) options.cache?.touch('articles', keys[i]!);
    else options.cache?.set('articles', keys[i]!, outcome);
    done++;
    report();
  };
  const jobs = Math.min(options.jobs, Math.ceil(todo.length / BATCH_SIZE));
  const usedWorkers = jobs > 1 && todo.length >= (options.minForWorkers ?? MIN_ARTICLES_FOR_WORKERS) && fs.existsSync(WORKER_PATH);
  if (usedWorkers) {
    await runInWorkers(todo, tasks, jobs, options, settle, keys);
  } else {
    const context = { profiles: options.profiles, disabledRules: options.disabledRules };
    // Loaded only when there is work: the cleaner and extractor bring the language models (compromise, tinyld,
    // chrono), a third of a second a run that finds every article in the cache need not pay.
    const { processOne } = todo.length ? await import('./task.js') : { processOne: null };
    for (const i of todo) settle(i, processOne!(tasks[i]!, context));
  }
  return { outcomes: outcomes as ArticleOutcome[], keys, cached, threads: usedWorkers ? jobs : 1 };
}

/** Hands batches of tasks to `jobs` workers as each finishes its last batch. */
async function runInWorkers(
  todo: readonly number[],
  tasks: readonly ArticleTask[],
  jobs: number,
  options: ArticleStageOptions,
  settle: (i: number, outcome: ArticleOutcome, written: boolean) => void,
  keys: readonly string[],
): Promise<void> {
  let next = 0;
  const takeBatch = (): number[] => {
    const batch = todo.slice(next, next + BATCH_SIZE);
    next += batch.length;
    return batch;
  };
  const workers = Array.from({ length: jobs }, () => new Worker(WORKER_PATH, { workerData: { profiles: options.profiles, disabledRules: options.disabledRules } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let batch: number[] = [];
            const send = (): void => {
              batch = takeBatch();
              if (!batch.length) return resolve();
              const cache = options.cache;
              worker.postMessage(batch.map((i) => (cache ? { ...tasks[i]!, cacheFile: cache.file('articles', keys[i]!) } : tasks[i])));
            };
            worker.on('message', (results: ArticleOutcome[]) => {
              batch.forEach((i, k) => settle(i, results[k]!, true));
              send();
            });
            worker.on('error', (error) => reject(new Error(`article worker failed: ${describeError(error)}`, { cause: error })));
            worker.on('exit', (code) => {
              if (batch.length && code !== 0) reject(new Error(`article worker exited with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
