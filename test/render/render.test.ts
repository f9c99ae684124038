// The render stage end to end: write + Eleventy on a tiny digest, checked for injection, links, determinism, atomicity.
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledEntries } from '../helpers.js';
import { renderSite } from '../../src/render/index.js';
import { buildSitemapPages } from '../../src/write/feeds.js';
import { renderPage, writeContent, type Page } from '../../src/write/index.js';
import { HOSTILE, hostileDigest, largeDigest, loadFixtureDigest, makeTempDir, readTree } from '../write/fixtures.js';

const tmp = makeTempDir('render');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes and renders `digest` under `tmp/<name>/`, returning the site folder. */
async function build(name: string, digest = loadFixtureDigest(), pathPrefix = '/'): Promise<string> {
  const contentDir = path.join(tmp, name, 'content');
  const outDir = path.join(tmp, name, '_site');
  writeContent(digest, contentDir);
  await renderSite({ contentDir, outDir, pathPrefix, quiet: true });
  return outDir;
}

function htmlPages(site: string): Map<string, string> {
  return new Map([...readTree(site)].filter(([file]) => file.endsWith('.html')).map(([file]) => [file, fs.readFileSync(path.join(site, file), 'utf8')]));
}

/** Every URL-bearing attribute in a page. */
function urlsOf(html: string): string[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '');
}

describe('renderSite', () => {
  let site = '';
  beforeAll(async () => {
    site = await build('fixture');
  });

  it('builds every page, the feeds, the stylesheet, the search script and the search index', () => {
    const files = [...readTree(site).keys()];
    expect(files.filter((f) => !f.startsWith('pagefind/'))).toEqual([
      '.roundup-output',
      '404.html',
      'articles/bridge-repairs-could-take-months-d4e5f6/index.html',
      'articles/ferry-service-doubled-during-closure-0a0b0c/index.html',
      'articles/harbour-bridge-closed-after-crack-found-a1b2c3/index.html',
      'articles/library-extends-weekend-hours-778899/index.html',
      'assets/favicon.svg',
      'assets/search.js',
      'assets/site.css',
      'days/2024-03-04/index.html',
      'days/feed.json',
      'days/feed.xml',
      'days/index.html',
      'days/undated/index.html',
      'entities/index.html',
      'feed.json',
      'feed.xml',
      'index.html',
      'robots.txt',
      'search/index.html',
      'sitemap.xml',
      'sources/coast-news-dfd386/index.html',
      'sources/harbour-gazette-810737/index.html',
      'sources/index.html',
      'sources/the-daily-tide-301301/index.html',
      'sources.opml',
      'stories/index.html',
      'stories/library-opens-on-sundays-def456/index.html',
      'stories/old-harbour-bridge-closed-for-repairs-abc123/index.html',
      'topics/index.html',
    ]);
    // One shard at this size: its Pagefind bundle, and the list the search page merges.
    expect(JSON.parse(fs.readFileSync(path.join(site, 'pagefind/shards.json'), 'utf8'))).toEqual({ bundles: ['core'] });
    expect(files).toContain('pagefind/core/pagefind.js');
    expect(files).toContain('pagefind/core/pagefind-entry.json');
    expect(files.some((f) => /^pagefind\/core\/index\/.+\.pf_index$/.test(f))).toBe(true);
  });

  it('indexes stories, topics and articles for search, and nothing else', () => {
    const entry = JSON.parse(fs.readFileSync(path.join(site, 'pagefind/core/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    // 2 stories + 4 articles (each topic holds one story, so neither has a page); home, lists, publisher, entity,
    // search and 404 pages carry no data-pagefind-body.
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(6);
    for (const [file, html] of htmlPages(site)) {
      const indexed = html.includes('data-pagefind-body');
      expect(indexed, file).toBe(/^(stories|topics|articles)\/[^/]+\/index\.html$/.test(file));
    }
  });

  it('renders a story with coverage, cited summary, key points, disagreements, quotes, timeline and numbered sources', () => {
    const html = fs.readFileSync(path.join(site, 'stories/old-harbour-bridge-closed-for-repairs-abc123/index.html'), 'utf8');
    const { document } = parseHTML(html);
    expect(document.querySelector('h1')?.textContent).toBe('Old Harbour Bridge closed for repairs');
    expect(document.querySelector('.page-header time')?.getAttribute('datetime')).toBe('2024-03-04');
    expect([...document.querySelectorAll('.publisher-list li')].map((li) => li.textContent)).toEqual(['Coast News', 'Harbour Gazette', 'The Daily Tide']);
    const summaryLinks = [...document.querySelectorAll('.summary a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(summaryLinks[2]).toEqual(['[2]', '/articles/bridge-repairs-could-take-months-d4e5f6/']);
    expect([...document.querySelectorAll('.reported')].map((e) => e.textContent)).toEqual(['Reported by 3 of 3 sources[1][2][3]', 'Reported by 2 of 3 sources[1][2]']);
    expect(document.querySelectorAll('.disagreement .claim')).toHaveLength(2);
    // What differs between the sides is marked, and only that.
    expect([...document.querySelectorAll('.disagreement .claim mark')].map((m) => m.textContent)).toEqual(['three weeks', 'three months']);
    expect([...document.querySelectorAll('.speaker h3')].map((e) => e.textContent)).toEqual(['Ana Ruiz', 'Tom Okafor']);
    // The quotes the page leaves out are counted in plain words, inside the section.
    expect(document.querySelector('.quotes .more-quotes')?.textContent).toBe('and 3 more quotes from Tom Okafor in the sources');
    expect(document.querySelectorAll('.timeline time')).toHaveLength(2);
    const sources = [...document.querySelectorAll('.source-list > li')];
    expect(sources.map((li) => li.getAttribute('value'))).toEqual(['1', '2', '3']);
    expect(sources[1]?.querySelector('a')?.getAttribute('href')).toBe('/articles/bridge-repairs-could-take-months-d4e5f6/');
    expect(html).not.toContain('Single source');
    expect(fs.readFileSync(path.join(site, 'stories/library-opens-on-sundays-def456/index.html'), 'utf8')).toContain('Single source');
  });

  it('shows an article\'s byline on its page and in its story\'s sources, and its language on the element holding its text', () => {
    const page = (file: string) => parseHTML(fs.readFileSync(path.join(site, file), 'utf8')).document;
    expect(page('articles/bridge-repairs-could-take-months-d4e5f6/index.html').querySelector('.page-header .byline')?.textContent).toBe('By Mara Quist');
    const sources = [...page('stories/old-harbour-bridge-closed-for-repairs-abc123/index.html').querySelectorAll('.source-list > li .meta')].map((m) => m.textContent ?? '');
    expect(sources.filter((t) => t.includes('by Mara Quist'))).toHaveLength(1);
    // English articles on an English site need no lang of their own; the page's og:locale follows its article.
    const english = page('articles/bridge-repairs-could-take-months-d4e5f6/index.html');
    expect(english.querySelector('article')?.getAttribute('lang')).toBeNull();
    expect(english.querySelector('meta[property="og:locale"]')?.getAttribute('content')).toBe('en');
    const german = page('articles/ferry-service-doubled-during-closure-0a0b0c/index.html');
    expect(german.querySelector('article')?.getAttribute('lang')).toBe('de');
    expect(german.documentElement.getAttribute('lang')).toBe('en');
    expect(german.querySelector('meta[property="og:locale"]')?.getAttribute('content')).toBe('de');
  });

  it('has landmarks, a skip link and one h1 on every page', () => {
    for (const [file, html] of htmlPages(site)) {
      const { document } = parseHTML(html);
      expect(document.querySelectorAll('main#main'), file).toHaveLength(1);
      expect(document.querySelector('a.skip-link')?.getAttribute('href'), file).toBe('#main');
      expect(document.querySelectorAll('h1'), file).toHaveLength(1);
      expect(document.querySelector('html')?.getAttribute('lang'), file).toBe('en');
      // Zero JavaScript needed to read: the search page alone loads one script, the search.
      const scripts = [...document.querySelectorAll('script')].map((el) => el.getAttribute('src'));
      expect(scripts, file).toEqual(file === 'search/index.html' ? ['/assets/search.js'] : []);
    }
  });

  it('gives every page a canonical-ready head: Open Graph, feed links, description', () => {
    for (const [file, html] of htmlPages(site)) {
      const { document } = parseHTML(html);
      const og = (p: string): string | null => document.querySelector(`meta[property="${p}"]`)?.getAttribute('content') ?? null;
      expect(og('og:title'), file).toBeTruthy();
      expect(og('og:site_name'), file).toBe('Roundup Test Desk');
      expect(og('og:type'), file).toBe(/^(stories|articles)\/(?!index\.html$|page\/)/.test(file) ? 'article' : 'website');
      expect(document.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href'), file).toBe('/feed.xml');
      // No base URL in the fixture: no canonical and no og:url (they must be absolute).
      expect(document.querySelector('link[rel="canonical"]'), file).toBeNull();
    }
  });

  it('writes well-formed feeds with stable ids', () => {
    const atom = fs.readFileSync(path.join(site, 'feed.xml'), 'utf8');
    expect(atom.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(atom.match(/<entry>/g)).toHaveLength(2);
    expect(atom).toContain('<link rel="alternate" type="text/html" href="/stories/old-harbour-bridge-closed-for-repairs-abc123/"/>');
    expect(atom).toMatch(/<id>urn:uuid:[0-9a-f-]{36}<\/id>/);
    expect(atom).toContain('<updated>2024-03-04T00:00:00Z</updated>');
    const json = JSON.parse(fs.readFileSync(path.join(site, 'feed.json'), 'utf8')) as { version: string; items: { id: string; url: string; date_published?: string }[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.map((i) => i.url)).toEqual(['/stories/old-harbour-bridge-closed-for-repairs-abc123/', '/stories/library-opens-on-sundays-def456/']);
    expect(json.items[0]?.date_published).toBe('2024-03-04T00:00:00Z');
    expect(atom).toContain(`<id>${json.items[0]?.id}</id>`);
    // A topic of one story has no feed of its own: its story is in the site's.
    expect(fs.existsSync(path.join(site, 'topics/civic-services-t00002/feed.xml'))).toBe(false);
    expect(fs.readFileSync(path.join(site, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    expect(fs.readFileSync(path.join(site, 'sources.opml'), 'utf8')).toContain('<outline text="Coast News" title="Coast News" type="link" url="https://coast.example/"/>');
  });

  it('links only to pages and files that exist', () => {
    for (const [file, html] of htmlPages(site)) {
      for (const url of urlsOf(html)) {
        if (/^https?:/.test(url) || url.startsWith('#')) continue;
        const target = url.split('#')[0] ?? '';
        const onDisk = path.join(site, target.endsWith('/') ? `${target}index.html` : target);
        expect(fs.existsSync(onDisk), `${file} → ${url}`).toBe(true);
      }
    }
  });

  it('is deterministic: two renders of the same content are byte-identical', async () => {
    const again = await build('fixture-again');
    expect(readTree(again)).toEqual(readTree(site));
  });
});

/** A title with an apostrophe and an ampersand (as most news titles have), markup and template syntax. */
const TRICKY_TITLE = "Putin's AT&T deal <script>alert(2)</script> {{ x }} {% raw %}";

describe('renderSite on hostile text', () => {
  let pages = new Map<string, string>();
  let hostileSite = '';
  beforeAll(async () => {
    const digest = hostileDigest();
    // A bell character in a title: legal in HTML text, forbidden in XML 1.0. The second article and story take
    // the title most news titles resemble (an apostrophe, an ampersand) with markup and template syntax besides.
    hostileSite = await build('hostile', {
      ...digest,
      articles: digest.articles.map((a, i) => (i === 1 ? { ...a, title: TRICKY_TITLE } : a)),
      stories: digest.stories.map((s, i) => ({ ...s, title: i === 1 ? TRICKY_TITLE : `${s.title} \u0007bell` })),
    });
    pages = htmlPages(hostileSite);
  });

  it('emits no script, no event handler and no javascript: URL', () => {
    expect(pages.size).toBeGreaterThan(5);
    for (const [file, html] of pages) {
      // The search page's own script is the one allowed (checked exactly in the landmarks test).
      expect(html.replace('<script type="module" src="/assets/search.js"></script>', ''), file).not.toMatch(/<script/i);
      // Quoted attribute values (an escaped meta description, say) are text, not markup: blank them first.
      expect(html.replace(/"[^"]*"/g, '""'), file).not.toMatch(/<[^>]*\son\w+\s*=/i);
      expect(html, file).not.toMatch(/<img/i);
      const { document } = parseHTML(html);
      expect(document.querySelectorAll('img, iframe, object, embed'), file).toHaveLength(0);
      expect(document.querySelectorAll('script'), file).toHaveLength(file === 'search/index.html' ? 1 : 0);
      for (const el of document.querySelectorAll('*')) {
        for (const attr of [...el.attributes]) {
          expect(attr.name.startsWith('on'), `${file}: ${attr.name}`).toBe(false);
        }
      }
      for (const url of urlsOf(html)) expect(url, file).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
  });

  it('shows the hostile strings as literal text', () => {
    const article = pages.get('articles/harbour-bridge-closed-after-crack-found-a1b2c3/index.html') ?? '';
    const { document } = parseHTML(article);
    const text = document.querySelector('main')?.textContent ?? '';
    for (const value of Object.values(HOSTILE)) expect(text, value).toContain(value);
    expect(document.querySelector('h1')?.textContent).toBe(`${HOSTILE.script} ${HOSTILE.template}`);
    // The article body's first paragraph is the literal "---", not a rule or front matter.
    expect(document.querySelector('.article-body p')?.textContent).toBe('---');
    expect(document.querySelectorAll('.article-body hr, .article-body h1, .article-body em')).toHaveLength(0);
  });

  it('never evaluates template syntax in the data', () => {
    for (const [file, html] of pages) {
      expect(html, file).not.toMatch(/\b49\b/);
    }
    const story = [...pages].find(([file]) => file.startsWith('stories/old-harbour'))?.[1] ?? '';
    expect(story).toContain('{{ 7*7 }}');
    expect(story).toContain('{% raw %}');
  });

  it('keeps the feeds well-formed: text escaped, XML-forbidden characters dropped, JSON parseable', () => {
    const atom = fs.readFileSync(path.join(hostileSite, 'feed.xml'), 'utf8');
    expect(atom).not.toContain('<script>');
    expect(atom).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(atom).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const json = JSON.parse(fs.readFileSync(path.join(hostileSite, 'feed.json'), 'utf8')) as { title: string; items: { title: string }[] };
    expect(json.title).toBe(`Desk ${HOSTILE.script}`);
    expect(json.items[0]?.title).toContain(HOSTILE.template);
    expect(fs.readFileSync(path.join(hostileSite, 'feed.json'), 'utf8')).not.toContain('<');
    const opml = fs.readFileSync(path.join(hostileSite, 'sources.opml'), 'utf8');
    expect(opml).toContain('Evil &lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes titles exactly once: the tab, Open Graph and the feeds show the text as written', () => {
    const siteTitle = `Desk ${HOSTILE.script}`;
    const once = "Putin&#39;s AT&amp;T deal &lt;script&gt;alert(2)&lt;/script&gt; {{ x }} {% raw %}";
    const article = [...pages].find(([, html]) => html.includes('<h1>Putin'))?.[1] ?? '';
    const story = [...pages].find(([file, html]) => file.startsWith('stories/') && html.includes('<h1>Putin'))?.[1] ?? '';
    for (const html of [article, story]) {
      expect(html).toContain(`<title>${once} · Desk &lt;script&gt;alert(1)&lt;/script&gt;</title>`);
      expect(html).toContain(`<meta property="og:title" content="${once}">`);
      const { document } = parseHTML(html);
      expect(document.querySelector('title')?.textContent).toBe(`${TRICKY_TITLE} · ${siteTitle}`);
      expect(document.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(TRICKY_TITLE);
      expect(document.querySelector('h1')?.textContent).toBe(TRICKY_TITLE);
    }
    // No page's title shows an escape escaped again (the text's own literal "&lt;b&gt;" is not in a title).
    const TWICE_RE = /&amp;(amp|lt|gt|quot|#39);/;
    for (const [file, html] of pages) {
      const head = html.slice(0, html.indexOf('</head>'));
      for (const title of head.match(/<title>.*<\/title>|<meta property="og:title"[^>]*>/g) ?? []) expect(title, file).not.toMatch(TWICE_RE);
    }
    const atom = fs.readFileSync(path.join(hostileSite, 'feed.xml'), 'utf8');
    expect(atom).toContain(`<title type="text">${once}</title>`);
    for (const title of atom.match(/<title[^>]*>.*<\/title>/g) ?? []) expect(title).not.toMatch(TWICE_RE);
    const json = JSON.parse(fs.readFileSync(path.join(hostileSite, 'feed.json'), 'utf8')) as { items: { title: string }[] };
    expect(json.items.map((item) => item.title)).toContain(TRICKY_TITLE);
  });

  it('drops an article URL that is not http(s)', () => {
    const article = pages.get('articles/harbour-bridge-closed-after-crack-found-a1b2c3/index.html') ?? '';
    expect(article).not.toContain('Read the original');
  });
});

describe('renderSite with a path prefix', () => {
  it('prefixes every internal URL with /roundup/', async () => {
    const site = await build('prefixed', loadFixtureDigest(), '/roundup/');
    let checked = 0;
    for (const [file, html] of htmlPages(site)) {
      for (const url of urlsOf(html)) {
        if (/^https?:/.test(url) || url.startsWith('#')) continue;
        expect(url, file).toMatch(/^\/roundup\//);
        const target = url.slice('/roundup'.length).split('#')[0] ?? '';
        expect(fs.existsSync(path.join(site, target.endsWith('/') ? `${target}index.html` : target)), `${file} → ${url}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('prefixes the links in the feeds, sitemap and OPML too', async () => {
    const site = path.join(tmp, 'prefixed', '_site');
    const atom = fs.readFileSync(path.join(site, 'feed.xml'), 'utf8');
    const hrefs = [...atom.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBe(4);
    for (const href of hrefs) expect(href).toMatch(/^\/roundup\//);
    const locs = [...fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] ?? '');
    expect(locs.length).toBeGreaterThan(10);
    for (const loc of locs) expect(fs.existsSync(path.join(site, loc.slice('/roundup'.length), 'index.html')), loc).toBe(true);
    const json = JSON.parse(fs.readFileSync(path.join(site, 'feed.json'), 'utf8')) as { feed_url: string };
    expect(json.feed_url).toBe('/roundup/feed.json');
  });

  it('makes canonical, Open Graph, feed and sitemap links absolute when SITE_URL is set', async () => {
    process.env['SITE_URL'] = 'https://someone.github.io/roundup';
    let site = '';
    try {
      site = await build('site-url', loadFixtureDigest(), '/roundup/');
    } finally {
      delete process.env['SITE_URL'];
    }
    const story = fs.readFileSync(path.join(site, 'stories/library-opens-on-sundays-def456/index.html'), 'utf8');
    expect(story).toContain('<link rel="canonical" href="https://someone.github.io/roundup/stories/library-opens-on-sundays-def456/">');
    expect(story).toContain('<meta property="og:url" content="https://someone.github.io/roundup/stories/library-opens-on-sundays-def456/">');
    expect(fs.readFileSync(path.join(site, 'sitemap.xml'), 'utf8')).toContain('<loc>https://someone.github.io/roundup/topics/</loc>');
    expect(fs.readFileSync(path.join(site, 'robots.txt'), 'utf8')).toContain('Sitemap: https://someone.github.io/roundup/sitemap.xml');
    expect(fs.readFileSync(path.join(site, 'feed.xml'), 'utf8')).toContain('<link rel="self" type="application/atom+xml" href="https://someone.github.io/roundup/feed.xml"/>');
    expect(fs.readFileSync(path.join(site, '404.html'), 'utf8')).not.toContain('rel="canonical"');
  });

  it('accepts a prefix without slashes', async () => {
    const site = await build('bare-prefix', loadFixtureDigest(), 'roundup');
    const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(html).toContain('href="/roundup/assets/site.css"');
  });
});

describe('renderSite on lists longer than a page', () => {
  let site = '';
  beforeAll(async () => {
    site = await build('large', largeDigest());
  }, 60_000);

  const doc = (file: string): Document => parseHTML(fs.readFileSync(path.join(site, file), 'utf8')).document;

  it('draws a pager with the page number, rel links and the current page marked', () => {
    const first = doc('topics/index.html');
    const nav = first.querySelector('nav[aria-label="Pagination"]');
    expect(nav?.querySelector('.pager-status')?.textContent).toBe('Page 1 of 2');
    expect(nav?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/topics/page/2/');
    expect(nav?.querySelector('a[rel="prev"]')).toBeNull();
    expect(nav?.querySelector('a[aria-current="page"]')?.getAttribute('href')).toBe('/topics/');
    expect(first.querySelector('link[rel="next"]')?.getAttribute('href')).toBe('/topics/page/2/');
    const second = doc('topics/page/2/index.html');
    expect(second.querySelector('h1')?.textContent).toBe('Topics — page 2');
    expect(second.querySelector('title')?.textContent).toBe('Topics — page 2 · Big Desk');
    expect(second.querySelector('nav[aria-label="Pagination"] a[rel="prev"]')?.getAttribute('href')).toBe('/topics/');
    expect(second.querySelector('nav[aria-label="Pagination"] a[rel="next"]')).toBeNull();
    expect(second.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe('/topics/');
  });

  it('shows no pager on a list that fits one page', () => {
    expect(doc('topics/topic-001-t00001/index.html').querySelector('nav[aria-label="Pagination"]')).toBeNull();
    expect(doc('topics/topic-001-t00001/index.html').querySelector('link[rel="next"]')).toBeNull();
  });

  it('links the rest of a long list from its preview', () => {
    const sources = doc('sources/index.html');
    expect([...sources.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(expect.arrayContaining(['/sources/left-out/', '/sources/page/2/']));
    const last = doc('sources/page/3/index.html');
    expect([...last.querySelectorAll('.publisher h2')].at(-1)?.textContent).toMatch(/^Publisher unknown/);
    expect(last.querySelector('a[href="/sources/unknown/"]')).not.toBeNull();
    expect([...doc('index.html').querySelectorAll('a[href="/topics/"]')].map((a) => a.textContent)).toContain(`All ${largeDigest().topics.filter((t) => t.storyIds.length >= 2).length} topics`);
  });

  it('indexes a topic for search on its first page only', () => {
    expect(fs.readFileSync(path.join(site, 'topics/topic-000-t00000/index.html'), 'utf8')).toContain('data-pagefind-body');
    const second = fs.readFileSync(path.join(site, 'topics/topic-000-t00000/page/2/index.html'), 'utf8');
    expect(second).not.toContain('data-pagefind-body');
    expect(doc('topics/topic-000-t00000/page/2/index.html').querySelector('.topic-summary')).toBeNull();
    expect(doc('topics/topic-000-t00000/index.html').querySelector('.topic-summary')?.textContent).toContain('Summary of topic 0');
  });

  it('has one h1 on every list page and links only to pages that exist', () => {
    for (const [file, html] of htmlPages(site)) {
      if (/^(articles|stories)\//.test(file)) continue;
      expect(parseHTML(html).document.querySelectorAll('h1'), file).toHaveLength(1);
      for (const url of urlsOf(html)) {
        if (/^https?:/.test(url) || url.startsWith('#')) continue;
        const target = url.split('#')[0] ?? '';
        expect(fs.existsSync(path.join(site, target.endsWith('/') ? `${target}index.html` : target)), `${file} → ${url}`).toBe(true);
      }
    }
  });

  it('renders a sitemap index and its parts', async () => {
    const contentDir = path.join(tmp, 'sitemap-index', 'content');
    const outDir = path.join(tmp, 'sitemap-index', '_site');
    writeContent(loadFixtureDigest(), contentDir);
    const listed: Page[] = Array.from({ length: 7 }, (_, i) => ({ file: '', data: { permalink: `/x/${i}/`, date: i === 0 ? '2024-03-04' : '1970-01-01' }, body: '' }));
    for (const page of buildSitemapPages(listed, 5)) {
      fs.mkdirSync(path.dirname(path.join(contentDir, page.file)), { recursive: true });
      fs.writeFileSync(path.join(contentDir, page.file), renderPage(page));
    }
    await renderSite({ contentDir, outDir, pathPrefix: '/', quiet: true });
    const index = fs.readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8');
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...index.matchAll(/<sitemap><loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual(['/sitemaps/1.xml', '/sitemaps/2.xml']);
    expect(index).toContain('<sitemap><loc>/sitemaps/1.xml</loc><lastmod>2024-03-04</lastmod></sitemap>');
    const locs = [1, 2].flatMap((n) => [...fs.readFileSync(path.join(outDir, `sitemaps/${n}.xml`), 'utf8').matchAll(/<url><loc>([^<]*)<\/loc>/g)].map((m) => m[1]));
    expect(locs).toEqual(listed.map((p) => p.data['permalink']));
  });
});

describe('renderSite atomicity', () => {
  it('keeps the previous site whole when the build fails', async () => {
    const site = await build('atomic');
    const before = readTree(site);
    const contentDir = path.join(tmp, 'atomic', 'content');
    // A page naming a layout that does not exist makes Eleventy throw mid-build.
    fs.writeFileSync(path.join(contentDir, 'broken.md'), '---\nlayout: missing.njk\ntitle: x\n---\nx\n');
    await expect(renderSite({ contentDir, outDir: site, pathPrefix: '/', quiet: true })).rejects.toThrow();
    expect(readTree(site)).toEqual(before);
    expect(await settledEntries(path.join(tmp, 'atomic'))).toEqual(['_site', 'content']);
  });
});

describe('renderSite with site.articleText "excerpt" on hostile text', () => {
  let pages = new Map<string, string>();
  beforeAll(async () => {
    const digest = hostileDigest();
    const site = await build('excerpt', {
      ...digest,
      site: { ...digest.site, articleText: 'excerpt' },
      // The second article (publisher `Evil <img …>`) gets an address, so its name becomes a link's text.
      articles: digest.articles.map((a, i) => (i === 1 ? { ...a, url: 'https://coast.example/bridge-repairs?a=1&b="2"' } : a)),
    });
    pages = htmlPages(site);
  });

  it('renders no article page; a source shows its lead as text and links the original, never a javascript: address', () => {
    expect([...pages.keys()].filter((file) => file.startsWith('articles/'))).toEqual([]);
    const html = pages.get('stories/old-harbour-bridge-closed-for-repairs-abc123/index.html') ?? '';
    const story = parseHTML(html).document;
    const entries = [...story.querySelectorAll('.source-list li')];
    // Each lead is the first paragraph that does not repeat the standfirst: the hostile text's "---", as text.
    expect(entries.map((li) => li.querySelector('.source-lead')?.textContent)).toEqual(['---', '---', '---']);
    const evil = entries.find((li) => (li.textContent ?? '').includes('Evil'));
    const link = evil?.querySelector('a[rel]');
    expect(link?.getAttribute('href')).toBe('https://coast.example/bridge-repairs?a=1&b=%222%22');
    expect(link?.getAttribute('rel')).toBe('nofollow noopener noreferrer');
    expect(evil?.textContent).toContain(`Evil ${HOSTILE.img}`);
    expect(story.querySelectorAll('img')).toHaveLength(0);
    // The first article's address is `javascript:alert(1)`: no link, and its entry says the address is not known.
    expect(entries[0]?.querySelector('a')).toBeNull();
    expect(entries[0]?.textContent).toContain('original address not known');
    for (const url of urlsOf(html)) expect(url).not.toMatch(/^\s*javascript:/i);
    // Every citation leads to an entry of the page.
    const cites = [...story.querySelectorAll('a.cite, .summary a')].map((a) => a.getAttribute('href'));
    expect(cites.length).toBeGreaterThan(0);
    for (const href of cites) expect(story.getElementById(String(href).slice(1)), String(href)).not.toBeNull();
  });
});
