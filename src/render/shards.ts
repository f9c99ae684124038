// Sharded rendering: the content tree is cut into shards of a few thousand pages, each rendered by its own
// Eleventy run in a child process (two at a time on two cores) with its own Pagefind index, and each
// shard's output is kept in a store keyed by the hash of everything it was made from. A rebuild renders
// only the shards whose pages, templates or settings changed; the others are copied from the store.
// Eleventy keeps every page of a run in memory (it runs out between 30,000 and 50,000 pages, 11ty/eleventy
// #2368), and so does Pagefind (#842): shards keep both bounded whatever the size of the site.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareText as byteOrder, sha1 } from '../ids.js';
import { fileHashes } from '../work/cache.js';
import { writeFileAtomic } from '../write/atomic.js';
import type { ManifestEntry } from '../write/index.js';

/**
 * Pages per shard, about: small enough to bound memory, big enough that each process's start-up (~1 s) is paid
 * rarely and the search page has few bundles to merge. Two shards render at once beside the build's own process,
 * which still holds what its threads freed (~0.8 GB after cleaning 10,000 articles): on the bench's 10,000
 * articles, shards of 8,000 pages (two article shards of 4,727) peaked at 1.87 GB for the render alone and 2.28 GB
 * for the build; shards of 4,000 (four of 2,364) at 1.17 GB for the render, 12 s slower of 58 s. At 100,000
 * articles 4,000 made 97 shards.
 */
export const SHARD_PAGES = 4000;
/** A folder of fewer pages than this share of a shard joins the "core" shard with the top-level pages. */
const MIN_FAMILY_SHARE = 0.25;
/** The child-process entry that renders one shard (compiled; see WORKER_PATH in src/work/articles.ts). */
const SHARD_MAIN = fileURLToPath(new URL('../../dist/render/shard-main.js', import.meta.url));
/** Where each shard's search index lands in the site: `pagefind/<shard>/`, merged in the browser. */
export const SEARCH_DIR = 'pagefind';
/** Lists the shards' search bundles for assets/search.js. */
export const SEARCH_MANIFEST = 'shards.json';

export interface Shard {
  readonly name: string;
  /** Content files (relative, `/`-separated, sorted) rendered by this shard. */
  readonly files: readonly string[];
}

/** The smallest power of two at least `n`: bucket counts change only when a folder doubles, so pages rarely move. */
function powerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * Cuts the pages into shards: a folder of many pages (articles, stories…) into buckets by the hash of
 * each page's path, so a page stays in its shard as others come and go; smaller folders and the
 * top-level pages into "core".
 */
export function planShards(files: readonly string[], shardPages = SHARD_PAGES): Shard[] {
  const families = new Map<string, string[]>();
  for (const file of files) {
    const slash = file.indexOf('/');
    const family = slash === -1 ? 'core' : file.slice(0, slash);
    let list = families.get(family);
    if (!list) families.set(family, (list = []));
    list.push(file);
  }
  const shards = new Map<string, string[]>();
  const add = (name: string, file: string): void => {
    let list = shards.get(name);
    if (!list) shards.set(name, (list = []));
    list.push(file);
  };
  for (const [family, list] of families) {
    if (family === 'core' || list.length < shardPages * MIN_FAMILY_SHARE) {
      for (const file of list) add('core', file);
      continue;
    }
    const buckets = powerOfTwo(Math.ceil(list.length / shardPages));
    for (const file of list) add(buckets === 1 ? family : `${family}-${parseInt(sha1(file).slice(0, 8), 16) % buckets}`, file);
  }
  return [...shards].map(([name, list]) => ({ name, files: list.sort(byteOrder) })).sort((a, b) => byteOrder(a.name, b.name));
}

/** Every page source of the content tree (Markdown, outside `_data`), relative and sorted. */
export function listPages(contentDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!(rel === '' && entry.name === '_data')) walk(path.join(dir, entry.name), relPath);
      } else if (entry.name.endsWith('.md')) out.push(relPath);
    }
  };
  walk(contentDir, '');
  return out.sort(byteOrder);
}

/** Hard link, or copy where links are impossible (another file system): for the shard's own input folder only. */
export function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/**
 * Copies a file of the store out into a site: a clone sharing its blocks copy-on-write where the file system
 * can (btrfs, XFS), a plain copy elsewhere. Never a hard link: the site is the user's, and an in-place edit of
 * one of its files (`serve` once, a minifier, a deploy step) went through the link into the store, whose
 * entry then served the edited page to every later build with the same settings.
 */
export function copyOut(from: string, to: string): void {
  fs.copyFileSync(from, to, fs.constants.COPYFILE_FICLONE);
}

/** Copies the files `files` (relative) of `from` into the same places under `to`, folders made as needed. */
export function copyFiles(from: string, files: readonly string[], to: string): void {
  const made = new Set<string>();
  for (const file of files) {
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(path.join(to, dir), { recursive: true });
      made.add(dir);
    }
    copyOut(path.join(from, file), path.join(to, file));
  }
}

/** Copies every file under `from` into the same place under `to` (folders created as needed). */
export function copyTree(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      // Not `recursive: true`: the parent is there, and the plain call is a third cheaper (a folder per page).
      try {
        fs.mkdirSync(dst);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      copyTree(src, dst);
    } else copyOut(src, dst);
  }
}

export interface ShardJob {
  readonly shard: Shard;
  /** Hash of the shard's pages, the site data, the templates and the settings: its store entry's name. */
  readonly key: string;
  /** What everything but the pages contributes to the key (templates, settings, site data). */
  readonly base: string;
  /** Each page's hash, in the order of `shard.files`. */
  readonly hashes: readonly string[];
}

/**
 * What a store entry was made from, kept beside it as `<key>.json`: each page's hash and the files its
 * rendering wrote, so that the next run can render only the pages that changed (see `renderShard`).
 */
export interface ShardRecord {
  readonly name: string;
  readonly base: string;
  /** Page (content file) → its hash and the output files it made, relative to the shard's output. */
  readonly pages: Readonly<Record<string, { readonly hash: string; readonly outputs: readonly string[] }>>;
}

/** A store entry's record file. */
export const recordPath = (storeDir: string, key: string): string => path.join(storeDir, `${key}.json`);

/**
 * A rendering of a shard whose pages mostly did not change starts from the last output of that shard and
 * renders only the changed pages: below this share of its pages (a rebuild after one article changed
 * re-renders a handful of pages, not 8,000). Pages never read each other (no template uses collections),
 * so a page's HTML is the same whichever pages are rendered beside it; the search index is always made
 * again over the whole shard.
 */
const DELTA_MAX_SHARE = 0.25;

/** What every shard's output depends on besides its pages: templates, config, render code, Eleventy and Pagefind. */
export function renderVersion(root: string, settings: readonly string[]): string {
  const parts: string[] = [
    ...settings,
    ...fileHashes(path.join(root, 'templates'), root),
    // This folder's own code (how a shard is run and indexed), compiled or, under the tests, source.
    ...fileHashes(path.dirname(fileURLToPath(import.meta.url)), root),
  ];
  for (const file of ['.eleventy.js', 'package-lock.json']) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) parts.push(`${file}:${sha1(fs.readFileSync(full))}`);
  }
  return sha1(parts.join('\n'));
}

/** What identifies a page's bytes: the write stage's hash when its file is as that write left it, else the bytes' own. */
function pageHash(contentDir: string, file: string, manifest: ReadonlyMap<string, ManifestEntry>): string {
  const full = path.join(contentDir, file);
  const entry = manifest.get(file);
  if (entry) {
    const stat = fs.statSync(full);
    if (stat.size === entry.size && stat.mtimeMs === entry.mtimeMs) return `w:${entry.hash}`;
  }
  return `b:${sha1(fs.readFileSync(full))}`;
}

/** The store key of each shard: its pages' paths and contents, plus `version`. */
export function shardJobs(contentDir: string, shards: readonly Shard[], version: string, siteData: string, manifest: ReadonlyMap<string, ManifestEntry> = new Map()): ShardJob[] {
  const base = sha1([version, siteData].join('\u0000'));
  return shards.map((shard) => {
    const hashes = shard.files.map((f) => pageHash(contentDir, f, manifest));
    const hash = shard.files.map((f, i) => `${f}:${hashes[i]}`).join('\n');
    return { shard, key: sha1([version, siteData, shard.name, hash].join('\u0000')), base, hashes };
  });
}

function readRecord(file: string): ShardRecord | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ShardRecord;
  } catch {
    return null;
  }
}

/**
 * The last output of the job's shard that it can start from: an entry of the store with the same shard
 * name and base whose record is readable, or null (then every page is rendered).
 */
export function previousEntry(storeDir: string, job: ShardJob): { readonly key: string; readonly record: ShardRecord } | null {
  let best: { key: string; record: ShardRecord } | null = null;
  for (const entry of fs.readdirSync(storeDir)) {
    if (!entry.endsWith('.json')) continue;
    const key = entry.slice(0, -'.json'.length);
    if (key === job.key || !fs.existsSync(path.join(storeDir, key))) continue;
    const record = readRecord(path.join(storeDir, entry));
    if (record && record.name === job.shard.name && record.base === job.base && (best === null || key < best.key)) best = { key, record };
  }
  return best;
}

export interface ShardRunOptions {
  readonly contentDir: string;
  /** The site data file every page reads (`_data/site.json`). */
  readonly siteDataFile: string | null;
  readonly pathPrefix: string;
  readonly storeDir: string;
  /** Whether the store outlives this run (a cache): only then is each entry's record worth writing. */
  readonly keep: boolean;
}

export interface ShardTimings {
  /** Time Eleventy took inside the shard's process. */
  readonly renderMs: number;
  /** Time Pagefind took. */
  readonly searchMs: number;
  /** Pages Eleventy rendered (fewer than the shard's when it started from the shard's last output). */
  readonly pages: number;
  /** The output files those pages wrote (relative to the entry). */
  readonly written: readonly string[];
}

/** Where a shard's process leaves its report: beside its output folder. */
export const reportPath = (out: string): string => `${out}.report.json`;

/** What a shard's process reports: timings, and the files each page wrote. */
export interface ShardReport {
  readonly renderMs: number;
  readonly searchMs: number;
  /** Content file (relative to the farm) → output files (relative to the output folder). */
  readonly outputs: Readonly<Record<string, readonly string[]>>;
}

/** Removes `file` (relative to `root`) and then each folder above it that it leaves empty, up to `root`. */
function removeOutput(root: string, file: string): void {
  fs.rmSync(path.join(root, file), { recursive: true, force: true });
  for (let dir = path.dirname(file); dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(path.join(root, dir));
    } catch {
      return;
    }
  }
}

/**
 * The pages to render and the output to start from: every page into the empty folder `out`, or, when the
 * shard's last output is in the store and few of its pages changed, only those, over that output less what
 * the changed and removed pages (and the old search index) had written there. The last output is moved to
 * `out`, not copied: linking it file by file (a folder per page) was most of a rebuild's render. Its files
 * are only ever removed here, never written over: Eleventy and Pagefind write new files where the old ones
 * were removed, while the kept ones are being copied into the site. Its record goes first, so an interrupted
 * run leaves no record of an entry that is no longer whole (the shard is then rendered whole next time).
 */
function planRender(job: ShardJob, storeDir: string, out: string): { readonly files: readonly string[]; readonly kept: ShardRecord['pages'] } {
  const everything = { files: job.shard.files, kept: {} };
  const previous = previousEntry(storeDir, job);
  if (!previous) return everything;
  const old = previous.record.pages;
  const changed = job.shard.files.filter((f, i) => old[f]?.hash !== job.hashes[i]);
  if (changed.length > DELTA_MAX_SHARE * job.shard.files.length) return everything;
  const current = new Set(job.shard.files);
  const redo = new Set(changed);
  const stale: string[] = [`${SEARCH_DIR}/${job.shard.name}`];
  const kept: Record<string, ShardRecord['pages'][string]> = {};
  for (const [file, page] of Object.entries(old)) {
    if (current.has(file) && !redo.has(file)) kept[file] = page;
    else stale.push(...page.outputs);
  }
  fs.rmSync(recordPath(storeDir, previous.key), { force: true });
  fs.rmdirSync(out);
  fs.renameSync(path.join(storeDir, previous.key), out);
  for (const file of stale) removeOutput(out, file);
  return { files: changed, kept };
}

/**
 * Renders one shard into `<store>/<key>/` (through a temporary folder, renamed when whole): links the pages
 * to render into a folder of their own, runs Eleventy and Pagefind there in a child process, and records
 * what each page wrote in `<key>.json`.
 */
export function renderShard(job: ShardJob, options: ShardRunOptions, onStarted?: (out: string, kept: readonly string[]) => void): Promise<ShardTimings> {
  const farm = path.join(options.storeDir, `.farm-${job.key}-${process.pid}`);
  const out = path.join(options.storeDir, `.out-${job.key}-${process.pid}`);
  fs.rmSync(farm, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const plan = planRender(job, options.storeDir, out);
  for (const file of plan.files) {
    const target = path.join(farm, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    linkOrCopy(path.join(options.contentDir, file), target);
  }
  fs.mkdirSync(path.join(farm, '_data'), { recursive: true });
  if (options.siteDataFile) fs.copyFileSync(options.siteDataFile, path.join(farm, '_data', 'site.json'));
  return new Promise<ShardTimings>((resolve, reject) => {
    // Its stdin stays open, unwritten, while this process lives: the shard exits when it closes (shard-main.ts).
    const child = spawn(process.execPath, [SHARD_MAIN, farm, out, options.pathPrefix, job.shard.name], { stdio: ['pipe', 'ignore', 'pipe'] });
    // While the process renders, the caller may link the unchanged pages' files already in `out` into the site.
    if (plan.files.length < job.shard.files.length) onStarted?.(out, Object.values(plan.kept).flatMap((page) => page.outputs));
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.stdin.on('error', () => {});
    child.on('error', reject);
    child.on('close', (code, signal) => {
      child.stdin.destroy();
      fs.rmSync(farm, { recursive: true, force: true });
      if (code !== 0) {
        fs.rmSync(out, { recursive: true, force: true });
        fs.rmSync(reportPath(out), { force: true });
        return reject(new Error(`render of shard ${job.shard.name} failed (${code ?? signal}): ${stderr.trim()}`));
      }
      try {
        resolve(keepOutput(job, options, out, plan.kept, plan.files.length));
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

/** Moves a shard's finished output to `<store>/<key>/` and writes its record beside it. */
function keepOutput(job: ShardJob, options: ShardRunOptions, out: string, kept: ShardRecord['pages'], rendered: number): ShardTimings {
  const storeDir = options.storeDir;
  const report = JSON.parse(fs.readFileSync(reportPath(out), 'utf8')) as ShardReport;
  fs.rmSync(reportPath(out), { force: true });
  const pages: Record<string, ShardRecord['pages'][string]> = { ...kept };
  const hashOf = new Map(job.shard.files.map((f, i) => [f, job.hashes[i]!]));
  for (const [file, outputs] of Object.entries(report.outputs)) pages[file] = { hash: hashOf.get(file) ?? '', outputs };
  const final = path.join(storeDir, job.key);
  fs.rmSync(final, { recursive: true, force: true });
  fs.renameSync(out, final);
  // The record goes last: an entry without one is never started from.
  if (options.keep) writeFileAtomic(recordPath(storeDir, job.key), JSON.stringify({ name: job.shard.name, base: job.base, pages } satisfies ShardRecord));
  return { renderMs: report.renderMs, searchMs: report.searchMs, pages: rendered, written: Object.values(report.outputs).flat() };
}

/** Runs `tasks` with at most `limit` at once; rejects with the first failure after the running ones end. */
export async function runLimited(tasks: readonly (() => Promise<unknown>)[], limit: number, onDone?: () => void): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const lane = async (): Promise<void> => {
    while (next < tasks.length && failure === null) {
      const task = tasks[next++]!;
      try {
        await task();
        onDone?.();
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, lane));
  if (failure !== null) throw failure;
}
