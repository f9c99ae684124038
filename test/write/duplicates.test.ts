// Near-duplicates on the site: the story lists a wire story once with "also published by", each copy's page names the canonical.
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { Digest } from '../../src/model.js';
import { preprocess } from '../../src/pipeline.js';
import { renderSite } from '../../src/render/index.js';
import { buildPages, writeContent } from '../../src/write/index.js';
import { publisherId } from '../../src/write/pages/index.js';
import { HOSTILE, makeTempDir, readTree } from './fixtures.js';

const WIRE = path.resolve(import.meta.dirname, '../fixtures/group/wire');
const tmp = makeTempDir('duplicates');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function render(name: string, digest: Digest): Promise<string> {
  const contentDir = path.join(tmp, name, 'content');
  const outDir = path.join(tmp, name, '_site');
  writeContent(digest, contentDir);
  await renderSite({ contentDir, outDir, pathPrefix: '/', quiet: true });
  return outDir;
}

const readPage = (site: string, url: string): Document => parseHTML(fs.readFileSync(path.join(site, url, 'index.html'), 'utf8')).document;
const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('near-duplicates on the site', () => {
  let digest: Digest;
  let site = '';
  const byFile = (file: string) => digest.articles.find((a) => a.file === file)!;
  beforeAll(async () => {
    digest = (await preprocess(WIRE, path.join(tmp, 'pre', 'content'), DEFAULT_CONFIG, { singleStory: false, summaryWords: 120 })).digest;
    site = await render('wire', digest);
  }, 60_000);

  it('puts the copies in the digest: Harbour Gazette canonical, three copies', () => {
    expect(digest.duplicates).toEqual([{
      canonicalId: byFile('harbour-gazette.md').id,
      duplicateIds: [byFile('coastline-press.md').id, byFile('coastline-press-saved-as-text.txt').id, byFile('daily-tide.md').id].sort(),
    }]);
  });

  it('lists the wire story once on its story page, with the other publishers', () => {
    const story = digest.stories.find((s) => s.articleIds.includes(byFile('harbour-gazette.md').id))!;
    const page = readPage(site, `stories/${story.id}`);
    const items = [...page.querySelectorAll('.source-list > li')];
    const wireItems = items.filter((li) => text(li).includes('Kell') && !text(li).includes('repairs approved'));
    expect(wireItems).toHaveLength(1);
    const also = wireItems[0]!.querySelector('.also-published');
    expect(text(also)).toBe('Also published by Coastline Press, The Daily Tide, a copy with no known publisher');
    expect([...also!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(
      ['coastline-press.md', 'daily-tide.md', 'coastline-press-saved-as-text.txt'].map((f) => `/articles/${byFile(f).id}/`),
    );
    expect(wireItems[0]!.querySelector('a')!.getAttribute('href')).toBe(`/articles/${byFile('harbour-gazette.md').id}/`);
    // Every citation of a copy points at the canonical copy: no source number for a duplicate.
    const cited = new Set([...page.querySelectorAll('a.cite')].map((a) => a.getAttribute('href')));
    for (const f of ['coastline-press.md', 'coastline-press-saved-as-text.txt', 'daily-tide.md']) expect(cited).not.toContain(`/articles/${byFile(f).id}/`);
  });

  it('says on a copy\'s own page who else published it and which copy the story shows', () => {
    const page = readPage(site, `articles/${byFile('daily-tide.md').id}`);
    const also = page.querySelector('.also-published');
    expect(text(also)).toBe('Also published by Harbour Gazette, Coastline Press, a copy with no known publisher (same text as Kell dam cracks force evacuation of two villages)');
    expect([...also!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(
      ['harbour-gazette.md', 'coastline-press.md', 'coastline-press-saved-as-text.txt', 'harbour-gazette.md'].map((f) => `/articles/${byFile(f).id}/`),
    );
    const canonical = readPage(site, `articles/${byFile('harbour-gazette.md').id}`);
    expect(text(canonical.querySelector('.also-published'))).toBe('Also published by Coastline Press, The Daily Tide, a copy with no known publisher');
    // Search indexes the text once: the canonical copy's page, not the copies'.
    expect(canonical.querySelector('article[data-pagefind-body]')).not.toBeNull();
    expect(page.querySelector('article[data-pagefind-body]')).toBeNull();
    expect(page.querySelector('article.article')).not.toBeNull();
  });

  it('leaves the follow-up story on the same dam unmarked', () => {
    const followUp = byFile('harbour-gazette-repairs.md');
    expect(readPage(site, `articles/${followUp.id}`).querySelector('.also-published')).toBeNull();
  });

  it('escapes a hostile publisher name in "also published by"', async () => {
    const copy = byFile('daily-tide.md').id;
    const hostile: Digest = { ...digest, articles: digest.articles.map((a) => (a.id === copy ? { ...a, publisher: HOSTILE.script } : a)) };
    const out = await render('hostile', hostile);
    const html = fs.readFileSync(path.join(out, 'articles', byFile('harbour-gazette.md').id, 'index.html'), 'utf8');
    expect(html).not.toContain(HOSTILE.script);
    expect(text(parseHTML(html).document.querySelector('.also-published'))).toContain(HOSTILE.script);
  }, 60_000);

  it('names at most ten other copies on a page and counts the rest, whose pages stay listed by publisher', async () => {
    const base = byFile('daily-tide.md');
    const set = digest.duplicates[0]!;
    const extra = Array.from({ length: 40 }, (_, k) => ({ ...base, id: `reprint-${String(k).padStart(2, '0')}-abc123`, file: `reprints/${k}.md`, publisher: `Outlet ${String(k).padStart(2, '0')}` }));
    const story = digest.stories.find((st) => st.articleIds.includes(set.canonicalId))!;
    const big: Digest = {
      ...digest,
      articles: [...digest.articles, ...extra],
      stories: digest.stories.map((st) => (st === story ? { ...st, articleIds: [...st.articleIds, ...extra.map((a) => a.id)] } : st)),
      duplicates: [{ canonicalId: set.canonicalId, duplicateIds: [...set.duplicateIds, ...extra.map((a) => a.id)].sort() }],
    };
    const pages = new Map(buildPages(big).map((p) => [p.file, p]));
    const copies = (file: string) => pages.get(file)!.data['copies'] as { alsoPublishedBy: unknown[]; moreCopies: number };
    // 44 copies in all: a duplicate's page names the canonical and 9 others, and counts the other 33.
    expect(copies('articles/reprint-07-abc123.md').alsoPublishedBy).toHaveLength(10);
    expect(copies('articles/reprint-07-abc123.md').moreCopies).toBe(33);
    expect(copies(`articles/${set.canonicalId}.md`).moreCopies).toBe(33);
    const sources = pages.get(`stories/${story.id}.md`)!.data['sources'] as { alsoPublishedBy: unknown[]; moreCopies: number }[];
    expect(sources.map((x) => [x.alsoPublishedBy.length, x.moreCopies]).filter(([n]) => n! > 0)).toEqual([[10, 33]]);
    // Every reprint is still listed on its publisher's page.
    for (const a of extra) expect(JSON.stringify(pages.get(`sources/${publisherId(a.publisher)}.md`)!.data)).toContain(`/articles/${a.id}/`);
    const out = await render('reprinted', big);
    expect(text(readPage(out, 'articles/reprint-07-abc123').querySelector('.also-published'))).toMatch(/ and 33 more \(same text as /);
  }, 60_000);

  it('renders the same site twice', async () => {
    const again = await render('again', (await preprocess(WIRE, path.join(tmp, 'pre2', 'content'), DEFAULT_CONFIG, { singleStory: false, summaryWords: 120 })).digest);
    expect(readTree(again)).toEqual(readTree(site));
  }, 60_000);
});
