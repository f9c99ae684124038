// The render stage end to end: write + Eleventy on a tiny digest, checked for injection, links, determinism, atomicity.
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSite } from '../../src/render/index.js';
import { writeContent } from '../../src/write/index.js';
import { HOSTILE, hostileDigest, loadFixtureDigest, makeTempDir, readTree } from '../write/fixtures.js';

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

  it('builds every page and the stylesheet', () => {
    expect([...readTree(site).keys()]).toEqual([
      'articles/bridge-repairs-could-take-months-d4e5f6/index.html',
      'articles/ferry-service-doubled-during-closure-0a0b0c/index.html',
      'articles/harbour-bridge-closed-after-crack-found-a1b2c3/index.html',
      'articles/library-extends-weekend-hours-778899/index.html',
      'assets/site.css',
      'index.html',
      'sources/index.html',
      'stories/library-opens-on-sundays-def456/index.html',
      'stories/old-harbour-bridge-closed-for-repairs-abc123/index.html',
      'topics/civic-services-t00002/index.html',
      'topics/harbour-transport-t00001/index.html',
    ]);
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
    expect([...document.querySelectorAll('.speaker h3')].map((e) => e.textContent)).toEqual(['Ana Ruiz', 'Tom Okafor']);
    expect(document.querySelectorAll('.timeline time')).toHaveLength(2);
    const sources = [...document.querySelectorAll('.source-list > li')];
    expect(sources.map((li) => li.getAttribute('value'))).toEqual(['1', '2', '3']);
    expect(sources[1]?.querySelector('a')?.getAttribute('href')).toBe('/articles/bridge-repairs-could-take-months-d4e5f6/');
    expect(html).not.toContain('Single source');
    expect(fs.readFileSync(path.join(site, 'stories/library-opens-on-sundays-def456/index.html'), 'utf8')).toContain('Single source');
  });

  it('has landmarks, a skip link and one h1 on every page', () => {
    for (const [file, html] of htmlPages(site)) {
      const { document } = parseHTML(html);
      expect(document.querySelectorAll('main#main'), file).toHaveLength(1);
      expect(document.querySelector('a.skip-link')?.getAttribute('href'), file).toBe('#main');
      expect(document.querySelectorAll('h1'), file).toHaveLength(1);
      expect(document.querySelector('html')?.getAttribute('lang'), file).toBe('en');
      expect(document.querySelectorAll('script'), file).toHaveLength(0);
    }
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

describe('renderSite on hostile text', () => {
  let pages = new Map<string, string>();
  beforeAll(async () => {
    pages = htmlPages(await build('hostile', hostileDigest()));
  });

  it('emits no script, no event handler and no javascript: URL', () => {
    expect(pages.size).toBeGreaterThan(5);
    for (const [file, html] of pages) {
      expect(html, file).not.toMatch(/<script/i);
      // Quoted attribute values (an escaped meta description, say) are text, not markup: blank them first.
      expect(html.replace(/"[^"]*"/g, '""'), file).not.toMatch(/<[^>]*\son\w+\s*=/i);
      expect(html, file).not.toMatch(/<img/i);
      const { document } = parseHTML(html);
      expect(document.querySelectorAll('script, img, iframe, object, embed'), file).toHaveLength(0);
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

  it('accepts a prefix without slashes', async () => {
    const site = await build('bare-prefix', loadFixtureDigest(), 'roundup');
    const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(html).toContain('href="/roundup/assets/site.css"');
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
    expect(fs.readdirSync(path.join(tmp, 'atomic')).sort()).toEqual(['_site', 'content']);
  });
});
