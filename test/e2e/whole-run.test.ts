// Whole-run golden: seeds/ in, the whole content/ tree out, byte for byte; and two runs are identical.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { preprocess } from '../../src/pipeline.js';
import { expectGolden, listFiles, ROOT, SEEDS } from '../helpers.js';

const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'golden', 'seeds-content');

function tree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

describe('preprocess over seeds/', () => {
  let first: Map<string, string>;
  let second: Map<string, string>;
  beforeAll(async () => {
    const options = { singleStory: false, summaryWords: DEFAULT_CONFIG.summaryWords };
    const a = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-run-a-'));
    const b = fs.mkdtempSync(path.join(os.tmpdir(), 'roundup-run-b-'));
    await preprocess(SEEDS, path.join(a, 'content'), DEFAULT_CONFIG, options);
    await preprocess(SEEDS, path.join(b, 'content'), DEFAULT_CONFIG, options);
    first = tree(path.join(a, 'content'));
    second = tree(path.join(b, 'content'));
  });

  it('is deterministic: two runs write byte-identical trees', () => {
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, text] of first) expect(second.get(file), file).toBe(text);
  });

  it('matches the golden content tree', () => {
    const listing = [...first.keys()].join('\n') + '\n';
    expectGolden(path.join(GOLDEN, 'FILES.txt'), listing);
    for (const [file, text] of first) expectGolden(path.join(GOLDEN, file + '.golden'), text);
  });

  it('puts every seed in the digest, each article in one story and each story in one topic', () => {
    const digest = JSON.parse(first.get('_data/digest.json') ?? '{}');
    const seeds = fs.readdirSync(SEEDS).sort();
    expect(digest.articles.map((a: { file: string }) => a.file).sort()).toEqual(seeds);
    const inStories = digest.stories.flatMap((s: { articleIds: string[] }) => s.articleIds).sort();
    expect(inStories).toEqual(digest.articles.map((a: { id: string }) => a.id).sort());
    const inTopics = digest.topics.flatMap((t: { storyIds: string[] }) => t.storyIds).sort();
    expect(inTopics).toEqual(digest.stories.map((s: { id: string }) => s.id).sort());
    for (const a of digest.articles) expect(a.title).not.toMatch(/ASHARQ|News World|\|/);
  });

  it("puts Josh Earnest's quotes under the name most sources give him", () => {
    const digest = JSON.parse(first.get('_data/digest.json') ?? '{}');
    const speakers: string[] = digest.stories.flatMap((s: { quotes: { speaker: string }[] }) => s.quotes.map((q) => q.speaker));
    expect(speakers).toContain('Josh Earnest');
    expect(speakers).not.toContain('John Earnest');
  });
});
