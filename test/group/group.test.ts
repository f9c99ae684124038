// Group stage: the seeds' three phone calls, stable ids, exactly-once membership, determinism.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { groupArticles, type GroupOptions, type Grouping } from '../../src/group/index.js';
import type { Article } from '../../src/model.js';
import { GROUP_FIXTURES, makeArticle, readArticle, readSeeds } from './make-article.js';

const OPTIONS: GroupOptions = { ...DEFAULT_CONFIG.grouping, singleStory: false };

function storiesByPrefix(grouping: Grouping, seeds: Map<string, Article>): string[][] {
  const prefix = new Map([...seeds].map(([p, a]) => [a.id, p]));
  return grouping.stories.map((s) => s.articleIds.map((id) => prefix.get(id) ?? id).sort()).sort((a, b) => a.join().localeCompare(b.join()));
}

function checkPartition(articles: readonly Article[], grouping: Grouping): void {
  const storyOf = new Map<string, string>();
  for (const s of grouping.stories) for (const id of s.articleIds) {
    expect(storyOf.has(id), `article ${id} in two stories`).toBe(false);
    storyOf.set(id, s.id);
  }
  expect([...storyOf.keys()].sort()).toEqual(articles.map((a) => a.id).sort());
  const topicOf = new Map<string, string>();
  for (const t of grouping.topics) for (const id of t.storyIds) {
    expect(topicOf.has(id), `story ${id} in two topics`).toBe(false);
    topicOf.set(id, t.id);
  }
  expect([...topicOf.keys()].sort()).toEqual(grouping.stories.map((s) => s.id).sort());
  expect(new Set(grouping.stories.map((s) => s.id)).size).toBe(grouping.stories.length);
  expect(new Set(grouping.topics.map((t) => t.id)).size).toBe(grouping.topics.length);
}

describe('groupArticles on the seeds', () => {
  const seeds = readSeeds();
  const articles = [...seeds.values()];
  const grouping = groupArticles(articles, OPTIONS);

  it('finds the three phone calls: Monday (000, 002), Wednesday (001, 003), February (004)', () => {
    expect(storiesByPrefix(grouping, seeds)).toEqual([['000', '002'], ['001', '003'], ['004']]);
  });

  it('puts the three calls in one topic', () => {
    expect(grouping.topics).toHaveLength(1);
    expect(grouping.topics[0]!.storyIds).toHaveLength(3);
  });

  it('keeps story and topic ids when an unrelated article joins or leaves', () => {
    const unrelated = [readArticle(GROUP_FIXTURES, 'council-bike-lanes.txt'), readArticle(GROUP_FIXTURES, 'phone-launch.txt')];
    const bigger = groupArticles([...articles, ...unrelated], OPTIONS);
    const smaller = groupArticles(articles.filter((a) => a.id !== seeds.get('004')!.id), OPTIONS);
    const ids = (g: Grouping) => g.stories.map((s) => s.id);
    for (const id of ids(grouping)) expect(ids(bigger)).toContain(id);
    expect(bigger.topics.map((t) => t.id)).toContain(grouping.topics[0]!.id);
    // The unrelated articles stay alone, each in its own story and topic.
    for (const a of unrelated) {
      const story = bigger.stories.find((s) => s.articleIds.includes(a.id))!;
      expect(story.articleIds).toEqual([a.id]);
      expect(bigger.topics.find((t) => t.storyIds.includes(story.id))!.storyIds).toEqual([story.id]);
    }
    const kept = grouping.stories.filter((s) => !s.articleIds.includes(seeds.get('004')!.id)).map((s) => s.id);
    for (const id of kept) expect(ids(smaller)).toContain(id);
  });

  it('is deterministic and independent of input order', () => {
    expect(groupArticles(articles, OPTIONS)).toEqual(grouping);
    expect(groupArticles([...articles].reverse(), OPTIONS)).toEqual(grouping);
    expect(groupArticles([articles[2]!, articles[4]!, articles[0]!, articles[3]!, articles[1]!], OPTIONS)).toEqual(grouping);
  });

  it('puts everything in one story and topic with singleStory', () => {
    const single = groupArticles(articles, { ...OPTIONS, singleStory: true });
    expect(single.stories).toHaveLength(1);
    expect(single.topics).toHaveLength(1);
    checkPartition(articles, single);
  });

  it('returns nothing for no articles', () => {
    expect(groupArticles([], OPTIONS)).toEqual({ stories: [], topics: [], duplicates: [] });
  });
});

describe('groupArticles on random small corpora', () => {
  // Sentences drawn from a few themes, so random corpora hold real near-duplicates as well as strangers.
  const SENTENCES = [
    'The city council voted on Tuesday to build new bike lanes along Main Street.',
    'Councillor Maria Okafor said the lanes would cost about 1.4 million dollars.',
    'Shop owners asked the council to keep loading bays near the market square.',
    'Lumio unveiled a folding phone with a battery that lasts seven days.',
    'Chief executive Anneli Virtanen said the phone goes on sale in 14 countries.',
    'Analysts said independent tests must confirm the battery claim first.',
    'Heavy rain flooded roads across the northern valley on Sunday morning.',
    'Emergency crews rescued twelve people from cars stranded in the water.',
    'The weather service warned that more storms were expected this week.',
  ];
  const corpus = fc.array(fc.array(fc.integer({ min: 0, max: SENTENCES.length - 1 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 });

  it('puts every article in exactly one story and every story in exactly one topic', () => {
    fc.assert(
      fc.property(corpus, fc.boolean(), (docs, singleStory) => {
        const articles = docs.map((picks, i) => makeArticle(`doc-${i}.txt`, `Report ${i}\n\n${picks.map((k) => SENTENCES[k]).join('\n\n')}`));
        const grouping = groupArticles(articles, { ...OPTIONS, singleStory });
        checkPartition(articles, grouping);
        expect(groupArticles([...articles].reverse(), { ...OPTIONS, singleStory })).toEqual(grouping);
      }),
      { numRuns: 60 },
    );
  });
});

describe('shingleDfCap', () => {
  it('is 30 articles up to 30,000 and a thousandth of the run above', async () => {
    const { shingleDfCap } = await import('../../src/group/score.js');
    expect([10, 1061, 30_000, 30_001, 100_000].map(shingleDfCap)).toEqual([30, 30, 30, 31, 100]);
  });
});
