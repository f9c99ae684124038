// A whole run through the CLI: feeds served on 127.0.0.1 → `roundup fetch` → `roundup build` → a site; a second fetch brings nothing new and changes nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, SEEDS } from '../helpers.js';
import { CLI, cleanEnv, makeTemp } from '../cli/run.js';
import { atom, jsonFeed, rss, send, sendCached, startServer, esc, type TestItem, type TestServer } from './server.js';

/** Runs the compiled CLI without blocking this process (the test's server answers its requests meanwhile). */
function cli(args: readonly string[], cwd: string): Promise<{ status: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The project's seed texts as the pages of a news site: their first line the headline, each paragraph a <p>. */
function seedPages(): { title: string; html: string }[] {
  return fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const [title = '', ...paras] = fs.readFileSync(path.join(SEEDS, f), 'utf8').split(/\n+/).map((p) => p.trim()).filter(Boolean);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | Site</title></head><body><nav><a href="/">Home</a></nav>
<article><h1>${esc(title)}</h1>${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article><footer>Site footer</footer></body></html>`;
    return { title, html };
  });
}

let server: TestServer;
let dir: string;
const pages = seedPages();

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -p .\` first (npm test does)`);
  server = await startServer();
  const now = Date.now();
  const items: TestItem[] = pages.map((p, n) => ({ title: p.title, link: `${server.origin}/article/${n}`, date: new Date(now - (n + 1) * 3_600_000), author: `Reporter ${n}`, html: '<p>Teaser.</p>' }));
  pages.forEach((p, n) => server.route(`/article/${n}`, send(p.html, 'text/html; charset=utf-8')));
  server.route('/rss', sendCached(rss('Wire One', items.slice(0, 2)), 'application/rss+xml', { etag: '"rss-1"' }));
  server.route('/atom', sendCached(atom('Atom Two', items.slice(2, 4)), 'application/atom+xml', { 'last-modified': new Date(now - 3_600_000).toUTCString() }));
  server.route('/json', send(jsonFeed('JSON Three', items.slice(4)), 'application/feed+json'));
  server.route('/broken', (_req, res) => {
    res.writeHead(500);
    res.end();
  });
  dir = makeTemp('fetch-run');
  fs.writeFileSync(path.join(dir, 'roundup.config.json'), JSON.stringify({
    site: { title: 'My feeds', baseUrl: 'https://me.example.invalid/digest' },
    feeds: [{ url: `${server.origin}/rss`, name: 'Wire One Daily' }, { url: `${server.origin}/atom` }],
    fetch: { maxAgeDays: 2, maxItemsPerFeed: 10 },
  }));
  fs.writeFileSync(path.join(dir, 'more.opml'), `<?xml version="1.0"?><opml version="2.0"><head><title>More</title></head><body><outline text="JSON Three" xmlUrl="${server.origin}/json"/></body></opml>`);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('roundup fetch, then build', () => {
  it('fetches every feed, builds a site of the fetched articles, and a second fetch brings nothing new', async () => {
    const first = await cli(['fetch', '--opml', 'more.opml'], dir);
    expect(first.stderr).toContain('roundup: fetch: 3 of 3 feeds read, 5 new articles → seeds, 0 failures');
    expect(first.status).toBe(0);
    const saved = listFiles(path.join(dir, 'seeds'));
    expect(saved.filter((f) => f.endsWith('.html'))).toHaveLength(5);
    expect(new Set(saved.map((f) => f.split('/')[0]))).toEqual(new Set(['.roundup-fetch.json', 'wire-one-daily', 'atom-two', 'json-three']));
    const ua = server.requests.find((q) => q.path === '/article/0')!.headers['user-agent'];
    expect(ua).toBe('Roundup/0.1.0 (+https://me.example.invalid/digest; news digest)');

    const build = await cli(['build', '--seeds', 'seeds', '--content', 'content', '--out', '_site', '--no-cache', '--quiet'], dir);
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const digest = JSON.parse(fs.readFileSync(path.join(dir, 'content', '_data', 'digest.json'), 'utf8')) as { articles: { title: string; publisher: string; titleSource: string }[]; stories: unknown[] };
    expect(digest.articles.map((a) => a.title).sort()).toEqual(pages.map((p) => p.title).sort());
    expect(new Set(digest.articles.map((a) => a.publisher))).toEqual(new Set(['Wire One Daily', 'Atom Two', 'JSON Three']));
    expect(digest.stories.length).toBeGreaterThan(0);
    const site = listFiles(path.join(dir, '_site'));
    expect(site).toContain('index.html');
    expect(site.filter((f) => /^articles\/[^/]+\/index\.html$/.test(f))).toHaveLength(5);
    expect(fs.readFileSync(path.join(dir, '_site', 'index.html'), 'utf8')).toContain('My feeds');

    const before = new Map(saved.filter((f) => f.endsWith('.html')).map((f) => [f, fs.readFileSync(path.join(dir, 'seeds', f))]));
    const pageRequests = server.requests.filter((q) => q.path.startsWith('/article/')).length;
    const second = await cli(['fetch', '--opml', 'more.opml', '--quiet'], dir);
    expect(second.status).toBe(0);
    expect(second.stderr).toBe('roundup: fetch: 3 of 3 feeds read (2 not modified), 0 new articles → seeds, 0 failures\n');
    expect(server.requests.filter((q) => q.path.startsWith('/article/')).length).toBe(pageRequests);
    expect(listFiles(path.join(dir, 'seeds'))).toEqual(saved);
    for (const [file, bytes] of before) expect(fs.readFileSync(path.join(dir, 'seeds', file)).equals(bytes), file).toBe(true);
  });

  it('reports a failing feed on one line and exits 0, or 1 with --strict', async () => {
    fs.writeFileSync(path.join(dir, 'broken.opml'), `<?xml version="1.0"?><opml version="2.0"><body><outline text="Broken" xmlUrl="${server.origin}/broken"/></body></opml>`);
    const plain = await cli(['fetch', '--config', 'none.json', '--opml', 'broken.opml', '--seeds', 'other'], dir).catch((e: unknown) => e);
    expect(plain).toMatchObject({ status: 1, stderr: 'roundup: none.json: config file not found\n' });
    fs.writeFileSync(path.join(dir, 'empty.json'), '{}');
    const lax = await cli(['fetch', '--config', 'empty.json', '--opml', 'broken.opml', '--seeds', 'other'], dir);
    expect(lax.stderr.split('\n').filter(Boolean)).toEqual([
      `roundup: error: ${server.origin}/broken (Broken): HTTP 500 Internal Server Error`,
      'roundup: fetch: 0 of 1 feed read, 0 new articles → other, 1 failure',
    ]);
    expect(lax.status).toBe(0);
    const strict = await cli(['fetch', '--config', 'empty.json', '--opml', 'broken.opml', '--seeds', 'other', '--strict'], dir);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/roundup: --strict: 1 failure reported above\n$/);
  });

  it('says what to do when no feed is configured', async () => {
    const r = await cli(['fetch', '--config', 'empty.json'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^roundup: no feeds to read: list them in roundup.config.json/);
  });
});

describe('roundup fetch --help', () => {
  it('is listed among the commands and names each of its options', async () => {
    const main = await cli(['--help'], dir);
    expect(main.stdout).toMatch(/^ {2}fetch {8}/m);
    const r = await cli(['fetch', '--help'], dir);
    expect(r.status).toBe(0);
    for (const option of ['--config', '--opml', '--seeds', '--strict', '--quiet']) expect(r.stdout, option).toMatch(new RegExp(`^  ${option}\\b`, 'm'));
  });
});
