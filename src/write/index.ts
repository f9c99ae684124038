// Write stage: the digest as Markdown pages with YAML front matter, plus content/_data/digest.json.
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { Digest } from '../model.js';
import { compareText, sha1 } from '../ids.js';
import { replaceDirectorySync, writeFileAtomic } from './atomic.js';
import type { Page } from './pages/index.js';
import { buildPages, eachPage } from './site.js';

export { type Page } from './pages/index.js';
export { buildPages } from './site.js';
export { replaceDirectory, replaceDirectorySync, siblingPath, swapDirectory } from './atomic.js';

export interface WriteOptions {
  /**
   * A file where the last write recorded each page's hash: a page whose data has not changed (and whose
   * file is as that write left it) is linked from the tree being replaced instead of made again.
   */
  readonly manifest?: string | null;
  /** Identifies the code that turns a page into text; part of every page's hash in the manifest. */
  readonly version?: string;
  /**
   * Accepted for callers that know the deploy prefix; unused here on purpose: pages link with
   * root-relative URLs (`/stories/<id>/`) and the render stage adds the prefix to every URL.
   */
  readonly pathPrefix?: string;
}

/** gray-matter settings, passed on to js-yaml's dump: no line folding, no anchors, keys in insertion order. */
const MATTER_OPTIONS = { language: 'yaml', lineWidth: -1, noRefs: true, sortKeys: false };

/** One page as a file: YAML front matter from gray-matter, then the Markdown body. */
export function renderPage(page: Page): string {
  return matter.stringify(page.body === '' ? '' : page.body + '\n', { ...page.data }, MATTER_OPTIONS);
}

/** The digest as `_data/digest.json`: the whole model, two-space indented, key order as in the model. */
export function renderDigestJson(digest: Digest): string {
  return JSON.stringify(digest, null, 2) + '\n';
}

/** The site settings alone, `_data/site.json`: all the templates read of the model, so rendering never loads the whole digest. */
export const SITE_DATA_FILE = 'site.json';

function renderSiteJson(digest: Digest): string {
  return JSON.stringify(digest.site, null, 2) + '\n';
}

/** Every file of the content tree, relative path → text, sorted by path. */
export function buildContentFiles(digest: Digest): Map<string, string> {
  const files = new Map<string, string>();
  files.set('_data/digest.json', renderDigestJson(digest));
  files.set(`_data/${SITE_DATA_FILE}`, renderSiteJson(digest));
  for (const page of buildPages(digest)) files.set(page.file, renderPage(page));
  return new Map([...files].sort(([a], [b]) => compareText(a, b)));
}

/**
 * Writes `JSON.stringify(digest, null, 2) + '\n'` to `file` a piece at a time: the same bytes, without
 * the whole text in memory at once (at 100,000 articles it nears V8's longest string).
 */
export function writeDigestJson(digest: Digest, file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    const entries = Object.entries(digest).filter(([, value]) => value !== undefined);
    fs.writeSync(fd, '{\n');
    entries.forEach(([key, value], i) => {
      fs.writeSync(fd, `  ${JSON.stringify(key)}: `);
      if (Array.isArray(value) && value.length) {
        fs.writeSync(fd, '[\n');
        value.forEach((item: unknown, k) => fs.writeSync(fd, `    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}${k < value.length - 1 ? ',' : ''}\n`));
        fs.writeSync(fd, '  ]');
      } else fs.writeSync(fd, JSON.stringify(value, null, 2).replace(/\n/g, '\n  '));
      fs.writeSync(fd, i < entries.length - 1 ? ',\n' : '\n');
    });
    fs.writeSync(fd, '}\n');
  } finally {
    fs.closeSync(fd);
  }
}

export interface ManifestEntry {
  /** SHA-1 of the code version and the page's JSON (its data and body): same hash, same file. */
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The pages the last write recorded in `file`, by path; empty when there is no (readable) record. */
export function readManifest(file: string | null | undefined): Map<string, ManifestEntry> {
  if (!file) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ManifestEntry>));
  } catch {
    return new Map();
  }
}

/** The previous tree's file for `page` when it is exactly what `page` would be written as, else null. */
function reusable(old: ManifestEntry | undefined, hash: string, file: string): fs.Stats | null {
  if (!old || old.hash !== hash) return null;
  try {
    const stat = fs.statSync(file);
    return stat.size === old.size && stat.mtimeMs === old.mtimeMs ? stat : null;
  } catch {
    return null;
  }
}

/**
 * Writes the content tree for `digest` into `contentDir`, replacing it atomically: the tree is built
 * in a temporary sibling folder and renamed into place, so a failed run leaves the old tree whole.
 * Each page is written as it is made, so the tree's text is never all in memory.
 */
export function writeContent(digest: Digest, contentDir: string, options: WriteOptions = {}): void {
  const previous = readManifest(options.manifest);
  const next: Record<string, ManifestEntry> = {};
  const oldRoot = path.resolve(contentDir);
  replaceDirectorySync(contentDir, (tmpDir) => {
    fs.mkdirSync(path.join(tmpDir, '_data'), { recursive: true });
    writeDigestJson(digest, path.join(tmpDir, '_data', 'digest.json'));
    fs.writeFileSync(path.join(tmpDir, '_data', SITE_DATA_FILE), renderSiteJson(digest));
    const made = new Set<string>();
    eachPage(digest, (page) => {
      const target = path.join(tmpDir, page.file);
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      if (!options.manifest) {
        fs.writeFileSync(target, renderPage(page));
        return;
      }
      const hash = sha1(`${options.version ?? ''}\u0000${JSON.stringify(page)}`);
      const oldFile = path.join(oldRoot, page.file);
      const stat = reusable(previous.get(page.file), hash, oldFile);
      if (stat) {
        try {
          fs.linkSync(oldFile, target);
          next[page.file] = { hash, size: stat.size, mtimeMs: stat.mtimeMs };
          return;
        } catch {
          // another file system, or the old file just went: write it
        }
      }
      fs.writeFileSync(target, renderPage(page));
      const written = fs.statSync(target);
      next[page.file] = { hash, size: written.size, mtimeMs: written.mtimeMs };
    });
  });
  if (options.manifest) writeFileAtomic(options.manifest, JSON.stringify(next));
}
