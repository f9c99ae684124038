// Stored features: what the worker threads compute and the cache keeps must group exactly as features computed afresh.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { extractFeatures, loadFeatures, storeFeatures, TermDictionary, type StoredFeatures } from '../../src/group/features.js';
import { groupArticles, type GroupOptions } from '../../src/group/index.js';
import { makeArticle, readSeeds } from './make-article.js';

const OPTIONS: GroupOptions = { ...DEFAULT_CONFIG.grouping, singleStory: false };
const articles = [
  ...readSeeds().values(),
  makeArticle('x/other.txt', 'Council approves new bike lanes\n\nThe council voted 7-2 on Tuesday, March 3, to add 12 km of bike lanes on Main Street.'),
  makeArticle('x/empty-ish.txt', 'Short\n\nOne line.'),
];
/** Through JSON, as the cache keeps them. */
const roundTrip = (f: StoredFeatures): StoredFeatures => JSON.parse(JSON.stringify(f)) as StoredFeatures;

describe('stored features', () => {
  it('load back to the features extracted afresh, term ids included', () => {
    const fresh = new TermDictionary();
    const loaded = new TermDictionary();
    for (const article of articles) {
      expect(loadFeatures(roundTrip(storeFeatures(article)), article, loaded)).toEqual(extractFeatures(article, fresh));
    }
    expect([...loaded.termId]).toEqual([...fresh.termId]);
  });

  it('give the same grouping as features computed in the group stage', () => {
    const stored = new Map(articles.map((a) => [a.id, roundTrip(storeFeatures(a))]));
    expect(groupArticles(articles, OPTIONS, stored)).toEqual(groupArticles(articles, OPTIONS));
  });

  it('keep shingle hashes of all 32 bits exactly', () => {
    const article = articles[0]!;
    const f = loadFeatures(roundTrip(storeFeatures(article)), article, new TermDictionary());
    expect(f.shingleSequence.length).toBeGreaterThan(50);
    expect(Math.max(...f.shingleSequence)).toBeGreaterThan(2 ** 31);
  });
});
