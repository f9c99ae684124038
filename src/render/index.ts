// Render stage: runs Eleventy on the content tree and swaps the built site into place atomically.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { replaceDirectory } from '../write/atomic.js';
import { spawnSync } from 'node:child_process';

export interface RenderOptions {
  readonly contentDir: string;
  readonly outDir: string;
  /** URL prefix the site is served under, e.g. `/roundup/`; `/` at the root. */
  readonly pathPrefix: string;
  readonly quiet: boolean;
}

export interface ServeOptions extends RenderOptions {
  readonly port: number;
}

/** The Eleventy config beside package.json: dist/render/index.js and src/render/index.ts are both two levels down. */
export const ELEVENTY_CONFIG_PATH = fileURLToPath(new URL('../../.eleventy.js', import.meta.url));

/** The stylesheet folder, copied to `<site>/assets/` (where the layouts link it). */
export const PUBLIC_DIR = fileURLToPath(new URL('../../public', import.meta.url));
const ASSETS_DIR = 'assets';
/** Where Pagefind's index and scripts land in the site; `assets/search.js` loads them from there. */
export const SEARCH_INDEX_DIR = 'pagefind';
/** Pagefind's CLI entry, which runs the platform binary shipped in its npm package. */
const PAGEFIND_BIN = path.join(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');
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

/** Runs `task` with the config's environment variables set, restoring the previous values afterwards. */
async function withEnv<T>(values: Readonly<Record<string, string>>, task: () => Promise<T>): Promise<T> {
  const saved = Object.entries(values).map(([key]) => [key, process.env[key]] as const);
  Object.assign(process.env, values);
  try {
    return await task();
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function createEleventy(options: RenderOptions, outDir: string, runMode: 'build' | 'serve'): Eleventy {
  return new Eleventy(path.resolve(options.contentDir), outDir, {
    configPath: ELEVENTY_CONFIG_PATH,
    pathPrefix: normalizePathPrefix(options.pathPrefix),
    quietMode: options.quiet,
    runMode,
  });
}

/**
 * Runs Pagefind (its binary ships in the npm package; nothing is downloaded) over the built HTML in
 * `siteDir` and writes the index to `<siteDir>/pagefind/`. Result URLs are site-relative
 * (`/stories/x/`); the search script adds the path prefix in the browser.
 */
export async function indexSite(siteDir: string): Promise<number> {
  // Pagefind's own CLI in a child process, not its Node API: the API's service could still be writing
  // when it was closed and the tree swapped, and under load two renders of one site then differed in
  // pagefind/wasm.unknown.pagefind. The CLI exits only after every file is written.
  const args = [PAGEFIND_BIN, '--site', siteDir, '--output-subdir', SEARCH_INDEX_DIR, '--silent'];
  for (const selector of SEARCH_EXCLUDE_SELECTORS) args.push('--exclude-selectors', selector);
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`search index: Pagefind failed (${run.status ?? run.signal}): ${(run.stderr || run.stdout).trim().slice(-2000)}`);
  const entry = JSON.parse(fs.readFileSync(path.join(siteDir, SEARCH_INDEX_DIR, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);
}

/** Builds the site (Eleventy, stylesheet, search index) into a temporary sibling of `outDir`, then swaps it in. */
export async function renderSite(options: RenderOptions): Promise<void> {
  const outDir = path.resolve(options.outDir);
  const env = { ROUNDUP_CONTENT: path.resolve(options.contentDir), ROUNDUP_PASSTHROUGH: '0' };
  await replaceDirectory(outDir, async (tmpDir) => {
    await withEnv({ ...env, ROUNDUP_OUT: tmpDir }, async () => {
      const eleventy = createEleventy(options, tmpDir, 'build');
      // Quiet means silent: Eleventy otherwise always prints its "Wrote N files" line. Errors still throw.
      if (options.quiet) eleventy.disableLogger();
      await eleventy.write();
    });
    fs.cpSync(PUBLIC_DIR, path.join(tmpDir, ASSETS_DIR), { recursive: true });
    // Last, over the finished HTML only, and still inside the temp folder: a failure leaves the old site.
    await indexSite(tmpDir);
  });
}

/** A running dev server; `close` stops the watcher and the server. */
export interface SiteServer {
  readonly close: () => Promise<void>;
}

/**
 * Builds into `outDir`, then watches the content and templates and serves the site on `port` with
 * live reload. A rewrite of the content folder (the write stage's atomic swap) triggers a rebuild.
 */
export async function serveSite(options: ServeOptions): Promise<SiteServer> {
  const outDir = path.resolve(options.outDir);
  // Left set while serving: a watched config change makes Eleventy read the config again.
  process.env['ROUNDUP_CONTENT'] = path.resolve(options.contentDir);
  process.env['ROUNDUP_OUT'] = outDir;
  const eleventy = createEleventy(options, outDir, 'serve');
  // watch() needs an initialised instance (write() initialises itself; watch() does not).
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port);
  return { close: async () => void (await eleventy.stopWatch()) };
}
