// Screenshots of a built site (every page type) at desktop and phone widths, light and dark; axe and overflow checks.
// Usage: node scripts/screenshots.mjs [siteDir=_site] [outDir=/tmp/shots] [--prefix /roundup/]
// Needs a system Chromium (apt-get install -y chromium); set CHROMIUM to use another binary.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const args = process.argv.slice(2);
const prefixAt = args.indexOf('--prefix');
const prefix = prefixAt >= 0 ? `/${(args[prefixAt + 1] ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') : '/';
const positional = prefixAt >= 0 ? args.filter((_, i) => i !== prefixAt && i !== prefixAt + 1) : args;
const siteDir = path.resolve(positional[0] ?? '_site');
const outDir = path.resolve(positional[1] ?? '/tmp/shots');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
const SCHEMES = ['light', 'dark'];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.png': 'image/png', '.wasm': 'application/wasm',
};

/** The biggest page in a section: the one with the most parts to look at. */
function biggestPage(section) {
  const dir = path.join(siteDir, section);
  if (!fs.existsSync(dir)) return null;
  const pages = fs.readdirSync(dir).sort()
    .filter((name) => fs.existsSync(path.join(dir, name, 'index.html')))
    .map((name) => ({ name, size: fs.statSync(path.join(dir, name, 'index.html')).size }));
  pages.sort((a, b) => b.size - a.size || (a.name < b.name ? -1 : 1));
  return pages[0] ? `${section}/${pages[0].name}/` : null;
}

function serve() {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (!url.startsWith(prefix)) return void res.writeHead(404).end('outside prefix');
    let file = path.join(siteDir, url.slice(prefix.length));
    if (!file.startsWith(siteDir)) return void res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      // What GitHub Pages does: the site's 404.html with status 404.
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      return void fs.createReadStream(path.join(siteDir, '404.html')).pipe(res);
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A word from the biggest article's first paragraph, for the search page's screenshot. */
function searchWord() {
  const rel = biggestPage('articles');
  if (rel === null) return 'news';
  const html = fs.readFileSync(path.join(siteDir, rel, 'index.html'), 'utf8');
  const body = /<div class="prose article-body">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  return body.replace(/<[^>]+>/g, ' ').split(/[^A-Za-z]+/).find((w) => w.length >= 7) ?? 'news';
}

/** Page 2 of a list long enough to have one (the pager in the middle of a run, or at its end), else null. */
function laterListPage() {
  const rel = ['topics/page/2/', 'entities/page/2/', 'sources/page/2/'].find((r) => fs.existsSync(path.join(siteDir, r, 'index.html')));
  return rel ?? null;
}

/** The newest daily edition (days/YYYY-MM-DD/), or null on a site with no dated story. */
function latestDay() {
  const dir = path.join(siteDir, 'days');
  if (!fs.existsSync(dir)) return null;
  const days = fs.readdirSync(dir).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort();
  return days.length ? `days/${days.at(-1)}/` : null;
}

const existing = (rel) => (fs.existsSync(path.join(siteDir, rel, 'index.html')) ? rel : null);

const pages = [
  ['home', ''],
  ['day', latestDay()],
  ['days', 'days/'],
  ['undated', existing('days/undated/')],
  ['stories', 'stories/'],
  ['story', biggestPage('stories')],
  ['article', biggestPage('articles')],
  ['topic', biggestPage('topics')],
  ['topics', 'topics/'],
  ['source', biggestPage('sources')],
  ['sources', 'sources/'],
  ['entity', biggestPage('entities')],
  ['entities', 'entities/'],
  ['list-page-2', laterListPage()],
  ['search', 'search/'],
  ['search-results', `search/?q=${encodeURIComponent(searchWord())}`],
  ['not-found', 'no-such-page/'],
].filter(([, rel]) => rel !== null);
/** Pages that need JavaScript for what the screenshot is about. */
const NEEDS_JS = new Set(['search-results']);

fs.mkdirSync(outDir, { recursive: true });
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}${prefix}`;
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
try {
  for (const viewport of VIEWPORTS) {
    for (const scheme of SCHEMES) {
      const contexts = new Map();
      const failed = [];
      for (const js of [false, true]) {
        const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, colorScheme: scheme, javaScriptEnabled: js });
        const page = await context.newPage();
        page.on('response', (r) => { if (r.status() >= 400 && !r.url().includes('no-such-page')) failed.push(`${r.status()} ${r.url()}`); });
        contexts.set(js, { context, page });
      }
      for (const [name, rel] of pages) {
        const { page } = contexts.get(NEEDS_JS.has(name));
        await page.goto(base + rel, { waitUntil: 'load' });
        if (NEEDS_JS.has(name)) await page.waitForSelector('.search-result', { timeout: 10_000 }).catch(() => problems.push(`${name}: no search result`));
        const file = path.join(outDir, `${name}-${viewport.name}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        // The first screen alone too: what a reader sees before scrolling, at full resolution.
        await page.screenshot({ path: file.replace(/\.png$/, '-fold.png') });
        console.log(`${file}  (${rel || '/'})`);
      }
      // Sideways scroll on a phone is the commonest layout bug: report it.
      const probe = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, colorScheme: scheme });
      const probePage = await probe.newPage();
      for (const [name, rel] of pages) {
        await probePage.goto(base + rel, { waitUntil: 'load' });
        if (NEEDS_JS.has(name)) await probePage.waitForSelector('.search-result', { timeout: 10_000 }).catch(() => {});
        const overflow = await probePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${name} at ${viewport.width}px (${scheme}): ${overflow}px sideways scroll`);
        // axe-core (a dev dependency) for contrast, landmarks, names: the checks a screenshot cannot show.
        await probePage.addScriptTag({ content: AXE_SOURCE });
        const violations = await probePage.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}`));
        for (const v of violations) problems.push(`${name} at ${viewport.width}px (${scheme}): axe ${v}`);
      }
      await probe.close();
      problems.push(...failed.map((f) => `failed request: ${f}`));
      for (const { context } of contexts.values()) await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
