// Near-duplicates: one wire story run by three outlets plus a copy saved as text, and a follow-up on the same dam.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { compareCanonical, findDuplicates, isNearDuplicate } from '../../src/group/duplicates.js';
import { extractFeatures } from '../../src/group/features.js';
import { groupArticles, type GroupOptions } from '../../src/group/index.js';
import type { Article } from '../../src/model.js';
import { GROUP_FIXTURES, makeArticle, readSeeds, SEEDS_DIR } from './make-article.js';

const OPTIONS: GroupOptions = { ...DEFAULT_CONFIG.grouping, singleStory: false };
export const WIRE_FIXTURES = path.join(GROUP_FIXTURES, 'wire');

/** A fixture as an Article: `.md` front matter gives title, publisher and date; a `.txt` has the title on its first line. */
function readWire(file: string): Article {
  const text = fs.readFileSync(path.join(WIRE_FIXTURES, file), 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return makeArticle(file, text);
  const meta = new Map(m[1]!.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
  return makeArticle(file, `${meta.get('title')}\n\n${text.slice(m[0].length)}`, { publisher: meta.get('publisher') ?? null, date: meta.get('date') ?? null });
}

const FILES = ['coastline-press.md', 'coastline-press-saved-as-text.txt', 'daily-tide.md', 'harbour-gazette.md', 'harbour-gazette-repairs.md'];
const wire = new Map(FILES.map((f) => [f, readWire(f)]));
const id = (file: string): string => wire.get(file)!.id;
const articles = [...wire.values()];

describe('near-duplicates', () => {
  const grouping = groupArticles(articles, OPTIONS);

  it('finds the wire story run by three outlets and the copy saved as text, as one set', () => {
    expect(grouping.duplicates).toHaveLength(1);
    const set = grouping.duplicates[0]!;
    expect([set.canonicalId, ...set.duplicateIds].sort()).toEqual(
      [id('coastline-press.md'), id('coastline-press-saved-as-text.txt'), id('daily-tide.md'), id('harbour-gazette.md')].sort(),
    );
    expect(set.duplicateIds).toEqual([...set.duplicateIds].sort());
  });

  it('chooses the canonical copy by earliest date, then longest text: the dated Gazette copy with its dateline', () => {
    // Coastline Press and the Gazette are both dated 4 March; the Gazette's dateline makes its text longer.
    expect(grouping.duplicates[0]!.canonicalId).toBe(id('harbour-gazette.md'));
    const byRule = [...articles].sort(compareCanonical).map((a) => a.file);
    expect(byRule.slice(0, 3)).toEqual(['harbour-gazette.md', 'coastline-press.md', 'daily-tide.md']);
    // Same date and length: the first file path wins (ingest names the later one the copy), whichever comes first.
    const a = makeArticle('a.txt', 'Same title\n\nSame text.', { date: '2024-03-04' });
    const b = makeArticle('b.txt', 'Same title\n\nSame text.', { date: '2024-03-04' });
    expect([a, b].sort(compareCanonical)[0]).toBe(a);
    expect([b, a].sort(compareCanonical)[0]).toBe(a);
  });

  it('does not mark the follow-up on the same dam, which quotes one sentence of the wire story', () => {
    const followUp = id('harbour-gazette-repairs.md');
    expect(grouping.duplicates.flatMap((s) => [s.canonicalId, ...s.duplicateIds])).not.toContain(followUp);
    const f = (file: string) => extractFeatures(wire.get(file)!).shingles;
    expect(isNearDuplicate(f('harbour-gazette-repairs.md'), f('coastline-press.md'))).toBe(false);
    expect(isNearDuplicate(f('daily-tide.md'), f('coastline-press.md'))).toBe(true);
  });

  it('puts every copy in the canonical\'s story', () => {
    const set = grouping.duplicates[0]!;
    const story = grouping.stories.find((s) => s.articleIds.includes(set.canonicalId))!;
    for (const copy of set.duplicateIds) expect(story.articleIds).toContain(copy);
  });

  it('finds the same file read twice under two names', () => {
    const twice = [readWire('coastline-press.md'), makeArticle('copy/coastline-press.md', fs.readFileSync(path.join(WIRE_FIXTURES, 'coastline-press-saved-as-text.txt'), 'utf8'))];
    const g = groupArticles([...twice, wire.get('harbour-gazette-repairs.md')!], OPTIONS);
    expect(g.duplicates).toHaveLength(1);
    // The dated copy is canonical; the undated one is its duplicate.
    expect(g.duplicates[0]).toEqual({ canonicalId: twice[0]!.id, duplicateIds: [twice[1]!.id] });
  });

  it('judges only the candidate pairs it is given, never all pairs', () => {
    const copies = [wire.get('coastline-press.md')!, wire.get('daily-tide.md')!, wire.get('harbour-gazette.md')!];
    const shingles = copies.map((a) => extractFeatures(a).shingles);
    expect(findDuplicates(copies, shingles, [])).toEqual([]);
    // A chain of copies (0≈1, 1≈2) is one set, canonical by date then length: the Gazette (index 2).
    expect(findDuplicates(copies, shingles, [[0, 1], [1, 2]])).toEqual([{ canonical: 2, copies: [0, 1] }]);
  });

  it('is deterministic and independent of input order', () => {
    expect(groupArticles(articles, OPTIONS)).toEqual(grouping);
    expect(groupArticles([...articles].reverse(), OPTIONS)).toEqual(grouping);
    expect(groupArticles([articles[3]!, articles[0]!, articles[4]!, articles[2]!, articles[1]!], OPTIONS)).toEqual(grouping);
  });

  it('leaves the seeds\' stories as they were when any one seed is added again under another name', () => {
    const seeds = readSeeds();
    const seedArticles = [...seeds.values()];
    const storiesOf = (g: ReturnType<typeof groupArticles>, copyId: string) =>
      g.stories.map((s) => s.articleIds.filter((x) => x !== copyId).sort()).sort((x, y) => x.join().localeCompare(y.join()));
    const plain = storiesOf(groupArticles(seedArticles, OPTIONS), '');
    for (const [prefix, seed] of seeds) {
      const copy = makeArticle(`copies/${seed.file}`, fs.readFileSync(path.join(SEEDS_DIR, seed.file), 'utf8'));
      const g = groupArticles([...seedArticles, copy], OPTIONS);
      // Before copies were set aside from scoring, a copy of 001 or 003 raised its original's background and split 001 from 003.
      expect(storiesOf(g, copy.id), `copy of ${prefix}`).toEqual(plain);
      expect(g.duplicates.map((d) => d.duplicateIds), `copy of ${prefix}`).toEqual([[copy.id]]);
      expect(g.stories.find((s) => s.articleIds.includes(seed.id))!.articleIds).toContain(copy.id);
    }
  });

  it('finds no duplicates among the seeds (five different reports)', () => {
    expect(groupArticles([...readSeeds().values()], OPTIONS).duplicates).toEqual([]);
  });

  it('finds none in singleStory mode, which skips pair scoring', () => {
    expect(groupArticles(articles, { ...OPTIONS, singleStory: true }).duplicates).toEqual([]);
  });
});
