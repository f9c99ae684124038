// site.articleText: each article on a page of its own with its whole text (full, the default), or no article pages
// and each story's sources showing their lead and linking the original (excerpt).
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/model.js';
import { buildPages, type Page } from '../../src/write/index.js';
import { loadFixtureDigest } from './fixtures.js';

const STORY = 'old-harbour-bridge-closed-for-repairs-abc123';

function pageOf(digest: Digest, file: string): Page {
  const found = buildPages(digest).find((p) => p.file === file);
  if (!found) throw new Error(`no page ${file}`);
  return found;
}

interface SourceView {
  readonly number: number;
  readonly url: string | null;
  readonly external: boolean;
  readonly lead: string | null;
  readonly alsoPublishedBy: readonly { readonly label: string; readonly url: string | null; readonly external: boolean }[];
}

const sourcesOf = (digest: Digest, storyId: string = STORY): SourceView[] =>
  pageOf(digest, `stories/${storyId}.md`).data['sources'] as SourceView[];

const withMode = (mode: 'full' | 'excerpt'): Digest => {
  const digest = loadFixtureDigest();
  return { ...digest, site: { ...digest.site, articleText: mode } };
};

describe('site.articleText', () => {
  it('full, and a digest written before the setting: every article has a page with every paragraph', () => {
    const old = loadFixtureDigest();
    const digest: Digest = { ...old, site: { title: old.site.title, description: old.site.description, baseUrl: old.site.baseUrl, language: old.site.language } as Digest['site'] };
    for (const d of [digest, withMode('full')]) {
      expect(buildPages(d).filter((p) => p.file.startsWith('articles/')).map((p) => p.file).sort()).toEqual(d.articles.map((a) => `articles/${a.id}.md`).sort());
      expect(pageOf(d, 'articles/bridge-repairs-could-take-months-d4e5f6.md').body.split('\n\n')).toHaveLength(3);
      const sources = sourcesOf(d);
      expect(sources.map((s) => s.url)).toEqual(d.stories[0]!.articleIds.map((id) => `/articles/${id}/`));
      expect(sources.every((s) => s.lead === null && !s.external)).toBe(true);
    }
  });

  it('excerpt: no article pages; a story\'s sources hold their lead and link the original', () => {
    const digest = withMode('excerpt');
    const pages = buildPages(digest);
    expect(pages.filter((p) => p.file.startsWith('articles/'))).toEqual([]);
    // The lead is the first paragraph that does not repeat the standfirst; the title links the original address,
    // and is not linked when that is not known (The Daily Tide's article).
    const sources = sourcesOf(digest);
    const byId = new Map(digest.stories[0]!.articleIds.map((id, i) => [id, sources[i]!]));
    const bridge = digest.articles.find((a) => a.id === 'bridge-repairs-could-take-months-d4e5f6')!;
    expect(byId.get(bridge.id)).toMatchObject({ url: 'https://coast.example/bridge-repairs', external: true, lead: bridge.paragraphs[0] });
    expect(byId.get('ferry-service-doubled-during-closure-0a0b0c')).toMatchObject({ url: null, external: true });
    // No page anywhere links an article page.
    const links = pages.flatMap((p) => JSON.stringify(p.data).match(/\/articles\/[^"#]*/g) ?? []);
    expect(links).toEqual([]);
  });

  it('excerpt: the lead skips a paragraph that repeats the standfirst', () => {
    const base = withMode('excerpt');
    const article = base.articles[1]!;
    const digest: Digest = { ...base, articles: base.articles.map((a) => (a.id === article.id ? { ...a, standfirst: a.paragraphs[0]!, paragraphs: a.paragraphs } : a)) };
    const lead = sourcesOf(digest).find((s) => s.url === article.url)?.lead;
    expect(lead).toBe(article.paragraphs[1]);
  });

  it('excerpt: citations lead to the source\'s entry on the story page; a publisher\'s list leads there too', () => {
    const digest = withMode('excerpt');
    const story = pageOf(digest, `stories/${STORY}.md`);
    const cited = story.body.match(/\]\(([^)\s]+)/g) ?? [];
    expect(cited.length).toBeGreaterThan(0);
    for (const link of cited) expect(link).toMatch(/^\]\(#source-\d+$/);
    const points = story.data['keyPoints'] as { citations: { url: string; inPage: boolean }[] }[];
    expect(points.flatMap((p) => p.citations).every((c) => /^#source-\d+$/.test(c.url) && c.inPage)).toBe(true);
    const number = sourcesOf(digest).findIndex((s) => s.url === 'https://coast.example/bridge-repairs') + 1;
    expect(number).toBeGreaterThan(0);
    expect(JSON.stringify(pageOf(digest, 'sources/coast-news-dfd386.md').data)).toContain(`"/stories/${STORY}/#source-${number}"`);
  });

  it('excerpt: an address that is no http(s) URL is no link', () => {
    const base = withMode('excerpt');
    const hostile: Digest = { ...base, articles: base.articles.map((a) => ({ ...a, url: 'javascript:alert(1)' })) };
    expect(sourcesOf(hostile).every((s) => s.url === null)).toBe(true);
  });
});
