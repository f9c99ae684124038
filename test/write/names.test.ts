// Page ids for hostile names (issue 19): publishers and entities whose ids clash, long and non-Latin names, bidi text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article, Digest, Entity } from '../../src/model.js';
import { buildPages } from '../../src/write/index.js';
import { publisherId } from '../../src/write/pages/index.js';
import { loadFixtureDigest, withThirdStory } from './fixtures.js';

/** Found by search: each pair has one slug and the same six hex digits of its key's SHA-1. */
const CLASHING_PUBLISHERS = ['tHe DaILy cOUrier', 'the DAily COUrier'] as const;
const CLASHING_PEOPLE = ['MaRIa deLGaDo', 'mARIA DelgADO'] as const;
/** Issue 19's pair: empty slugs before transliteration, and one short hash (3fe519). */
const NON_LATIN = ['明东日', '北日北'] as const;
const LONG_WORD = 'w'.repeat(300);

/**
 * The fixture digest with its third story (`withThirdStory`), the articles' publishers replaced by `publishers` (in
 * turn) and every story naming `people`.
 */
function digestWith(publishers: readonly string[], people: readonly string[] = []): Digest {
  const base = withThirdStory(loadFixtureDigest());
  const extra: Entity[] = people.map((name) => ({ name, kind: 'person', count: 1 }));
  const articles: Article[] = base.articles.map((a, i) => ({ ...a, publisher: publishers[i % publishers.length] ?? null, entities: [...a.entities, ...extra] }));
  // More articles than the fixture has, one per remaining publisher, all in the first story.
  for (let i = base.articles.length; i < publishers.length; i++) {
    const model = base.articles[0]!;
    articles.push({ ...model, id: `extra-${i}-${String(i).padStart(6, '0')}`, file: `extra-${i}.txt`, publisher: publishers[i] ?? null, quotes: [] });
  }
  const stories = base.stories.map((s, k) => ({
    ...s,
    articleIds: k === 0 ? [...s.articleIds, ...articles.slice(base.articles.length).map((a) => a.id)] : s.articleIds,
    entities: [...s.entities, ...extra],
  }));
  return { ...base, articles, stories };
}

function pagesOf(digest: Digest): Map<string, Record<string, unknown>> {
  return new Map(buildPages(digest).map((p) => [p.file, p.data as Record<string, unknown>]));
}

const sourcePages = (pages: Map<string, unknown>): string[] => [...pages.keys()].filter((f) => /^sources\/[^/]+\.md$/.test(f));

describe('publisher and entity pages for names whose ids clash', () => {
  it('gives each publisher its own page when short ids clash (both take the long form), with no error', () => {
    expect(publisherId(CLASHING_PUBLISHERS[0])).toBe(publisherId(CLASHING_PUBLISHERS[1]));
    const pages = pagesOf(digestWith([...CLASHING_PUBLISHERS, 'Coast News']));
    const files = sourcePages(pages);
    expect(files).toHaveLength(3);
    for (const name of CLASHING_PUBLISHERS) expect(files).toContain(`sources/${publisherId(name, true)}.md`);
    expect(files).toContain(`sources/${publisherId('Coast News')}.md`);
    // Each article links the page of its own publisher.
    for (const [file, data] of pages) {
      if (!file.startsWith('articles/')) continue;
      const publisher = data['publisher'] as { name: string; url: string };
      expect(pages.get(`sources/${publisher.url.split('/')[2]}.md`)?.['title']).toBe(publisher.name);
    }
  });

  it('gives non-Latin names transliterated ids of their own (they shared `3fe519` and stopped the build)', () => {
    const files = sourcePages(pagesOf(digestWith([...NON_LATIN])));
    expect(files.sort()).toEqual(['sources/bei-ri-bei-3fe519.md', 'sources/ming-dong-ri-3fe519.md']);
  });

  it('bounds the id of a publisher named by one 300-letter word', () => {
    const files = sourcePages(pagesOf(digestWith([LONG_WORD, 'Coast News'])));
    expect(files).toHaveLength(2);
    expect(Math.max(...files.map((f) => Buffer.byteLength(f)))).toBeLessThanOrEqual(100);
  });

  it('gives each name its own entity page when their short ids clash', () => {
    const pages = pagesOf(digestWith(['Coast News', 'Harbour Gazette'], CLASHING_PEOPLE));
    const names = [...pages].filter(([f]) => /^entities\/[^/]+\.md$/.test(f)).map(([, d]) => d['name']);
    for (const name of CLASHING_PEOPLE) expect(names).toContain(name);
  });

  it('never writes two pages to one path, and keeps every file name short, for any set of names (property)', () => {
    const name = fc.oneof(
      fc.constantFrom(...CLASHING_PUBLISHERS, ...CLASHING_PEOPLE, ...NON_LATIN, LONG_WORD, 'SBS News', 'sbs news', 'SBS  News', '★', '☆', '…', 'Москва'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 8 }), fc.uniqueArray(name, { maxLength: 4 }), (publishers, people) => {
        const digest = digestWith(publishers, people);
        const pages = pagesOf(digest); // throws on two pages at one path
        const oneLine = new Set(publishers.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean));
        expect(sourcePages(pages)).toHaveLength(oneLine.size);
        // Ana Ruiz, in all three stories, has her page whenever two publishers are known (the articles take them in turn).
        const entityFiles = [...pages.keys()].filter((f) => /^entities\/[^/]+\.md$/.test(f));
        const anaPublishers = new Set(digest.articles
          .filter((a) => a.entities.some((e) => e.name === 'Ana Ruiz'))
          .flatMap((a) => (a.publisher === null ? [] : [a.publisher.replace(/\s+/g, ' ').trim()]))
          .filter(Boolean));
        if (anaPublishers.size >= 2) expect(entityFiles.map((f) => pages.get(f)?.['name'])).toContain('Ana Ruiz');
        for (const file of pages.keys()) for (const part of file.split('/')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(100);
      }),
      { numRuns: 40, seed: 1919 },
    );
  });
});

describe('body text with bidi controls', () => {
  it('keeps them, but closed and isolated, so they cannot reverse the page around them', () => {
    const base = loadFixtureDigest();
    const evil = 'Officials said \u202etxet desrever and nothing else';
    const digest: Digest = {
      ...base,
      articles: base.articles.map((a, i) => (i === 0 ? { ...a, paragraphs: [evil, ...a.paragraphs], quotes: a.quotes.map((q) => ({ ...q, text: `${q.text} \u202e` })) } : a)),
      stories: base.stories.map((s, i) => (i === 0 ? { ...s, summarySentences: [{ text: evil, articleIds: s.articleIds.slice(0, 1) }, ...s.summarySentences] } : s)),
    };
    const pages = buildPages(digest);
    const article = pages.find((p) => p.file === `articles/${base.articles[0]!.id}.md`)!;
    expect(article.body).toContain('\u2068Officials said \u202etxet desrever and nothing else\u202c\u2069');
    const story = pages.find((p) => p.file === `stories/${base.stories[0]!.id}.md`)!;
    expect(story.body).toMatch(/^\u2068Officials said \u202etxet desrever and nothing else\\.\u202c\u2069\[/);
    // No page leaves an override open: every RLO is followed by its PDF.
    for (const page of pages) {
      const text = JSON.stringify(page);
      expect(text.split('\u202e').length, page.file).toBe(text.split('\u202c').length);
    }
  });
});
