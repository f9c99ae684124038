// Front matter: hostile titles survive gray-matter's stringify → parse unchanged, and bodies never open a fence.
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { buildContentFiles, renderPage } from '../../src/write/index.js';
import { HOSTILE, hostileDigest, loadFixtureDigest } from './fixtures.js';

const HOSTILE_TITLES = [
  'He said "no": the end',
  "It's a 'quote'",
  'key: value',
  '---',
  '--- \n---',
  'line one\nline two',
  '  leading and trailing  ',
  '- list item',
  '? complex key',
  '[flow, sequence]',
  '{flow: mapping}',
  '&anchor *alias',
  '!!binary AAAA',
  '!tag value',
  '# comment',
  '@at `backtick`',
  '%YAML 1.2',
  '| literal',
  '> folded',
  'yes',
  'no',
  'null',
  '~',
  '1e3',
  '0x1F',
  '2024-03-04',
  '12:30:00',
  '',
  ' ',
  '\t',
  'tab\tinside',
  'unicode ✓ — “curly” \u2028 line separator',
  '\u0007 bell',
  ...Object.values(HOSTILE),
];

function parse(text: string): matter.GrayMatterFile<string> {
  // An options object turns off gray-matter's cache keyed by content.
  return matter(text, {});
}

describe('front matter', () => {
  it.each(HOSTILE_TITLES.map((t) => [JSON.stringify(t), t]))('round-trips title %s', (_label, title) => {
    const text = renderPage({ file: 'x.md', data: { layout: 'story.njk', title, date: '2024-03-04', permalink: '/x/' }, body: 'Body.' });
    const parsed = parse(text);
    expect(parsed.data['title']).toBe(title);
    expect(parsed.data['date']).toBe('2024-03-04');
    expect(parsed.content).toBe('Body.\n');
  });

  it('round-trips every page of a hostile digest, nested values included', () => {
    for (const [file, text] of buildContentFiles(hostileDigest())) {
      if (!file.endsWith('.md')) continue;
      const parsed = parse(text);
      expect(typeof parsed.data['title'], file).toBe('string');
      expect(typeof parsed.data['permalink'], file).toBe('string');
      expect(typeof parsed.data['layout'], file).toBe('string');
      // Dates stay strings (quoted), so YAML never turns them into timestamps.
      expect(parsed.data['date'], file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(parsed.content.trimStart().startsWith('---'), file).toBe(false);
      expect(text.startsWith('---\n'), file).toBe(true);
    }
  });

  it('writes titles on one line, so a story title never breaks the page header', () => {
    const digest = loadFixtureDigest();
    const first = digest.stories[0];
    if (!first) throw new Error('fixture has no story');
    const files = buildContentFiles({ ...digest, stories: [{ ...first, title: 'Two\nlines  here' }, ...digest.stories.slice(1)] });
    const page = files.get(`stories/${first.id}.md`);
    expect(page).toBeDefined();
    expect(parse(page ?? '').data['title']).toBe('Two lines here');
  });

  it('gives every page an explicit date from the data, or the fixed epoch', () => {
    const files = buildContentFiles(loadFixtureDigest());
    const dates = Object.fromEntries([...files].filter(([f]) => f.endsWith('.md')).map(([f, t]) => [f, parse(t).data['date']]));
    expect(dates).toEqual({
      '404.md': '1970-01-01',
      'articles/bridge-repairs-could-take-months-d4e5f6.md': '2024-03-05',
      'articles/ferry-service-doubled-during-closure-0a0b0c.md': '2024-03-05',
      'articles/harbour-bridge-closed-after-crack-found-a1b2c3.md': '2024-03-04',
      'articles/library-extends-weekend-hours-778899.md': '1970-01-01',
      'days.md': '2024-03-04',
      'days/2024-03-04.md': '2024-03-04',
      // The stories with no date have no day: their list takes the fixed epoch.
      'days/undated.md': '1970-01-01',
      'entities.md': '2024-03-04',
      'feeds/atom.md': '2024-03-04',
      'feeds/days-atom.md': '2024-03-04',
      'feeds/days-json.md': '2024-03-04',
      'feeds/json.md': '2024-03-04',
      'feeds/opml.md': '1970-01-01',
      'feeds/robots.md': '1970-01-01',
      'feeds/sitemap.md': '1970-01-01',
      'index.md': '2024-03-04',
      'search.md': '1970-01-01',
      'sources.md': '2024-03-04',
      'sources/coast-news-dfd386.md': '2024-03-04',
      'sources/harbour-gazette-810737.md': '2024-03-04',
      'sources/the-daily-tide-301301.md': '2024-03-04',
      'stories/library-opens-on-sundays-def456.md': '1970-01-01',
      'stories/old-harbour-bridge-closed-for-repairs-abc123.md': '2024-03-04',
      'stories.md': '2024-03-04',
      'topics.md': '2024-03-04',
    });
  });
});
