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
      'entities/ana-ruiz-c8e93f.md',
      'entities.md',
      'feeds/atom.md',
      'feeds/json.md',
      'feeds/opml.md',
      'feeds/robots.md',
      'feeds/sitemap.md',
      'feeds/topic-civic-services-t00002.md',
      'feeds/topic-harbour-transport-t00001.md',
      'index.md',
      'search.md',
      'sources/coast-news-dfd386.md',
      'sources/harbour-gazette-810737.md',
      'sources/the-daily-tide-301301.md',
      'sources.md',
      'stories/library-opens-on-sundays-def456.md',
      'stories/old-harbour-bridge-closed-for-repairs-abc123.md',
      'topics/civic-services-t00002.md',
      'topics/harbour-transport-t00001.md',
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
    const coverage = page.data['coverage'] as { singleSource: boolean; sourceCount: number };
    expect(coverage).toMatchObject({ singleSource: false, sourceCount: 3 });
    const single = matter(fs.readFileSync(path.join(dir, 'stories', 'library-opens-on-sundays-def456.md'), 'utf8'), {});
    expect(single.data['coverage']).toMatchObject({ singleSource: true, sourceCount: 1 });
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
  it('leads the home page with the newest story, then the one with more articles when dates tie', () => {
    const digest = loadFixtureDigest();
    const latestTitles = (d: Digest): string[] => {
      const home = buildPages(d).find((p) => p.file === 'index.md');
      return (home?.data['latest'] as { title: string }[]).map((s) => s.title);
    };
    expect(latestTitles(digest)).toEqual(['Old Harbour Bridge closed for repairs', 'Library opens on Sundays']);
    const undated = { ...digest, stories: digest.stories.map((s) => ({ ...s, date: null })).reverse() };
    expect(latestTitles(undated)).toEqual(['Old Harbour Bridge closed for repairs', 'Library opens on Sundays']);
    const libraryNewer = { ...digest, stories: digest.stories.map((s) => ({ ...s, date: s.date === null ? '2024-04-01' : s.date })) };
    expect(latestTitles(libraryNewer)).toEqual(['Library opens on Sundays', 'Old Harbour Bridge closed for repairs']);
  });
});
