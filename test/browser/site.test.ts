// The built sites in a real browser (Debian's chromium via playwright-core), served under /roundup/: the seeds
// (no dates) and a made-up dated digest whose lists run over pages (daily editions, /days/, /stories/). Axe on every
// page type light and dark, search, no sideways scroll at 390 px, and a crawl from home that reaches every page.
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
import { writeContent } from '../../src/write/index.js';
import { largeDigest, makeTempDir } from '../write/fixtures.js';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
/** Pages per render shard in this test: the seeds make several shards, each with its own search bundle. */
const SHARD_PAGES = 4;
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.log(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`);

const PREFIX = '/roundup/';
const PHONE_WIDTH = 390;
/** The server closes itself after this long even if a test run is killed before afterAll. */
const SERVER_LIFETIME_MS = 15 * 60_000;
/** The crawl's upper bound on fetched URLs: the seeds site has a few dozen, the dated one about 1,900. */
const CRAWL_LIMIT = 5000;
const AXE_SOURCE = HAVE_CHROMIUM ? fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') : '';
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.opml': 'text/x-opml', '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
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
  const name = fs.readdirSync(dir).sort().find((n) => /^[a-z0-9-]+$/.test(n) && n !== 'page' && fs.existsSync(path.join(dir, n, 'index.html')));
  if (name === undefined) throw new Error(`the site has no ${section} page`);
  return `${section}/${name}/`;
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function newPage(browser: Browser | null, options: { width: number; scheme: 'light' | 'dark'; js?: boolean }): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width: options.width, height: 900 }, colorScheme: options.scheme, javaScriptEnabled: options.js ?? true });
  return context.newPage();
}

/** Serious or critical axe violations on each page, light and dark (every violation is logged). */
async function axeProblems(browser: Browser | null, base: string, pages: readonly [string, string][], waitFor: Readonly<Record<string, string>> = {}): Promise<string[]> {
  const report: string[] = [];
  const serious: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const page = await newPage(browser, { width: 1280, scheme });
    for (const [name, rel] of pages) {
      await page.goto(`${base}${rel}`, { waitUntil: 'load' });
      const selector = waitFor[name];
      if (selector !== undefined) await page.waitForSelector(selector);
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
  return serious;
}

/** Pages that scroll sideways at phone width, light and dark. */
async function overflowing(browser: Browser | null, base: string, pages: readonly [string, string][]): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const page = await newPage(browser, { width: PHONE_WIDTH, scheme });
    for (const [name, rel] of pages) {
      await page.goto(`${base}${rel}`, { waitUntil: 'load' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) out.push(`${name} (${scheme}): ${overflow}px`);
    }
    await page.context().close();
  }
  return out;
}

interface Crawl {
  readonly seen: ReadonlyMap<string, number>;
  /** Every HTML page fetched, with the ids in it. */
  readonly anchors: ReadonlyMap<string, ReadonlySet<string>>;
  readonly broken: readonly string[];
  readonly missingAnchors: readonly string[];
}

/** Follows every same-origin link (HTML, feeds, sitemap, OPML) from the home page, robots.txt and the sitemap. */
async function crawl(origin: string): Promise<Crawl> {
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
  console.log(`link crawl: ${seen.size} URLs fetched (${anchors.size} HTML pages), ${links} links followed, ${external.size} external links not fetched, ${broken.length} broken`);
  return { seen, anchors, broken, missingAnchors };
}

/**
 * Only by following links in HTML pages from the home page (no sitemap, no feeds): the HTML pages reached.
 * What a reader can get to by clicking.
 */
async function clickable(origin: string): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [PREFIX];
  while (queue.length > 0 && seen.size < CRAWL_LIMIT) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await fetch(origin + url);
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    const { document } = parseHTML(await res.text());
    for (const a of document.querySelectorAll('a[href]')) {
      const target = new URL(a.getAttribute('href') ?? '', origin + url);
      if (target.origin === origin && target.pathname.endsWith('/') && !seen.has(target.pathname)) queue.push(target.pathname);
    }
  }
  return seen;
}

/** Every `index.html` of the site as its URL under the prefix (the 404 page is `404.html`, not one of them). */
function htmlUrls(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...htmlUrls(dir, `${rel}${entry.name}/`));
    else if (entry.name === 'index.html') out.push(`${PREFIX}${rel}`);
  }
  return out;
}

/** Renders a content tree into a site and serves it under the prefix; `close` stops the server. */
async function serveBuilt(contentDir: string, siteDir: string, shardPages?: number): Promise<{ origin: string; server: http.Server }> {
  await renderSite({ contentDir, outDir: siteDir, pathPrefix: PREFIX, quiet: true, ...(shardPages === undefined ? {} : { shardPages }) });
  const server = await serveSite(siteDir);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no server address');
  return { origin: `http://127.0.0.1:${address.port}`, server };
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
    ({ origin, server } = await serveBuilt(path.join(tmp, 'content'), siteDir, SHARD_PAGES));
    browser = await launch();
    pageTypes = [
      ['home', ''],
      ['stories', 'stories/'],
      ['days', 'days/'],
      ['undated', 'days/undated/'],
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

  it('has no serious or critical axe violation on any page type, light or dark', async () => {
    const pages: [string, string][] = [...pageTypes, ['search-results', 'search/?q=Putin']];
    expect(await axeProblems(browser, `${origin}${PREFIX}`, pages, { 'search-results': '.search-result' })).toEqual([]);
  });

  it('leads the home page, with no dates, with its stories by topic and never a made-up date', async () => {
    const page = await newPage(browser, { width: 1280, scheme: 'light', js: false });
    await page.goto(`${origin}${PREFIX}`, { waitUntil: 'load' });
    expect(await page.locator('#edition-heading').textContent()).toBe('Latest stories');
    expect(await page.locator('.edition .edition-topic-label').count()).toBeGreaterThan(0);
    expect(await page.locator('.edition .card').count()).toBe(3);
    expect(await page.locator('.edition time').count()).toBe(0);
    expect(await page.locator('.site-nav a', { hasText: 'Stories' }).getAttribute('href')).toBe(`${PREFIX}stories/`);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe(`${PREFIX}assets/favicon.svg`);
    await page.goto(`${origin}${PREFIX}days/`, { waitUntil: 'load' });
    expect(await page.locator('a[href$="/days/undated/"]').textContent()).toContain('3 stories with no date');
    await page.context().close();
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
    const page = await newPage(browser, { width: 1280, scheme: 'light' });
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
    const page = await newPage(browser, { width: 1280, scheme: 'light' });
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
    const page = await newPage(browser, { width: PHONE_WIDTH, scheme: 'light', js: false });
    await page.goto(`${origin}${PREFIX}search/?q=Putin`, { waitUntil: 'load' });
    expect(await page.locator('#search-nojs').textContent()).toContain('Search needs JavaScript');
    const hrefs = await page.locator('#search-nojs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining([`${PREFIX}topics/`, `${PREFIX}sources/`]));
    await page.context().close();
  });

  it('never scrolls sideways at 390 px', async () => {
    expect(await overflowing(browser, `${origin}${PREFIX}`, pageTypes)).toEqual([]);
  });

  it('has no broken link, and reaches every page from the home page', async () => {
    const result = await crawl(origin);
    expect(result.broken).toEqual([]);
    expect(result.missingAnchors).toEqual([]);
    // Every page of the site is reachable by links (the 404 page only through a miss).
    expect([...result.anchors.keys()].length).toBe(countHtml(siteDir) - 1);
    expect(result.seen.size).toBeGreaterThan(30);
    // By clicking alone, from the home page: every story, article, topic and day page.
    const reached = await clickable(origin);
    expect(htmlUrls(siteDir).filter((url) => !reached.has(url))).toEqual([]);
  });
});

describe.skipIf(!HAVE_CHROMIUM)('a dated site whose lists run over pages, in chromium, under /roundup/', () => {
  const tmp = makeTempDir('browser-dated');
  const siteDir = path.join(tmp, '_site');
  let server: http.Server | null = null;
  let browser: Browser | null = null;
  let origin = '';
  let pageTypes: [string, string][] = [];
  let latest = '';
  /** The latest day with a story whose topic has a page (two stories or more): its edition heads that topic. */
  let topicDay = '';

  beforeAll(async () => {
    // 600 articles, 300 stories over 84 days, 130 topics (112 of two stories or more): every list has more than one page.
    const digest = largeDigest();
    writeContent(digest, path.join(tmp, 'content'));
    const paged = new Set(digest.topics.filter((t) => t.storyIds.length >= 2).map((t) => t.id));
    topicDay = digest.stories.filter((s) => paged.has(s.topicId) && s.date !== null).map((s) => s.date ?? '').sort().at(-1) ?? '';
    ({ origin, server } = await serveBuilt(path.join(tmp, 'content'), siteDir));
    browser = await launch();
    const days = fs.readdirSync(path.join(siteDir, 'days')).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort();
    latest = days.at(-1) ?? '';
    pageTypes = [
      ['home', ''],
      ['day (latest)', `days/${latest}/`],
      ['day (middle)', `days/${days[Math.floor(days.length / 2)] ?? ''}/`],
      ['days', 'days/'],
      ['stories', 'stories/'],
      ['stories page 2', 'stories/page/2/'],
      ['topic', 'topics/topic-000-t00000/'],
      ['topic page 2', 'topics/topic-000-t00000/page/2/'],
      ['story', firstPage(siteDir, 'stories')],
    ];
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('has no serious or critical axe violation on the home, day, days, stories and topic pages, light or dark', async () => {
    expect(await axeProblems(browser, `${origin}${PREFIX}`, pageTypes)).toEqual([]);
  });

  it('never scrolls sideways at 390 px', async () => {
    expect(await overflowing(browser, `${origin}${PREFIX}`, pageTypes)).toEqual([]);
  });

  it('leads the home page with the latest edition by topic, and links the days and all stories', async () => {
    const page = await newPage(browser, { width: 1280, scheme: 'light', js: false });
    await page.goto(`${origin}${PREFIX}`, { waitUntil: 'load' });
    expect(await page.locator('#edition-heading a').getAttribute('href')).toBe(`${PREFIX}days/${latest}/`);
    expect(await page.locator('#edition-heading time').getAttribute('datetime')).toBe(latest);
    // Each group of the edition is headed by its topic's link, or "Other stories" for the stories alone in theirs.
    const labels = await page.locator('.edition .edition-topic-label').evaluateAll((hs) => hs.map((h) => (h.querySelector('a') ? 'link' : h.textContent)));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(['link', 'Other stories']).toContain(label);
    expect(await page.locator('.browse a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([`${PREFIX}stories/`, `${PREFIX}days/`, `${PREFIX}topics/`]);
    expect(await page.locator('.topics .topic-box').count()).toBe(12);
    await page.context().close();
  });

  it('groups a day by topic and walks from day to day, without JavaScript', async () => {
    const page = await newPage(browser, { width: PHONE_WIDTH, scheme: 'dark', js: false });
    await page.goto(`${origin}${PREFIX}days/${latest}/`, { waitUntil: 'load' });
    expect(await page.locator('h1 time').getAttribute('datetime')).toBe(latest);
    expect(await page.locator('.day-nav .newer').count()).toBe(0);
    // A day with a topic of two stories or more heads it with a link; each topic once, "Other stories" last.
    const day = await newPage(browser, { width: PHONE_WIDTH, scheme: 'dark', js: false });
    await day.goto(`${origin}${PREFIX}days/${topicDay}/`, { waitUntil: 'load' });
    const topics = await day.locator('.edition-topic-label a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(topics.length).toBeGreaterThan(0);
    expect(new Set(topics).size).toBe(topics.length);
    const labels = await day.locator('.edition-topic-label').evaluateAll((hs) => hs.map((h) => (h.querySelector('a') ? 'link' : h.textContent)));
    expect(labels.indexOf('Other stories') === -1 || labels.indexOf('Other stories') === labels.length - 1).toBe(true);
    await day.context().close();
    // Back two days and forward one: the same day as one back.
    await page.locator('.day-nav .older a').click();
    const oneBack = page.url();
    await page.locator('.day-nav .older a').click();
    await page.locator('.day-nav .newer a').click();
    expect(page.url()).toBe(oneBack);
    await page.goto(`${origin}${PREFIX}days/`, { waitUntil: 'load' });
    expect(await page.locator('.month h2').first().textContent()).toMatch(/^March 2024 \d+ days, \d+ stories$/);
    expect(await page.locator('.day-list a').count()).toBe(fs.readdirSync(path.join(siteDir, 'days')).filter((n) => /^\d{4}-/.test(n)).length);
    await page.goto(`${origin}${PREFIX}stories/`, { waitUntil: 'load' });
    expect(await page.locator('.site-nav a[aria-current="page"]').textContent()).toBe('Stories');
    expect(await page.locator('.pager-status').textContent()).toBe('Page 1 of 6');
    expect(await page.locator('.card').count()).toBe(50);
    await page.context().close();
  });

  it('loads no script on any page but search', () => {
    const withScript = htmlUrls(siteDir).filter((url) => url !== `${PREFIX}search/` && fs.readFileSync(path.join(siteDir, url.slice(PREFIX.length), 'index.html'), 'utf8').includes('<script'));
    expect(withScript).toEqual([]);
  });

  it('reaches every story, article, topic and day page from the home page by links alone', async () => {
    const result = await crawl(origin);
    expect(result.broken).toEqual([]);
    expect(result.missingAnchors).toEqual([]);
    const reached = await clickable(origin);
    const pages = htmlUrls(siteDir);
    expect(pages.length).toBeGreaterThan(1000);
    expect(pages.filter((url) => !reached.has(url))).toEqual([]);
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
