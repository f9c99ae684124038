// Render stage: runs Eleventy on the content tree and swaps the built site into place atomically.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Eleventy from '@11ty/eleventy';
import { compareText as byteOrder, sha1 } from '../ids.js';
import { discardDirectory, replaceDirectory, siblingPath } from '../write/atomic.js';
import { readManifest, SITE_DATA_FILE } from '../write/index.js';
import { pageManifestPath } from '../work/cache.js';
import { serveStatic } from './static-server.js';
import { copyFiles, copyTree, listPages, type ShardJob, planShards, renderShard, renderVersion, runLimited, SEARCH_DIR, SEARCH_MANIFEST, shardJobs } from './shards.js';

export interface RenderOptions {
  readonly contentDir: string;
  readonly outDir: string;
  /** URL prefix the site is served under, e.g. `/roundup/`; `/` at the root. */
  readonly pathPrefix: string;
  readonly quiet: boolean;
  /** Shards rendered at once, each in its own process (default 1). */
  readonly jobs?: number;
  /** Cache root: each shard's output is kept under `<cacheDir>/render/` and reused while its inputs are unchanged; null keeps nothing. */
  readonly cacheDir?: string | null;
  /** Pages per shard (tests set it low to exercise several shards). */
  readonly shardPages?: number;
  readonly progress?: (stage: string, done: number, total: number) => void;
}

export interface RenderReport {
  readonly shards: number;
  /** Shards whose output came from the store, unchanged since an earlier run. */
  readonly reused: number;
  /** Pages Eleventy rendered: all of the shards not reused, or only the changed pages of a shard whose last output was kept. */
  readonly pages: number;
  /** Eleventy's and Pagefind's time summed over the shards rendered (they run side by side, so more than the wall time). */
  readonly renderMs: number;
  readonly searchMs: number;
}

export interface ServeOptions extends RenderOptions {
  /** The address to listen on: 127.0.0.1 (this machine only) unless the user says otherwise. */
  readonly host: string;
  /** 0: any free port (the tests). */
  readonly port: number;
}

/** The Eleventy config beside package.json: dist/render/index.js and src/render/index.ts are both two levels down. */
export const ELEVENTY_CONFIG_PATH = fileURLToPath(new URL('../../.eleventy.js', import.meta.url));

/** The stylesheet folder, copied to `<site>/assets/` (where the layouts link it). */
export const PUBLIC_DIR = fileURLToPath(new URL('../../public', import.meta.url));
const ASSETS_DIR = 'assets';
/**
 * Parts of a page kept out of the search index: citation marks ("[1][2]") would fill every excerpt,
 * and the masthead and footer are already outside the pages' data-pagefind-body.
 */
const SEARCH_EXCLUDE_SELECTORS = ['.cites', '.summary a', '.site-search'];

/** `roundup` → `/roundup/`, `` → `/`: the form Eleventy expects. */
export function normalizePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Eleventy over `options.contentDir` with Roundup's config: one shard's build (shard-main.ts). Eleventy is
 * loaded here, not at start-up: a build whose every shard is in the store never needs it.
 */
export async function createEleventy(options: RenderOptions, outDir: string): Promise<Eleventy> {
  const { default: Eleventy } = await import('@11ty/eleventy');
  return new Eleventy(path.resolve(options.contentDir), outDir, {
    configPath: ELEVENTY_CONFIG_PATH,
    pathPrefix: normalizePathPrefix(options.pathPrefix),
    quietMode: options.quiet,
    runMode: 'build',
  });
}

/** Every HTML file under `dir` (relative, `/`-separated), in byte order, leaving out the folder `skip` (relative). */
function listHtml(dir: string, skip: string): string[] {
  const out: string[] = [];
  const walk = (full: string, rel: string): void => {
    for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (relPath !== skip) walk(path.join(full, entry.name), relPath);
      } else if (entry.name.endsWith('.html')) out.push(relPath);
    }
  };
  walk(dir, '');
  return out.sort(byteOrder);
}

/** An element that marks a page's part for search: a tag's attribute (article text is escaped, so it cannot make one). */
export const SEARCH_BODY_RE = /<[a-z][^<>]*\sdata-pagefind-body[\s=>]/i;

/** Pagefind's Node API, once loaded: `stopIndexing` closes its service if one is running. */
let pagefindApi: typeof import('pagefind') | null = null;

/**
 * Stops Pagefind's service process, if one runs: a shard whose parent died calls this before exiting, so
 * the indexer does not run on alone.
 */
export function stopIndexing(): void {
  void pagefindApi?.close();
}

/**
 * Indexes the built HTML in `siteDir` with Pagefind (its binary ships in the npm package; nothing is
 * downloaded) and writes the index to `<siteDir>/<outputSubdir>/` (a shard's `pagefind/<shard>/`). Result
 * URLs are site-relative (`/stories/x/`); the search script adds the path prefix in the browser.
 */
export async function indexSite(siteDir: string, outputSubdir: string): Promise<void> {
  // Pagefind numbers pages in the order it is given them, and its CLI walks the folder in the file system's
  // order (tmpfs and ext4 differ, so the index and its file names did): the API is given them in byte order,
  // one at a time. The files come back in memory and are written here, so every one is whole when this
  // returns (the API's own writeFiles could still be writing when its service was closed).
  pagefindApi ??= await import('pagefind');
  const api = pagefindApi;
  const failed = (what: string, errors: readonly string[]): Error => new Error(`search index: Pagefind ${what}: ${errors.join('; ')}`);
  const created = await api.createIndex({ excludeSelectors: SEARCH_EXCLUDE_SELECTORS });
  if (!created.index || created.errors.length) throw failed('could not start', created.errors);
  const index = created.index;
  try {
    for (const file of listHtml(siteDir, outputSubdir)) {
      const content = fs.readFileSync(path.join(siteDir, file), 'utf8');
      // Pagefind leaves out every page without data-pagefind-body once any page has it (a shard with none is not
      // indexed: shard-main.ts), so those need not be sent: two thirds of the pages, three fifths of its time.
      if (!SEARCH_BODY_RE.test(content)) continue;
      const added = await index.addHTMLFile({ sourcePath: file, content });
      if (added.errors.length) throw failed(`could not read ${file}`, added.errors);
    }
    const built = await index.getFiles();
    if (built.errors.length) throw failed('could not build the index', built.errors);
    const outDir = path.join(siteDir, outputSubdir);
    for (const file of [...built.files].sort((x, y) => byteOrder(x.path, y.path))) {
      const target = path.join(outDir, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content);
    }
  } finally {
    await api.close();
  }
}

/** The project root (templates/, .eleventy.js, package-lock.json), two levels above this module. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the site into a temporary sibling of `outDir`, then swaps it in: the pages in shards (see
 * shards.ts), each rendered and indexed in its own process or taken from the store when unchanged, then
 * copied together with the stylesheet and the list of search bundles (copies, never links: see `copyOut`).
 */
export async function renderSite(options: RenderOptions): Promise<RenderReport> {
  const outDir = path.resolve(options.outDir);
  const contentDir = path.resolve(options.contentDir);
  const prefix = normalizePathPrefix(options.pathPrefix);
  const siteDataFile = path.join(contentDir, '_data', SITE_DATA_FILE);
  const siteData = fs.existsSync(siteDataFile) ? fs.readFileSync(siteDataFile, 'utf8') : '';
  const shards = planShards(listPages(contentDir), options.shardPages);
  const version = renderVersion(PROJECT_ROOT, [prefix, process.env['SITE_URL'] ?? '']);
  // The write stage's record of the pages it wrote saves reading and hashing every page again.
  const manifest = options.cacheDir ? readManifest(pageManifestPath(options.cacheDir, contentDir)) : new Map();
  const jobs = shardJobs(contentDir, shards, version, siteData, manifest);
  const keepStore = Boolean(options.cacheDir);
  const storeDir = options.cacheDir ? path.join(path.resolve(options.cacheDir), 'render', sha1(outDir).slice(0, 12)) : siblingPath(outDir, 'store');
  fs.mkdirSync(storeDir, { recursive: true });
  try {
    const todo = jobs.filter((j) => !fs.existsSync(path.join(storeDir, j.key)));
    let done = jobs.length - todo.length;
    options.progress?.('render', done, jobs.length);
    const run = { contentDir, siteDataFile: siteData ? siteDataFile : null, pathPrefix: prefix, storeDir, keep: keepStore };
    let renderMs = 0;
    let searchMs = 0;
    let renderedPages = 0;
    // A shard rendered from its last output: its unchanged pages' files, copied into the site while it renders.
    const early: { job: ShardJob; out: string; files: readonly string[] }[] = [];
    const copiedEarly = new Set<ShardJob>();
    const written = new Map<ShardJob, readonly string[]>();
    const tasks = todo.map((job) => async () => {
      const t = await renderShard(job, run, (out, files) => early.push({ job, out, files }));
      written.set(job, t.written);
      renderedPages += t.pages;
      renderMs += t.renderMs;
      searchMs += t.searchMs;
    });
    await replaceDirectory(outDir, async (tmpDir) => {
      // The shards to render start in their processes; meanwhile this one copies in the shards the store
      // already holds (a rebuild's largest part: every unchanged page's files), then the new ones.
      const rendering = runLimited(tasks, options.jobs ?? 1, () => options.progress?.('render', ++done, jobs.length));
      rendering.catch(() => {});
      // The shards that started from their last output have reported its unchanged files by now (no render can
      // have ended yet); a shard started later is copied whole after the renders, below.
      for (const { job, out, files } of early) {
        copyFiles(out, files, tmpDir);
        copiedEarly.add(job);
      }
      const pending = new Set(todo);
      for (const job of jobs) if (!pending.has(job)) copyTree(path.join(storeDir, job.key), tmpDir);
      await rendering;
      for (const job of todo) {
        const entry = path.join(storeDir, job.key);
        if (!copiedEarly.has(job)) {
          copyTree(entry, tmpDir);
          continue;
        }
        // The rest of a shard whose unchanged pages are in: what its changed pages wrote, and its search index.
        copyFiles(entry, written.get(job) ?? [], tmpDir);
        const search = path.join(SEARCH_DIR, job.shard.name);
        if (fs.existsSync(path.join(entry, search))) {
          fs.mkdirSync(path.join(tmpDir, search), { recursive: true });
          copyTree(path.join(entry, search), path.join(tmpDir, search));
        }
      }
      fs.cpSync(PUBLIC_DIR, path.join(tmpDir, ASSETS_DIR), { recursive: true });
      // The search page merges every shard's bundle; the list is in shard order, so the site is the same each run.
      const bundles = jobs.map((j) => j.shard.name).filter((name) => fs.existsSync(path.join(tmpDir, SEARCH_DIR, name, 'pagefind.js')));
      fs.mkdirSync(path.join(tmpDir, SEARCH_DIR), { recursive: true });
      fs.writeFileSync(path.join(tmpDir, SEARCH_DIR, SEARCH_MANIFEST), JSON.stringify({ bundles }) + '\n');
    });
    if (keepStore) {
      // Keep only what this site is made of (each entry and its record): older shards would never be asked for again.
      const keep = new Set(jobs.flatMap((j) => [j.key, `${j.key}.json`]));
      for (const entry of fs.readdirSync(storeDir)) {
        if (keep.has(entry)) continue;
        if (entry.endsWith('.json')) fs.rmSync(path.join(storeDir, entry), { force: true });
        else discardDirectory(path.join(storeDir, entry));
      }
    }
    return { shards: jobs.length, reused: jobs.length - todo.length, pages: renderedPages, renderMs: Math.round(renderMs), searchMs: Math.round(searchMs) };
  } finally {
    if (!keepStore) discardDirectory(storeDir);
  }
}

/** A running `roundup serve`: its address, a rebuild on demand, and `close`. */
export interface SiteServer {
  /** The address it listens on (`http://127.0.0.1:8080/`). */
  readonly url: string;
  /**
   * Runs `before` (the CLI's preprocess), then renders the site again, after any rebuild already running; open
   * pages reload once the new site is in. A failure is reported and the last good site stays served.
   */
  readonly rebuild: (before?: () => Promise<unknown>) => Promise<void>;
  readonly close: () => Promise<void>;
}

/** What `serve` watches besides the seeds: a change to the templates or the stylesheet renders the site again. */
const WATCHED_DIRS = [path.join(PROJECT_ROOT, 'templates'), PUBLIC_DIR];
/** Changes closer together than this make one rebuild. */
const REBUILD_DELAY_MS = 200;

/**
 * Builds the site into `outDir` as `build` does (shards, the cache, the atomic swap: a rebuild leaves no page
 * of a removed article behind, and never writes into the store), then serves it with a small file server of
 * our own (static-server.ts) on `options.host` (127.0.0.1 unless told otherwise) and `options.port`.
 */
export async function serveSite(options: ServeOptions): Promise<SiteServer> {
  const say = (line: string): void => {
    if (!options.quiet) process.stderr.write(`roundup: ${line}\n`);
  };
  await renderSite(options);
  const server = await serveStatic(path.resolve(options.outDir), options.host, options.port);
  let queue: Promise<void> = Promise.resolve();
  const rebuild = (before?: () => Promise<unknown>): Promise<void> => {
    queue = queue.then(async () => {
      try {
        await before?.();
        const report = await renderSite(options);
        server.reload();
        say(`site rebuilt (${report.pages} page${report.pages === 1 ? '' : 's'} rendered)`);
      } catch (error) {
        say(`rebuild failed, still serving the last site: ${(error as Error).message}`);
      }
    });
    return queue;
  };
  let timer: NodeJS.Timeout | null = null;
  const watchers = WATCHED_DIRS.filter((dir) => fs.existsSync(dir)).map((dir) =>
    fs.watch(dir, { recursive: true }, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void rebuild(), REBUILD_DELAY_MS);
    }),
  );
  return {
    url: server.url,
    rebuild,
    close: async () => {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await queue;
      await server.close();
    },
  };
}
