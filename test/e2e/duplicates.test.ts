// A file saved twice changes nothing but the list of copies: same stories, same source counts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { Digest } from '../../src/model.js';
import { preprocess } from '../../src/pipeline.js';
import { SEEDS } from '../helpers.js';

async function run(extra: Record<string, string>): Promise<Digest> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-dup-'));
  fs.cpSync(SEEDS, path.join(dir, 'seeds'), { recursive: true });
  for (const [name, from] of Object.entries(extra)) fs.copyFileSync(path.join(SEEDS, from), path.join(dir, 'seeds', name));
  return (await preprocess(path.join(dir, 'seeds'), path.join(dir, 'content'), DEFAULT_CONFIG, { singleStory: false, summaryWords: 120 })).digest;
}

const filesOf = (d: Digest, ids: readonly string[]): string[] => ids.map((id) => d.articles.find((a) => a.id === id)?.file ?? id).sort();

describe('a seed saved twice', () => {
  let plain: Digest;
  let doubled: Digest;
  beforeAll(async () => {
    plain = await run({});
    doubled = await run({ 'zz-copy-of-001.txt': '001_cc39000ba7115282.txt' });
  });

  it('keeps the copy in the digest, recorded as a copy of the original', () => {
    expect(doubled.articles).toHaveLength(plain.articles.length + 1);
    expect(doubled.duplicates.map((d) => [filesOf(doubled, [d.canonicalId]), filesOf(doubled, d.duplicateIds)])).toEqual([
      [['001_cc39000ba7115282.txt'], ['zz-copy-of-001.txt']],
    ]);
  });

  it('groups the seeds into the same stories, the copy beside its original', () => {
    const stories = (d: Digest): string[][] => d.stories.map((s) => filesOf(d, s.articleIds).filter((f) => !f.startsWith('zz-'))).sort();
    expect(stories(doubled)).toEqual(stories(plain));
    const withCopy = doubled.stories.find((s) => filesOf(doubled, s.articleIds).includes('zz-copy-of-001.txt'));
    expect(filesOf(doubled, withCopy?.articleIds ?? [])).toEqual(['001_cc39000ba7115282.txt', '003_7d868c5bc2b8727c.txt', 'zz-copy-of-001.txt']);
  });

  it('does not count the copy as another source', () => {
    const counts = (d: Digest): number[] => d.stories.flatMap((s) => s.keyPoints.map((k) => k.sourceCount)).sort();
    expect(counts(doubled)).toEqual(counts(plain));
  });
});
