// The write stage on disk: the content tree it produces, byte-for-byte determinism, and atomic replacement.
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { settledEntries } from '../helpers.js';
import type { Digest } from '../../src/model.js';
import { buildPages, writeContent } from '../../src/write/index.js';
import { loadFixtureDigest, makeTempDir, readTree } from './fixtures.js';

const tmp = makeTempDir('write');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('writeContent', () => {
  it('writes one page per story, topic, article, publisher and shared name, the lists, feeds and digest.json', () => {
    const dir = path.join(tmp, 'layout', 'content');
    writeContent(loadFixtureDigest(), dir);
    expect([...readTree(dir).keys()]).toEqual([
      '.roundup-output',
      '404.md',
      '_data/digest.json',
      '_data/site.json',
      'articles/bridge-repairs-could-take-months-d4e5f6.md',
      'articles/ferry-service-doubled-during-closure-0a0b0c.md',
      'articles/harbour-bridge-closed-after-crack-found-a1b2c3.md',
      'articles/library-extends-weekend-hours-778899.md',
      'days/2024-03-04.md',
      'days/undated.md',
      'days.md',
      'entities.md',
      'feeds/atom.md',
      'feeds/days-atom.md',
      'feeds/days-json.md',
      'feeds/json.md',
      'feeds/opml.md',
      'feeds/robots.md',
      'feeds/sitemap.md',
      'index.md',
      'search.md',
      'sources/coast-news-dfd386.md',
      'sources/harbour-gazette-810737.md',
      'sources/the-daily-tide-301301.md',
      'sources.md',
      'stories/library-opens-on-sundays-def456.md',
      'stories/old-harbour-bridge-closed-for-repairs-abc123.md',
      'stories.md',
      'topics.md',
    ]);
  });

  it('writes the whole digest as digest.json, keys in model order', () => {
    const dir = path.join(tmp, 'json', 'content');
    const digest = loadFixtureDigest();
    writeContent(digest, dir);
    const text = fs.readFileSync(path.join(dir, '_data', 'digest.json'), 'utf8');
    expect(text).toBe(JSON.stringify(digest, null, 2) + '\n');
    const parsed = JSON.parse(text) as Digest;
    expect(Object.keys(parsed)).toEqual(['site', 'articles', 'stories', 'topics', 'diagnostics']);
    expect(parsed.stories.map((s) => s.id)).toEqual(digest.stories.map((s) => s.id));
  });

  it('numbers a story page\'s citations to match its source list', () => {
    const dir = path.join(tmp, 'cites', 'content');
    writeContent(loadFixtureDigest(), dir);
    const page = matter(fs.readFileSync(path.join(dir, 'stories', 'old-harbour-bridge-closed-for-repairs-abc123.md'), 'utf8'), {});
    const sources = page.data['sources'] as { number: number; url: string }[];
    expect(sources.map((s) => s.number)).toEqual([1, 2, 3]);
    // Sentence 2 is carried by the second article only: its citation is [2] and links that article.
    expect(page.content).toContain(`three months\\.[\\[2\\]](${sources[1]?.url} "Coast News")`);
    const coverage = page.data['coverage'] as { singleSource: boolean; label: string };
    expect(coverage).toMatchObject({ singleSource: false, label: '3 articles from 3 publishers' });
    const single = matter(fs.readFileSync(path.join(dir, 'stories', 'library-opens-on-sundays-def456.md'), 'utf8'), {});
    expect(single.data['coverage']).toMatchObject({ singleSource: true, label: '1 article from 1 publisher' });
  });

  it('is deterministic: the same digest gives byte-identical trees', () => {
    const a = path.join(tmp, 'det-a', 'content');
    const b = path.join(tmp, 'det-b', 'content');
    writeContent(loadFixtureDigest(), a);
    writeContent(loadFixtureDigest(), b);
    writeContent(loadFixtureDigest(), b);
    expect(readTree(b)).toEqual(readTree(a));
  });

  it('replaces the old tree wholesale: pages of stories that are gone disappear', async () => {
    const dir = path.join(tmp, 'replace', 'content');
    const digest = loadFixtureDigest();
    writeContent(digest, dir);
    fs.writeFileSync(path.join(dir, 'stale.md'), 'stale');
    writeContent({ ...digest, stories: digest.stories.slice(0, 1) }, dir);
    const files = [...readTree(dir).keys()];
    expect(files).not.toContain('stale.md');
    expect(files).not.toContain('stories/library-opens-on-sundays-def456.md');
    expect(await settledEntries(path.dirname(dir))).toEqual(['content']);
  });

  it('leaves the previous tree whole when a run fails', async () => {
    const dir = path.join(tmp, 'fail', 'content');
    const digest = loadFixtureDigest();
    writeContent(digest, dir);
    const before = readTree(dir);
    const first = digest.articles[0];
    if (!first) throw new Error('fixture has no article');
    const broken: Digest = { ...digest, articles: [{ ...first, id: '../escape' }, ...digest.articles.slice(1)] };
    expect(() => writeContent(broken, dir)).toThrow(/unsafe article id/);
    expect(readTree(dir)).toEqual(before);
    expect(await settledEntries(path.dirname(dir))).toEqual(['content']);
  });
});

describe('buildPages', () => {
  it('leads the home page with the latest edition; with no date, with the stories that have most articles', () => {
    const digest = loadFixtureDigest();
    const edition = (d: Digest): { heading: string; titles: string[] } => {
      const home = buildPages(d).find((p) => p.file === 'index.md');
      const view = home?.data['edition'] as { heading: string; groups: { stories: { title: string }[] }[] };
      return { heading: view.heading, titles: view.groups.flatMap((g) => g.stories.map((s) => s.title)) };
    };
    // The bridge story began on 4 March; the library story has no date, so it is in no edition.
    expect(edition(digest)).toEqual({ heading: 'Monday 4 March 2024', titles: ['Old Harbour Bridge closed for repairs'] });
    const undated: Digest = {
      ...digest,
      articles: digest.articles.map((a) => ({ ...a, date: null })),
      stories: digest.stories.map((s) => ({ ...s, date: null })).reverse(),
    };
    expect(edition(undated)).toEqual({ heading: 'Latest stories', titles: ['Old Harbour Bridge closed for repairs', 'Library opens on Sundays'] });
    const libraryNewer = { ...digest, stories: digest.stories.map((s) => ({ ...s, date: s.date === null ? '2024-04-01' : s.date })) };
    expect(edition(libraryNewer)).toEqual({ heading: 'Monday 1 April 2024', titles: ['Library opens on Sundays'] });
  });
});
