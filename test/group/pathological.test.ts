// Group and summarize on pathological inputs finish quickly and keep their contracts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { groupArticles } from '../../src/group/index.js';
import { summarizeStory } from '../../src/summarize/index.js';
import { makeArticle } from './make-article.js';

const OPTIONS = { ...DEFAULT_CONFIG.grouping, singleStory: false };
const SUMMARY = { summaryWords: 120, topicSummaryWords: 160 };
const sentence = 'The harbour council voted again on the old bridge repairs today.';

describe('pathological inputs', () => {
  const cases = [
    makeArticle('identical-lines.txt', `Same line\n\n${Array.from({ length: 10_000 }, () => sentence).join('\n\n')}`),
    makeArticle('one-line.txt', `No breaks\n\n${'word '.repeat(200_000)}`),
    makeArticle('no-punctuation.txt', `Run on\n\n${Array.from({ length: 20_000 }, (_, i) => `token${i % 977}`).join(' ')}`),
    makeArticle('binary.txt', `Binary\n\n${String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 37) % 256))}`),
    makeArticle('empty.txt', 'Only a title'),
  ];

  it('groups them, each in exactly one story, within a few seconds', { timeout: 20_000 }, () => {
    const grouping = groupArticles(cases, OPTIONS);
    expect(grouping.stories.flatMap((s) => s.articleIds).sort()).toEqual(cases.map((a) => a.id).sort());
  });

  it('summarises each within budget, within a few seconds', { timeout: 20_000 }, () => {
    for (const article of cases) {
      const s = summarizeStory([article], SUMMARY);
      expect(s.summary.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(120);
    }
    const s = summarizeStory(cases, SUMMARY);
    expect(s.summary.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(120);
  });
});
