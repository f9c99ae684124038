// Every page of the content tree: the HTML pages, then the feeds, sitemap, robots.txt and OPML built from them.
import type { Digest } from '../model.js';
import { buildFeedPages, buildOpmlPage, buildRobotsPage, buildSitemapPage } from './feeds.js';
import { compareText } from './format.js';
import { buildHtmlPages, indexDigest, type Page } from './pages.js';

/** Every page of the site, sorted by file path; two pages on one file or one URL is a programmer error. */
export function buildPages(digest: Digest): Page[] {
  const index = indexDigest(digest);
  const htmlPages = buildHtmlPages(index);
  const pages = [...htmlPages, ...buildFeedPages(index), buildSitemapPage(htmlPages), buildRobotsPage(), buildOpmlPage(index)];
  const files = new Set<string>();
  const urls = new Set<string>();
  for (const page of pages) {
    const url = String(page.data['permalink']);
    if (files.has(page.file)) throw new Error(`two pages would be written to ${page.file}: ids must be unique`);
    if (urls.has(url)) throw new Error(`two pages would be published at ${url}: ids must be unique`);
    files.add(page.file);
    urls.add(url);
  }
  return pages.sort((a, b) => compareText(a.file, b.file));
}
