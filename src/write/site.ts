// Every page of the content tree: the HTML pages, then the feeds, sitemap, robots.txt and OPML built from them.
import type { Digest } from '../model.js';
import { buildFeedPages, buildOpmlPage, buildRobotsPage, buildSitemapPages } from './feeds.js';
import { compareText } from './format.js';
import { htmlPages, indexDigest, type Page } from './pages/index.js';

/**
 * Hands every page of the site to `visit`, one at a time, so that only one page is in memory beside the
 * digest; two pages on one file or one URL is a programmer error (thrown before that page is visited).
 */
export function eachPage(digest: Digest, visit: (page: Page) => void): void {
  const index = indexDigest(digest);
  const files = new Set<string>();
  const urls = new Set<string>();
  const check = (page: Page): void => {
    const url = String(page.data['permalink']);
    if (files.has(page.file)) throw new Error(`two pages would be written to ${page.file}: ids must be unique`);
    if (urls.has(url)) throw new Error(`two pages would be published at ${url}: ids must be unique`);
    files.add(page.file);
    urls.add(url);
  };
  // The sitemap needs each HTML page's address and date only.
  const listed: Page[] = [];
  for (const page of htmlPages(index)) {
    check(page);
    listed.push({ file: page.file, data: { permalink: page.data['permalink'], date: page.data['date'] }, body: '' });
    visit(page);
  }
  for (const page of [...buildFeedPages(index), ...buildSitemapPages(listed), buildRobotsPage(), buildOpmlPage(index)]) {
    check(page);
    visit(page);
  }
}

/** Every page of the site, sorted by file path. */
export function buildPages(digest: Digest): Page[] {
  const pages: Page[] = [];
  eachPage(digest, (page) => pages.push(page));
  return pages.sort((a, b) => compareText(a.file, b.file));
}
