// Write stage: the digest as Markdown pages with YAML front matter, plus content/_data/digest.json.
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { Digest } from '../model.js';
import { replaceDirectorySync } from './atomic.js';
import type { Page } from './pages.js';
import { buildPages } from './site.js';

export { type Page } from './pages.js';
export { buildPages } from './site.js';
export { replaceDirectory, replaceDirectorySync, siblingPath, swapDirectory } from './atomic.js';

export interface WriteOptions {
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

/** Every file of the content tree, relative path → text, sorted by path. */
export function buildContentFiles(digest: Digest): Map<string, string> {
  const files = new Map<string, string>();
  files.set('_data/digest.json', renderDigestJson(digest));
  for (const page of buildPages(digest)) files.set(page.file, renderPage(page));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Writes the content tree for `digest` into `contentDir`, replacing it atomically: the tree is built
 * in a temporary sibling folder and renamed into place, so a failed run leaves the old tree whole.
 */
export function writeContent(digest: Digest, contentDir: string, options: WriteOptions = {}): void {
  void options;
  const files = buildContentFiles(digest);
  replaceDirectorySync(contentDir, (tmpDir) => {
    for (const [file, text] of files) {
      const target = path.join(tmpDir, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    }
  });
}
