// The per-article stages in worker threads and through the cache: the same articles as one thread, and a
// rebuild that redoes only what changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countCorpusLines } from '../../src/clean/index.js';
import { loadProfiles } from '../../src/clean/profiles.js';
import { ingestFolder } from '../../src/ingest/index.js';
import type { RawArticle } from '../../src/model.js';
import { corpusSlice } from '../../src/work/slice.js';
import { processArticles, type ArticleStageOptions } from '../../src/work/articles.js';
import { Cache } from '../../src/work/cache.js';
import { SEEDS } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-work-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const MENU = ['Home', 'World', 'Sport', 'Share this article'];
const SENTENCES = [
  'The council voted on Monday to close the harbour bridge for repairs expected to take six months, a spokeswoman said.',
  'Engineers found cracks in two supporting beams during a routine inspection last month, according to a council report.',
  'Commuters will have to use the ferry or a long detour while the work goes on, and shops fear losing customers.',
  'The mayor said the city had no choice after the inspection and promised to publish weekly updates on the repairs.',
];

/** The seeds plus `n` generated pages sharing a menu (so the corpus-repeated rule has work to do). */
function corpus(n: number): RawArticle[] {
  const raws = [...ingestFolder(SEEDS).raws];
  for (let i = 0; i < n; i++) {
    const body = SENTENCES.map((s, k) => s.replace('Monday', `day ${i}`).replace('six', String(k + i))).join('\n\n');
    const text = `${MENU.join('\n')}\nBridge story number ${i}\n${body}\nShare this article\n`;
    raws.push({ file: `gen/${String(i).padStart(3, '0')}.txt`, format: 'text', text, declared: { title: null, publisher: null, date: null, url: null, byline: null, language: null, candidates: [] }, hash: `h${i}` });
  }
  return raws;
}

const base = (extra: Partial<ArticleStageOptions> = {}): ArticleStageOptions => ({
  profiles: loadProfiles([]),
  disabledRules: [],
  jobs: 1,
  cache: null,
  version: 'test',
  ...extra,
});

describe('processArticles', () => {
  const raws = corpus(60);
  const stats = countCorpusLines(raws.map((r) => r.text));

  it('gives the same outcomes, in input order, in two worker threads as in this one', async () => {
    const one = await processArticles(raws, stats, base());
    const two = await processArticles(raws, stats, base({ jobs: 2, minForWorkers: 0 }));
    expect(two.threads).toBe(2);
    expect(one.threads).toBe(1);
    expect(two.outcomes).toEqual(one.outcomes);
    expect(one.outcomes.map((o) => o.article?.file ?? o.diagnostic?.file)).toEqual(raws.map((r) => r.file));
    // The menu lines are on every generated page: dropped as furniture, in both.
    expect(one.outcomes.filter((o) => o.article?.text.includes('Share this article'))).toEqual([]);
  });

  it('reads unchanged articles from the cache and redoes only a changed one', async () => {
    const cache = new Cache(path.join(tmp, 'cache'));
    const first = await processArticles(raws, stats, base({ cache }));
    expect(first.cached).toBe(0);
    const again = await processArticles(raws, stats, base({ cache }));
    expect(again.cached).toBe(raws.length);
    expect(again.outcomes).toEqual(first.outcomes);

    const changed = raws.map((r) => (r.file === 'gen/007.txt' ? { ...r, text: r.text.replace('The mayor said', 'The deputy mayor said'), hash: 'h7b' } : r));
    const third = await processArticles(changed, countCorpusLines(changed.map((r) => r.text)), base({ cache }));
    expect(third.cached).toBe(raws.length - 1);
    expect(third.outcomes.find((o) => o.article?.file === 'gen/007.txt')?.article?.text).toContain('The deputy mayor said');
    expect(third.outcomes.filter((o) => o.article?.text.includes('deputy'))).toHaveLength(1);

    // A new version of the code (or settings) is a new key for everything.
    const other = await processArticles(raws, stats, base({ cache, version: 'test-2' }));
    expect(other.cached).toBe(0);
  });

  it('keeps cache keys when an unrelated article joins the run (the file count changes, no decision does)', async () => {
    const more = corpus(61);
    const slice = (r: RawArticle, all: RawArticle[]) => corpusSlice(r.text, countCorpusLines(all.map((x) => x.text)));
    const before = slice(raws[10]!, raws);
    const after = slice(more[10]!, more);
    expect(after.files).toBe(before.files + 1);
    expect([...after.lineFiles.keys()].sort()).toEqual([...before.lineFiles.keys()].sort());
    const cache = new Cache(path.join(tmp, 'cache-join'));
    await processArticles(raws, stats, base({ cache }));
    const joined = await processArticles(more, countCorpusLines(more.map((r) => r.text)), base({ cache }));
    expect(joined.cached).toBe(raws.length);
  });

  it('fills the cache from the worker threads as from this one', async () => {
    const cache = new Cache(path.join(tmp, 'cache-workers'));
    const threaded = await processArticles(raws, stats, base({ cache, jobs: 2, minForWorkers: 0 }));
    expect(threaded.threads).toBe(2);
    const again = await processArticles(raws, stats, base({ cache }));
    expect(again.cached).toBe(raws.length);
    expect(again.outcomes).toEqual(threaded.outcomes);
  });

  it('prunes what a run did not use, and other generations whole', async () => {
    const dir = path.join(tmp, 'cache-gen');
    const old = new Cache(dir, 'gen-a');
    await processArticles(raws, stats, base({ cache: old }));
    const now = new Cache(dir, 'gen-b');
    const some = raws.slice(0, 5);
    await processArticles(some, countCorpusLines(some.map((r) => r.text)), base({ cache: now }));
    await processArticles(raws.slice(0, 3), countCorpusLines(raws.slice(0, 3).map((r) => r.text)), base({ cache: now }));
    now.prune(['articles']);
    const left = (gen: string): string[] => {
      const root = path.join(dir, 'v1', gen, 'articles');
      return fs.existsSync(root) ? fs.readdirSync(root).flatMap((sub) => fs.readdirSync(path.join(root, sub))) : [];
    };
    // Only the entries of gen-b that either run touched remain (the two runs of this Cache object);
    // gen-a's folder goes to a trash sibling at once.
    expect(left('gen-a')).toEqual([]);
    expect(left('gen-b').length).toBeGreaterThan(0);
    expect(left('gen-b').length).toBeLessThanOrEqual(5);
  });

  it('treats a torn cache entry as a miss', async () => {
    const cache = new Cache(path.join(tmp, 'cache-torn'));
    const first = await processArticles(raws.slice(0, 3), stats, base({ cache }));
    const file = cache.file('articles', first.keys[0]!);
    fs.writeFileSync(file, '{"article": {"id"');
    const again = await processArticles(raws.slice(0, 3), stats, base({ cache }));
    expect(again.cached).toBe(2);
    expect(again.outcomes).toEqual(first.outcomes);
  });
});

describe('the index of line keys in the cache', () => {
  it('gives the digest of a run without it, and follows a changed file', async () => {
    const { preprocess } = await import('../../src/pipeline.js');
    const { DEFAULT_CONFIG } = await import('../../src/config.js');
    const { cacheFor } = await import('../../src/work/cache.js');
    const seeds = path.join(tmp, 'lines-seeds');
    fs.cpSync(SEEDS, seeds, { recursive: true });
    const run = async (cacheDir: string | null) =>
      (await preprocess(seeds, path.join(tmp, 'lines-content', String(cacheDir !== null)), DEFAULT_CONFIG, { singleStory: false, summaryWords: 120, cacheDir, jobs: 1 })).digest;
    const cacheDir = path.join(tmp, 'lines-cache');
    const index = (): Record<string, string[]> => JSON.parse(fs.readFileSync(cacheFor(cacheDir, seeds).file('corpus', 'lines-index'), 'utf8')) as Record<string, string[]>;
    const plain = await run(null);
    expect(await run(cacheDir)).toEqual(plain);
    expect(Object.keys(index())).toHaveLength(fs.readdirSync(seeds).length);
    // From the index this time: the same digest.
    expect(await run(cacheDir)).toEqual(plain);
    const file = path.join(seeds, fs.readdirSync(seeds).sort()[0]!);
    const before = new Set(Object.keys(index()));
    fs.appendFileSync(file, '\nA closing paragraph added later, long enough to be kept as part of the article text.\n');
    const changed = await run(cacheDir);
    const after = Object.keys(index());
    expect(after.filter((h) => !before.has(h))).toHaveLength(1);
    expect(after).toHaveLength(before.size);
    expect(changed).toEqual(await run(null));
  }, 120_000);
});
