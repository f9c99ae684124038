// Grouping in a large run: a key held by hundreds of articles (one story reprinted hundreds of times) must
// still find partners, and the copies must not take every partner slot from the reports that are not copies.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { candidatePairs } from '../../src/group/candidates.js';
import { groupArticles, type GroupOptions } from '../../src/group/index.js';
import type { Article } from '../../src/model.js';
import { makeArticle, readSeeds } from './make-article.js';

const OPTIONS: GroupOptions = { ...DEFAULT_CONFIG.grouping, singleStory: false };

/** Connected components of `n` items under `pairs`. */
function components(n: number, pairs: readonly (readonly [number, number])[]): number {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const [a, b] of pairs) parent[find(a)] = find(b);
  return new Set(parent.map((_, i) => find(i))).size;
}

describe('candidatePairs on a key held by many items', () => {
  const n = 1000;
  const items = Array.from({ length: n }, (_, i) => ['common', `own-${i}`]);

  it('chains the holders of a key over the cap: every item meets a few, all are connected', () => {
    const pairs = candidatePairs(items, () => 1, { dfCap: 10, maxShare: 1, perItem: 25 });
    expect(components(n, pairs)).toBe(1);
    const degree = new Array<number>(n).fill(0);
    for (const [a, b] of pairs) {
      degree[a]!++;
      degree[b]!++;
    }
    // Each item proposes at most dfCap neighbours and is proposed by at most as many: never all 999.
    expect(Math.max(...degree)).toBeLessThanOrEqual(20);
    expect(pairs.length).toBeLessThan(n * 10);
  });

  it('proposes nothing from a key held by more than maxShare of the items', () => {
    expect(candidatePairs(items, () => 1, { dfCap: 10, maxShare: 0.5, perItem: 25 })).toEqual([]);
  });

  it('pairs every holder of a key within the cap', () => {
    const small = Array.from({ length: 8 }, () => ['k']);
    expect(candidatePairs(small, () => 1, { dfCap: 10, maxShare: 0, perItem: 25 })).toHaveLength(28);
  });
});

/** A deterministic filler article of random words: unrelated to everything else. */
function filler(i: number, random: () => number): Article {
  const words = Array.from({ length: 70 }, () => `w${Math.floor(random() * 50_000).toString(36)}`);
  return makeArticle(`filler/${i}.txt`, `Filler ${words.slice(0, 6).join(' ')}\n\n${words.join(' ')}.`);
}

describe('groupArticles with one report copied 150 times among 7,500 articles', () => {
  let seed = 7;
  const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const seeds = readSeeds();
  const copies = Array.from({ length: 150 }, (_, k) => makeArticle(`copies/${k}.txt`, `${seeds.get('001')!.title}\n\n${seeds.get('001')!.paragraphs.join('\n\n')}`));
  const articles = [...seeds.values(), ...copies, ...Array.from({ length: 7_400 }, (_, i) => filler(i, random))];
  const grouping = groupArticles(articles, OPTIONS);
  const storyOf = new Map(grouping.stories.flatMap((s) => s.articleIds.map((id) => [id, s.id] as const)));

  it('finds all 151 copies as one set, though every key they share is over the cap', () => {
    const set = grouping.duplicates.find((d) => d.canonicalId === seeds.get('001')!.id || d.duplicateIds.includes(seeds.get('001')!.id));
    expect(set).toBeDefined();
    expect(set!.duplicateIds.length + 1).toBe(151);
  });

  it('still puts the other report of the same call (003) in the copies\' story, and keeps the Monday call apart', () => {
    expect(storyOf.get(seeds.get('003')!.id)).toBe(storyOf.get(seeds.get('001')!.id));
    expect(storyOf.get(seeds.get('000')!.id)).toBe(storyOf.get(seeds.get('002')!.id));
    expect(storyOf.get(seeds.get('000')!.id)).not.toBe(storyOf.get(seeds.get('001')!.id));
  });
});
