// site.articleText "excerpt" end to end: `roundup build` over the seeds leaves no article's text beyond its lead
// anywhere in the site — pages, feeds, sitemap, the search index (its fragments decompressed) — while "full" has it;
// with excerpts no article has a page, and each story's sources show their leads.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/model.js';
import { listFiles, SEEDS } from '../helpers.js';
import { makeTemp, runCli } from '../cli/run.js';

const tmp = makeTemp('article-text');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A seed whose address and publisher are declared, so that its page can link the original. */
const DECLARED = `---
title: Harbour pilots strike over night shifts
publisher: Coast News
url: https://coast.example/pilots-strike
date: 2016-04-19
---
Harbour pilots walked out at midnight over a new roster of night shifts, leaving four cargo ships waiting at anchor.

The pilots union said members had worked eleven nights in a row during the winter storms and would not accept more.

Port managers said the roster had been agreed with the union in March and that talks would resume on Thursday morning.

A spokesman for the shipping line said two of the waiting vessels carried fresh produce bound for the northern markets.
`;

/** Every file of a site as text; the search index's fragments are gzip and decompressed first. */
function siteText(site: string): Map<string, string> {
  return new Map(listFiles(site).map((file) => {
    const bytes = fs.readFileSync(path.join(site, file));
    return [file, (file.endsWith('.pf_fragment') ? zlib.gunzipSync(bytes) : bytes).toString('utf8')];
  }));
}

/** A run of plain words (letters, digits, spaces) of a paragraph, long enough to be its own: survives any HTML escaping. */
function needleOf(paragraph: string): string | null {
  const runs = paragraph.match(/[A-Za-z0-9][A-Za-z0-9 ]{38,}[A-Za-z0-9]/g) ?? [];
  return runs.sort((a, b) => b.length - a.length)[0] ?? null;
}

function build(mode: 'full' | 'excerpt'): { site: string; digest: Digest } {
  const dir = path.join(tmp, mode);
  fs.cpSync(SEEDS, path.join(dir, 'seeds'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'seeds', 'zz-pilots.md'), DECLARED);
  fs.writeFileSync(path.join(dir, 'roundup.config.json'), JSON.stringify({ site: { articleText: mode } }));
  const r = runCli(['build', '--seeds', 'seeds', '--content', 'content', '--out', '_site', '--no-cache', '--quiet'], { cwd: dir, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`build failed (${r.status}): ${r.stderr}`);
  const digest = JSON.parse(fs.readFileSync(path.join(dir, 'content', '_data', 'digest.json'), 'utf8')) as Digest;
  return { site: path.join(dir, '_site'), digest };
}

describe('site.articleText through roundup build', () => {
  let full: Map<string, string>;
  let excerpt: Map<string, string>;
  let needles: { id: string; needle: string }[];
  beforeAll(() => {
    const a = build('full');
    const b = build('excerpt');
    full = siteText(a.site);
    excerpt = siteText(b.site);
    expect(b.digest.site.articleText).toBe('excerpt');
    // A plain run of words from each paragraph past an article's lead (its first, or second after a repeated
    // standfirst), unless a story, topic or key point quotes it or another article leads with it.
    const quoted = JSON.stringify([b.digest.stories, b.digest.topics, b.digest.articles.map((a) => [a.title, a.standfirst, a.paragraphs.slice(0, 2)])]);
    needles = b.digest.articles.flatMap((article) => article.paragraphs.slice(2).flatMap((p) => {
      const needle = needleOf(p);
      return needle === null || quoted.includes(needle) ? [] : [{ id: article.id, needle }];
    }));
  }, 600_000);

  it('has the text in article pages and the search index with full', () => {
    expect(needles.length).toBeGreaterThanOrEqual(20);
    for (const { id, needle } of needles) {
      expect(full.get(`articles/${id}/index.html`), id).toContain(needle);
    }
    const fragments = [...full].filter(([file]) => file.endsWith('.pf_fragment')).map(([, text]) => text).join('\n');
    expect(needles.filter(({ needle }) => fragments.includes(needle)).length).toBeGreaterThan(needles.length / 2);
  });

  it('leaves none of it anywhere in the site with excerpt, search index included', () => {
    const found = needles.flatMap(({ needle }) => [...excerpt].filter(([, text]) => text.includes(needle)).map(([file]) => `${file}: ${needle}`));
    expect(found).toEqual([]);
    expect([...excerpt.keys()].some((file) => file.endsWith('.pf_fragment'))).toBe(true);
    expect([...excerpt.keys()].filter((file) => /digest\.json$/.test(file))).toEqual([]);
  });

  it('gives no article a page, and shows each lead with its story\'s sources, linking the original where its address is known', () => {
    expect([...excerpt.keys()].filter((file) => file.startsWith('articles/'))).toEqual([]);
    expect([...excerpt.values()].filter((text) => text.includes('/articles/'))).toEqual([]);
    const pilots = [...excerpt].find(([file, text]) => file.startsWith('stories/') && text.includes('Harbour pilots walked out at midnight'));
    expect(pilots).toBeDefined();
    expect(pilots?.[1]).toContain('href="https://coast.example/pilots-strike" rel="nofollow noopener noreferrer">Harbour pilots strike over night shifts</a>');
    // The seeds' text dumps declare no address: their entries say so, and link nowhere outside.
    const entries = [...excerpt].filter(([file]) => /^stories\/[^/]+\/index\.html$/.test(file))
      .flatMap(([, text]) => text.match(/<li id="source-\d+"[\s\S]*?<\/li>/g) ?? []);
    const dumps = entries.filter((entry) => !entry.includes('coast.example'));
    expect(dumps.length).toBeGreaterThan(0);
    for (const entry of dumps) {
      expect(entry).toContain('original address not known');
      expect(entry).toMatch(/<p class="source-lead">[^<]{20,}<\/p>/);
    }
  });
});
