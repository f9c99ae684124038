#!/usr/bin/env node
// The `roundup` command: parses argv, calls the pipeline, prints the report, sets the exit code.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { CONFIG_FILE, DEFAULT_CONFIG, loadConfig, type Config } from './config.js';
import { ioProblemOf, UserError } from './errors.js';
import { isMainThread } from 'node:worker_threads';
import { loadProfiles } from './clean/profiles.js';
import { INPUT_EXTENSIONS } from './ingest/walk.js';
import { readRegularFile } from './ingest/read-file.js';
import type { Diagnostic } from './model.js';
import { acquireLocks } from './lock.js';
import { checkOutputFolders } from './outputs.js';
import type { Progress } from './pipeline.js';
import { createProgressBar } from './progress.js';
import { recoverInterrupted } from './recover.js';
import { HTTP_DEFAULTS, MAX_FEED_BYTES, MAX_PAGE_BYTES } from './fetch/http.js';
import type { FetchEvent } from './fetch/index.js';
import { STATE_FILE } from './fetch/state.js';
import { commandArguments, isCommandThread, progressStream, reportLockedOutputs, runInCommandThread } from './supervise.js';
import { siteSize, sizeReport } from './render/site-size.js';

/** The pipeline's modules, imported together. */
async function importPipeline() {
  const [clean, ingest, pipeline, work, render, explain] = await Promise.all([
    import('./clean/index.js'),
    import('./ingest/index.js'),
    import('./pipeline.js'),
    import('./work/articles.js'),
    import('./render/index.js'),
    import('./group/explain.js'),
  ]);
  return { clean, ingest, pipeline, work, render, explain };
}

// Bound by loadPipeline() in the thread that runs the command: the main thread of a build only watches that
// thread and the signals, and need not spend a third of a second loading them.
let stages!: Awaited<ReturnType<typeof importPipeline>>;

async function loadPipeline(): Promise<void> {
  stages = await importPipeline();
}

const VERSION = '0.1.0';

const HELP: Record<string, string> = {
  main: `roundup ${VERSION} — turns a folder of saved news articles into a news-digest website

Usage: roundup <command> [options]

Commands:
  build        preprocess the seeds, then render the site with Eleventy (the usual command)
  preprocess   clean, extract, group and summarise; write Markdown pages and _data/digest.json
  explain      show every line of one input file, kept or dropped, and the rule that decided;
               with --pair A B, why two inputs are or are not one story and one topic
  serve        build, then serve the site locally and rebuild when a seed changes
  fetch        read the configured feeds and save each new article's page into the seeds folder

Run 'roundup <command> --help' for a command's options.
Settings are read from ./roundup.config.json when present (see README.md, "Configuration").`,
  build: `Usage: roundup build [options]

Preprocess the seeds into content/, then render content/ and templates/ into the site folder.
Both outputs are replaced atomically: a failed, stopped (SIGTERM, Ctrl-C: exit 143, 130) or killed run
leaves the previous ones whole. An output that is /, overlaps the seeds or the other output, is or holds
the project, current or a home folder, or is a folder roundup did not make (no .roundup-output), is
refused before anything is written (exit 1). Symlinks out of the seeds folder are not followed; only
regular files are read. Results are kept in the cache between runs, so a rebuild redoes only the
articles, summaries and page shards that changed; the closing line says where the time went, and the
site's size and file count (with a warning near GitHub Pages' 1 GB). With "site": { "articleText": "excerpt" }
in the config, no article has a page of its own: each story's sources show their lead paragraph and link
to the original ("full", the default, gives each article a page with its whole text).

Options:
  --seeds DIR          input folder, read recursively (default: seeds)
  --content DIR        generated Markdown and data (default: content)
  --out DIR            the built site (default: _site)
  --path-prefix P      URL prefix the site is served under, e.g. /roundup/ (default: $PATH_PREFIX or /)
  --summary-words N    word budget of a story summary (default: from config, 120)
  --config FILE        settings file (default: ./roundup.config.json when present)
  --strict             exit 1 when any input file was skipped or had a problem
  --jobs N             threads for cleaning and extraction, and shards rendered at once (default: cores, at most 4)
  --cache DIR          keep results between runs here; a rebuild redoes only what changed (default: .roundup-cache)
  --no-cache           neither read nor write the cache
  --quiet              print only problems (a progress bar shows on a terminal otherwise, never in CI)
  -h, --help           show this help`,
  preprocess: `Usage: roundup preprocess --seeds DIR --content DIR [options]

Clean, extract, group and summarise the seeds; write Markdown pages with front matter into the content
folder and the whole model into <content>/_data/digest.json. The content folder is replaced whole, and
refused like build's outputs (see 'roundup build --help').

Options:
  --seeds DIR          input folder, read recursively (default: seeds)
  --content DIR        output folder (default: content)
  --single-story       treat all inputs as one story (to score the summarizer alone)
  --summary-words N    word budget of a story summary (default: from config, 120)
  --config FILE        settings file (default: ./roundup.config.json when present)
  --strict             exit 1 when any input file was skipped or had a problem
  --jobs N             threads for cleaning and extraction, and shards rendered at once (default: cores, at most 4)
  --cache DIR          keep results between runs here; a rebuild redoes only what changed (default: .roundup-cache)
  --no-cache           neither read nor write the cache
  --quiet              print only problems (a progress bar shows on a terminal otherwise, never in CI)
  -h, --help           show this help`,
  // A getter: the rules are known once the pipeline is loaded (see loadPipeline).
  get explain() {
    return `Usage: roundup explain FILE [--seeds DIR] [--config FILE]
       roundup explain --pair FILE FILE [--seeds DIR] [--config FILE]

Print every line of one input file with its decision: K (kept), D (dropped), T (title), S (standfirst),
the rule that decided and why. With --seeds, lines repeated across that folder are taken into account
as in a build.

With --pair, build the digest of the seeds folder (default: seeds; both files must be in it) and print why
the two inputs are, or are not, one story: each piece of evidence, its weight in the story model, the
score against the threshold and the date rule; then the same for their topic.

Options:
  --seeds DIR          the corpus the file belongs to (for the corpus-repeated rule)
  --pair               explain a pair of inputs: one story or not, one topic or not
  --jobs N, --cache DIR, --no-cache   as for build (--pair builds the digest)
  --config FILE        settings file
  -h, --help           show this help

Rules, in the order they run:
${stages.clean.CLEAN_RULES.map((r) => `  ${r.name.padEnd(16)} ${r.description}`).join('\n')}`;
  },
  serve: `Usage: roundup serve [options]

Build once, then serve the site on this machine and build again when a seed, a template or the stylesheet
changes; open pages reload. Each rebuild is a whole build swapped in (no page of a removed article is left)
and leaves the cache as a build would. Only plain files of the site are served: a bad path gets 400 or 404.

Options:
  --seeds DIR          input folder (default: seeds)
  --content DIR        generated content (default: content)
  --out DIR            site folder (default: _site)
  --host H             address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every interface)
  --port N             port (default: 8080)
  --config FILE        settings file
  --jobs N             threads for cleaning and extraction, and shards rendered at once (default: cores, at most 4)
  --cache DIR          keep results between runs here; a rebuild redoes only what changed (default: .roundup-cache)
  --no-cache           neither read nor write the cache
  -h, --help           show this help`,
  fetch: `Usage: roundup fetch [--config FILE] [--opml FILE] [--seeds DIR] [--strict] [--quiet]

Read the feeds listed in the config ("feeds": [{ "url": "…", "name": "…" }]) and/or an OPML file (RSS 2.0,
RSS 1.0/RDF, Atom, JSON Feed), and save each item not fetched before as <seeds>/<publisher>/<date>-<slug>.html:
the linked page, with the feed's title, date, author, link and publisher declared in it (they win over
what the page says). When the page cannot be had, the feed item's own text is saved instead, and says so.
What was fetched is kept in <seeds>/${STATE_FILE}, so the next run fetches only what is new; a saved
file is never overwritten. Items older than fetch.maxAgeDays (default ${DEFAULT_CONFIG.fetch.maxAgeDays}) are skipped, and at most
fetch.maxItemsPerFeed (default ${DEFAULT_CONFIG.fetch.maxItemsPerFeed}) of a feed's newest items are looked at.

Requests: Node's fetch, a User-Agent naming Roundup and the site ($SITE_URL, else site.baseUrl), ${HTTP_DEFAULTS.timeoutMs / 1000} s
per request, at most ${HTTP_DEFAULTS.perHost} at a time per host, ${HTTP_DEFAULTS.retries} retries after 429 or 5xx (honouring Retry-After up to
${HTTP_DEFAULTS.maxRetryAfterMs / 1000} s), conditional GET (ETag, Last-Modified) for feeds, at most ${HTTP_DEFAULTS.maxRedirects} redirects, feeds and pages up to
${MAX_FEED_BYTES / 1024 / 1024} MB, http(s) only. A feed or page that fails (time-out, error status, malformed or hostile XML, too
large, a redirect loop) gets one line naming it and why; the run goes on and ends with a summary line.

Options:
  --config FILE        settings file (default: ./roundup.config.json when present)
  --opml FILE          also read the feeds listed in this OPML file
  --seeds DIR          the seeds folder to save into (default: seeds; made if missing)
  --strict             exit 1 when any feed or article failed (exit 0 otherwise, whatever failed)
  --quiet              print only problems and the summary line
  -h, --help           show this help`,
};

/** Flags of every command that runs the pipeline. */
const RUN_FLAGS = { jobs: { type: 'string' }, cache: { type: 'string' }, 'no-cache': { type: 'boolean' } } as const;

type Flags = Record<string, string | boolean | undefined>;

function parse(command: string, argv: string[], options: Record<string, { type: 'string' | 'boolean' }>): { flags: Flags; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { flags: values as Flags, positionals };
  } catch (error) {
    throw new UserError(`${(error as Error).message.replace(/\. To specify.*$/s, '')} (see 'roundup ${command} --help')`);
  }
}

function positiveInt(name: string, value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--${name} must be a whole number above 0, got ${JSON.stringify(value)}`);
  return n;
}

function existingDir(flag: string, dir: string): string {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError(`--${flag} ${dir}: no such folder`);
  return dir;
}

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** The progress bar on stderr (see src/progress.ts): silent when stderr is not a terminal, in CI or with --quiet. */
/** Seconds per stage, in the order the stages ran, from the progress calls (a new stage name ends the last). */
const stageSeconds = new Map<string, number>();

function makeProgress(quiet: boolean): { progress: Progress; done: () => void } {
  const bar = createProgressBar(progressStream(), { quiet });
  let current = '';
  let since = 0;
  const close = (): void => {
    if (current) stageSeconds.set(current, (stageSeconds.get(current) ?? 0) + (performance.now() - since) / 1000);
  };
  return {
    progress: (stage, done, total) => {
      if (stage !== current) {
        close();
        current = stage;
        since = performance.now();
      }
      bar.update(stage, done, total);
    },
    done: () => {
      close();
      current = '';
      bar.clear();
    },
  };
}

/** "read 0.7 s, clean+extract 25.1 s, …": where the time went. */
function stageSummary(): string {
  return [...stageSeconds].map(([stage, s]) => `${stage} ${s.toFixed(1)} s`).join(', ');
}

function report(diagnostics: readonly Diagnostic[], quiet: boolean): void {
  for (const d of diagnostics) {
    if (quiet && d.severity === 'warning') continue;
    process.stderr.write(`roundup: ${d.severity}: ${d.file}: ${d.message}\n`);
  }
}

/** How many skipped files the closing summary names before "and N more". */
const SUMMARY_NAMES = 10;

/** The closing line: what was skipped (by name) and how many warnings, so a long report ends with its gist. */
function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const skipped = diagnostics.filter((d) => d.severity === 'error').map((d) => d.file);
  const warnings = diagnostics.length - skipped.length;
  const parts: string[] = [];
  if (skipped.length) {
    const names = skipped.slice(0, SUMMARY_NAMES).join(', ');
    const more = skipped.length > SUMMARY_NAMES ? `, and ${skipped.length - SUMMARY_NAMES} more` : '';
    parts.push(`${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped (${names}${more})`);
  }
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.length ? `${parts.join('; ')}; see the lines above` : 'no input problems';
}

/** Takes the output folders' locks, then repairs what an interrupted earlier run left beside them. */
function lockOutputs(dirs: readonly string[], quiet: boolean): () => void {
  const release = acquireLocks(dirs);
  reportLockedOutputs(dirs);
  for (const dir of dirs) {
    for (const note of recoverInterrupted(dir)) if (!quiet || note.startsWith('restored')) process.stderr.write(`roundup: ${note}\n`);
  }
  return release;
}

/**
 * Returns the preprocess's memory to the system before the render starts its processes. Nothing holds the
 * digest any more, but V8 keeps its heap until a full collection, which an idle process may not run for
 * long: at 100,000 articles that was 3 GB beside two rendering shards. `gc` is exposed for this one call.
 */
function releaseMemory(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  if (typeof gc === 'function') gc();
}

interface PreprocessReport {
  readonly articles: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Where results are kept between runs unless --cache or --no-cache says otherwise. */
const DEFAULT_CACHE_DIR = '.roundup-cache';

function runOptions(flags: Flags): { jobs: number; cacheDir: string | null } {
  return {
    jobs: positiveInt('jobs', flags['jobs'], stages.work.defaultJobs()),
    cacheDir: flags['no-cache'] === true ? null : (str(flags['cache']) ?? DEFAULT_CACHE_DIR),
  };
}

async function runPreprocess(flags: Flags, config: Config, singleStory: boolean, progressOf?: { progress: Progress; done: () => void }): Promise<PreprocessReport> {
  const seeds = existingDir('seeds', str(flags['seeds']) ?? 'seeds');
  const content = str(flags['content']) ?? 'content';
  const quiet = flags['quiet'] === true;
  const summaryWords = positiveInt('summary-words', flags['summary-words'], config.summaryWords);
  const { progress, done } = progressOf ?? makeProgress(quiet);
  const result = await stages.pipeline.preprocess(seeds, content, config, { singleStory, summaryWords, ...runOptions(flags) }, progress);
  done();
  report(result.diagnostics, quiet);
  const skipped = result.diagnostics.filter((d) => d.severity === 'error').length;
  const { articles, stories, topics } = result.digest;
  if (!articles.length) {
    process.stderr.write(`roundup: summary: ${summarizeDiagnostics(result.diagnostics)}\n`);
    throw new UserError(`no article could be read from ${seeds}${skipped ? ` (${skipped} file${skipped === 1 ? '' : 's'} skipped)` : ''}; ${content} was left as it was`);
  }
  if (!quiet) process.stderr.write(`roundup: stages: ${stageSummary()}\n`);
  const cached = result.cache && result.cache.hits ? ` (${result.cache.hits} results from the cache)` : '';
  if (!quiet) process.stderr.write(`roundup: ${articles.length} articles, ${stories.length} stories, ${topics.length} topics → ${content}${cached}\n`);
  return { articles: articles.length, diagnostics: result.diagnostics };
}

/** The closing summary, then the exit decision: `--strict` turns any input problem into exit 1. */
function finish(flags: Flags, result: PreprocessReport): void {
  const quiet = flags['quiet'] === true;
  if (!quiet || result.diagnostics.some((d) => d.severity === 'error')) process.stderr.write(`roundup: summary: ${summarizeDiagnostics(result.diagnostics)}\n`);
  if (flags['strict'] === true && result.diagnostics.length) throw new UserError(`--strict: ${result.diagnostics.length} input problem(s) reported above`);
}

async function commandBuild(argv: string[]): Promise<void> {
  const { flags } = parse('build', argv, {
    seeds: { type: 'string' }, content: { type: 'string' }, out: { type: 'string' }, 'path-prefix': { type: 'string' },
    'summary-words': { type: 'string' }, config: { type: 'string' }, strict: { type: 'boolean' }, quiet: { type: 'boolean' }, ...RUN_FLAGS,
  });
  if (flags['help']) return void console.log(HELP['build']);
  const config = loadConfig(str(flags['config']) ?? null, process.cwd());
  const content = str(flags['content']) ?? 'content';
  const out = str(flags['out']) ?? '_site';
  checkOutputFolders([{ flag: 'content', dir: content }, { flag: 'out', dir: out }], str(flags['seeds']) ?? 'seeds');
  const release = lockOutputs([content, out], flags['quiet'] === true);
  try {
    const quiet = flags['quiet'] === true;
    const started = performance.now();
    const result = await runPreprocess(flags, config, false);
    releaseMemory();
    const preprocessed = performance.now();
    const pathPrefix = str(flags['path-prefix']) ?? process.env['PATH_PREFIX'] ?? '/';
    const { progress, done } = makeProgress(quiet);
    const rendered = await stages.render.renderSite({ contentDir: content, outDir: out, pathPrefix, quiet, ...runOptions(flags), progress });
    done();
    const size = sizeReport(siteSize(out));
    if (size.warning) process.stderr.write(`roundup: warning: ${size.warning}\n`);
    const reused = rendered.reused ? `, ${rendered.reused} unchanged since the last build` : '';
    if (!quiet) {
      const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
      const now = performance.now();
      process.stderr.write(`roundup: site written to ${out} (${rendered.shards} shard${rendered.shards === 1 ? '' : 's'}${reused}; ${rendered.pages} page${rendered.pages === 1 ? '' : 's'} rendered); ${size.line}\n`);
      process.stderr.write(
        `roundup: took ${s(now - started)}: preprocess ${s(preprocessed - started)}, render ${s(now - preprocessed)} (in the shards' processes: Eleventy ${s(rendered.renderMs)}, Pagefind ${s(rendered.searchMs)}); stages: ${stageSummary()}\n`,
      );
    }
    finish(flags, result);
  } finally {
    release();
  }
}

async function commandPreprocess(argv: string[]): Promise<void> {
  const { flags } = parse('preprocess', argv, {
    seeds: { type: 'string' }, content: { type: 'string' }, 'single-story': { type: 'boolean' }, 'summary-words': { type: 'string' },
    config: { type: 'string' }, strict: { type: 'boolean' }, quiet: { type: 'boolean' }, ...RUN_FLAGS,
  });
  if (flags['help']) return void console.log(HELP['preprocess']);
  const config = loadConfig(str(flags['config']) ?? null, process.cwd());
  const content = str(flags['content']) ?? 'content';
  checkOutputFolders([{ flag: 'content', dir: content }], str(flags['seeds']) ?? 'seeds');
  const release = lockOutputs([content], flags['quiet'] === true);
  try {
    finish(flags, await runPreprocess(flags, config, flags['single-story'] === true));
  } finally {
    release();
  }
}

async function commandExplain(argv: string[]): Promise<void> {
  const { flags, positionals } = parse('explain', argv, { seeds: { type: 'string' }, config: { type: 'string' }, pair: { type: 'boolean' }, jobs: { type: 'string' }, cache: { type: 'string' }, 'no-cache': { type: 'boolean' } });
  if (flags['help']) return void console.log(HELP['explain']);
  if (flags['pair']) return explainPairCommand(flags, positionals);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UserError(`explain takes exactly one FILE (see 'roundup explain --help')`);
  if (!fs.existsSync(file)) throw new UserError(`${file}: no such file`);
  const config = loadConfig(str(flags['config']) ?? null, process.cwd());
  const format = INPUT_EXTENSIONS[path.extname(file).toLowerCase()] ?? 'text';
  const read = readRegularFile(file, { followLink: true });
  if (!read.ok) throw new UserError(`${file}: ${read.problem}`);
  const parsed = stages.ingest.parseInput(path.basename(file), format, read.bytes);
  if (!parsed.ok) throw new UserError(`${file}: ${parsed.diagnostic.message}`);
  const seeds = str(flags['seeds']);
  let corpusTexts: string[] = [parsed.raw.text];
  if (seeds) {
    corpusTexts = stages.ingest.ingestFolder(existingDir('seeds', seeds)).raws.map((r) => r.text);
  }
  const cleaned = stages.clean.cleanArticle(parsed.raw, { profiles: loadProfiles(config.publishers), corpus: stages.clean.countCorpusLines(corpusTexts), disabledRules: config.disabledRules });
  const out: string[] = [];
  out.push(`${file}: ${parsed.raw.format}; title: ${JSON.stringify(cleaned.title)}; publisher: ${JSON.stringify(cleaned.publisher)}; credits: ${JSON.stringify(cleaned.credits)}`);
  for (const d of cleaned.decisions) {
    const mark = d.kept ? (d.text === cleaned.standfirst ? 'S' : 'K') : d.rule === 'header' ? 'T' : 'D';
    const why = d.rule ? `  [${d.rule}: ${d.reason}]` : '';
    out.push(`${mark} ${String(d.line).padStart(4)}  ${d.text}${why}`);
  }
  const kept = cleaned.decisions.filter((d) => d.kept).length;
  out.push(`${kept} of ${cleaned.decisions.length} lines kept; rules: ${stages.clean.RULE_NAMES.join(', ')}`);
  console.log(out.join('\n'));
}

async function explainPairCommand(flags: Flags, positionals: readonly string[]): Promise<void> {
  if (positionals.length !== 2) throw new UserError(`explain --pair takes exactly two FILEs (see 'roundup explain --help')`);
  const seeds = existingDir('seeds', str(flags['seeds']) ?? 'seeds');
  const config = loadConfig(str(flags['config']) ?? null, process.cwd());
  const files = positionals.map((file) => {
    if (!fs.existsSync(file)) throw new UserError(`${file}: no such file`);
    const rel = path.relative(fs.realpathSync(seeds), fs.realpathSync(file)).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UserError(`${file}: not inside the seeds folder ${seeds} (give --seeds)`);
    return rel;
  });
  const digest = await stages.pipeline.digestOf(seeds, config, { singleStory: false, summaryWords: config.summaryWords, ...runOptions(flags) });
  const thresholds = { story: config.grouping.storyThreshold, topic: config.grouping.topicThreshold };
  try {
    console.log(stages.explain.explainPair(digest, files[0]!, files[1]!, thresholds).join('\n'));
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

async function commandServe(argv: string[]): Promise<void> {
  const { flags } = parse('serve', argv, {
    seeds: { type: 'string' }, content: { type: 'string' }, out: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, config: { type: 'string' }, ...RUN_FLAGS,
  });
  if (flags['help']) return void console.log(HELP['serve']);
  const config = loadConfig(str(flags['config']) ?? null, process.cwd());
  const seeds = existingDir('seeds', str(flags['seeds']) ?? 'seeds');
  const content = str(flags['content']) ?? 'content';
  const out = str(flags['out']) ?? '_site';
  const host = str(flags['host']) ?? '127.0.0.1';
  if (host.trim() === '') throw new UserError(`--host must name an address, got ""`);
  const port = positiveInt('port', flags['port'], 8080);
  checkOutputFolders([{ flag: 'content', dir: content }, { flag: 'out', dir: out }], seeds);
  // Held while serving, released on exit (Ctrl-C included): a build meanwhile would fight the rebuilds.
  lockOutputs([content, out], false);
  await runPreprocess(flags, config, false);
  const server = await stages.render.serveSite({ contentDir: content, outDir: out, pathPrefix: '/', quiet: false, host, port, ...runOptions(flags) }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UserError(`--port ${port}: already in use on ${host}`);
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') throw new UserError(`--host ${host}: not an address of this machine (${error.code})`);
    if (error.code === 'EACCES') throw new UserError(`--port ${port}: not allowed for this user on ${host}`);
    throw error;
  });
  const everywhere = host === '0.0.0.0' || host === '::';
  process.stderr.write(`roundup: serving ${out} at ${server.url} (${everywhere ? 'on every interface: other machines can reach it' : 'on this address only; --host to change'}); Ctrl-C stops\n`);
  let timer: NodeJS.Timeout | null = null;
  fs.watch(seeds, { recursive: true }, () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void server.rebuild(() => runPreprocess(flags, config, false)), 200);
  });
}

/** "Roundup/0.1.0 (+https://you.github.io/roundup; news digest)": who asks, and where to see what for. */
function userAgent(config: Config): string {
  const site = process.env['SITE_URL'] || config.site.baseUrl;
  const about = site ? `+${site}` : `"${config.site.title}", no site address configured`;
  // A header is bytes: characters outside printable ASCII are left out.
  return `Roundup/${VERSION} (${about}; news digest)`.replace(/[^\x20-\x7e]/g, '');
}

async function commandFetch(argv: string[]): Promise<void> {
  const { flags } = parse('fetch', argv, { config: { type: 'string' }, opml: { type: 'string' }, seeds: { type: 'string' }, strict: { type: 'boolean' }, quiet: { type: 'boolean' } });
  if (flags['help']) return void console.log(HELP['fetch']);
  const config = loadConfig(str(flags['config']) ?? null, process.cwd());
  const fetchStage = await import('./fetch/index.js');
  const feeds = [...config.feeds];
  const opml = str(flags['opml']);
  if (opml !== undefined) {
    const read = readRegularFile(opml, { followLink: true });
    if (!read.ok) throw new UserError(`--opml ${opml}: ${read.problem}`);
    try {
      feeds.push(...fetchStage.readOpml(new TextDecoder().decode(read.bytes)));
    } catch (error) {
      throw new UserError(`--opml ${opml}: not an OPML file (${(error as Error).message.split('\n')[0]})`, { cause: error });
    }
  }
  if (!feeds.length) throw new UserError(`no feeds to read: list them in ${CONFIG_FILE} ("feeds": [{ "url": "…" }]) or give --opml FILE (see 'roundup fetch --help')`);
  const seeds = str(flags['seeds']) ?? 'seeds';
  if (fs.existsSync(seeds) && !fs.statSync(seeds).isDirectory()) throw new UserError(`--seeds ${seeds}: not a folder`);
  fs.mkdirSync(seeds, { recursive: true });
  const quiet = flags['quiet'] === true;
  const release = acquireLocks([seeds]);
  try {
    const log = (event: FetchEvent): void => {
      if (event.kind === 'problem') process.stderr.write(`roundup: ${event.severity}: ${event.source}: ${event.problem}\n`);
      else if (quiet) return;
      else if (event.kind === 'saved') process.stderr.write(`roundup: saved ${path.join(seeds, event.file)}${event.from === 'feed-item' ? " (the feed's own text)" : ''}\n`);
      else process.stderr.write(`roundup: ${event.source}: not modified since the last run\n`);
    };
    const result = await fetchStage.fetchFeeds({
      seeds, feeds, maxAgeDays: config.fetch.maxAgeDays, maxItemsPerFeed: config.fetch.maxItemsPerFeed,
      http: { ...HTTP_DEFAULTS, userAgent: userAgent(config) }, maxFeedBytes: MAX_FEED_BYTES, maxPageBytes: MAX_PAGE_BYTES, now: Date.now, log,
    });
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    const notModified = result.notModified ? ` (${result.notModified} not modified)` : '';
    const fromFeed = result.fromFeed ? ` (${result.fromFeed} from the feed's own text)` : '';
    process.stderr.write(`roundup: fetch: ${result.feedsRead} of ${plural(result.feeds, 'feed')} read${notModified}, ${plural(result.saved, 'new article')}${fromFeed} → ${seeds}, ${plural(result.failures, 'failure')}\n`);
    if (flags['strict'] === true && result.failures) throw new UserError(`--strict: ${plural(result.failures, 'failure')} reported above`);
  } finally {
    release();
  }
}

/** What an I/O failure leaves, by the atomic swap (src/write/atomic.ts): said after its one line. */
const OUTPUTS_WHOLE = 'each output folder is whole (the last good tree, or the new one)';

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  build: commandBuild,
  preprocess: commandPreprocess,
  explain: commandExplain,
  serve: commandServe,
  fetch: commandFetch,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP['main']);
    return command ? 0 : 1;
  }
  if (command === '--version' || command === '-v') {
    console.log(VERSION);
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (run) await loadPipeline();
    if (!run) throw new UserError(`unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')}; see 'roundup --help')`);
    await run(rest);
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`roundup: ${error.message}\n`);
      return 1;
    }
    const io = ioProblemOf(error);
    if (io) {
      // A full disk, a read-only or unwritable folder, a failing device: the machine's state, not a bug.
      process.stderr.write(`roundup: ${io.path ?? 'an output'}: ${io.reason} (${io.code}); ${OUTPUTS_WHOLE}\n`);
      return 1;
    }
    process.stderr.write(`roundup: internal error (please report): ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

/**
 * Commands run in a thread of their own (src/supervise.ts), so that SIGTERM and SIGINT are answered within
 * a second at any stage. `serve` runs here: it is stopped by Ctrl-C while it waits for requests.
 */
const IN_COMMAND_THREAD = new Set(['build', 'preprocess', 'explain']);

if (isCommandThread()) {
  main([...commandArguments()]).then((code) => {
    process.exitCode = code;
  });
} else if (isMainThread) {
  // A reader that stops early (`roundup explain FILE | head`) closes the pipe: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const argv = process.argv.slice(2);
  if (IN_COMMAND_THREAD.has(argv[0] ?? '')) runInCommandThread(new URL(import.meta.url), argv);
  else {
    // Ctrl-C and kill: exit through 'exit' so the lock files are released (SIGKILL leaves them stale).
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) process.once(signal, () => process.exit(code));
    main(argv).then((code) => {
      process.exitCode = code;
    });
  }
}
