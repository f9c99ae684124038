// Properties (fast-check) across the stages: clean never throws nor invents text; front matter round-trips;
// a page body built from any article text renders to Markdown-made tags only, with no code-bearing URL.
import fc from 'fast-check';
import matter from 'gray-matter';
import markdownIt from 'markdown-it';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cleanText, countCorpusLines, EMPTY_CORPUS, normalizeLine } from '../../src/clean/index.js';
import type { Digest } from '../../src/model.js';
import { buildContentFiles, renderPage } from '../../src/write/index.js';
import { loadFixtureDigest } from '../write/fixtures.js';

/** Lines that look like articles and like the furniture around them, plus hostile and odd strings. */
const FRAGMENTS = [
  'The council voted on Monday to close the bridge for repairs, a spokeswoman said.',
  'Engineers said the work would take three months and cost $2m.',
  '"We had no choice," the mayor told reporters on Tuesday.',
  'Share', 'Subscribe to our newsletter', 'Home > News > World', 'Photo: Reuters', 'Source: AAP', '2 min read',
  'Advertisement', 'Read more', 'Getty Images', 'Follow us on Twitter', 'News World Bridge closed', '— Reuters',
  'Bridge closed Bridge closed Bridge closed', 'SBS News', 'Media ID: 5535', '',
  '<script>alert(1)</script>', '{{ 7*7 }}', '{% raw %}', '---', '# heading', '*', '\u00a0\u200b', 'é', '日本語の記事です。',
];
const line = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
const page = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));
const CONTEXT = { profiles: [], corpus: EMPTY_CORPUS, disabledRules: [] };

describe('clean (property)', () => {
  it('never throws and never invents text: every kept paragraph is in a normalised input line', () => {
    fc.assert(
      fc.property(page, (text) => {
        const result = cleanText(text, CONTEXT);
        const lines = text.split('\n').map(normalizeLine);
        for (const p of result.paragraphs) expect(lines.some((l) => l.includes(p)), JSON.stringify(p)).toBe(true);
        if (result.standfirst !== null) expect(result.paragraphs).toContain(result.standfirst);
        expect(result.decisions.length).toBe(lines.filter(Boolean).length);
      }),
      { numRuns: 400, seed: 2024 },
    );
  });

  it('keeps the same decisions whatever the corpus order (corpus statistics are order-free)', () => {
    fc.assert(
      fc.property(fc.array(page, { minLength: 2, maxLength: 5 }), (texts) => {
        const a = cleanText(texts[0] ?? '', { ...CONTEXT, corpus: countCorpusLines(texts) });
        const b = cleanText(texts[0] ?? '', { ...CONTEXT, corpus: countCorpusLines([...texts].reverse()) });
        expect(b).toEqual(a);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('front matter (property)', () => {
  it('round-trips any title, description and list of strings through renderPage and gray-matter', () => {
    const text = fc.string({ unit: 'binary', maxLength: 60 });
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 4 }), (title, description, tags) => {
        const rendered = renderPage({ file: 'x.md', data: { layout: 'story.njk', title, description, tags, date: '2024-03-04' }, body: 'Body.' });
        const parsed = matter(rendered, {});
        expect(parsed.data).toEqual({ layout: 'story.njk', title, description, tags, date: '2024-03-04' });
        expect(parsed.content).toBe('Body.\n');
      }),
      { numRuns: 1000, seed: 11 },
    );
  });
});

describe('page bodies (property)', () => {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  /** Tags that Markdown syntax written by the write stage may produce; anything else came from an input. */
  const ALLOWED = new Set(['P', 'A', 'UL', 'OL', 'LI', 'H2', 'H3', 'H4', 'EM', 'STRONG', 'BLOCKQUOTE', 'SUP', 'BR', 'HR', 'CODE', 'SPAN', 'SECTION', 'DIV', 'TIME', 'SMALL']);
  const hostile = fc.oneof(fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '<javascript:alert(1)>', '{{ 7*7 }}', '{% raw %}', '---', '<a href="javascript:x">y</a>', '![i](javascript:x)', '[r]: javascript:x'), fc.string({ maxLength: 40 }));
  const text = fc.array(hostile, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));

  it('never renders a tag, an event handler or a non-http URL that an article brought in', () => {
    const base = loadFixtureDigest();
    fc.assert(
      fc.property(text, text, text, (title, paragraph, publisher) => {
        const digest: Digest = {
          ...base,
          articles: base.articles.map((a, i) => (i === 0 ? { ...a, title, publisher, standfirst: paragraph, paragraphs: [paragraph, title], text: `${paragraph}\n\n${title}` } : a)),
        };
        for (const [file, content] of buildContentFiles(digest)) {
          if (!file.endsWith('.md')) continue;
          const html = md.render(matter(content, {}).content);
          const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
          for (const el of document.body.querySelectorAll('*')) {
            expect(ALLOWED.has(el.tagName), `${file}: <${el.tagName}> from ${html}`).toBe(true);
            for (const attr of el.attributes) expect(attr.name, file).not.toMatch(/^on/i);
            const href = el.getAttribute('href');
            if (href !== null) expect(href, file).toMatch(/^(https?:\/\/|\/|#)/);
          }
        }
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});
