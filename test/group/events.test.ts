// Stories are events: page furniture is no evidence, a follow-up days later is a new story of the same topic,
// unrelated articles never merge two stories, and the decision can be explained.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { averageLink } from '../../src/group/cluster.js';
import { featureInputs, type StoredFeatures } from '../../src/group/features.js';
import { groupArticles, storyPairsOf, type FeatureMemo, type GroupOptions, type Grouping } from '../../src/group/index.js';
import { STORY_FEATURES, storyModel } from '../../src/group/story-model.js';
import { GROUP_FIXTURES, makeArticle, readArticle, readSeeds } from './make-article.js';

const OPTIONS: GroupOptions = { ...DEFAULT_CONFIG.grouping, singleStory: false };
const EVENTS = path.join(GROUP_FIXTURES, 'events');

const storyOf = (g: Grouping, id: string) => g.stories.find((s) => s.articleIds.includes(id))!;
const topicOf = (g: Grouping, id: string) => g.topics.find((t) => t.storyIds.includes(storyOf(g, id).id))!;

describe('page furniture', () => {
  it('two pages of one site that share their navigation, title and footer but not their subject are two stories', () => {
    const laptop = readArticle(EVENTS, 'furniture-laptop.txt');
    const court = readArticle(EVENTS, 'furniture-court.txt');
    const g = groupArticles([laptop, court, ...readSeeds().values()], OPTIONS);
    expect(storyOf(g, laptop.id).articleIds).toEqual([laptop.id]);
    expect(storyOf(g, court.id).articleIds).toEqual([court.id]);
  });
});

describe('features remembered for pages whose furniture grouping leaves out', () => {
  it('give the same grouping, and a second run computes none of them again', () => {
    const laptop = readArticle(EVENTS, 'furniture-laptop.txt');
    const court = readArticle(EVENTS, 'furniture-court.txt');
    const corpus = [laptop, court, ...readSeeds().values()];
    const remembered = new Map<string, StoredFeatures>();
    let computed = 0;
    const memo: FeatureMemo = {
      get: (a) => remembered.get(featureInputs(a)),
      set: (a, f) => {
        computed++;
        remembered.set(featureInputs(a), f);
      },
    };
    const plain = groupArticles(corpus, OPTIONS);
    expect(groupArticles(corpus, OPTIONS, new Map(), memo)).toEqual(plain);
    expect(computed).toBeGreaterThanOrEqual(2);
    computed = 0;
    expect(groupArticles(corpus, OPTIONS, new Map(), memo)).toEqual(plain);
    expect(computed).toBe(0);
  });
});

describe('a follow-up days later', () => {
  const begins = readArticle(EVENTS, 'strike-begins.txt', { date: '2024-03-04' });
  const ends = readArticle(EVENTS, 'strike-ends.txt', { date: '2024-03-12' });
  const corpus = [begins, ends, ...readSeeds().values()];

  it('is a new story in the same topic', () => {
    const g = groupArticles(corpus, OPTIONS);
    expect(storyOf(g, begins.id).id).not.toBe(storyOf(g, ends.id).id);
    expect(topicOf(g, begins.id).id).toBe(topicOf(g, ends.id).id);
  });

  it('shares evidence with the first report (a candidate pair), which makes the topic, not the story', () => {
    const { articles, pairs } = storyPairsOf(corpus);
    const [a, b] = [articles.findIndex((x) => x.id === begins.id), articles.findIndex((x) => x.id === ends.id)].sort((x, y) => x - y);
    const pair = pairs.find((p) => p.a === a && p.b === b);
    expect(pair).toBeDefined();
    expect(pair!.evidence.names).toBeGreaterThan(0);
  });
});

describe('averageLink with a span limit', () => {
  it('never joins items further apart than the limit, even through a chain of close ones', () => {
    const edges = [
      { a: 0, b: 1, weight: 0.9 },
      { a: 1, b: 2, weight: 0.9 },
      { a: 0, b: 2, weight: 0.9 },
    ];
    expect(averageLink(3, edges, 0.5)).toEqual([0, 0, 0]);
    const labels = averageLink(3, edges, 0.5, { days: [0, 2, 4], maxDays: 3 });
    expect(labels[0]).not.toBe(labels[2]);
    // Unknown times fit anywhere.
    expect(averageLink(3, edges, 0.5, { days: [0, NaN, 3], maxDays: 3 })).toEqual([0, 0, 0]);
  });
});

describe('unrelated articles', () => {
  // Articles of made-up words: no shared name, passage or number with the seeds or with each other.
  const SYLLABLES = ['ka', 'lo', 'mi', 'zu', 'te', 'ran', 'vo', 'shi', 'pel', 'dor', 'quin', 'bas'];
  const word = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 4 }).map((s) => s.join(''));
  const sentence = fc.array(word, { minLength: 8, maxLength: 16 }).map((ws) => `${ws.join(' ')}.`);
  const article = fc.array(sentence, { minLength: 4, maxLength: 10 });

  it('never merge two stories of the seeds, nor join one', () => {
    const seeds = readSeeds();
    const base = groupArticles([...seeds.values()], OPTIONS);
    const partition = (g: Grouping) => base.stories.map((s) => storyOf(g, s.articleIds[0]!).articleIds.filter((id) => [...seeds.values()].some((a) => a.id === id)).sort());
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 8 }), (bodies) => {
        const extra = bodies.map((paragraphs, i) => makeArticle(`unrelated-${i}.txt`, `Notice ${i}\n\n${paragraphs.join('\n\n')}`));
        const g = groupArticles([...seeds.values(), ...extra], OPTIONS);
        expect(partition(g)).toEqual(base.stories.map((s) => [...s.articleIds].sort()));
        for (const s of base.stories) expect(storyOf(g, s.articleIds[0]!).articleIds.length).toBe(s.articleIds.length);
      }),
      { numRuns: 25 },
    );
  });
});

describe('the story model', () => {
  it('is a logistic regression over the named evidence, with its calibration stated', () => {
    const model = storyModel();
    expect(model.features).toEqual([...STORY_FEATURES]);
    expect(model.calibration).toMatch(/Held aside/);
    // Evidence of one source counts for the pair; shared background vocabulary counts against.
    const weight = (f: string) => model.weights[STORY_FEATURES.indexOf(f as (typeof STORY_FEATURES)[number])]!;
    expect(weight('shingles') + weight('passage')).toBeGreaterThan(0);
    expect(weight('background')).toBeLessThan(0);
  });
});
