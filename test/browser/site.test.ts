// The built seeds site in a real browser (Debian's chromium via playwright-core), served under /roundup/:
// axe on every page type, search, no sideways scroll at 390 px, and a crawl for broken links.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { preprocess } from '../../src/pipeline.js';
import { listPages, planShards } from '../../src/render/shards.js';
import { renderSite } from '../../src/render/index.js';
import { SEEDS } from '../helpers.js';
import { makeTempDir } from '../write/fixtures.js';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
/** Pages per render shard in this test: the seeds make several shards, each with its own search bundle. */
const SHARD_PAGES = 4;
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.log(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`);

const PREFIX = '/roundup/';
const PHONE_WIDTH = 390;
/** The server closes itself after this long even if a test run is killed before afterAll. */
const SERVER_LIFETIME_MS = 5 * 60_000;
/** The crawl's upper bound on fetched URLs: the seeds site has a few dozen. */
const CRAWL_LIMIT = 2000;
const AXE_SOURCE = HAVE_CHROMIUM ? fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') : '';
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.opml': 'text/x-opml', '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** What GitHub Pages does: files under the prefix, directories through index.html, else 404.html with status 404. */
function serveSite(siteDir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const notFound = (): void => {
      res.writeHead(404, { 'content-type': TYPES['.html'] ?? '' });
      fs.createReadStream(path.join(siteDir, '404.html')).pipe(res);
    };
    if (!url.startsWith(PREFIX)) return notFound();
    let file = path.join(siteDir, url.slice(PREFIX.length));
    if (!file.startsWith(siteDir)) return notFound();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return notFound();
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    setTimeout(() => server.close(), SERVER_LIFETIME_MS).unref();
    resolve(server);
  }));
}

/** The first page (by name) in a section, e.g. `stories/<id>/`. */
function firstPage(siteDir: string, section: string): string {
  const dir = path.join(siteDir, section);
  const name = fs.readdirSync(dir).sort().find((n) => fs.existsSync(path.join(dir, n, 'index.html')));
  if (name === undefined) throw new Error(`the seeds site has no ${section} page`);
  return `${section}/${name}/`;
}

describe.skipIf(!HAVE_CHROMIUM)('the seeds site in chromium, under /roundup/', () => {
  const tmp = makeTempDir('browser');
  const siteDir = path.join(tmp, '_site');
  let server: http.Server | null = null;
  let browser: Browser | null = null;
  let origin = '';
  let pageTypes: [string, string][] = [];

  beforeAll(async () => {
    await preprocess(SEEDS, path.join(tmp, 'content'), DEFAULT_CONFIG, { singleStory: false, summaryWords: DEFAULT_CONFIG.summaryWords });
    // Shards of a few pages, so that search must merge several Pagefind bundles as on a large site.
    await renderSite({ contentDir: path.join(tmp, 'content'), outDir: siteDir, pathPrefix: PREFIX, quiet: true, shardPages: SHARD_PAGES });
    server = await serveSite(siteDir);
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no server address');
    origin = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    pageTypes = [
      ['home', ''],
      ['story', firstPage(siteDir, 'stories')],
      ['topic', firstPage(siteDir, 'topics')],
      ['article', firstPage(siteDir, 'articles')],
      ['source', firstPage(siteDir, 'sources')],
      ['entity', firstPage(siteDir, 'entities')],
      ['search', 'search/'],
      ['topics', 'topics/'],
      ['sources', 'sources/'],
      ['entities', 'entities/'],
      ['not-found', 'no-such-page/'],
    ];
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function newPage(options: { width: number; scheme: 'light' | 'dark'; js?: boolean }): Promise<Page> {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: options.width, height: 900 }, colorScheme: options.scheme, javaScriptEnabled: options.js ?? true });
    return context.newPage();
  }

  it('has no serious or critical axe violation on any page type, light or dark', async () => {
    const report: string[] = [];
    const serious: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await newPage({ width: 1280, scheme });
      for (const [name, rel] of [...pageTypes, ['search-results', 'search/?q=Putin'] as [string, string]]) {
        await page.goto(`${origin}${PREFIX}${rel}`, { waitUntil: 'load' });
        if (name === 'search-results') await page.waitForSelector('.search-result');
        await page.addScriptTag({ content: AXE_SOURCE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
          return (await axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        });
        report.push(`${name} (${scheme}): ${violations.length} violations${violations.map((v) => ` ${v.id}/${v.impact}×${v.nodes}`).join('')}`);
        for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') serious.push(`${name} (${scheme}): ${v.id} ×${v.nodes}`);
      }
      await page.context().close();
    }
    console.log(`axe:\n  ${report.join('\n  ')}`);
    expect(serious).toEqual([]);
  });

  it('finds a page whose search index is in another shard than the first, merged in the browser', async () => {
    const bundles = (JSON.parse(fs.readFileSync(path.join(siteDir, 'pagefind/shards.json'), 'utf8')) as { bundles: string[] }).bundles;
    expect(bundles.length).toBeGreaterThan(1);
    // A page of the second bundle's shard: found only if the search page merged that bundle into the first.
    const shard = planShards(listPages(path.join(tmp, 'content')), SHARD_PAGES).find((s) => s.name === bundles[1]);
    const rel = `${(shard?.files[0] ?? '').replace(/\.md$/, '')}/`;
    const { document } = parseHTML(fs.readFileSync(path.join(siteDir, rel, 'index.html'), 'utf8'));
    const words = (document.querySelector('[data-pagefind-body]')?.textContent ?? '').split(/[^A-Za-z]+/);
    const word = [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0] ?? '';
    expect(word.length).toBeGreaterThan(6);
    const page = await newPage({ width: 1280, scheme: 'light' });
    await page.goto(`${origin}${PREFIX}search/?q=${encodeURIComponent(word)}`, { waitUntil: 'load' });
    await page.locator(`.search-result a[href="${PREFIX}${rel}"]`).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('finds an article by a word from its text', async () => {
    // The longest word of the first article's body: rare enough that the article must be among the results.
    const rel = firstPage(siteDir, 'articles');
    const { document } = parseHTML(fs.readFileSync(path.join(siteDir, rel, 'index.html'), 'utf8'));
    const words = (document.querySelector('.article-body')?.textContent ?? '').split(/[^A-Za-z]+/);
    const word = [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0] ?? '';
    expect(word.length).toBeGreaterThan(6);
    const page = await newPage({ width: 1280, scheme: 'light' });
    await page.goto(`${origin}${PREFIX}search/`, { waitUntil: 'load' });
    // With JavaScript the "search needs JavaScript" note goes away.
    await page.waitForSelector('#search-nojs', { state: 'detached' });
    await page.fill('#search-input', word);
    await page.press('#search-input', 'Enter');
    const link = page.locator(`.search-result a[href="${PREFIX}${rel}"]`);
    await link.waitFor({ timeout: 10_000 });
    expect(await page.locator('#search-status').textContent()).toMatch(new RegExp(`results? for “${word}”`));
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
    // Results are stories, topics and articles only; each link stays under the prefix.
    const kinds = await page.locator('.search-result .kicker').allTextContents();
    for (const kind of kinds) expect(['Story', 'Topic', 'Article']).toContain(kind);
    for (const href of await page.locator('.search-result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^\/roundup\/(stories|topics|articles)\/[^/]+\/$/);
    }
    // The result opens the article.
    await link.click();
    await page.waitForURL(`${origin}${PREFIX}${rel}`);
    await page.context().close();
  });

  it('says search needs JavaScript, and links the lists, when JavaScript is off', async () => {
    const page = await newPage({ width: PHONE_WIDTH, scheme: 'light', js: false });
    await page.goto(`${origin}${PREFIX}search/?q=Putin`, { waitUntil: 'load' });
    expect(await page.locator('#search-nojs').textContent()).toContain('Search needs JavaScript');
    const hrefs = await page.locator('#search-nojs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining([`${PREFIX}topics/`, `${PREFIX}sources/`]));
    await page.context().close();
  });

  it('never scrolls sideways at 390 px', async () => {
    const overflowing: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await newPage({ width: PHONE_WIDTH, scheme });
      for (const [name, rel] of pageTypes) {
        await page.goto(`${origin}${PREFIX}${rel}`, { waitUntil: 'load' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) overflowing.push(`${name} (${scheme}): ${overflow}px`);
      }
      await page.context().close();
    }
    expect(overflowing).toEqual([]);
  });

  it('has no broken link: a crawl from the home page under the prefix', async () => {
    const seen = new Map<string, number>();
    const anchors = new Map<string, Set<string>>();
    const fragments: [string, string, string][] = [];
    const external = new Set<string>();
    const queue = [`${PREFIX}`, `${PREFIX}sitemap.xml`, `${PREFIX}robots.txt`];
    let links = 0;
    while (queue.length > 0 && seen.size < CRAWL_LIMIT) {
      const url = queue.shift() as string;
      if (seen.has(url)) continue;
      const res = await fetch(origin + url, { redirect: 'manual' });
      seen.set(url, res.status);
      const type = res.headers.get('content-type') ?? '';
      const body = await res.text();
      if (res.status !== 200) continue;
      let found: string[] = [];
      if (type.startsWith('text/html')) {
        const { document } = parseHTML(body);
        anchors.set(url, new Set([...document.querySelectorAll('[id]')].map((el) => el.getAttribute('id') ?? '')));
        found = [...document.querySelectorAll('a[href], link[href], script[src], img[src], form[action]')]
          .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '');
      } else if (/xml|opml/.test(type)) {
        found = [...body.matchAll(/(?:href|url|xmlUrl|htmlUrl)="([^"]+)"|<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/&amp;/g, '&'));
      } else if (type.startsWith('application/json') && url.endsWith('feed.json')) {
        const feed = JSON.parse(body) as { home_page_url: string; feed_url: string; items: { url: string }[] };
        found = [feed.home_page_url, feed.feed_url, ...feed.items.map((i) => i.url)];
      }
      for (const raw of found) {
        links += 1;
        const target = new URL(raw, origin + url);
        if (target.origin !== origin) {
          external.add(target.href);
          continue;
        }
        if (target.hash) fragments.push([url, target.pathname, target.hash.slice(1)]);
        if (!seen.has(target.pathname)) queue.push(target.pathname);
      }
    }
    const broken = [...seen].filter(([, status]) => status !== 200).map(([url, status]) => `${status} ${url}`);
    const missingAnchors = fragments.filter(([, page, id]) => !anchors.get(page)?.has(id)).map(([from, page, id]) => `${from} → ${page}#${id}`);
    const htmlFiles = countHtml(siteDir);
    const crawledHtml = [...anchors.keys()].length;
    console.log(`link crawl: ${seen.size} URLs fetched (${crawledHtml} of ${htmlFiles} HTML pages), ${links} links followed, ${external.size} external links not fetched, ${broken.length} broken`);
    expect(broken).toEqual([]);
    expect(missingAnchors).toEqual([]);
    // Every page of the site is reachable by links (the 404 page only through a miss).
    expect(crawledHtml).toBe(htmlFiles - 1);
    expect(seen.size).toBeGreaterThan(30);
  });
});

function countHtml(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countHtml(path.join(dir, entry.name));
    else if (entry.name.endsWith('.html')) n += 1;
  }
  return n;
}

describe.skipIf(HAVE_CHROMIUM)('the seeds site in chromium', () => {
  it.skip(`skipped: no chromium at ${CHROMIUM}`, () => {});
});
