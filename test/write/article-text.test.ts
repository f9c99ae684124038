// site.articleText on article pages: the whole text (full, the default), or the lead and a link to the original (excerpt).
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/model.js';
import { buildPages, type Page } from '../../src/write/index.js';
import { loadFixtureDigest } from './fixtures.js';

function articlePage(digest: Digest, id: string): Page {
  const found = buildPages(digest).find((p) => p.file === `articles/${id}.md`);
  if (!found) throw new Error(`no article page ${id}`);
  return found;
}

const withMode = (mode: 'full' | 'excerpt'): Digest => {
  const digest = loadFixtureDigest();
  return { ...digest, site: { ...digest.site, articleText: mode } };
};

describe('article pages with site.articleText', () => {
  it('show every paragraph by default, and for a digest written before the setting', () => {
    const old = loadFixtureDigest();
    const digest: Digest = { ...old, site: { title: old.site.title, description: old.site.description, baseUrl: old.site.baseUrl, language: old.site.language } as Digest['site'] };
    const page = articlePage(digest, 'bridge-repairs-could-take-months-d4e5f6');
    expect(page.body.split('\n\n')).toHaveLength(3);
    expect(page.data['articleText']).toBe('full');
    expect(page.data['wholeArticle']).toBeNull();
    expect(articlePage(withMode('full'), 'bridge-repairs-could-take-months-d4e5f6').body).toBe(page.body);
  });

  it('show the lead paragraph alone with excerpt, and link the whole article at its publisher', () => {
    const full = articlePage(withMode('full'), 'bridge-repairs-could-take-months-d4e5f6');
    const page = articlePage(withMode('excerpt'), 'bridge-repairs-could-take-months-d4e5f6');
    expect(page.body).toBe(full.body.split('\n\n')[0]);
    expect(page.data['articleText']).toBe('excerpt');
    expect(page.data['wholeArticle']).toEqual({ url: 'https://coast.example/bridge-repairs', label: 'Coast News' });
  });

  it('take the first paragraph that does not repeat the standfirst', () => {
    const base = withMode('excerpt');
    const article = base.articles[0]!;
    const digest: Digest = { ...base, articles: [{ ...article, paragraphs: [article.standfirst ?? '', ...article.paragraphs] }, ...base.articles.slice(1)] };
    expect(articlePage(digest, article.id).body).toBe(articlePage(base, article.id).body);
    expect(articlePage(digest, article.id).body).not.toContain(article.standfirst ?? '');
  });

  it('name the address\'s host when the publisher is unknown, and no link at all when the address is', () => {
    const base = withMode('excerpt');
    const digest: Digest = { ...base, articles: base.articles.map((a) => ({ ...a, publisher: null })) };
    expect(articlePage(digest, 'harbour-bridge-closed-after-crack-found-a1b2c3').data['wholeArticle']).toEqual({ url: 'https://gazette.example/news/bridge-closed', label: 'gazette.example' });
    // The Daily Tide's article has no address: nothing to link, and the template says so.
    expect(articlePage(base, 'ferry-service-doubled-during-closure-0a0b0c').data['wholeArticle']).toBeNull();
    // Nor is an address that is no http(s) URL a link.
    const hostile: Digest = { ...base, articles: base.articles.map((a) => ({ ...a, url: 'javascript:alert(1)' })) };
    expect(articlePage(hostile, 'harbour-bridge-closed-after-crack-found-a1b2c3').data['wholeArticle']).toBeNull();
  });
});
