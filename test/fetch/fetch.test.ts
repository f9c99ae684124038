// The fetch stage against a local server: each format's items saved with the feed's metadata, bad sources reported, a second run fetching only what is new.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeeds, STATE_FILE, type FeedSource, type FetchEvent, type FetchSettings } from '../../src/fetch/index.js';
import { parseInput } from '../../src/ingest/index.js';
import { listFiles } from '../helpers.js';
import { atom, jsonFeed, page, rdf, rss, send, sendCached, startServer, type TestItem, type TestServer } from './server.js';

const NOW = Date.parse('2026-12-01T08:00:00Z');
const DAY = 86_400_000;
const PARAS = [
  'The council voted on Monday evening to close the harbour bridge for repairs that are expected to take at least six months, a spokeswoman for the city said.',
  'Engineers found cracks in two of the supporting beams during a routine inspection last month, according to a report published by the council on Friday.',
  'Commuters will have to use the ferry or a detour of about twelve miles while the work goes on, which local businesses say will cost them customers.',
];

let server: TestServer;
const temps: string[] = [];

function seedsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-fetch-'));
  temps.push(dir);
  return dir;
}

function run(seeds: string, feeds: FeedSource[], extra: Partial<FetchSettings> = {}): Promise<{ report: Awaited<ReturnType<typeof fetchFeeds>>; events: FetchEvent[] }> {
  const events: FetchEvent[] = [];
  return fetchFeeds({
    seeds, feeds, maxAgeDays: 7, maxItemsPerFeed: 30,
    http: { userAgent: 'Roundup/test', timeoutMs: 1500, perHost: 2, retries: 1, backoffMs: 20, maxRetryAfterMs: 2000, maxRedirects: 5 },
    maxFeedBytes: 1024 * 1024, maxPageBytes: 1024 * 1024, now: () => NOW, log: (e) => events.push(e), ...extra,
  }).then((report) => ({ report, events }));
}

const item = (n: number, extra: Partial<TestItem> = {}): TestItem => ({
  title: `Bridge story number ${n}`, link: `${server.origin}/pages/${n}`, date: new Date(NOW - n * 60_000), author: `Reporter ${n}`, html: `<p>The feed's own summary of story ${n}.</p>`, ...extra,
});

/** The declared metadata ingest reads from a saved file. */
function declaredOf(seeds: string, file: string) {
  const parsed = parseInput(file, 'html', fs.readFileSync(path.join(seeds, file)));
  if (!parsed.ok) throw new Error(parsed.diagnostic.message);
  return parsed.raw;
}

beforeAll(async () => {
  server = await startServer();
  for (let n = 1; n <= 40; n++) server.route(`/pages/${n}`, send(page(`Bridge story number ${n}`, PARAS, `Own title ${n} | Site`), 'text/html; charset=utf-8'));
  server.route('/feeds/rss', send(rss('The RSS Times', [item(1), item(2)]), 'application/rss+xml'));
  server.route('/feeds/rdf', send(rdf('The RDF Post', [item(3)]), 'application/rdf+xml'));
  server.route('/feeds/atom', send(atom('Atom Daily', [item(4)]), 'application/atom+xml'));
  server.route('/feeds/json', send(jsonFeed('JSON Herald', [item(5)]), 'application/feed+json'));
});

afterAll(async () => {
  await server.close();
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe('fetchFeeds', () => {
  it('saves each item of each format as seeds/<publisher>/<date>-<slug>.html, declaring the feed metadata that ingest reads first', async () => {
    const seeds = seedsDir();
    const feeds = ['rss', 'rdf', 'atom', 'json'].map((f) => ({ url: `${server.origin}/feeds/${f}`, name: null }));
    feeds[0] = { ...feeds[0]!, name: 'Times of Testing' };
    const { report, events } = await run(seeds, feeds);
    expect(report).toEqual({ feeds: 4, feedsRead: 4, notModified: 0, saved: 5, fromFeed: 0, failures: 0 });
    expect(events.filter((e) => e.kind === 'problem')).toEqual([]);
    expect(listFiles(seeds)).toEqual([
      '.roundup-fetch.json',
      'atom-daily/2026-12-01-bridge-story-number-4.html',
      'json-herald/2026-12-01-bridge-story-number-5.html',
      'the-rdf-post/2026-12-01-bridge-story-number-3.html',
      'times-of-testing/2026-12-01-bridge-story-number-1.html',
      'times-of-testing/2026-12-01-bridge-story-number-2.html',
    ]);
    const raw = declaredOf(seeds, 'times-of-testing/2026-12-01-bridge-story-number-1.html');
    // The feed's values win over the page's own (og:title "Own title 1 | Site", og:site_name, a 2001 date).
    expect({ ...raw.declared, candidates: undefined }).toEqual({ candidates: undefined, title: 'Bridge story number 1', publisher: 'Times of Testing', date: '2026-12-01', url: `${server.origin}/pages/1`, byline: 'Reporter 1', language: 'en' });
    expect(raw.text).toContain(PARAS[1]);
    expect(declaredOf(seeds, 'atom-daily/2026-12-01-bridge-story-number-4.html').declared).toMatchObject({ title: 'Bridge story number 4', publisher: 'Atom Daily', byline: 'Reporter 4' });
    expect(declaredOf(seeds, 'json-herald/2026-12-01-bridge-story-number-5.html').declared).toMatchObject({ publisher: 'JSON Herald', byline: 'Reporter 5' });
    const pageRequest = server.requests.find((q) => q.path === '/pages/1')!;
    expect(pageRequest.headers['user-agent']).toBe('Roundup/test');
  });

  it('fetches only what is new on a second run, with conditional GET, and rewrites nothing', async () => {
    const seeds = seedsDir();
    let items = [item(6), item(7)];
    let etag = '"one"';
    server.route('/feeds/changing', (req, res) => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304);
        return void res.end();
      }
      send(rss('Changing', items), 'application/rss+xml', { etag })(req, res);
    });
    const feeds = [{ url: `${server.origin}/feeds/changing`, name: null }];
    expect((await run(seeds, feeds)).report.saved).toBe(2);
    const before = new Map(listFiles(seeds).filter((f) => f !== STATE_FILE).map((f) => [f, fs.readFileSync(path.join(seeds, f))]));
    const pagesBefore = server.requests.filter((q) => q.path.startsWith('/pages/')).length;

    const second = await run(seeds, feeds);
    expect(second.report).toMatchObject({ feedsRead: 1, notModified: 1, saved: 0, failures: 0 });
    expect(server.requests.filter((q) => q.path === '/feeds/changing').at(-1)!.headers['if-none-match']).toBe('"one"');

    items = [item(8), ...items];
    etag = '"two"';
    const third = await run(seeds, feeds);
    expect(third.report).toMatchObject({ notModified: 0, saved: 1 });
    // Only the new item's page was requested.
    expect(server.requests.filter((q) => q.path.startsWith('/pages/')).slice(pagesBefore).map((q) => q.path)).toEqual(['/pages/8']);
    for (const [file, bytes] of before) expect(fs.readFileSync(path.join(seeds, file)).equals(bytes), file).toBe(true);
    expect(listFiles(seeds)).toContain('changing/2026-12-01-bridge-story-number-8.html');
  });

  it("saves the feed's own text, saying so, when the page cannot be had; skips (and retries next run) an item with neither", async () => {
    const seeds = seedsDir();
    server.route('/pages/paywalled', (_req, res) => {
      res.writeHead(403);
      res.end('subscribe');
    });
    server.route('/pages/pdf', send('%PDF-1.4', 'application/pdf'));
    const items = [
      item(9, { link: `${server.origin}/pages/paywalled`, title: 'Behind the wall', html: `<p>${PARAS[0]}</p><p>${PARAS[1]}</p>` }),
      item(10, { link: `${server.origin}/pages/pdf`, title: 'A document', html: '' }),
    ];
    server.route('/feeds/walled', sendCached(rss('Walled Garden', items), 'application/rss+xml', { etag: '"walled"' }));
    const { report, events } = await run(seeds, [{ url: `${server.origin}/feeds/walled`, name: null }]);
    expect(report).toMatchObject({ saved: 1, fromFeed: 1, failures: 2 });
    expect(events.filter((e) => e.kind === 'problem')).toEqual([
      { kind: 'problem', severity: 'warning', source: `${server.origin}/pages/paywalled`, problem: "HTTP 403 Forbidden: saved the feed's own text of the item instead" },
      { kind: 'problem', severity: 'error', source: `${server.origin}/pages/pdf`, problem: 'the page is application/pdf; the feed gives no text of its own: not saved (tried again next run)' },
    ]);
    const file = 'walled-garden/2026-12-01-behind-the-wall.html';
    const saved = fs.readFileSync(path.join(seeds, file), 'utf8');
    expect(saved).toContain('<meta name="roundup:saved-from" content="feed-item">');
    expect(saved).toContain(`<meta name="roundup:note" content="The page could not be fetched (HTTP 403 Forbidden); this is the feed item's own text.">`);
    const raw = declaredOf(seeds, file);
    expect(raw.declared.title).toBe('Behind the wall');
    expect(raw.text).toContain(PARAS[1]);
    // The skipped item is tried again (so the feed is asked for whole, not "changed since?"); the saved one is not.
    const again = await run(seeds, [{ url: `${server.origin}/feeds/walled`, name: null }]);
    expect(again.report).toMatchObject({ notModified: 0, saved: 0, failures: 1 });
    expect(server.requests.filter((q) => q.path === '/feeds/walled').at(-1)!.headers['if-none-match']).toBeUndefined();
    expect(server.requests.filter((q) => q.path === '/pages/pdf')).toHaveLength(2);
    expect(server.requests.filter((q) => q.path === '/pages/paywalled')).toHaveLength(1);
  });

  it('never overwrites a file already there: a name taken gets -2', async () => {
    const seeds = seedsDir();
    fs.mkdirSync(path.join(seeds, 'clash'));
    fs.writeFileSync(path.join(seeds, 'clash', '2026-12-01-bridge-story-number-11.html'), 'mine');
    server.route('/feeds/clash', send(rss('Clash', [item(11)]), 'application/rss+xml'));
    await run(seeds, [{ url: `${server.origin}/feeds/clash`, name: null }]);
    expect(fs.readFileSync(path.join(seeds, 'clash', '2026-12-01-bridge-story-number-11.html'), 'utf8')).toBe('mine');
    expect(fs.existsSync(path.join(seeds, 'clash', '2026-12-01-bridge-story-number-11-2.html'))).toBe(true);
    // No temporary file is left beside them.
    expect(fs.readdirSync(path.join(seeds, 'clash')).sort()).toEqual(['2026-12-01-bridge-story-number-11-2.html', '2026-12-01-bridge-story-number-11.html']);
  });

  it('keeps to maxAgeDays and maxItemsPerFeed (the newest items first)', async () => {
    const seeds = seedsDir();
    const items = [item(12, { date: new Date(NOW - 9 * DAY) }), item(13), item(14, { date: new Date(NOW - 2 * DAY) }), item(15, { date: new Date(NOW - 1 * DAY) }), item(16, { date: new Date(NOW - 3 * DAY) })];
    server.route('/feeds/limits', send(jsonFeed('Limits', items), 'application/feed+json'));
    const { report } = await run(seeds, [{ url: `${server.origin}/feeds/limits`, name: null }], { maxItemsPerFeed: 3 });
    expect(report.saved).toBe(3);
    expect(listFiles(seeds).filter((f) => f.endsWith('.html'))).toEqual([
      'limits/2026-11-29-bridge-story-number-14.html',
      'limits/2026-11-30-bridge-story-number-15.html',
      'limits/2026-12-01-bridge-story-number-13.html',
    ]);
  });

  it('one article listed by two feeds is saved once', async () => {
    const seeds = seedsDir();
    server.route('/feeds/one', send(rss('One', [item(17)]), 'application/rss+xml'));
    server.route('/feeds/two', send(atom('Two', [item(17, { id: 'other-id' })]), 'application/atom+xml'));
    const { report } = await run(seeds, [{ url: `${server.origin}/feeds/one`, name: null }, { url: `${server.origin}/feeds/two`, name: null }]);
    expect(report.saved).toBe(1);
    expect((await run(seeds, [{ url: `${server.origin}/feeds/two`, name: null }])).report.saved).toBe(0);
  });

  it('reports each bad source on one line and goes on: 500, time-out, hostile XML, oversize, redirect loop, not a feed', async () => {
    const seeds = seedsDir();
    const levels = Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n};`.repeat(10)}">`).join('');
    server.route('/bad/500', (_req, res) => {
      res.writeHead(500);
      res.end();
    });
    server.route('/bad/slow', () => undefined);
    server.route('/bad/bomb', send(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${levels}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`, 'application/rss+xml'));
    server.route('/bad/big', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, ' ');
      let sent = 0;
      const pump = (): void => {
        while (sent < 100 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    server.route('/bad/loop', (_req, res) => {
      res.writeHead(302, { location: '/bad/loop' });
      res.end();
    });
    server.route('/bad/html', send('<html><body>Just a page</body></html>', 'text/html'));
    server.route('/feeds/good', send(rss('Good', [item(18)]), 'application/rss+xml'));
    const bad = ['500', 'slow', 'bomb', 'big', 'loop', 'html'].map((b) => ({ url: `${server.origin}/bad/${b}`, name: null }));
    const started = Date.now();
    const { report, events } = await run(seeds, [...bad, { url: 'ftp://files.invalid/feed', name: 'FTP' }, { url: `${server.origin}/feeds/good`, name: null }]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(report).toMatchObject({ feeds: 8, feedsRead: 1, saved: 1, failures: 7 });
    const problems = Object.fromEntries(events.filter((e) => e.kind === 'problem').map((e) => [e.source.replace(server.origin, ''), e.problem]));
    expect(problems).toEqual({
      '/bad/500': 'HTTP 500 Internal Server Error',
      '/bad/slow': 'timed out after 1.5 s',
      '/bad/bomb': expect.stringContaining('refused, not parsed'),
      '/bad/big': 'body over the 1 MB limit: download stopped',
      '/bad/loop': `redirect loop (${server.origin}/bad/loop again)`,
      '/bad/html': expect.stringMatching(/^not a feed/),
      'ftp://files.invalid/feed (FTP)': 'not an http(s) URL',
    });
    // A failed feed leaves no state that would skip its items later; the good one is recorded.
    const state = JSON.parse(fs.readFileSync(path.join(seeds, STATE_FILE), 'utf8')) as { feeds: Record<string, unknown>; items: unknown[] };
    expect(Object.keys(state.feeds)).toEqual([`${server.origin}/feeds/good`]);
    expect(state.items).toHaveLength(1);
  });

  it('refuses a state file it cannot read rather than fetching everything again', async () => {
    const seeds = seedsDir();
    fs.writeFileSync(path.join(seeds, STATE_FILE), '{ broken');
    await expect(run(seeds, [{ url: `${server.origin}/feeds/rss`, name: null }])).rejects.toThrow(/not valid JSON.*fix or remove it/);
    expect(fs.readFileSync(path.join(seeds, STATE_FILE), 'utf8')).toBe('{ broken');
  });

  it('decodes a page in the charset its server names, and saves it as UTF-8', async () => {
    const seeds = seedsDir();
    const html = page('Café crème', ['Le conseil a voté lundi soir la fermeture du pont du port pour des réparations qui devraient durer au moins six mois.']);
    server.route('/pages/latin1', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      res.end(Buffer.from(html, 'latin1'));
    });
    server.route('/feeds/latin1', send(rss('Latin', [item(19, { link: `${server.origin}/pages/latin1`, title: 'Café crème' })]), 'application/rss+xml'));
    await run(seeds, [{ url: `${server.origin}/feeds/latin1`, name: null }]);
    const raw = declaredOf(seeds, 'latin/2026-12-01-cafe-creme.html');
    expect(raw.declared.title).toBe('Café crème');
    expect(raw.text).toContain('réparations qui devraient');
  });
});
