// Eleventy settings for the Roundup site: content/ in, _site/ out, Markdown without HTML, autoescaped Nunjucks layouts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import markdownIt from 'markdown-it';
import { HtmlBasePlugin } from '@11ty/eleventy';
import { makeFilters } from './templates/filters.js';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const TEMPLATES_DIR = path.join(ROOT, 'templates');
const PUBLIC_DIR = path.join(ROOT, 'public');
/** Where public/ lands in the site (the layouts link /assets/site.css). */
const ASSETS_DIR = 'assets';

/** @param {import('@11ty/eleventy').UserConfig} eleventyConfig */
export default function configure(eleventyConfig) {
  // Read here, not at import time: one process may build several sites (the render stage, the tests).
  const input = process.env.ROUNDUP_CONTENT || 'content';
  const output = process.env.ROUNDUP_OUT || '_site';

  // Article text is untrusted: no raw HTML, no bare-URL links, no typographic rewriting.
  eleventyConfig.setLibrary('md', markdownIt({ html: false, linkify: false, typographer: false }));
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  // Permalinks are plain data written by the write stage, never templates.
  eleventyConfig.setDynamicPermalinks(false);
  eleventyConfig.setUseGitIgnore(false);
  // Every root-relative href/src in the output gets the path prefix (e.g. /roundup/ on GitHub Pages).
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // The render stage copies public/ itself after a good build (ROUNDUP_PASSTHROUGH=0): Eleventy's copy
  // runs alongside the templates and would go on writing into a temp folder already removed after a failure.
  if (process.env.ROUNDUP_PASSTHROUGH !== '0') {
    eleventyConfig.addPassthroughCopy({ [PUBLIC_DIR]: ASSETS_DIR });
  }
  // SITE_URL (the published address, prefix included; the Pages workflow sets it) wins over site.baseUrl.
  const filters = makeFilters({ siteUrl: process.env.SITE_URL ?? '', pathPrefix: () => eleventyConfig.pathPrefix });
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);

  return {
    dir: {
      input,
      output,
      // Eleventy resolves includes against the input folder, which may live anywhere (a temp dir).
      includes: path.relative(path.resolve(input), TEMPLATES_DIR),
      data: '_data',
    },
    // Feeds, sitemap, robots.txt and OPML are Markdown pages too (empty bodies, XML/JSON layouts).
    templateFormats: ['md'],
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
    pathPrefix: process.env.PATH_PREFIX || '/',
  };
}
